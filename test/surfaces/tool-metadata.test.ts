import { describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { ESP32_YAML, callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';
import { TOOL_HINTS } from '../../src/surfaces/tool-annotations.js';

type Schema = { description?: string; properties?: Record<string, Schema>; items?: Schema };

/** Every parameter path (nested objects and array items included) that has no description. */
function undescribed(tool: string, schema: Schema, path = ''): string[] {
  const missing: string[] = [];
  if (schema.items) missing.push(...undescribed(tool, schema.items, path));
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    if (!child.description) missing.push(`${tool}.${path}${name}`);
    missing.push(...undescribed(tool, child, `${path}${name}.`));
  }
  return missing;
}

async function listed() {
  const { runtime } = await newRuntime();
  const client = await mcpClient(runtime, localPrincipal('release-export'));
  const { tools } = await client.listTools();
  return { runtime, client, tools };
}

describe('tools/list describes every tool for a model', () => {
  it('gives every tool a title and description and every parameter a description', async () => {
    const { tools } = await listed();
    expect(tools.length).toBeGreaterThan(40);
    for (const t of tools) expect([t.name, t.title?.length ?? 0, t.description?.length ?? 0]).toEqual([t.name, expect.any(Number), expect.any(Number)]);
    expect(tools.filter((t) => !t.title || !t.description).map((t) => t.name)).toEqual([]);
    expect(tools.flatMap((t) => undescribed(t.name, t.inputSchema as Schema))).toEqual([]);
  });

  it('annotates every tool, and the hints match what the tools do', async () => {
    const { tools } = await listed();
    expect(tools.map((t) => t.name).sort()).toEqual(Object.keys(TOOL_HINTS).sort());
    const byName = new Map<string, Tool>(tools.map((t) => [t.name, t]));
    const ann = (n: string) => byName.get(n)!.annotations!;
    for (const t of tools) expect([t.name, t.annotations?.openWorldHint]).toEqual([t.name, false]);
    // session_create needs only the read level, yet it creates a session: not read-only.
    expect(ann('session_create').readOnlyHint).not.toBe(true);
    expect(ann('session_create').destructiveHint).toBe(false);
    for (const n of ['component_remove', 'net_connect', 'board_update', 'export_gerber', 'export_manufacturing', 'export_svg']) expect([n, ann(n).destructiveHint]).toEqual([n, true]);
    for (const n of ['component_add', 'net_add', 'design_parse_str', 'design_commit']) expect([n, ann(n).destructiveHint, ann(n).idempotentHint ?? false]).toEqual([n, false, false]);
    for (const n of ['design_list', 'library_search', 'render_svg', 'export_bom_csv', 'audit_list_events']) expect([n, ann(n).readOnlyHint]).toEqual([n, true]);
  });

  it('read-only tools append nothing to the session log', async () => {
    const { runtime, client, tools } = await listed();
    const created = await callTool(client, 'session_create', {});
    const session_id = created.data['session_id'] as string;
    expect((await callTool(client, 'design_parse_str', { session_id, yaml_content: ESP32_YAML(), design_name: 'esp' })).isError).toBe(false);
    const before = (await runtime.readEvents(session_id)).length;
    const args: Record<string, Record<string, unknown>> = {
      design_inspect: { design_name: 'esp' }, design_list_nets: { design_name: 'esp' }, render_svg: { design_name: 'esp' },
      export_bom_csv: { design_name: 'esp' }, design_list: {}, session_list: {}, audit_list_events: {}, library_search: { query: 'resistor' },
      design_at: { design_name: 'esp', seq: before }, design_diff: { design_name: 'esp', from_seq: before },
    };
    const readOnly = tools.filter((t) => t.annotations?.readOnlyHint === true && args[t.name]).map((t) => t.name);
    expect(readOnly.length).toBe(Object.keys(args).length);
    for (const name of readOnly) {
      const takesSession = 'session_id' in ((tools.find((t) => t.name === name)!.inputSchema as Schema).properties ?? {});
      const res = await callTool(client, name, { ...(takesSession ? { session_id } : {}), ...args[name] });
      expect([name, res.isError]).toEqual([name, false]);
    }
    expect((await runtime.readEvents(session_id)).length).toBe(before);
  });

  it('keeps the tool list compact: no $schema, no repeated error envelope, no size guards, under 850 bytes a tool', async () => {
    const { tools } = await listed();
    const text = JSON.stringify({ tools });
    expect(text).not.toContain('$schema');
    expect(text).not.toContain('"request_id":{"type"');
    expect(text).not.toContain('"maxLength":4194304');
    expect(text).not.toContain('"anyOf":[{"type":"number","const"');
    // The list grows with the tools (docs/zaptrace-parity.md); what each tool costs a model's context must not.
    expect(Buffer.byteLength(text) / tools.length).toBeLessThan(850);
  });
});
