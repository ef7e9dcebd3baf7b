import type { Footprint, Pad } from '../model/footprint.js';
import { assemble, smdPad, thtPad } from './build.js';

/**
 * Board-edge input connectors and a coin-cell holder, each one manufacturer part whose drawing
 * (recommended PCB layout) gives the lands. The land sizes and positions were read from KiCad's
 * footprint of the same name, which transcribes that drawing (cited in each `source`); pad numbers
 * and the origin (pad 1, or the signal row for the micro-B) are kept so a KiCad user sees the same
 * part. Shell and mounting legs are plated through holes: they carry the mechanical load.
 */

const EXCESS = 0.25;

/**
 * Molex 105017-0001 USB 2.0 micro-B receptacle, bottom mount, SMD signal row with plated shell
 * pegs: 1 VBUS, 2 D−, 3 D+, 4 ID, 5 GND, 6 shell. The mating face overhangs the board edge by
 * 0.7 mm (drawing's "PCB edge" at y = 1.8 mm).
 */
export function usbMicroBMolex105017(): Footprint {
  const pads: Pad[] = [];
  for (let i = 0; i < 5; i++) pads.push(smdPad(String(i + 1), -1.3 + 0.65 * i, -2.35, 0.4, 1.35, { shape: 'rect' }));
  for (const s of [-1, 1]) {
    pads.push(thtPad('6', 2.5 * s, -2.35, 1.45, 1.45, 0.85, { shape: 'circle' }));
    pads.push(thtPad('6', 3.5 * s, 0.35, 1.2, 1.9, 0.6, { shape: 'oval', drillSlotMm: [0.6, 1.3] }));
    pads.push(smdPad('6', 1 * s, 0.35, 1.5, 1.9, { shape: 'rect' }));
  }
  return assemble({
    name: 'USB_Micro-B_Molex-105017-0001',
    family: 'connector',
    description: 'USB 2.0 micro-B receptacle, Molex 105017-0001: 5 SMD contacts at 0.65 mm, shell on plated pegs and slots (pad 6)',
    pads,
    body: [-3.75, -2.5, 3.75, 2.5],
    courtyardExcessMm: EXCESS,
    source: 'Molex 105017-0001 sales drawing SD-105017-001, recommended PCB layout: contacts 0.4x1.35 mm at 0.65 mm, pegs Ø0.85 mm, slots 0.6x1.3 mm',
  });
}

/**
 * On Shore Technology USB-B1HSW6 USB 2.0 type-B receptacle, right angle, through-hole:
 * 1 VBUS, 2 D−, 3 D+, 4 GND, 5 shell (two legs). The plug enters from +x.
 */
export function usbBOstB1hs(): Footprint {
  const pads: Pad[] = [
    thtPad('1', 0, 0, 1.7, 1.7, 0.92, { shape: 'rect' }),
    thtPad('2', 0, 2.5, 1.7, 1.7, 0.92),
    thtPad('3', 2, 2.5, 1.7, 1.7, 0.92),
    thtPad('4', 2, 0, 1.7, 1.7, 0.92),
    thtPad('5', 4.71, -4.77, 3.5, 3.5, 2.33),
    thtPad('5', 4.71, 7.27, 3.5, 3.5, 2.33),
  ];
  return assemble({
    name: 'USB_B_OST_USB-B1HSxx_Horizontal',
    family: 'connector',
    description: 'USB 2.0 type-B receptacle, On Shore USB-B1HSxx, horizontal, through-hole; pad 5 = shell',
    pads,
    body: [-1.49, -4.8, 15.01, 7.3],
    courtyardExcessMm: EXCESS,
    source: 'On Shore Technology USB-B1HSxx drawing: contacts drill 0.92 mm on 2.0 x 2.5 mm, shell legs drill 2.33 mm at 12.04 mm',
  });
}

/**
 * CUI Devices PJ-102AH DC power jack, 2.1 mm centre pin, 5.5 mm sleeve, through-hole:
 * 1 centre pin, 2 sleeve, 3 sleeve switch (shunt). The plug enters from +y.
 */
export function barrelJackCuiPj102ah(): Footprint {
  const pads: Pad[] = [thtPad('1', 0, 0, 2.6, 2.6, 1.6, { shape: 'rect' }), thtPad('2', 0, 6, 2.6, 2.6, 1.6), thtPad('3', 4.7, 3, 2.6, 2.6, 1.6)];
  return assemble({
    name: 'BarrelJack_CUI_PJ-102AH_Horizontal',
    family: 'connector',
    description: 'DC barrel jack 5.5/2.1 mm, CUI PJ-102AH, horizontal, through-hole: pad 1 centre pin, 2 sleeve, 3 switch',
    pads,
    body: [-4.5, -0.7, 4.5, 13.7],
    courtyardExcessMm: EXCESS,
    source: 'CUI Devices PJ-102AH drawing, PCB layout: three Ø1.6 mm holes (centre 0/0, sleeve 0/6, switch 4.7/3)',
  });
}

/**
 * Keystone 103 retainer for 20 mm coin cells (CR2032, CR2025, CR2016), through-hole:
 * 1 = + (the clip over the cell), 2 = − (contact under the cell). The cell sits centred at x = 15.2.
 */
export function coinHolderKeystone103(): Footprint {
  const pads: Pad[] = [thtPad('1', 0, 0, 3, 3, 1.5, { shape: 'rect' }), thtPad('2', 20.49, 0, 3, 3, 1.5)];
  return assemble({
    name: 'BatteryHolder_Keystone_103_1x20mm',
    family: 'battery',
    description: 'Coin cell retainer for 20 mm cells (CR2032), Keystone 103, through-hole: pad 1 = +, pad 2 = −',
    pads,
    body: [-2.1, -11.4, 26.6, 11.4],
    courtyardExcessMm: EXCESS,
    source: 'Keystone Electronics 103 drawing: PC pins Ø1.5 mm holes 20.49 mm apart, retainer arc R11.4 mm about the cell centre',
  });
}
