import { describe, expect, it } from 'vitest';
import { runDrc, DRC_RULES } from '../../../src/eda/drc/index.js';
import { writeKicadDru, writeKicadPcb, writeKicadPro } from '../../../src/eda/export/kicad/index.js';
import { requireKicadOrSkip, runKicadDrc } from '../../helpers/kicad-cli.js';
import { twoResistors, geometryOf } from './fixtures.js';
import type { Design } from '../../../src/eda/model/design.js';
import type { BoardGeometry } from '../../../src/eda/board/index.js';

/** The custom rules the KiCad export writes beside the project (land clearance, docs/drc.md), named for runKicadDrc's board. */
const druFiles = (d: Design, g: BoardGeometry): Record<string, string> => {
  const dru = writeKicadDru(d, g);
  return dru ? { 'board.kicad_dru': dru } : {};
};

/**
 * Planted violations found by BOTH our DRC and kicad-cli on the exported board: a planted short or
 * clearance violation must be found by both (docs/drc.md, "Agreement measured"). Each case compares the set of
 * our rule ids with the set of KiCad violation types through the catalogue's `kicad` mapping.
 */
const hasKicad = requireKicadOrSkip();

const T = (net: string, start: [number, number], end: [number, number], width_mm = 0.25, layer = 'F.Cu') => ({ net, layer, start, end, width_mm });
const SIG = T('sig', [10.8, 10], [19.2, 10]);
const V = (at: [number, number], diameter_mm = 0.6, drill_mm = 0.3) => ({ net: 'sig', at, diameter_mm, drill_mm });

function withClass(d: Design): Design {
  d.net_classes = { HV: { track_width_mm: 0.25, clearance_mm: 0.3, via_diameter_mm: 0.6, via_drill_mm: 0.3, nets: ['B'] } };
  return d;
}

/** A keep-out (no tracks, no vias) across the middle of the SIG track, on `layers` (empty: all). */
function withKeepout(d: Design, layers: ('F.Cu' | 'B.Cu')[]): Design {
  d.keepouts = [{ id: 'ant', polygon: [[14, 8], [16, 8], [16, 12], [14, 12]], layers, no_tracks: true, no_vias: true, no_footprints: false }];
  return d;
}

const CASES: { name: string; design: Design; ours: string[] }[] = [
  { name: 'clearance: track 0.15 mm from a pad of another net', design: twoResistors({ tracks: [SIG, T('a', [9.2, 10], [9.2, 11.5]), T('a', [9.2, 11.5], [20.8, 11.5]), T('a', [20.8, 11.5], [20.8, 10.75])] }), ours: ['DRC_CLEARANCE'] },
  { name: 'short: two nets\u2019 tracks crossing', design: twoResistors({ tracks: [SIG, T('a', [9.2, 10], [9.2, 12]), T('a', [9.2, 12], [15, 12]), T('a', [15, 12], [15, 9])] }), ours: ['DRC_SHORT'] },
  { name: 'short: a track ending on a pad of another net', design: twoResistors({ tracks: [SIG, T('a', [9.2, 10], [9.2, 12]), T('a', [9.2, 12], [20.8, 12]), T('a', [20.8, 12], [20.8, 10])] }), ours: ['DRC_SHORT'] },
  { name: 'net class clearance 0.3 mm', design: withClass(twoResistors({ tracks: [SIG, T('a', [9.2, 10], [9.2, 11.5]), T('a', [9.2, 11.5], [20.8, 11.5]), T('a', [20.8, 11.5], [20.8, 10.75])] })), ours: ['DRC_CLEARANCE'] },
  { name: 'unconnected: a track stopping short', design: twoResistors({ tracks: [T('sig', [10.8, 10], [15, 10])] }), ours: ['DRC_UNCONNECTED'] },
  { name: 'copper to edge 0.125 mm', design: twoResistors({ tracks: [SIG, T('a', [9.2, 10], [9.2, 19.75])] }), ours: ['DRC_EDGE_CLEARANCE'] },
  { name: 'track width 0.1 mm', design: twoResistors({ tracks: [T('sig', [10.8, 10], [19.2, 10], 0.1)] }), ours: ['DRC_TRACK_WIDTH'] },
  { name: 'via: small diameter, thin ring, small hole', design: twoResistors({ vias: [V([13, 10], 0.45, 0.3), V([16, 10], 0.6, 0.2)] }), ours: ['DRC_VIA_DIAMETER', 'DRC_ANNULAR_RING', 'DRC_HOLE_SIZE'] },
  { name: 'hole to hole 0.1 mm', design: twoResistors({ vias: [V([13, 10]), V([13.4, 10])] }), ours: ['DRC_HOLE_TO_HOLE'] },
  { name: 'track through a keep-out on F.Cu', design: withKeepout(twoResistors(), []), ours: ['DRC_KEEPOUT'] },
  { name: 'courtyards overlapping', design: twoResistors({ placement: { r2: { x_mm: 12.9, y_mm: 10, rotation_deg: 0, side: 'top' } }, tracks: [T('sig', [10.8, 10], [12.1, 10])] }), ours: ['DRC_COURTYARD_OVERLAP'] },
];

/** KiCad types that accompany one of ours (KiCad also flags a mask aperture joining two nets). */
const KICAD_COMPANIONS: Record<string, string[]> = { DRC_SHORT: ['solder_mask_bridge'] };

describe.runIf(hasKicad)('our DRC and kicad-cli agree on planted violations', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const g = geometryOf(c.design);
      const ours = runDrc(c.design, g);
      const ourIds = [...new Set(ours.findings.filter((f) => f.severity === 'error').map((f) => f.rule_id))].sort();
      expect(ourIds).toEqual([...c.ours].sort());

      const k = await runKicadDrc(writeKicadPcb(c.design, g), writeKicadPro(c.design));
      expect(k.exitCode).toBe(5);
      const kicadTypes = new Set([...k.violations, ...k.unconnected].map((v) => v.type));
      const expected = new Set<string>();
      for (const id of ourIds) {
        const rule = DRC_RULES.find((r) => r.id === id)!;
        // every rule we report has at least one KiCad counterpart among the reported types
        expect(rule.kicad.some((t) => kicadTypes.has(t)), `${id} vs ${[...kicadTypes].join(',')}`).toBe(true);
        for (const t of rule.kicad) expected.add(t);
        for (const t of KICAD_COMPANIONS[id] ?? []) expected.add(t);
      }
      // and KiCad reports nothing we did not
      for (const t of kicadTypes) expect(expected.has(t), `unexpected KiCad type ${t}`).toBe(true);

      // Where both give a number, they agree to KiCad's 4 printed decimals.
      for (const v of k.violations) {
        const actual = /actual (-?[\d.]+) mm/.exec(v.description);
        if (!actual || !['clearance', 'copper_edge_clearance', 'track_width', 'annular_width'].includes(v.type)) continue;
        const measured = ours.findings.map((f) => f.measured_mm).filter((m): m is number => m !== undefined);
        expect(measured.some((m) => Math.abs(m - Number(actual[1])) < 1e-4), `${v.type} actual ${actual[1]} vs ours ${measured.join(',')}`).toBe(true);
      }
    });
  }
});

describe.runIf(hasKicad)('a generated board (bench generator) is clean for both checkers', () => {
  it('30 nets × 30 segments with vias: 0 errors from us, 0 errors and 0 unconnected from kicad-cli', async () => {
    const { benchBoard } = await import('../../../bench/drc.js');
    const { buildBoardGeometry } = await import('../../../src/eda/board/index.js');
    const { Footprint } = await import('../../../src/eda/model/footprint.js');
    const tp = Footprint.parse({ name: 'TP', family: 't', description: 'tp', pads: [{ number: '1', kind: 'smd', shape: 'circle', at: [0, 0], size: [0.6, 0.6] }], courtyard: [-0.35, -0.35, 0.35, 0.35], silkscreen: [], body: [-0.3, -0.3, 0.3, 0.3], source: 't' });
    const d = benchBoard(30, 30);
    const g = buildBoardGeometry(d, (n) => (n === 'TP' ? tp : undefined));
    const ours = runDrc(d, g);
    expect(ours.counts.error).toBe(0);
    expect(ours.stats.tracks).toBe(900);
    const k = await runKicadDrc(writeKicadPcb(d, g), writeKicadPro(d), 120_000, druFiles(d, g));
    expect({ exit: k.exitCode, v: k.violations.length, u: k.unconnected.length }).toEqual({ exit: 0, v: 0, u: 0 });
  });
});

describe.runIf(hasKicad)('every library footprint, each pad on a net of its own', () => {
  it('our clearance, short and unconnected counts equal kicad-cli\u2019s', async () => {
    const { resolveFootprint, listFootprintPackages } = await import('../../../src/eda/footprints/index.js');
    const { buildBoardGeometry, rectToWorld } = await import('../../../src/eda/board/index.js');
    const { Design: DesignModel } = await import('../../../src/eda/model/design.js');
    const components: Record<string, unknown> = {};
    const nets: Record<string, unknown> = {};
    const placement: Record<string, unknown> = {};
    let x = 10;
    let y = 10;
    let rowH = 0;
    listFootprintPackages().forEach((p, i) => {
      const fp = resolveFootprint(p.name)!;
      const rotation_deg = ((i % 4) * 90) as 0 | 90 | 180 | 270;
      const side = i % 3 === 2 ? 'bottom' : 'top';
      const r = rectToWorld(fp.courtyard, { x_mm: 0, y_mm: 0, rotation_deg, side });
      const w = r[2] - r[0];
      const h = r[3] - r[1];
      if (x + w > 290) {
        x = 10;
        y += rowH + 2;
        rowH = 0;
      }
      const id = `c${i}`;
      const numbers = [...new Set(fp.pads.filter((q) => q.kind !== 'np_thru_hole').map((q) => q.number))];
      components[id] = { id, ref: `U${i}`, type: 'x', footprint: p.name, pins: Object.fromEntries(numbers.map((n) => [n, { name: n, type: 'passive' }])) };
      for (const n of numbers) nets[`${id}_${n}`] = { id: `${id}_${n}`, name: `${id}_${n}`, nodes: [{ component: id, pin: n }] };
      placement[id] = { x_mm: x - r[0], y_mm: y - r[1], rotation_deg, side };
      x += w + 2;
      rowH = Math.max(rowH, h);
    });
    const d = DesignModel.parse({ meta: { name: 'all-footprints' }, board: { width_mm: 300, height_mm: y + rowH + 10, layers: 2 }, components, nets, placement });
    const g = buildBoardGeometry(d, resolveFootprint);
    expect(g.missingFootprints).toEqual([]);
    const ours = runDrc(d, g);
    const count = (id: string) => ours.findings.filter((f) => f.rule_id === id).length;
    const islandsMinusOne = ours.findings.filter((f) => f.rule_id === 'DRC_UNCONNECTED').reduce((s, f) => s + f.items.length - 1, 0);
    const k = await runKicadDrc(writeKicadPcb(d, g), writeKicadPro(d), 120_000, druFiles(d, g));
    expect(k.exitCode).not.toBe(3);
    const kc = (t: string) => k.violations.filter((v) => v.type === t).length;
    expect({
      clearance: count('DRC_CLEARANCE'),
      shorts: count('DRC_SHORT'),
      unconnected: islandsMinusOne,
      edge: count('DRC_EDGE_CLEARANCE'),
      courtyard: count('DRC_COURTYARD_OVERLAP'),
    }).toEqual({
      clearance: kc('clearance'),
      shorts: kc('shorting_items'),
      unconnected: k.unconnected.length,
      edge: kc('copper_edge_clearance'),
      courtyard: kc('courtyards_overlap'),
    });
    // Every catalog footprint on one board (about 360 parts) through our DRC and kicad-cli: ~25 s alone,
    // several times that beside the rest of the suite on two cores.
  }, 180_000);
});
