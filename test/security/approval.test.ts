/**
 * Approvals are independent (contract.md, "Approvals are human and independent"), tried with two
 * and three principals holding signed grant tokens, through MCP over HTTP and through REST:
 * an author cannot approve its own state; a reviewer the owner names can read and approve, never
 * edit; the owner releases only after the independent approval; strangers see nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { callTool, grantKeys, httpApp, localPrincipal, mcpClient, newRuntime, readJsonResource, type GrantKeys } from '../helpers/harness.js';
import { composeRuntime } from '../../src/compose.js';
import { createMemoryEventStore } from '../../src/runtime/store/memory-store.js';
import { steppingClock } from '../../src/kernel/clock.js';
import type { Level } from '../../src/runtime/capability.js';

const TINY = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8');
const STATEMENT = 'Checked ERC/DRC results, the net list against the schematic intent and the board picture.';

async function listen(app: { listen(port: number, host: string): Server }) {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, url: new URL(`http://127.0.0.1:${(server.address() as { port: number }).port}/mcp`) };
}

async function mcpAs(url: URL, keys: GrantKeys, sub: string, cap: Level): Promise<Client> {
  const token = await keys.token(sub, cap);
  const client = new Client({ name: sub, version: '1' });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return client;
}

/** Parse → place → route → ERC → DRC: everything the gate needs but the approval. */
async function buildBoard(call: (tool: string, args?: Record<string, unknown>) => Promise<{ isError: boolean; data: any }>) {
  expect((await call('design_parse_str', { yaml_content: TINY, design_name: 'led' })).isError).toBe(false);
  expect((await call('place_components', { design_name: 'led', seed: 3 })).data.unplaced).toEqual([]);
  expect((await call('route_nets', { design_name: 'led' })).data.completion.complete).toBe(true);
  expect((await call('erc_validate', { design_name: 'led' })).data.passed).toBe(true);
  expect((await call('drc_run', { design_name: 'led' })).data.passed).toBe(true);
}

describe('independent approval through MCP over HTTP with grant tokens', () => {
  it('author cannot approve; the named reviewer reads and approves but cannot edit; a stranger sees nothing; the owner releases', async () => {
    const { runtime, workspaceDir } = await newRuntime();
    const keys = grantKeys();
    const { app } = await httpApp(runtime, { keys });
    const { server, url } = await listen(app);
    try {
      const alice = await mcpAs(url, keys, 'alice', 'release-export');
      const bob = await mcpAs(url, keys, 'bob', 'approved-commit');
      const carol = await mcpAs(url, keys, 'carol', 'release-export');
      const sid = (await callTool(alice, 'session_create')).data.session_id as string;
      const a = (tool: string, args: Record<string, unknown> = {}) => callTool(alice, tool, { session_id: sid, ...args });
      const b = (tool: string, args: Record<string, unknown> = {}) => callTool(bob, tool, { session_id: sid, ...args });
      const c = (tool: string, args: Record<string, unknown> = {}) => callTool(carol, tool, { session_id: sid, ...args });
      await buildBoard(a);
      const hash = (await a('design_inspect', { design_name: 'led' })).data.summary.design_hash as string;

      // The author approving its own work: 403 SELF_APPROVAL, and its approval_id opens no gate.
      const self = await a('design_commit', { design_name: 'led', approval_id: 'APR-SELF', statement: STATEMENT });
      expect(self.data.error).toMatchObject({ code: 'SELF_APPROVAL', details: { approver: 'token:alice', design_name: 'led' } });
      expect((await a('export_kicad', { design_name: 'led', approval_id: 'APR-SELF', output_dir: 'fab' })).data.error.code).toBe('RELEASE_GATE_APPROVAL_REQUIRED');

      // Before being named, Bob is a stranger: the same answer as for an unknown session.
      expect((await b('design_inspect', { design_name: 'led' })).data.error.code).toBe('OBJECT_NOT_AUTHORIZED');
      expect((await b('design_commit', { design_name: 'led', approval_id: 'APR-1', statement: STATEMENT })).data.error.code).toBe('OBJECT_NOT_AUTHORIZED');

      // Only the owner names reviewers; anonymous ids and the owner itself are refused.
      expect((await a('session_add_reviewer', { principal: 'anon:127.0.0.1' })).data.error.code).toBe('INVALID_INPUT');
      expect((await a('session_add_reviewer', { principal: 'token:alice' })).data.error.code).toBe('INVALID_INPUT');
      expect((await a('session_add_reviewer', { principal: 'token:bob' })).data.reviewers).toEqual(['token:bob']);

      // The reviewer reads the session: tools, the event log and the audit trail.
      expect((await b('design_inspect', { design_name: 'led' })).data.summary.design_hash).toBe(hash);
      expect((await b('session_events', { limit: 5 })).data.events[0].type).toBe('SessionCreated');
      expect((await b('audit_list_events')).data.events.length).toBeGreaterThan(0);
      expect((await readJsonResource(bob, `zaptrace://sessions/${sid}/audit`)).session_id).toBe(sid);

      // ...but never edits, runs checks, exports or names reviewers: OPERATION_NOT_AUTHORIZED, audited.
      for (const [tool, args] of [
        ['component_add', { design_name: 'led', ref: 'R9', type_name: 'resistor' }],
        ['board_update', { design_name: 'led', width_mm: 40 }],
        ['drc_run', { design_name: 'led' }],
        ['export_svg', { design_name: 'led', output_path: 'x.svg' }],
        ['session_add_reviewer', { principal: 'token:carol' }],
        ['design_parse_str', { yaml_content: TINY, design_name: 'other' }],
      ] as const) {
        const res = await b(tool, args);
        expect(res.data.error, tool).toMatchObject({ code: 'OPERATION_NOT_AUTHORIZED', details: { role: 'reviewer' } });
      }
      expect((await a('design_inspect', { design_name: 'led' })).data.summary.design_hash).toBe(hash);

      // The approval needs the reviewer's own statement; then it records approver, hash and statement.
      expect((await b('design_commit', { design_name: 'led', approval_id: 'APR-1', statement: '   ' })).data.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'statement' } });
      const approved = await b('design_commit', { design_name: 'led', approval_id: 'APR-1', statement: STATEMENT });
      expect(approved.data).toMatchObject({ design_name: 'led', approval_id: 'APR-1', design_hash: hash });
      const committed = (await a('session_events', { limit: 1000 })).data.events.find((e: { type: string }) => e.type === 'DesignCommitted');
      expect(committed).toMatchObject({ actor: { principal: 'token:bob' }, data: { approver: 'token:bob', design_hash: hash, statement: STATEMENT, self_approval: false } });

      // A stranger with the highest grant still sees nothing of the session.
      for (const [tool, args] of [['design_inspect', { design_name: 'led' }], ['design_commit', { design_name: 'led', approval_id: 'APR-C', statement: STATEMENT }], ['session_events', {}]] as const) {
        expect((await c(tool, args)).data.error.code, tool).toBe('OBJECT_NOT_AUTHORIZED');
      }
      await expect(readJsonResource(carol, `zaptrace://sessions/${sid}/events`)).rejects.toThrow();

      // The owner releases on the reviewer's approval; the manifest names both.
      const out = await a('export_kicad', { design_name: 'led', approval_id: 'APR-1', output_dir: 'fab' });
      expect(out.isError).toBe(false);
      const manifest = JSON.parse(readFileSync(join(workspaceDir, 'fab/manifest.json'), 'utf8'));
      expect(manifest).toMatchObject({ approval: { approval_id: 'APR-1', principal: 'token:bob', statement: STATEMENT, self_approval: false }, authors: ['token:alice'], self_approval_allowed: false });

      const audit = (await a('audit_list_events', { limit: 1000 })).data.events as { tool: string; principal: string; decision: string; outcome: string }[];
      expect(audit.filter((e) => e.principal === 'token:bob' && e.decision === 'deny').map((e) => e.tool)).toEqual(['component_add', 'board_update', 'drc_run', 'export_svg', 'session_add_reviewer', 'design_parse_str']);
      expect(audit.find((e) => e.tool === 'session_add_reviewer' && e.outcome === 'ok')).toMatchObject({ principal: 'token:alice', decision: 'allow' });
      for (const client of [alice, bob, carol]) await client.close();
    } finally {
      server.close();
    }
  });

  it('a transaction is committed (approved) by the reviewer, not by the agent that previewed it', async () => {
    const { runtime } = await newRuntime();
    const owner = await mcpClient(runtime, localPrincipal('approved-commit', 'token:alice'));
    const reviewer = await mcpClient(runtime, localPrincipal('approved-commit', 'token:bob'));
    const sid = (await callTool(owner, 'session_create')).data.session_id as string;
    await callTool(owner, 'design_parse_str', { session_id: sid, yaml_content: TINY, design_name: 'led' });
    const tx = await callTool(owner, 'design_transaction_preview', { session_id: sid, design_name: 'led', operation: 'board_update', params: { width_mm: 40 } });
    expect((await callTool(owner, 'design_transaction_commit', { session_id: sid, tx_id: tx.data.tx_id, approval_id: 'T1', statement: STATEMENT })).data.error.code).toBe('SELF_APPROVAL');
    await callTool(owner, 'session_add_reviewer', { session_id: sid, principal: 'token:bob' });
    const done = await callTool(reviewer, 'design_transaction_commit', { session_id: sid, tx_id: tx.data.tx_id, approval_id: 'T1', statement: STATEMENT });
    expect(done.data.design_hash).toBe(tx.data.candidate_hash);
    // The reviewer did not become an author by committing: a later approval of this state by it stands.
    expect((await callTool(reviewer, 'design_commit', { session_id: sid, design_name: 'led', approval_id: 'T2', statement: STATEMENT })).isError).toBe(false);
  });
});

describe('independent approval through REST with grant tokens', () => {
  it('403 SELF_APPROVAL for the author, reads and approval for the reviewer, 403 edits, 403 for strangers, 200 release', async () => {
    const { runtime } = await newRuntime();
    const keys = grantKeys();
    const { app } = await httpApp(runtime, { keys });
    const agent = request(app.callback());
    const bearer = async (sub: string, cap: Level) => ({ Authorization: `Bearer ${await keys.token(sub, cap)}` });
    const alice = await bearer('alice', 'release-export');
    const bob = await bearer('bob', 'approved-commit');
    const carol = await bearer('carol', 'release-export');
    const sid = (await agent.post('/api/v1/sessions').set(alice).expect(201)).body.session_id as string;
    const tool = (who: Record<string, string>, name: string, body: Record<string, unknown>) => agent.post(`/api/v1/tools/${name}`).set(who).set('X-ZapTrace-Session-Id', sid).send(body);
    const call = async (name: string, args: Record<string, unknown> = {}) => {
      const res = await tool(alice, name, args);
      return { isError: !res.body.ok, data: res.body.ok ? res.body.result : res.body };
    };
    await buildBoard(call);

    const self = await tool(alice, 'design_commit', { design_name: 'led', approval_id: 'APR-1', statement: STATEMENT });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('SELF_APPROVAL');
    expect((await agent.get('/api/v1/designs/led').set(bob).set('X-ZapTrace-Session-Id', sid)).status).toBe(403);
    expect((await tool(alice, 'session_add_reviewer', { principal: 'token:bob' })).status).toBe(200);

    expect((await agent.get('/api/v1/designs/led').set(bob).set('X-ZapTrace-Session-Id', sid)).body.summary.design_name).toBe('led');
    expect((await agent.get('/api/v1/audit/events').set(bob).set('X-ZapTrace-Session-Id', sid)).status).toBe(200);
    expect((await agent.get(`/api/v1/sessions/${sid}/events`).set(bob)).text).toContain('ReviewerAdded');
    const edit = await tool(bob, 'component_remove', { design_name: 'led', ref: 'R1' });
    expect(edit.status).toBe(403);
    expect(edit.body.error).toMatchObject({ code: 'OPERATION_NOT_AUTHORIZED', details: { role: 'reviewer' } });
    const approve = await tool(bob, 'design_commit', { design_name: 'led', approval_id: 'APR-1', statement: STATEMENT });
    expect(approve.status).toBe(200);

    for (const res of [
      await agent.get('/api/v1/designs/led').set(carol).set('X-ZapTrace-Session-Id', sid),
      await agent.get(`/api/v1/sessions/${sid}/events`).set(carol),
      await agent.get('/api/v1/audit/events').set(carol).set('X-ZapTrace-Session-Id', sid),
      await tool(carol, 'design_commit', { design_name: 'led', approval_id: 'APR-C', statement: STATEMENT }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('OBJECT_NOT_AUTHORIZED');
    }
    const release = await tool(alice, 'export_kicad', { design_name: 'led', approval_id: 'APR-1', output_dir: 'fab' });
    expect(release.status).toBe(200);
    expect(release.body.result.manifest.approval).toMatchObject({ principal: 'token:bob', self_approval: false });
  });
});

describe('development mode identities', () => {
  it('dev:<actor> principals come from an unauthenticated header, so one never counts as independent of another', async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const as = (actor: string) => ({ 'X-ZapTrace-Capabilities': 'release-export', 'X-ZapTrace-Actor': actor });
    const sid = (await agent.post('/api/v1/sessions').set(as('alice')).expect(201)).body.session_id as string;
    const tool = (actor: string, name: string, body: Record<string, unknown>) => agent.post(`/api/v1/tools/${name}`).set(as(actor)).set('X-ZapTrace-Session-Id', sid).send(body);
    expect((await tool('alice', 'design_parse_str', { yaml_content: TINY, design_name: 'led' })).status).toBe(200);
    expect((await tool('alice', 'session_add_reviewer', { principal: 'dev:bob' })).status).toBe(200);
    expect((await agent.get('/api/v1/designs/led').set(as('bob')).set('X-ZapTrace-Session-Id', sid)).status).toBe(200);
    const approve = await tool('bob', 'design_commit', { design_name: 'led', approval_id: 'APR-1', statement: STATEMENT });
    expect(approve.status).toBe(403);
    expect(approve.body.error).toMatchObject({ code: 'SELF_APPROVAL', details: { approver: 'dev:bob' } });
  });
});

describe('the single-user development opt-out', () => {
  it('lets the author approve, records self_approval in the approval and the manifest, and is checked again at release', async () => {
    const { runtime } = await newRuntime({ allowSelfApproval: true });
    const client = await mcpClient(runtime, localPrincipal('release-export', 'local:solo'));
    const sid = (await callTool(client, 'session_create')).data.session_id as string;
    const call = (tool: string, args: Record<string, unknown> = {}) => callTool(client, tool, { session_id: sid, ...args });
    await buildBoard(call);
    expect((await call('design_commit', { design_name: 'led', approval_id: 'APR-1', statement: STATEMENT })).isError).toBe(false);
    const out = await call('export_kicad', { design_name: 'led', approval_id: 'APR-1', output_dir: 'fab' });
    expect(out.data.manifest).toMatchObject({ approval: { principal: 'local:solo', self_approval: true }, self_approval_allowed: true });

    // The same log on a server started without the opt-out: the self-approval opens no gate.
    const store = createMemoryEventStore();
    await store.append(sid, await runtime.readEvents(sid), 0);
    const strict = await composeRuntime({ workspaceDir: (await newRuntime()).workspaceDir, store, clock: steppingClock() });
    const soloAgain = await mcpClient(strict, localPrincipal('release-export', 'local:solo'));
    const again = await callTool(soloAgain, 'export_kicad', { session_id: sid, design_name: 'led', approval_id: 'APR-1', output_dir: 'fab' });
    expect(again.data.error).toMatchObject({ code: 'SELF_APPROVAL', details: { approver: 'local:solo' } });
    // The report agrees with the gate: the self-approval does not make the design ready there.
    expect((await call('render_report', { design_name: 'led' })).data.markdown).toContain('Ready for release');
    expect((await callTool(soloAgain, 'render_report', { session_id: sid, design_name: 'led' })).data.markdown).toContain('Not ready for release');
  });
});
