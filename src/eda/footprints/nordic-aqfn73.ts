import type { Footprint, Pad } from '../model/footprint.js';
import { assemble, centredRect, smdPad } from './build.js';

/**
 * Nordic nRF52840-QIAA, aQFN-73 7 × 7 mm: 73 round 0.25 mm lands on two staggered square rings
 * (outer at ±3.25 mm, inner at ±2.75 mm, 0.5 mm along each ring) and a 4.85 mm exposed GND pad.
 * Lands are named by their grid site as in Nordic's pin assignments: the letters give the row
 * (y, down), the number the column (x). Inner-ring lands sit 0.25 mm from their outer neighbours,
 * so at 0.2 mm clearance only the outer ring can be escaped on the top layer.
 */

/** Row letter → y (mm). The rows next to the rings are 0.5 mm apart, the others 0.25 mm. */
const ROWS: Record<string, number> = {
  A: -3.25, B: -2.75, C: -2.25, D: -2.0, E: -1.75, F: -1.5, G: -1.25, H: -1.0, J: -0.75, K: -0.5, L: -0.25, M: 0,
  N: 0.25, P: 0.5, R: 0.75, T: 1.0, U: 1.25, V: 1.5, W: 1.75, Y: 2.0, AA: 2.25, AB: 2.5, AC: 2.75, AD: 3.25,
};

function columnX(n: number): number {
  if (n === 1) return -3.25;
  if (n === 2) return -2.75;
  if (n === 23) return 2.75;
  if (n === 24) return 3.25;
  return -2.5 + (n - 3) * 0.25;
}

/** The 73 populated sites. */
const SITES =
  'A8 A10 A12 A14 A16 A18 A20 A22 A23 B1 B3 B5 B7 B9 B11 B13 B15 B17 B19 B24 C1 D2 D23 E24 F2 F23 G1 H2 H23 J1 J24 K2 L1 L24 M2 N1 N24 ' +
  'P2 P23 R1 R24 T2 T23 U1 U24 V23 W1 W24 Y2 Y23 AA24 AB2 AC5 AC9 AC11 AC13 AC15 AC17 AC19 AC21 AC24 AD2 AD4 AD6 AD8 AD10 AD12 AD14 AD16 AD18 AD20 AD22 AD23';

export const AQFN73_SITES: readonly string[] = SITES.split(' ');

export function nordicAqfn73(): Footprint {
  const pads: Pad[] = AQFN73_SITES.map((site) => {
    const m = /^([A-Z]+)(\d+)$/.exec(site)!;
    return smdPad(site, columnX(Number(m[2])), ROWS[m[1]!]!, 0.25, 0.25, { shape: 'circle' });
  });
  pads.push(smdPad('EP', 0, 0, 4.85, 4.85, { shape: 'rect' }));
  return assemble({
    name: 'nRF52840-QIAA',
    family: 'aqfn',
    description: 'Nordic nRF52840-QIAA aQFN-73 7x7 mm: 73 lands of 0.25 mm on two staggered rings (0.5 mm pitch) + 4.85 mm exposed GND pad "EP"',
    pads,
    body: centredRect(7, 7),
    courtyardExcessMm: 0.31,
    source: 'Nordic nRF52840 product specification, aQFN73 land pattern and pin assignments (as in KiCad Nordic_AQFN-73-1EP_7x7mm_P0.5mm)',
  });
}
