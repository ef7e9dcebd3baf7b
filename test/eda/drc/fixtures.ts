import { Footprint, type Pad } from '../../../src/eda/model/footprint.js';
import { Design } from '../../../src/eda/model/design.js';
import { buildBoardGeometry, type BoardGeometry } from '../../../src/eda/board/index.js';

/**
 * Footprints and designs built by the DRC/export tests themselves (independent of the footprint
 * generator), with plausible IPC-7351B-like numbers. Every test plants its own violation.
 */

export function smd(number: string, at: [number, number], size: [number, number], extra: Partial<Pad> = {}): Pad {
  return { number, kind: 'smd', shape: 'roundrect', at, size, rotation_deg: 0, roundrect_ratio: 0.25, drill_mm: null, side: 'top', paste: true, ...extra };
}

export function tht(number: string, at: [number, number], diameter: number, drill: number, extra: Partial<Pad> = {}): Pad {
  return { number, kind: 'thru_hole', shape: 'circle', at, size: [diameter, diameter], rotation_deg: 0, roundrect_ratio: 0.25, drill_mm: drill, side: 'top', paste: false, ...extra };
}

function fp(name: string, pads: Pad[], courtyard: [number, number, number, number]): Footprint {
  const [x0, y0, x1, y1] = courtyard;
  return Footprint.parse({
    name,
    family: 'test',
    description: `${name} (test)`,
    pads,
    courtyard,
    silkscreen: [{ start: [x0 + 0.2, y0 - 0.1], end: [x1 - 0.2, y0 - 0.1], width_mm: 0.12 }],
    body: [x0 + 0.3, y0 + 0.3, x1 - 0.3, y1 - 0.3],
    source: 'test',
  });
}

/** 0603-like chip: pads 0.9 × 0.95 at ±0.8 mm. */
export const CHIP = fp('R0603', [smd('1', [-0.8, 0], [0.9, 0.95]), smd('2', [0.8, 0], [0.9, 0.95])], [-1.5, -0.75, 1.5, 0.75]);
/** A 1×2 through-hole header, 2.54 mm pitch, 1.7 mm pads, 1.0 mm drill. */
export const HDR2 = fp('HDR2', [tht('1', [0, 0], 1.7, 1.0, { shape: 'rect' }), tht('2', [0, 2.54], 1.7, 1.0)], [-1.3, -1.3, 1.3, 3.84]);
/** An asymmetric part for orientation checks: a long pad 1 off-centre and a small round pad 2. */
export const ASYM = fp('ASYM', [smd('1', [-1.5, -0.5], [2.0, 0.6], { shape: 'rect' }), smd('2', [1.5, 1.0], [0.8, 0.8], { shape: 'circle' })], [-2.8, -1.2, 2.3, 1.8]);
/** A mounting hole (NPTH, 3.2 mm). */
export const HOLE = fp('HOLE', [{ number: '', kind: 'np_thru_hole', shape: 'circle', at: [0, 0], size: [3.2, 3.2], rotation_deg: 0, roundrect_ratio: 0, drill_mm: 3.2, side: 'top', paste: false }], [-2, -2, 2, 2]);

export const FOOTPRINTS: Record<string, Footprint> = { R0603: CHIP, HDR2, ASYM, HOLE };
export const resolve = (name: string): Footprint | undefined => FOOTPRINTS[name];

export function makeDesign(input: Record<string, unknown>): Design {
  return Design.parse({ meta: { name: 'drc-test' }, board: { width_mm: 30, height_mm: 20, layers: 2 }, ...input });
}

export function geometryOf(design: Design): BoardGeometry {
  return buildBoardGeometry(design, resolve);
}

const res = (id: string, ref: string, value = '10k') => ({ id, ref, type: 'resistor', value, footprint: 'R0603', pins: { '1': { name: '1', type: 'passive' }, '2': { name: '2', type: 'passive' } } });

/**
 * Two resistors R1 (x=10) and R2 (x=20) at y=10, joined pad 2 → pad 1 by net SIG on F.Cu; pad 1 of
 * R1 on net A and pad 2 of R2 on net B (single-pad nets). Clean by construction.
 */
export function twoResistors(over: { tracks?: unknown[]; vias?: unknown[]; board?: Record<string, unknown>; extraNets?: Record<string, unknown>; placement?: Record<string, unknown>; components?: Record<string, unknown>; names?: { r1?: string; r2?: string; sig?: string; v1?: string } } = {}): Design {
  const names = over.names ?? {};
  return makeDesign({
    board: { width_mm: 30, height_mm: 20, layers: 2, ...over.board },
    components: { r1: res('r1', names.r1 ?? 'R1', names.v1 ?? '10k'), r2: res('r2', names.r2 ?? 'R2'), ...over.components },
    nets: {
      sig: { id: 'sig', name: names.sig ?? 'SIG', nodes: [{ component: 'r1', pin: '2' }, { component: 'r2', pin: '1' }] },
      a: { id: 'a', name: 'A', nodes: [{ component: 'r1', pin: '1' }] },
      b: { id: 'b', name: 'B', nodes: [{ component: 'r2', pin: '2' }] },
      ...over.extraNets,
    },
    placement: {
      r1: { x_mm: 10, y_mm: 10, rotation_deg: 0, side: 'top' },
      r2: { x_mm: 20, y_mm: 10, rotation_deg: 0, side: 'top' },
      ...over.placement,
    },
    routing: {
      tracks: over.tracks ?? [{ net: 'sig', layer: 'F.Cu', start: [10.8, 10], end: [19.2, 10], width_mm: 0.25 }],
      vias: over.vias ?? [],
    },
  });
}
