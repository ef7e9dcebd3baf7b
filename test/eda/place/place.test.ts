import { describe, expect, it } from 'vitest';
import { placeComponents } from '../../../src/eda/place/index.js';
import { buildBoardGeometry, type BoardGeometry } from '../../../src/eda/board/index.js';
import type { Design } from '../../../src/eda/model/design.js';
import { makeDesign, testResolve } from '../board/test-footprints.js';
import { generateDesign } from './generate.js';
import { corpusDesigns } from './corpus-designs.js';
import { capacitanceOf } from '../../../src/eda/place/part-roles.js';

/** Legality judged from the board geometry, not from the placer's own bookkeeping. */
function legalityProblems(design: Design, g: BoardGeometry, clearance: number, edge: number): string[] {
  const out: string[] = [];
  const fps = g.footprints;
  for (const f of fps) {
    const [x0, y0, x1, y1] = f.courtyardWorld;
    if (x0 < edge - 1e-6 || y0 < edge - 1e-6 || x1 > design.board.width_mm - edge + 1e-6 || y1 > design.board.height_mm - edge + 1e-6) out.push(`${f.ref} outside`);
    if (![0, 90, 180, 270].includes(f.placement.rotation_deg)) out.push(`${f.ref} rotation`);
  }
  for (let i = 0; i < fps.length; i++) {
    for (let j = i + 1; j < fps.length; j++) {
      const a = fps[i]!.courtyardWorld;
      const b = fps[j]!.courtyardWorld;
      const dx = Math.max(b[0] - a[2], a[0] - b[2]);
      const dy = Math.max(b[1] - a[3], a[1] - b[3]);
      if (Math.max(dx, dy) < clearance - 1e-6) out.push(`${fps[i]!.ref}/${fps[j]!.ref} overlap`);
    }
  }
  return out;
}

describe('placeComponents on generated boards', () => {
  for (const n of [10, 50, 200]) {
    it(`places ${n} parts legally and deterministically`, () => {
      const design = generateDesign(n, n);
      const t0 = performance.now();
      const res = placeComponents(design, testResolve, { seed: 7 });
      const ms = performance.now() - t0;
      expect(res.unplaced).toEqual([]);
      expect(Object.keys(res.placement)).toHaveLength(n);
      const placed = { ...design, placement: res.placement };
      const g = buildBoardGeometry(placed, testResolve);
      expect(legalityProblems(placed, g, 0.25 + 1, 0.5)).toEqual([]);
      expect(res.algorithm).toBe('zt-place-1');
      const again = placeComponents(design, testResolve, { seed: 7 });
      expect(again.placement).toEqual(res.placement);
      expect(again.score).toBe(res.score);
      console.info(`placement n=${n}: ${ms.toFixed(0)} ms, HPWL ${res.score} mm`);
    });
  }

  it('improves wire length over the constructive seed and varies with the seed', () => {
    const design = generateDesign(30, 3);
    const seedOnly = placeComponents(design, testResolve, { seed: 1, iterations: 0 });
    const annealed = placeComponents(design, testResolve, { seed: 1 });
    expect(annealed.score).toBeLessThanOrEqual(seedOnly.score);
    const other = placeComponents(design, testResolve, { seed: 2 });
    expect(other.placement).not.toEqual(annealed.placement);
  });

  it('keeps locked parts where they are', () => {
    const design = generateDesign(12, 5);
    const lockedAt = { x_mm: 10, y_mm: 10, rotation_deg: 90 as const, side: 'top' as const };
    design.components.c0!.locked = true;
    design.placement.c0 = lockedAt;
    const res = placeComponents(design, testResolve, { seed: 3 });
    expect(res.placement.c0).toEqual(lockedAt);
    const g = buildBoardGeometry({ ...design, placement: res.placement }, testResolve);
    expect(legalityProblems(design, g, 0.25, 0.5)).toEqual([]);
  });

  it('reports parts that do not fit instead of overlapping them', () => {
    const design = generateDesign(40, 9);
    design.board.width_mm = 20;
    design.board.height_mm = 15;
    const res = placeComponents(design, testResolve, { seed: 1, iterations: 200 });
    expect(res.unplaced.length).toBeGreaterThan(0);
    expect(res.unplaced[0]!.reason).toMatch(/no legal position/);
    // every narrower channel was tried before giving up, and the result honours the one used
    expect(res.parameters.channelsTriedMm).toEqual([1, 0.5, 0.25, 0]);
    const g = buildBoardGeometry({ ...design, placement: res.placement }, testResolve);
    expect(legalityProblems(design, g, 0.25 + res.parameters.channelMm, 0.5)).toEqual([]);
  });

  it('keeps courtyards out of no-footprint keep-outs and reports missing footprints', () => {
    const design = generateDesign(20, 4);
    design.keepouts = [{ id: 'k', polygon: [[0, 0], [30, 0], [30, 30], [0, 30]], layers: [], no_tracks: true, no_vias: true, no_footprints: true }];
    design.components.c3!.footprint = 'NOT-A-FOOTPRINT';
    const res = placeComponents(design, testResolve, { seed: 1 });
    expect(res.unplaced).toEqual([{ component: 'c3', reason: 'footprint "NOT-A-FOOTPRINT" not found' }]);
    const g = buildBoardGeometry({ ...design, placement: res.placement }, testResolve);
    for (const f of g.footprints) {
      const [x0, y0] = f.courtyardWorld;
      expect(x0 >= 30 || y0 >= 30, `${f.ref} in keep-out`).toBe(true);
    }
  });

  it('rejects bad options', () => {
    expect(() => placeComponents(makeDesign({}), testResolve, { clearanceMm: -1 })).toThrow(/clearanceMm/);
  });
});

describe('placement corpus acceptance cases', () => {
  const designs = corpusDesigns();

  it('edge-usb-connector: J1 courtyard touches the left edge at the edge clearance', () => {
    const d = designs.get('edge-usb-connector')!;
    const res = placeComponents(d, testResolve, { seed: 1 });
    expect(res.constraintReport.map((r) => r.satisfied)).toEqual([true]);
    const g = buildBoardGeometry({ ...d, placement: res.placement }, testResolve);
    const j1 = g.footprints.find((f) => f.ref === 'J1')!;
    expect(j1.courtyardWorld[0]).toBeCloseTo(0.5, 6);
    expect(legalityProblems(d, g, 1.25, 0.5)).toEqual([]);
  });

  it('decoupling-proximity: C1 pad centroid within 3 mm of U1.VCC', () => {
    const d = designs.get('decoupling-proximity')!;
    const res = placeComponents(d, testResolve, { seed: 1 });
    expect(res.constraintReport.map((r) => r.satisfied)).toEqual([true]);
    const g = buildBoardGeometry({ ...d, placement: res.placement }, testResolve);
    const vcc = g.pads.find((p) => p.ref === 'U1' && p.pin === 'VCC')!;
    const c1 = g.pads.filter((p) => p.ref === 'C1');
    const cx = c1.reduce((s, p) => s + p.center[0], 0) / c1.length;
    const cy = c1.reduce((s, p) => s + p.center[1], 0) / c1.length;
    expect(Math.hypot(cx - vcc.center[0], cy - vcc.center[1])).toBeLessThanOrEqual(3);
    // a capacitor and the part it serves keep the plain clearance, without the routing channel
    expect(legalityProblems(d, g, 0.25, 0.5)).toEqual([]);
    expect(legalityProblems(d, { ...g, footprints: g.footprints.filter((f) => f.ref !== 'C1') }, 1.25, 0.5)).toEqual([]);
  });

  it('obstacle-avoidance-route and differential cases: placed legally, clear of the keep-out', () => {
    for (const id of ['obstacle-avoidance-route', 'differential-length-match']) {
      const d = designs.get(id)!;
      const res = placeComponents(d, testResolve, { seed: 1 });
      expect(res.unplaced).toEqual([]);
      const g = buildBoardGeometry({ ...d, placement: res.placement }, testResolve);
      expect(legalityProblems(d, g, 1.25, 0.5)).toEqual([]);
      for (const ko of d.keepouts) {
        const xs = ko.polygon.map((p) => p[0]);
        const ys = ko.polygon.map((p) => p[1]);
        for (const f of g.footprints) {
          const [x0, y0, x1, y1] = f.courtyardWorld;
          const apart = x1 <= Math.min(...xs) || x0 >= Math.max(...xs) || y1 <= Math.min(...ys) || y0 >= Math.max(...ys);
          expect(apart, `${f.ref} overlaps ${ko.id}`).toBe(true);
        }
      }
    }
  });
});

describe('capacitor size for the decoupling roles', () => {
  it('reads the capacitance from values that carry a rating or a size, so a bulk capacitor stays bulk', () => {
    expect(capacitanceOf('470uF 25V')).toBeCloseTo(470e-6, 12);
    expect(capacitanceOf('10uF/16V')).toBeCloseTo(10e-6, 12);
    expect(capacitanceOf('22uF 0805')).toBeCloseTo(22e-6, 12);
    expect(capacitanceOf('0.1uF X7R 50V')).toBeCloseTo(0.1e-6, 12);
    expect(capacitanceOf('100nF')).toBeCloseTo(100e-9, 15);
    expect(capacitanceOf('25V')).toBeNull();
    expect(capacitanceOf(null)).toBeNull();
  });
});
