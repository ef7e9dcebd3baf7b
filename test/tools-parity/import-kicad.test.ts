import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';
import { requireKicadOrSkip } from '../helpers/kicad-cli.js';
import { corpusBoards, parityKeys, runParity, services } from '../eda/export/parity/parity.js';
import { kicadArtifacts } from '../../src/tools/artifact-builders.js';
import { buildBoardGeometry } from '../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../src/eda/footprints/index.js';
import { compareRoundTrip } from '../../src/eda/import/index.js';
import type { Design } from '../../src/eda/model/design.js';

/**
 * kicad_import_project (docs/import.md). Fidelity is measured against the source by means that do not
 * share the importer's code: our own exports of the corpus designs are compared with the designs they
 * came from (placement by reference, connectivity as sets of REF.pad from our board geometry); KiCad's
 * own demo projects are compared with counts and positions read from their text by regular expressions;
 * and every import is written again by our KiCad writer and checked by `kicad-cli pcb drc
 * --schematic-parity` (shared/spec/facts.md, "KiCad checks beyond DRC").
 */
const hasKicad = requireKicadOrSkip();
const DEMOS = '/usr/share/kicad/demos';
/** KiCad's demo projects come with the Debian package kicad-demos; like kicad-cli, required in CI. */
const hasDemos = (() => {
  const has = existsSync(join(DEMOS, 'flat_hierarchy'));
  if (!has && hasKicad && process.env['CI'] === 'true') throw new Error('KiCad demo projects are required in CI (apt-get install kicad-demos)');
  return has;
})();

const files = (design: Design): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const f of kicadArtifacts(design, services, 'board')) out[f.name] = new TextDecoder().decode(f.data);
  return out;
};

/** Connectivity as KiCad sees it: each net as the sorted set of REF.pad its pads carry. */
function padSets(design: Design): string[] {
  const g = buildBoardGeometry(design, resolveFootprint, mapPinsToPads);
  const byNet = new Map<string, string[]>();
  for (const p of g.pads) if (p.net !== null) byNet.set(p.net, [...(byNet.get(p.net) ?? []), `${p.ref}.${p.padNumber}`]);
  return [...byNet.values()].map((s) => [...new Set(s)].sort().join(' ')).sort();
}

const placementByRef = (d: Design) => Object.fromEntries(Object.entries(d.placement).map(([id, p]) => [d.components[id]!.ref, p]));

async function importInline(client: Client, sid: string, f: Record<string, string>, design_name: string) {
  return (await callTool(client, 'kicad_import_project', { session_id: sid, pcb_text: f['board.kicad_pcb'], sch_text: f['board.kicad_sch'], project_name: 'board', design_name })).data;
}

describe('kicad_import_project', () => {
  it('MCP: our export of a corpus design comes back with the same parts, placement and pad connectivity', async () => {
    const { client, sid } = await mcpSession();
    const { name, design } = corpusBoards().find((b) => /esp32_i2c_sensor_node/.test(b.name))!;
    const r = await importInline(client, sid, files(design), 'esp');
    expect(r.error, name).toBeUndefined();
    expect(r.report.parts.imported).toBe(Object.keys(design.components).length);
    expect(r.report.offset_mm).toEqual([0, 0]);
    const back = (await callTool(client, 'design_inspect', { session_id: sid, design_name: 'esp' })).data.design as Design;
    expect(placementByRef(back)).toEqual(placementByRef(design));
    expect(padSets(back)).toEqual(padSets(design));
    expect(back.board.outline_mm ?? [[0, 0], [back.board.width_mm, 0], [back.board.width_mm, back.board.height_mm], [0, back.board.height_mm]]).toHaveLength(4);
    expect([back.board.width_mm, back.board.height_mm]).toEqual([design.board.width_mm, design.board.height_mm]);
  }, 120_000);

  it('MCP: malformed, wrong-version, wrong-kind, oversized and escaping input is INVALID_INPUT; nothing is appended or overwritten', async () => {
    const { runtime, workspaceDir, client, sid } = await mcpSession();
    const ok = '(kicad_pcb (version 20241229) (generator "t") (net 0 "") (gr_rect (start 0 0) (end 10 10) (layer "Edge.Cuts")))';
    expect((await callTool(client, 'kicad_import_project', { session_id: sid, pcb_text: ok, design_name: 'first' })).data.error).toBeUndefined();
    // Every authorised call is audited (ToolAuthorized); what must not appear is a design event.
    const designEvents = async () => (await runtime.readEvents(sid)).filter((e) => e.type !== 'ToolAuthorized' && e.type !== 'ToolDenied').length;
    const before = await designEvents();
    const hash = (await callTool(client, 'design_list', { session_id: sid })).data.designs[0].design_hash;
    const err = async (args: Record<string, unknown>) => (await callTool(client, 'kicad_import_project', { session_id: sid, ...args })).data.error;
    const malformed = await err({ pcb_text: '(kicad_pcb (version 20241229) (net 0 "")' });
    expect([malformed.code, malformed.details.reason]).toEqual(['INVALID_INPUT', 'malformed']);
    expect((await err({ pcb_text: '(kicad_pcb (version 20241229) (net 0 "x\\' })).code).toBe('INVALID_INPUT');
    const version = await err({ pcb_text: ok.replace('20241229', '20300101') });
    expect([version.code, version.details.reason]).toEqual(['INVALID_INPUT', 'unsupported_version']);
    expect((await err({ pcb_text: ok.replace('20241229', '20171130') })).details.reason).toBe('unsupported_version');
    expect((await err({ pcb_text: '(kicad_sch (version 20250114))' })).details.reason).toBe('wrong_kind');
    expect((await err({ pcb_text: `${'('.repeat(500)}${')'.repeat(500)}` })).code).toBe('INVALID_INPUT');
    expect((await err({ pcb_text: ok, design_name: 'first' })).message).toMatch(/already exists/);
    expect((await err({ project_path: '../x.kicad_pcb' })).code).toBe('INVALID_INPUT');
    expect((await err({ project_path: 'notes.txt' })).code).toBe('INVALID_INPUT');
    expect((await err({ sch_text: '(kicad_sch (version 20250114) (sheet (property "Sheetfile" "sub.kicad_sch")))' })).details.reason).toBe('missing_sheet');
    writeFileSync(join(workspaceDir, 'big.kicad_pcb'), `(kicad_pcb (version 20241229) ${' '.repeat(17 * 1024 * 1024)})`);
    const big = await err({ project_path: 'big.kicad_pcb' });
    expect([big.code, big.details.reason]).toEqual(['INVALID_INPUT', 'too_large']);
    expect(JSON.stringify(big)).not.toContain(workspaceDir);
    expect(await designEvents()).toBe(before);
    const after = (await callTool(client, 'design_list', { session_id: sid })).data.designs;
    expect([after.length, after[0].design_hash]).toEqual([1, hash]);
  }, 120_000);

  it('MCP: an outline drawn inside a footprint turns with it, counter-clockwise on screen (90°: a 20 x 10 mm rectangle right of the anchor stands 10 x 20 above it)', async () => {
    const { client, sid } = await mcpSession();
    const pcb = (angle: number) =>
      `(kicad_pcb (version 20241229) (generator "t") (net 0 "") (footprint "Frame" (layer "F.Cu") (at 50 40 ${angle}) (property "Reference" "FR1")` +
      ' (fp_rect (start 0 -5) (end 20 5) (layer "Edge.Cuts"))))';
    for (const [angle, size, offset] of [[0, [20, 10], [50, 35]], [90, [10, 20], [45, 20]]] as const) {
      const r = (await callTool(client, 'kicad_import_project', { session_id: sid, pcb_text: pcb(angle), design_name: `frame-${angle}` })).data;
      expect(r.error).toBeUndefined();
      expect([r.report.outline.kind, r.report.outline.vertices, r.report.offset_mm]).toEqual(['polygon', 4, offset]);
      expect(r.report.notes).toContain('1 Edge.Cuts item(s) drawn inside footprints are part of the outline');
      const d = (await callTool(client, 'design_inspect', { session_id: sid, design_name: r.design_name })).data.design as Design;
      expect([d.board.width_mm, d.board.height_mm]).toEqual(size);
    }
  }, 120_000);

  it('REST: imports at preview-write, refused at read', async () => {
    const { call } = await restSession('kicad import test');
    const { design } = corpusBoards().find((b) => /esp32_i2c_sensor_node/.test(b.name))!;
    const f = files(design);
    const body = { pcb_text: f['board.kicad_pcb'], sch_text: f['board.kicad_sch'], design_name: 'imported' };
    expect((await call('kicad_import_project', 'read', body)).status).toBe(403);
    const r = (await call('kicad_import_project', 'preview-write', body).expect(200)).body.result;
    expect(r.components).toBe(Object.keys(design.components).length);
    expect(r.report.placement.imported).toBe(Object.keys(design.placement).length);
  }, 120_000);
});

describe.runIf(hasKicad)('kicad_import_project round trip through kicad-cli (KiCad 9)', () => {
  it('every corpus design: export → import from the workspace → export again adds no KiCad parity issue and keeps parts, placement and connectivity', async () => {
    const { workspaceDir, client, sid } = await mcpSession();
    for (const { name, design } of corpusBoards()) {
      const dir = `exp/${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      mkdirSync(join(workspaceDir, dir), { recursive: true });
      for (const [f, text] of Object.entries(files(design))) writeFileSync(join(workspaceDir, dir, f), text);
      const r = (await callTool(client, 'kicad_import_project', { session_id: sid, project_path: `${dir}/board.kicad_pro` })).data;
      expect(r.error, name).toBeUndefined();
      const back = (await callTool(client, 'design_inspect', { session_id: sid, design_name: r.design_name })).data.design as Design;
      expect([name, placementByRef(back)]).toEqual([name, placementByRef(design)]);
      expect([name, padSets(back)]).toEqual([name, padSets(design)]);
      const [orig, again] = [await runParity(name, design, { erc: false }), await runParity(name, back, { erc: false })];
      // The import may only lose parity issues (a pin the original placed on no pad has no pad to come back from), never add one.
      expect([name, again.loaded]).toEqual([name, true]);
      expect([name, parityKeys(again).filter((k) => !parityKeys(orig).includes(k))]).toEqual([name, []]);
      if (orig.parity.length !== again.parity.length) console.log(`${name}: parity issues ${orig.parity.length} → ${again.parity.length}`);
    }
  }, 600_000);

  describe.runIf(hasDemos)("KiCad's own demo projects", () => {
    const fromText = (pcb: string) => {
      const chunks = pcb.split(/\n\t\(footprint /).slice(1);
      const footprints = chunks.map((c) => {
        const at = /\n\t\t\(at (-?[\d.]+) (-?[\d.]+)(?: (-?[\d.]+))?\)/.exec(c)!;
        return { ref: /\(property "Reference" "([^"]*)"/.exec(c)![1]!, x: Number(at[1]), y: Number(at[2]), angle: Number(at[3] ?? 0), bottom: /^"[^"]*"\n\t\t\(layer "B\.Cu"\)/.test(c) };
      });
      const nets = [...pcb.matchAll(/^\t\(net \d+ "(.*)"\)$/gm)].map((m) => m[1]!).filter((n) => n !== '' && !n.startsWith('unconnected-('));
      return { footprints, nets, segments: (pcb.match(/^\t\(segment$/gm) ?? []).length, arcs: (pcb.match(/^\t\(arc$/gm) ?? []).length, vias: (pcb.match(/^\t\(via$/gm) ?? []).length };
    };

    for (const [project, sheets] of [
      ['flat_hierarchy', ['flat_hierarchy.kicad_sch', 'pic_programmer.kicad_sch', 'pic_sockets.kicad_sch']],
      ['complex_hierarchy', ['complex_hierarchy.kicad_sch', 'ampli_ht.kicad_sch']],
      ['ecc83', ['ecc83-pp.kicad_sch']],
      ['stickhub', ['StickHub.kicad_sch']], // arc tracks, footprints at 45°, an outline of arcs
    ] as const) {
      it(`${project}: counts and positions match the file; our re-export loads in KiCad with no parity issue and keeps what it can draw`, async () => {
        const { workspaceDir, client, sid } = await mcpSession();
        const src = join(DEMOS, project);
        mkdirSync(join(workspaceDir, project));
        for (const f of readdirSync(src)) if (/\.kicad_(pcb|sch|pro)$/.test(f)) copyFileSync(join(src, f), join(workspaceDir, project, f));
        const pcbName = readdirSync(src).find((f) => f.endsWith('.kicad_pcb') && !f.includes('_v2'))!;
        const r = (await callTool(client, 'kicad_import_project', { session_id: sid, project_path: `${project}/${pcbName}` })).data;
        expect(r.error).toBeUndefined();
        expect(r.report.files).toEqual([pcbName, ...sheets]);
        const truth = fromText(readFileSync(join(src, pcbName), 'utf8'));
        expect(r.report.parts.imported).toBeGreaterThanOrEqual(truth.footprints.length);
        expect(r.report.nets.imported).toBe(new Set(truth.nets).size);
        expect(r.report.tracks.source).toBe(truth.segments + truth.arcs);
        expect(r.report.vias.imported).toBe(truth.vias);
        // The nets traced from the schematic's wires and labels are the board's nets, pad for pad.
        const check = r.report.schematic_check;
        expect([check.identical, check.schematic_nets]).toEqual([check.board_nets, check.board_nets]);
        const back = (await callTool(client, 'design_inspect', { session_id: sid, design_name: r.design_name })).data.design as Design;
        const placed = placementByRef(back);
        const [ox, oy] = r.report.offset_mm as [number, number];
        for (const f of truth.footprints) {
          const p = placed[f.ref]!;
          expect([f.ref, p.x_mm + ox, p.y_mm + oy, p.side]).toEqual([f.ref, expect.closeTo(f.x, 5), expect.closeTo(f.y, 5), f.bottom ? 'bottom' : 'top']);
          expect([f.ref, p.rotation_deg]).toEqual([f.ref, ((Math.round(f.angle / 90) % 4) + 4) % 4 * 90]);
        }
        // Round trip: our writer, then KiCad's parity check, then our reader again.
        const parity = await runParity(project, back, { erc: false });
        // StickHub's U1 has a pin named "TEST#/SDA": its unconnected net must be written as KiCad escapes it.
        expect([parity.loaded, parity.parity]).toEqual([true, []]);
        const f = files(back);
        const again = await importInline(client, sid, f, `${project} again`);
        const rt = compareRoundTrip(back, (await callTool(client, 'design_inspect', { session_id: sid, design_name: again.design_name })).data.design as Design);
        const drawn = r.report.parts.imported - r.report.export_preview.footprints_missing;
        // Parts our writer cannot draw (footprint not in our library) come back from the schematic, unplaced.
        expect(rt.parts).toEqual({ before: r.report.parts.imported, after: r.report.parts.imported, matched: r.report.parts.imported });
        expect(rt.positions).toEqual({ before: r.report.placement.imported, after: drawn, matched: drawn });
        expect(rt.nets_on_placed_parts.matched).toBe(rt.nets_on_placed_parts.before);
        expect(rt.nets_on_placed_parts.after).toBe(rt.nets_on_placed_parts.before);
        expect(rt.tracks.matched).toBe(back.routing.tracks.length);
        expect(rt.vias.matched).toBe(back.routing.vias.length);
        console.log(`${project}: ${JSON.stringify({ parts: r.report.parts.imported, nets: r.report.nets.imported, tracks: r.report.tracks.imported, vias: r.report.vias.imported, zones: r.report.zones.imported, outline: r.report.outline.kind, missing_footprints: r.report.export_preview.footprints_missing, roundtrip: rt })}`);
      }, 300_000);
    }

    it('REST, inline hierarchical schematic only (flat_hierarchy): nets traced from the sheets equal the board netlist', async () => {
      const { call } = await restSession('kicad schematic import test');
      const src = join(DEMOS, 'flat_hierarchy');
      const text = (f: string) => readFileSync(join(src, f), 'utf8');
      const sheets = { 'pic_programmer.kicad_sch': text('pic_programmer.kicad_sch'), 'pic_sockets.kicad_sch': text('pic_sockets.kicad_sch') };
      const sch = (await call('kicad_import_project', 'preview-write', { sch_text: text('flat_hierarchy.kicad_sch'), sheets, project_name: 'flat_hierarchy', design_name: 'sch only' }).expect(200)).body.result;
      expect(sch.report.placement.source).toBe(0);
      expect(sch.report.files).toEqual(['flat_hierarchy.kicad_sch', 'pic_programmer.kicad_sch', 'pic_sockets.kicad_sch']);
      const both = (await call('kicad_import_project', 'preview-write', { pcb_text: text('flat_hierarchy.kicad_pcb'), design_name: 'board only' }).expect(200)).body.result;
      const design = async (name: string) => (await call('design_inspect', 'read', { design_name: name }).expect(200)).body.result.design as Design;
      const sets = (d: Design) =>
        Object.values(d.nets)
          .map((n) => n.nodes.map((node) => `${d.components[node.component]!.ref}.${d.components[node.component]!.pins[node.pin]!.number}`).sort().join(' '))
          .filter((k) => k.includes(' '))
          .sort();
      const [fromSch, fromBoard] = [sets(await design('sch only')), sets(await design('board only'))];
      expect(fromSch.length).toBe(34);
      expect(fromSch).toEqual(fromBoard);
      expect(both.report.parts.imported).toBe(sch.report.parts.imported);
      const missing = await call('kicad_import_project', 'preview-write', { sch_text: text('flat_hierarchy.kicad_sch'), project_name: 'flat_hierarchy', design_name: 'x' });
      expect([missing.status, missing.body.error.details.reason]).toEqual([400, 'missing_sheet']);
    }, 300_000);
  });
});
