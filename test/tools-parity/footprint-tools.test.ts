import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ESP32_YAML, callTool, tempDir } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';

/**
 * Land figures (mm) checked two ways:
 * - hand evaluation of the IPC-7351B density-N equations (docs/footprints.md) with the stated outline:
 *   0603 (EIA: L 1.5–1.7, W 0.7–0.9, T 0.15–0.45, Table 3-5): Z = 1.5 + 2·0.35 + √(0.2² + 0.1² + 0.05²) = 2.429 → 2.45;
 *   G = Smax′ − √(CS² + F² + P²) = 1.2345 − 0.4822 = 0.752 → 0.75; X = 0.7 + √(0.2² + 0.1² + 0.05²) = 0.929 → 0.95.
 *   0805 (L 1.9–2.1, W 1.15–1.35, T 0.2–0.6): Z 2.829 → 2.85, G 0.890 → 0.85, X 1.379 → 1.40.
 *   SOIC-8 (JEDEC MS-012: E 5.8–6.2, L 0.4–1.27, b 0.31–0.51, Table 3-2): Z 6.915 → 6.95, G 2.978 → 2.95, X 0.599 → 0.60.
 *   QFN-16 3x3 0.5 (MO-220: body 2.9–3.1, L 0.3–0.5, b 0.18–0.30, Table 3-15): Z 3.729 → 3.75, G 2.009 → 2.00, X 0.264 → 0.30.
 * - KiCad's library footprints, generated from IPC-7351B nominal by kicad-footprint-generator:
 *   R_0603_1608Metric pads 0.8 × 0.95 at ±0.825 (Z 2.45, G 0.85, X 0.95); R_0805_2012Metric 1.025 × 1.4 at ±0.9125
 *   (Z 2.85, G 0.80, X 1.40); SOIC-8_3.9x4.9mm_P1.27mm 1.95 × 0.6 at ±2.475 (Z 6.90, G 3.00, X 0.60). KiCad takes its
 *   own terminal ranges, so Z and X agree within a round-off step (0.05) and G within 0.1.
 */
const HAND = {
  '0603': { args: { kind: 'chip', span_mm: [1.5, 1.7], lead_width_mm: [0.7, 0.9], foot_mm: [0.15, 0.45] }, z: 2.45, g: 0.75, x: 0.95, kicad: { z: 2.45, g: 0.85, x: 0.95 } },
  '0805': { args: { kind: 'chip', span_mm: [1.9, 2.1], lead_width_mm: [1.15, 1.35], foot_mm: [0.2, 0.6] }, z: 2.85, g: 0.85, x: 1.4, kicad: { z: 2.85, g: 0.8, x: 1.4 } },
  'SOIC-8': { args: { kind: 'gullwing', pins: 8, pitch_mm: 1.27, span_mm: [5.8, 6.2], foot_mm: [0.4, 1.27], lead_width_mm: [0.31, 0.51], body_mm: [3.9, 4.9] }, z: 6.95, g: 2.95, x: 0.6, kicad: { z: 6.9, g: 3.0, x: 0.6 } },
  'QFN-16': { args: { kind: 'qfn', pins: 16, pitch_mm: 0.5, body_mm: [3, 3], ep_mm: [1.7, 1.7] }, z: 3.75, g: 2.0, x: 0.3, kicad: null },
} as const;

describe('footprint tools over the IPC-7351B generator', () => {
  afterEach(() => {
    delete process.env['KICAD9_3DMODEL_DIR'];
  });

  it('MCP: footprint_generate matches hand-evaluated IPC-7351B lands and KiCad\'s library, and the catalog for the same outline', async () => {
    const { client } = await mcpSession('read');
    for (const [pkg, h] of Object.entries(HAND)) {
      const r = await callTool(client, 'footprint_generate', h.args as Record<string, unknown>);
      expect([pkg, r.isError]).toEqual([pkg, false]);
      expect([pkg, r.data.lands.z_mm, r.data.lands.g_mm, r.data.lands.x_mm]).toEqual([pkg, h.z, h.g, h.x]);
      if (h.kicad) {
        expect(Math.abs(r.data.lands.z_mm - h.kicad.z)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.abs(r.data.lands.x_mm - h.kicad.x)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.abs(r.data.lands.g_mm - h.kicad.g)).toBeLessThanOrEqual(0.1 + 1e-9);
      }
      // The catalog builds these packages from the same outline: the pads must be the same.
      const catalog = await callTool(client, 'footprint_get', { name: pkg });
      expect([pkg, r.data.footprint.pads]).toEqual([pkg, catalog.data.footprint.pads]);
    }
    const bad = await callTool(client, 'footprint_generate', { kind: 'gullwing', pins: 8, pitch_mm: 1.27, body_mm: [3.9, 4.9] });
    expect(bad.isError).toBe(true);
    expect(JSON.stringify(bad.data ?? {})).not.toContain('/work');
  });

  it('MCP: footprint_search filters by text, pins, pitch and mount', async () => {
    const { client } = await mcpSession('read');
    const soic = await callTool(client, 'footprint_search', { query: 'soic', pins: 8 });
    // The plain SOIC-8 first; 8-lead variants of the same outline (TI's SO PowerPAD-8 with its thermal pad) follow.
    const names = soic.data.results.map((r: { name: string }) => r.name);
    expect(names[0]).toBe('SOIC-8');
    expect(names).toEqual(expect.arrayContaining(['SOIC-8', 'TI_SO-PowerPAD-8_DDA']));
    for (const r of soic.data.results) expect(r).toMatchObject({ pitch_mm: 1.27, mount: 'smd', family: 'soic' });
    // The library count is the library's own: every part whose footprint resolves to SOIC-8.
    const inLibrary = (await callTool(client, 'library_search', { query: 'soic-8', package: 'SOIC-8', max_results: 100 })).data.results.length;
    expect(soic.data.results[0].library_parts).toBeGreaterThanOrEqual(inLibrary);
    expect(soic.data.results[0].library_parts).toBeGreaterThan(0);
    const qfn = await callTool(client, 'footprint_search', { pins: 16, pitch_mm: 0.5, query: 'qfn' });
    expect(qfn.data.results.map((r: { name: string }) => r.name)).toContain('QFN-16');
    for (const r of qfn.data.results) expect(r).toMatchObject({ pins: 16, pitch_mm: 0.5 });
    const tht = await callTool(client, 'footprint_search', { query: 'header', pins: 3, mount: 'tht', pitch_mm: 2.54 });
    expect(tht.data.results.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining([expect.stringMatching(/1x03.*2\.54/)]));
    expect((await callTool(client, 'footprint_search', { query: 'nosuchpackage' })).data.total).toBe(0);
  });

  it('MCP: the connector and holder parts the library gained name the maker footprint, with a pad for every pin', async () => {
    const { client } = await mcpSession('read');
    for (const [id, footprint, mpn] of [
      ['usb-micro-b', 'USB_Micro-B_Molex-105017-0001', '105017-0001'],
      ['usb-b-b1hsw6', 'USB_B_OST_USB-B1HSxx_Horizontal', 'USB-B1HSW6'],
      ['barrel-jack-5.5-2.1', 'BarrelJack_CUI_PJ-102AH_Horizontal', 'PJ-102AH'],
      ['keystone-103', 'BatteryHolder_Keystone_103_1x20mm', '103'],
    ] as const) {
      const part = (await callTool(client, 'library_get', { id })).data.part;
      expect([id, part.footprint, part.mpn]).toEqual([id, footprint, mpn]);
      const pads = (await callTool(client, 'footprint_get', { name: footprint })).data.footprint.pads as { number: string; kind?: string; type?: string }[];
      // Every pin the part names has a pad of that number on the footprint.
      expect(part.pins.length).toBeGreaterThanOrEqual(2);
      const numbers = new Set(pads.map((p) => String(p.number)));
      for (const pin of part.pins as { number: string }[]) expect([id, numbers.has(String(pin.number))]).toEqual([id, true]);
    }
  });

  it('MCP: resolve_footprints fills a package the part text names, lists ambiguous ones, and records the change', async () => {
    const { runtime, client, sid } = await mcpSession();
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
    const pins = [{ name: '1', type: 'passive' }, { name: '2', type: 'passive' }];
    await callTool(client, 'component_add', { session_id: sid, design_name: 'esp', ref: 'X1', type_name: 'widget', value: 'driver in TSSOP-14', pins });
    await callTool(client, 'component_add', { session_id: sid, design_name: 'esp', ref: 'X2', type_name: 'widget', value: 'SOT-23-5 or SOIC-8', pins });
    await callTool(client, 'component_add', { session_id: sid, design_name: 'esp', ref: 'X3', type_name: 'widget', value: 'mystery', pins });
    const before = (await callTool(client, 'design_inspect', { session_id: sid, design_name: 'esp' })).data.design_hash;
    const r = await callTool(client, 'resolve_footprints', { session_id: sid, design_name: 'esp' });
    expect(r.isError).toBe(false);
    expect(r.data.resolved).toEqual([{ ref: 'X1', footprint: 'TSSOP-14', source: 'package named in the component text' }]);
    expect(r.data.ambiguous).toEqual([{ ref: 'X2', candidates: ['SOT-23-5', 'SOIC-8'] }, { ref: 'X3', candidates: [] }]);
    expect(r.data.design_hash).not.toBe(before);
    const inspect = await callTool(client, 'design_inspect', { session_id: sid, design_name: 'esp' });
    expect(JSON.stringify(inspect.data)).toContain('TSSOP-14');
    // The replacing ComponentAdded replays to the same design: rebuilt from the log, the hash is the live one.
    const seq = (await callTool(client, 'session_events', { session_id: sid, limit: 1000 })).data.events.at(-1).seq;
    expect((await callTool(client, 'design_at', { session_id: sid, design_name: 'esp', seq })).data.summary).toMatchObject({ design_hash: r.data.design_hash, components: 15 });
    const n = (await runtime.readEvents(sid)).length;
    const again = await callTool(client, 'resolve_footprints', { session_id: sid, design_name: 'esp' });
    expect(again.data.resolved).toEqual([]);
    expect((await runtime.readEvents(sid)).filter((e) => e.type === 'ComponentAdded').length).toBe((await runtime.readEvents(sid, { to: n })).filter((e) => e.type === 'ComponentAdded').length);
  });

  it('MCP: kicad_3d_model_coverage maps KiCad model files to our footprints; no library installed says so', async () => {
    const { client, sid } = await mcpSession('read');
    process.env['KICAD9_3DMODEL_DIR'] = join(tempDir(), 'absent');
    const none = await callTool(client, 'kicad_3d_model_coverage', { session_id: sid });
    expect(none.data).toMatchObject({ library_installed: false, covered: 0 });
    expect(none.data.total).toBeGreaterThan(100);
    const dir = tempDir();
    for (const [lib, file] of [['Resistor_SMD', 'R_0402_1005Metric.step'], ['Package_SO', 'SOIC-8_3.9x4.9mm_P1.27mm.wrl'], ['Package_TO_SOT_SMD', 'SOT-223-3_TabPin2.step']]) {
      mkdirSync(join(dir, `${lib}.3dshapes`), { recursive: true });
      writeFileSync(join(dir, `${lib}.3dshapes`, file!), '');
    }
    process.env['KICAD9_3DMODEL_DIR'] = dir;
    const all = await callTool(client, 'kicad_3d_model_coverage', { session_id: sid });
    expect(all.data.library_installed).toBe(true);
    expect(all.data.models).toMatchObject({ '0402': 'Resistor_SMD.3dshapes/R_0402_1005Metric.step', 'SOIC-8': 'Package_SO.3dshapes/SOIC-8_3.9x4.9mm_P1.27mm.wrl' });
    expect(all.data.covered).toBe(Object.keys(all.data.models).length);
    expect(all.data.missing).toContain('0805');
  });

  it('REST: the read tools answer at read level and append nothing; resolve_footprints needs sandbox-write', async () => {
    const { runtime, sid, call } = await restSession('footprint test');
    await call('design_parse_str', 'preview-write', { yaml_content: ESP32_YAML(), design_name: 'esp' }).expect(200);
    const n = (await runtime.readEvents(sid)).length;
    expect((await call('footprint_search', 'read', { query: '0603' }).expect(200)).body.result.results[0].name).toBe('0603');
    expect((await call('footprint_generate', 'read', HAND['0805'].args).expect(200)).body.result.lands.z_mm).toBe(2.85);
    expect((await call('footprint_generate', 'read', { kind: 'qfn', pins: 15, pitch_mm: 0.5, body_mm: [3, 3] })).status).toBe(400);
    await call('kicad_3d_model_coverage', 'read', { design_name: 'esp' }).expect(200);
    expect((await runtime.readEvents(sid)).length).toBe(n);
    expect((await call('resolve_footprints', 'read', { design_name: 'esp' })).status).toBe(403);
    const r = await call('resolve_footprints', 'sandbox-write', { design_name: 'esp' }).expect(200);
    expect(r.body.result).toMatchObject({ resolved: [], ambiguous: [], unknown_footprints: [] });
  });
});
