import { describe, expect, it } from 'vitest';
import { ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import request from 'supertest';
import { callTool, ESP32_YAML, httpApp, localPrincipal, mcpClient, newRuntime, readJsonResource } from '../helpers/harness.js';

describe('MCP surface (SDK Client over the in-memory transport)', () => {
  it('lists every registry tool with its level, the same set REST exposes', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal(null));
    const { tools } = await client.listTools();
    const { app } = await httpApp(runtime);
    const rest = await request(app.callback()).get('/api/v1/tools').expect(200);
    const mcpNames = tools.map((t) => t.name).sort();
    const restNames = (rest.body.tools as { name: string }[]).map((t) => t.name).sort();
    expect(mcpNames).toEqual(restNames);
    expect(mcpNames).toEqual(runtime.tools().map((t) => t.name).sort());
    expect(mcpNames).toContain('design_parse_str');
    for (const t of tools) expect(t.inputSchema.type).toBe('object');
  });

  it('denies a write without a grant, before the handler, and audits the denial', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal(null));
    const denied = await callTool(client, 'design_parse_str', { yaml_content: ESP32_YAML() });
    expect(denied.isError).toBe(true);
    expect(denied.data.error.code).toBe('OPERATION_NOT_AUTHORIZED');
    expect(denied.data.error.details.required_capability).toBe('preview-write');
    const list = await callTool(client, 'design_list');
    expect(list.data.designs).toEqual([]);
    const body = await readJsonResource(client, 'zaptrace://audit/events');
    expect(body.events).toHaveLength(1);
    expect(body.events[0]).toMatchObject({ tool: 'design_parse_str', decision: 'deny', capability: 'preview-write', surface: 'mcp', outcome: 'OPERATION_NOT_AUTHORIZED', granted: ['read'] });
  });

  it('allows a write with a grant, audits it, and replays the session', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const parsed = await callTool(client, 'design_parse_str', { yaml_content: ESP32_YAML(), design_name: 'esp' });
    expect(parsed.isError).toBe(false);
    expect(parsed.data).toMatchObject({ design_name: 'esp', components: 12, nets: 5 });
    expect(parsed.data.design_hash).toMatch(/^[0-9a-f]{64}$/);
    const parsedSeq = (await callTool(client, 'session_events')).data.events.at(-1).seq as number;
    const removed = await callTool(client, 'component_remove', { design_name: 'esp', ref: 'TP1' });
    expect(removed.data.components).toBe(11);
    expect(removed.data.design_hash).not.toBe(parsed.data.design_hash);

    const audit = await readJsonResource(client, 'zaptrace://audit/events');
    expect(audit.events.map((e: { tool: string; decision: string; outcome: string }) => [e.tool, e.decision, e.outcome])).toEqual([
      ['design_parse_str', 'allow', 'ok'],
      ['component_remove', 'allow', 'ok'],
    ]);

    const before = await callTool(client, 'design_at', { design_name: 'esp', seq: parsedSeq });
    expect(before.data.summary.components).toBe(12);
    expect(before.data.summary.design_hash).toBe(parsed.data.design_hash);
    const diff = await callTool(client, 'design_diff', { design_name: 'esp', from_seq: parsedSeq });
    expect(diff.data.identical).toBe(false);
  });

  it('sends resource-updated notifications from the live stream', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    await callTool(client, 'design_list'); // creates nothing; audit resource needs the default session
    const updates: string[] = [];
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => {
      updates.push(n.params.uri);
    });
    await client.subscribeResource({ uri: 'zaptrace://audit/events' });
    await callTool(client, 'design_parse_str', { yaml_content: ESP32_YAML(), design_name: 'esp' });
    await new Promise((r) => setTimeout(r, 20));
    expect(updates).toContain('zaptrace://audit/events');
  });

  it('keeps sessions private: another principal gets OBJECT_NOT_AUTHORIZED whether the id exists or not', async () => {
    const { runtime } = await newRuntime();
    const alice = await mcpClient(runtime, localPrincipal('sandbox-write', 'local:alice'));
    const mallory = await mcpClient(runtime, localPrincipal('release-export', 'local:mallory'));
    const { session_id } = (await callTool(alice, 'session_create')).data;
    await callTool(alice, 'design_parse_str', { session_id, yaml_content: ESP32_YAML(), design_name: 'esp' });
    const existing = await callTool(mallory, 'design_inspect', { session_id, design_name: 'esp' });
    const missing = await callTool(mallory, 'design_inspect', { session_id: 'zs_doesnotexist0000000000000', design_name: 'esp' });
    expect(existing.data.error.code).toBe('OBJECT_NOT_AUTHORIZED');
    expect(missing.data.error).toEqual({ ...existing.data.error, request_id: missing.data.error.request_id });
    const write = await callTool(mallory, 'component_remove', { session_id, design_name: 'esp', ref: 'U1' });
    expect(write.data.error.code).toBe('OBJECT_NOT_AUTHORIZED');
    // Nothing of Mallory's attempts lands in Alice's log; the security log has them.
    const aliceAudit = await readJsonResource(alice, `zaptrace://sessions/${session_id}/audit`);
    expect(aliceAudit.events.every((e: { principal: string }) => e.principal === 'local:alice')).toBe(true);
    expect(runtime.securityLog.entries().filter((e) => e.principal === 'local:mallory')).toHaveLength(3);
    await expect(mallory.readResource({ uri: `zaptrace://sessions/${session_id}/events` })).rejects.toThrow();
  });

  it('rejects bad input with INVALID_INPUT and a field path, audited, log otherwise unchanged', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    await callTool(client, 'design_parse_str', { yaml_content: ESP32_YAML(), design_name: 'esp' });
    const before = (await callTool(client, 'design_inspect', { design_name: 'esp' })).data.summary.design_hash;
    const bad = await callTool(client, 'board_update', { design_name: 'esp', width_mm: 'wide' });
    expect(bad.data.error.code).toBe('INVALID_INPUT');
    expect(bad.data.error.details.path).toBe('width_mm');
    // A well-formed number out of range is UNPROCESSABLE (422), also with the field path.
    const negative = await callTool(client, 'board_update', { design_name: 'esp', width_mm: -5 });
    expect(negative.data.error).toMatchObject({ code: 'UNPROCESSABLE', details: { path: 'width_mm' } });
    const unknown = await callTool(client, 'no_such_tool', {});
    expect(unknown.data.error.code).toBe('NOT_FOUND');
    expect((await callTool(client, 'design_inspect', { design_name: 'esp' })).data.summary.design_hash).toBe(before);
  });
});

describe('hostile design input through MCP', () => {
  it('answers an alias bomb, deep nesting and unknown nodes with INVALID_INPUT and a path, leaving the log unchanged', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('preview-write'));
    await callTool(client, 'design_parse_str', { yaml_content: ESP32_YAML(), design_name: 'esp' });
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    const deep = `meta: {name: x}\nboard: ${'['.repeat(500)}${']'.repeat(500)}\n`;
    const unknownNode = 'meta: {name: x}\ncomponents:\n  R1: {ref: R1, type: RES, pins: {P1: {type: passive}}}\nnets:\n  A: {nodes: [R1.P1, U9.X]}\n';
    for (const text of [bomb, deep, unknownNode]) {
      const res = await callTool(client, 'design_parse_str', { yaml_content: text, design_name: 'bad' });
      expect(res.data.error.code).toBe('INVALID_INPUT');
      expect(typeof res.data.error.details.path).toBe('string');
    }
    const designs = (await callTool(client, 'design_list')).data.designs;
    expect(designs.map((d: { design_name: string }) => d.design_name)).toEqual(['esp']);
  });
});
