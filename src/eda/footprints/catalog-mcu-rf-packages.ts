import type { CatalogEntry } from './catalog-entry.js';
import { landEntry, quadLands } from './land-table.js';
import { qfn } from './quad.js';
import { esp32H2Mini1, microchipLdb36, esp32S3Mini1, espWroom02, hoperfRfm9xwSmd, nordicNrf9160Lga, quectelBg95, rak3172, raytacMdbt50q, rn2483, simcomSim800c, ubloxNinaW10, xbee20Tht } from './rf-modules.js';

/**
 * Packages of the library's microcontrollers, radios and RF modules (docs/footprints.md):
 * each entry names where its land pattern comes from.
 */

/**
 * A QFN whose body, pitch and exposed pad differ from the generic QFN-n entries in catalog.ts; the
 * lands are computed (IPC-7351B via quad.ts) from the package dimensions the outline names.
 */
const qfnPackage = (name: string, aliases: string[], pins: number, body: number, pitch: number, ep: number, outline: string): CatalogEntry => ({
  name,
  family: 'qfn',
  description: `QFN-${pins} ${body}x${body} mm, ${pitch} mm pitch, EP ${ep} mm (pad ${pins + 1}); ${outline}`,
  aliases,
  bodyMm: [body, body],
  pitchMm: pitch,
  epMm: [ep, ep],
  build: () => qfn({ name, description: `QFN-${pins} ${body}x${body} mm, ${pitch} mm pitch, exposed pad ${ep} mm`, pins, bodyMm: body, pitchMm: pitch, ep, outline }),
});

export const MCU_RF_PACKAGES: CatalogEntry[] = [
  qfnPackage('QFN-48-1EP_6x6mm_P0.4mm_EP4.6x4.6mm', ['QFN-48-6X6-P0.4', 'NRF52832-QFN48', 'NRF52810-QFN48'], 48, 6, 0.4, 4.6,
    'Nordic nRF52832/nRF52810 QFN48 6x6 mm (body, pitch and EP as KiCad footprint Package_DFN_QFN:QFN-48-1EP_6x6mm_P0.4mm_EP4.6x4.6mm states them)'),
  qfnPackage('WQFN-28-1EP_4x4mm_P0.4mm_EP2.7x2.7mm', ['QFN-28-4X4-P0.4', 'CH32V203-QFN28'], 28, 4, 0.4, 2.7,
    'WCH CH32V203G QFN28 4x4 mm (body, pitch and EP as KiCad footprint Package_DFN_QFN:WQFN-28-1EP_4x4mm_P0.4mm_EP2.7x2.7mm states them)'),
  qfnPackage('QFN-64-1EP_9x9mm_P0.5mm_EP4.7x4.7mm', ['QFN-64', 'QFN64', 'VQFN-64'], 64, 9, 0.5, 4.7,
    'Microchip SAM L21 QFN64 9x9 mm (body, pitch and EP as KiCad footprint Package_DFN_QFN:QFN-64-1EP_9x9mm_P0.5mm_EP4.7x4.7mm states them)'),
  qfnPackage('QFN-60-1EP_7x7mm_P0.4mm_EP3.4x3.4mm', ['QFN-60', 'QFN60', 'RP2350A-QFN60'], 60, 7, 0.4, 3.4,
    'Raspberry Pi RP2350A QFN-60 7x7 mm (body, pitch and EP as KiCad footprint Package_DFN_QFN:QFN-60-1EP_7x7mm_P0.4mm_EP3.4x3.4mm states them)'),
  qfnPackage('Texas_RGP0020H_VQFN-20-1EP_4x4mm_P0.5mm_EP2.4x2.4mm', ['VQFN-20-RGP', 'CC1101-QFN20', 'CC2500-QFN20'], 20, 4, 0.5, 2.4,
    'TI RGP0020H VQFN-20 4x4 mm as used by CC1101/CC2500 (body, pitch and EP as KiCad footprint Package_DFN_QFN:Texas_RGP0020H_VQFN-20-1EP_4x4mm_P0.5mm_EP2.4x2.4mm states them)'),
  { name: 'ESP-WROOM-02', family: 'module', description: 'Espressif ESP-WROOM-02 / -02D / -02U module, 18 castellated pads + GND pad 19 (lands read from KiCad footprint RF_Module:ESP-WROOM-02)', aliases: ['ESP-WROOM-02D', 'ESP-WROOM-02U'], build: espWroom02 },
  { name: 'HOPERF_RFM9XW_SMD', family: 'module', description: 'HopeRF RFM95W/96W/98W LoRa module, 16 castellated pads (lands read from KiCad footprint RF_Module:HOPERF_RFM9XW_SMD)', aliases: ['RFM95W', 'RFM96W', 'RFM98W', 'RFM95W-SMD'], build: hoperfRfm9xwSmd },
  { name: 'RAK3172', family: 'module', description: 'RAKwireless RAK3172 STM32WLE5 LoRa module, 32 castellated pads (lands read from KiCad footprint RF_Module:RAK3172)', aliases: ['RAK3172-SM', 'RAK3172-8-SM-I'], build: rak3172 },
  { name: 'Raytac_MDBT50Q', family: 'module', description: 'Raytac MDBT50Q nRF52840 module, 61 lands (lands read from KiCad footprint RF_Module:Raytac_MDBT50Q)', aliases: ['MDBT50Q', 'MDBT50Q-1MV2', 'MDBT50Q-P1MV2', 'MDBT50Q-512K'], build: raytacMdbt50q },
  { name: 'ESP32-S3-MINI-1', family: 'module', description: 'Espressif ESP32-S3-MINI-1 / -1U module, 65 lands (lands read from KiCad footprint RF_Module:ESP32-S2-MINI-1, which KiCad symbol ESP32-S3-MINI-1 names)', aliases: ['ESP32-S3-MINI-1U', 'ESP32-S3-MINI-1-N8', 'ESP32-S3-MINI-1-N8R2', 'ESP32-S3-MINI-1-N4R2'], build: esp32S3Mini1 },
  { name: 'ESP32-H2-MINI-1', family: 'module', description: 'Espressif ESP32-H2-MINI-1 / -1U module, 53 lands (lands read from footprint Espressif:ESP32-H2-MINI-1 of Espressif KiCad library)', aliases: ['ESP32-H2-MINI-1U', 'ESP32-H2-MINI-1-H4', 'ESP32-H2-MINI-1-H2'], build: esp32H2Mini1 },
  { name: 'Nordic_nRF9160-SIxx_LGA-102-59EP_16.0x10.5mm_P0.5mm', family: 'lga', description: 'Nordic nRF9160 SiP LGA 16x10.5 mm (lands read from KiCad footprint Package_LGA:Nordic_nRF9160-SIxx_LGA-102-59EP_16.0x10.5mm_P0.5mm)', aliases: ['NRF9160-SIAA', 'NRF9160-SICA', 'NRF9160-LGA'], build: nordicNrf9160Lga },
  { name: 'Quectel_BG95', family: 'module', description: 'Quectel BG95 series LGA module, 102 lands (lands read from KiCad footprint RF_GSM:Quectel_BG95)', aliases: ['BG95-M1', 'BG95-M2', 'BG95-M3', 'QUECTEL-BG95'], build: quectelBg95 },
  { name: 'SIMCom_SIM800C', family: 'module', description: 'SIMCom SIM800C-format LCC module, 42 pads, also used by SIM7020E (lands read from KiCad footprint RF_GSM:SIMCom_SIM800C)', aliases: ['SIM800C', 'SIM7020E-LCC42', 'SIM7020C-LCC42'], build: simcomSim800c },
  { name: 'XBEE-20_THT', family: 'module', description: 'Digi XBee through-hole module (S1/S2C/XBee 3 TH), 20 pins at 2.0 mm pitch (pads read from Digi-Key KiCad library footprint XBEE-20_THT)', aliases: ['XBEE-TH', 'XBEE-THT-20', 'XBEE3-TH', 'XB3-24Z8PT'], build: xbee20Tht },
  { name: 'ublox_NINA-W10', family: 'module', description: 'u-blox NINA-W101/W102 10x14 mm LGA module, 48 lands (read from the SnapEDA footprint XCVR_NINA-W102)', aliases: ['NINA-W102', 'NINA-W101', 'NINA-W10', 'NINA-W102-00B'], build: ubloxNinaW10 },
  { name: 'RN2483', family: 'module', description: 'Microchip RN2483/RN2483A LoRa module, 47 castellated pads (lands read from KiCad footprint RF_Module:RN2483)', aliases: ['RN2483A', 'RN2483A-I/RM103', 'RN2483A-I/RM104', 'LORA_Module_RM103'], build: rn2483 },
  { name: 'Microchip_LDB-36_22.4x14.7mm', family: 'module', description: 'Microchip 36-lead PCB module (LDB) 22.4x14.7 mm of the ATWINC3400-MR210CA / ATWILC3000-MR110CA (lands from Microchip drawing C04-21306-CA-LDB)', aliases: ['ATWINC3400-MR210CA', 'ATWINC3400-MR210UA', 'ATWILC3000-MR110CA', 'LDB-36'], build: microchipLdb36 },
  landEntry({
    name: 'QFN-20-1EP_4x4mm_P0.5mm_EP2.5x2.5mm', family: 'qfn', aliases: ['NRF24L01-QFN20', 'NRF24L01P-QFN20'],
    description: 'QFN-20 4x4 mm, 0.5 mm pitch, exposed pad 2.5x2.5 mm (pad 21); the footprint KiCad symbol RF:nRF24L01P names',
    source: 'land sizes and positions read from KiCad footprint Package_DFN_QFN:QFN-20-1EP_4x4mm_P0.5mm_EP2.5x2.5mm (KiCad footprint library 9.0, CC-BY-SA 4.0); the exposed pad drawn whole (KiCad adds four paste windows)',
    body: [4, 4], pitchMm: 0.5,
    lands: quadLands(5, 0.5, 1.9375, 0.825, 0.25, [2.5, 2.5]),
  }),
];
