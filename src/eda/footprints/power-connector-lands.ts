import type { Footprint, Pad } from '../model/footprint.js';
import { assemble, centredRect, pinOneMark, smdPad, thtPad, type Rect } from './build.js';

/**
 * Land patterns of the library's power, interface, timing and protection parts that no JEDEC
 * generator covers, written as pad tables. Each builder names in its `source` where the lands
 * come from; where that is a KiCad footprint (KiCad libraries 9.0, CC-BY-SA 4.0 with the design
 * exception), the land sizes and positions were read from it and its pad numbers kept.
 */

export interface LandTable {
  name: string;
  family: string;
  description: string;
  pads: Pad[];
  body: Rect;
  source: string;
  courtyardExcessMm?: number;
}

export function landTable(t: LandTable): Footprint {
  return assemble({
    name: t.name,
    family: t.family,
    description: t.description,
    pads: t.pads,
    body: t.body,
    courtyardExcessMm: t.courtyardExcessMm ?? 0.25,
    extraSilk: pinOneMark(t.pads, t.body),
    source: t.source,
  });
}

/** The same footprint with an exposed thermal pad added at the origin (it lies inside the body, so courtyard and silk are unchanged). */
export function withExposedPad(fp: Footprint, number: string, widthMm: number, heightMm: number, note: string): Footprint {
  return { ...fp, pads: [...fp.pads, smdPad(number, 0, 0, widthMm, heightMm, { shape: 'rect' })], source: `${fp.source}; exposed pad ${widthMm}x${heightMm} mm (pad ${number}): ${note}` };
}

/**
 * SOT-143B (four leads, lead 1 wider): 1 and 2 down the left, 3 and 4 up the right.
 * Land sizes and positions read from KiCad footprint Package_TO_SOT_SMD:SOT-143 (after NXP SOT143B).
 */
export function sot143(): Footprint {
  return landTable({
    name: 'SOT-143',
    family: 'sot',
    description: 'SOT-143B 4-lead (lead 1 wide), 2.9x1.3 mm body',
    pads: [smdPad('1', -1, -0.75, 0.7, 1), smdPad('2', -1, 0.95, 0.7, 0.6), smdPad('3', 1, 0.95, 0.7, 0.6), smdPad('4', 1, -0.95, 0.7, 0.6)],
    body: centredRect(1.3, 2.9),
    source: 'NXP SOT143B outline; land sizes and positions read from KiCad footprint Package_TO_SOT_SMD:SOT-143',
  });
}

/** Two rows of equal SMD lands, 1…n/2 down the left row and back up the right row (dual-in-line numbering). */
export function dualRowLands(count: number, pitchMm: number, rowXMm: number, landMm: [number, number], shape: 'rect' | 'roundrect' = 'roundrect'): Pad[] {
  const half = count / 2;
  const pads: Pad[] = [];
  for (let i = 0; i < half; i++) pads.push(smdPad(String(i + 1), -rowXMm, (i - (half - 1) / 2) * pitchMm, landMm[0], landMm[1], { shape }));
  for (let i = 0; i < half; i++) pads.push(smdPad(String(half + i + 1), rowXMm, ((half - 1) / 2 - i) * pitchMm, landMm[0], landMm[1], { shape }));
  return pads;
}

/**
 * TI DDA (SO PowerPAD-8, 3.9x4.9 mm, 1.27 mm pitch) with its exposed pad as pad 9. Land sizes and
 * positions read from KiCad footprint Package_SO:TI_SO-PowerPAD-8 (TI DDA0008B); KiCad splits the
 * 2.41x3.1 mm thermal land into four paste windows, here it is one land.
 */
export function tiSoPowerPad8(): Footprint {
  return landTable({
    name: 'TI_SO-PowerPAD-8_DDA',
    family: 'soic',
    description: 'SO PowerPAD-8 (TI DDA), 3.9x4.9 mm, 1.27 mm pitch, thermal pad 2.41x3.1 mm (pad 9)',
    pads: [...dualRowLands(8, 1.27, 2.78, [1.91, 0.61], 'rect'), smdPad('9', 0, 0, 2.41, 3.1, { shape: 'rect' })],
    body: centredRect(3.9, 4.9),
    source: 'TI DDA0008B (SO PowerPAD-8); land sizes and positions read from KiCad footprint Package_SO:TI_SO-PowerPAD-8: leads 1.91x0.61 mm at x ±2.78 mm, thermal land 2.41x3.1 mm',
  });
}

/** TI DCT (SSOP-8 2.95x2.8 mm, 0.65 mm pitch). Land sizes and positions read from KiCad footprint Package_SO:SSOP-8_2.95x2.8mm_P0.65mm. */
export function tiSsop8Dct(): Footprint {
  return landTable({
    name: 'SSOP-8_2.95x2.8mm_P0.65mm',
    family: 'ssop',
    description: 'SSOP-8 (TI DCT / SM8), 2.95x2.8 mm body, 0.65 mm pitch',
    pads: dualRowLands(8, 0.65, 1.7, [1.6, 0.3], 'rect'),
    body: centredRect(2.8, 2.95),
    source: 'TI DCT (SM8) outline; land sizes and positions read from KiCad footprint Package_SO:SSOP-8_2.95x2.8mm_P0.65mm: lands 1.6x0.3 mm at x ±1.7 mm',
  });
}

/** SOT-583-8 (TI DRL, 1.6x2.1 mm over leads, 0.5 mm pitch). Land sizes and positions read from KiCad footprint Package_TO_SOT_SMD:SOT-583-8. */
export function sot583x8(): Footprint {
  return landTable({
    name: 'SOT-583-8',
    family: 'sot',
    description: 'SOT-583-8 (TI DRL), 1.2x2.1 mm body, 0.5 mm pitch',
    pads: dualRowLands(8, 0.5, 0.74, [0.67, 0.3]),
    body: centredRect(1.2, 2.1),
    source: 'TI DRL (SOT-583-8) outline; land sizes and positions read from KiCad footprint Package_TO_SOT_SMD:SOT-583-8: lands 0.67x0.3 mm at x ±0.74 mm',
  });
}

/** TO-220-5 vertical, leads in one row at 1.7 mm. Land sizes and positions read from KiCad footprint Package_TO_SOT_THT:TO-220-5_Vertical. */
export function to220x5Vertical(): Footprint {
  const pads: Pad[] = [];
  for (let i = 0; i < 5; i++) pads.push(thtPad(String(i + 1), 1.7 * i, 0, 1.275, 1.8, 1.1, { shape: i === 0 ? 'rect' : 'oval' }));
  return landTable({
    name: 'TO-220-5_Vertical',
    family: 'to220',
    description: 'TO-220-5 (Pentawatt) vertical, 1.7 mm lead pitch, through-hole',
    pads,
    body: [-1.6, -3.15, 8.4, 1.25],
    source: 'TO-220-5 straight-lead outline; land sizes and positions read from KiCad footprint Package_TO_SOT_THT:TO-220-5_Vertical: holes 1.1 mm, pads 1.275x1.8 mm at 1.7 mm',
  });
}

/**
 * Four-pad ceramic crystal / oscillator package: pad 1 bottom-left, 2 bottom-right, 3 top-right,
 * 4 top-left (KiCad's make_crystal numbering), lands of one size at ±x, ±y.
 */
function fourPadCeramic(name: string, description: string, body: [number, number], at: [number, number], land: [number, number], source: string, family = 'crystal'): Footprint {
  const [x, y] = at;
  const [w, h] = land;
  return landTable({
    name,
    family,
    description,
    pads: [smdPad('1', -x, y, w, h), smdPad('2', x, y, w, h), smdPad('3', x, -y, w, h), smdPad('4', -x, -y, w, h)],
    body: centredRect(body[0], body[1]),
    source,
  });
}

export const sg8002ca = (): Footprint =>
  fourPadCeramic('Oscillator_SMD_SeikoEpson_SG8002CA-4Pin_7.0x5.0mm', 'Seiko Epson SG-8002CA oscillator, 7.0x5.0 mm, 4 pads', [7, 5], [2.54, 2.1], [1.8, 2],
    'Seiko Epson SG-8002CA outline; land sizes and positions read from KiCad footprint Oscillator:Oscillator_SMD_SeikoEpson_SG8002CA-4Pin_7.0x5.0mm: lands 1.8x2 mm at ±2.54/±2.1 mm', 'oscillator');

export const epsonFa128 = (): Footprint =>
  fourPadCeramic('Crystal_SMD_SeikoEpson_FA128-4Pin_2.0x1.6mm', 'Seiko Epson FA-128 crystal, 2.0x1.6 mm, 4 pads (1, 3 crystal; 2, 4 cover)', [2, 1.6], [0.725, 0.575], [0.95, 0.85],
    'Epson FA-128 outline; land sizes and positions read from KiCad footprint Crystal:Crystal_SMD_SeikoEpson_FA128-4Pin_2.0x1.6mm: lands 0.95x0.85 mm at ±0.725/±0.575 mm');

/** ECS-2520MV oscillator: KiCad numbers this footprint 1 top-left, 2 bottom-left, 3 bottom-right, 4 top-right. */
export function ecs2520mv(): Footprint {
  const pads = [smdPad('1', -0.725, -0.925, 0.8, 0.9), smdPad('2', -0.725, 0.925, 0.8, 0.9), smdPad('3', 0.725, 0.925, 0.8, 0.9), smdPad('4', 0.725, -0.925, 0.8, 0.9)];
  return landTable({
    name: 'Oscillator_SMD_ECS_2520MV-xxx-xx-4Pin_2.5x2.0mm',
    family: 'oscillator',
    description: 'ECS-2520MV oscillator, 2.5x2.0 mm, 4 pads',
    pads,
    body: centredRect(2.0, 2.5),
    source: 'ECS-2520MV outline; land sizes and positions read from KiCad footprint Oscillator:Oscillator_SMD_ECS_2520MV-xxx-xx-4Pin_2.5x2.0mm: lands 0.8x0.9 mm at ±0.725/±0.925 mm',
  });
}
