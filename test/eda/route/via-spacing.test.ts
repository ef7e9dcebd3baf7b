import { describe, expect, it } from 'vitest';
import { routeProblem, type RouteProblem, type RoutedVia } from '../../../src/eda/route/index.js';

/**
 * Two vias of one net keep KiCad's `hole_to_hole` clearance (and our DRC_HOLE_TO_HOLE, 0.25 mm by
 * default) between their drills, as vias of different nets do: the rule is about drilling, not
 * about nets. A connection that has to dip under a thin front-layer track keep-out used to drop a
 * via either side of it 0.4 mm apart (a 0.1 mm gap between 0.3 mm drills, as on the synthesized
 * 12 V LoRa gateway at a denser board); the search now keeps the vias of its own path apart.
 */
const HOLE_CLEARANCE_MM = 0.25;

function dipUnderStrip(): RouteProblem {
  const rect = (x0: number, x1: number): [number, number][] => [
    [x0, -1],
    [x1, -1],
    [x1, 7],
    [x0, 7],
  ];
  return {
    bounds: { minX: 0, minY: 0, maxX: 10, maxY: 6 },
    layers: ['F.Cu', 'B.Cu'],
    obstacles: [
      { shape: { kind: 'rect', center: [1, 3], size: [0.6, 0.6] }, layers: ['F.Cu'], net: 'S' },
      { shape: { kind: 'rect', center: [9, 3], size: [0.6, 0.6] }, layers: ['F.Cu'], net: 'S' },
    ],
    connections: [
      {
        net: 'S',
        points: [
          { x: 1, y: 3, layer: 'F.Cu', obstacle: 0, label: 'A' },
          { x: 9, y: 3, layer: 'F.Cu', obstacle: 1, label: 'B' },
        ],
      },
    ],
    traceWidthMm: 0.2,
    clearanceMm: 0.2,
    viaDiameterMm: 0.6,
    viaDrillMm: 0.3,
    holeClearanceMm: HOLE_CLEARANCE_MM,
    keepouts: [
      // a thin strip the front layer's tracks may not cross (vias may stand in it)
      { polygon: rect(4.99, 5.01), layers: ['F.Cu'], noTracks: true, noVias: false },
      // the back layer is only open in a 1.3 mm window around it, so the net dips there
      { polygon: rect(-1, 4.25), layers: ['B.Cu'], noTracks: true, noVias: true },
      { polygon: rect(5.55, 11), layers: ['B.Cu'], noTracks: true, noVias: true },
    ],
  };
}

function holeGaps(vias: RoutedVia[]): number[] {
  const gaps: number[] = [];
  for (let i = 0; i < vias.length; i++) {
    for (let j = i + 1; j < vias.length; j++) {
      const a = vias[i]!;
      const b = vias[j]!;
      gaps.push(Math.hypot(a.at[0] - b.at[0], a.at[1] - b.at[1]) - (a.drillMm + b.drillMm) / 2);
    }
  }
  return gaps;
}

describe('same-net via spacing', () => {
  it('keeps the hole-to-hole clearance between two vias of one path', () => {
    const res = routeProblem(dipUnderStrip(), { seed: 1 });
    expect(res.completion.complete).toBe(true);
    // the strip can only be passed on the back layer: one via down, one up
    expect(res.vias.length).toBe(2);
    for (const gap of holeGaps(res.vias)) expect(gap).toBeGreaterThanOrEqual(HOLE_CLEARANCE_MM - 1e-9);
    // both stand in the window, either side of the strip
    const xs = res.vias.map((v) => v.at[0]).sort((p, q) => p - q);
    expect(xs[0]).toBeGreaterThan(4.25);
    expect(xs[0]).toBeLessThan(4.99);
    expect(xs[1]).toBeGreaterThan(5.01);
    expect(xs[1]).toBeLessThan(5.55);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(routeProblem(dipUnderStrip(), { seed: 1 }))).toBe(JSON.stringify(routeProblem(dipUnderStrip(), { seed: 1 })));
  });
});
