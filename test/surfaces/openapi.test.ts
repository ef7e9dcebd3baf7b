import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { httpApp, newRuntime, tempDir } from '../helpers/harness.js';

/** Every route the koa app serves, as `METHOD path` in OpenAPI's template syntax. */
const ROUTES = [
  'GET /healthz', 'GET /readyz', 'GET /metrics',
  'GET /api/v1/health', 'GET /api/v1/openapi.json', 'GET /api/v1/tools', 'GET /api/v1/log-key', 'GET /api/v1/security/events',
  'POST /api/v1/sessions', 'GET /api/v1/sessions', 'GET /api/v1/sessions/{id}/events', 'GET /api/v1/sessions/{id}/stream', 'GET /api/v1/sessions/{id}/head',
  'GET /api/v1/audit/events', 'GET /api/v1/designs/{name}', 'GET /api/v1/review/sessions', 'GET /api/v1/review/sessions/{id}/board',
];

async function servedDocument() {
  const { runtime } = await newRuntime();
  const { app } = await httpApp(runtime);
  const agent = request(app.callback());
  const doc = (await agent.get('/api/v1/openapi.json').expect(200)).body;
  const tools = (await agent.get('/api/v1/tools').expect(200)).body.tools as { name: string; level: string }[];
  return { doc, tools };
}

type Operation = { security?: Record<string, string[]>[]; responses: Record<string, unknown>; operationId: string };

describe('the OpenAPI document', () => {
  it('covers every REST route and tool, with security per operation, error responses and servers', async () => {
    const { doc, tools } = await servedDocument();
    const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));
    const keys = operations.map((o) => o.key);
    for (const route of ROUTES) expect(keys).toContain(route);
    for (const t of tools) expect(keys).toContain(`POST /api/v1/tools/${t.name}`);
    expect(doc.servers).toEqual([{ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), description: expect.any(String) }]); // the origin it was fetched from
    for (const { key, op } of operations) {
      expect([key, Array.isArray(op.security)]).toEqual([key, true]);
      expect([key, Object.keys(op.responses).some((s) => s.startsWith('4'))]).toEqual([key, true]);
      expect([key, op.responses['5XX'] ?? op.responses['500']]).not.toEqual([key, undefined]);
    }
    // A write needs a grant: no anonymous alternative in its security requirements.
    const write = operations.find((o) => o.key === 'POST /api/v1/tools/component_add')!.op;
    expect(write.security).toEqual([{ grantToken: [] }, { devCapabilities: [] }]);
    const read = operations.find((o) => o.key === 'POST /api/v1/tools/design_list')!.op;
    expect(read.security).toContainEqual({});
    expect(doc.components.responses.Forbidden.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorEnvelope' });
  });

  it('passes redocly lint (recommended ruleset) with 0 errors and 0 warnings', async () => {
    const { doc } = await servedDocument();
    const file = join(tempDir('zt-openapi-'), 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const run = spawnSync(process.execPath, [resolve('node_modules/@redocly/cli/bin/cli.js'), 'lint', file, '--format', 'json'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: { message: string; location: { pointer: string }[] }[] };
    expect(report.problems.map((p) => `${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(run.status).toBe(0);
  }, 150_000);
});
