import type { Footprint, Pad } from '../model/footprint.js';
import { centredRect, npthHole, smdPad, thtPad } from './build.js';
import { padTableFootprint } from './land-table.js';

/**
 * Land patterns of the library's power, interface, timing and protection parts that no JEDEC
 * generator covers, written as pad tables. Each builder names in its `source` where the lands
 * come from; where that is a KiCad footprint (KiCad libraries 9.0, CC-BY-SA 4.0 with the design
 * exception), the land sizes and positions were read from it and its pad numbers kept.
 */

/** The same footprint with an exposed thermal pad added at the origin (it lies inside the body, so courtyard and silk are unchanged). */
export function withExposedPad(fp: Footprint, number: string, widthMm: number, heightMm: number, note: string): Footprint {
  return { ...fp, pads: [...fp.pads, smdPad(number, 0, 0, widthMm, heightMm, { shape: 'rect' })], source: `${fp.source}; exposed pad ${widthMm}x${heightMm} mm (pad ${number}): ${note}` };
}

/**
 * SOT-143B (four leads, lead 1 wider): 1 and 2 down the left, 3 and 4 up the right.
 * Land sizes and positions read from KiCad footprint Package_TO_SOT_SMD:SOT-143 (after NXP SOT143B).
 */
export function sot143(): Footprint {
  return padTableFootprint({
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
  return padTableFootprint({
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
  return padTableFootprint({
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
  return padTableFootprint({
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
  return padTableFootprint({
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
  return padTableFootprint({
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
  return padTableFootprint({
    name: 'Oscillator_SMD_ECS_2520MV-xxx-xx-4Pin_2.5x2.0mm',
    family: 'oscillator',
    description: 'ECS-2520MV oscillator, 2.5x2.0 mm, 4 pads',
    pads,
    body: centredRect(2.0, 2.5),
    source: 'ECS-2520MV outline; land sizes and positions read from KiCad footprint Oscillator:Oscillator_SMD_ECS_2520MV-xxx-xx-4Pin_2.5x2.0mm: lands 0.8x0.9 mm at ±0.725/±0.925 mm',
  });
}

const CONNECTOR = 'connector';

/**
 * Hanrun HR911105A RJ45 magjack (10/100BASE-T magnetics, two LEDs), horizontal, through-hole:
 * contacts 1–8 in two staggered rows, LED leads 9–12, shield legs SH, two plastic pegs (NPTH).
 * Land sizes and positions read from KiCad footprint Connector_RJ:RJ45_Hanrun_HR911105A_Horizontal.
 */
export function hanrunHr911105a(): Footprint {
  const pads: Pad[] = [];
  for (let i = 0; i < 8; i++) pads.push(thtPad(String(i + 1), [0, 1.26, 2.54, 3.8, 5.08, 6.34, 7.62, 8.88][i]!, i % 2 === 0 ? 0 : -2.54, 1.5, 1.5, 0.89, { shape: i === 0 ? 'roundrect' : 'circle' }));
  for (const [n, x] of [['9', -2.185], ['10', 0.355], ['11', 8.525], ['12', 11.065]] as const) pads.push(thtPad(n, x, 11.26, 1.5, 1.5, 1.02, { shape: 'circle' }));
  pads.push(thtPad('SH', -3.305, 3.31, 2.5, 2.5, 1.63, { shape: 'circle' }), thtPad('SH', 12.185, 3.31, 2.5, 2.5, 1.63, { shape: 'circle' }));
  pads.push(npthHole(-1.275, 6.36, 3.25), npthHole(10.155, 6.36, 3.25));
  return padTableFootprint({
    name: 'RJ45_Hanrun_HR911105A_Horizontal',
    family: CONNECTOR,
    description: 'RJ45 8P8C magjack with 10/100 magnetics and two LEDs, Hanrun HR911105A, horizontal, through-hole; SH = shield',
    pads,
    body: [-5.06, -4.54, 13.94, 17.76],
    source: 'Hanrun HR911105A drawing; land sizes and positions read from KiCad footprint Connector_RJ:RJ45_Hanrun_HR911105A_Horizontal: contacts Ø0.89 mm holes, LEDs Ø1.02 mm, shield Ø1.63 mm, pegs Ø3.25 mm NPTH',
  });
}

/** JST PH S2B-PH-SM4-TB, 2 contacts at 2.0 mm, side entry, SMD with two mounting tabs (MP). Lands read from KiCad footprint Connector_JST:JST_PH_S2B-PH-SM4-TB_1x02-1MP_P2.00mm_Horizontal. */
export function jstPhS2bSm4(): Footprint {
  return padTableFootprint({
    name: 'JST_PH_S2B-PH-SM4-TB_1x02-1MP_P2.00mm_Horizontal',
    family: CONNECTOR,
    description: 'JST PH 2-pin SMD side-entry header S2B-PH-SM4-TB, 2.0 mm pitch; MP = mounting tabs',
    pads: [smdPad('1', -1, -2.85, 1, 3.5), smdPad('2', 1, -2.85, 1, 3.5), smdPad('MP', -3.35, 2.9, 1.5, 3.4), smdPad('MP', 3.35, 2.9, 1.5, 3.4)],
    body: [-4.6, -5.1, 4.6, 5.1],
    source: 'JST PH catalogue (ePH.pdf), S2B-PH-SM4-TB; land sizes and positions read from KiCad footprint Connector_JST:JST_PH_S2B-PH-SM4-TB_1x02-1MP_P2.00mm_Horizontal',
  });
}

/** Hirose FH12-nS-0.5SH FFC/FPC connector, n contacts at 0.5 mm, SMD, two mounting tabs (MP). Lands read from KiCad footprints Connector_FFC-FPC:Hirose_FH12-nS-0.5SH_1xn-1MP_P0.50mm_Horizontal. */
export function hiroseFh12(n: 10 | 20): Footprint {
  const pads: Pad[] = [];
  for (let i = 0; i < n; i++) pads.push(smdPad(String(i + 1), (i - (n - 1) / 2) * 0.5, -1.85, 0.3, 1.3, { shape: 'rect' }));
  const mp = ((n - 1) / 2) * 0.5 + 1.9;
  pads.push(smdPad('MP', -mp, 1.4, 1.8, 2.2, { shape: 'rect' }), smdPad('MP', mp, 1.4, 1.8, 2.2, { shape: 'rect' }));
  const half = n === 10 ? 5.56 : 8.05;
  return padTableFootprint({
    name: `Hirose_FH12-${n}S-0.5SH_1x${n}-1MP_P0.50mm_Horizontal`,
    family: CONNECTOR,
    description: `FFC/FPC connector ${n} contacts, 0.5 mm pitch, Hirose FH12-${n}S-0.5SH, SMD; MP = mounting tabs`,
    pads,
    body: [-half, -3.0, half, 4.9],
    source: `Hirose FH12 drawing; land sizes and positions read from KiCad footprint Connector_FFC-FPC:Hirose_FH12-${n}S-0.5SH_1x${n}-1MP_P0.50mm_Horizontal: contacts 0.3x1.3 mm at 0.5 mm, tabs 1.8x2.2 mm`,
  });
}

/** Amphenol 10029449-x01 HDMI type A receptacle, right angle, 19 SMD contacts at 0.5 mm, shell on four plated legs (SH). Lands read from KiCad footprint Connector_Video:HDMI_A_Amphenol_10029449-x01xLF_Horizontal. */
export function hdmiAAmphenol10029449(): Footprint {
  const pads: Pad[] = [];
  for (let i = 0; i < 19; i++) pads.push(smdPad(String(i + 1), 4.75 - 0.5 * i, -5, 0.3, 1.9, { shape: 'rect' }));
  for (const [x, y] of [[-7.85, 0.9], [-7.25, -4], [7.25, -4], [7.85, 0.9]] as const) pads.push(thtPad('SH', x, y, 1.8, 1.8, 1.3, { shape: 'circle' }));
  return padTableFootprint({
    name: 'HDMI_A_Amphenol_10029449-x01xLF_Horizontal',
    family: CONNECTOR,
    description: 'HDMI type A receptacle, Amphenol 10029449-x01xLF, right angle, 19 SMD contacts at 0.5 mm; SH = shell',
    pads,
    body: [-9.25, -6.45, 9.25, 5.0],
    source: 'Amphenol 10029449 drawing; land sizes and positions read from KiCad footprint Connector_Video:HDMI_A_Amphenol_10029449-x01xLF_Horizontal: contacts 0.3x1.9 mm at 0.5 mm, shell legs Ø1.3 mm',
  });
}

/** Molex 67643 USB 2.0 type A receptacle, horizontal, through-hole: 1 VBUS, 2 D−, 3 D+, 4 GND, 5 shell. Lands read from KiCad footprint Connector_USB:USB_A_Molex_67643_Horizontal. */
export function usbAMolex67643(): Footprint {
  return padTableFootprint({
    name: 'USB_A_Molex_67643_Horizontal',
    family: CONNECTOR,
    description: 'USB 2.0 type A receptacle, Molex 67643, horizontal, through-hole; pad 5 = shell',
    pads: [
      thtPad('1', 0, 0, 1.6, 1.5, 0.95, { shape: 'rect' }), thtPad('2', 2.5, 0, 1.6, 1.6, 0.95), thtPad('3', 4.5, 0, 1.6, 1.6, 0.95), thtPad('4', 7, 0, 1.6, 1.6, 0.95),
      thtPad('5', -3.07, 2.71, 3, 3, 2.3), thtPad('5', 10.07, 2.71, 3, 3, 2.3),
    ],
    body: [-5.08, -2.77, 12.08, 13.49],
    source: 'Molex 67643 sales drawing; land sizes and positions read from KiCad footprint Connector_USB:USB_A_Molex_67643_Horizontal: contacts Ø0.95 mm at 2.5/2.0/2.5 mm, shell Ø2.3 mm',
  });
}

/**
 * Reverse-polarity SMA jack for the board edge: centre contact (pad 1) between two ground legs (pad 2)
 * that straddle the board, so each ground leg has a land on both copper sides. Land sizes and
 * positions read from footprint SparkFun-Connector:RP-SMA_Edge of the SparkFun KiCad library
 * (CC-BY 4.0); the body sits off the board edge, beyond y = -2.38 mm.
 */
export function rpSmaEdgeSparkFun(): Footprint {
  const bottom = (p: Pad): Pad => ({ ...p, side: 'bottom', paste: false });
  return padTableFootprint({
    name: 'SparkFun_RP-SMA_Edge',
    family: 'connector',
    description: 'RP-SMA edge-mount jack: centre pad 1, ground legs pad 2 on both copper sides',
    pads: [
      smdPad('1', 0, 0, 1.5, 4, { shape: 'rect' }),
      smdPad('2', -2.54, 0, 1.5, 4, { shape: 'rect' }),
      smdPad('2', 2.54, 0, 1.5, 4, { shape: 'rect' }),
      bottom(smdPad('2', -2.54, 0, 1.5, 4, { shape: 'rect' })),
      bottom(smdPad('2', 2.54, 0, 1.5, 4, { shape: 'rect' })),
    ],
    body: [-3.965, -9.881, 3.965, -2.381],
    courtyardExcessMm: 0.25,
    source: 'land sizes and positions read from footprint SparkFun-Connector:RP-SMA_Edge of the SparkFun KiCad library (github.com/sparkfun/SparkFun-KiCad-Libraries, CC-BY 4.0), ground legs on both copper sides as there; body outline from its fabrication layer',
  });
}

/**
 * SOT-563 (TI DRL-6, 1.2x1.6 mm body, 0.5 mm pitch): 1-3 down the left, 4-6 up the right. Land sizes and
 * positions read from KiCad footprint Package_TO_SOT_SMD:SOT-563 (JEDEC MO-293B): lands 0.675x0.35 mm at x ±0.7125 mm.
 */
export function sot563(): Footprint {
  return padTableFootprint({
    name: 'SOT-563',
    family: 'sot',
    description: 'SOT-563 6-lead (TI DRL), 1.2x1.6 mm body, 0.5 mm pitch',
    pads: dualRowLands(6, 0.5, 0.7125, [0.675, 0.35]),
    body: centredRect(1.2, 1.6),
    source: 'JEDEC MO-293B SOT-563; land sizes and positions read from KiCad footprint Package_TO_SOT_SMD:SOT-563: lands 0.675x0.35 mm at x ±0.7125 mm, 0.5 mm pitch',
  });
}

/**
 * TI DGN0008G (HVSSOP-8 PowerPAD, 3x3 mm, 0.65 mm pitch) with the thermal pad as pad 9. Land sizes and
 * positions read from KiCad footprint Package_SO:Texas_DGN0008G_VSSOP-8-1EP_3x3mm_P0.65mm_EP2x2.94mm_Mask1.846x2.15mm:
 * leads 1.45x0.5 mm at x ±2.2 mm, thermal land 2x2.94 mm (KiCad's separate paste window is left out).
 */
export function tiDgn0008g(): Footprint {
  return padTableFootprint({
    name: 'Texas_DGN0008G_VSSOP-8-1EP_3x3mm_P0.65mm_EP2x2.94mm',
    family: 'msop',
    description: 'HVSSOP-8 PowerPAD (TI DGN0008G), 3x3 mm, 0.65 mm pitch, thermal pad 2x2.94 mm (pad 9)',
    pads: [...dualRowLands(8, 0.65, 2.2, [1.45, 0.5]), smdPad('9', 0, 0, 2, 2.94, { shape: 'rect' })],
    body: centredRect(3, 3),
    source: 'TI DGN0008G outline; land sizes and positions read from KiCad footprint Package_SO:Texas_DGN0008G_VSSOP-8-1EP_3x3mm_P0.65mm_EP2x2.94mm_Mask1.846x2.15mm: leads 1.45x0.5 mm at x ±2.2 mm, thermal land 2x2.94 mm',
  });
}
