import { describe, expect, it } from 'vitest';
import {
  buildBoardGeometry,
  footprintToWorld,
  worldToFootprint,
  rotatedRectCorners,
  rectToWorld,
  pointInPolygon,
  type PinPadMapper,
} from '../../../src/eda/board/index.js';
import type { Placement } from '../../../src/eda/model/design.js';
import { makeDesign, testResolve, SOIC_8, HEADER_4 } from './test-footprints.js';

const close = (a: [number, number], b: [number, number]) => {
  expect(a[0]).toBeCloseTo(b[0], 9);
  expect(a[1]).toBeCloseTo(b[1], 9);
};

describe('footprint transforms', () => {
  it('rotates counter-clockwise as seen with y down (90° takes +x to -y)', () => {
    const p: Placement = { x_mm: 10, y_mm: 20, rotation_deg: 90, side: 'top' };
    close(footprintToWorld([1, 0], p), [10, 19]);
    close(footprintToWorld([0, 1], p), [11, 20]);
    const p180: Placement = { ...p, rotation_deg: 180 };
    close(footprintToWorld([1, 2], p180), [9, 18]);
    const p270: Placement = { ...p, rotation_deg: 270 };
    close(footprintToWorld([1, 0], p270), [10, 21]);
  });

  it('mirrors bottom-side footprints in x before rotating', () => {
    const bottom: Placement = { x_mm: 5, y_mm: 5, rotation_deg: 0, side: 'bottom' };
    close(footprintToWorld([2, 1], bottom), [3, 6]);
    const bottom90: Placement = { ...bottom, rotation_deg: 90 };
    // mirror → (-2, 1), rotate 90° CCW → (1, 2)
    close(footprintToWorld([2, 1], bottom90), [6, 7]);
  });

  it('worldToFootprint inverts footprintToWorld for every rotation and side', () => {
    for (const side of ['top', 'bottom'] as const) {
      for (const rotation_deg of [0, 90, 180, 270] as const) {
        const p: Placement = { x_mm: 3.3, y_mm: -7.1, rotation_deg, side };
        close(worldToFootprint(footprintToWorld([1.25, -0.5], p), p), [1.25, -0.5]);
      }
    }
  });

  it('gives rotated rect corners at the true distance from the centre', () => {
    const corners = rotatedRectCorners([0, 0], [2, 1], 45);
    for (const c of corners) expect(Math.hypot(c[0], c[1])).toBeCloseTo(Math.hypot(1, 0.5), 9);
    const rect = rectToWorld([-1, -2, 3, 4], { x_mm: 0, y_mm: 0, rotation_deg: 90, side: 'top' });
    expect(rect).toEqual([-2, -3, 4, 1]);
  });

  it('tests points in polygons', () => {
    const sq: [number, number][] = [[0, 0], [10, 0], [10, 10], [0, 10]];
    expect(pointInPolygon([5, 5], sq)).toBe(true);
    expect(pointInPolygon([15, 5], sq)).toBe(false);
  });
});

describe('buildBoardGeometry', () => {
  const design = makeDesign({
    components: {
      u1: { id: 'u1', ref: 'U1', type: 'ic', footprint: 'SOIC-8', pins: { VCC: { name: 'VCC', type: 'power_in', number: '8' }, GND: { name: 'GND', type: 'power_in', number: '4' } } },
      j1: { id: 'j1', ref: 'J1', type: 'conn', footprint: 'PinHeader_1x04' },
      x1: { id: 'x1', ref: 'X1', type: 'thing', footprint: 'NOPE' },
      c1: { id: 'c1', ref: 'C1', type: 'cap', footprint: '0603' },
    },
    nets: {
      vcc: { id: 'vcc', name: 'VCC', type: 'power', nodes: [{ component: 'u1', pin: 'VCC' }, { component: 'j1', pin: '1' }] },
      gnd: { id: 'gnd', name: 'GND', type: 'ground', nodes: [{ component: 'u1', pin: 'GND' }, { component: 'j1', pin: '9' }] },
    },
    placement: {
      u1: { x_mm: 20, y_mm: 30, rotation_deg: 90, side: 'bottom' },
      j1: { x_mm: 50, y_mm: 10, rotation_deg: 0, side: 'top' },
    },
  });
  const g = buildBoardGeometry(design, testResolve);

  it('places pads in world coordinates with their nets', () => {
    const vccPad = g.pads.find((p) => p.ref === 'U1' && p.padNumber === '8')!;
    expect(vccPad.net).toBe('vcc');
    expect(vccPad.pin).toBe('VCC');
    const local = SOIC_8.pads.find((p) => p.number === '8')!.at;
    // bottom + 90°: (x, y) → mirror (-x, y) → rotate (y, x)
    close(vccPad.center, [20 + local[1], 30 + local[0]]);
    expect(vccPad.layers).toEqual(['B.Cu']);
    expect(vccPad.rotationDeg).toBe(90);
    const headerPad = g.pads.find((p) => p.ref === 'J1' && p.padNumber === '1')!;
    expect(headerPad.net).toBe('vcc');
    expect(headerPad.layers).toEqual(['F.Cu', 'B.Cu']);
    expect(headerPad.drillMm).toBe(HEADER_4.pads[0]!.drill_mm);
    expect(g.pads.filter((p) => p.ref === 'U1' && p.net === null)).toHaveLength(6);
  });

  it('reports missing footprints, unmapped pins and unplaced parts', () => {
    expect(g.missingFootprints).toEqual([{ component: 'x1', ref: 'X1', footprint: 'NOPE' }]);
    expect(g.unmappedPins).toEqual([{ component: 'j1', ref: 'J1', pin: '9' }]);
    expect(g.unplaced).toEqual([{ component: 'c1', ref: 'C1' }]);
    expect(g.footprints.map((f) => f.ref)).toEqual(['J1', 'U1']);
  });

  it('computes the courtyard in world coordinates', () => {
    const u1 = g.footprints.find((f) => f.ref === 'U1')!;
    expect(u1.courtyardWorld).toEqual([20 - 2.7, 30 - 3.7, 20 + 2.7, 30 + 3.7]);
  });

  it('uses a supplied pin mapper', () => {
    const byName: PinPadMapper = (_fp, pins) => ({ map: Object.fromEntries(pins.map((p) => [p.name, p.name === 'VCC' ? ['1'] : ['2']])), unmapped: [] });
    const g2 = buildBoardGeometry(design, testResolve, byName);
    expect(g2.pads.find((p) => p.ref === 'U1' && p.padNumber === '1')!.net).toBe('vcc');
    expect(g2.unmappedPins).toEqual([]);
  });
});
