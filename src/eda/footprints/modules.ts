import type { Footprint, Pad } from '../model/footprint.js';
import { assemble, centredRect, npthHole, pinOneMark, smdPad, thtPad } from './build.js';

/**
 * Land patterns taken from manufacturers' recommended layouts (datasheet "PCB land pattern"
 * sections) rather than computed: castellated modules, LGA sensors, connectors.
 */

interface CastellatedModule {
  name: string;
  description: string;
  body: [number, number];
  sidePads: number;
  bottomPads: number;
  pitchMm: number;
  firstPadY: number;
  sideX: number;
  bottomY: number;
  padMm: [number, number];
  ep: { at: [number, number]; size: number };
  source: string;
}

/** Pads 1…n down the left edge, then along the bottom edge left→right, then up the right edge; EP last. */
function castellated(m: CastellatedModule): Footprint {
  const pads: Pad[] = [];
  let n = 1;
  const [len, wid] = m.padMm;
  for (let i = 0; i < m.sidePads; i++) pads.push(smdPad(String(n++), -m.sideX, m.firstPadY + i * m.pitchMm, len, wid, { shape: 'rect' }));
  for (let i = 0; i < m.bottomPads; i++) pads.push(smdPad(String(n++), (i - (m.bottomPads - 1) / 2) * m.pitchMm, m.bottomY, wid, len, { shape: 'rect' }));
  for (let i = m.sidePads - 1; i >= 0; i--) pads.push(smdPad(String(n++), m.sideX, m.firstPadY + i * m.pitchMm, len, wid, { shape: 'rect' }));
  pads.push(smdPad(String(n), m.ep.at[0], m.ep.at[1], m.ep.size, m.ep.size, { shape: 'rect' }));
  const body = centredRect(m.body[0], m.body[1]);
  return assemble({ name: m.name, family: 'module', description: m.description, pads, body, courtyardExcessMm: 0.25, source: m.source });
}

export function esp32Wroom32(): Footprint {
  return castellated({
    name: 'ESP32-WROOM-32',
    description: 'Espressif ESP32-WROOM-32 module, 18x25.5 mm, 38 castellated pads (1.27 mm pitch) + GND exposed pad 39',
    body: [18, 25.5],
    sidePads: 14,
    bottomPads: 10,
    pitchMm: 1.27,
    firstPadY: -5.26,
    sideX: 8.5,
    bottomY: 12.25,
    padMm: [2.0, 0.9],
    ep: { at: [-1.0, 2.24], size: 5.0 },
    source: 'Espressif ESP32-WROOM-32 datasheet, "Recommended PCB land pattern": pads 2.0x0.9 mm at 1.27 mm, EP 5x5 mm',
  });
}

export function esp32S3Wroom1(): Footprint {
  return castellated({
    name: 'ESP32-S3-WROOM-1',
    description: 'Espressif ESP32-S3-WROOM-1 module, 18x25.5 mm, 40 castellated pads (1.27 mm pitch) + GND exposed pad 41',
    body: [18, 25.5],
    sidePads: 14,
    bottomPads: 12,
    pitchMm: 1.27,
    firstPadY: -5.26,
    sideX: 8.75,
    bottomY: 12.5,
    padMm: [1.5, 0.9],
    ep: { at: [-1.5, 2.46], size: 3.9 },
    source: 'Espressif ESP32-S3-WROOM-1 datasheet, "Recommended PCB land pattern": pads 1.5x0.9 mm at 1.27 mm, EP 3.9x3.9 mm',
  });
}

/**
 * Espressif ESP32-C3-MINI-1 (13.2 × 16.6 mm LGA module), origin at the body centre, antenna end
 * towards −y: 48 perimeter lands at 0.8 mm pitch (1–11 left, 12–24 bottom, 25–35 right, 36–48
 * top, counter-clockwise from the top of the left row), a 3 × 3 array of 1.45 mm GND lands
 * (pad 49) and four 0.7 mm GND corner lands (50–53). The vendor pattern chamfers one square of
 * pad 49 as an orientation cue; it is drawn square here (the cut only removes GND copper).
 */
export function esp32C3Mini1(): Footprint {
  const pads: Pad[] = [];
  const pitch = 0.8;
  for (let n = 1; n <= 11; n++) pads.push(smdPad(String(n), -5.9, -1.3 + pitch * (n - 1), 0.8, 0.4, { shape: 'rect' }));
  for (let n = 12; n <= 24; n++) pads.push(smdPad(String(n), -4.8 + pitch * (n - 12), 7.6, 0.4, 0.8, { shape: 'rect' }));
  for (let n = 25; n <= 35; n++) pads.push(smdPad(String(n), 5.9, 6.7 - pitch * (n - 25), 0.8, 0.4, { shape: 'rect' }));
  for (let n = 36; n <= 48; n++) pads.push(smdPad(String(n), 4.8 - pitch * (n - 36), -2.2, 0.4, 0.8, { shape: 'rect' }));
  for (const y of [0.725, 2.7, 4.675]) for (const x of [-1.975, 0, 1.975]) pads.push(smdPad('49', x, y, 1.45, 1.45, { shape: 'rect' }));
  const corners: [string, number, number][] = [['50', 5.95, -2.25], ['51', 5.95, 7.65], ['52', -5.95, 7.65], ['53', -5.95, -2.25]];
  for (const [num, x, y] of corners) pads.push(smdPad(num, x, y, 0.7, 0.7, { shape: 'rect' }));
  const body = centredRect(13.2, 16.6);
  return assemble({
    name: 'ESP32-C3-MINI-1',
    family: 'module',
    description: 'Espressif ESP32-C3-MINI-1 module, 13.2x16.6 mm, 48 lands at 0.8 mm + 9 GND thermal lands (49) + 4 GND corner lands (50-53); keep copper out of the antenna end (y < -2.9 mm)',
    pads,
    body,
    courtyardExcessMm: 0.25,
    source: 'Espressif ESP32-C3-MINI-1 datasheet, "Recommended PCB land pattern" (as in Espressif\'s KiCad library): lands 0.8x0.4 mm at 0.8 mm pitch, GND 3x3 of 1.45 mm at 1.975 mm, corners 0.7 mm',
  });
}

/** Bosch LGA-8 2.5x2.5 mm (BME280): clockwise numbering, pins 1–4 on top edge, 5–8 on the bottom. */
export function boschLga8(): Footprint {
  const xs = [-0.975, -0.325, 0.325, 0.975];
  const pads: Pad[] = [
    ...xs.map((x, i) => smdPad(String(i + 1), x, -1.025, 0.35, 0.5, { shape: 'rect' })),
    ...xs.map((x, i) => smdPad(String(8 - i), x, 1.025, 0.35, 0.5, { shape: 'rect' })),
  ];
  const body = centredRect(2.5, 2.5);
  return assemble({
    name: 'Bosch_LGA-8_2.5x2.5mm_P0.65mm',
    family: 'lga',
    description: 'Bosch LGA-8 2.5x2.5x0.93 mm (BME280), 0.65 mm pitch, clockwise pin numbering',
    pads,
    body,
    courtyardExcessMm: 0.25,
    extraSilk: pinOneMark(pads, body),
    source: 'Bosch BME280 datasheet, "Landing pattern recommendation": pads 0.35x0.5 mm, 0.65 mm pitch, rows 2.05 mm apart',
  });
}

/**
 * 16-pin USB Type-C receptacle (HRO TYPE-C-31-M-12 layout, common in JLCPCB designs): 12 SMD land
 * positions for 16 contacts (A1/B12, A4/B9, B4/A9, B1/A12 share a land and are drawn as stacked
 * pads), two NPTH locating pegs and four plated shell tabs (slots), numbered "S1".
 */
export function usbC16p(): Footprint {
  const y = -3.8;
  const pads: Pad[] = [];
  const wide = (num: string, x: number) => pads.push(smdPad(num, x, y, 0.6, 1.45, { shape: 'rect' }));
  const narrow = (num: string, x: number) => pads.push(smdPad(num, x, y, 0.3, 1.45, { shape: 'rect' }));
  wide('A1', -3.2);
  wide('B12', -3.2);
  wide('A4', -2.4);
  wide('B9', -2.4);
  const signals: [string, number][] = [['B8', -1.75], ['A5', -1.25], ['B7', -0.75], ['A6', -0.25], ['A7', 0.25], ['B6', 0.75], ['A8', 1.25], ['B5', 1.75]];
  for (const [num, x] of signals) narrow(num, x);
  wide('B4', 2.4);
  wide('A9', 2.4);
  wide('B1', 3.2);
  wide('A12', 3.2);
  pads.push(npthHole(-2.89, -2.355, 0.65), npthHole(2.89, -2.355, 0.65));
  for (const sx of [-4.32, 4.32]) {
    pads.push(thtPad('S1', sx, -2.855, 1.0, 2.1, 0.6, { shape: 'oval', drillSlotMm: [0.6, 1.7] }));
    pads.push(thtPad('S1', sx, 1.325, 1.0, 1.6, 0.6, { shape: 'oval', drillSlotMm: [0.6, 1.2] }));
  }
  return assemble({
    name: 'USB-C-16P-SMD',
    family: 'connector',
    description: 'USB Type-C receptacle, 16 contacts, SMD signal lands + 2 NPTH pegs + 4 plated shell tabs (S1)',
    pads,
    body: [-4.47, -3.3, 4.47, 4.0],
    courtyardExcessMm: 0.25,
    source: 'HRO TYPE-C-31-M-12 drawing (recommended PCB layout): lands 0.3/0.6x1.45 mm at 0.5 mm, pegs Ø0.65 mm, shell slots 0.6x1.7 / 0.6x1.2 mm',
  });
}

/** 3.2x2.5 mm 4-pad SMD crystal (pads 1 and 3 are the crystal, 2 and 4 case/GND). */
export function crystal3225(): Footprint {
  const pads = [
    smdPad('1', -1.1, 0.85, 1.4, 1.2),
    smdPad('2', 1.1, 0.85, 1.4, 1.2),
    smdPad('3', 1.1, -0.85, 1.4, 1.2),
    smdPad('4', -1.1, -0.85, 1.4, 1.2),
  ];
  return assemble({
    name: 'Crystal_SMD_3225-4Pin_3.2x2.5mm',
    family: 'crystal',
    description: 'Crystal SMD 3.2x2.5 mm, 4 pads (1,3 crystal; 2,4 GND/case)',
    pads,
    body: centredRect(3.2, 2.5),
    courtyardExcessMm: 0.25,
    source: 'Common 3225 crystal recommended land (e.g. Abracon ABM8, Epson FA-238): pads 1.4x1.2 mm, 2.2 x 1.7 mm centres',
  });
}
