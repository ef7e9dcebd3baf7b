import type { CatalogEntry } from './catalog-entry.js';
import { landEntry } from './land-table.js';

/**
 * Packages of the library's sensors, security ICs, optoelectronics and passive networks (docs/footprints.md):
 * each entry names where its land pattern comes from. Lands read from KiCad's footprint library 9.0
 * (CC-BY-SA 4.0; facts, attributed in data/library/NOTICE.md) are transcribed here: the library is not
 * read at run time.
 */
export const SENSOR_PACKAGES: CatalogEntry[] = [
  landEntry({
    name: 'Avago_APDS-9960', family: 'lga', aliases: ['APDS-9960-LGA8'],
    description: 'Broadcom (Avago) APDS-9960 optical module, 8 lands, 3.94x2.36 mm',
    source: 'land sizes and positions read from KiCad footprint Sensor:Avago_APDS-9960 (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [3.94, 2.36],
    lands: [
      ['1', -1.455, -0.7, 0.72, 0.6], ['2', -0.485, -0.7, 0.72, 0.6], ['3', 0.485, -0.7, 0.72, 0.6], ['4', 1.455, -0.7, 0.72, 0.6],
      ['5', 1.455, 0.7, 0.72, 0.6], ['6', 0.485, 0.7, 0.72, 0.6], ['7', -0.485, 0.7, 0.72, 0.6], ['8', -1.455, 0.7, 0.72, 0.6],
    ],
  }),
  landEntry({
    name: 'ATECC608A-UDFN8', family: 'son', aliases: ['ATECC608A-MAHDA-UDFN8'],
    description: 'Microchip UDFN-8 2x3 mm (8MA2), 0.5 mm pitch, exposed pad 1.3x1.5 mm (pad 9)',
    source: 'land sizes and positions read from KiCad footprint Package_DFN_QFN:DFN-8-1EP_3x2mm_P0.5mm_EP1.3x1.5mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [3, 2], pitchMm: 0.5,
    lands: [
      ['1', -1.45, -0.75, 0.75, 0.3], ['2', -1.45, -0.25, 0.75, 0.3], ['3', -1.45, 0.25, 0.75, 0.3], ['4', -1.45, 0.75, 0.75, 0.3],
      ['5', 1.45, 0.75, 0.75, 0.3], ['6', 1.45, 0.25, 0.75, 0.3], ['7', 1.45, -0.25, 0.75, 0.3], ['8', 1.45, -0.75, 0.75, 0.3],
      ['9', 0, 0, 1.3, 1.5],
    ],
  }),
  landEntry({
    name: 'AMS_LGA-10-1EP_2.7x4mm_P0.6mm', family: 'lga', aliases: ['CCS811-LGA10'],
    description: 'ams / ScioSense CCS811 LGA-10 2.7x4 mm, 0.6 mm pitch, exposed pad (pad 11) drawn as one 1.2x2.2 mm land: KiCad draws it 1.3 mm wide with a 1x0.3 mm orientation tab; narrowed and the tab omitted to keep the catalog 0.15 mm land-to-land gap',
    source: 'land sizes and positions read from KiCad footprint Package_LGA:AMS_LGA-10-1EP_2.7x4mm_P0.6mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [2.6, 3.9], pitchMm: 0.6,
    lands: [
      ['1', -1.05, -1.2, 0.6, 0.4], ['2', -1.05, -0.6, 0.6, 0.4], ['3', -1.05, 0, 0.6, 0.4], ['4', -1.05, 0.6, 0.6, 0.4],
      ['5', -1.05, 1.2, 0.6, 0.4], ['6', 1.05, 1.2, 0.6, 0.4], ['7', 1.05, 0.6, 0.6, 0.4], ['8', 1.05, 0, 0.6, 0.4],
      ['9', 1.05, -0.6, 0.6, 0.4], ['10', 1.05, -1.2, 0.6, 0.4], ['11', 0, 0.15, 1.2, 2.2],
    ],
  }),
  landEntry({
    name: 'Texas_PWSON-N6', family: 'son', aliases: ['HDC1080-PWSON6'],
    description: 'TI PWSON-6 (DMB) 3x3 mm, 0.95 mm pitch, die attach pad (pad 7)',
    source: 'land sizes and positions read from KiCad footprint Package_SON:Texas_PWSON-N6 (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [2.95, 3], pitchMm: 0.95,
    lands: [
      ['1', -1.4, -0.95, 0.6, 0.4, 'roundrect'], ['2', -1.4, 0, 0.6, 0.4, 'roundrect'], ['3', -1.4, 0.95, 0.6, 0.4, 'roundrect'], ['4', 1.4, 0.95, 0.6, 0.4, 'roundrect'],
      ['5', 1.4, 0, 0.6, 0.4, 'roundrect'], ['6', 1.4, -0.95, 0.6, 0.4, 'roundrect'], ['7', 0, 0, 1.5, 2.4],
    ],
  }),
  landEntry({
    name: 'InvenSense_QFN-24_3x3mm_P0.4mm', family: 'qfn-no-ep', aliases: ['ICM-20948-QFN24'],
    description: 'TDK InvenSense QFN-24 3x3 mm, 0.4 mm pitch, no exposed pad',
    source: 'land sizes and positions read from KiCad footprint Sensor_Motion:InvenSense_QFN-24_3x3mm_P0.4mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [3, 3], pitchMm: 0.4,
    lands: [
      ['1', -1.5, -1, 0.55, 0.2, 'roundrect'], ['2', -1.5, -0.6, 0.55, 0.2, 'roundrect'], ['3', -1.5, -0.2, 0.55, 0.2, 'roundrect'], ['4', -1.5, 0.2, 0.55, 0.2, 'roundrect'],
      ['5', -1.5, 0.6, 0.55, 0.2, 'roundrect'], ['6', -1.5, 1, 0.55, 0.2, 'roundrect'], ['7', -1, 1.5, 0.2, 0.55, 'roundrect'], ['8', -0.6, 1.5, 0.2, 0.55, 'roundrect'],
      ['9', -0.2, 1.5, 0.2, 0.55, 'roundrect'], ['10', 0.2, 1.5, 0.2, 0.55, 'roundrect'], ['11', 0.6, 1.5, 0.2, 0.55, 'roundrect'], ['12', 1, 1.5, 0.2, 0.55, 'roundrect'],
      ['13', 1.5, 1, 0.55, 0.2, 'roundrect'], ['14', 1.5, 0.6, 0.55, 0.2, 'roundrect'], ['15', 1.5, 0.2, 0.55, 0.2, 'roundrect'], ['16', 1.5, -0.2, 0.55, 0.2, 'roundrect'],
      ['17', 1.5, -0.6, 0.55, 0.2, 'roundrect'], ['18', 1.5, -1, 0.55, 0.2, 'roundrect'], ['19', 1, -1.5, 0.2, 0.55, 'roundrect'], ['20', 0.6, -1.5, 0.2, 0.55, 'roundrect'],
      ['21', 0.2, -1.5, 0.2, 0.55, 'roundrect'], ['22', -0.2, -1.5, 0.2, 0.55, 'roundrect'], ['23', -0.6, -1.5, 0.2, 0.55, 'roundrect'], ['24', -1, -1.5, 0.2, 0.55, 'roundrect'],
    ],
  }),
  landEntry({
    name: 'Texas_RGV0016A_VQFN-16-1EP_4x4mm_P0.65mm_EP2.1x2.1mm', family: 'qfn', aliases: ['INA3221-VQFN16', 'INA3221-RGV16'],
    description: 'TI RGV0016A VQFN-16 4x4 mm, 0.65 mm pitch, exposed pad 2.1x2.1 mm (pad 17)',
    source: 'land sizes and positions read from KiCad footprint Package_DFN_QFN:Texas_RGV0016A_VQFN-16-1EP_4x4mm_P0.65mm_EP2.1x2.1mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [4, 4], pitchMm: 0.65,
    lands: [
      ['1', -1.8625, -0.975, 1.025, 0.35, 'roundrect'], ['2', -1.8625, -0.325, 1.025, 0.35, 'roundrect'], ['3', -1.8625, 0.325, 1.025, 0.35, 'roundrect'], ['4', -1.8625, 0.975, 1.025, 0.35, 'roundrect'],
      ['5', -0.975, 1.8625, 0.35, 1.025, 'roundrect'], ['6', -0.325, 1.8625, 0.35, 1.025, 'roundrect'], ['7', 0.325, 1.8625, 0.35, 1.025, 'roundrect'], ['8', 0.975, 1.8625, 0.35, 1.025, 'roundrect'],
      ['9', 1.8625, 0.975, 1.025, 0.35, 'roundrect'], ['10', 1.8625, 0.325, 1.025, 0.35, 'roundrect'], ['11', 1.8625, -0.325, 1.025, 0.35, 'roundrect'], ['12', 1.8625, -0.975, 1.025, 0.35, 'roundrect'],
      ['13', 0.975, -1.8625, 0.35, 1.025, 'roundrect'], ['14', 0.325, -1.8625, 0.35, 1.025, 'roundrect'], ['15', -0.325, -1.8625, 0.35, 1.025, 'roundrect'], ['16', -0.975, -1.8625, 0.35, 1.025, 'roundrect'],
      ['17', 0, 0, 2.1, 2.1],
    ],
  }),
  landEntry({
    name: 'IS31FL3731-QFN28', family: 'qfn', aliases: ['IS31FL3731-QF'],
    description: 'QFN-28 4x4 mm, 0.4 mm pitch, exposed pad 2.3x2.3 mm (pad 29)',
    source: 'land sizes and positions read from KiCad footprint Package_DFN_QFN:QFN-28-1EP_4x4mm_P0.4mm_EP2.3x2.3mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [4, 4], pitchMm: 0.4,
    lands: [
      ['1', -1.9375, -1.2, 0.825, 0.2, 'roundrect'], ['2', -1.9375, -0.8, 0.825, 0.2, 'roundrect'], ['3', -1.9375, -0.4, 0.825, 0.2, 'roundrect'], ['4', -1.9375, 0, 0.825, 0.2, 'roundrect'],
      ['5', -1.9375, 0.4, 0.825, 0.2, 'roundrect'], ['6', -1.9375, 0.8, 0.825, 0.2, 'roundrect'], ['7', -1.9375, 1.2, 0.825, 0.2, 'roundrect'], ['8', -1.2, 1.9375, 0.2, 0.825, 'roundrect'],
      ['9', -0.8, 1.9375, 0.2, 0.825, 'roundrect'], ['10', -0.4, 1.9375, 0.2, 0.825, 'roundrect'], ['11', 0, 1.9375, 0.2, 0.825, 'roundrect'], ['12', 0.4, 1.9375, 0.2, 0.825, 'roundrect'],
      ['13', 0.8, 1.9375, 0.2, 0.825, 'roundrect'], ['14', 1.2, 1.9375, 0.2, 0.825, 'roundrect'], ['15', 1.9375, 1.2, 0.825, 0.2, 'roundrect'], ['16', 1.9375, 0.8, 0.825, 0.2, 'roundrect'],
      ['17', 1.9375, 0.4, 0.825, 0.2, 'roundrect'], ['18', 1.9375, 0, 0.825, 0.2, 'roundrect'], ['19', 1.9375, -0.4, 0.825, 0.2, 'roundrect'], ['20', 1.9375, -0.8, 0.825, 0.2, 'roundrect'],
      ['21', 1.9375, -1.2, 0.825, 0.2, 'roundrect'], ['22', 1.2, -1.9375, 0.2, 0.825, 'roundrect'], ['23', 0.8, -1.9375, 0.2, 0.825, 'roundrect'], ['24', 0.4, -1.9375, 0.2, 0.825, 'roundrect'],
      ['25', 0, -1.9375, 0.2, 0.825, 'roundrect'], ['26', -0.4, -1.9375, 0.2, 0.825, 'roundrect'], ['27', -0.8, -1.9375, 0.2, 0.825, 'roundrect'], ['28', -1.2, -1.9375, 0.2, 0.825, 'roundrect'],
      ['29', 0, 0, 2.3, 2.3],
    ],
  }),
  landEntry({
    name: 'LGA-14_3x2.5mm_P0.5mm_LayoutBorder3x4y', family: 'lga', aliases: ['ST-LGA-14L-2.5X3'],
    description: 'ST LGA-14L 3x2.5 mm, 0.5 mm pitch (3 lands on the short sides, 4 on the long)',
    source: 'land sizes and positions read from KiCad footprint Package_LGA:LGA-14_3x2.5mm_P0.5mm_LayoutBorder3x4y (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [3, 2.5], pitchMm: 0.5,
    lands: [
      ['1', -1.1625, -0.75, 0.625, 0.35, 'roundrect'], ['2', -1.1625, -0.25, 0.625, 0.35, 'roundrect'], ['3', -1.1625, 0.25, 0.625, 0.35, 'roundrect'], ['4', -1.1625, 0.75, 0.625, 0.35, 'roundrect'],
      ['5', -0.5, 0.9125, 0.35, 0.625, 'roundrect'], ['6', 0, 0.9125, 0.35, 0.625, 'roundrect'], ['7', 0.5, 0.9125, 0.35, 0.625, 'roundrect'], ['8', 1.1625, 0.75, 0.625, 0.35, 'roundrect'],
      ['9', 1.1625, 0.25, 0.625, 0.35, 'roundrect'], ['10', 1.1625, -0.25, 0.625, 0.35, 'roundrect'], ['11', 1.1625, -0.75, 0.625, 0.35, 'roundrect'], ['12', 0.5, -0.9125, 0.35, 0.625, 'roundrect'],
      ['13', 0, -0.9125, 0.35, 0.625, 'roundrect'], ['14', -0.5, -0.9125, 0.35, 0.625, 'roundrect'],
    ],
  }),
  landEntry({
    name: 'LGA-16_3x3mm_P0.5mm_LayoutBorder3x5y', family: 'lga', aliases: ['LIS3DH-LGA16'],
    description: 'ST LGA-16 3x3 mm, 0.5 mm pitch (3 lands on two sides, 5 on the others)',
    source: 'land sizes and positions read from KiCad footprint Package_LGA:LGA-16_3x3mm_P0.5mm_LayoutBorder3x5y (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [3, 3], pitchMm: 0.5,
    lands: [
      ['1', -1.225, -1, 0.55, 0.35, 'roundrect'], ['2', -1.225, -0.5, 0.55, 0.35, 'roundrect'], ['3', -1.225, 0, 0.55, 0.35, 'roundrect'], ['4', -1.225, 0.5, 0.55, 0.35, 'roundrect'],
      ['5', -1.225, 1, 0.55, 0.35, 'roundrect'], ['6', -0.5, 1.225, 0.35, 0.55, 'roundrect'], ['7', 0, 1.225, 0.35, 0.55, 'roundrect'], ['8', 0.5, 1.225, 0.35, 0.55, 'roundrect'],
      ['9', 1.225, 1, 0.55, 0.35, 'roundrect'], ['10', 1.225, 0.5, 0.55, 0.35, 'roundrect'], ['11', 1.225, 0, 0.55, 0.35, 'roundrect'], ['12', 1.225, -0.5, 0.55, 0.35, 'roundrect'],
      ['13', 1.225, -1, 0.55, 0.35, 'roundrect'], ['14', 0.5, -1.225, 0.35, 0.55, 'roundrect'], ['15', 0, -1.225, 0.35, 0.55, 'roundrect'], ['16', -0.5, -1.225, 0.35, 0.55, 'roundrect'],
    ],
  }),
  landEntry({
    name: 'LGA-12_2x2mm_P0.5mm', family: 'lga', aliases: ['LIS3MDL-LGA12'],
    description: 'ST LGA-12 2x2 mm, 0.5 mm pitch',
    source: 'land sizes and positions read from KiCad footprint Package_LGA:LGA-12_2x2mm_P0.5mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [2, 2], pitchMm: 0.5,
    lands: [
      ['1', -0.7625, -0.75, 0.375, 0.35], ['2', -0.7625, -0.25, 0.375, 0.35], ['3', -0.7625, 0.25, 0.375, 0.35], ['4', -0.7625, 0.75, 0.375, 0.35],
      ['5', -0.25, 0.7625, 0.35, 0.375], ['6', 0.25, 0.7625, 0.35, 0.375], ['7', 0.7625, 0.75, 0.375, 0.35], ['8', 0.7625, 0.25, 0.375, 0.35],
      ['9', 0.7625, -0.25, 0.375, 0.35], ['10', 0.7625, -0.75, 0.375, 0.35], ['11', 0.25, -0.7625, 0.35, 0.375], ['12', -0.25, -0.7625, 0.35, 0.375],
    ],
  }),
];
