import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/runtime/projections/session-state.js';
import { CORPUS, callTool, corpusText, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

const DESIGN_FILES = [
  'zaptrace/designs/esp32_i2c_sensor_node.yaml',
  'zaptrace/designs/analysis_fixture.yaml',
  ...readdirSync(join(CORPUS, 'zaptrace/designs/templates')).map((f) => `zaptrace/designs/templates/${f}`),
];

describe('library, footprint and check tools through an MCP client', () => {
  it('searches, gets parts and lists categories', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal(null));
    const hits = (await callTool(client, 'library_search', { query: '100nF 0402', max_results: 3 })).data.results;
    expect(hits[0].part.category).toBe('passive');
    expect(hits[0].part.package).toBe('0402');
    expect(hits[0].part.value_si).toBeCloseTo(100e-9, 15);
    expect(hits[0].why.length).toBeGreaterThan(0);
    const typo = (await callTool(client, 'library_search', { query: 'capacitr' })).data.results;
    expect(typo[0].part.category).toBe('passive');
    const part = (await callTool(client, 'library_get', { id: hits[0].part.id })).data.part;
    expect(part.id).toBe(hits[0].part.id);
    expect((await callTool(client, 'library_get', { id: 'nope-nope' })).data.error.code).toBe('NOT_FOUND');
    const cats = (await callTool(client, 'library_list_categories')).data;
    // The shipped library less its withdrawn parts (docs/library.md, "Withdrawn parts").
    expect(cats.total).toBeGreaterThan(400);
  });

  it('returns real footprints and never guesses an unknown one', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal(null));
    const soic = (await callTool(client, 'footprint_get', { name: 'SOIC-8' })).data.footprint;
    expect(soic.pads).toHaveLength(8);
    const missing = await callTool(client, 'footprint_get', { name: 'NoSuchPackage-99' });
    expect(missing.data.error.code).toBe('NOT_FOUND');
    expect(missing.data.error.message).toMatch(/unavailable/);
    expect((await callTool(client, 'footprint_list_packages')).data.packages.length).toBeGreaterThan(30);
  });

  it('runs ERC on every corpus design, records evidence bound to the evaluated hash, and replays it exactly', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const sid = (await callTool(client, 'session_create')).data.session_id;
    for (const [i, file] of DESIGN_FILES.entries()) {
      const name = `d${i}`;
      const parsed = await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: corpusText(file), design_name: name });
      expect(parsed.isError, file).toBe(false);
      const erc = await callTool(client, 'erc_validate', { session_id: sid, design_name: name });
      expect(erc.isError, file).toBe(false);
      expect(erc.data.evaluated_hash).toBe(parsed.data.design_hash);
      expect(erc.data.fresh).toBe(true);
      expect(Array.isArray(erc.data.findings)).toBe(true);
    }
    expect(DESIGN_FILES.length).toBe(13);
    const ercBefore = (await callTool(client, 'erc_get_result', { session_id: sid, design_name: 'd0' })).data;
    await callTool(client, 'component_remove', { session_id: sid, design_name: 'd0', ref: 'TP1' });
    const stale = (await callTool(client, 'erc_get_result', { session_id: sid, design_name: 'd0' })).data;
    expect(stale.fresh).toBe(false);
    expect(stale.evaluated_hash).toBe(ercBefore.evaluated_hash);
    const events = await runtime.readEvents(sid);
    expect(replay(events).evidence).toEqual((await runtime.state(sid)).evidence);
  });

  it('places a corpus board and records DRC evidence for it', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    await callTool(client, 'design_parse_str', { yaml_content: corpusText('zaptrace/designs/templates/esp32_ble_node.yaml'), design_name: 'tiny' });
    const placed = await callTool(client, 'place_components', { design_name: 'tiny', seed: 7, channel_mm: 0.3 });
    expect(placed.isError).toBe(false);
    expect(placed.data.placed).toBe(10);
    const again = await callTool(client, 'design_inspect', { design_name: 'tiny' });
    expect(Object.keys(again.data.design.placement)).toHaveLength(10);
    const drc = await callTool(client, 'drc_run', { design_name: 'tiny' });
    expect(drc.isError).toBe(false);
    expect(drc.data.evaluated_hash).toBe(placed.data.design_hash);
    // Nothing is routed yet, so the copper itself says the nets are open.
    expect(drc.data.passed).toBe(false);
    expect(drc.data.findings.some((f: { rule_id: string }) => /unconnected/i.test(f.rule_id))).toBe(true);
  });

  it('routes a placed board with MCP progress notifications and records every connection', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    await callTool(client, 'design_parse_str', { yaml_content: corpusText('zaptrace/designs/templates/esp32_ble_node.yaml'), design_name: 'ble' });
    await callTool(client, 'place_components', { design_name: 'ble', seed: 7 });
    const progress: string[] = [];
    const res = await client.callTool({ name: 'route_nets', arguments: { design_name: 'ble' } }, undefined, {
      onprogress: (p) => {
        progress.push(`${p.progress}/${p.total}`);
      },
    });
    const out = res.structuredContent as Record<string, any>;
    expect(res.isError).not.toBe(true);
    expect(progress.length).toBeGreaterThan(0);
    expect(out.completion.total).toBeGreaterThan(0);
    // Routed means copper connects the pads: anything else is listed with a reason.
    expect(out.completion.routed + out.unrouted.length).toBe(out.completion.total);
    for (const u of out.unrouted) expect(typeof u.reason).toBe('string');
  });
});
