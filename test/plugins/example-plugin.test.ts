import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callTool, grantKeys, httpApp, localPrincipal, mcpClient, readJsonResource } from '../helpers/harness.js';
import { listenLoopback, rawRequest } from '../helpers/raw-http.js';
import { approveAsReviewer } from '../helpers/review.js';
import { FAB_DFM, copyPlugin, isAlive, pluginPids, resign, runtimeWithPlugins } from './plugin-fixtures.js';

/**
 * The example plugin (examples/plugins/fab-dfm, a fab-capability DFM check) through the real
 * surfaces: its tool is in the one registry as plugin.fab-dfm.dfm_check, callable over MCP (SDK
 * client) and REST (real HTTP, grant tokens), audited with the plugin's principal as subject, and
 * its pass is release evidence only when the operator admitted it as such (docs/plugins.md).
 */
const TINY = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8');
const CHECK = 'plugin.fab-dfm.dfm_check';
const SUBJECT = 'plugin:fab-dfm@1.0.0';

async function routedBoard(admission: string) {
  const { runtime, workspaceDir } = await runtimeWithPlugins([`${FAB_DFM}=${admission}`]);
  const client = await mcpClient(runtime, localPrincipal('release-export'));
  const c = (name: string, args: Record<string, unknown> = {}) => callTool(client, name, { design_name: 'led', ...args });
  await callTool(client, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
  expect((await c('place_components', { seed: 3 })).data.unplaced).toEqual([]);
  expect((await c('route_nets')).data.completion.complete).toBe(true);
  return { runtime, workspaceDir, client, c };
}

describe('the example fab-capability plugin', () => {
  it('over MCP: listed, callable, checks the board against a fab profile, recorded bound to the state hash, audited under its own subject; a read-only caller is denied', async () => {
    const { runtime, client, c } = await routedBoard('sandbox-write,evidence');
    try {
      const listed = (await client.listTools()).tools.find((t) => t.name === CHECK);
      expect(listed?.description).toContain(`Runs plugin ${SUBJECT}; its pass is release evidence`);
      expect(listed?.inputSchema.required).toEqual(['design_name']);
      expect(listed?.annotations).toEqual({ destructiveHint: false, openWorldHint: false });

      const pass = await c(CHECK, { options: { profile: 'example-fab' } });
      expect(pass.isError).toBe(false);
      const hash = (await c('design_inspect')).data.summary.design_hash;
      expect(pass.data).toMatchObject({ check: CHECK, plugin: SUBJECT, passed: true, evaluated_hash: hash, evidence: true, recorded: true, ruleset_version: 'fab-dfm/1 example-fab' });

      // The coarse profile's 0.25 mm track and space is more than the router's 0.2 mm signal tracks.
      const fail = await c(CHECK, { options: { profile: 'coarse-fab' } });
      expect(fail.data.passed).toBe(false);
      const rules = new Set(fail.data.findings.map((f: { rule: string }) => f.rule));
      expect(rules.has('fab.min_track')).toBe(true);
      expect(fail.data.findings.find((f: { rule: string }) => f.rule === 'fab.min_track')).toMatchObject({ severity: 'error', required_mm: 0.25 });

      const audit = await readJsonResource(client, 'zaptrace://audit/events');
      expect(audit.events.at(-1)).toMatchObject({ tool: CHECK, principal: 'local:test', subject: SUBJECT, capability: 'sandbox-write', decision: 'allow', outcome: 'ok' });
      const recorded = (await runtime.readEvents(audit.session_id)).filter((e) => e.type === 'PluginCheckRecorded');
      expect(recorded).toHaveLength(2);

      const unknown = await c(CHECK, { options: { profile: '../../etc/passwd' } });
      expect(unknown.data.error).toMatchObject({ code: 'PLUGIN_FAILED', details: { reason: 'PLUGIN_TOOL_ERROR' } });

      const reader = await mcpClient(runtime, localPrincipal(null, 'local:reader'));
      // Capability is checked before the handler: the plugin is never started for a caller without the level.
      const own = await callTool(reader, CHECK, { design_name: 'led' });
      expect(own.data.error).toMatchObject({ code: 'OPERATION_NOT_AUTHORIZED', details: { required_capability: 'sandbox-write' } });
      const readerAudit = await readJsonResource(reader, 'zaptrace://audit/events');
      expect(readerAudit.events.at(-1)).toMatchObject({ tool: CHECK, principal: 'local:reader', subject: SUBJECT, decision: 'deny' });
    } finally {
      await runtime.close();
    }
  }, 60_000);

  it('admitted as evidence, the release gate needs its pass on the current state, and the release manifest names it', async () => {
    const { runtime, workspaceDir, client, c } = await routedBoard('sandbox-write,evidence');
    try {
      expect((await c('erc_validate')).data.passed).toBe(true);
      expect((await c('drc_run')).data.passed).toBe(true);
      expect((await approveAsReviewer(runtime, client, 'led', 'APR-1')).isError).toBe(false);
      const missing = await c('export_kicad', { approval_id: 'APR-1', output_dir: 'fab' });
      expect(missing.data.error).toMatchObject({ code: 'RELEASE_GATE_EVIDENCE_MISSING', details: { check: CHECK } });
      await c(CHECK, { options: { profile: 'coarse-fab' } });
      const failed = await c('export_kicad', { approval_id: 'APR-1', output_dir: 'fab' });
      expect(failed.data.error).toMatchObject({ code: 'RELEASE_GATE_EVIDENCE_FAILED', details: { check: CHECK } });
      const pass = await c(CHECK, { options: { profile: 'example-fab' } });
      const out = await c('export_kicad', { approval_id: 'APR-1', output_dir: 'fab' });
      expect(out.isError).toBe(false);
      const manifest = JSON.parse(readFileSync(join(workspaceDir, 'fab/manifest.json'), 'utf8'));
      expect(manifest.evidence.plugins).toEqual([
        { check: CHECK, plugin: SUBJECT, publisher_key: pass.data.publisher_key, seq: expect.any(Number), evaluated_hash: manifest.design_hash, ruleset_version: 'fab-dfm/1 example-fab' },
      ]);

      // A change after the check: ERC, DRC and the approval are renewed, the plugin result is not.
      expect((await c('board_update', { thickness_mm: 1.2 })).isError).toBe(false);
      await c('erc_validate');
      await c('drc_run');
      await approveAsReviewer(runtime, client, 'led', 'APR-2');
      const stale = await c('export_kicad', { approval_id: 'APR-2', output_dir: 'fab2' });
      expect(stale.data.error).toMatchObject({ code: 'RELEASE_GATE_EVIDENCE_STALE', details: { check: CHECK, evaluated_hash: pass.data.evaluated_hash } });
    } finally {
      await runtime.close();
    }
  }, 60_000);

  it('admitted without evidence, its results say evidence: false and the release gate neither needs nor cites them', async () => {
    const { runtime, workspaceDir, client, c } = await routedBoard('sandbox-write');
    try {
      expect((await c(CHECK, { options: { profile: 'coarse-fab' } })).data).toMatchObject({ passed: false, evidence: false });
      await c('erc_validate');
      await c('drc_run');
      await approveAsReviewer(runtime, client, 'led', 'APR-1');
      expect((await c('export_kicad', { approval_id: 'APR-1', output_dir: 'fab' })).isError).toBe(false);
      expect(JSON.parse(readFileSync(join(workspaceDir, 'fab/manifest.json'), 'utf8')).evidence.plugins).toBeUndefined();
    } finally {
      await runtime.close();
    }
  }, 60_000);

  it('over REST (real HTTP, grant tokens): listed, callable, audited with the plugin as subject and the token holder as principal', async () => {
    const { runtime } = await runtimeWithPlugins([`${FAB_DFM}=sandbox-write`]);
    const keys = grantKeys();
    const { app } = await httpApp(runtime, { keys });
    const srv = await listenLoopback(app);
    try {
      const auth = { authorization: `Bearer ${await keys.token('alice', 'sandbox-write')}`, 'content-type': 'application/json' };
      const post = (path: string, body: unknown, sid?: string) => rawRequest(srv.base, path, { method: 'POST', headers: { ...auth, ...(sid ? { 'x-zaptrace-session-id': sid } : {}) }, body: JSON.stringify(body) });
      const tools = (await rawRequest(srv.base, '/api/v1/tools', { headers: auth })).json().tools as { name: string; level: string }[];
      expect(tools.find((t) => t.name === CHECK)).toMatchObject({ level: 'sandbox-write' });
      const sid = (await post('/api/v1/sessions', {})).json().session_id as string;
      expect((await post('/api/v1/tools/design_parse_str', { yaml_content: TINY, design_name: 'led' }, sid)).status).toBe(200);
      expect((await post('/api/v1/tools/place_components', { design_name: 'led', seed: 3 }, sid)).status).toBe(200);
      expect((await post('/api/v1/tools/route_nets', { design_name: 'led' }, sid)).status).toBe(200);
      const res = await post(`/api/v1/tools/${CHECK}`, { design_name: 'led', options: { profile: 'example-fab' } }, sid);
      expect(res.status).toBe(200);
      expect(res.json().result).toMatchObject({ check: CHECK, plugin: SUBJECT, passed: true, evidence: false, recorded: true });
      const bad = await post(`/api/v1/tools/${CHECK}`, { design_name: 'led', options: { 'Bad Key': 1 } }, sid);
      expect(bad.status).toBe(400);
      const audit = (await rawRequest(srv.base, '/api/v1/audit/events', { headers: { ...auth, 'x-zaptrace-session-id': sid } })).json().events;
      expect(audit.at(-1)).toMatchObject({ tool: CHECK, principal: 'token:alice', subject: SUBJECT, surface: 'rest', outcome: 'INVALID_INPUT' });
      expect(audit.at(-2)).toMatchObject({ tool: CHECK, principal: 'token:alice', subject: SUBJECT, surface: 'rest', outcome: 'ok' });
    } finally {
      await srv.close();
      await runtime.close();
    }
  }, 60_000);

  it('a read-level check answers without recording anything or leaving an audit event', async () => {
    const dir = copyPlugin(FAB_DFM);
    resign(dir, (m) => {
      m.tools[0].level = 'read';
    });
    const { runtime } = await runtimeWithPlugins([dir]);
    try {
      const owner = await mcpClient(runtime, localPrincipal('preview-write'));
      await callTool(owner, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
      const before = (await readJsonResource(owner, 'zaptrace://audit/events')).events.length;
      const res = await callTool(owner, CHECK, { design_name: 'led' });
      expect(res.data).toMatchObject({ check: CHECK, recorded: false, evidence: false });
      const audit = await readJsonResource(owner, 'zaptrace://audit/events');
      expect(audit.events.length).toBe(before);
      expect((await runtime.readEvents(audit.session_id)).some((e) => e.type === 'PluginCheckRecorded')).toBe(false);
    } finally {
      await runtime.close();
    }
  }, 60_000);

  it('checks its files again before starting a new process: a file changed after admission refuses the plugin', async () => {
    const dir = copyPlugin(FAB_DFM);
    const { runtime } = await runtimeWithPlugins([`${dir}=sandbox-write`]);
    try {
      const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
      await callTool(client, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
      expect((await callTool(client, CHECK, { design_name: 'led' })).isError).toBe(false);
      writeFileSync(join(dir, 'dfm.mjs'), 'export function checkDesign() { return { passed: true, findings: [] }; }\n');
      const [pid] = pluginPids('plugin');
      process.kill(pid!, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 200));
      expect(isAlive(pid!)).toBe(false);
      const res = await callTool(client, CHECK, { design_name: 'led' });
      expect(res.data.error).toMatchObject({ code: 'PLUGIN_FAILED', details: { reason: 'PLUGIN_FILE_CHANGED' } });
      expect(pluginPids('plugin')).toEqual([]);
      expect(runtime.securityLog.entries().at(-1)).toMatchObject({ principal: SUBJECT, reason: 'PLUGIN_FILE_CHANGED' });
    } finally {
      await runtime.close();
    }
  }, 60_000);
});
