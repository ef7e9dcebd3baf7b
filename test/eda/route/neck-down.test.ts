import { describe, expect, it } from 'vitest';
import { routeNets } from '../../../src/eda/route/index.js';
import { resolveFootprint } from '../../../src/eda/footprints/index.js';
import { buildBoardGeometry } from '../../../src/eda/board/index.js';
import type { Design } from '../../../src/eda/model/design.js';
import { makeDesign } from '../board/test-footprints.js';
import { checkRoutedDesign, clearanceFor } from './design-check.js';

/**
 * Neck-down at fine-pitch pads: a 0.4 mm power track cannot enter a 0.5 mm pitch LQFP land
 * (0.3 mm land, 0.2 mm gap) with 0.2 mm clearance; it narrows to the board minimum next to the
 * pad and is full width elsewhere.
 */
function lqfpBoard(minTraceMm: number): Design {
  const pins = Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`P${i + 1}`, { name: `P${i + 1}`, type: 'passive', number: String(i + 1) }]));
  return makeDesign({
    board: { width_mm: 30, height_mm: 24, layers: 2, min_trace_width_mm: minTraceMm },
    components: {
      u1: { id: 'u1', ref: 'U1', type: 'ic', footprint: 'LQFP-48', pins },
      c1: { id: 'c1', ref: 'C1', type: 'cap', footprint: '0603' },
      r1: { id: 'r1', ref: 'R1', type: 'res', footprint: '0603' },
      r2: { id: 'r2', ref: 'R2', type: 'res', footprint: '0603' },
    },
    nets: {
      // P18 (bottom row) sits between P17 and P19, both on other nets.
      vdd: { id: 'vdd', name: 'VDD', type: 'power', nodes: [{ component: 'u1', pin: 'P18' }, { component: 'c1', pin: '1' }] },
      gnd: { id: 'gnd', name: 'GND', type: 'ground', nodes: [{ component: 'u1', pin: 'P17' }, { component: 'c1', pin: '2' }] },
      a: { id: 'a', name: 'A', nodes: [{ component: 'u1', pin: 'P19' }, { component: 'r1', pin: '1' }] },
      b: { id: 'b', name: 'B', nodes: [{ component: 'u1', pin: 'P20' }, { component: 'r2', pin: '1' }] },
    },
    placement: {
      u1: { x_mm: 15.05, y_mm: 12.05, rotation_deg: 0, side: 'top' },
      c1: { x_mm: 15, y_mm: 4, rotation_deg: 0, side: 'top' },
      r1: { x_mm: 22, y_mm: 4, rotation_deg: 0, side: 'top' },
      r2: { x_mm: 8, y_mm: 4, rotation_deg: 0, side: 'top' },
    },
  });
}

describe('neck-down at fine-pitch pads', () => {
  it('routes the power pin with a 0.15 mm neck next to its pads and 0.4 mm copper elsewhere', () => {
    const design = lqfpBoard(0.15);
    const res = routeNets(design, resolveFootprint, { seed: 1 });
    expect(res.completion.complete).toBe(true);
    expect(res.parameters.neckWidthMm).toBe(0.15);
    const check = checkRoutedDesign(design, resolveFootprint, res.tracks, res.vias, clearanceFor(design));
    expect(check.violations).toEqual([]);
    expect(check.unjoined).toEqual([]);
    const vdd = res.tracks.filter((t) => t.net === 'vdd');
    const widths = new Set(vdd.map((t) => t.width_mm));
    // full width where it fits; the neck only where it does not (the land's tip may take the
    // full width: an entry segment from beyond it, src/eda/route/pad-access.ts)
    expect(widths.has(0.4)).toBe(true);
    expect([...widths].every((w) => w === 0.15 || w === 0.4)).toBe(true);
    // every narrow piece lies within the neck reach (1 mm) of a VDD pad
    const pads = buildBoardGeometry(design, resolveFootprint).pads.filter((p) => p.net === 'vdd');
    const nearPad = (x: number, y: number) => pads.some((p) => Math.abs(x - p.center[0]) <= p.size[0] / 2 + 1.05 && Math.abs(y - p.center[1]) <= p.size[1] / 2 + 1.05);
    for (const t of vdd.filter((t) => t.width_mm === 0.15)) {
      expect(nearPad(t.start[0], t.start[1]) && nearPad(t.end[0], t.end[1]), JSON.stringify(t)).toBe(true);
    }
    // full width carries most of the length
    const len = (w: number) => vdd.filter((t) => t.width_mm === w).reduce((s, t) => s + Math.hypot(t.end[0] - t.start[0], t.end[1] - t.start[1]), 0);
    expect(len(0.4)).toBeGreaterThan(len(0.15));
  });

  it('with no narrower minimum the pin is entered only past the tip of its land, at full width and clean', () => {
    const design = lqfpBoard(0.4);
    const res = routeNets(design, resolveFootprint, { seed: 1 });
    expect(res.parameters.neckWidthMm).toBeNull();
    const vdd = res.connections.filter((c) => c.net === 'vdd');
    expect(vdd).toEqual([{ net: 'vdd', from: expect.any(String), to: expect.any(String), status: 'routed' }]);
    expect(res.tracks.filter((t) => t.net === 'vdd').every((t) => t.width_mm === 0.4)).toBe(true);
    // judged by the independent checker, not the router: clean and joined
    const check = checkRoutedDesign(design, resolveFootprint, res.tracks, res.vias, clearanceFor(design));
    expect(check.violations).toEqual([]);
    expect(check.unjoined).toEqual([]);
  });
});
