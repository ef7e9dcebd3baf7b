import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ESP32_YAML, callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';
import { externalTool } from '../helpers/external-tool.js';

const hasNgspice = externalTool('ngspice', ['--version'], '.ci/install-ngspice.sh installs the Debian package ngspice').requireOrSkip();

/** 5 V across 1k/1k (0603): 2.5 V at MID, 2.5 mA from the rail (hand). */
const DIVIDER = `
meta: {name: "divider", version: "0.1.0"}
board: {width_mm: 20, height_mm: 20, layers: 2}
components:
  R1: {id: R1, ref: R1, type: RES, value: "1k", footprint: "0603", pins: {P1: {type: passive, net: VCC_5V}, P2: {type: passive, net: MID}}}
  R2: {id: R2, ref: R2, type: RES, value: "1k", footprint: "0603", pins: {P1: {type: passive, net: MID}, P2: {type: passive, net: GND}}}
nets:
  VCC_5V: {id: VCC_5V, name: VCC_5V, type: power, nodes: ["R1.P1"]}
  MID: {id: MID, name: MID, type: analog, nodes: ["R1.P2", "R2.P1"]}
  GND: {id: GND, name: GND, type: ground, nodes: ["R2.P2"]}
`;

const SMALL = 'ATtiny85 board with a button and a red LED';
const stagesOf = (data: Record<string, any>) => (data.stages as { stage: string }[]).map((s) => s.stage);

describe('pipeline and synthesis variants: each a new candidate design through the one pipeline', () => {
  it('MCP: pipeline_run_stage runs one stage on a copy; the source design is untouched; route/drc need a placement', async () => {
    const { runtime, client, sid } = await mcpSession('preview-write');
    const parsed = await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
    const drc = await callTool(client, 'pipeline_run_stage', { session_id: sid, design_name: 'esp', stage: 'drc' });
    expect(drc.isError).toBe(true);
    const placed = await callTool(client, 'pipeline_run_stage', { session_id: sid, design_name: 'esp', stage: 'place' });
    expect(placed.isError).toBe(false);
    expect(placed.data.design_name).toBe('esp place');
    expect(stagesOf(placed.data)).toEqual(['source', 'place']);
    const list = (await callTool(client, 'design_list', { session_id: sid })).data.designs as { design_name: string; design_hash: string; placed: number }[];
    expect(list.find((d) => d.design_name === 'esp')).toMatchObject({ design_hash: parsed.data.design_hash, placed: 0 });
    expect(list.find((d) => d.design_name === 'esp place')!.placed).toBe(12);
    const erc = await callTool(client, 'pipeline_run_stage', { session_id: sid, design_name: 'esp place', stage: 'erc', new_name: 'checked' });
    expect(stagesOf(erc.data)).toEqual(['source', 'erc']);
    const recorded = (await runtime.readEvents(sid)).filter((e) => e.type === 'ValidationRecorded').map((e) => e.data as { design_name: string; evaluated_hash: string });
    expect(recorded).toEqual([expect.objectContaining({ design_name: 'checked', evaluated_hash: erc.data.design_hash })]);
    const taken = await callTool(client, 'pipeline_run_stage', { session_id: sid, design_name: 'esp', stage: 'erc', new_name: 'checked' });
    expect(taken.isError).toBe(true);
  }, 120_000);

  it.runIf(hasNgspice)('MCP: pipeline_run_stage simulate records the operating point on the new copy', async () => {
    const { runtime, client, sid } = await mcpSession('preview-write');
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: DIVIDER, design_name: 'div' });
    const r = await callTool(client, 'pipeline_run_stage', { session_id: sid, design_name: 'div', stage: 'simulate' });
    expect(r.isError).toBe(false);
    expect(r.data).toMatchObject({ design_name: 'div simulate', ok: true });
    expect(r.data.simulation.node_voltages.mid).toBeCloseTo(2.5, 6);
    expect(r.data.simulation.rails).toEqual([expect.objectContaining({ net: 'VCC_5V', current_ma: 2.5 })]);
    const sims = (await runtime.readEvents(sid)).filter((e) => e.type === 'SimulationRecorded').map((e) => e.data as { design_name: string; evaluated_hash: string });
    expect(sims).toEqual([expect.objectContaining({ design_name: 'div simulate', evaluated_hash: r.data.design_hash })]);
  });

  it('MCP: synthesize_and_check and synthesize_board run their stages on a derived name', async () => {
    const { client, sid } = await mcpSession('preview-write');
    const checked = await callTool(client, 'synthesize_and_check', { session_id: sid, intent: SMALL });
    expect(checked.isError).toBe(false);
    expect(checked.data.design_name).toBe('ATtiny85 board with a button and');
    expect(stagesOf(checked.data)).toEqual(['source', 'erc']);
    const board = await callTool(client, 'synthesize_board', { session_id: sid, intent: SMALL, seed: 1 });
    expect(board.data.design_name).toBe('ATtiny85 board with a button and 2');
    expect(stagesOf(board.data)).toEqual(['source', 'place', 'route']);
    const summary = (await callTool(client, 'design_list', { session_id: sid })).data.designs.find((d: { design_name: string }) => d.design_name === board.data.design_name);
    expect(summary.placed).toBe(summary.components);
    expect(summary.tracks).toBeGreaterThan(0);
  }, 120_000);

  it('MCP: synthesize_board_repair adds the decoupling and pull-up ERC asked for to a NEW design; the rest is reported', async () => {
    const { client, sid } = await mcpSession('sandbox-write');
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
    for (const ref of ['C1', 'C2', 'R1']) await callTool(client, 'component_remove', { session_id: sid, design_name: 'esp', ref });
    const broken = await callTool(client, 'erc_validate', { session_id: sid, design_name: 'esp' });
    const rules = (broken.data.findings as { rule_id: string }[]).map((f) => f.rule_id);
    expect(rules).toEqual(expect.arrayContaining(['decoupling.missing', 'i2c.pullup-missing']));
    const before = (await callTool(client, 'design_inspect', { session_id: sid, design_name: 'esp' })).data.design_hash;
    const r = await callTool(client, 'synthesize_board_repair', { session_id: sid, design_name: 'esp', seed: 1 });
    expect(r.isError).toBe(false);
    expect(r.data.design_name).toBe('esp repaired');
    expect(r.data.fixed).toEqual(expect.arrayContaining([
      expect.objectContaining({ rule: 'decoupling.missing', net: 'VCC_3V3', value: '100nF' }),
      expect.objectContaining({ rule: 'i2c.pullup-missing', net: 'I2C_SDA', value: '4.7k' }),
    ]));
    const left = (r.data.remaining.erc_findings as { rule_id: string }[]).map((f) => f.rule_id);
    expect(left).not.toContain('decoupling.missing');
    expect(left).not.toContain('i2c.pullup-missing');
    expect(stagesOf(r.data)).toEqual(['source', 'erc', 'place', 'route', 'drc', 'erc-final']);
    // The repaired board's ERC, run by hand, agrees with the report; the original is unchanged.
    const again = await callTool(client, 'erc_validate', { session_id: sid, design_name: 'esp repaired' });
    expect(again.data.counts).toEqual(r.data.remaining.erc);
    expect((await callTool(client, 'design_inspect', { session_id: sid, design_name: 'esp' })).data.design_hash).toBe(before);
    expect(r.data.before).toEqual({ erc: broken.data.counts, drc: null });
    // A placed board is judged by DRC too before its repair.
    await callTool(client, 'place_components', { session_id: sid, design_name: 'esp', seed: 1 });
    const drc = await callTool(client, 'drc_run', { session_id: sid, design_name: 'esp' });
    const placed = await callTool(client, 'synthesize_board_repair', { session_id: sid, design_name: 'esp', seed: 1 });
    expect(placed.data.design_name).toBe('esp repaired 2');
    expect(placed.data.before.drc).toEqual(drc.data.counts);
  }, 120_000);

  it('MCP: synthesize_board_score reports the figures and a score that follows from them', async () => {
    const { client, sid } = await mcpSession('preview-write');
    const s = await callTool(client, 'synthesize_board_score', { session_id: sid, intent: SMALL, design_name: 'tiny' });
    expect(s.isError).toBe(false);
    const f = s.data.figures;
    const elements = f.elements.met / (f.elements.met + f.elements.unmet.length);
    const expected = Math.round((100 * (elements + (f.erc.error === 0 ? 1 : 0) + (f.drc.error === 0 ? 1 : 0) + f.routed_pct / 100)) / 4);
    expect(s.data.score).toBe(expected);
    expect(f.area_use_pct).toBeGreaterThan(0);
    expect(f.area_use_pct).toBeLessThan(100);
    expect(stagesOf(s.data)).toEqual(['source', 'erc', 'place', 'route', 'drc', 'erc-final']);
  }, 120_000);

  it('MCP: synthesis_benchmark runs a caller list or the committed intents, records nothing', async () => {
    const { runtime, client, sid } = await mcpSession('read');
    const n = (await runtime.readEvents(sid)).length;
    const given = await callTool(client, 'synthesis_benchmark', { intents: [SMALL, 'a toaster that flies'] });
    expect(given.isError).toBe(false);
    expect(given.data.rows).toHaveLength(2);
    expect(given.data.summary.synthesized).toBe(given.data.rows.filter((r: { error: string | null }) => r.error === null).length);
    expect(given.data.rows[0]).toMatchObject({ intent: SMALL, error: null });
    const committed = (parse(readFileSync('fixtures/intents.yaml', 'utf8')) as { intents: string[] }).intents;
    const fromRepo = await callTool(client, 'synthesis_benchmark', { limit: 2 });
    expect(fromRepo.data.source).toBe('fixtures/intents.yaml');
    expect(fromRepo.data.rows.map((r: { intent: string }) => r.intent)).toEqual(committed.slice(0, 2));
    expect((await runtime.readEvents(sid)).length).toBe(n);
    expect((await callTool(client, 'synthesis_benchmark', { intents: Array(11).fill(SMALL) })).isError).toBe(true);
    expect((await callTool(client, 'synthesis_benchmark', { limit: 4, layout: true })).isError).toBe(true);
    const laid = await callTool(client, 'synthesis_benchmark', { intents: [SMALL], layout: true });
    expect(laid.data.rows[0]).toMatchObject({ intent: SMALL, error: null, placed: true });
    expect(laid.data.summary).toMatchObject({ intents: 1, placed: 1 });
    expect(laid.data.rows[0].routed.total).toBeGreaterThan(0);
  }, 120_000);

  it('REST: levels hold (preview-write for variants, read for board_export), board_export gives no fabrication file', async () => {
    const { sid, runtime, call } = await restSession('variants test');
    expect((await call('synthesize_board_and_check', 'read', { intent: SMALL })).status).toBe(403);
    const ok = await call('synthesize_board_and_check', 'preview-write', { intent: SMALL, design_name: 'tiny' }).expect(200);
    expect(ok.body.result.stages.map((s: { stage: string }) => s.stage)).toEqual(['source', 'erc', 'place', 'route', 'drc', 'erc-final']);
    const n = (await runtime.readEvents(sid)).length;
    const svg = await call('board_export', 'read', { design_name: 'tiny' }).expect(200);
    expect(svg.body.result).toMatchObject({ format: 'svg', for_fabrication: false, design_hash: ok.body.result.design_hash });
    expect(svg.body.result.svg).toMatch(/^<svg|<\?xml/);
    expect((await call('board_export', 'read', { design_name: 'tiny', format: 'bom' }).expect(200)).body.result.lines.length).toBeGreaterThan(0);
    expect((await call('board_export', 'read', { design_name: 'tiny', format: 'nets' }).expect(200)).body.result.nets.length).toBeGreaterThan(0);
    expect((await call('board_export', 'read', { design_name: 'tiny', format: 'gerber' })).status).toBe(400);
    expect((await runtime.readEvents(sid)).length).toBe(n);
  }, 120_000);
});
