import { describe, expect, it } from 'vitest';
import { runDrc, DRC_RULES } from '../../../src/eda/drc/index.js';
import { writeKicadPcb, writeKicadPro } from '../../../src/eda/export/kicad/index.js';
import { requireKicadOrSkip, runKicadDrc } from '../../helpers/kicad-cli.js';
import { twoResistors, geometryOf } from './fixtures.js';
import type { Design } from '../../../src/eda/model/design.js';

/**
 * Planted violations found by BOTH our DRC and kicad-cli on the exported board (issue 4, "Done
 * when": a planted short or clearance violation is found by both). Each case compares the set of
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
