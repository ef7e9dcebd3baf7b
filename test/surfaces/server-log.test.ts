import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../helpers/cli.js';
import { ESP32_YAML, grantKeys, tempDir } from '../helpers/harness.js';

interface AccessLine {
  msg: string;
  level: number;
  method: string;
  route: string;
  status: number;
  ms: number;
  principal: string | null;
  session: string | null;
  request_id: string | null;
  tool: string | null;
  decision: string;
  code?: string | null;
}

async function stopped(server: Awaited<ReturnType<typeof startServer>>): Promise<string> {
  const exited = new Promise<void>((done) => server.child.once('exit', () => done()));
  server.stop();
  await exited;
  return server.stderr();
}

const accessLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as AccessLine)
    .filter((l) => l.msg === 'request' || l.msg === 'request failed');

describe('structured server log (pino) of the real `zaptrace serve`', () => {
  it('writes one access line per request with route, status, principal, session, request id, tool and decision, and never the token', async () => {
    const keys = grantKeys();
    const keyFile = join(tempDir('zt-log-'), 'grant.pem');
    writeFileSync(keyFile, keys.publicPem);
    const token = await keys.token('alice', 'sandbox-write');
    const server = await startServer(['--grant-key', keyFile]);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${server.base}/api/v1/sessions`, { method: 'POST', headers: auth, body: '{}' });
    const sessionId = ((await created.json()) as { session_id: string }).session_id;
    const parse = await fetch(`${server.base}/api/v1/tools/design_parse_str`, { method: 'POST', headers: { ...auth, 'x-zaptrace-session-id': sessionId }, body: JSON.stringify({ yaml_content: ESP32_YAML(), design_name: 'esp' }) });
    expect(parse.status).toBe(200);
    const denied = await fetch(`${server.base}/api/v1/tools/design_commit`, { method: 'POST', headers: { ...auth, 'x-zaptrace-session-id': sessionId }, body: JSON.stringify({ design_name: 'esp', approval_id: 'a1', statement: 'ok' }) });
    expect(denied.status).toBe(403);
    const deniedId = ((await denied.json()) as { error: { request_id: string } }).error.request_id;
    const forged = await fetch(`${server.base}/api/v1/sessions`, { headers: { authorization: `Bearer ${token.slice(0, -4)}AAAA` } });
    expect(forged.status).toBe(401);
    const stderr = await stopped(server);

    const lines = accessLines(stderr);
    expect(lines.length).toBe(4);
    const ok = lines.find((l) => l.tool === 'design_parse_str')!;
    expect(ok).toMatchObject({ method: 'POST', route: '/api/v1/tools/:tool', status: 200, principal: 'token:alice', session: sessionId, decision: 'allow', request_id: parse.headers.get('x-request-id') });
    expect(ok.ms).toEqual(expect.any(Number));
    expect(lines.find((l) => l.tool === 'design_commit')).toMatchObject({ status: 403, decision: 'deny', request_id: deniedId, code: 'OPERATION_NOT_AUTHORIZED' });
    expect(lines.find((l) => l.status === 401)).toMatchObject({ method: 'GET', decision: 'deny', code: expect.any(String) });
    // No secret reaches the log: neither the token nor its signature, nor the design text sent.
    expect(stderr).not.toContain(token);
    expect(stderr).not.toContain(token.split('.')[2]!);
    expect(stderr).not.toContain(ESP32_YAML().trim().split('\n')[0]!);
  }, 60_000);

  it('--log-level error keeps access lines out', async () => {
    const server = await startServer(['--dev-capability-headers', '--log-level', 'error']);
    expect((await fetch(`${server.base}/api/v1/health`)).status).toBe(200);
    expect(accessLines(await stopped(server))).toEqual([]);
  }, 60_000);
});
