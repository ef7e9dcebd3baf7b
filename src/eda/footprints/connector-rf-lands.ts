import type { Footprint, Pad, PadShape } from '../model/footprint.js';
import type { CatalogEntry } from './catalog-entry.js';
import { npthHole, smdPad, thtPad, type Rect } from './build.js';
import { padTableFootprint } from './land-table.js';

/**
 * Land patterns of the library's connectors, mechanical parts, crystals and discrete RF parts,
 * each read pad by pad from one footprint of KiCad's footprint library 9.0 (or, where KiCad has
 * none, of the Digi-Key KiCad library), both CC-BY-SA 4.0 with the design exception
 * (data/library/NOTICE.md), keeping its pad numbers, so a part's pin numbers are the ones its
 * symbol and its maker's drawing use. Coordinates are the source's (mm, y down, its origin); the
 * body rectangle is that footprint's fabrication outline.
 */

/** One land: [pad number, x, y, width, height, shape, hole?]. A hole (diameter, or [w, h] of a slot) makes it plated through; number '' with a hole is a non-plated hole. */
export type KicadLand = readonly [string, number, number, number, number, PadShape, (number | readonly [number, number])?];

export interface KicadLandSpec {
  name: string;
  family: string;
  /** The KiCad footprint the lands were read from, as Library:Footprint ... */
  kicad?: string;
  /** ... or, for a footprint KiCad lacks, the published footprint they were read from: library, footprint, address, licence. */
  from?: string;
  description: string;
  aliases: string[];
  body: Rect;
  pitchMm?: number;
  /** Anything the reading changed or left out (said in the footprint's source). */
  note?: string;
  lands: readonly KicadLand[];
}

function landPad([number, x, y, w, h, shape, hole]: KicadLand): Pad {
  if (hole === undefined) return smdPad(number, x, y, w, h, { shape });
  if (number === '') return npthHole(x, y, typeof hole === 'number' ? hole : Math.min(hole[0], hole[1]));
  if (typeof hole === 'number') return thtPad(number, x, y, w, h, hole, { shape });
  return thtPad(number, x, y, w, h, Math.min(hole[0], hole[1]), { shape, drillSlotMm: [hole[0], hole[1]] });
}

export function kicadLandFootprint(spec: KicadLandSpec): Footprint {
  return padTableFootprint({
    name: spec.name,
    family: spec.family,
    description: spec.description,
    pads: spec.lands.map(landPad),
    body: spec.body,
    source: `land sizes and positions read from ${spec.kicad ? `KiCad footprint ${spec.kicad} (KiCad footprint library 9.0, CC-BY-SA 4.0)` : spec.from}, pad numbers kept${spec.note ? `; ${spec.note}` : ''}`,
  });
}

export function kicadLandEntry(spec: KicadLandSpec): CatalogEntry {
  const entry: CatalogEntry = {
    name: spec.name, family: spec.family, description: spec.description, aliases: spec.aliases,
    bodyMm: [spec.body[2] - spec.body[0], spec.body[3] - spec.body[1]], build: () => kicadLandFootprint(spec),
  };
  if (spec.pitchMm !== undefined) entry.pitchMm = spec.pitchMm;
  return entry;
}

/** Hirose DM3D-SF microSD socket, push-pull, SMD: contacts 1-8, card-detect switch 9/10, shell 11. */
export const HIROSE_DM3D_SF: KicadLandSpec = {
  name: 'microSD_HC_Hirose_DM3D-SF', family: 'connector', kicad: 'Connector_Card:microSD_HC_Hirose_DM3D-SF',
  description: 'microSD card socket, push-pull, right angle, SMD (Hirose DM3D-SF): contacts 1-8, card detect 9 and 10, shell 11',
  aliases: ['DM3D-SF', 'HIROSE-DM3D-SF'], body: [-6.375, -6.975, 6.375, 10.075],
  lands: [
    ['1', 3.175, 5.35, 0.7, 1.75, 'rect'], ['2', 2.075, 5.35, 0.7, 1.75, 'rect'], ['3', 0.975, 5.35, 0.7, 1.75, 'rect'], ['4', -0.125, 5.35, 0.7, 1.75, 'rect'],
    ['5', -1.225, 5.35, 0.7, 1.75, 'rect'], ['6', -2.325, 5.35, 0.7, 1.75, 'rect'], ['7', -3.425, 5.35, 0.7, 1.75, 'rect'], ['8', -4.525, 5.35, 0.7, 1.75, 'rect'],
    ['9', -5.65, -3.875, 1.45, 1, 'rect'], ['10', 5.575, -5.45, 1, 1.55, 'rect'], ['11', -5.975, -2.375, 0.8, 1.5, 'rect'], ['11', -5.725, 5.225, 1.3, 1.5, 'rect'],
    ['11', 5.625, 5.225, 1.5, 1.5, 'rect'], ['11', 5.975, -3.025, 0.8, 1.4, 'rect'],
  ],
};

/** GCT USB4135-GF-A power-only USB Type-C receptacle, 6 contacts, top mount, all-SMD shell (S1). */
export const GCT_USB4135_6P: KicadLandSpec = {
  name: 'USB_C_Receptacle_GCT_USB4135-GF-A_6P_TopMnt_Horizontal', family: 'connector', kicad: 'Connector_USB:USB_C_Receptacle_GCT_USB4135-GF-A_6P_TopMnt_Horizontal',
  description: 'USB Type-C receptacle, power only, 6 contacts (A5/B5 CC, A9/B9 VBUS, A12/B12 GND), top mount, horizontal, SMD shell S1 (GCT USB4135-GF-A)',
  aliases: ['USB4135-GF-A', 'GCT-USB4135'], body: [-4.47, -3.4525, 4.47, 3.4525],
  lands: [
    ['A5', -0.5, -3.0325, 0.7, 1.2, 'roundrect'], ['A9', 1.52, -3.0325, 0.76, 1.2, 'roundrect'], ['A12', 2.75, -3.0325, 0.8, 1.2, 'roundrect'], ['B5', 0.5, -3.0325, 0.7, 1.2, 'roundrect'],
    ['B9', -1.52, -3.0325, 0.76, 1.2, 'roundrect'], ['B12', -2.75, -3.0325, 0.8, 1.2, 'roundrect'], ['S1', -5.125, -2.9775, 1.8, 1.35, 'roundrect'], ['S1', -5.125, 0.6025, 1.8, 1.5, 'roundrect'],
    ['S1', 5.125, -2.9775, 1.8, 1.35, 'roundrect'], ['S1', 5.125, 0.6025, 1.8, 1.5, 'roundrect'],
  ],
};

/** Wurth 692122030100 USB 3.0 type A receptacle, right angle: SMD contacts 1-9, shell 10 on two plated slots, two locating pegs (NPTH). */
export const WUERTH_692122030100: KicadLandSpec = {
  name: 'USB3_A_Receptacle_Wuerth_692122030100', family: 'connector', kicad: 'Connector_USB:USB3_A_Receptacle_Wuerth_692122030100',
  description: 'USB 3.0 type A receptacle, right angle, SMD contacts 1-9, shell 10 (Wurth 692122030100)',
  aliases: ['692122030100', 'WE-692122030100'], body: [-7.55, -8.73, 7.55, 8.33],
  lands: [
    ['', -3.4, -3.45, 2, 2, 'circle', 2], ['', 3.4, -3.45, 2, 2, 'circle', 2], ['1', -3.75, -8.67, 0.9, 2.6, 'roundrect'], ['2', -1.25, -8.67, 0.9, 2.6, 'roundrect'],
    ['3', 1.25, -8.67, 0.9, 2.6, 'roundrect'], ['4', 3.75, -8.67, 0.9, 2.6, 'roundrect'], ['5', 5, -8.895, 0.9, 2.15, 'roundrect'], ['6', 2.5, -8.895, 0.9, 2.15, 'roundrect'],
    ['7', 0, -8.895, 0.9, 2.15, 'roundrect'], ['8', -2.5, -8.895, 0.9, 2.15, 'roundrect'], ['9', -5, -8.895, 0.9, 2.15, 'roundrect'], ['10', -6.8, -3.45, 2.52, 3.4, 'oval', [1.12, 2]],
    ['10', 6.8, -3.45, 2.52, 3.4, 'oval', [1.12, 2]],
  ],
};

/** Amphenol RJMG1BD3B8K1ANR RJ45 magjack (10/100 magnetics, two LEDs), through-hole: contacts R1-R8, LED leads L1-L4, shield SH, two pegs (NPTH). */
export const AMPHENOL_RJMG1BD3B8K1ANR: KicadLandSpec = {
  name: 'RJ45_Amphenol_RJMG1BD3B8K1ANR', family: 'connector', kicad: 'Connector_RJ:RJ45_Amphenol_RJMG1BD3B8K1ANR',
  description: 'RJ45 8P8C magjack with 10/100BASE-T magnetics and two LEDs, through-hole, shielded (Amphenol RJMG1BD3B8K1ANR); SH = shield',
  aliases: ['RJMG1BD3B8K1ANR'], body: [-3.43, -4.49, 12.32, 17.23],
  lands: [
    ['', -1.27, 6.34, 3.25, 3.25, 'circle', 3.25], ['', 10.16, 6.34, 3.25, 3.25, 'circle', 3.25], ['L1', 10.77, 9.72, 1.89, 1.89, 'circle', 0.89], ['L2', 8.23, 11.24, 1.89, 1.89, 'circle', 0.89],
    ['L3', 0.66, 9.72, 1.89, 1.89, 'circle', 0.89], ['L4', -1.88, 11.24, 1.89, 1.89, 'circle', 0.89], ['R1', 0, 0, 1.9, 1.9, 'rect', 0.9], ['R2', 1.27, -2.54, 1.9, 1.9, 'circle', 0.9],
    ['R3', 2.54, 0, 1.9, 1.9, 'circle', 0.9], ['R4', 3.81, -2.54, 1.9, 1.9, 'circle', 0.9], ['R5', 5.08, 0, 1.9, 1.9, 'circle', 0.9], ['R6', 6.35, -2.54, 1.9, 1.9, 'circle', 0.9],
    ['R7', 7.62, 0, 1.9, 1.9, 'circle', 0.9], ['R8', 8.89, -2.54, 1.9, 1.9, 'circle', 0.9], ['SH', -3.33, 3.29, 2.6, 2.6, 'circle', 1.6], ['SH', 12.22, 3.29, 2.6, 2.6, 'circle', 1.6],
  ],
};

/** GCT SIM8060-6-0-14-00 hinged nano-SIM holder, 6 contacts (C1-C3, C5-C7), no card detect, shell SH. */
export const GCT_SIM8060: KicadLandSpec = {
  name: 'nanoSIM_GCT_SIM8060-6-0-14-00', family: 'connector', kicad: 'Connector_Card:nanoSIM_GCT_SIM8060-6-0-14-00',
  description: 'Nano-SIM card holder, hinged, 6 contacts (ISO 7816 C1-C3, C5-C7), SMD, shell SH (GCT SIM8060-6-0-14-00)',
  aliases: ['SIM8060-6-0-14-00', 'GCT-SIM8060'], body: [-5.85, -7.0, 5.85, 7.0],
  lands: [
    ['1', -3.17, -6.8, 0.9, 1.2, 'roundrect'], ['2', -0.63, -6.8, 0.9, 1.2, 'roundrect'], ['3', 1.91, -6.8, 0.9, 1.2, 'roundrect'], ['5', -1.9, -6.8, 0.9, 1.2, 'roundrect'],
    ['6', 0.64, -6.8, 0.9, 1.2, 'roundrect'], ['7', 3.18, -6.8, 0.9, 1.2, 'roundrect'], ['SH', -6.15, -2.7, 1.3, 1.8, 'roundrect'], ['SH', -6.15, 6.1, 1.3, 1.8, 'roundrect'],
    ['SH', 6.15, -2.7, 1.3, 1.8, 'roundrect'], ['SH', 6.15, 6.1, 1.3, 1.8, 'roundrect'],
  ],
};

/** Cliff FCR7350B (S16N-PC) shrouded 4 mm banana socket, horizontal, one soldered contact and four plastic pegs (NPTH). */
export const CLIFF_FCR7350B: KicadLandSpec = {
  name: 'Banana_Cliff_FCR7350B_S16N-PC_Horizontal', family: 'connector', kicad: 'Connector:Banana_Cliff_FCR7350B_S16N-PC_Horizontal',
  description: '4 mm shrouded banana socket, PCB mount, horizontal, black (Cliff FCR7350B, S16N-PC)',
  aliases: ['FCR7350B', 'CLIFF-S16N-PC'], body: [-27.5, -6.0, 5.5, 6.0],
  lands: [
    ['', -6.36, -5.08, 1.7, 1.7, 'circle', 1.2], ['', -6.36, 5.08, 1.7, 1.7, 'circle', 1.2], ['', 3.8, -5.08, 1.7, 1.7, 'circle', 1.2], ['', 3.8, 5.08, 1.7, 1.7, 'circle', 1.2],
    ['1', 0, 0, 3.5, 3.5, 'circle', 2.2],
  ],
};

/** Hirose FH12-40S-0.5SH FFC/FPC connector, 40 contacts at 0.5 mm, SMD, two mounting tabs (MP). */
export const HIROSE_FH12_40S: KicadLandSpec = {
  name: 'Hirose_FH12-40S-0.5SH_1x40-1MP_P0.50mm_Horizontal', family: 'connector', kicad: 'Connector_FFC-FPC:Hirose_FH12-40S-0.5SH_1x40-1MP_P0.50mm_Horizontal',
  description: 'FFC/FPC connector 40 contacts, 0.5 mm pitch, Hirose FH12-40S-0.5SH, SMD; MP = mounting tabs',
  aliases: ['FH12-40S-0.5SH', 'FH12-40S-0.5SH(55)'], body: [-11.55, -1.2, 11.55, 4.4], pitchMm: 0.5,
  lands: [
    ['1', -9.75, -1.85, 0.3, 1.3, 'rect'], ['2', -9.25, -1.85, 0.3, 1.3, 'rect'], ['3', -8.75, -1.85, 0.3, 1.3, 'rect'], ['4', -8.25, -1.85, 0.3, 1.3, 'rect'],
    ['5', -7.75, -1.85, 0.3, 1.3, 'rect'], ['6', -7.25, -1.85, 0.3, 1.3, 'rect'], ['7', -6.75, -1.85, 0.3, 1.3, 'rect'], ['8', -6.25, -1.85, 0.3, 1.3, 'rect'],
    ['9', -5.75, -1.85, 0.3, 1.3, 'rect'], ['10', -5.25, -1.85, 0.3, 1.3, 'rect'], ['11', -4.75, -1.85, 0.3, 1.3, 'rect'], ['12', -4.25, -1.85, 0.3, 1.3, 'rect'],
    ['13', -3.75, -1.85, 0.3, 1.3, 'rect'], ['14', -3.25, -1.85, 0.3, 1.3, 'rect'], ['15', -2.75, -1.85, 0.3, 1.3, 'rect'], ['16', -2.25, -1.85, 0.3, 1.3, 'rect'],
    ['17', -1.75, -1.85, 0.3, 1.3, 'rect'], ['18', -1.25, -1.85, 0.3, 1.3, 'rect'], ['19', -0.75, -1.85, 0.3, 1.3, 'rect'], ['20', -0.25, -1.85, 0.3, 1.3, 'rect'],
    ['21', 0.25, -1.85, 0.3, 1.3, 'rect'], ['22', 0.75, -1.85, 0.3, 1.3, 'rect'], ['23', 1.25, -1.85, 0.3, 1.3, 'rect'], ['24', 1.75, -1.85, 0.3, 1.3, 'rect'],
    ['25', 2.25, -1.85, 0.3, 1.3, 'rect'], ['26', 2.75, -1.85, 0.3, 1.3, 'rect'], ['27', 3.25, -1.85, 0.3, 1.3, 'rect'], ['28', 3.75, -1.85, 0.3, 1.3, 'rect'],
    ['29', 4.25, -1.85, 0.3, 1.3, 'rect'], ['30', 4.75, -1.85, 0.3, 1.3, 'rect'], ['31', 5.25, -1.85, 0.3, 1.3, 'rect'], ['32', 5.75, -1.85, 0.3, 1.3, 'rect'],
    ['33', 6.25, -1.85, 0.3, 1.3, 'rect'], ['34', 6.75, -1.85, 0.3, 1.3, 'rect'], ['35', 7.25, -1.85, 0.3, 1.3, 'rect'], ['36', 7.75, -1.85, 0.3, 1.3, 'rect'],
    ['37', 8.25, -1.85, 0.3, 1.3, 'rect'], ['38', 8.75, -1.85, 0.3, 1.3, 'rect'], ['39', 9.25, -1.85, 0.3, 1.3, 'rect'], ['40', 9.75, -1.85, 0.3, 1.3, 'rect'],
    ['MP', -11.65, 1.4, 1.8, 2.2, 'rect'], ['MP', 11.65, 1.4, 1.8, 2.2, 'rect'],
  ],
};

/** SOT-343 (SC-70-4, Infineon SOT343): four leads at 1.3 mm, 1 and 2 down the left, 3 and 4 up the right. */
export const SOT343: KicadLandSpec = {
  name: 'SOT-343_SC-70-4', family: 'sot', kicad: 'Package_TO_SOT_SMD:SOT-343_SC-70-4',
  description: 'SOT-343 / SC-70-4, 4 leads, 1.25x2.0 mm body, 1.3 mm lead pitch',
  aliases: ['SOT-343', 'SOT343', 'SC-70-4', 'SC70-4'], body: [-0.625, -1.0, 0.625, 1.0], pitchMm: 1.3,
  lands: [
    ['1', -0.875, -0.65, 1.35, 0.5, 'roundrect'], ['2', -0.875, 0.65, 1.35, 0.5, 'roundrect'], ['3', 0.875, 0.65, 1.35, 0.5, 'roundrect'], ['4', 0.875, -0.65, 1.35, 0.5, 'roundrect'],
  ],
};

/** TE AMPLIMITE HD-20 5747840-3 D-sub 9 plug (male), right angle, through-hole: contacts 1-9 in two rows, shell and board locks 10. */
export const TE_5747840_3: KicadLandSpec = {
  name: 'DSUB-9_Plug_TE_5747840-3_Horizontal', family: 'connector', from: 'footprint digikey-footprints:DSUB-9_Jack_5747840-3 of the Digi-Key KiCad library (github.com/Digi-Key/digikey-kicad-library, CC-BY-SA 4.0), the footprint its 5747840-3 symbol names',
  description: 'D-sub 9 plug (male pins), right angle, through-hole, board locks; pad 10 = shell (TE AMPLIMITE HD-20 5747840-3)',
  aliases: ['5747840-3', 'TE-5747840-3'], body: [-15.405, -15.49, 15.405, 3.13],
  lands: [
    ['5', -5.48, 1.42, 2, 2, 'circle', 1.04], ['9', -4.11, -1.42, 2, 2, 'circle', 1.04], ['4', -2.74, 1.42, 2, 2, 'circle', 1.04], ['8', -1.37, -1.42, 2, 2, 'circle', 1.04],
    ['3', 0, 1.42, 2, 2, 'circle', 1.04], ['7', 1.37, -1.42, 2, 2, 'circle', 1.04], ['2', 2.74, 1.42, 2, 2, 'circle', 1.04], ['6', 4.11, -1.42, 2, 2, 'circle', 1.04],
    ['1', 5.48, 1.42, 2, 2, 'circle', 1.04], ['10', 12.495, 0, 3.5, 3.5, 'circle', 3.17], ['10', -12.495, 0, 3.5, 3.5, 'circle', 3.17],
  ],
};

/** TE 2040210-1 DisplayPort receptacle, 20 contacts, right angle, through-hole in three staggered rows; shell SH on four plated slots and a plated peg. */
export const TE_2040210_1: KicadLandSpec = {
  name: 'DisplayPort_TE_2040210-1_Horizontal', family: 'connector', from: 'footprint digikey-footprints:DisplayPort_2040210-1 of the Digi-Key KiCad library (github.com/Digi-Key/digikey-kicad-library, CC-BY-SA 4.0), the footprint its 2040210-1 symbol names',
  description: 'DisplayPort receptacle, 20 contacts, right angle, through-hole; SH = shell (TE 2040210-1)',
  aliases: ['2040210-1', 'TE-2040210-1'], body: [-8.45, -10.68, 8.45, 4.3],
  lands: [
    ['SH', 0, 0, 2.4, 2.4, 'circle', 1.4], ['2', 5, -6.73, 1, 1, 'circle', 0.55], ['5', 3.5, -6.73, 1, 1, 'circle', 0.55], ['8', 2, -6.73, 1, 1, 'circle', 0.55],
    ['11', 0.5, -6.73, 1, 1, 'circle', 0.55], ['14', -1, -6.73, 1, 1, 'circle', 0.55], ['17', -2.5, -6.73, 1, 1, 'circle', 0.55], ['20', -4, -6.73, 1, 1, 'circle', 0.55],
    ['1', 5.5, -8.23, 1, 1, 'rect', 0.55], ['4', 4, -8.23, 1, 1, 'circle', 0.55], ['7', 2.5, -8.23, 1, 1, 'circle', 0.55], ['10', 1, -8.23, 1, 1, 'circle', 0.55],
    ['13', -0.5, -8.23, 1, 1, 'circle', 0.55], ['16', -2, -8.23, 1, 1, 'circle', 0.55], ['19', -3.5, -8.23, 1, 1, 'circle', 0.55], ['3', 4.5, -9.73, 1, 1, 'circle', 0.55],
    ['6', 3, -9.73, 1, 1, 'circle', 0.55], ['9', 1.5, -9.73, 1, 1, 'circle', 0.55], ['12', 0, -9.73, 1, 1, 'circle', 0.55], ['15', -1.5, -9.73, 1, 1, 'circle', 0.55],
    ['18', -3, -9.73, 1, 1, 'circle', 0.55], ['SH', 8.25, -0.9, 1.2, 2.2, 'oval', [0.6, 1.6]], ['SH', -8.25, -0.9, 1.2, 2.2, 'oval', [0.6, 1.6]], ['SH', 8.25, -7.68, 1.2, 2.2, 'oval', [0.6, 1.6]],
    ['SH', -8.25, -7.68, 1.2, 2.2, 'oval', [0.6, 1.6]],
  ],
};

/** TE 2129320-3 Mini DisplayPort receptacle, 20 contacts, right angle, through-hole in four staggered rows; shell SH on four plated slots, two pegs (NPTH). */
export const TE_2129320_3: KicadLandSpec = {
  name: 'DisplayPort_Mini_TE_2129320-3_Horizontal', family: 'connector', from: 'footprint digikey-footprints:DisplayPort_Mini_2129320-3 of the Digi-Key KiCad library (github.com/Digi-Key/digikey-kicad-library, CC-BY-SA 4.0), the footprint its 2129320-3 symbol names',
  description: 'Mini DisplayPort receptacle, 20 contacts, right angle, through-hole; SH = shell (TE 2129320-3)',
  aliases: ['2129320-3', 'TE-2129320-3'], body: [-5.7, -0.5, 5.7, 12.15],
  note: 'pad 1 drawn round like the others (the source squares it, which leaves 0.06 mm of copper to pad 3 at this 0.45 mm stagger); the pin-1 mark is on the silkscreen',
  lands: [
    ['19', 2.7, 4.15, 0.75, 0.75, 'circle', 0.55], ['13', 0.9, 4.15, 0.75, 0.75, 'circle', 0.55], ['7', -0.9, 4.15, 0.75, 0.75, 'circle', 0.55], ['1', -2.7, 4.15, 0.75, 0.75, 'circle', 0.55],
    ['17', 2.25, 3.35, 0.75, 0.75, 'circle', 0.55], ['15', 1.35, 3.35, 0.75, 0.75, 'circle', 0.55], ['11', 0.45, 3.35, 0.75, 0.75, 'circle', 0.55], ['9', -0.45, 3.35, 0.75, 0.75, 'circle', 0.55],
    ['5', -1.35, 3.35, 0.75, 0.75, 'circle', 0.55], ['3', -2.25, 3.35, 0.75, 0.75, 'circle', 0.55], ['', -4.75, 0, 1, 1, 'circle', 1], ['', 4.75, 0, 1, 1, 'circle', 1],
    ['4', -2.25, 0, 0.75, 0.75, 'circle', 0.55], ['6', -1.35, 0, 0.75, 0.75, 'circle', 0.55], ['10', -0.45, 0, 0.75, 0.75, 'circle', 0.55], ['12', 0.45, 0, 0.75, 0.75, 'circle', 0.55],
    ['16', 1.35, 0, 0.75, 0.75, 'circle', 0.55], ['18', 2.25, 0, 0.75, 0.75, 'circle', 0.55], ['2', -2.7, 0.8, 0.75, 0.75, 'circle', 0.55], ['8', -0.9, 0.8, 0.75, 0.75, 'circle', 0.55],
    ['14', 0.9, 0.8, 0.75, 0.75, 'circle', 0.55], ['20', 2.7, 0.8, 0.75, 0.75, 'circle', 0.55], ['SH', -5.5, 3.35, 1.4, 2.85, 'oval', [0.9, 2.35]], ['SH', 5.5, 3.35, 1.4, 2.85, 'oval', [0.9, 2.35]],
    ['SH', -5.2, 8.65, 1.2, 2.25, 'oval', [0.7, 1.4]], ['SH', 5.2, 8.65, 1.2, 2.25, 'oval', [0.7, 1.4]],
  ],
};

