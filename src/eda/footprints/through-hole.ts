import type { Footprint, Pad } from '../model/footprint.js';
import { assemble, centredRect, npthHole, pinOneMark, smdPad, thtPad, type Rect } from './build.js';

/**
 * Through-hole and mechanical land patterns. IPC-7351B covers SMD only; hole and pad sizes follow
 * IPC-2222 (hole = maximum lead diameter + 0.2…0.25 mm, level B) with ≥ 0.3 mm annular ring, and
 * the body outlines the manufacturers' drawings named in each `source`. Courtyard excess 0.25 mm
 * (the IPC-7351B nominal figure) applies to these too.
 */
const EXCESS = 0.25;

export function dip(pins: number): Footprint {
  const perSide = pins / 2;
  const pitch = 2.54;
  const row = 7.62;
  const pads: Pad[] = [];
  for (let i = 0; i < perSide; i++) {
    const y = (i - (perSide - 1) / 2) * pitch;
    pads.push(thtPad(String(i + 1), -row / 2, y, 1.6, 1.6, 0.8, i === 0 ? { shape: 'rect' } : {}));
  }
  for (let i = 0; i < perSide; i++) pads.push(thtPad(String(perSide + i + 1), row / 2, ((perSide - 1) / 2 - i) * pitch, 1.6, 1.6, 0.8));
  const body = centredRect(6.35, perSide * pitch + 0.25);
  return assemble({
    name: `DIP-${pins}`,
    family: 'dip',
    description: `DIP-${pins} through-hole, 2.54 mm pitch, 7.62 mm (300 mil) row spacing`,
    pads,
    body,
    courtyardExcessMm: EXCESS,
    extraSilk: pinOneMark(pads, body),
    source: 'JEDEC MS-001 (PDIP 300 mil): lead 0.36–0.56 mm → drill 0.8 mm, pad 1.6 mm (IPC-2222 level B)',
  });
}

/** Pin headers: 2.54 mm (square post 0.64 mm → drill 1.0, pad 1.7) and 1.27 mm (post 0.4 → drill 0.65, pad 1.0). */
export function pinHeader(rows: 1 | 2, cols: number, pitchMm: 2.54 | 1.27): Footprint {
  const big = pitchMm === 2.54;
  const pad = big ? 1.7 : 1.0;
  const drill = big ? 1.0 : 0.65;
  const pads: Pad[] = [];
  let n = 1;
  // Numbering as on the part: 1xN runs down the column; 2xN alternates across the rows (1 2 / 3 4 …).
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) {
      const x = rows === 2 ? (r - 0.5) * pitchMm : 0;
      const y = (c - (cols - 1) / 2) * pitchMm;
      pads.push(thtPad(String(n), x, y, pad, pad, drill, n === 1 ? { shape: 'rect' } : {}));
      n++;
    }
  }
  const body = centredRect(rows * pitchMm, cols * pitchMm);
  const name = `PinHeader_${rows}x${String(cols).padStart(2, '0')}_P${pitchMm}mm`;
  return assemble({
    name,
    family: 'header',
    description: `Pin header ${rows}x${cols}, ${pitchMm} mm pitch, through-hole`,
    pads,
    body,
    courtyardExcessMm: EXCESS,
    extraSilk: pinOneMark(pads, body),
    source: big
      ? 'Generic 2.54 mm header, 0.64 mm square post → drill 1.0 mm, pad 1.7 mm (IPC-2222 level B)'
      : 'Generic 1.27 mm header, 0.4 mm square post → drill 0.65 mm, pad 1.0 mm (IPC-2222 level B)',
  });
}

export interface InlineSpec {
  name: string;
  family: string;
  description: string;
  pins: number;
  pitchMm: number;
  padMm: [number, number];
  drillMm: number;
  body: Rect;
  source: string;
  firstRect?: boolean;
}

/** One row of through-hole pins along x, pin 1 on the left. */
export function inlineTht(spec: InlineSpec): Footprint {
  const pads: Pad[] = [];
  for (let i = 0; i < spec.pins; i++) {
    const x = (i - (spec.pins - 1) / 2) * spec.pitchMm;
    pads.push(thtPad(String(i + 1), x, 0, spec.padMm[0], spec.padMm[1], spec.drillMm, i === 0 && spec.firstRect !== false ? { shape: 'roundrect' } : {}));
  }
  return assemble({
    name: spec.name,
    family: spec.family,
    description: spec.description,
    pads,
    body: spec.body,
    courtyardExcessMm: EXCESS,
    source: spec.source,
  });
}

export function jstPh(pins: number): Footprint {
  const w = (pins - 1) * 2.0 + 3.9;
  return inlineTht({
    name: `JST_PH_B${pins}B-PH-K`,
    family: 'connector',
    description: `JST PH ${pins}-pin vertical through-hole header, 2.0 mm pitch`,
    pins,
    pitchMm: 2.0,
    padMm: [1.2, 1.75],
    drillMm: 0.75,
    body: [-w / 2, -1.7, w / 2, 2.8],
    source: 'JST PH series drawing (B#B-PH-K): 2.0 mm pitch, 0.64 mm post → drill 0.75 mm',
  });
}

export function jstXh(pins: number): Footprint {
  const w = (pins - 1) * 2.5 + 4.9;
  return inlineTht({
    name: `JST_XH_B${pins}B-XH-A`,
    family: 'connector',
    description: `JST XH ${pins}-pin vertical through-hole header, 2.5 mm pitch`,
    pins,
    pitchMm: 2.5,
    padMm: [1.7, 2.0],
    drillMm: 0.95,
    body: [-w / 2, -2.35, w / 2, 3.4],
    source: 'JST XH series drawing (B#B-XH-A): 2.5 mm pitch, 0.64 mm post → drill 0.95 mm',
  });
}

/** JST SH (SM#B-SRSS-TB): SMD, 1.0 mm pitch, two mechanical (MP) pads. */
export function jstSh(pins: number): Footprint {
  const pads: Pad[] = [];
  for (let i = 0; i < pins; i++) pads.push(smdPad(String(i + 1), (i - (pins - 1) / 2) * 1.0, -1.325, 0.6, 1.55));
  const mpX = (pins - 1) / 2 + 1.8;
  pads.push(smdPad('MP', -mpX, 1.2, 1.2, 1.8), smdPad('MP', mpX, 1.2, 1.2, 1.8));
  const w = pins - 1 + 4.0;
  return assemble({
    name: `JST_SH_SM${String(pins).padStart(2, '0')}B-SRSS-TB`,
    family: 'connector',
    description: `JST SH ${pins}-pin SMD right-angle header, 1.0 mm pitch, with mounting pads`,
    pads,
    body: [-w / 2, -0.9, w / 2, 3.35],
    courtyardExcessMm: EXCESS,
    source: 'JST SH series drawing (SM#B-SRSS-TB) recommended PCB layout: signal 0.6x1.55 mm, MP 1.2x1.8 mm',
  });
}

export function terminalBlock(pins: number, pitchMm: 5.0 | 3.5): Footprint {
  const five = pitchMm === 5.0;
  const w = pins * pitchMm;
  return inlineTht({
    name: `TerminalBlock_1x${String(pins).padStart(2, '0')}_P${pitchMm.toFixed(2)}mm`,
    family: 'terminal',
    description: `Screw terminal block, ${pins} positions, ${pitchMm} mm pitch`,
    pins,
    pitchMm,
    padMm: five ? [2.6, 2.6] : [2.2, 2.2],
    drillMm: five ? 1.3 : 1.2,
    body: [-w / 2, -3.9, w / 2, 3.9],
    source: `Generic ${pitchMm} mm PCB screw terminal: 1.0 mm pins → drill ${five ? 1.3 : 1.2} mm`,
  });
}

/** 6x6 mm tactile switch, 4 THT legs at 6.5 x 4.5 mm; legs in pairs are the same contact. */
export function tact6x6(): Footprint {
  const pads = [
    thtPad('1', -3.25, -2.25, 2.0, 2.0, 1.1),
    thtPad('1', 3.25, -2.25, 2.0, 2.0, 1.1),
    thtPad('2', -3.25, 2.25, 2.0, 2.0, 1.1),
    thtPad('2', 3.25, 2.25, 2.0, 2.0, 1.1),
  ];
  return assemble({
    name: 'SW_PUSH_6mm',
    family: 'switch',
    description: 'Tactile switch 6x6 mm, through-hole, 4 legs (two per contact)',
    pads,
    body: centredRect(6, 6),
    courtyardExcessMm: EXCESS,
    source: 'Omron B3F / generic 6x6 tact switch drawing: legs 6.5 x 4.5 mm, drill 1.1 mm',
  });
}

export function radialCap(diameterMm: number, pitchMm: number, drillMm: number, padMm: number, name: string): Footprint {
  const pads = [thtPad('1', -pitchMm / 2, 0, padMm, padMm, drillMm, { shape: 'rect' }), thtPad('2', pitchMm / 2, 0, padMm, padMm, drillMm)];
  return assemble({
    name,
    family: 'capacitor_radial',
    description: `Radial electrolytic capacitor, D${diameterMm} mm, lead pitch ${pitchMm} mm; pad 1 = +`,
    pads,
    body: centredRect(diameterMm, diameterMm),
    courtyardExcessMm: EXCESS,
    source: `Radial aluminium electrolytic (EIA/IEC 60384-4 style), D${diameterMm} mm body, ${pitchMm} mm lead spacing, drill ${drillMm} mm`,
  });
}

export function led5mm(): Footprint {
  const pads = [thtPad('1', -1.27, 0, 1.8, 1.8, 0.9, { shape: 'rect' }), thtPad('2', 1.27, 0, 1.8, 1.8, 0.9)];
  return assemble({
    name: 'LED_D5.0mm',
    family: 'led_tht',
    description: '5 mm through-hole LED, 2.54 mm lead spacing; pad 1 = cathode (K), pad 2 = anode (A)',
    pads,
    body: centredRect(5.8, 5.8),
    courtyardExcessMm: EXCESS,
    source: 'T-1 3/4 (5 mm) LED outline: 0.5 mm square leads at 2.54 mm → drill 0.9 mm',
  });
}

export function to92(): Footprint {
  return inlineTht({
    name: 'TO-92_Inline',
    family: 'to92',
    description: 'TO-92 inline, 1.27 mm lead pitch',
    pins: 3,
    pitchMm: 1.27,
    padMm: [1.05, 1.5],
    drillMm: 0.75,
    body: [-2.4, -1.9, 2.4, 1.9],
    source: 'JEDEC TO-226AA (TO-92): leads 0.36–0.56 mm at 1.27 mm → drill 0.75 mm',
    firstRect: false,
  });
}

export function hc49(): Footprint {
  const pads = [thtPad('1', -2.44, 0, 1.5, 1.5, 0.8), thtPad('2', 2.44, 0, 1.5, 1.5, 0.8)];
  return assemble({
    name: 'Crystal_HC49-4H',
    family: 'crystal',
    description: 'Crystal HC-49/US (low profile), through-hole, 4.88 mm lead spacing',
    pads,
    body: centredRect(11.0, 4.65),
    courtyardExcessMm: EXCESS,
    source: 'HC-49/US outline: 0.43 mm leads at 4.88 mm → drill 0.8 mm',
  });
}

export function testPoint(diameterMm: 1.0 | 1.5 | 2.0): Footprint {
  const pads = [smdPad('1', 0, 0, diameterMm, diameterMm, { shape: 'circle', paste: false })];
  return assemble({
    name: `TestPoint_Pad_D${diameterMm.toFixed(1)}mm`,
    family: 'testpoint',
    description: `SMD test point, round copper pad ${diameterMm} mm, no paste`,
    pads,
    body: centredRect(diameterMm, diameterMm),
    courtyardExcessMm: EXCESS,
    source: 'Bare-copper probe pad (no component body); courtyard excess IPC-7351B nominal 0.25 mm',
  });
}

const SCREW = { M2: { drill: 2.2, pad: 4.0 }, 'M2.5': { drill: 2.7, pad: 5.0 }, M3: { drill: 3.2, pad: 6.0 } } as const;

/** Mounting holes: ISO 273 medium-fit clearance holes; plated variant with a pad under the screw head (ISO 7380 head Ø). */
export function mountingHole(size: keyof typeof SCREW, plated: boolean): Footprint {
  const s = SCREW[size];
  const pads = plated ? [thtPad('1', 0, 0, s.pad, s.pad, s.drill, { shape: 'circle' })] : [npthHole(0, 0, s.drill)];
  const d = plated ? s.pad : s.drill;
  return assemble({
    name: `MountingHole_${s.drill}mm_${size}${plated ? '_Pad' : ''}`,
    family: 'mounting_hole',
    description: `Mounting hole for ${size} screw, ${plated ? `plated, ${s.pad} mm pad` : 'non-plated'}`,
    pads,
    body: centredRect(d, d),
    courtyardExcessMm: EXCESS,
    source: `ISO 273 medium clearance hole ${s.drill} mm for ${size}${plated ? `; ${s.pad} mm ring covers the screw head` : ''}`,
  });
}

/** Bourns 3296W multi-turn trimmer, top adjust: three in-line pins at 2.54 mm. */
export function trimmer3296w(): Footprint {
  return inlineTht({
    name: 'Potentiometer_Bourns_3296W_Vertical',
    family: 'trimmer',
    description: 'Bourns 3296W 3/8" square multi-turn trimmer, 3 pins at 2.54 mm (pin 2 = wiper)',
    pins: 3,
    pitchMm: 2.54,
    padMm: [1.6, 1.6],
    drillMm: 0.8,
    body: [-4.765, -2.415, 4.765, 2.415],
    source: 'Bourns 3296 datasheet, W layout: pins 0.5 mm at 2.54 mm → drill 0.8 mm; body 9.53 x 4.83 mm',
    firstRect: false,
  });
}
