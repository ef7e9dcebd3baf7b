import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/eda/library/index.js';
import { resolveFootprint } from '../../../src/eda/footprints/index.js';
import { expectCheckedRecord, padsOf, readCheckedFile } from './checked-file.js';

/**
 * The microcontroller and radio records of data/library/checked-parts-mcu-rf.json (docs/library.md,
 * "Checked pinouts"): each replaces an imported record whose pin list was a family template, so each
 * must pass the pin check (docs/library.md, "Pin check") and name its source. The pad numbers
 * asserted below are the vendors' pin tables as each record's `pinout_source` cites them.
 */
const library = loadLibrary();
const file = readCheckedFile('checked-parts-mcu-rf.json');

/** [part id, pin name, pad numbers] from the pin tables. */
const EXPECTED: [string, string, string[]][] = [
  ['atmega328pb-au', 'RESET', ['29']],
  ['atmega328pb-au', 'AVCC', ['18']],
  ['atmega328pb-au', 'PE0', ['3']],
  ['atmega328pb-au', 'GND', ['5', '21']],
  ['attiny85v-10mu', 'RESET', ['1']],
  ['attiny85v-10mu', 'VCC', ['15']],
  ['attiny85v-10mu', 'GND', ['8', '21']],
  ['stm32g031k8t6', 'VDD', ['4']],
  ['stm32g031k8t6', 'PA13', ['24']],
  ['stm32l452ret6', 'NRST', ['7']],
  ['stm32l452ret6', 'VSS', ['18', '31', '47', '63']],
  ['samd21g18a-mu', 'RESET', ['40']],
  ['stm32f401ccu6', 'BOOT0', ['44']],
  ['ch32v003f4p6', 'VSS', ['7']],
  ['ch32v003f4p6', 'VDD', ['9']],
  ['ch32v003f4p6', 'PD1', ['18']],
  ['stm32c011f4p6', 'PA13', ['18']],
  ['nrf52832-qfaa-r7', 'ANT', ['30']],
  ['nrf52832-qfaa-r7', 'VSS', ['31', '45', '49']],
  ['nrf52810-qfaa-r7', 'RESET', ['24']],
  ['ch32v203g6u6', 'RST', ['4']],
  ['saml21j18b-mu', 'VSW', ['55']],
  ['rp2350a', 'RUN', ['26']],
  ['rp2350a', 'GND', ['61']],
  ['cc2500rget', 'AVDD', ['9', '11', '14', '15']],
  ['sx1262-868m', 'BUSY', ['14']],
  ['sx1262-868m', 'RFO', ['23']],
  ['esp-wroom-02d', 'EN', ['2']],
  ['esp-wroom-02d', 'GND', ['9', '13', '18', '19']],
  ['rfm95w-915s2', 'ANT', ['9']],
  ['rfm95w-915s2', 'NSS', ['5']],
  ['rak3172', 'RF', ['12']],
  ['rak3172', 'BOOT0', ['21']],
  ['esp32-s3-mini-1-n8', 'EN', ['45']],
  ['esp32-s3-mini-1-n8', 'USB_D+', ['24']],
  ['nrf52840-qiaa-r7', 'RESET', ['AC13']],
  ['nrf52840-qiaa-r7', 'D+', ['AD6']],
  ['mdbt50q-1mv2', 'VBUS', ['32']],
  ['rp2040', 'IOVDD', ['1', '10', '22', '33', '42', '49']],
  ['rp2040', 'DVDD', ['23', '50']],
  ['rp2040', 'QSPI_SS', ['56']],
  ['esp32-s3-wroom-1', 'USB_D-', ['13']],
  ['esp32-s3-wroom-1', 'IO0', ['27']],
  ['nrf52840-qiaa', 'RESET', ['AC13']],
  ['nrf52840-qiaa', 'ANT', ['H23']],
  ['esp32-c3-mini-1', 'EN', ['8']],
  ['esp32-c3-mini-1', 'GPIO9', ['23']],
  ['esp32-c3-mini-1', 'GPIO18', ['26']],
  ['esp32-c3-mini-1-n4', 'GPIO21', ['31']],
  ['esp32-h2-mini-1-h4', 'VBAT', ['15']],
  ['esp32-h2-mini-1-h4', 'GPIO27', ['27']],
  ['nrf9160-sica-r3', 'RESET', ['32']],
  ['nrf9160-sica-r3', 'ANT', ['61']],
  ['bg95-m2', 'PWRKEY', ['15']],
  ['bg95-m2', 'ANT_MAIN', ['60']],
  ['sim7020e', 'VBAT', ['34', '35']],
  ['sim7020e', 'ANT', ['32']],
  ['rfm69hcw', 'NSS', ['5']],
  ['rfm69hcw', 'GND', ['1', '8', '10']],
  ['mdbt50q-1mv2', 'GND', ['1', '2', '15', '33', '55']],
  ['stm32h503kbt6', 'NRST', ['4']],
  ['stm32h503kbt6', 'VSS', ['33']],
  ['stm32h503kbt6', 'BOOT0', ['31']],
  ['sx1280imltrt', 'BUSY', ['7']],
  ['sx1280imltrt', 'RFIO', ['22']],
  ['sx1280imltrt', 'GND', ['5', '13', '20', '21', '23', '24', '25']],
  ['nrf54l15-qkaa-r7', 'ANT', ['31']],
  ['nrf54l15-qkaa-r7', 'RESET', ['30']],
  ['nrf54l15-qkaa-r7', 'VSS', ['44', '49']],
  ['xbee3-zigbee', 'DOUT', ['2']],
  ['xbee3-zigbee', 'GND', ['10']],
  ['xbee3-zigbee', 'DIO0', ['20']],
  ['ublox-nina-w102', 'GPIO_22', ['22']],
  ['ublox-nina-w102', 'ANT', ['13']],
  ['ublox-nina-w102', 'VCC', ['10']],
  ['rwg0050aa00000', 'UART_TX', ['6']],
  ['rwg0050aa00000', 'VDD', ['12', '34']],
  ['rwg0050aa00000', 'RFH', ['23']],
  ['at-winc3400-mr210ca', 'RESETN', ['7']],
  ['at-winc3400-mr210ca', 'IRQN', ['33']],
  ['at-winc3400-mr210ca', 'GND', ['1', '13', '21', '28', '36', '37']],
];

/** [footprint, distinct pad numbers, what its `source` must name]: the packages catalog-mcu-rf-packages.ts adds. */
const FOOTPRINTS: [string, number, RegExp][] = [
  ['QFN-48-1EP_6x6mm_P0.4mm_EP4.6x4.6mm', 49, /IPC-7351B/],
  ['WQFN-28-1EP_4x4mm_P0.4mm_EP2.7x2.7mm', 29, /IPC-7351B/],
  ['QFN-64-1EP_9x9mm_P0.5mm_EP4.7x4.7mm', 65, /IPC-7351B/],
  ['QFN-60-1EP_7x7mm_P0.4mm_EP3.4x3.4mm', 61, /IPC-7351B/],
  ['Texas_RGP0020H_VQFN-20-1EP_4x4mm_P0.5mm_EP2.4x2.4mm', 21, /IPC-7351B/],
  ['ESP-WROOM-02', 19, /KiCad footprint library 9\.0/],
  ['HOPERF_RFM9XW_SMD', 16, /KiCad footprint library 9\.0/],
  ['RAK3172', 32, /KiCad footprint library 9\.0/],
  ['Raytac_MDBT50Q', 61, /KiCad footprint library 9\.0/],
  ['ESP32-S3-MINI-1', 65, /KiCad footprint library 9\.0/],
  ['ESP32-H2-MINI-1', 53, /espressif\/kicad-libraries/],
  ['Quectel_BG95', 102, /KiCad footprint library 9\.0/],
  ['SIMCom_SIM800C', 42, /KiCad footprint library 9\.0/],
  ['Nordic_nRF9160-SIxx_LGA-102-59EP_16.0x10.5mm_P0.5mm', 127, /KiCad footprint library 9\.0/],
  ['XBEE-20_THT', 20, /digikey-kicad-library/],
  ['ublox_NINA-W10', 48, /SnapEDA/],
  ['RN2483', 47, /KiCad footprint library 9\.0/],
  ['Microchip_LDB-36_22.4x14.7mm', 37, /C04-21306-CA-LDB/],
];

describe('checked microcontroller and radio pinouts', () => {
  it.each(FOOTPRINTS)('footprint %s resolves with %i pad numbers and names its land source', (name, pads, source) => {
    const fp = resolveFootprint(name);
    expect(fp?.name).toBe(name);
    expect(new Set(fp!.pads.map((p) => p.number)).size).toBe(pads);
    expect(fp!.source).toMatch(source);
  });

  it('the file has its format, a true count and one record per id', () => {
    expect(file.format).toBe('zaptrace-library-parts');
    expect(file.count).toBe(file.parts.length);
    expect(new Set(file.parts.map((p) => p.id)).size).toBe(file.parts.length);
  });

  it('every record is the one the library serves, fits the model, passes the pin check and names its source', () => {
    for (const { id } of file.parts) {
      const part = library.get(id);
      expectCheckedRecord(library, id, 'checked-parts-mcu-rf.json', /\S/, true);
      expect(part!.pins.every((p) => p.number !== null && p.number !== ''), id).toBe(true);
    }
  });

  it('the nRF52840 module lands on its 61-land footprint, USB and supply pads included', () => {
    const part = library.get('mdbt50q-1mv2')!;
    expect(part.category).toBe('rf');
    const fp = resolveFootprint(part.footprint)!;
    expect(new Set(fp.pads.map((p) => p.number)).size).toBe(61);
    const pads = padsOf(library, 'mdbt50q-1mv2');
    for (const pin of ['VDD', 'VDDH', 'DCCH', 'D-', 'D+', 'SWDIO', 'SWDCLK']) expect(pads[pin], pin).toHaveLength(1);
  });

  it.each(EXPECTED)('%s: pin %s sits on pads %j', (id, pin, pads) => {
    expect(padsOf(library, id)[pin]).toEqual(pads);
  });

  it('CC1101 and nRF24L01+ take the Digi-Key KiCad library pin tables, exposed pads included', () => {
    // Digi-Key CC1101RGPR: SCLK 1, SO 2, CSn 7, AVDD 9/11/14/15, GND 16/19 and exposed pad 21, SI 20.
    expect(padsOf(library, 'cc1101')).toMatchObject({ SCLK: ['1'], SO: ['2'], CS: ['7'], AVDD: ['9', '11', '14', '15'], GND: ['16', '19', '21'], SI: ['20'] });
    // Digi-Key NRF24L01P-R7: CE 1, CSN 2, VDD 7/15/18, VSS 8/14/17/20, ANT1 12, ANT2 13, exposed pad 21 not connected.
    expect(padsOf(library, 'nrf24l01')).toMatchObject({ CE: ['1'], CSN: ['2'], VDD: ['7', '15', '18'], VSS: ['8', '14', '17', '20'], ANT1: ['12'], ANT2: ['13'], EP: ['21'] });
    expect(library.get('nrf24l01')!.pins.find((p) => p.name === 'EP')!.type).toBe('no_connect');
  });
});
