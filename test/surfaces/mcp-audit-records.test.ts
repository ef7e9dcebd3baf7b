import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { headProblem } from '../../src/runtime/store/signed-head.js';
import { callTool, ESP32_YAML, httpApp, localPrincipal, mcpClient, newRuntime, readJsonResource } from '../helpers/harness.js';

/** The fields contract.md ("Audit evidence") asks of every audited call, as the audit view shows them. */
const CONTRACT_FIELDS = ['timestamp', 'surface', 'session_id', 'principal', 'actor', 'tool', 'capability', 'granted', 'decision', 'reason', 'request_id', 'outcome'];

describe('audit records over MCP: one per audited call, whichever event holds it', () => {
  it('an allowed call (record in its own event), a failed one (ToolAuthorized) and a denied one (ToolDenied) all show every contract field, in the tool and the resource', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write', 'local:auditee'));
    const sid = (await callTool(client, 'session_create')).data.session_id as string;
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'a' });
    expect((await callTool(client, 'component_add', { session_id: sid, design_name: 'a', ref: 'R900', type_name: 'RES', value: '1k' })).isError).toBe(false);
    expect((await callTool(client, 'component_remove', { session_id: sid, design_name: 'a', ref: 'NOPE' })).isError).toBe(true);
    expect((await callTool(client, 'design_commit', { session_id: sid, design_name: 'a', approval_id: 'A1', statement: 'x' })).isError).toBe(true);

    const viaTool = (await callTool(client, 'audit_list_events', { session_id: sid })).data.events as Record<string, unknown>[];
    expect(viaTool.map((e) => [e['tool'], e['event_type'], e['decision'], e['outcome']])).toEqual([
      ['design_parse_str', 'DesignParsed', 'allow', 'ok'],
      ['component_add', 'ComponentAdded', 'allow', 'ok'],
      ['component_remove', 'ToolAuthorized', 'allow', 'NOT_FOUND'],
      ['design_commit', 'ToolDenied', 'deny', 'OPERATION_NOT_AUTHORIZED'],
    ]);
    for (const e of viaTool) {
      for (const f of CONTRACT_FIELDS) expect(e, f).toHaveProperty(f);
      expect(e).toMatchObject({ surface: 'mcp', session_id: sid, principal: 'local:auditee' });
    }
    // The allowed call left one event, not an audit event and a design event.
    expect((await runtime.readEvents(sid)).map((e) => e.type)).toEqual(['SessionCreated', 'DesignParsed', 'ComponentAdded', 'ToolAuthorized', 'ToolDenied']);
    const viaResource = await readJsonResource(client, `zaptrace://sessions/${sid}/audit`);
    expect((viaResource.events as Record<string, unknown>[]).map((e) => e['seq'])).toEqual(viaTool.map((e) => e['seq']));
  });

  it('the head route, asked straight after a write to the in-memory store, answers a head covering that write', async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const who = { 'X-ZapTrace-Capabilities': 'sandbox-write', 'X-ZapTrace-Actor': 'head-test' };
    const sid = (await agent.post('/api/v1/sessions').set(who).expect(201)).body.session_id as string;
    await agent.post('/api/v1/tools/design_parse_str').set(who).set('X-ZapTrace-Session-Id', sid).send({ yaml_content: ESP32_YAML(), design_name: 'a' }).expect(200);
    await agent.post('/api/v1/tools/component_add').set(who).set('X-ZapTrace-Session-Id', sid).send({ design_name: 'a', ref: 'R901', type_name: 'RES', value: '1k' }).expect(200);
    const { head } = (await agent.get(`/api/v1/sessions/${sid}/head`).set(who).expect(200)).body as { head: { seq: number } };
    expect(head.seq).toBe((await runtime.state(sid)).seq);
    expect(headProblem(head, runtime.store.publicKeyPem)).toBeNull();
  });
});
