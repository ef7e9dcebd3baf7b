import type { CatalogEntry } from './catalog-entry.js';
import { landEntry, quadLands } from './land-table.js';
import { moduleFootprint } from './module-lands.js';

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
    lands: quadLands(7, 0.4, 1.9375, 0.825, 0.2, [2.3, 2.3]),
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
  landEntry({
    name: 'ST_HLGA-10_2x2mm_P0.5mm_LayoutBorder3x2y', family: 'lga', aliases: ['LPS22HH-HLGA10'],
    description: 'ST HLGA-10L 2x2 mm, 0.5 mm pitch; the six lands of the 3-land sides are 0.4 mm long (KiCad: 0.425), trimmed at the inner end for the catalog 0.15 mm land gap',
    source: 'land sizes and positions read from KiCad footprint Package_LGA:ST_HLGA-10_2x2mm_P0.5mm_LayoutBorder3x2y (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [2, 2], pitchMm: 0.5,
    lands: [
      ['1', -0.7625, -0.25, 0.425, 0.35, 'roundrect'], ['2', -0.7625, 0.25, 0.425, 0.35, 'roundrect'], ['3', -0.5, 0.775, 0.35, 0.4, 'roundrect'], ['4', 0, 0.775, 0.35, 0.4, 'roundrect'],
      ['5', 0.5, 0.775, 0.35, 0.4, 'roundrect'], ['6', 0.7625, 0.25, 0.425, 0.35, 'roundrect'], ['7', 0.7625, -0.25, 0.425, 0.35, 'roundrect'], ['8', 0.5, -0.775, 0.35, 0.4, 'roundrect'],
      ['9', 0, -0.775, 0.35, 0.4, 'roundrect'], ['10', -0.5, -0.775, 0.35, 0.4, 'roundrect'],
    ],
  }),
  landEntry({
    name: 'ublox_MAX', family: 'module', aliases: ['MAX-M10S-MODULE', 'UBLOX-MAX-18'],
    description: 'u-blox MAX form factor module (MAX-8 / MAX-M10), 9.7x10.1 mm, 18 pads at 1.1 mm',
    source: 'land sizes and positions read from KiCad footprint RF_GPS:ublox_MAX (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [9.7, 10.1], pitchMm: 1.1,
    lands: [
      ['1', -4.75, -4.4, 1.8, 0.7, 'roundrect'], ['2', -4.75, -3.3, 1.8, 0.8, 'roundrect'], ['3', -4.75, -2.2, 1.8, 0.8, 'roundrect'], ['4', -4.75, -1.1, 1.8, 0.8, 'roundrect'],
      ['5', -4.75, 0, 1.8, 0.8, 'roundrect'], ['6', -4.75, 1.1, 1.8, 0.8, 'roundrect'], ['7', -4.75, 2.2, 1.8, 0.8, 'roundrect'], ['8', -4.75, 3.3, 1.8, 0.8, 'roundrect'],
      ['9', -4.75, 4.4, 1.8, 0.7, 'roundrect'], ['10', 4.75, 4.4, 1.8, 0.7, 'roundrect'], ['11', 4.75, 3.3, 1.8, 0.8, 'roundrect'], ['12', 4.75, 2.2, 1.8, 0.8, 'roundrect'],
      ['13', 4.75, 1.1, 1.8, 0.8, 'roundrect'], ['14', 4.75, 0, 1.8, 0.8, 'roundrect'], ['15', 4.75, -1.1, 1.8, 0.8, 'roundrect'], ['16', 4.75, -2.2, 1.8, 0.8, 'roundrect'],
      ['17', 4.75, -3.3, 1.8, 0.8, 'roundrect'], ['18', 4.75, -4.4, 1.8, 0.7, 'roundrect'],
    ],
  }),
  landEntry({
    name: 'Maxim_OLGA-14_3.3x5.6mm_P0.8mm', family: 'lga', aliases: ['MAX30102-OLGA14'],
    description: 'Maxim OLGA-14 3.3x5.6 mm, 0.8 mm pitch',
    source: 'land sizes and positions read from KiCad footprint OptoDevice:Maxim_OLGA-14_3.3x5.6mm_P0.8mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [3.3, 5.6], bodyCentre: [0, -0.01], pitchMm: 0.8,
    lands: [
      ['1', -1.2, -2.4, 0.75, 0.35, 'roundrect'], ['2', -1.2, -1.6, 0.75, 0.35, 'roundrect'], ['3', -1.2, -0.8, 0.75, 0.35, 'roundrect'], ['4', -1.2, 0, 0.75, 0.35, 'roundrect'],
      ['5', -1.2, 0.8, 0.75, 0.35, 'roundrect'], ['6', -1.2, 1.6, 0.75, 0.35, 'roundrect'], ['7', -1.2, 2.4, 0.75, 0.35, 'roundrect'], ['8', 1.2, 2.4, 0.75, 0.35, 'roundrect'],
      ['9', 1.2, 1.6, 0.75, 0.35, 'roundrect'], ['10', 1.2, 0.8, 0.75, 0.35, 'roundrect'], ['11', 1.2, 0, 0.75, 0.35, 'roundrect'], ['12', 1.2, -0.8, 0.75, 0.35, 'roundrect'],
      ['13', 1.2, -1.6, 0.75, 0.35, 'roundrect'], ['14', 1.2, -2.4, 0.75, 0.35, 'roundrect'],
    ],
  }),
  landEntry({
    name: 'LGA-8_3x5mm_P1.25mm', family: 'lga', aliases: ['MS5611-LGA8'],
    description: 'LGA-8 3x5 mm, 1.25 mm pitch (TE MS5611 / MS5607)',
    source: 'land sizes and positions read from KiCad footprint Package_LGA:LGA-8_3x5mm_P1.25mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [3, 5], pitchMm: 1.25,
    lands: [
      ['1', -1.075, -1.875, 0.95, 0.55], ['2', -1.075, -0.625, 0.95, 0.55], ['3', -1.075, 0.625, 0.95, 0.55], ['4', -1.075, 1.875, 0.95, 0.55],
      ['5', 1.075, 1.875, 0.95, 0.55], ['6', 1.075, 0.625, 0.95, 0.55], ['7', 1.075, -0.625, 0.95, 0.55], ['8', 1.075, -1.875, 0.95, 0.55],
    ],
  }),
  landEntry({
    name: 'Si7021-DFN6-3x3', family: 'son', aliases: ['SI7021-A20-DFN6'],
    description: 'DFN-6 3x3 mm, 1 mm pitch, exposed pad 1.5x2.4 mm (pad 7)',
    source: 'land sizes and positions read from KiCad footprint Package_DFN_QFN:DFN-6-1EP_3x3mm_P1mm_EP1.5x2.4mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [3, 3], pitchMm: 1,
    lands: [
      ['1', -1.45, -1, 0.8, 0.4, 'roundrect'], ['2', -1.45, 0, 0.8, 0.4, 'roundrect'], ['3', -1.45, 1, 0.8, 0.4, 'roundrect'], ['4', 1.45, 1, 0.8, 0.4, 'roundrect'],
      ['5', 1.45, 0, 0.8, 0.4, 'roundrect'], ['6', 1.45, -1, 0.8, 0.4, 'roundrect'], ['7', 0, 0, 1.5, 2.4],
    ],
  }),
  landEntry({
    name: 'TLC5947-HTSSOP32', family: 'tssop', aliases: ['TLC5947DAP-HTSSOP32'],
    description: 'HTSSOP-32 6.1x11 mm PowerPAD, 0.65 mm pitch, thermal pad (pad 33)',
    source: 'land sizes and positions read from KiCad footprint Package_SO:HTSSOP-32-1EP_6.1x11mm_P0.65mm_EP5.2x11mm_Mask4.11x4.36mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [6.1, 11], pitchMm: 0.65,
    lands: [
      ['1', -3.65, -4.875, 1.2, 0.4], ['2', -3.65, -4.225, 1.2, 0.4], ['3', -3.65, -3.575, 1.2, 0.4], ['4', -3.65, -2.925, 1.2, 0.4],
      ['5', -3.65, -2.275, 1.2, 0.4], ['6', -3.65, -1.625, 1.2, 0.4], ['7', -3.65, -0.975, 1.2, 0.4], ['8', -3.65, -0.325, 1.2, 0.4],
      ['9', -3.65, 0.325, 1.2, 0.4], ['10', -3.65, 0.975, 1.2, 0.4], ['11', -3.65, 1.625, 1.2, 0.4], ['12', -3.65, 2.275, 1.2, 0.4],
      ['13', -3.65, 2.925, 1.2, 0.4], ['14', -3.65, 3.575, 1.2, 0.4], ['15', -3.65, 4.225, 1.2, 0.4], ['16', -3.65, 4.875, 1.2, 0.4],
      ['17', 3.65, 4.875, 1.2, 0.4], ['18', 3.65, 4.225, 1.2, 0.4], ['19', 3.65, 3.575, 1.2, 0.4], ['20', 3.65, 2.925, 1.2, 0.4],
      ['21', 3.65, 2.275, 1.2, 0.4], ['22', 3.65, 1.625, 1.2, 0.4], ['23', 3.65, 0.975, 1.2, 0.4], ['24', 3.65, 0.325, 1.2, 0.4],
      ['25', 3.65, -0.325, 1.2, 0.4], ['26', 3.65, -0.975, 1.2, 0.4], ['27', 3.65, -1.625, 1.2, 0.4], ['28', 3.65, -2.275, 1.2, 0.4],
      ['29', 3.65, -2.925, 1.2, 0.4], ['30', 3.65, -3.575, 1.2, 0.4], ['31', 3.65, -4.225, 1.2, 0.4], ['32', 3.65, -4.875, 1.2, 0.4],
      ['33', 0, 0, 5.2, 11],
    ],
  }),
  landEntry({
    name: 'TMP117-WSON6', family: 'son', aliases: ['TMP117-DRV6'],
    description: 'WSON-6 2x2 mm (TI DRV), 0.65 mm pitch, exposed pad 1x1.6 mm (pad 7)',
    source: 'land sizes and positions read from KiCad footprint Package_SON:WSON-6-1EP_2x2mm_P0.65mm_EP1x1.6mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [2, 2], pitchMm: 0.65,
    lands: [
      ['1', -0.8875, -0.65, 0.375, 0.4, 'roundrect'], ['2', -0.8875, 0, 0.375, 0.4, 'roundrect'], ['3', -0.8875, 0.65, 0.375, 0.4, 'roundrect'], ['4', 0.8875, 0.65, 0.375, 0.4, 'roundrect'],
      ['5', 0.8875, 0, 0.375, 0.4, 'roundrect'], ['6', 0.8875, -0.65, 0.375, 0.4, 'roundrect'], ['7', 0, 0, 1, 1.6],
    ],
  }),
  landEntry({
    name: 'LED_WS2812B-2020_PLCC4_2.0x2.0mm', family: 'led_smd', aliases: ['WS2812B-2020'],
    description: 'Worldsemi WS2812B-2020 addressable RGB LED, 2.0x2.0 mm, 4 pads',
    source: 'land sizes and positions read from KiCad footprint LED_SMD:LED_WS2812B-2020_PLCC4_2.0x2.0mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [2.2, 2],
    lands: [
      ['1', -0.915, -0.55, 0.7, 0.7], ['2', -0.915, 0.55, 0.7, 0.7], ['3', 0.915, 0.55, 0.7, 0.7], ['4', 0.915, -0.55, 0.7, 0.7],
    ],
  }),
  landEntry({
    name: 'ST_VL53L0X', family: 'lga', aliases: ['VL53L0X-LGA12'],
    description: 'ST VL53L0X optical LGA-12 4.4x2.4 mm, 0.8 mm pitch',
    source: 'land sizes and positions read from KiCad footprint OptoDevice:ST_VL53L0X (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [4.4, 2.4], bodyCentre: [0, 0.01], pitchMm: 0.8,
    lands: [
      ['1', -1.6, -0.8, 0.5, 0.5], ['2', -0.8, -0.79, 0.5, 0.5], ['3', 0, -0.8, 0.5, 0.5], ['4', 0.8, -0.8, 0.5, 0.5],
      ['5', 1.6, -0.8, 0.5, 0.5], ['6', 1.6, 0, 0.5, 0.5], ['7', 1.6, 0.8, 0.5, 0.5], ['8', 0.8, 0.8, 0.5, 0.5],
      ['9', 0, 0.8, 0.5, 0.5], ['10', -0.8, 0.8, 0.5, 0.5], ['11', -1.6, 0.8, 0.5, 0.5], ['12', -1.6, 0, 0.5, 0.5],
    ],
  }),
  landEntry({
    name: 'Allegro_SOT-23W', family: 'sot', aliases: ['A1302-SOT23W'],
    description: 'Allegro SOT-23W (LH), 3 leads',
    source: 'land sizes and positions read from KiCad footprint Package_TO_SOT_SMD:SOT-23W (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [1.91, 2.98], pitchMm: 1.9,
    lands: [
      ['1', -1.2, -0.95, 1, 0.7, 'roundrect'], ['2', -1.2, 0.95, 1, 0.7, 'roundrect'], ['3', 1.2, 0, 1, 0.7, 'roundrect'],
    ],
  }),
  landEntry({
    name: 'Crystal_SMD_3215-2Pin_3.2x1.5mm', family: 'crystal', aliases: ['CRYSTAL-SMD-3215', 'XTAL-3215', 'X3215'],
    description: 'SMD crystal 3.2x1.5 mm, 2 pads (32.768 kHz tuning fork, e.g. Epson FC-135)',
    source: 'land sizes and positions read from KiCad footprint Crystal:Crystal_SMD_3215-2Pin_3.2x1.5mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [3.2, 1.5],
    lands: [
      ['1', 1.25, 0, 1, 1.8], ['2', -1.25, 0, 1, 1.8],
    ],
  }),
  landEntry({
    name: 'R_Array_Convex_4x0402', family: 'resistor_array', aliases: ['ResistorNetwork4-0402'],
    description: 'Chip resistor array 4x0402 convex, 2.0x1.0 mm, 0.5 mm pitch (ROHM MNR04 size); resistor k joins pads k and 9-k',
    source: 'land sizes and positions read from KiCad footprint Resistor_SMD:R_Array_Convex_4x0402 (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [1, 2], pitchMm: 0.5,
    lands: [
      ['1', -0.5, -0.75, 0.5, 0.4], ['2', -0.5, -0.25, 0.5, 0.3], ['3', -0.5, 0.25, 0.5, 0.3], ['4', -0.5, 0.75, 0.5, 0.4],
      ['5', 0.5, 0.75, 0.5, 0.4], ['6', 0.5, 0.25, 0.5, 0.3], ['7', 0.5, -0.25, 0.5, 0.3], ['8', 0.5, -0.75, 0.5, 0.4],
    ],
  }),
  landEntry({
    name: 'R_Array_Convex_4x0603', family: 'resistor_array', aliases: ['ResistorNetwork4-0603', 'RES-ARRAY-4x0603'],
    description: 'Chip resistor array 4x0603 convex, 3.2x1.6 mm, 0.8 mm pitch (ROHM MNR14 size); resistor k joins pads k and 9-k',
    source: 'land sizes and positions read from KiCad footprint Resistor_SMD:R_Array_Convex_4x0603 (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [1.6, 3.2], pitchMm: 0.8,
    lands: [
      ['1', -0.9, -1.2, 0.8, 0.5], ['2', -0.9, -0.4, 0.8, 0.4], ['3', -0.9, 0.4, 0.8, 0.4], ['4', -0.9, 1.2, 0.8, 0.5],
      ['5', 0.9, 1.2, 0.8, 0.5], ['6', 0.9, 0.4, 0.8, 0.4], ['7', 0.9, -0.4, 0.8, 0.4], ['8', 0.9, -1.2, 0.8, 0.5],
    ],
  }),
  landEntry({
    name: 'R_Array_Convex_4x1206', family: 'resistor_array', aliases: ['ResistorNetwork4-1206'],
    description: 'Chip resistor array 4x1206 convex, 5.2x3.2 mm, 1.27 mm pitch (ROHM MNR34 size); resistor k joins pads k and 9-k',
    source: 'land sizes and positions read from KiCad footprint Resistor_SMD:R_Array_Convex_4x1206 (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [3.2, 5.2], pitchMm: 1.27,
    lands: [
      ['1', -1.5, -2, 0.9, 0.9], ['2', -1.5, -0.66, 0.9, 0.9], ['3', -1.5, 0.66, 0.9, 0.9], ['4', -1.5, 2, 0.9, 0.9],
      ['5', 1.5, 2, 0.9, 0.9], ['6', 1.5, 0.66, 0.9, 0.9], ['7', 1.5, -0.66, 0.9, 0.9], ['8', 1.5, -2, 0.9, 0.9],
    ],
  }),
  landEntry({
    name: 'Sensirion_DFN-4-1EP_2x2mm_P1mm_EP0.7x1.6mm', family: 'son', aliases: ['SHTC3-DFN4'],
    description: 'Sensirion DFN-4 2x2 mm (SHTC3), 1 mm pitch, centre pad 0.7x1.6 mm (pad 5)',
    source: 'land sizes and positions read from KiCad footprint Sensor_Humidity:Sensirion_DFN-4-1EP_2x2mm_P1mm_EP0.7x1.6mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [2, 2], pitchMm: 1,
    lands: [
      ['1', -0.925, -0.5, 0.55, 0.35, 'roundrect'], ['2', -0.925, 0.5, 0.55, 0.35, 'roundrect'], ['3', 0.925, 0.5, 0.55, 0.35, 'roundrect'], ['4', 0.925, -0.5, 0.55, 0.35, 'roundrect'],
      ['5', 0, 0, 0.7, 1.6, 'roundrect'],
    ],
  }),
  landEntry({
    name: 'TDFN-8-1EP_2x2mm_P0.5mm_EP0.8x1.2mm', family: 'son', aliases: ['MAX17048-TDFN8', 'MAXIM-T822-TDFN8'],
    description: 'TDFN-8 2x2 mm, 0.5 mm pitch, exposed pad 0.8x1.2 mm (pad 9); Maxim outline 21-0168',
    source: 'land sizes and positions read from KiCad footprint Package_DFN_QFN:TDFN-8-1EP_2x2mm_P0.5mm_EP0.8x1.2mm (KiCad footprint library 9.0, CC-BY-SA 4.0); the exposed pad drawn whole (KiCad adds four paste windows)',
    body: [2, 2], pitchMm: 0.5,
    lands: [
      ['1', -0.9875, -0.75, 0.775, 0.25, 'roundrect'], ['2', -0.9875, -0.25, 0.775, 0.25, 'roundrect'], ['3', -0.9875, 0.25, 0.775, 0.25, 'roundrect'], ['4', -0.9875, 0.75, 0.775, 0.25, 'roundrect'],
      ['5', 0.9875, 0.75, 0.775, 0.25, 'roundrect'], ['6', 0.9875, 0.25, 0.775, 0.25, 'roundrect'], ['7', 0.9875, -0.25, 0.775, 0.25, 'roundrect'], ['8', 0.9875, -0.75, 0.775, 0.25, 'roundrect'],
      ['9', 0, 0, 0.8, 1.2],
    ],
  }),
  landEntry({
    name: 'VEML7700-TT', family: 'lga', aliases: ['VEML7700-TT-4PAD', 'VISHAY-VEML7700'],
    description: 'Vishay VEML7700 side-view package 6.8x3.0 mm (2.35 mm high), 4 pads in a row along one long edge',
    source: 'land sizes and positions read from footprint SparkFun-Sensor:VEML7700-TT of the SparkFun KiCad library (github.com/sparkfun/SparkFun-KiCad-Libraries, CC-BY 4.0); body outline from its fabrication layer',
    body: [6.8, 3], bodyCentre: [-0.056, 0.195],
    lands: [
      ['1', -1.961, 1.095, 0.7, 1.6], ['2', -0.691, 1.095, 0.7, 1.6], ['3', 0.579, 1.095, 0.7, 1.6], ['4', 1.849, 1.095, 0.7, 1.6],
    ],
  }),
  landEntry({
    name: 'VCNL4040-OPLGA8', family: 'lga', aliases: ['VCNL4040', 'VISHAY-VCNL4040-OPLGA8'],
    description: 'Vishay VCNL4040 OPLGA-8 4.0x2.0 mm; pad 1 at the top right, 1-4 along the top edge, 5-8 back along the bottom',
    source: 'land sizes and positions read from footprint SparkFun-Sensor:VCNL4040 of the SparkFun KiCad library (github.com/sparkfun/SparkFun-KiCad-Libraries, CC-BY 4.0); body outline from its fabrication layer',
    body: [4, 2],
    lands: [
      ['1', 1.6125, -1, 0.725, 0.7], ['2', 0.5375, -1, 0.725, 0.7], ['3', -0.5375, -1, 0.725, 0.7], ['4', -1.6125, -1, 0.725, 0.7],
      ['5', -1.6125, 1, 0.725, 0.7], ['6', -0.5375, 1, 0.725, 0.7], ['7', 0.5375, 1, 0.725, 0.7], ['8', 1.6125, 1, 0.725, 0.7],
    ],
  }),
  {
    name: 'TO-39-4', family: 'to39', description: 'TO-39 metal can, 4 leads on a 5.08 mm circle (pad 1 oval), can outline 8.5 mm as KiCad draws it', aliases: ['TO39-4', 'MLX90614-TO39'],
    build: () => moduleFootprint({
      name: 'TO-39-4', family: 'to39', description: 'TO-39 metal can, 4 leads on a 5.08 mm circle',
      body: [-1.71, -4.25, 6.79, 4.25],
      lands: [['1', 0, 0, 1.6, 1.2, 'oval', 0.7], ['2', 2.54, 2.54, 1.2, 1.2, 'circle', 0.7], ['3', 5.08, 0, 1.2, 1.2, 'circle', 0.7], ['4', 2.54, -2.54, 1.2, 1.2, 'circle', 0.7]],
      source: 'land sizes and positions read from KiCad footprint Package_TO_SOT_THT:TO-39-4 (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    }),
  },
  landEntry({
    name: 'Sensirion_DFN-6_2.44x2.44mm_SGP40', family: 'lga', aliases: ['SGP40-DFN6', 'SGP40-D-R4'],
    description: 'Sensirion SGP40 DFN-6 2.44x2.44 mm, 0.8 mm pitch, small centre land on the die pad (pad 7)',
    source: 'land sizes and positions read from package SGP40 of SparkFun-Sensors.lbr in the SparkFun Eagle library (github.com/sparkfun/SparkFun-Eagle-Libraries, CC-BY-SA 4.0), y axis flipped to point down; its DIEPAD land numbered 7 here',
    body: [2.45, 2.45], pitchMm: 0.8,
    lands: [
      ['1', -1.15, -0.8, 0.55, 0.4], ['2', -1.15, 0, 0.55, 0.4], ['3', -1.15, 0.8, 0.55, 0.4], ['4', 1.15, 0.8, 0.55, 0.4],
      ['5', 1.15, 0, 0.55, 0.4], ['6', 1.15, -0.8, 0.55, 0.4], ['7', 0, 0, 0.3048, 0.6096],
    ],
  }),
  landEntry({
    name: 'Bosch_LGA-10_2x2mm_P0.5mm', family: 'lga', aliases: ['BMP388-LGA10', 'BMP384-LGA10', 'BMP390-LGA10'],
    description: 'Bosch LGA-10 2x2 mm, 0.5 mm pitch (BMP388); pad 1 on the top edge right of centre, numbered anticlockwise',
    source: 'land sizes and positions read from package LGA-10(2X2) of SparkFun-Sensors.lbr in the SparkFun Eagle library (github.com/sparkfun/SparkFun-Eagle-Libraries, CC-BY-SA 4.0), y axis flipped to point down',
    body: [2, 2], pitchMm: 0.5,
    lands: [
      ['1', 0.25, -0.7625, 0.25, 0.275], ['2', -0.25, -0.7625, 0.25, 0.275], ['3', -0.7625, -0.5, 0.275, 0.25], ['4', -0.7625, 0, 0.275, 0.25],
      ['5', -0.7625, 0.5, 0.275, 0.25], ['6', -0.25, 0.7625, 0.25, 0.275], ['7', 0.25, 0.7625, 0.25, 0.275], ['8', 0.7625, 0.5, 0.275, 0.25],
      ['9', 0.7625, 0, 0.275, 0.25], ['10', 0.7625, -0.5, 0.275, 0.25],
    ],
  }),
  landEntry({
    name: 'Honeywell_LPCC-16_3x3mm', family: 'lga', aliases: ['HMC5883L-LPCC16', 'LCC-16-3X3'],
    description: 'Honeywell LPCC-16 3x3 mm, 0.5 mm pitch (HMC5883L)',
    source: 'land sizes and positions read from package LPCC-16 of SparkFun-Sensors.lbr in the SparkFun Eagle library (github.com/sparkfun/SparkFun-Eagle-Libraries, CC-BY-SA 4.0), y axis flipped to point down',
    body: [3, 3], pitchMm: 0.5,
    lands: [
      ['1', -1.37, -0.75, 0.65, 0.28], ['2', -1.37, -0.25, 0.65, 0.28], ['3', -1.37, 0.25, 0.65, 0.28], ['4', -1.37, 0.75, 0.65, 0.28],
      ['5', -0.75, 1.37, 0.28, 0.65], ['6', -0.25, 1.37, 0.28, 0.65], ['7', 0.25, 1.37, 0.28, 0.65], ['8', 0.75, 1.37, 0.28, 0.65],
      ['9', 1.37, 0.75, 0.65, 0.28], ['10', 1.37, 0.25, 0.65, 0.28], ['11', 1.37, -0.25, 0.65, 0.28], ['12', 1.37, -0.75, 0.65, 0.28],
      ['13', 0.75, -1.37, 0.28, 0.65], ['14', 0.25, -1.37, 0.28, 0.65], ['15', -0.25, -1.37, 0.28, 0.65], ['16', -0.75, -1.37, 0.28, 0.65],
    ],
  }),
  landEntry({
    name: 'Renesas_ODFN-6_1.65x1.65mm', family: 'lga', aliases: ['ISL29125-ODFN6'],
    description: 'Renesas (Intersil) ODFN-6 1.65x1.65 mm, 0.5 mm pitch (ISL29125); pad 1 land longer',
    source: 'land sizes and positions read from package ODFN-6 of SparkFun-Sensors.lbr in the SparkFun Eagle library (github.com/sparkfun/SparkFun-Eagle-Libraries, CC-BY-SA 4.0), y axis flipped to point down',
    body: [1.65, 1.65], pitchMm: 0.5,
    lands: [
      ['1', -0.645, -0.5, 0.75, 0.25], ['2', -0.72, 0, 0.6, 0.25], ['3', -0.72, 0.5, 0.6, 0.25], ['4', 0.72, 0.5, 0.6, 0.25],
      ['5', 0.72, 0, 0.6, 0.25], ['6', 0.72, -0.5, 0.6, 0.25],
    ],
  }),
  landEntry({
    name: 'ST_VL53L5CX', family: 'lga', aliases: ['VL53L5CX-LGA16', 'VL53L5CXV0GC'],
    description: 'ST VL53L5CX optical LGA-16 6.4x3.0 mm, lands A1-A7, B1, B4 (centre), B7, C1-C7',
    source: 'land sizes and positions read from package VL53L5CX of SparkFun-Sensors.lbr in the SparkFun Eagle library (github.com/sparkfun/SparkFun-Eagle-Libraries, CC-BY-SA 4.0), y axis flipped to point down',
    body: [6.4, 3],
    lands: [
      ['A1', 2.25, 1.05, 0.5, 0.5], ['A2', 1.5, 1.05, 0.5, 0.5], ['A3', 0.75, 1.05, 0.5, 0.5], ['A4', 0, 1.05, 0.5, 0.5],
      ['A5', -0.75, 1.05, 0.5, 0.5], ['A6', -1.5, 1.05, 0.5, 0.5], ['A7', -2.25, 1.05, 0.5, 0.5], ['B1', 2.65, 0, 0.5, 0.5],
      ['B4', 0, 0, 3.7, 1.2], ['B7', -2.65, 0, 0.5, 0.5], ['C1', 2.25, -1.05, 0.5, 0.5], ['C2', 1.5, -1.05, 0.5, 0.5],
      ['C3', 0.75, -1.05, 0.5, 0.5], ['C4', 0, -1.05, 0.5, 0.5], ['C5', -0.75, -1.05, 0.5, 0.5], ['C6', -1.5, -1.05, 0.5, 0.5],
      ['C7', -2.25, -1.05, 0.5, 0.5],
    ],
  }),
  landEntry({
    name: 'Aosong_AHT20_DFN-6_3x3mm_P1.0mm', family: 'son-no-ep', aliases: ['AHT20-DFN6'],
    description: 'Aosong (ASAIR) AHT20 DFN-6 3x3 mm, 1.0 mm pitch, no centre land',
    source: 'land sizes and positions read from package SNR6-1.0-3X3X1MM of the Adafruit AHT20 breakout board (github.com/adafruit/Adafruit-AHT20-PCB, CC-BY-SA 3.0), y axis flipped to point down',
    body: [3, 3], pitchMm: 1,
    lands: [
      ['1', -1.3, -1, 0.95, 0.5, 'roundrect'], ['2', -1.3, 0, 0.95, 0.5, 'roundrect'], ['3', -1.3, 1, 0.95, 0.5, 'roundrect'],
      ['4', 1.3, 1, 0.95, 0.5, 'roundrect'], ['5', 1.3, 0, 0.95, 0.5, 'roundrect'], ['6', 1.3, -1, 0.95, 0.5, 'roundrect'],
    ],
  }),
  landEntry({
    name: 'Bosch_LGA-14_3x2.5mm_P0.5mm', family: 'lga', aliases: ['BMI270-LGA14', 'BMI160-LGA14'],
    description: 'Bosch LGA-14 3x2.5 mm, 0.5 mm pitch (BMI160, BMI270): 4 lands on each short side, 3 on each long side',
    source: 'land sizes and positions read from KiCad footprint Package_LGA:Bosch_LGA-14_3x2.5mm_P0.5mm (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [3, 2.5], pitchMm: 0.5,
    lands: [
      ['1', -1.2625, -0.75, 0.675, 0.25], ['2', -1.2625, -0.25, 0.675, 0.25], ['3', -1.2625, 0.25, 0.675, 0.25], ['4', -1.2625, 0.75, 0.675, 0.25],
      ['5', -0.5, 1.0125, 0.25, 0.675], ['6', 0, 1.0125, 0.25, 0.675], ['7', 0.5, 1.0125, 0.25, 0.675], ['8', 1.2625, 0.75, 0.675, 0.25],
      ['9', 1.2625, 0.25, 0.675, 0.25], ['10', 1.2625, -0.25, 0.675, 0.25], ['11', 1.2625, -0.75, 0.675, 0.25], ['12', 0.5, -1.0125, 0.25, 0.675],
      ['13', 0, -1.0125, 0.25, 0.675], ['14', -0.5, -1.0125, 0.25, 0.675],
    ],
  }),
  landEntry({
    name: 'LiteOn_LTR-329ALS-01_ChipLED-4_2x2mm', family: 'lga', aliases: ['LTR-329ALS-01'],
    description: 'Lite-On LTR-329ALS-01 4-pin ChipLED 2.0x2.0 mm, lands on a 1.2x1.35 mm grid',
    source: 'land sizes and positions read from package LTR-329 of the Adafruit LTR-329/LTR-303 board (github.com/adafruit/Adafruit-LTR-329-LTR-303-PCB, CC-BY-SA 3.0), y axis flipped to point down',
    body: [2, 2],
    lands: [['1', -0.6, -0.675, 0.7, 0.75], ['2', -0.6, 0.675, 0.7, 0.75], ['3', 0.6, 0.675, 0.7, 0.75], ['4', 0.6, -0.675, 0.7, 0.75]],
  }),
  landEntry({
    name: 'AMS_TSL25911FN', family: 'son-no-ep', aliases: ['TCS34725-DFN6', 'AMS-FN-6'],
    description: 'ams FN dual flat no-lead 2.0x2.4 mm, 6 pins at 0.65 mm (TSL2591, TCS3472)',
    source: 'land sizes and positions read from KiCad footprint OptoDevice:AMS_TSL25911FN (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [2, 2.4], pitchMm: 0.65,
    lands: [
      ['1', -0.6375, -0.65, 0.875, 0.4, 'roundrect'], ['2', -0.6375, 0, 0.875, 0.4, 'roundrect'], ['3', -0.6375, 0.65, 0.875, 0.4, 'roundrect'],
      ['4', 0.6375, 0.65, 0.875, 0.4, 'roundrect'], ['5', 0.6375, 0, 0.875, 0.4, 'roundrect'], ['6', 0.6375, -0.65, 0.875, 0.4, 'roundrect'],
    ],
  }),
  {
    name: 'LED_D5.0mm-4_RGB', family: 'led_tht', description: '5 mm round LED with 4 leads in one row at 1.27 mm (addressable RGB LEDs such as the APA-106-F5); pad 1 rectangular', aliases: ['APA106-F5-THT'],
    bodyMm: [6, 6], pitchMm: 1.27,
    build: () => moduleFootprint({
      name: 'LED_D5.0mm-4_RGB', family: 'led_tht', description: '5 mm round LED, 4 leads in one row at 1.27 mm; body drawn as the 6 mm flange square around the lens centre (x = 1.905)',
      body: [-1.095, -3, 4.905, 3],
      lands: [['1', 0, 0, 1.07, 1.8, 'rect', 0.9], ['2', 1.27, 0, 1.07, 1.8, 'oval', 0.9], ['3', 2.54, 0, 1.07, 1.8, 'oval', 0.9], ['4', 3.81, 0, 1.07, 1.8, 'oval', 0.9]],
      source: 'land sizes and positions read from KiCad footprint LED_THT:LED_D5.0mm-4_RGB (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    }),
  },
  landEntry({
    name: 'UQFN-20-1EP_3x3mm_P0.4mm_EP1.85x1.85mm', family: 'qfn', aliases: ['SE050-HX2QFN20'],
    description: 'UQFN-20 3x3 mm, 0.4 mm pitch, exposed pad 1.85x1.85 mm (pad 21); the land the Nitrokey 3A NFC board gives the NXP SE050 (HX2QFN20)',
    source: 'land sizes and positions read from KiCad footprint Package_DFN_QFN:UQFN-20-1EP_3x3mm_P0.4mm_EP1.85x1.85mm (KiCad footprint library 9.0, CC-BY-SA 4.0); the exposed pad drawn whole (KiCad adds four paste windows)',
    body: [3, 3], pitchMm: 0.4,
    lands: quadLands(5, 0.4, 1.4875, 0.725, 0.2, [1.85, 1.85]),
  }),
  landEntry({
    name: 'Bosch_LGA-8_3x3mm_P0.8mm_ClockwisePinNumbering', family: 'lga', aliases: ['BME688-LGA8', 'BME680-LGA8'],
    description: 'Bosch LGA-8 3x3 mm, 0.8 mm pitch, pins numbered clockwise (BME680, BME688)',
    source: 'land sizes and positions read from KiCad footprint Package_LGA:Bosch_LGA-8_3x3mm_P0.8mm_ClockwisePinNumbering (KiCad footprint library 9.0, CC-BY-SA 4.0)',
    body: [3, 3], pitchMm: 0.8,
    lands: [
      ['1', -1.2, -1.1875, 0.5, 0.525, 'roundrect'], ['2', -0.4, -1.1875, 0.5, 0.525, 'roundrect'], ['3', 0.4, -1.1875, 0.5, 0.525, 'roundrect'], ['4', 1.2, -1.1875, 0.5, 0.525, 'roundrect'],
      ['5', 1.2, 1.1875, 0.5, 0.525, 'roundrect'], ['6', 0.4, 1.1875, 0.5, 0.525, 'roundrect'], ['7', -0.4, 1.1875, 0.5, 0.525, 'roundrect'], ['8', -1.2, 1.1875, 0.5, 0.525, 'roundrect'],
    ],
  }),
  landEntry({
    name: 'TE_HTU21D_DFN-6-1EP_3x3mm_P1.0mm', family: 'son', aliases: ['HTU21D-DFN6'],
    description: 'TE (MEAS) HTU21D(F) DFN-6 3x3 mm, 1.0 mm pitch, centre pad 1.6x2.5 mm (pad 7)',
    source: 'land sizes and positions read from package HTU21DF of the Adafruit HTU21D-F board (github.com/adafruit/Adafruit-HTU21D-Breakout-PCB, CC-BY-SA 3.0), y axis flipped to point down; its centre land PAD numbered 7 here',
    body: [3, 3], pitchMm: 1,
    lands: [
      ['1', -1.5, -1, 0.8, 0.4], ['2', -1.5, 0, 0.8, 0.4], ['3', -1.5, 1, 0.8, 0.4],
      ['4', 1.5, 1, 0.8, 0.4], ['5', 1.5, 0, 0.8, 0.4], ['6', 1.5, -1, 0.8, 0.4], ['7', 0, 0, 1.6, 2.5],
    ],
  }),
  landEntry({
    name: 'Infineon_PG-USON-10-2_3x3mm_P0.5mm', family: 'son', aliases: ['OPTIGA-TRUST-USON10', 'PG-USON-10-2'],
    description: 'Infineon PG-USON-10-2 3x3 mm, 0.5 mm pitch, exposed pad 1.5x2.4 mm (pad 11) (OPTIGA Trust X / Trust M)',
    source: 'land sizes and positions read from package PG-USON10-10-2 of the Adafruit Infineon Trust M board (github.com/adafruit/Adafruit-Infineon-Trust-M-PCB, CC-BY-SA 3.0), y axis flipped to point down; its THERM land numbered 11 here',
    body: [3, 3], pitchMm: 0.5,
    lands: [
      ['1', -1.4, -1, 0.7, 0.25], ['2', -1.4, -0.5, 0.7, 0.25], ['3', -1.4, 0, 0.7, 0.25], ['4', -1.4, 0.5, 0.7, 0.25], ['5', -1.4, 1, 0.7, 0.25],
      ['6', 1.4, 1, 0.7, 0.25], ['7', 1.4, 0.5, 0.7, 0.25], ['8', 1.4, 0, 0.7, 0.25], ['9', 1.4, -0.5, 0.7, 0.25], ['10', 1.4, -1, 0.7, 0.25],
      ['11', 0, 0, 1.5, 2.4],
    ],
  }),
];
