import { describe, expect, it } from 'vitest';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import { PIN_TABLES } from '../../../src/eda/footprints/pin-tables.js';
import { isZapTraceError } from '../../../src/kernel/errors.js';

const fp = (name: string) => {
  const f = resolveFootprint(name);
  if (!f) throw new Error(`no footprint ${name}`);
  return f;
};
const pins = (...names: string[]) => names.map((name) => ({ name, number: null }));

describe('mapPinsToPads', () => {
  it('resistors/capacitors: P1 → 1, P2 → 2', () => {
    expect(mapPinsToPads(fp('0402'), pins('P1', 'P2'), { type: 'RES', ref: 'R1' })).toEqual({ map: { P1: ['1'], P2: ['2'] }, unmapped: [], assumed: [] });
  });

  it('LEDs and diodes follow KiCad: pad 1 = cathode, pad 2 = anode, whatever the declared order', () => {
    const r = mapPinsToPads(fp('LED-0603'), pins('ANODE', 'CATHODE'), { type: 'LED-0603', ref: 'D1' });
    expect(r.map).toEqual({ ANODE: ['2'], CATHODE: ['1'] });
    expect(mapPinsToPads(fp('SOD-123'), pins('A', 'K')).map).toEqual({ A: ['2'], K: ['1'] });
    // A TVS's protected line is its cathode.
    expect(mapPinsToPads(fp('SOD-323'), pins('IO', 'GND'), { type: 'TVS', ref: 'D1' }).map).toEqual({ IO: ['1'], GND: ['2'] });
  });

  it('an explicit pin number wins over every convention', () => {
    const r = mapPinsToPads(fp('LED-0603'), [{ name: 'ANODE', number: '1' }, { name: 'CATHODE', number: '2' }]);
    expect(r.map).toEqual({ ANODE: ['1'], CATHODE: ['2'] });
    const bad = mapPinsToPads(fp('0402'), [{ name: 'X', number: '7' }]);
    expect(bad.unmapped).toEqual(['X']);
  });

  it('numeric pin names map directly', () => {
    expect(mapPinsToPads(fp('SOIC-8'), pins('1', '8', '4')).map).toEqual({ 1: ['1'], 8: ['8'], 4: ['4'] });
  });

  it('ESP32-WROOM-32: datasheet pin table, GND to every ground pad including the EP', () => {
    const r = mapPinsToPads(fp('ESP32-WROOM-32'), pins('GND', 'VCC', 'EN', 'GPIO21', 'GPIO22', 'IO4', 'GPIO0'), { type: 'ESP32-WROOM-32', ref: 'U1' });
    expect(r.map).toEqual({ GND: ['1', '15', '38', '39'], VCC: ['2'], EN: ['3'], GPIO21: ['33'], GPIO22: ['36'], IO4: ['26'], GPIO0: ['25'] });
    expect(r.unmapped).toEqual([]);
  });

  it('ESP32-C3-MINI-1: 61 lands, GND to every ground land, GPIO18/19 are the USB pins, flash GPIOs have no land', () => {
    const f = fp('ESP32-C3-MINI-1');
    expect(f.pads).toHaveLength(48 + 9 + 4);
    const r = mapPinsToPads(f, pins('GND', 'VCC', 'EN', 'GPIO0', 'GPIO4', 'GPIO5', 'GPIO10', 'USB_DM', 'GPIO19', 'GPIO21', 'GPIO12'));
    expect(r.map.GND).toEqual(['1', '2', '11', '14', ...Array.from({ length: 18 }, (_, i) => String(36 + i))]);
    expect(r.map).toMatchObject({ VCC: ['3'], EN: ['8'], GPIO0: ['12'], GPIO4: ['18'], GPIO5: ['19'], GPIO10: ['16'], USB_DM: ['26'], GPIO19: ['27'], GPIO21: ['31'] });
    expect(r.unmapped).toEqual(['GPIO12']);
  });

  it('nRF52840-QIAA aQFN-73: 73 lands + EP, every land named once in the pin table, P0_26 and P0.26 spellings, PA ground implied', () => {
    const f = fp('nRF52840-QIAA');
    expect(f.pads).toHaveLength(74);
    const table = PIN_TABLES.find((t) => t.id === 'nrf52840-qiaa')!;
    const sites = Object.values(table.pins).flat().sort();
    expect(sites).toEqual(f.pads.map((p) => p.number).sort());
    const r = mapPinsToPads(f, pins('VDD', 'GND', 'P0_26', 'P0.27', 'RESET', 'SWDCLK', 'SWDIO'));
    expect(r.map).toEqual({ VDD: ['B1', 'W1', 'A22', 'AD14', 'AD23'], GND: ['B7', 'EP', 'F23'], P0_26: ['G1'], 'P0.27': ['H2'], RESET: ['AC13'], SWDCLK: ['AA24'], SWDIO: ['AC24'] });
    // the ring geometry: G1 on the outer ring, H2 on the inner one
    const at = (n: string) => f.pads.find((p) => p.number === n)!.at;
    expect(at('G1')).toEqual([-3.25, -1.25]);
    expect(at('H2')).toEqual([-2.75, -1]);
  });

  it('SX1276 QFN-28: three supply pins, four ground pads with the EP, SPI on 16-19', () => {
    const r = mapPinsToPads(fp('SX1276-QFN28'), pins('VDD', 'GND', 'SCK', 'MISO', 'MOSI', 'NSS', 'RESET', 'DIO0', 'PA_BOOST', 'XTA', 'XTB'));
    expect(r.map).toEqual({ VDD: ['3', '14', '24'], GND: ['15', '23', '26', '29'], SCK: ['16'], MISO: ['17'], MOSI: ['18'], NSS: ['19'], RESET: ['7'], DIO0: ['8'], PA_BOOST: ['27'], XTA: ['5'], XTB: ['6'] });
    expect(r.unmapped).toEqual([]);
  });

  it('ESP32-S3-WROOM-1: USB pins and ground pads', () => {
    const r = mapPinsToPads(fp('ESP32-S3-WROOM-1'), pins('VCC', 'GND', 'USB_D+', 'USB_D-', 'GPIO4', 'EN'));
    expect(r.map).toEqual({ VCC: ['2'], GND: ['1', '40', '41'], 'USB_D+': ['14'], 'USB_D-': ['13'], GPIO4: ['4'], EN: ['3'] });
  });

  it('AMS1117 on SOT-223: GND 1, OUTPUT 2 and the tab 4, INPUT 3', () => {
    const r = mapPinsToPads(fp('SOT-223'), pins('INPUT', 'OUTPUT', 'GND'), { type: 'AMS1117-3.3', ref: 'U3' });
    expect(r.map).toEqual({ INPUT: ['3'], OUTPUT: ['2', '4'], GND: ['1'] });
  });

  it('USB-C 16P: power, data, CC, SBU and shield', () => {
    const r = mapPinsToPads(fp('USB-C-16P-SMD'), pins('VBUS', 'GND', 'D+', 'D-', 'CC1', 'CC2', 'SBU1', 'SBU2', 'SHIELD'));
    expect(r.map).toEqual({
      VBUS: ['A4', 'A9', 'B4', 'B9'],
      GND: ['A1', 'A12', 'B1', 'B12'],
      'D+': ['A6', 'B6'],
      'D-': ['A7', 'B7'],
      CC1: ['A5'],
      CC2: ['B5'],
      SBU1: ['A8'],
      SBU2: ['B8'],
      SHIELD: ['S1'],
    });
  });

  it('BME280: SDA is SDI; VDDIO pads join VDD when the design has no VDDIO pin', () => {
    const r = mapPinsToPads(fp('LGA-8'), pins('VDD', 'GND', 'SDA', 'SCK', 'CSB', 'SDO'), { type: 'BME280' });
    expect(r.map).toEqual({ VDD: ['8', '6'], GND: ['1', '7'], SDA: ['3'], SCK: ['4'], CSB: ['2'], SDO: ['5'] });
    const withIo = mapPinsToPads(fp('LGA-8'), pins('VDD', 'VDDIO'));
    expect(withIo.map).toEqual({ VDD: ['8'], VDDIO: ['6'] });
  });

  it('RP2040: GP<n> spelling and IOVDD to all six supply pads', () => {
    const r = mapPinsToPads(fp('RP2040-QFN-56'), pins('IOVDD', 'GND', 'USB_DP', 'USB_DM', 'GP0', 'GP7', 'VREG_VIN'));
    expect(r.map).toEqual({ IOVDD: ['1', '10', '22', '33', '42', '49'], GND: ['57'], USB_DP: ['47'], USB_DM: ['46'], GP0: ['2'], GP7: ['9'], VREG_VIN: ['44'] });
  });

  it('part tables selected by type on generic footprints', () => {
    expect(mapPinsToPads(fp('SOT-23-5'), pins('VDD', 'VBAT', 'PROG', 'STAT', 'VSS'), { type: 'MCP73831T' }).map).toEqual({ VDD: ['4'], VBAT: ['3'], PROG: ['5'], STAT: ['1'], VSS: ['2'] });
    expect(mapPinsToPads(fp('DIP-8'), pins('VCC', 'GND', 'PB0', 'PB3'), { type: 'ATtiny85-20PU' }).map).toEqual({ VCC: ['8'], GND: ['4'], PB0: ['5'], PB3: ['2'] });
    const stm = mapPinsToPads(fp('STM32F103C8T6-LQFP48'), pins('VDD', 'GND', 'PA9', 'PA10', 'PB6'), { type: 'STM32F103C8T6' });
    expect(stm.map).toEqual({ VDD: ['24', '36', '48', '9'], GND: ['23', '35', '47', '8'], PA9: ['30'], PA10: ['31'], PB6: ['42'] });
  });

  it('ICs without a table are never filled by declared order: pins stay unmapped', () => {
    const r = mapPinsToPads(fp('SOIC-8'), pins('VIN', 'GND', 'FOO'), { type: 'UNKNOWN-REG' });
    expect(r).toEqual({ map: {}, unmapped: ['VIN', 'GND', 'FOO'], assumed: [] });
    // MP2307 has a table, but VOUT is not one of its pins.
    const mp = mapPinsToPads(fp('SOIC-8'), pins('VIN', 'GND', 'SW', 'EN', 'FB', 'VOUT'), { type: 'MP2307' });
    expect(mp.unmapped).toEqual(['VOUT']);
  });

  it('headers and terminals take declared order for unnamed pins, reported as assumed', () => {
    const r = mapPinsToPads(fp('TERMINAL-2P-5MM'), pins('VIN', 'GND'));
    expect(r).toEqual({ map: { VIN: ['1'], GND: ['2'] }, unmapped: [], assumed: ['VIN', 'GND'] });
    const h = mapPinsToPads(fp('PinHeader_1x03_P2.54mm'), pins('SDA', '1', 'SCL'));
    expect(h.map).toEqual({ 1: ['1'], SDA: ['2'], SCL: ['3'] });
    expect(h.assumed).toEqual(['SDA', 'SCL']);
  });

  it('a one-pad test point takes its single pin without assumption', () => {
    expect(mapPinsToPads(fp('TestPoint_Pad_1.0mm'), pins('P1'))).toEqual({ map: { P1: ['1'] }, unmapped: [], assumed: [] });
  });

  it('tactile switch: each contact maps to its pad pair number', () => {
    const sw = fp('TACT-6x6');
    const r = mapPinsToPads(sw, pins('P1', 'P2'));
    expect(r.map).toEqual({ P1: ['1'], P2: ['2'] });
    expect(sw.pads.filter((p) => p.number === '1')).toHaveLength(2);
  });

  it('rejects malformed input with INVALID_INPUT', () => {
    const call = () => mapPinsToPads(fp('0402'), [{ name: '', number: null }]);
    expect(call).toThrow();
    try {
      call();
    } catch (e) {
      expect(isZapTraceError(e) && e.code).toBe('INVALID_INPUT');
    }
    expect(() => mapPinsToPads(fp('0402'), 'P1' as unknown as [])).toThrow(/pins must be an array/);
  });
});
