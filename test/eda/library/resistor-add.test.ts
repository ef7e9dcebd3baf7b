import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../../helpers/harness.js';

/**
 * `component_add` over MCP of a plain 1 kΩ resistor with no footprint: the library lookup
 * (docs/library.md, "Lookup of design components") must give it a chip resistor's footprint and
 * two pins, never the 3296W trimmer that shares the value.
 */
const SMALL = "meta: {name: demo}\nboard: {width_mm: 20, height_mm: 10, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";

describe('component_add of a 1 kΩ resistor without a footprint', () => {
  it('gets a plain two-pin chip resistor footprint', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const sid = (await callTool(client, 'session_create')).data['session_id'] as string;
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: SMALL, design_name: 'demo' });
    const added = await callTool(client, 'component_add', { session_id: sid, design_name: 'demo', ref: 'R2', type_name: 'resistor', value: '1k' });
    expect(added.isError).toBe(false);
    const seen = await callTool(client, 'design_inspect', { session_id: sid, design_name: 'demo' });
    const text = JSON.stringify(seen.data);
    const r2 = /"ref":"R2"[^}]*?"footprint":"([^"]*)"/.exec(text) ?? /"footprint":"([^"]*)"[^{}]*?"ref":"R2"/.exec(text);
    expect(r2?.[1]).toBeDefined();
    expect(r2![1]).not.toMatch(/Trimmer|3296/i);
    expect(r2![1]).toMatch(/0603/);
  });
});
