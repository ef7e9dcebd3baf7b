import type { CatalogEntry } from './catalog-entry.js';
import { range } from './ipc7351.js';
import { qfn, quadFootprint, defaultLeadWidth, son } from './quad.js';
import { SO_FAMILIES, soFootprint } from './smd-two-row.js';
import { rpSmaEdgeSparkFun, ecs2520mv, epsonFa128, hanrunHr911105a, hdmiAAmphenol10029449, hiroseFh12, jstPhS2bSm4, usbAMolex67643, sg8002ca, sot143, sot563, sot583x8, tiDgn0008g, tiSoPowerPad8, tiSsop8Dct, to220x5Vertical, withExposedPad } from './power-connector-lands.js';
import { tol } from './ipc7351.js';
import { landEntry } from './land-table.js';
import { moduleFootprint } from './module-lands.js';

/**
 * Packages of the library's power ICs, connectors, timing parts, interface, memory and protection parts (docs/footprints.md):
 * each entry names where its land pattern comes from.
 */
export const POWER_CONNECTOR_PACKAGES: CatalogEntry[] = [];
const add = (e: CatalogEntry) => POWER_CONNECTOR_PACKAGES.push(e);

/** A vendor QFN whose body, pitch and exposed pad differ from the generic catalog entry of the same pin count. */
const vendorQfn = (name: string, aliases: string[], pins: number, body: number, pitch: number, ep: number, outline: string) =>
  add({
    name, family: 'qfn', description: `QFN-${pins} ${body}x${body} mm, ${pitch} mm pitch, EP ${ep} mm (${outline})`, aliases, bodyMm: [body, body], pitchMm: pitch, epMm: [ep, ep],
    build: () => qfn({ name, description: `QFN-${pins} ${body}x${body} mm, ${pitch} mm pitch, exposed pad ${ep} mm`, pins, bodyMm: body, pitchMm: pitch, ep, outline }),
  });

vendorQfn('SiliconLabs_QFN-28-1EP_5x5mm_P0.5mm_EP3.35mm', ['CP2102N-QFN28', 'CP2102N-GQFN28'], 28, 5, 0.5, 3.35,
  'Silicon Labs CP2102N QFN28 5x5 mm; EP size from KiCad footprint Package_DFN_QFN:QFN-28-1EP_5x5mm_P0.5mm_EP3.35x3.35mm named by KiCad symbol Interface_USB:CP2102N-Axx-xQFN28; terminals JEDEC MO-220');
vendorQfn('WCH_QFN-16-1EP_3x3mm_P0.5mm_EP1.8mm', ['CH343P-QFN16', 'WCH-QFN-16-3X3'], 16, 3, 0.5, 1.8,
  'WCH QFN16 3x3 mm; EP size from KiCad footprint Package_DFN_QFN:WCH_QFN-16-1EP_3x3mm_P0.5mm_EP1.8x1.8mm; terminals JEDEC MO-220');
vendorQfn('Semtech_QFN-16-1EP_3x3mm_P0.5mm_EP1.8mm', ['TS3004X-QFN16', 'SEMTECH-QFN-16-3X3'], 16, 3, 0.5, 1.8,
  'Semtech TS30041/TS30042 16-lead QFN 3x3 mm; EP 1.8x1.8 mm as in the land (KiCad Package_DFN_QFN:QFN-16-1EP_3x3mm_P0.5mm_EP1.8x1.8mm) used for the TS30042 on the Duet3D Mainboard 6HC design (CERN-OHL-W 2.0); terminals JEDEC MO-220');
vendorQfn('Microchip_QFN-36-1EP_6x6mm_P0.5mm_EP3.7mm', ['USB2514B-QFN36', 'USB2514B-AEZG'], 36, 6, 0.5, 3.7,
  'Microchip 36L QFN 6x6 mm with 3.7x3.7 mm EP (drawing C04-0241A as cited by KiCad footprint Package_DFN_QFN:QFN-36-1EP_6x6mm_P0.5mm_EP3.7x3.7mm); terminals JEDEC MO-220');
vendorQfn('Microchip_QFN-20-1EP_4x4mm_P0.5mm_EP2.5mm', ['MCP73871-QFN20'], 20, 4, 0.5, 2.5,
  'Microchip 20L QFN 4x4 mm; EP size from KiCad footprint Package_DFN_QFN:QFN-20-1EP_4x4mm_P0.5mm_EP2.5x2.5mm named by KiCad symbol Battery_Management:MCP73871; terminals JEDEC MO-220');
vendorQfn('QFN-24-1EP_4x4mm_P0.5mm_EP2.7mm', ['STUSB4500-QFN24', 'TI-RGE0024H', 'VQFN-24-RGE-EP2.7'], 24, 4, 0.5, 2.7,
  'QFN-24 4x4 mm with 2.7x2.7 mm EP (ST STUSB4500 QFN24, TI RGE0024H); EP size from KiCad footprints Package_DFN_QFN:QFN-24-1EP_4x4mm_P0.5mm_EP2.7x2.7mm and Texas_RGE0024H_VQFN-24-1EP_4x4mm_P0.5mm_EP2.7x2.7mm; terminals JEDEC MO-220');

// onsemi FUSB302B 14-lead WQFN 2.5x2.5 mm: three terminals on the left/right sides, four on top/bottom.
add({
  name: 'WQFN-14-1EP_2.5x2.5mm_P0.5mm_EP1.45mm', family: 'qfn', description: 'WQFN-14 2.5x2.5 mm, 0.5 mm pitch, 3+4 terminals per side, EP 1.45 mm (onsemi FUSB302B)',
  aliases: ['FUSB302-WQFN14', 'FUSB302B-MLP14', 'MLP-14-2.5X2.5'], bodyMm: [2.5, 2.5], pitchMm: 0.5, epMm: [1.45, 1.45],
  build: () => quadFootprint({
    name: 'WQFN-14-1EP_2.5x2.5mm_P0.5mm_EP1.45mm', family: 'qfn', description: 'WQFN-14 2.5x2.5 mm, 0.5 mm pitch, exposed pad 1.45 mm (onsemi FUSB302B)',
    pinsPerSide: [3, 4], pitchMm: 0.5, spanMm: [tol(2.5, 0.1), tol(2.5, 0.1)], footMm: range(0.3, 0.5), leadWidthMm: defaultLeadWidth(0.5), bodyMm: [2.5, 2.5],
    ep: { widthMm: 1.45, heightMm: 1.45 }, noLead: true,
    outline: 'onsemi FUSB302B data sheet package outline (14-lead WQFN 2.5x2.5 mm), pad arrangement and EP size as in KiCad footprint Package_DFN_QFN:WQFN-14-1EP_2.5x2.5mm_P0.5mm_EP1.45x1.45mm; terminals JEDEC MO-220',
  }),
});

// TI PWP (HTSSOP-16 PowerPAD): TSSOP-16 leads plus the thermal pad.
add({
  name: 'TI_HTSSOP-16-1EP_4.4x5mm_P0.65mm_EP2.46x2.31mm', family: 'tssop', description: 'HTSSOP-16 PowerPAD (TI PWP), 4.4x5 mm, 0.65 mm pitch, thermal pad land 2.46x2.31 mm (pad 17)',
  aliases: ['HTSSOP-16', 'HTSSOP16', 'TI-PWP0016C', 'PWP-16'], bodyMm: [4.4, 5.0], pitchMm: 0.65,
  build: () => withExposedPad(
    soFootprint(SO_FAMILIES.tssop, 16, 5.0, 'TI_HTSSOP-16-1EP_4.4x5mm_P0.65mm_EP2.46x2.31mm', 'HTSSOP-16 PowerPAD (TI PWP), 0.65 mm pitch, thermal pad 17'),
    '17', 2.46, 2.31, 'TI PWP0016C exposed thermal pad 2.46x2.31 mm, the solder-mask opening of KiCad footprint Package_SO:HTSSOP-16-1EP_4.4x5mm_P0.65mm_EP3.4x5mm_Mask2.46x2.31mm',
  ),
});

add({ name: 'SOT-143', family: 'sot', description: 'SOT-143B 4-lead, lead 1 wide (NXP SOT143B)', aliases: ['SOT143', 'SOT-143B', 'SOT143B', 'TO-253'], bodyMm: [1.3, 2.9], suffixOk: true, build: sot143 });

vendorQfn('TI_VQFN-16-1EP_3x3mm_P0.5mm_EP1.68mm', ['TI-RGT0016', 'TPS62130-VQFN16'], 16, 3, 0.5, 1.68,
  'TI RGT VQFN-16 3x3 mm; EP size from KiCad footprint Package_DFN_QFN:VQFN-16-1EP_3x3mm_P0.5mm_EP1.68x1.68mm named by KiCad symbol Regulator_Switching:TPS62130; terminals JEDEC MO-220');
add({ name: 'TI_SO-PowerPAD-8_DDA', family: 'soic', description: 'SO PowerPAD-8 (TI DDA), thermal pad 9', aliases: ['HSOIC-8', 'HSOIC8', 'SO-POWERPAD-8', 'TI-DDA0008B', 'DDA-8'], bodyMm: [3.9, 4.9], pitchMm: 1.27, build: tiSoPowerPad8 });
add({ name: 'SSOP-8_2.95x2.8mm_P0.65mm', family: 'ssop', description: 'SSOP-8 2.95x2.8 mm (TI DCT / SM8)', aliases: ['TI-DCT-8', 'SM8', 'DCT-8'], bodyMm: [2.8, 2.95], pitchMm: 0.65, build: tiSsop8Dct });
add({ name: 'SOT-583-8', family: 'sot', description: 'SOT-583-8 (TI DRL), 0.5 mm pitch', aliases: ['SOT583-8', 'TI-DRL-8', 'SOT-5X3-8'], bodyMm: [1.2, 2.1], pitchMm: 0.5, build: sot583x8 });
add({ name: 'TO-220-5_Vertical', family: 'to220', description: 'TO-220-5 vertical through-hole, 1.7 mm pitch', aliases: ['TO-220-5', 'TO220-5', 'PENTAWATT'], pitchMm: 1.7, build: to220x5Vertical });
add({
  name: 'Texas_S-PVSON-N10_DRC', family: 'son', description: 'VSON-10 3x3 mm (TI DRC), 0.5 mm pitch, EP 1.65x2.4 mm (pad 11)',
  aliases: ['TI-DRC-10', 'VSON-10-DRC', 'S-PVSON-N10'], bodyMm: [3, 3], pitchMm: 0.5, epMm: [1.65, 2.4],
  build: () => son({ name: 'Texas_S-PVSON-N10_DRC', description: 'VSON-10 3x3 mm (TI DRC), 0.5 mm pitch', pins: 10, bodyMm: [3, 3], pitchMm: 0.5, ep: [1.65, 2.4],
    outline: 'TI DRC (S-PVSON-N10) 3x3 mm, EP 1.65x2.4 mm as in KiCad footprint Package_SON:Texas_S-PVSON-N10; terminals JEDEC MO-229' }),
});
add({ name: 'Oscillator_SMD_SeikoEpson_SG8002CA-4Pin_7.0x5.0mm', family: 'oscillator', description: 'Seiko Epson SG-8002CA oscillator 7.0x5.0 mm', aliases: ['SG-8002CA', 'SG8002CA'], bodyMm: [7, 5], build: sg8002ca });
add({ name: 'Crystal_SMD_SeikoEpson_FA128-4Pin_2.0x1.6mm', family: 'crystal', description: 'Seiko Epson FA-128 crystal 2.0x1.6 mm, 4 pads', aliases: ['FA-128', 'FA128', 'EPSON-FA-128'], bodyMm: [2, 1.6], build: epsonFa128 });
add({ name: 'Oscillator_SMD_ECS_2520MV-xxx-xx-4Pin_2.5x2.0mm', family: 'oscillator', description: 'ECS-2520MV oscillator 2.5x2.0 mm', aliases: ['ECS-2520MV', 'ECS2520MV'], bodyMm: [2, 2.5], build: ecs2520mv });

add({ name: 'RJ45_Hanrun_HR911105A_Horizontal', family: 'connector', description: 'RJ45 magjack with magnetics and LEDs (Hanrun HR911105A)', aliases: ['HR911105A', 'RJ45-MD-MAGJACK', 'RJ45-HR911105A'], build: hanrunHr911105a });
add({ name: 'JST_PH_S2B-PH-SM4-TB_1x02-1MP_P2.00mm_Horizontal', family: 'connector', description: 'JST PH 2-pin SMD side entry (S2B-PH-SM4-TB)', aliases: ['JST-PH-2-SMD', 'S2B-PH-SM4-TB'], pitchMm: 2.0, build: jstPhS2bSm4 });
for (const n of [10, 20] as const) {
  add({ name: `Hirose_FH12-${n}S-0.5SH_1x${n}-1MP_P0.50mm_Horizontal`, family: 'connector', description: `FFC/FPC ${n}P 0.5 mm (Hirose FH12-${n}S-0.5SH)`, aliases: [`FFC-${n}P-0.5mm`, `FH12-${n}S-0.5SH`, `FPC-${n}P-0.5MM`], pitchMm: 0.5, build: () => hiroseFh12(n) });
}
add({ name: 'HDMI_A_Amphenol_10029449-x01xLF_Horizontal', family: 'connector', description: 'HDMI type A receptacle (Amphenol 10029449)', aliases: ['HDMI-A-19P', 'HDMI-A-10029449', '10029449-001RLF'], build: hdmiAAmphenol10029449 });
add({ name: 'USB_A_Molex_67643_Horizontal', family: 'connector', description: 'USB 2.0 type A receptacle THT (Molex 67643)', aliases: ['USB-A-THD', 'USB-A-MOLEX-67643', '67643-3910'], build: usbAMolex67643 });

// Allegro A4988 ET package (28-contact QFN 5x5 mm, 0.5 mm pitch, exposed pad 29).
add(landEntry({
  name: 'VFQFN-28-1EP_5x5mm_P0.5mm_EP3.4mm', family: 'qfn', aliases: ['A4988-QFN28', 'ALLEGRO-ET-28'],
  description: 'QFN-28 5x5 mm, 0.5 mm pitch, exposed pad 3.4x3.4 mm (pad 29); Allegro ET package of the A4988',
  source: 'land sizes and positions read from footprint digikey-footprints:VFQFN-28-1EP_5x5mm of the Digi-Key KiCad library (github.com/Digi-Key/digikey-kicad-library, CC-BY-SA 4.0), the footprint its A4988SETTR-T symbol names',
  body: [5, 5], pitchMm: 0.5,
  lands: [
      ['1', -2.5, -1.5, 1, 0.3], ['2', -2.5, -1, 1, 0.3], ['3', -2.5, -0.5, 1, 0.3], ['4', -2.5, 0, 1, 0.3],
      ['5', -2.5, 0.5, 1, 0.3], ['6', -2.5, 1, 1, 0.3], ['7', -2.5, 1.5, 1, 0.3], ['8', -1.5, 2.5, 0.3, 1],
      ['9', -1, 2.5, 0.3, 1], ['10', -0.5, 2.5, 0.3, 1], ['11', 0, 2.5, 0.3, 1], ['12', 0.5, 2.5, 0.3, 1],
      ['13', 1, 2.5, 0.3, 1], ['14', 1.5, 2.5, 0.3, 1], ['15', 2.5, 1.5, 1, 0.3], ['16', 2.5, 1, 1, 0.3],
      ['17', 2.5, 0.5, 1, 0.3], ['18', 2.5, 0, 1, 0.3], ['19', 2.5, -0.5, 1, 0.3], ['20', 2.5, -1, 1, 0.3],
      ['21', 2.5, -1.5, 1, 0.3], ['22', 1.5, -2.5, 0.3, 1], ['23', 1, -2.5, 0.3, 1], ['24', 0.5, -2.5, 0.3, 1],
      ['25', 0, -2.5, 0.3, 1], ['26', -0.5, -2.5, 0.3, 1], ['27', -1, -2.5, 0.3, 1], ['28', -1.5, -2.5, 0.3, 1],
      ['29', 0, 0, 3.4, 3.4],
  ],
}));

// Micro Crystal C7 package (RV-8803-C7, RV-3028-C7): 8 lands, 0.9 mm pitch.
add(landEntry({
  name: 'MicroCrystal_C7_SON-8_1.5x3.2mm_P0.9mm', family: 'son-no-ep', aliases: ['RV-8803-C7', 'RV-3028-C7', 'MICROCRYSTAL-C7'],
  description: 'Micro Crystal C7 SON-8 1.5x3.2 mm, 0.9 mm pitch',
  source: 'land sizes and positions read from KiCad footprint Package_SON:MicroCrystal_C7_SON-8_1.5x3.2mm_P0.9mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
  body: [1.5, 3.2], pitchMm: 0.9,
  lands: [
      ['1', -0.65, -1.35, 0.95, 0.65, 'roundrect'], ['2', -0.65, -0.45, 0.95, 0.65, 'roundrect'], ['3', -0.65, 0.45, 0.95, 0.65, 'roundrect'], ['4', -0.65, 1.35, 0.95, 0.65, 'roundrect'],
      ['5', 0.65, 1.35, 0.95, 0.65, 'roundrect'], ['6', 0.65, 0.45, 0.95, 0.65, 'roundrect'], ['7', 0.65, -0.45, 0.95, 0.65, 'roundrect'], ['8', 0.65, -1.35, 0.95, 0.65, 'roundrect'],
  ],
}));

// Seeed Grove 4-pin 2.0 mm vertical through-hole connector (HW4-2.0).
add({
  name: 'Seeed_Grove_HW4-2.0_Vertical', family: 'connector', description: 'Grove 4-pin 2.0 mm vertical THT connector (Seeed HW4-2.0), pad 1 square', aliases: ['Grove-2mm', 'GROVE-4P-2MM', 'GROVE-HW4-2.0'], pitchMm: 2.0,
  build: () => moduleFootprint({
    name: 'Seeed_Grove_HW4-2.0_Vertical', family: 'connector', description: 'Grove 4-pin 2.0 mm vertical THT connector (Seeed HW4-2.0)',
    body: [-5, -2.2, 5, 2.8],
    lands: [['1', -3, 0, 1.5, 1.5, 'rect', 0.9], ['2', -1, 0, 1.5, 1.5, 'circle', 0.9], ['3', 1, 0, 1.5, 1.5, 'circle', 0.9], ['4', 3, 0, 1.5, 1.5, 'circle', 0.9]],
    source: 'land sizes and positions read from footprint OPL_Connector:GROVE-HW4-2.0 of the Seeed Studio OPL KiCad library (github.com/Seeed-Studio/OPL_Kicad_Library, CC-BY-SA 4.0); body outline taken as its courtyard rectangle',
  }),
});

add({ name: 'SparkFun_RP-SMA_Edge', family: 'connector', description: 'RP-SMA edge-mount jack (SparkFun RP-SMA_Edge), centre pad 1, ground pad 2 on both sides', aliases: ['SMA-EDGE', 'RP-SMA-EDGE', 'SMA-EDGE-RP'], build: rpSmaEdgeSparkFun });

add({ name: 'SOT-563', family: 'sot', description: 'SOT-563 6-lead (TI DRL), 0.5 mm pitch', aliases: ['SOT563', 'SOT-563-6', 'TI-DRL-6', 'DRL-6'], bodyMm: [1.2, 1.6], pitchMm: 0.5, build: sot563 });

// ESOP-8: SOIC-8 leads plus an exposed pad (pad 9), as Injoinic's IP5306 is packaged.
add({
  name: 'ESOP-8_3.9x4.9mm_P1.27mm_EP2.4x3.3mm', family: 'soic', description: 'ESOP-8 (SOIC-8 with exposed pad), 3.9x4.9 mm, 1.27 mm pitch, exposed pad land 2.4x3.3 mm (pad 9)',
  aliases: ['ESOP-8', 'ESOP8', 'IP5306-ESOP8', 'ESOP-8_L4.9-W3.9-P1.27-LS6.0-BL-EP', 'SOP-8_L4.9-W3.9-P1.27-LS6.0-BL-EP'], bodyMm: [3.9, 4.9], pitchMm: 1.27, epMm: [2.4, 3.3],
  build: () => withExposedPad(
    soFootprint(SO_FAMILIES.soic, 8, 4.9, 'ESOP-8_3.9x4.9mm_P1.27mm_EP2.4x3.3mm', 'ESOP-8 (SOIC-8 with exposed pad), 1.27 mm pitch, exposed pad 9'),
    '9', 2.4, 3.3, 'exposed-pad land 3.3x2.4 mm of footprint JLCPCB:ESOP-8_L4.9-W3.9-P1.27-LS6.0-BL-EP in the JLCPCB KiCad library (github.com/CDFER/JLCPCB-Kicad-Library, MIT), the EasyEDA footprint name the IP5306 board of github.com/wagiminator/Power-Boards lists; drawn as one land, turned to this orientation',
  ),
});

// TI DSJ (VSON-14 3x4 mm, 0.5 mm pitch) with the exposed thermal pad as pad 15 (TI leaves it unnumbered).
add({
  name: 'Texas_DSJ_VSON-14-1EP_3x4mm_P0.5mm_EP1.58x2.85mm', family: 'son', description: 'VSON-14 3x4 mm (TI DSJ), 0.5 mm pitch, EP 1.58x2.85 mm (pad 15)',
  aliases: ['TPS63020-VQFN14', 'TI-DSJ-14', 'VSON-14-DSJ', 'R-PVSON-N14', 'VSON-14_L4.0-W3.0-P0.50-BL-EP_TI_DSJ'], bodyMm: [3, 4], pitchMm: 0.5, epMm: [1.58, 2.85],
  build: () => son({ name: 'Texas_DSJ_VSON-14-1EP_3x4mm_P0.5mm_EP1.58x2.85mm', description: 'VSON-14 3x4 mm (TI DSJ), 0.5 mm pitch', pins: 14, bodyMm: [3, 4], pitchMm: 0.5, ep: [1.58, 2.85],
    footMm: range(0.3, 0.5), leadWidthMm: range(0.18, 0.3),
    outline: 'TI DSJ (R-PVSON-N14) drawing 4208212: body 3x4 mm, leads 0.18-0.30 x 0.30-0.50 mm, exposed pad 2.85x1.58 mm, as transcribed in Delta-Robotics-Inc/OpenUHD library/parts/ti-tps63020dsjr.ts' }),
});
add({ name: 'Texas_DGN0008G_VSSOP-8-1EP_3x3mm_P0.65mm_EP2x2.94mm', family: 'msop', description: 'HVSSOP-8 PowerPAD (TI DGN0008G), thermal pad 9', aliases: ['TI-DGN0008G', 'HVSSOP-8-DGN0008G', 'TPS7A49-DGN'], bodyMm: [3, 3], pitchMm: 0.65, epMm: [2, 2.94], build: tiDgn0008g });
