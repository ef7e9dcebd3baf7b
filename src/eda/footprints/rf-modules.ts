import type { Footprint } from '../model/footprint.js';
import { landRow, moduleFootprint, type ModuleLand } from './module-lands.js';

/**
 * Radio and MCU modules whose land patterns are irregular (castellated edges with staggered or inner
 * rows). Lands are the vendors' recommended patterns as KiCad's footprint library 9.0 transcribes
 * them (CC-BY-SA 4.0 with the design exception) or Espressif's own KiCad library does: sizes and positions read from the footprint each
 * function names, origin and pad numbers kept.
 */

/** Espressif ESP-WROOM-02 / -02D / -02U module, 18x20 mm, 18 castellated pads (1.5 mm pitch) + GND exposed pad 19. */
const ESPWROOM02_LANDS: ModuleLand[] = [
  ...landRow(1, 9, -8.75, -6, 0, 1.5, 1.5, 0.9, 'rect'),
  ...landRow(10, 9, 8.75, 6, 0, -1.5, 1.5, 0.9, 'rect'),
  ['19', 1.1, 0.61, 4, 4, 'rect'],
];

export function espWroom02(): Footprint {
  return moduleFootprint({
    name: 'ESP-WROOM-02',
    description: 'Espressif ESP-WROOM-02 / -02D / -02U module, 18x20 mm, 18 castellated pads (1.5 mm pitch) + GND exposed pad 19',
    body: [-9, -13.1, 9, 6.9],
    lands: ESPWROOM02_LANDS,
    source: 'land sizes and positions read from footprint RF_Module:ESP-WROOM-02 (KiCad footprint library 9.0, CC-BY-SA 4.0); data sheet it links: https://www.espressif.com/sites/default/files/documentation/0c-esp-wroom-02_datasheet_en.pdf',
  });
}

/** HopeRF RFM95W/96W/98W module, 16x16 mm, 16 castellated pads (2.0 mm pitch). */
const HOPERFRFM9XWSMD_LANDS: ModuleLand[] = [
  ...landRow(1, 8, -7.525, -7, 0, 2, 2.95, 1.27, 'roundrect'),
  ...landRow(9, 8, 7.525, 7, 0, -2, 2.95, 1.27, 'roundrect'),
];

export function hoperfRfm9xwSmd(): Footprint {
  return moduleFootprint({
    name: 'HOPERF_RFM9XW_SMD',
    description: 'HopeRF RFM95W/96W/98W module, 16x16 mm, 16 castellated pads (2.0 mm pitch)',
    body: [-8, -8, 8, 8],
    lands: HOPERFRFM9XWSMD_LANDS,
    source: 'land sizes and positions read from footprint RF_Module:HOPERF_RFM9XW_SMD (KiCad footprint library 9.0, CC-BY-SA 4.0); data sheet it links: https://www.hoperf.com/data/upload/portal/20181127/5bfcbea20e9ef.pdf',
  });
}

/** RAKwireless RAK3172 WisDuo module, 15x15.5 mm, 32 castellated pads (1.0 mm pitch). */
const RAK3172_LANDS: ModuleLand[] = [
  ...landRow(1, 12, -7.4, -5.75, 0, 1, 1.8, 0.7, 'roundrect'),
  ...landRow(13, 4, 0.5, 7.4, 1, 0, 0.7, 1.8, 'roundrect'),
  ...landRow(17, 3, 7.4, 5.25, 0, -1, 1.8, 0.7, 'roundrect'),
  ...landRow(20, 5, 7.4, -1.75, 0, -1, 1.8, 0.7, 'roundrect'),
  ...landRow(25, 8, 3.5, -7.4, -1, 0, 0.7, 1.8, 'roundrect'),
];

export function rak3172(): Footprint {
  return moduleFootprint({
    name: 'RAK3172',
    description: 'RAKwireless RAK3172 WisDuo module, 15x15.5 mm, 32 castellated pads (1.0 mm pitch)',
    body: [-7.5, -7.75, 7.5, 7.75],
    lands: RAK3172_LANDS,
    source: 'land sizes and positions read from footprint RF_Module:RAK3172 (KiCad footprint library 9.0, CC-BY-SA 4.0); data sheet it links: https://docs.rakwireless.com/product-categories/wisduo/rak3172-module/datasheet/',
  });
}

/** Raytac MDBT50Q (nRF52840) module, 10.5x15.5 mm, 61 lands: two staggered side rows, bottom rows and an inner row. */
const RAYTACMDBT50Q_LANDS: ModuleLand[] = [
  ['1', -4.65, -3.75, 0.6, 0.4, 'rect'],
  ['2', -4.65, -2.65, 0.6, 0.4, 'rect'],
  ['3', -4.65, -1.85, 0.6, 0.4, 'rect'],
  ['4', -4.65, -0.25, 0.6, 0.4, 'rect'],
  ['5', -3.75, 0.15, 0.6, 0.4, 'rect'],
  ['6', -4.65, 0.55, 0.6, 0.4, 'rect'],
  ['7', -3.75, 0.95, 0.6, 0.4, 'rect'],
  ['8', -4.65, 1.35, 0.6, 0.4, 'rect'],
  ['9', -3.75, 1.75, 0.6, 0.4, 'rect'],
  ['10', -4.65, 2.15, 0.6, 0.4, 'rect'],
  ['11', -3.75, 2.55, 0.6, 0.4, 'rect'],
  ['12', -4.65, 2.95, 0.6, 0.4, 'rect'],
  ['13', -3.75, 3.35, 0.6, 0.4, 'rect'],
  ['14', -4.65, 3.75, 0.6, 0.4, 'rect'],
  ...landRow(15, 4, -4.8, 7.15, 0.8, 0, 0.4, 0.6, 'rect'),
  ['19', -2, 6.25, 0.4, 0.6, 'rect'],
  ['20', -1.6, 7.15, 0.4, 0.6, 'rect'],
  ['21', -1.2, 6.25, 0.4, 0.6, 'rect'],
  ['22', -0.8, 7.15, 0.4, 0.6, 'rect'],
  ['23', -0.4, 6.25, 0.4, 0.6, 'rect'],
  ['24', 0, 7.15, 0.4, 0.6, 'rect'],
  ['25', 0.4, 6.25, 0.4, 0.6, 'rect'],
  ['26', 0.8, 7.15, 0.4, 0.6, 'rect'],
  ['27', 1.2, 6.25, 0.4, 0.6, 'rect'],
  ['28', 1.6, 7.15, 0.4, 0.6, 'rect'],
  ['29', 2, 6.25, 0.4, 0.6, 'rect'],
  ...landRow(30, 4, 2.4, 7.15, 0.8, 0, 0.4, 0.6, 'rect'),
  ['34', 4.65, 6.15, 0.6, 0.4, 'rect'],
  ['35', 4.65, 5.35, 0.6, 0.4, 'rect'],
  ['36', 3.75, 4.95, 0.6, 0.4, 'rect'],
  ['37', 4.65, 4.55, 0.6, 0.4, 'rect'],
  ['38', 3.75, 4.15, 0.6, 0.4, 'rect'],
  ['39', 4.65, 3.75, 0.6, 0.4, 'rect'],
  ['40', 3.75, 3.35, 0.6, 0.4, 'rect'],
  ['41', 4.65, 2.95, 0.6, 0.4, 'rect'],
  ['42', 3.75, 2.55, 0.6, 0.4, 'rect'],
  ['43', 3.75, 1.75, 0.6, 0.4, 'rect'],
  ['44', 4.65, 1.35, 0.6, 0.4, 'rect'],
  ['45', 3.75, 0.95, 0.6, 0.4, 'rect'],
  ['46', 4.65, 0.55, 0.6, 0.4, 'rect'],
  ['47', 3.75, 0.15, 0.6, 0.4, 'rect'],
  ['48', 4.65, -0.25, 0.6, 0.4, 'rect'],
  ['49', 3.75, -0.65, 0.6, 0.4, 'rect'],
  ['50', 3.75, -1.45, 0.6, 0.4, 'rect'],
  ['51', 4.65, -1.85, 0.6, 0.4, 'rect'],
  ['52', 3.75, -2.25, 0.6, 0.4, 'rect'],
  ['53', 4.65, -2.65, 0.6, 0.4, 'rect'],
  ['54', 3.75, -3.05, 0.6, 0.4, 'rect'],
  ['55', 4.65, -3.75, 0.6, 0.4, 'rect'],
  ...landRow(56, 6, -2, 0.55, 0.8, 0, 0.4, 0.6, 'rect'),
];

export function raytacMdbt50q(): Footprint {
  return moduleFootprint({
    name: 'Raytac_MDBT50Q',
    description: 'Raytac MDBT50Q (nRF52840) module, 10.5x15.5 mm, 61 lands: two staggered side rows, bottom rows and an inner row',
    body: [-5.25, -7.75, 5.25, 7.75],
    lands: RAYTACMDBT50Q_LANDS,
    source: 'land sizes and positions read from footprint RF_Module:Raytac_MDBT50Q (KiCad footprint library 9.0, CC-BY-SA 4.0); data sheet it links: https://www.raytac.com/download/index.php?index_id=43',
  });
}

/** Espressif ESP32-H2-MINI-1 / -1U module, 13.2x16.6 mm, 48 lands at 0.8 mm, 3x3 GND thermal lands (49) and four GND corner lands (50-53). */
const ESP32H2MINI1_LANDS: ModuleLand[] = [
  ...landRow(1, 11, -5.9, -1.3, 0, 0.8, 0.8, 0.4, 'rect'),
  ...landRow(12, 13, -4.8, 7.6, 0.8, 0, 0.4, 0.8, 'rect'),
  ...landRow(25, 11, 5.9, 6.7, 0, -0.8, 0.8, 0.4, 'rect'),
  ...landRow(36, 13, 4.8, -2.2, -0.8, 0, 0.4, 0.8, 'rect'),
  ['49', -1.975, 0.725, 1.45, 1.45, 'rect'],
  ['49', -1.975, 2.7, 1.45, 1.45, 'rect'],
  ['49', -1.975, 4.675, 1.45, 1.45, 'rect'],
  ['49', 0, 0.725, 1.45, 1.45, 'rect'],
  ['49', 0, 2.7, 1.45, 1.45, 'rect'],
  ['49', 0, 4.675, 1.45, 1.45, 'rect'],
  ['49', 1.975, 0.725, 1.45, 1.45, 'rect'],
  ['49', 1.975, 2.7, 1.45, 1.45, 'rect'],
  ['49', 1.975, 4.675, 1.45, 1.45, 'rect'],
  ['50', 5.95, -2.25, 0.7, 0.7, 'rect'],
  ['51', 5.95, 7.65, 0.7, 0.7, 'rect'],
  ['52', -5.95, 7.65, 0.7, 0.7, 'rect'],
  ['53', -5.95, -2.25, 0.7, 0.7, 'rect'],
];

export function esp32H2Mini1(): Footprint {
  return moduleFootprint({
    name: 'ESP32-H2-MINI-1',
    description: 'Espressif ESP32-H2-MINI-1 / -1U module, 13.2x16.6 mm, 48 lands at 0.8 mm, 3x3 GND thermal lands (49) and four GND corner lands (50-53)',
    body: [-6.6, -8.3, 6.6, 8.3],
    lands: ESP32H2MINI1_LANDS,
    source: 'land sizes and positions read from footprint Espressif:ESP32-H2-MINI-1 (Espressif KiCad library github.com/espressif/kicad-libraries, CC-BY-SA 4.0); data sheet it links: https://www.espressif.com/sites/default/files/documentation/esp32-h2-mini-1_mini-1u_datasheet_en.pdf',
  });
}

/** Nordic nRF9160 SiP, LGA 16x10.5 mm: 102 perimeter lands at 0.5 mm and 59 GND/thermal lands. */
const NORDICNRF9160LGA_LANDS: ModuleLand[] = [
  ['1', -7.87, -5.12, 0.54, 0.54, 'roundrect'],
  ...landRow(2, 19, -7.87, -4.5, 0, 0.5, 0.54, 0.3, 'roundrect'),
  ['21', -7.87, 5.12, 0.54, 0.54, 'roundrect'],
  ...landRow(22, 30, -7.25, 5.12, 0.5, 0, 0.3, 0.54, 'roundrect'),
  ['52', 7.87, 5.12, 0.54, 0.54, 'roundrect'],
  ...landRow(53, 19, 7.87, 4.5, 0, -0.5, 0.54, 0.3, 'roundrect'),
  ['72', 7.87, -5.12, 0.54, 0.54, 'roundrect'],
  ...landRow(73, 30, 7.25, -5.12, -0.5, 0, 0.3, 0.54, 'roundrect'),
  ['103', -6, -3.2, 0.8, 0.8, 'roundrect'],
  ['103', -6, -1.6, 0.8, 0.8, 'roundrect'],
  ['103', -6, 0, 0.8, 0.8, 'roundrect'],
  ['103', -6, 1.6, 0.8, 0.8, 'roundrect'],
  ['103', -6, 3.2, 0.8, 0.8, 'roundrect'],
  ['103', -4, -3.2, 0.8, 0.8, 'roundrect'],
  ['103', -4, -1.6, 0.8, 0.8, 'roundrect'],
  ['103', -4, 0, 0.8, 0.8, 'roundrect'],
  ['103', -4, 1.6, 0.8, 0.8, 'roundrect'],
  ['103', -4, 3.2, 0.8, 0.8, 'roundrect'],
  ['103', -2, -3.2, 0.8, 0.8, 'roundrect'],
  ['103', -2, -1.6, 0.8, 0.8, 'roundrect'],
  ['103', -2, 0, 0.8, 0.8, 'roundrect'],
  ['103', -2, 1.6, 0.8, 0.8, 'roundrect'],
  ['103', -2, 3.2, 0.8, 0.8, 'roundrect'],
  ['103', 0, -3.2, 0.8, 0.8, 'roundrect'],
  ['103', 0, -1.6, 0.8, 0.8, 'roundrect'],
  ['103', 0, 0, 0.8, 0.8, 'roundrect'],
  ['103', 0, 1.6, 0.8, 0.8, 'roundrect'],
  ['103', 0, 3.2, 0.8, 0.8, 'roundrect'],
  ['103', 2, -3.2, 0.8, 0.8, 'roundrect'],
  ['103', 2, -1.6, 0.8, 0.8, 'roundrect'],
  ['103', 2, 0, 0.8, 0.8, 'roundrect'],
  ['103', 2, 1.6, 0.8, 0.8, 'roundrect'],
  ['103', 2, 3.2, 0.8, 0.8, 'roundrect'],
  ['103', 4, -3.2, 0.8, 0.8, 'roundrect'],
  ['103', 4, -1.6, 0.8, 0.8, 'roundrect'],
  ['103', 4, 0, 0.8, 0.8, 'roundrect'],
  ['103', 4, 1.6, 0.8, 0.8, 'roundrect'],
  ['103', 4, 3.2, 0.8, 0.8, 'roundrect'],
  ['103', 6, -3.2, 0.8, 0.8, 'roundrect'],
  ['103', 6, -1.6, 0.8, 0.8, 'roundrect'],
  ['103', 6, 0, 0.8, 0.8, 'roundrect'],
  ['103', 6, 1.6, 0.8, 0.8, 'roundrect'],
  ['103', 6, 3.2, 0.8, 0.8, 'roundrect'],
  ...landRow(104, 4, -5.75, 4.35, 0.5, 0, 0.3, 0.3, 'roundrect'),
  ...landRow(108, 4, -1.75, 4.35, 0.5, 0, 0.3, 0.3, 'roundrect'),
  ...landRow(112, 4, 3.25, 4.35, 0.5, 0, 0.3, 0.3, 'roundrect'),
  ...landRow(116, 4, 4.75, -4.35, -0.5, 0, 0.3, 0.3, 'roundrect'),
  ...landRow(120, 4, -0.25, -4.35, -0.5, 0, 0.3, 0.3, 'roundrect'),
  ...landRow(124, 4, -4.25, -4.35, -0.5, 0, 0.3, 0.3, 'roundrect'),
];

export function nordicNrf9160Lga(): Footprint {
  return moduleFootprint({
    name: 'Nordic_nRF9160-SIxx_LGA-102-59EP_16.0x10.5mm_P0.5mm',
    description: 'Nordic nRF9160 SiP, LGA 16x10.5 mm: 102 perimeter lands at 0.5 mm and 59 GND/thermal lands',
    family: 'lga',
    body: [-8, -5.25, 8, 5.25],
    lands: NORDICNRF9160LGA_LANDS,
    source: 'land sizes and positions read from footprint Package_LGA:Nordic_nRF9160-SIxx_LGA-102-59EP_16.0x10.5mm_P0.5mm (KiCad footprint library 9.0, CC-BY-SA 4.0); data sheet it links: https://docs.nordicsemi.com/bundle/ps_nrf9160/page/mec_spec.html',
  });
}

/** Quectel BG95 LTE-M/NB-IoT module, 19.9x23.6 mm LGA, 102 lands. */
const QUECTELBG95_LANDS: ModuleLand[] = [
  ...landRow(1, 10, -9.15, -9.7, 0, 1.1, 1.1, 0.7, 'roundrect'),
  ...landRow(11, 8, -9.15, 1.9, 0, 1.1, 1.1, 0.7, 'roundrect'),
  ...landRow(19, 6, -7.45, 11, 1.1, 0, 0.7, 1.1, 'roundrect'),
  ...landRow(25, 7, 0.55, 11, 1.1, 0, 0.7, 1.1, 'roundrect'),
  ...landRow(32, 8, 9.15, 9.6, 0, -1.1, 1.1, 0.7, 'roundrect'),
  ...landRow(40, 10, 9.15, 0.2, 0, -1.1, 1.1, 0.7, 'roundrect'),
  ...landRow(50, 7, 7.15, -11, -1.1, 0, 0.7, 1.1, 'roundrect'),
  ...landRow(57, 6, -1.95, -11, -1.1, 0, 0.7, 1.1, 'roundrect'),
  ...landRow(63, 6, -5.95, -4.25, 0, 1.7, 1, 1, 'roundrect'),
  ...landRow(69, 4, -2.55, 7.65, 1.7, 0, 1, 1, 'roundrect'),
  ...landRow(73, 6, 5.95, 4.25, 0, -1.7, 1, 1, 'roundrect'),
  ...landRow(79, 4, 2.55, -7.65, -1.7, 0, 1, 1, 'roundrect'),
  ...landRow(83, 6, -4.25, -4.25, 0, 1.7, 1, 1, 'roundrect'),
  ...landRow(89, 4, -2.55, 5.95, 1.7, 0, 1, 1, 'roundrect'),
  ...landRow(93, 6, 4.25, 4.25, 0, -1.7, 1, 1, 'roundrect'),
  ...landRow(99, 4, 2.55, -5.95, -1.7, 0, 1, 1, 'roundrect'),
];

export function quectelBg95(): Footprint {
  return moduleFootprint({
    name: 'Quectel_BG95',
    description: 'Quectel BG95 LTE-M/NB-IoT module, 19.9x23.6 mm LGA, 102 lands',
    body: [-9.95, -11.8, 9.95, 11.8],
    lands: QUECTELBG95_LANDS,
    source: 'land sizes and positions read from footprint RF_GSM:Quectel_BG95 (KiCad footprint library 9.0, CC-BY-SA 4.0); data sheet it links: https://images.quectel.com/python/sites/2/2023/05/Quectel_BG95_Series_QuecOpen_Hardware_Design_V1.3.pdf',
  });
}

/** SIMCom SIM800C-format module (17.6x15.7 mm, 42 castellated pads at 1.1 mm), also the SIM7020E land pattern. */
const SIMCOMSIM800C_LANDS: ModuleLand[] = [
  ...landRow(1, 12, -7.85, -6.05, 0, 1.1, 1.6, 0.6, 'oval'),
  ...landRow(13, 9, -4.4, 8.8, 1.1, 0, 0.6, 1.6, 'oval'),
  ...landRow(22, 12, 7.85, 6.05, 0, -1.1, 1.6, 0.6, 'oval'),
  ...landRow(34, 9, 4.4, -8.8, -1.1, 0, 0.6, 1.6, 'oval'),
];

export function simcomSim800c(): Footprint {
  return moduleFootprint({
    name: 'SIMCom_SIM800C',
    description: 'SIMCom SIM800C-format module (17.6x15.7 mm, 42 castellated pads at 1.1 mm), also the SIM7020E land pattern',
    body: [-7.85, -8.8, 7.85, 8.8],
    lands: SIMCOMSIM800C_LANDS,
    source: 'land sizes and positions read from footprint RF_GSM:SIMCom_SIM800C (KiCad footprint library 9.0, CC-BY-SA 4.0); data sheet it links: http://simcom.ee/documents/SIM800C/SIM800C_Hardware_Design_V1.05.pdf',
  });
}

/** Espressif ESP32-S3-MINI-1 / -1U module, 15.4x20.5 mm, 60 perimeter lands (0.85 mm pitch), 3x3 GND thermal lands (61) and four GND corner lands (62-65). */
const ESP32S3MINI1_LANDS: ModuleLand[] = [
  ...landRow(1, 15, -7, -3.4, 0, 0.85, 0.8, 0.4, 'rect'),
  ...landRow(16, 15, -5.95, 9.55, 0.85, 0, 0.4, 0.8, 'rect'),
  ...landRow(31, 15, 7, 8.5, 0, -0.85, 0.8, 0.4, 'rect'),
  ...landRow(46, 15, 5.95, -4.45, -0.85, 0, 0.4, 0.8, 'rect'),
  ['61', -1.65, 0.9, 1.2, 1.2, 'roundrect'],
  ['61', -1.65, 2.55, 1.2, 1.2, 'rect'],
  ['61', -1.65, 4.2, 1.2, 1.2, 'rect'],
  ['61', 0, 0.9, 1.2, 1.2, 'rect'],
  ['61', 0, 2.55, 1.2, 1.2, 'rect'],
  ['61', 0, 4.2, 1.2, 1.2, 'rect'],
  ['61', 1.65, 0.9, 1.2, 1.2, 'rect'],
  ['61', 1.65, 2.55, 1.2, 1.2, 'rect'],
  ['61', 1.65, 4.2, 1.2, 1.2, 'rect'],
  ['62', -7, -4.45, 0.8, 0.8, 'rect'],
  ['63', -7, 9.55, 0.8, 0.8, 'rect'],
  ['64', 7, 9.55, 0.8, 0.8, 'rect'],
  ['65', 7, -4.45, 0.8, 0.8, 'rect'],
];

export function esp32S3Mini1(): Footprint {
  return moduleFootprint({
    name: 'ESP32-S3-MINI-1',
    description: 'Espressif ESP32-S3-MINI-1 / -1U module, 15.4x20.5 mm, 60 perimeter lands (0.85 mm pitch), 3x3 GND thermal lands (61) and four GND corner lands (62-65)',
    body: [-7.7, -9.75, 7.7, 10.25],
    lands: ESP32S3MINI1_LANDS,
    source: 'land sizes and positions read from footprint RF_Module:ESP32-S2-MINI-1 (KiCad footprint library 9.0, CC-BY-SA 4.0); the footprint KiCad symbol RF_Module:ESP32-S3-MINI-1 names; data sheet it links: https://www.espressif.com/sites/default/files/documentation/esp32-s3-mini-1_mini-1u_datasheet_en.pdf',
  });
}

/**
 * Digi XBee through-hole module (XBee S1/S2C/XBee 3 "TH" form factor), 24.38 mm wide: two rows of
 * ten pins at 2.0 mm pitch, rows 22 mm apart; pins 1-10 down the left row, 11-20 up the right row.
 */
const xbeePin = (n: number, x: number, y: number): ModuleLand => [String(n), x, y, 1.7, 1.7, 'circle', 0.7];
const XBEE20THT_LANDS: ModuleLand[] = [
  ...Array.from({ length: 10 }, (_, i) => xbeePin(1 + i, -11, -9 + 2 * i)),
  ...Array.from({ length: 10 }, (_, i) => xbeePin(11 + i, 11, 9 - 2 * i)),
];

export function xbee20Tht(): Footprint {
  return moduleFootprint({
    name: 'XBEE-20_THT',
    description: 'Digi XBee through-hole module, 20 pins in two rows of ten (2.0 mm pitch, rows 22 mm apart), 1.7 mm pads, 0.7 mm drill',
    body: [-12.25, -17, 12.25, 10.6],
    lands: XBEE20THT_LANDS,
    source: 'pad sizes, drills and positions read from footprint digikey-footprints:XBEE-20_THT of the Digi-Key KiCad library (github.com/Digi-Key/digikey-kicad-library, CC-BY-SA 4.0); data sheet it links: https://www.digi.com/pdf/ds_xbeemultipointmodules.pdf',
  });
}

/**
 * u-blox NINA-W10 (NINA-W101/W102) module, 10x14 mm LGA: ten lands down each long side (1.0 mm
 * pitch), five on the row under the antenna (11-15) and five at the far end (26-30), an inner row
 * (31-36) and a 12-land ground grid (37-48). The antenna end is y > 3.2.
 */
const NINAW10_LANDS: ModuleLand[] = [
  ...landRow(1, 10, -4.125, -6.2, 0, 1, 1.15, 0.7),
  ...landRow(11, 5, -2, 2.725, 1, 0, 0.7, 1.15),
  ...landRow(16, 10, 4.125, 2.8, 0, -1, 1.15, 0.7),
  ...landRow(26, 5, 2, -6.125, -1, 0, 0.7, 1.15),
  ...landRow(31, 6, -2.75, -4.75, 1.1, 0, 0.7, 0.7),
  ['37', -0.575, -3.42, 0.7, 0.7], ['38', 0.575, -3.42, 0.7, 0.7],
  ['39', -1.725, -2.27, 0.7, 0.7], ['40', -0.575, -2.27, 0.7, 0.7], ['41', 0.575, -2.27, 0.7, 0.7], ['42', 1.725, -2.27, 0.7, 0.7],
  ['43', -0.575, -1.12, 0.7, 0.7], ['44', 0.575, -1.12, 0.7, 0.7],
  ['45', -1.725, 0.03, 0.7, 0.7], ['46', -0.575, 0.03, 0.7, 0.7], ['47', 0.575, 0.03, 0.7, 0.7], ['48', 1.725, 0.03, 0.7, 0.7],
];

export function ubloxNinaW10(): Footprint {
  return moduleFootprint({
    name: 'ublox_NINA-W10',
    description: 'u-blox NINA-W101/W102 module, 10x14 mm LGA, 48 lands (36 signal + 12 ground grid), antenna end at +y',
    body: [-5, -7, 5, 7],
    lands: NINAW10_LANDS,
    source: 'land sizes and positions read from the SnapEDA footprint XCVR_NINA-W102 (CC-BY-SA 4.0 with design exception) as committed in github.com/Roboy/bldc_testbed, pcbs/kicad_db/custom_modules/NINA-W102.mod; data sheet: u-blox NINA-W10 data sheet UBX-17065507',
  });
}

/** Microchip RN2483 / RN2483A LoRa module, 17.8x26.7 mm, 47 castellated pads (1.27 mm pitch): 20 down the left, 7 along the bottom, 20 up the right. */
const RN2483_LANDS: ModuleLand[] = [
  ...landRow(1, 20, -8.89, -12.065, 0, 1.27, 1.524, 1.016),
  ...landRow(21, 7, -3.81, 13.335, 1.27, 0, 1.016, 1.524), // KiCad rotates these 90 degrees
  ...landRow(28, 20, 8.89, 12.065, 0, -1.27, 1.524, 1.016),
];

export function rn2483(): Footprint {
  return moduleFootprint({
    name: 'RN2483',
    description: 'Microchip RN2483 / RN2483A LoRa module, 17.8x26.7 mm, 47 castellated pads (1.27 mm pitch)',
    body: [-8.89, -13.335, 8.89, 13.335],
    lands: RN2483_LANDS,
    source: 'land sizes and positions read from footprint RF_Module:RN2483 (KiCad footprint library 9.0, CC-BY-SA 4.0)',
  });
}

/**
 * Microchip 36-lead PCB module (LDB) 22.4x14.7 mm of the ATWINC3400-MR210CA and ATWILC3000-MR110CA:
 * 13 pads down the pin-1 side, 11 across the end, 12 up the other side (1.204 mm pitch, 1.88x0.813 mm),
 * and the 4.4 mm ground paddle (pad 37). The antenna end is y < -8.5.
 */
const MICROCHIP_LDB36_LANDS: ModuleLand[] = [
  ...landRow(1, 13, -7.366, -7.826, 0, 1.204, 1.88, 0.813),
  ...landRow(14, 11, -6.02, 8.607, 1.204, 0, 0.813, 1.88),
  ...landRow(25, 12, 7.366, 6.622, 0, -1.204, 1.88, 0.813),
  ['37', -0.048, -1.698, 4.4, 4.4],
];

export function microchipLdb36(): Footprint {
  return moduleFootprint({
    name: 'Microchip_LDB-36_22.4x14.7mm',
    description: 'Microchip 36-lead PCB module (LDB) 22.4x14.7 mm, 1.204 mm pitch castellated pads and 4.4 mm ground paddle 37 (ATWINC3400-MR210CA, ATWILC3000-MR110CA)',
    body: [-7.366, -13.821, 7.366, 8.607],
    lands: MICROCHIP_LDB36_LANDS,
    source: 'recommended land pattern of Microchip drawing C04-21306-CA-LDB Rev D (36-Lead PCB Module, 22.4x14.7 mm, for ATWILC3000-MR110CA and ATWINC3400-MR210CA): 1.204 mm pitch, 1.880x0.813 mm pads, side rows 14.732 mm apart, end row 1.985 mm past pad 13, paddle 4.400 mm with edges 5.118/5.214 mm from the side rows and centre 6.128 mm from pad 1 along the pin-1 row (the paddle position along the row also agrees within 0.01 mm with a public Eagle package PACKAGE_ATWINC3400-MR210XA)',
  });
}
