import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadLibrary } from '../../../src/eda/library/index.js';
import { resolveFootprint } from '../../../src/eda/footprints/index.js';
import { runErc } from '../../../src/eda/erc/index.js';
import { isZapTraceError } from '../../../src/kernel/errors.js';
import { readElements } from '../../../src/eda/synth/elements.js';
import { synthesizeDesign } from '../../../src/eda/synth/index.js';
import { busOf, findNamedPart } from '../../../src/eda/synth/library-parts.js';
import type { Component, Design } from '../../../src/eda/model/design.js';

const library = loadLibrary();
const ctx = { lookupPart: library.lookup, footprintExists: (n: string) => resolveFootprint(n) !== undefined };
const byPart = (d: Design, id: string) => Object.values(d.components).find((c) => c.part_id === id);
const netOf = (d: Design, c: Component, pin: string) => Object.values(d.nets).find((n) => n.nodes.some((x) => x.component === c.id && x.pin === pin))?.name;
/** Parts on a net other than `except`, by reference prefix and value. */
const others = (d: Design, net: string, except: Component) => d.nets[net]!.nodes.map((x) => d.components[x.component]!).filter((c) => c.id !== except.id);

describe('library parts named by number', () => {
  it('"RP2040 board with an LIS3DH accelerometer" is an RP2040 board with the LIS3DH on I2C, not a motor driver', () => {
    const r = synthesizeDesign('RP2040 board with an LIS3DH accelerometer', { library });
    expect(r.template).toBe('composed');
    expect(r.unmet).toEqual([]);
    const d = r.design;
    expect(Object.values(d.components).some((c) => /tb6612/.test(c.part_id ?? ''))).toBe(false);
    const acc = byPart(d, 'lis3dh')!;
    const mcu = byPart(d, 'rp2040')!;
    // SDA/SCL on the RP2040's I2C0 pins, each with a pull-up to 3.3 V.
    expect(netOf(d, acc, 'SDA')).toBe('I2C_SDA');
    expect(netOf(d, acc, 'SCL')).toBe('I2C_SCL');
    expect(netOf(d, mcu, 'GPIO4')).toBe('I2C_SDA');
    expect(netOf(d, mcu, 'GPIO5')).toBe('I2C_SCL');
    for (const bus of ['I2C_SDA', 'I2C_SCL']) {
      const pull = others(d, bus, acc).find((c) => c.ref.startsWith('R'))!;
      expect(netOf(d, pull, 'P1')).toBe('+3V3');
    }
    // Supplies on 3.3 V with a 100 nF beside them; CS high selects I2C, SDO/SA0 low sets the address.
    expect([netOf(d, acc, 'VDD'), netOf(d, acc, 'VDDIO'), netOf(d, acc, 'CS')]).toEqual(['+3V3', '+3V3', '+3V3']);
    expect([netOf(d, acc, 'GND'), netOf(d, acc, 'SDO')]).toEqual(['GND', 'GND']);
    expect(Object.values(d.components).some((c) => c.value === '100nF' && (c.properties['synth_block'] === 'decoupling'))).toBe(true);
    // Pads from the library record: VDD is pad 14, GND pads 5, 10, 12 (KiCad Sensor_Motion:LIS3DH).
    expect(acc.pins['VDD']!.number).toBe('14');
    expect(acc.pins['GND']!.number).toBe('5,10,12');
    expect(r.elements.find((e) => e.element === 'accelerometer')!.by).toEqual([acc.ref]);
    expect(runErc(d, ctx).counts.error).toBe(0);
  });

  it('every checked I2C part of the library that fits a 3.3 V board lands on the ESP32 bus with pull-ups, or is unmet with a reason', () => {
    // Parts listed twice (an id and its ordering code) are named by the one the reader picks.
    const parts = library.all().filter((p) => busOf(p) === 'i2c' && p.properties['review_status'] === 'pinout-checked' && resolveFootprint(p.footprint) && p.category !== 'mcu' && findNamedPart(library, p.id)?.id === p.id)
      // Parts the vocabulary builds through a board kind (INA226, BME280, SHT31) are tested with their kinds.
      .filter((p) => readElements(`ESP32 board with a ${p.id}`, library).some((e) => e.partId === p.id));
    expect(parts.length).toBeGreaterThan(15);
    let placed = 0;
    for (const p of parts) {
      const intent = `ESP32 board with a ${p.id}`;
      const r = synthesizeDesign(intent, { library });
      const el = r.elements.find((e) => e.element === p.name)!;
      expect(el, intent).toBeDefined();
      const c = byPart(r.design, p.id);
      if (el.status === 'unmet') {
        expect(el.note, intent).toMatch(/\S/);
        expect(c, intent).toBeUndefined();
        continue;
      }
      placed++;
      expect(netOf(r.design, c!, p.pins.find((x) => x.name.toUpperCase() === 'SDA')!.name), intent).toBe('I2C_SDA');
      expect(netOf(r.design, c!, p.pins.find((x) => x.name.toUpperCase() === 'SCL')!.name), intent).toBe('I2C_SCL');
      expect(others(r.design, 'I2C_SDA', c!).some((x) => x.ref.startsWith('R')), intent).toBe(true);
      expect(runErc(r.design, ctx).counts.error, intent).toBe(0);
    }
    expect(placed).toBeGreaterThan(parts.length / 2);
  });

  it('builds a named kind from the library: "SPI flash" on SPI with a chip-select pull-up, "CAN transceiver" with 5 V, VIO and a 120 Ω termination', () => {
    const f = synthesizeDesign('STM32 board with an SPI flash and an SWD header', { library });
    expect(f.unmet).toEqual([]);
    const flash = byPart(f.design, 'w25q128jv')!;
    expect([netOf(f.design, flash, 'CLK'), netOf(f.design, flash, 'DI'), netOf(f.design, flash, 'DO'), netOf(f.design, flash, 'CS')]).toEqual(['SPI_SCK', 'SPI_MOSI', 'SPI_MISO', 'SPI_CS1']);
    expect([netOf(f.design, flash, 'WP'), netOf(f.design, flash, 'HOLD')]).toEqual(['+3V3', '+3V3']);
    expect(others(f.design, 'SPI_CS1', flash).some((c) => c.ref.startsWith('R') && c.value === '10k')).toBe(true);

    const c = synthesizeDesign('STM32 board with CAN transceiver', { library });
    expect(c.unmet).toEqual([]);
    const x = byPart(c.design, 'tja1042t-3-1j')!;
    const mcu = byPart(c.design, 'stm32f103c8t6')!;
    expect([netOf(c.design, x, 'VCC'), netOf(c.design, x, 'VIO'), netOf(c.design, x, 'STB')]).toEqual(['+5V', '+3V3', 'GND']);
    expect([netOf(c.design, mcu, 'PA12'), netOf(c.design, mcu, 'PA11')]).toEqual(['CAN_TX', 'CAN_RX']);
    expect([netOf(c.design, x, 'TXD'), netOf(c.design, x, 'RXD')]).toEqual(['CAN_TX', 'CAN_RX']);
    const term = others(c.design, 'CANH', x).find((p) => p.ref.startsWith('R'))!;
    expect(term.value).toBe('120');
    expect(netOf(c.design, term, 'P2')).toBe('CANL');
    expect(runErc(c.design, ctx).counts.error).toBe(0);
  });

  it('never invents a part: unknown part numbers, unreviewed records without pads and actuators the library lacks are unmet with the reason', () => {
    const mpu = synthesizeDesign('ESP32 I2C sensor with an MPU6050', { library });
    expect(mpu.elements.find((e) => e.element === 'mpu6050')).toMatchObject({ status: 'unmet', note: expect.stringMatching(/no part "mpu6050" in the library/) });
    const buzz = synthesizeDesign('ESP32 doorbell with a buzzer and a push button', { library });
    expect(buzz.elements.find((e) => e.element === 'buzzer')).toMatchObject({ status: 'unmet', note: expect.stringMatching(/library has no buzzer part/) });
    const relay = synthesizeDesign('ESP32 relay board with two relays and screw terminals', { library });
    expect(relay.elements.find((e) => e.element === 'relay')).toMatchObject({ status: 'unmet', note: expect.stringMatching(/no relay part.*flyback diode/) });
    // An SPI-only part on a board without a microcontroller, and the sensor word it stood for.
    const bmp = synthesizeDesign('BMP390 pressure sensor breakout from a CR2032 coin cell', { library });
    expect(bmp.elements.find((e) => e.element === 'BMP390')!.status).toBe('unmet');
    expect(byPart(bmp.design, 'bmp390')).toBeUndefined();
    expect(Object.values(bmp.design.components).some((c) => /bme280/.test(c.part_id ?? ''))).toBe(false);
    // Parts without a block are named with the reason, never silently dropped.
    const avr = synthesizeDesign('ATmega328 Nano clone', { library });
    expect(avr.elements.find((e) => e.element === 'ATmega328P-AU')).toMatchObject({ status: 'unmet', note: expect.stringMatching(/no core block/) });
    expect(byPart(avr.design, 'atmega328p-au')).toBeUndefined();
  });

  it('a USB-UART bridge takes the USB-C data pair: on its own at 5 V with a header, beside an ESP32 at 3.3 V crossed onto its UART', () => {
    const a = synthesizeDesign('CH340 USB-serial adapter with TX/RX LEDs', { library });
    const ch = byPart(a.design, 'ch340g')!;
    const usb = byPart(a.design, 'usb-c-16p')!;
    expect(a.elements.find((e) => e.element === 'CH340G')!.status).toBe('placed');
    expect(a.elements.find((e) => e.element === 'usb-serial')!.status).toBe('placed');
    expect(a.elements.find((e) => e.element === 'tx/rx')!.status).toBe('unmet');
    expect([netOf(a.design, ch, 'UD+'), netOf(a.design, ch, 'UD-')]).toEqual([netOf(a.design, usb, 'D+'), netOf(a.design, usb, 'D-')]);
    expect([netOf(a.design, ch, 'VCC'), netOf(a.design, ch, 'GND')]).toEqual(['+5V', 'GND']);
    expect(others(a.design, netOf(a.design, ch, 'V3')!, ch).some((c) => c.value === '100nF')).toBe(true);
    const y = others(a.design, netOf(a.design, ch, 'XI')!, ch).find((c) => c.ref.startsWith('Y'))!;
    expect(y.part_id).toBe('crystal-12mhz');
    expect(netOf(a.design, y, 'XO')).toBe(netOf(a.design, ch, 'XO'));
    const hdr = others(a.design, netOf(a.design, ch, 'TXD')!, ch).find((c) => c.ref.startsWith('J'))!;
    expect(netOf(a.design, hdr, 'P3')).toBe(netOf(a.design, ch, 'RXD'));
    expect(runErc(a.design, ctx).counts.error).toBe(0);

    const e = synthesizeDesign('ESP32 board with a CH340', { library });
    const ch2 = byPart(e.design, 'ch340g')!;
    expect([netOf(e.design, ch2, 'TXD'), netOf(e.design, ch2, 'RXD'), netOf(e.design, ch2, 'VCC'), netOf(e.design, ch2, 'V3')]).toEqual(['UART_RX', 'UART_TX', '+3V3', '+3V3']);
    expect(runErc(e.design, ctx).counts.error).toBe(0);
  });

  it('"9 V battery LED flasher with NE555" is a 555 astable at about 1 Hz driving the LED from the 9 V rail', () => {
    const r = synthesizeDesign('9 V battery LED flasher with NE555', { library });
    expect(r.unmet).toEqual([]);
    const d = r.design;
    const t = byPart(d, 'ne555p')!;
    expect([netOf(d, t, 'VCC'), netOf(d, t, 'RESET'), netOf(d, t, 'GND')]).toEqual(['+9V', '+9V', 'GND']);
    expect(netOf(d, t, 'TRIG')).toBe(netOf(d, t, 'THRES'));
    const ra = others(d, netOf(d, t, 'DISCH')!, t).find((c) => c.ref.startsWith('R') && c.value === '10k')!;
    expect(netOf(d, ra, 'P1')).toBe('+9V');
    const rb = others(d, netOf(d, t, 'DISCH')!, t).find((c) => c.ref.startsWith('R') && c.value === '68k')!;
    expect(netOf(d, rb, 'P2')).toBe(netOf(d, t, 'TRIG'));
    const c = others(d, netOf(d, t, 'TRIG')!, t).find((x) => x.ref.startsWith('C'))!;
    expect(c.value).toBe('10uF');
    // f = 1.44 / ((RA + 2 RB) C) with the values on the board.
    expect(1.44 / ((10e3 + 2 * 68e3) * 10e-6)).toBeCloseTo(0.99, 2);
    const led = Object.values(d.components).find((x) => x.properties['synth_block'] === 'led' && x.ref.startsWith('D'))!;
    const series = others(d, netOf(d, t, 'OUT')!, t).find((x) => x.ref.startsWith('R'))!;
    expect(netOf(d, series, 'P2')).toBe(netOf(d, led, 'ANODE'));
    expect(runErc(d, ctx).counts.error).toBe(0);
    const bare = synthesizeDesign('9 V battery board with an NE555', { library });
    expect(bare.elements.find((e) => e.element === 'NE555P')).toMatchObject({ status: 'unmet', note: expect.stringMatching(/names no LED/) });
  });
});

describe('held-out intents (fixtures/intents-held-out.yaml)', () => {
  const intents = (parse(readFileSync('fixtures/intents-held-out.yaml', 'utf8')) as { intents: string[] }).intents;
  it('has at least 15 intents, none of them in the committed intent sets', () => {
    const seen = new Set([...(parse(readFileSync('fixtures/intents.yaml', 'utf8')) as { intents: string[] }).intents]);
    expect(intents.length).toBeGreaterThanOrEqual(15);
    for (const i of intents) expect(seen.has(i), i).toBe(false);
  });

  it('each is synthesized with every named element placed or unmet with a reason, or refused with INVALID_INPUT', () => {
    let built = 0;
    for (const intent of intents) {
      try {
        const r = synthesizeDesign(intent, { library });
        built++;
        expect(r.elements.length, intent).toBe(readElements(intent, library).length);
        for (const e of r.elements) if (e.status === 'unmet') expect(e.note, `${intent}: ${e.element}`).toMatch(/\S/);
        expect(runErc(r.design, ctx).counts.error, intent).toBe(0);
      } catch (e) {
        expect(isZapTraceError(e) && e.code === 'INVALID_INPUT', intent).toBe(true);
      }
    }
    expect(built).toBeGreaterThanOrEqual(intents.length - 2);
  });
});
