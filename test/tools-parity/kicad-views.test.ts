import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireKicadOrSkip } from '../helpers/kicad-cli.js';
import { ESP32_YAML, callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';

const hasKicad = requireKicadOrSkip();

describe.runIf(hasKicad)('views through kicad-cli (KiCad 9): schematic SVG and STEP', () => {
  it('MCP: schematic_render returns the schematic as SVG naming every part; kicad_step_export writes an ISO 10303-21 file', async () => {
    const { runtime, workspaceDir, client, sid } = await mcpSession();
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
    const before = (await runtime.readEvents(sid)).length;
    const sch = await callTool(client, 'schematic_render', { session_id: sid, design_name: 'esp' });
    expect(sch.data.error).toBeUndefined();
    expect(sch.data.svg).toMatch(/^<\?xml[^>]*>[\s\S]{0,400}<svg\s/);
    // kicad-cli draws text as strokes and keeps each string in a <title>/<text> for search: every reference appears.
    const design = (await callTool(client, 'design_inspect', { session_id: sid, design_name: 'esp' })).data.design;
    for (const c of Object.values(design.components) as { ref: string }[]) expect([c.ref, sch.data.svg.includes(c.ref)]).toEqual([c.ref, true]);
    expect((await runtime.readEvents(sid)).length).toBe(before); // a read appends nothing

    await callTool(client, 'place_components', { session_id: sid, design_name: 'esp', seed: 1 });
    const step = await callTool(client, 'kicad_step_export', { session_id: sid, design_name: 'esp', output_path: 'mech/esp.step' });
    expect(step.data.error).toBeUndefined();
    const file = readFileSync(join(workspaceDir, 'mech/esp.step'), 'utf8');
    expect(file.startsWith('ISO-10303-21;')).toBe(true);
    expect(file).toMatch(/MANIFOLD_SOLID_BREP|SHELL_BASED_SURFACE_MODEL/);
    expect(step.data.bytes).toBe(Buffer.byteLength(file));
    expect((await callTool(client, 'kicad_step_export', { session_id: sid, design_name: 'esp', output_path: '../out.step' })).data.error.code).toBe('INVALID_INPUT');
    expect((await callTool(client, 'kicad_step_export', { session_id: sid, design_name: 'esp', output_path: 'x.txt' })).data.error.details.path).toBe('output_path');
  }, 180_000);

  it('REST: schematic_render with the read level; kicad_step_export denied without sandbox-write', async () => {
    const { call } = await restSession('views test');
    await call('design_parse_str', 'preview-write', { yaml_content: ESP32_YAML(), design_name: 'esp' }).expect(200);
    const svg = (await call('schematic_render', 'read', { design_name: 'esp' }).expect(200)).body.result.svg as string;
    expect(svg).toContain('<svg');
    expect((await call('kicad_step_export', 'read', { design_name: 'esp', output_path: 'a.step' })).status).toBe(403);
  }, 120_000);
});
