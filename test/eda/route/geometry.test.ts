import { describe, expect, it } from 'vitest';
import { capsule, hypot2, pointInShape, pointShapeDist, roundedRect, rotatedRect, segShapeDist, shapeBounds, shapeShapeDist } from '../../../src/eda/route/geometry.js';
import { routeProblem, type RouteProblem } from '../../../src/eda/route/index.js';

/**
 * Rounded-rectangle pads (KiCad roundrect) in the router's geometry: a point in the square
 * corner but outside the rounding is NOT copper, so a track ending there does not join the pad
 * (kicad-cli and our DRC would both find the net split).
 */
describe('rounded rectangles', () => {
  const pad = roundedRect(0, 0, 2.6, 2.6, 0, 0.65);

  it('keeps the outline, rounds the corners', () => {
    expect(shapeBounds(pad)).toEqual([-1.3, -1.3, 1.3, 1.3]);
    expect(pointInShape(1.3, 0, pad, 1e-9)).toBe(true);
    expect(pointInShape(1.25, 1.2, pad)).toBe(false);
    expect(pointInShape(1.25, 1.2, rotatedRect(0, 0, 2.6, 2.6))).toBe(true);
    // the corner circle centre is (0.65, 0.65); 45° out from it by r lies on the boundary
    const c = 0.65 + 0.65 / Math.SQRT2;
    expect(pointInShape(c - 1e-6, c - 1e-6, pad)).toBe(true);
    expect(pointInShape(c + 1e-6, c + 1e-6, pad)).toBe(false);
  });

  it('measures distances to the rounding exactly', () => {
    // a point straight out of the corner at distance 1 from the corner circle
    const k = 0.65 + (0.65 + 1) / Math.SQRT2;
    expect(segShapeDist(k, k, k, k, pad)).toBeCloseTo(1, 9);
    // along a flat side nothing changes
    expect(segShapeDist(2.3, 0, 2.3, 0, pad)).toBeCloseTo(1, 9);
    const other = roundedRect(3.6, 0, 2.6, 2.6, 0, 0.65);
    expect(shapeShapeDist(pad, other)).toBeCloseTo(1, 9);
    // corner to corner: both roundings count
    const diag = roundedRect(4, 4, 2.6, 2.6, 0, 0.65);
    expect(shapeShapeDist(pad, diag)).toBeCloseTo(Math.hypot(2.7, 2.7) - 1.3, 9);
  });

  it('a routed connection to roundrect pads is joined inside the rounded copper', () => {
    const problem: RouteProblem = {
      bounds: { minX: 0, minY: 0, maxX: 12, maxY: 12 },
      layers: ['F.Cu'],
      obstacles: [
        { shape: { kind: 'rect', center: [3, 3], size: [2.6, 2.6], cornerRadiusMm: 0.65 }, layers: ['F.Cu'], net: 'A' },
        { shape: { kind: 'rect', center: [9, 9], size: [2.6, 2.6], cornerRadiusMm: 0.65 }, layers: ['F.Cu'], net: 'A' },
      ],
      connections: [{ net: 'A', points: [{ x: 3, y: 3, layer: 'F.Cu', obstacle: 0 }, { x: 9, y: 9, layer: 'F.Cu', obstacle: 1 }] }],
      traceWidthMm: 0.2,
      clearanceMm: 0.2,
      viaDiameterMm: 0.6,
      viaDrillMm: 0.3,
    };
    const res = routeProblem(problem, { seed: 1 });
    expect(res.completion.complete).toBe(true);
    // independent check: some track's copper overlaps each pad's rounded copper (its end lies
    // within half its width of it, kicad-cli's test of a track joining a pad)
    const inRounded = (x: number, y: number, cx: number, cy: number, r: number) => Math.hypot(Math.max(0, Math.abs(x - cx) - 0.65), Math.max(0, Math.abs(y - cy) - 0.65)) < 0.65 + r;
    for (const [cx, cy] of [[3, 3], [9, 9]] as const) {
      expect(res.tracks.some((t) => inRounded(t.start[0], t.start[1], cx, cy, t.widthMm / 2) || inRounded(t.end[0], t.end[1], cx, cy, t.widthMm / 2))).toBe(true);
    }
  });
});

/**
 * The router's fast paths must give the very same numbers as the general ones: grid footprints
 * use `pointShapeDist` where `segShapeDist` of a zero-length segment was used, and pad access
 * measures entry lengths with `hypot2` where it used Math.hypot (src/eda/route/geometry.ts).
 * Equal to the last bit, so routes stay byte-identical (test/eda/route/determinism.test.ts).
 */
describe('fast distance paths', () => {
  const shapes = [
    rotatedRect(1.25, 4.5, 0.9, 1.0, 0),
    rotatedRect(1.2, 4.6, 0.8, 0.6, 90),
    rotatedRect(1.2, 4.6, 0.8, 0.6, 37),
    roundedRect(2, 3, 1.2, 0.6, 90, 0.1),
    capsule(0.3, 0.7, 2.9, 1.1, 0.15),
    capsule(1, 1, 1, 1, 0.4),
    capsule(0, 1, 5, 1, 0),
  ];

  it('pointShapeDist equals segShapeDist of a point, on a grid and off it', () => {
    let compared = 0;
    for (const s of shapes) {
      for (let i = 0; i < 120; i++) {
        for (let j = 0; j < 120; j++) {
          for (const [x, y] of [
            [-1 + i * 0.05, 2 + j * 0.05],
            [-1 + i * 0.0537, 2 + j * 0.0491],
          ] as const) {
            const a = pointShapeDist(x, y, s);
            const b = segShapeDist(x, y, x, y, s);
            if (a !== b) expect({ x, y, s, a }).toEqual({ x, y, s, a: b });
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(shapes.length * 120 * 120 * 2);
  });

  it('hypot2 equals Math.hypot', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
    for (let k = 0; k < 200_000; k++) {
      const a = rand() * 10 ** (rand() * 6);
      const b = rand() * 10 ** (rand() * 6);
      if (hypot2(a, b) !== Math.hypot(a, b)) expect([a, b, hypot2(a, b)]).toEqual([a, b, Math.hypot(a, b)]);
    }
    expect([hypot2(0, 0), hypot2(3, 4), hypot2(-3, 4), hypot2(Infinity, NaN), hypot2(1, NaN)]).toEqual([0, 5, 5, Infinity, NaN]);
  });
});
