import { Design, type Point } from '../../../../src/eda/model/design.js';
import { Footprint } from '../../../../src/eda/model/footprint.js';
import { buildBoardGeometry, type BoardGeometry } from '../../../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../../src/eda/footprints/index.js';

/**
 * A small placed and routed board for the fab-output tests: two 0603 resistors (one on the
 * bottom, rotated), a SOIC-8, a 1×2 THT header, an M2 mounting hole, a USB-C receptacle (slotted
 * shell holes) and a test footprint with 45°/30° pads, on a 30×20 mm two-layer board. Real
 * footprints come from `resolveFootprint`; tracks are drawn between the pad centres the board
 * geometry computes, so they land on copper.
 */

/** Pads at odd angles, to exercise the aperture-macro path. */
export const TILT = Footprint.parse({
  name: 'TILT',
  family: 'test',
  description: 'rotated rect and oval pads (test)',
  pads: [
    { number: '1', kind: 'smd', shape: 'rect', at: [-1, 0], size: [1.2, 0.6], rotation_deg: 45 },
    { number: '2', kind: 'smd', shape: 'oval', at: [1, 0], size: [1.2, 0.6], rotation_deg: 30, paste: false },
  ],
  courtyard: [-2, -1, 2, 1],
  silkscreen: [{ start: [-1.8, -0.9], end: [1.8, -0.9], width_mm: 0.12 }],
  body: [-1.5, -0.6, 1.5, 0.6],
  source: 'test',
});

export const resolveTest = (name: string): Footprint | undefined => (name === 'TILT' ? TILT : resolveFootprint(name));

const pins = (...names: string[]) => Object.fromEntries(names.map((n) => [n, { name: n, type: 'passive' }]));

function baseDesign(routing: { tracks: unknown[]; vias: unknown[] }, over: Record<string, unknown> = {}): Design {
  return Design.parse({
    meta: { name: 'fab test' },
    board: { width_mm: 30, height_mm: 20, layers: 2 },
    components: {
      r1: { id: 'r1', ref: 'R1', type: 'resistor', value: '10k', footprint: '0603', pins: pins('1', '2') },
      r2: { id: 'r2', ref: 'R2', type: 'resistor', value: '10k', footprint: '0603', pins: pins('1', '2') },
      r10: { id: 'r10', ref: 'R10', type: 'resistor', value: '=HYPERLINK("x")', footprint: '0603', dnp: true, pins: pins('1', '2') },
      u1: { id: 'u1', ref: 'U1', type: 'ic', value: 'LM358', footprint: 'SOIC-8', mpn: 'LM358DR', manufacturer: 'Texas Instruments, Inc.', pins: pins('1', '2', '3', '4', '5', '6', '7', '8') },
      j1: { id: 'j1', ref: 'J1', type: 'connector', value: 'PWR', footprint: 'PinHeader_1x02_P2.54mm', pins: pins('1', '2') },
      h1: { id: 'h1', ref: 'H1', type: 'mounting_hole', value: 'M2', footprint: 'MountingHole_2.2mm_M2' },
      usb1: { id: 'usb1', ref: 'USB1', type: 'connector', value: 'USB-C', footprint: 'USB-C-16P' },
      t1: { id: 't1', ref: 'T1', type: 'test', value: 'tilt', footprint: 'TILT', pins: pins('1', '2') },
    },
    nets: {
      sig: { id: 'sig', name: 'SIG', nodes: [{ component: 'r1', pin: '2' }, { component: 'u1', pin: '1' }] },
      vcc: { id: 'vcc', name: 'VCC', nodes: [{ component: 'r1', pin: '1' }, { component: 'j1', pin: '1' }, { component: 'u1', pin: '8' }] },
      gnd: { id: 'gnd', name: 'GND', nodes: [{ component: 'u1', pin: '4' }, { component: 'j1', pin: '2' }, { component: 'r2', pin: '2' }] },
      odd: { id: 'odd', name: 'EN*%,\\x', nodes: [{ component: 'u1', pin: '2' }, { component: 't1', pin: '1' }] },
    },
    placement: {
      r1: { x_mm: 5, y_mm: 4, rotation_deg: 0, side: 'top' },
      r2: { x_mm: 5, y_mm: 8, rotation_deg: 90, side: 'bottom' },
      r10: { x_mm: 5, y_mm: 12, rotation_deg: 0, side: 'top' },
      u1: { x_mm: 14, y_mm: 5, rotation_deg: 0, side: 'top' },
      j1: { x_mm: 26, y_mm: 5, rotation_deg: 0, side: 'top' },
      h1: { x_mm: 3, y_mm: 17, rotation_deg: 0, side: 'top' },
      usb1: { x_mm: 15, y_mm: 15, rotation_deg: 0, side: 'top' },
      t1: { x_mm: 25, y_mm: 14, rotation_deg: 0, side: 'top' },
    },
    routing,
    ...over,
  });
}

export interface Fixture {
  design: Design;
  geometry: BoardGeometry;
}

/** The fixture design, routed: tracks between pad centres, one via, a B.Cu leg to the bottom resistor. */
export function fabFixture(): Fixture {
  const unrouted = baseDesign({ tracks: [], vias: [] });
  const g0 = buildBoardGeometry(unrouted, resolveTest, mapPinsToPads);
  const at = (ref: string, pad: string): Point => {
    const p = g0.pads.find((q) => q.ref === ref && q.padNumber === pad);
    if (!p) throw new Error(`fixture: no pad ${ref}.${pad}`);
    return p.center;
  };
  const T = (net: string, start: Point, end: Point, layer = 'F.Cu', width_mm = 0.25) => ({ net, layer, start, end, width_mm });
  const u4 = at('U1', '4');
  const via: Point = [u4[0], u4[1] + 2];
  const tracks = [
    T('sig', at('R1', '2'), at('U1', '1')),
    T('vcc', at('R1', '1'), [at('R1', '1')[0], 1.5], 'F.Cu', 0.4),
    T('vcc', [at('R1', '1')[0], 1.5], [at('J1', '1')[0], 1.5], 'F.Cu', 0.4),
    T('vcc', [at('J1', '1')[0], 1.5], at('J1', '1'), 'F.Cu', 0.4),
    T('gnd', u4, via),
    T('gnd', via, at('R2', '2'), 'B.Cu'),
    T('gnd', via, at('J1', '2'), 'B.Cu'),
    T('odd', at('U1', '2'), at('T1', '1')),
  ];
  const design = baseDesign({ tracks, vias: [{ net: 'gnd', at: via, diameter_mm: 0.6, drill_mm: 0.3 }] });
  return { design, geometry: buildBoardGeometry(design, resolveTest, mapPinsToPads) };
}
