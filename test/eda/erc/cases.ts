import type { PinType } from '../../../src/eda/model/design.js';
import type { LibraryPart } from '../../../src/eda/model/part.js';
import type { ErcContext } from '../../../src/eda/erc/index.js';
import { design, net, netOf, part, two, withSupply, type NetSpec, type PartSpec } from './design-builder.js';

/**
 * One planted-violation design and its clean variant per rule. The clean variant differs from the
 * bad one only in the planted fault, so "fires on bad, silent on good" pins the rule to that fault.
 */
export interface RuleCase {
  rule: string;
  bad: () => ReturnType<typeof design>;
  good: () => ReturnType<typeof design>;
  ctx?: ErcContext;
}

let capN = 50;
/** An IC with VDD/GND on VCC_3V3/GND and its own 100 nF decoupling capacitor. */
function ic(ref: string, type: string, pins: Record<string, PinType>, extra: Partial<PartSpec> = {}) {
  const cap = `C${capN++}`;
  return {
    parts: [part(ref, type, { VDD: 'power_in', GND: 'power_in', ...pins }, extra), two(cap, 'CAP', '100nF')],
    nodes: { VCC_3V3: [`${ref}.VDD`, `${cap}.P1`], GND: [`${ref}.GND`, `${cap}.P2`] } as Record<string, string[]>,
  };
}

function board(ics: ReturnType<typeof ic>[], parts: PartSpec[], nets: NetSpec[], extraNodes: Record<string, string[]> = {}) {
  const nodes: Record<string, string[]> = {};
  for (const src of [...ics.map((i) => i.nodes), extraNodes]) for (const [k, v] of Object.entries(src)) nodes[k] = [...(nodes[k] ?? []), ...v];
  return withSupply([...ics.flatMap((i) => i.parts), ...parts], nets, nodes);
}

const mcu = (pins: Record<string, PinType> = {}) => ic('U1', 'MCU', pins);
const dev = (pins: Record<string, PinType> = {}, type = 'Sensor') => ic('U2', type, pins);

function pair(a: PinType, b: PinType, conflict: boolean): () => ReturnType<typeof design> {
  return () => board([mcu({ IO: a }), dev({ IO: conflict ? b : 'input' })], [], [net('SIG', 'U1.IO', 'U2.IO')]);
}

/** A library record for lookup tests (only the fields ERC reads matter). */
export function libPart(id: string, pins: { name: string; type: PinType; description?: string }[], extra: Partial<LibraryPart> = {}): LibraryPart {
  return {
    id,
    name: id,
    category: 'sensor',
    manufacturer: 'Test',
    mpn: id,
    description: '',
    package: '',
    footprint: 'SOIC-8',
    lifecycle: 'active',
    voltage_supply_v: null,
    pins: pins.map((p) => ({ name: p.name, type: p.type, number: null, description: p.description ?? '' })),
    value_si: null,
    value_text: null,
    properties: {},
    datasheet: '',
    source: 'test',
    ...extra,
  };
}

const SENSOR_LIB = libPart('TESTSENSOR', [
  { name: 'VDD', type: 'power_in' },
  { name: 'GND', type: 'power_in' },
  { name: 'SDA', type: 'bidirectional' },
]);
const lookupSensor: ErcContext = { lookupPart: (c) => (c.type === 'TESTSENSOR' ? SENSOR_LIB : undefined) };

const i2cBus = (pullup: string | null) => () =>
  board(
    [mcu({ SDA: 'bidirectional', SCL: 'bidirectional' }), dev({ SDA: 'bidirectional', SCL: 'input' })],
    pullup ? [two('R1', 'RES', pullup), two('R2', 'RES', pullup)] : [],
    [net('I2C_SDA', 'U1.SDA', 'U2.SDA', ...(pullup ? ['R1.P2'] : [])), net('I2C_SCL', 'U1.SCL', 'U2.SCL', ...(pullup ? ['R2.P2'] : []))],
    pullup ? { VCC_3V3: ['R1.P1', 'R2.P1'] } : {},
  );

const usbC = (cc: 'none' | 'no-rd' | 'rd' | 'wrong-rd') => () => {
  const pins: Record<string, PinType> = { VBUS: 'power_in', GND: 'power_in' };
  if (cc !== 'none') Object.assign(pins, { CC1: 'bidirectional', CC2: 'bidirectional' });
  const rd = cc === 'rd' ? '5.1k' : '10k';
  const parts = [part('J1', 'USB-C-16P receptacle', pins), two('C1', 'CAP', '10uF')];
  const nets = [net('VBUS', 'J1.VBUS', 'C1.P1'), net('GND2_UNUSED', 'J1.GND', 'C1.P2')];
  if (cc === 'no-rd') nets.push(net('CC1', 'J1.CC1'), net('CC2', 'J1.CC2'));
  if (cc === 'rd' || cc === 'wrong-rd') {
    parts.push(two('R1', 'RES', rd), two('R2', 'RES', rd));
    nets.push(net('CC1', 'J1.CC1', 'R1.P1'), net('CC2', 'J1.CC2', 'R2.P1'));
  }
  // Ground of the receptacle is the board GND; rename the helper net accordingly.
  const gnd = nets.find((n) => n.name === 'GND2_UNUSED')!;
  gnd.name = 'GND';
  gnd.id = 'GND';
  gnd.type = 'ground';
  if (cc === 'rd' || cc === 'wrong-rd') gnd.nodes.push({ component: 'R1', pin: 'P2' }, { component: 'R2', pin: 'P2' });
  return design(parts, nets);
};

export const RULE_CASES: RuleCase[] = [
  {
    rule: 'ref.duplicate',
    bad: () => design([two('R1', 'RES', '1k'), { ...two('R1', 'RES', '1k'), id: 'R1b' }], [net('A', 'R1.P1', 'R1b.P1'), net('B', 'R1.P2', 'R1b.P2')]),
    good: () => design([two('R1', 'RES', '1k'), { ...two('R2', 'RES', '1k'), id: 'R1b' }], [net('A', 'R1.P1', 'R1b.P1'), net('B', 'R1.P2', 'R1b.P2')]),
  },
  {
    rule: 'net.duplicate-name',
    bad: () => design([two('R1', 'RES', '1k'), two('R2', 'RES', '1k')], [net('A', 'R1.P1', 'R2.P1'), { ...net('A', 'R1.P2', 'R2.P2'), id: 'A2' }]),
    good: () => design([two('R1', 'RES', '1k'), two('R2', 'RES', '1k')], [net('A', 'R1.P1', 'R2.P1'), { ...net('B', 'R1.P2', 'R2.P2'), id: 'A2' }]),
  },
  {
    rule: 'net.case-collision',
    bad: () => design([two('R1', 'RES', '1k'), two('R2', 'RES', '1k')], [net('SIG', 'R1.P1', 'R2.P1'), net('sig', 'R1.P2', 'R2.P2')]),
    good: () => design([two('R1', 'RES', '1k'), two('R2', 'RES', '1k')], [net('SIG', 'R1.P1', 'R2.P1'), net('SIG2', 'R1.P2', 'R2.P2')]),
  },
  {
    rule: 'net.unknown-node',
    bad: () => design([two('R1', 'RES', '1k'), two('R2', 'RES', '1k')], [net('A', 'R1.P1', 'R2.P1', 'U7.X'), net('B', 'R1.P2', 'R2.P2', 'R2.P3')]),
    good: () => design([two('R1', 'RES', '1k'), two('R2', 'RES', '1k')], [net('A', 'R1.P1', 'R2.P1'), net('B', 'R1.P2', 'R2.P2')]),
  },
  {
    rule: 'net.single-node',
    bad: () => board([mcu({ PA0: 'bidirectional' })], [], [net('LONELY', 'U1.PA0')]),
    good: () => board([mcu({ PA0: 'bidirectional' }), dev({ IN: 'input' })], [], [net('LONELY', 'U1.PA0', 'U2.IN')]),
  },
  {
    rule: 'net.name-characters',
    bad: () => board([mcu({ PA0: 'output' }), dev({ IN: 'input' })], [], [net('MY NET', 'U1.PA0', 'U2.IN')]),
    good: () => board([mcu({ PA0: 'output' }), dev({ IN: 'input' })], [], [net('MY_NET', 'U1.PA0', 'U2.IN')]),
  },
  {
    rule: 'pin.power-unconnected',
    bad: () => board([], [part('U1', 'MCU', { VDD: 'power_in', GND: 'power_in' }), two('C1', 'CAP', '100n')], [], { GND: ['U1.GND', 'C1.P2'], VCC_3V3: ['C1.P1'] }),
    good: () => board([], [part('U1', 'MCU', { VDD: 'power_in', GND: 'power_in' }), two('C1', 'CAP', '100n')], [], { GND: ['U1.GND', 'C1.P2'], VCC_3V3: ['U1.VDD', 'C1.P1'] }),
  },
  {
    rule: 'pin.unconnected',
    bad: () => board([mcu({ PA0: 'input', PA1: 'output' })], [], [net('S', 'U1.PA1', 'J9.P1')]),
    good: () => board([mcu({ PA0: 'no_connect', PA1: 'output' })], [], [net('S', 'U1.PA1', 'J9.P1')]),
  },
  {
    rule: 'pin.library-power-unconnected',
    ctx: lookupSensor,
    bad: () => board([], [part('U2', 'TESTSENSOR', { GND: 'unspecified', SDA: 'unspecified' }), ...mcu({ SDA: 'bidirectional' }).parts], [net('DATA', 'U1.SDA', 'U2.SDA')], { ...mcu().nodes, GND: ['U2.GND', ...mcu().nodes.GND!] }),
    good: () =>
      board([], [part('U2', 'TESTSENSOR', { VDD: 'unspecified', GND: 'unspecified', SDA: 'unspecified' }), ...mcu({ SDA: 'bidirectional' }).parts], [net('DATA', 'U1.SDA', 'U2.SDA')], {
        VCC_3V3: ['U2.VDD', ...mcu().nodes.VCC_3V3!],
        GND: ['U2.GND', ...mcu().nodes.GND!],
      }),
  },
  {
    rule: 'pin.no-connect-connected',
    bad: () => board([mcu({ NC: 'no_connect', PA0: 'output' }), dev({ IN: 'input' })], [], [net('S', 'U1.PA0', 'U2.IN', 'U1.NC')]),
    good: () => board([mcu({ NC: 'no_connect', PA0: 'output' }), dev({ IN: 'input' })], [], [net('S', 'U1.PA0', 'U2.IN')]),
  },
  { rule: 'pin-conflict.output-output', bad: pair('output', 'output', true), good: pair('output', 'output', false) },
  { rule: 'pin-conflict.output-power-out', bad: pair('output', 'power_out', true), good: pair('output', 'power_out', false) },
  { rule: 'pin-conflict.power-out-power-out', bad: pair('power_out', 'power_out', true), good: pair('power_out', 'power_out', false) },
  { rule: 'pin-conflict.open-drain-output', bad: pair('open_collector', 'output', true), good: pair('open_collector', 'output', false) },
  { rule: 'pin-conflict.tristate-output', bad: pair('tristate', 'output', true), good: pair('tristate', 'output', false) },
  { rule: 'pin-conflict.bidirectional-power-out', bad: pair('bidirectional', 'power_out', true), good: pair('bidirectional', 'power_out', false) },
  {
    rule: 'net.undriven-input',
    bad: () => board([mcu({ IN: 'input' }), dev({ IN: 'input' })], [], [net('EN_LINE', 'U1.IN', 'U2.IN')]),
    good: () => board([mcu({ IN: 'output' }), dev({ IN: 'input' })], [], [net('EN_LINE', 'U1.IN', 'U2.IN')]),
  },
  {
    rule: 'power.not-driven',
    bad: () => design([part('U1', 'MCU', { VDD: 'power_in', GND: 'power_in' }), two('C1', 'CAP', '100n'), two('C2', 'CAP', '100n')], [net('VCC_3V3', 'U1.VDD', 'C1.P1'), net('GND', 'U1.GND', 'C1.P2')]),
    good: () => board([mcu()], [], []),
  },
  {
    rule: 'power.net-unsourced',
    bad: () => design([two('C1', 'CAP', '100n'), two('C2', 'CAP', '100n')], [net('VCC_3V3', 'C1.P1', 'C2.P1'), net('GND', 'C1.P2', 'C2.P2')]),
    good: () => board([], [two('C1', 'CAP', '100n')], [], { VCC_3V3: ['C1.P1'], GND: ['C1.P2'] }),
  },
  {
    rule: 'power.voltage-conflict',
    bad: () => railBoard('VIN_5V', '3.3'),
    good: () => railBoard('VCC_3V3', '3.3'),
  },
  {
    rule: 'power.supply-mismatch',
    bad: () => railBoard('VCC_3V3', '5'),
    good: () => railBoard('VCC_3V3', '3.3'),
  },
  {
    rule: 'power.regulator-headroom',
    bad: () => headroomBoard('VIN_3V0'),
    good: () => headroomBoard('VIN_5V'),
  },
  {
    rule: 'power.ground-split',
    bad: () => groundBoard(false),
    good: () => groundBoard(true),
  },
  {
    rule: 'power.ic-without-supply',
    bad: () => board([], [part('U1', 'Sensor', { GND: 'power_in', OUT: 'output' }), part('U2', 'ADC', { IN: 'input', VDD: 'power_in', GND: 'power_in' }), two('C1', 'CAP', '100n')], [net('S', 'U1.OUT', 'U2.IN')], { GND: ['U1.GND', 'U2.GND', 'C1.P2'], VCC_3V3: ['U2.VDD', 'C1.P1'] }),
    good: () => board([], [part('U1', 'Sensor', { VDD: 'power_in', GND: 'power_in', OUT: 'output' }), part('U2', 'ADC', { IN: 'input', VDD: 'power_in', GND: 'power_in' }), two('C1', 'CAP', '100n')], [net('S', 'U1.OUT', 'U2.IN')], { GND: ['U1.GND', 'U2.GND', 'C1.P2'], VCC_3V3: ['U1.VDD', 'U2.VDD', 'C1.P1'] }),
  },
  {
    rule: 'decoupling.missing',
    bad: () => bareMcu(false),
    good: () => bareMcu(true),
  },
  { rule: 'i2c.pullup-missing', bad: i2cBus(null), good: i2cBus('4.7k') },
  { rule: 'i2c.pullup-value', bad: i2cBus('100k'), good: i2cBus('4.7k') },
  {
    rule: 'i2c.pullup-rail-over-supply',
    bad: () => {
      const d = i2cBus('4.7k')();
      // Both pull-ups moved to the 5 V input rail of the board's supply.
      for (const net of Object.values(d.nets)) if (net.name === 'VCC_3V3') net.nodes = net.nodes.filter((x) => x.component !== 'R1' && x.component !== 'R2');
      d.nets['VIN_5V']!.nodes.push({ component: 'R1', pin: 'P1' }, { component: 'R2', pin: 'P1' });
      return d;
    },
    good: i2cBus('4.7k'),
  },
  {
    rule: 'led.series-resistor-missing',
    bad: () => board([mcu({ PB0: 'output' })], [part('D1', 'LED-0603', { ANODE: 'passive', CATHODE: 'passive' })], [net('LED_OUT', 'U1.PB0', 'D1.ANODE')], { GND: ['D1.CATHODE'] }),
    good: () =>
      board([mcu({ PB0: 'output' })], [part('D1', 'LED-0603', { ANODE: 'passive', CATHODE: 'passive' }), two('R1', 'RES', '330')], [net('LED_OUT', 'U1.PB0', 'R1.P1'), net('LED_A', 'R1.P2', 'D1.ANODE')], { GND: ['D1.CATHODE'] }),
  },
  {
    rule: 'crystal.load-caps-missing',
    bad: () => board([mcu({ XIN: 'input', XOUT: 'output' })], [two('Y1', 'Crystal 12MHz', null)], [net('XIN', 'U1.XIN', 'Y1.P1'), net('XOUT', 'U1.XOUT', 'Y1.P2')]),
    good: () =>
      board([mcu({ XIN: 'input', XOUT: 'output' })], [two('Y1', 'Crystal 12MHz', null), two('C1', 'CAP', '18pF'), two('C2', 'CAP', '18pF')], [net('XIN', 'U1.XIN', 'Y1.P1', 'C1.P1'), net('XOUT', 'U1.XOUT', 'Y1.P2', 'C2.P1')], {
        GND: ['C1.P2', 'C2.P2'],
      }),
  },
  { rule: 'usb-c.cc-missing', bad: usbC('none'), good: usbC('rd') },
  { rule: 'usb-c.cc-rd-missing', bad: usbC('no-rd'), good: usbC('rd') },
  {
    rule: 'cap.polarity-reversed',
    bad: () => board([], [part('C1', 'Capacitor Electrolytic 100uF', { POS: 'passive', NEG: 'passive' })], [], { GND: ['C1.POS'], VIN_5V: ['C1.NEG'] }),
    good: () => board([], [part('C1', 'Capacitor Electrolytic 100uF', { POS: 'passive', NEG: 'passive' })], [], { GND: ['C1.NEG'], VIN_5V: ['C1.POS'] }),
  },
  {
    rule: 'led.reversed',
    bad: () => board([], [two('R1', 'RES', '1k'), part('D1', 'LED-0603', { A: 'passive', K: 'passive' })], [net('LED_K', 'R1.P2', 'D1.K')], { VCC_3V3: ['R1.P1'], GND: ['D1.A'] }),
    good: () => board([], [two('R1', 'RES', '1k'), part('D1', 'LED-0603', { A: 'passive', K: 'passive' })], [net('LED_A', 'R1.P2', 'D1.A')], { VCC_3V3: ['R1.P1'], GND: ['D1.K'] }),
  },
  {
    rule: 'net.open-drain-pullup-missing',
    bad: () => board([mcu({ INT: 'input' }), dev({ INT: 'open_collector' })], [], [net('SENS_INT', 'U1.INT', 'U2.INT')]),
    good: () => board([mcu({ INT: 'input' }), dev({ INT: 'open_collector' })], [two('R1', 'RES', '10k')], [net('SENS_INT', 'U1.INT', 'U2.INT', 'R1.P2')], { VCC_3V3: ['R1.P1'] }),
  },
  {
    rule: 'usb.data-swapped',
    bad: () => board([mcu({ USB_DP: 'bidirectional', USB_DM: 'bidirectional' })], [part('J1', 'USB-C receptacle', { 'D+': 'bidirectional', 'D-': 'bidirectional' })], [net('USB_DP', 'U1.USB_DP', 'J1.D-'), net('USB_DM', 'U1.USB_DM', 'J1.D+')]),
    good: () => board([mcu({ USB_DP: 'bidirectional', USB_DM: 'bidirectional' })], [part('J1', 'USB-C receptacle', { 'D+': 'bidirectional', 'D-': 'bidirectional' })], [net('USB_DP', 'U1.USB_DP', 'J1.D+'), net('USB_DM', 'U1.USB_DM', 'J1.D-')]),
  },
  {
    rule: 'spi.mosi-miso-crossed',
    bad: () => board([mcu({ MOSI: 'output', MISO: 'input' }), dev({ MOSI: 'input', MISO: 'output' }, 'Flash')], [], [net('SPI_A', 'U1.MOSI', 'U2.MISO'), net('SPI_B', 'U1.MISO', 'U2.MOSI')]),
    good: () => board([mcu({ MOSI: 'output', MISO: 'input' }), dev({ MOSI: 'input', MISO: 'output' }, 'Flash')], [], [net('SPI_A', 'U1.MOSI', 'U2.MOSI'), net('SPI_B', 'U1.MISO', 'U2.MISO')]),
  },
  {
    rule: 'uart.same-direction',
    bad: () => board([mcu({ TX: 'bidirectional', RX: 'bidirectional' }), dev({ TX: 'bidirectional', RX: 'bidirectional' }, 'GPS')], [], [net('UART_A', 'U1.TX', 'U2.TX'), net('UART_B', 'U1.RX', 'U2.RX')]),
    good: () => board([mcu({ TX: 'bidirectional', RX: 'bidirectional' }), dev({ TX: 'bidirectional', RX: 'bidirectional' }, 'GPS')], [], [net('UART_A', 'U1.TX', 'U2.RX'), net('UART_B', 'U1.RX', 'U2.TX')]),
  },
  {
    rule: 'usb.esd-missing',
    bad: () => usbDataBoard(false),
    good: () => usbDataBoard(true),
  },
  {
    rule: 'reset.pullup-missing',
    bad: () => board([mcu({ NRST: 'input' })], [part('SW1', 'Button Tactile', { P1: 'passive', P2: 'passive' })], [net('RESET_N', 'U1.NRST', 'SW1.P1')], { GND: ['SW1.P2'] }),
    good: () => board([mcu({ NRST: 'input' })], [part('SW1', 'Button Tactile', { P1: 'passive', P2: 'passive' }), two('R1', 'RES', '10k')], [net('RESET_N', 'U1.NRST', 'SW1.P1', 'R1.P2')], { GND: ['SW1.P2'], VCC_3V3: ['R1.P1'] }),
  },
  {
    rule: 'debug.access-missing',
    bad: () => board([mcu({ SWDIO: 'bidirectional', PA0: 'bidirectional' })], [], [net('SWDIO', 'U1.SWDIO', 'U1.PA0')]),
    good: () => board([mcu({ SWDIO: 'bidirectional' })], [part('J2', 'Header 1x4', { P1: 'passive' })], [net('SWDIO', 'U1.SWDIO', 'J2.P1')]),
  },
  {
    rule: 'spi.cs-pullup-missing',
    bad: () => board([mcu({ PA4: 'output' }), dev({ NCS: 'input' }, 'Flash')], [], [net('FLASH_CS', 'U1.PA4', 'U2.NCS')]),
    good: () => board([mcu({ PA4: 'output' }), dev({ NCS: 'input' }, 'Flash')], [two('R1', 'RES', '10k')], [net('FLASH_CS', 'U1.PA4', 'U2.NCS', 'R1.P2')], { VCC_3V3: ['R1.P1'] }),
  },
  {
    rule: 'spi.cs-shared',
    bad: () => board([mcu({ PA4: 'output' }), dev({ NCS: 'input' }, 'Flash'), ic('U3', 'EEPROM', { NCS: 'input' })], [two('R1', 'RES', '10k')], [net('SPI_CS', 'U1.PA4', 'U2.NCS', 'U3.NCS', 'R1.P2')], { VCC_3V3: ['R1.P1'] }),
    good: () => board([mcu({ PA4: 'output' }), dev({ NCS: 'input' }, 'Flash'), ic('U3', 'EEPROM', { NCS: 'input' })], [two('R1', 'RES', '10k')], [net('SPI_CS', 'U1.PA4', 'U2.NCS', 'R1.P2'), net('SPI_CS2', 'U3.NCS', 'J9.P1')], { VCC_3V3: ['R1.P1'] }),
  },
  {
    rule: 'rs485.direction-floating',
    bad: () => board([mcu({ PA8: 'bidirectional' }), dev({ DE: 'input' }, 'MAX3485 RS-485 transceiver')], [], [net('RS485_DE', 'U1.PA8', 'U2.DE')]),
    good: () => board([mcu({ PA8: 'bidirectional' }), dev({ DE: 'input' }, 'MAX3485 RS-485 transceiver')], [two('R1', 'RES', '10k')], [net('RS485_DE', 'U1.PA8', 'U2.DE', 'R1.P1')], { GND: ['R1.P2'] }),
  },
  {
    rule: 'battery.protection-missing',
    bad: () => batteryBoard(false),
    good: () => batteryBoard(true),
  },
  {
    rule: 'footprint.missing',
    bad: () => design([two('R1', 'RES', '1k', { footprint: null }), two('R2', 'RES', '1k')], [net('A', 'R1.P1', 'R2.P1'), net('B', 'R1.P2', 'R2.P2')]),
    good: () => design([two('R1', 'RES', '1k'), two('R2', 'RES', '1k')], [net('A', 'R1.P1', 'R2.P1'), net('B', 'R1.P2', 'R2.P2')]),
  },
  {
    rule: 'footprint.unavailable',
    ctx: { footprintExists: (name) => name !== 'NO_SUCH_FOOTPRINT' },
    bad: () => design([two('R1', 'RES', '1k', { footprint: 'NO_SUCH_FOOTPRINT' }), two('R2', 'RES', '1k')], [net('A', 'R1.P1', 'R2.P1'), net('B', 'R1.P2', 'R2.P2')]),
    good: () => design([two('R1', 'RES', '1k'), two('R2', 'RES', '1k')], [net('A', 'R1.P1', 'R2.P1'), net('B', 'R1.P2', 'R2.P2')]),
  },
  {
    rule: 'power.feedback-voltage',
    bad: () => feedbackBoard('44.2k'),
    good: () => feedbackBoard('26.1k'),
  },
  {
    rule: 'signal.over-voltage',
    bad: () => board([mcu({ PA0: 'input' })], [two('R1', 'RES', '10k')], [net('ADC_IN', 'U1.PA0', 'R1.P2')], { VIN_5V: ['R1.P1'] }),
    good: () => board([mcu({ PA0: 'input' })], [two('R1', 'RES', '10k'), two('R2', 'RES', '10k')], [net('ADC_IN', 'U1.PA0', 'R1.P2', 'R2.P1')], { VIN_5V: ['R1.P1'], GND: ['R2.P2'] }),
  },
  {
    rule: 'cap.voltage-rating',
    bad: () => board([], [two('C1', 'CAP', '10uF 4V')], [], { VIN_5V: ['C1.P1'], GND: ['C1.P2'] }),
    good: () => board([], [two('C1', 'CAP', '10uF 6.3V')], [], { VIN_5V: ['C1.P1'], GND: ['C1.P2'] }),
  },
  {
    rule: 'power.ground-pin-not-grounded',
    bad: () => board([], [part('U2', 'Sensor', { VDD: 'power_in', GND: 'power_in' }), two('C2', 'CAP', '100nF')], [], { VCC_3V3: ['U2.VDD', 'U2.GND', 'C2.P1'], GND: ['C2.P2'] }),
    good: () => board([], [part('U2', 'Sensor', { VDD: 'power_in', GND: 'power_in' }), two('C2', 'CAP', '100nF')], [], { VCC_3V3: ['U2.VDD', 'C2.P1'], GND: ['U2.GND', 'C2.P2'] }),
  },
  {
    rule: 'pin.enable-floating',
    bad: () => board([dev({ EN: 'input' })], [two('C2', 'CAP', '1nF')], [net('SENS_EN', 'U2.EN', 'C2.P1')], { GND: ['C2.P2'] }),
    good: () => board([mcu({ PA1: 'output' }), dev({ EN: 'input' })], [two('C2', 'CAP', '1nF')], [net('SENS_EN', 'U2.EN', 'C2.P1', 'U1.PA1')], { GND: ['C2.P2'] }),
  },
  {
    rule: 'i2c.pullup-rail-below-vih',
    bad: () => {
      const d = i2cBus('4.7k')();
      // Both pull-ups moved to a 1.8 V rail while both devices run from 3.3 V.
      d.nets['VCC_3V3']!.nodes = d.nets['VCC_3V3']!.nodes.filter((x) => x.component !== 'R1' && x.component !== 'R2');
      d.nets['VCC_1V8'] = { id: 'VCC_1V8', name: 'VCC_1V8', type: 'power', nodes: [{ component: 'R1', pin: 'P1' }, { component: 'R2', pin: 'P1' }], class: null, constraints: {} };
      return d;
    },
    good: i2cBus('4.7k'),
  },
  {
    rule: 'power.regulator-outputs-joined',
    bad: () => board([], [part('U8', 'LDO regulator 3.3V', { VIN: 'power_in', VOUT: 'power_in', GND: 'power_in' })], [], { VIN_5V: ['U8.VIN'], VCC_3V3: ['U8.VOUT'], GND: ['U8.GND'] }),
    good: () => board([], [part('U8', 'LDO regulator 3.3V', { VIN: 'power_in', VOUT: 'power_in', GND: 'power_in' }), two('C7', 'CAP', '1uF')], [net('VCC_3V3_B', 'U8.VOUT', 'C7.P1')], { VIN_5V: ['U8.VIN'], GND: ['U8.GND', 'C7.P2'] }),
  },
  {
    rule: 'diode.across-rail',
    bad: () => board([], [part('D1', 'TVS diode unidirectional', { A: 'passive', K: 'passive' })], [], { VIN_5V: ['D1.A'], GND: ['D1.K'] }),
    good: () => board([], [part('D1', 'TVS diode unidirectional', { A: 'passive', K: 'passive' })], [], { VIN_5V: ['D1.K'], GND: ['D1.A'] }),
  },
  {
    rule: 'battery.reversed',
    bad: () => board([], [part('BT1', 'CR2032 coin cell', { '+': 'passive', '-': 'passive' }), two('C1', 'CAP', '10uF')], [net('VBAT', 'BT1.-', 'C1.P1')], { GND: ['BT1.+', 'C1.P2'] }),
    good: () => board([], [part('BT1', 'CR2032 coin cell', { '+': 'passive', '-': 'passive' }), two('C1', 'CAP', '10uF')], [net('VBAT', 'BT1.+', 'C1.P1')], { GND: ['BT1.-', 'C1.P2'] }),
  },
  {
    rule: 'pin.type-unknown',
    bad: () => board([mcu({ PA0: 'unspecified' }), dev({ IN: 'input' })], [], [net('S', 'U1.PA0', 'U2.IN')]),
    good: () => board([mcu({ PA0: 'output' }), dev({ IN: 'input' })], [], [net('S', 'U1.PA0', 'U2.IN')]),
  },
  {
    rule: 'led.current-over-rating',
    // 3.3 V through 10 ohm into a red LED: at least (3.3 - 2.5) / 10 = 80 mA; 330 ohm gives 2.4 mA.
    bad: () => board([], [two('R1', 'RES', '10'), part('D1', 'LED red 0603', { A: 'passive', K: 'passive' })], [net('LED_A', 'R1.P2', 'D1.A')], { VCC_3V3: ['R1.P1'], GND: ['D1.K'] }),
    good: () => board([], [two('R1', 'RES', '330'), part('D1', 'LED red 0603', { A: 'passive', K: 'passive' })], [net('LED_A', 'R1.P2', 'D1.A')], { VCC_3V3: ['R1.P1'], GND: ['D1.K'] }),
  },
  { rule: 'coil.flyback-missing', bad: relayBoard(false), good: relayBoard(true) },
];

/**
 * An MP2307 buck (0.925 V feedback reference, MPS MP2307 data sheet) making VDD_3V3 from VIN_5V
 * through a `rTop`/10k divider: 26.1k gives 3.34 V, 44.2k gives 5.01 V.
 */
export function feedbackBoard(rTop: string) {
  return board(
    [],
    [part('U5', 'MP2307 buck converter', { VIN: 'power_in', GND: 'power_in', SW: 'power_out', FB: 'input' }), two('L5', 'Inductor 10uH', '10uH'), two('R5', 'RES', rTop), two('R6', 'RES', '10k'), two('C5', 'CAP', '22uF')],
    [net('BUCK_SW', 'U5.SW', 'L5.P1'), net('VDD_3V3', 'L5.P2', 'R5.P1', 'C5.P1'), net('BUCK_FB', 'R5.P2', 'R6.P1', 'U5.FB')],
    { VIN_5V: ['U5.VIN'], GND: ['U5.GND', 'R6.P2', 'C5.P2'] },
  );
}

/** A connector feeding an MCU directly, with or without a capacitor on the rail. */
function bareMcu(withCap: boolean) {
  const parts = [part('J1', 'Terminal Block 2P', { P1: 'passive', P2: 'passive' }), part('U1', 'MCU', { VDD: 'power_in', GND: 'power_in' })];
  if (withCap) parts.push(two('C1', 'CAP', '100nF'));
  return design(parts, [net('VIN_5V', 'J1.P1', 'U1.VDD', ...(withCap ? ['C1.P1'] : [])), net('GND', 'J1.P2', 'U1.GND', ...(withCap ? ['C1.P2'] : []))]);
}

/** An IC stating `volts` supply, fed from the supply's rail `rail`. */
function railBoard(rail: string, volts: string) {
  return board([], [part('U1', 'MCU', { VDD: 'power_in', GND: 'power_in' }, { voltage_supply: volts }), two('C1', 'CAP', '100n')], [], { [rail]: ['U1.VDD', 'C1.P1'], GND: ['U1.GND', 'C1.P2'] });
}

function headroomBoard(inName: string) {
  // A second LDO (3.3 V out, 0 V dropout known) fed from a rail named by `inName`.
  return board(
    [],
    [part('J2', 'Terminal Block 2P', { P1: 'passive', P2: 'passive' }), part('U5', 'LDO regulator 3.3V', { VIN: 'power_in', VOUT: 'power_out', GND: 'power_in' }), two('C5', 'CAP', '1uF'), two('C6', 'CAP', '1uF')],
    [net(inName, 'J2.P1', 'U5.VIN', 'C5.P1'), net('VCC_3V3_B', 'U5.VOUT', 'C6.P1')],
    { GND: ['J2.P2', 'U5.GND', 'C5.P2', 'C6.P2'] },
  );
}

export function groundBoard(tied: boolean) {
  const parts = [part('U1', 'ADC', { VDD: 'power_in', GND: 'power_in', AGND: 'power_in' }), two('C1', 'CAP', '100n'), two('C3', 'CAP', '100n')];
  if (tied) parts.push(two('FB1', 'Ferrite bead 600R', null));
  const agnd = netOf('ground', 'AGND', 'U1.AGND', 'C3.P2', ...(tied ? ['FB1.P2'] : []));
  return board([], parts, [agnd], { VCC_3V3: ['U1.VDD', 'C1.P1', 'C3.P1'], GND: ['U1.GND', 'C1.P2', ...(tied ? ['FB1.P1'] : [])] });
}

function usbDataBoard(esd: boolean) {
  const parts = [part('J1', 'USB-C-16P receptacle', { 'D+': 'bidirectional', 'D-': 'bidirectional' })];
  if (esd) parts.push(part('D3', 'USBLC6-2 ESD', { IO1: 'passive', IO2: 'passive' }));
  return board([mcu({ USB_DP: 'bidirectional', USB_DM: 'bidirectional' })], parts, [net('USB_DP', 'U1.USB_DP', 'J1.D+', ...(esd ? ['D3.IO1'] : [])), net('USB_DM', 'U1.USB_DM', 'J1.D-', ...(esd ? ['D3.IO2'] : []))]);
}

function batteryBoard(protectedCell: boolean) {
  const parts = [part('BT1', 'LiPo battery 1S 500mAh', { '+': 'passive', '-': 'passive' }), two('C1', 'CAP', '10uF')];
  const extra: Record<string, string[]> = { GND: ['BT1.-', 'C1.P2'] };
  if (protectedCell) {
    parts.push(part('U4', 'DW01A battery protection', { VDD: 'power_in', GND: 'power_in' }));
    extra['GND']!.push('U4.GND');
  }
  return board([], parts, [net('VBAT', 'BT1.+', 'C1.P1', ...(protectedCell ? ['U4.VDD'] : []))], extra);
}

/** A 3 V relay coil switched low by an NPN from an MCU pin, with or without its flyback diode (cathode to the rail). */
function relayBoard(diode: boolean): () => ReturnType<typeof design> {
  return () => {
    const parts = [two('R1', 'RES', '1k'), part('Q1', 'NPN transistor MMBT3904', { B: 'passive', C: 'passive', E: 'passive' }), part('K1', 'Relay 3V coil', { P1: 'passive', P2: 'passive' })];
    if (diode) parts.push(part('D1', 'Diode 1N4148', { A: 'passive', K: 'passive' }));
    return board([mcu({ PB0: 'output' })], parts, [net('RELAY_DRV', 'U1.PB0', 'R1.P1'), net('Q_BASE', 'R1.P2', 'Q1.B'), net('COIL_N', 'Q1.C', 'K1.P2', ...(diode ? ['D1.A'] : []))], {
      VCC_3V3: ['K1.P1', ...(diode ? ['D1.K'] : [])],
      GND: ['Q1.E'],
    });
  };
}
