import type { Component } from '../model/design.js';
import type { LibraryPart } from '../model/part.js';
import { addPart, capacitor, connect, resistor, type Build, type PinSpec } from './builder.js';
import { crystal, decouple, i2cPullups, led, usbCSink, regulator } from './blocks.js';
import { isDescriptor, isPartElement, type IntentElement } from './elements.js';
import { busOf, looksLikePartNumber, SPI_PIN, supplyRange } from './library-parts.js';
import { esp32Core, esp32s3Core, nrfModuleCore, rp2040Core, stm32Core, type Requirements } from './mcu.js';
import { power33, R3, railVolts, type Template } from './templates.js';

/**
 * Blocks built from library records rather than from a fixed template (docs/synthesis.md, "Parts
 * named by number"): a microcontroller board with nothing but its core, and any library part the
 * intent names that sits on I2C or SPI, wired to the board's bus with its decoupling, pull-ups and
 * mode pins. What cannot be wired is reported unmet with the reason.
 */

type Mcu = NonNullable<Template['mcu']>;

/** Bus pins per microcontroller part, in order of preference (free pins are taken first). */
interface McuPins {
  i2c: [string, string][];
  spi: { sck: string; mosi: string; miso: string; cs: string[] }[];
  status: string;
  /** CAN controller TX/RX pins, when the MCU has one. */
  can?: [string, string];
}
const MCU_PINS: Record<string, McuPins> = {
  // ESP32: any GPIO can carry I2C through the matrix; GPIO21/22 are the Arduino defaults, VSPI is 18/19/23/5
  // (ESP32-WROOM-32 data sheet, pin definitions); the TWAI (CAN) controller also routes through the matrix.
  'esp32-wroom-32': { i2c: [['GPIO21', 'GPIO22'], ['GPIO25', 'GPIO26'], ['GPIO32', 'GPIO33']], spi: [{ sck: 'GPIO18', mosi: 'GPIO23', miso: 'GPIO19', cs: ['GPIO5', 'GPIO17', 'GPIO16'] }], status: 'GPIO2', can: ['GPIO4', 'GPIO16'] },
  // ESP32-S3: FSPI default pins 12/11/13/10; I2C on any pin (GPIO8/9 are free on the module).
  'esp32-s3-wroom-1': { i2c: [['GPIO8', 'GPIO9'], ['GPIO1', 'GPIO2']], spi: [{ sck: 'GPIO12', mosi: 'GPIO11', miso: 'GPIO13', cs: ['GPIO10', 'GPIO14'] }], status: 'GPIO48', can: ['GPIO4', 'GPIO5'] },
  // RP2040 function table (data sheet §1.4.3): I2C0 SDA/SCL on GPIO4/5 or 20/21, I2C1 on 26/27; SPI0 RX16 CSn17 SCK18 TX19.
  rp2040: { i2c: [['GPIO4', 'GPIO5'], ['GPIO20', 'GPIO21'], ['GPIO26', 'GPIO27']], spi: [{ sck: 'GPIO18', mosi: 'GPIO19', miso: 'GPIO16', cs: ['GPIO17', 'GPIO22'] }], status: 'GPIO25' },
  // STM32F103 (data sheet pin definitions): I2C1 on PB7/PB6, I2C2 on PB11/PB10; SPI1 on PA5/PA7/PA6 with NSS PA4;
  // bxCAN TX on PA12, RX on PA11 (default mapping).
  stm32f103c8t6: { i2c: [['PB7', 'PB6'], ['PB11', 'PB10']], spi: [{ sck: 'PA5', mosi: 'PA7', miso: 'PA6', cs: ['PA4', 'PB0'] }], status: 'PC13', can: ['PA12', 'PA11'] },
  // nRF52840: TWI and SPI pins are freely assignable (PS, GPIO and PSEL registers).
  'mdbt50q-1mv2': { i2c: [['P0.26', 'P0.04'], ['P0.06', 'P0.08']], spi: [{ sck: 'P1.10', mosi: 'P1.11', miso: 'P1.12', cs: ['P1.13', 'P1.14'] }], status: 'P0.13' },
};

const canon = (s: string) => s.toUpperCase().replace(/^(?:GP|IO)(\d+)$/, 'GPIO$1');

/** The board's microcontroller component, if any. */
function mcuOf(b: Build): Component | undefined {
  return Object.values(b.components).find((c) => c.properties['synth_block'] === 'mcu');
}

/** Is the MCU pin (any spelling: GP4 / IO4 / GPIO4) already wired? */
function pinTaken(b: Build, u: Component, name: string): boolean {
  const want = canon(name);
  const pin = Object.keys(u.pins).find((p) => canon(p) === want);
  return !!pin && Object.values(b.nets).some((n) => n.nodes.some((x) => x.component === u.id && x.pin === pin));
}

/** Adds an MCU pin (with the library's pad number when the record has one) and returns its name. */
function mcuPin(b: Build, u: Component, name: string): string {
  const have = Object.keys(u.pins).find((p) => canon(p) === canon(name));
  if (have) return have;
  const rec = u.part_id ? b.lib.get(u.part_id)?.pins.find((p) => canon(p.name) === canon(name)) : undefined;
  const number = rec?.number ? rec.number.trim().split(/[\s,]+/).join(',') : null;
  u.pins[name] = { name, type: 'bidirectional', number, description: '' };
  return name;
}

/** The logic rail and its voltage: 3.3 V when the board has it, else the rail the MCU runs on. */
function logicRail(b: Build): { rail: string; volts: number } | null {
  if (b.nets[R3]) return { rail: R3, volts: 3.3 };
  const u = mcuOf(b);
  const supply = u && Object.values(b.nets).find((n) => n.type === 'power' && n.nodes.some((x) => x.component === u.id));
  const rail = supply ?? Object.values(b.nets).find((n) => n.type === 'power');
  if (!rail) return null;
  return { rail: rail.name, volts: rail.name === 'VBAT' && b.components['BT1'] ? 3.0 : Number(/(\d+)V(\d*)/.exec(rail.name)?.slice(1).join('.') ?? '3.3') || 3.3 };
}

const SUPPLY = /^(VDD|VCC|VDDIO|VDD_IO|VIO|VS|V\+|AVDD|DVDD|VDDA|VLED|VDD_IN|AVDDVCSEL|3\.3V|3V3|VCC_IO)$/;
const GROUND = /^(GND|VSS|PGND|AGND|DGND|AVSS|DVSS|AVSSVCSEL|VSSA|EP|EPAD|DAP)$/;
const ADDRESS = /^(ADDR|ADD0|ADR|A0|A1|A2|SA0|AD0|ADDR0|ADDR1|E1|E2)$/;
/** Active-low enables and resets held inactive (high); others (INT, alert outputs) stay open. */
const HOLD_HIGH = /^(NRESET|XSHUT|RST#|RESET#|NRST)$/;

type Role = 'gnd' | 'rail' | 'sda' | 'scl' | 'sck' | 'mosi' | 'miso' | 'cs';

/** Which net each pin of a bus part goes to; pins without a role stay open. */
function pinRoles(part: LibraryPart, bus: 'i2c' | 'spi' | 'can' | 'usb-uart'): { pin: LibraryPart['pins'][number]; role: Role }[] {
  const out: { pin: LibraryPart['pins'][number]; role: Role }[] = [];
  const hasCs = part.pins.some((x) => SPI_PIN.CS.test(x.name.toUpperCase()));
  for (const pin of part.pins) {
    const n = pin.name.toUpperCase();
    const role: Role | null =
      pin.type === 'no_connect' ? null
      : GROUND.test(n) ? 'gnd'
      // Named supplies, and any other supply input but a backup-cell one (VBAT, V_BCKP: the engineer's choice).
      : (SUPPLY.test(n) && pin.type !== 'output') || (pin.type === 'power_in' && !/BAT|BCKP|BACKUP/.test(n)) ? 'rail'
      : bus === 'i2c' && n === 'SDA' ? 'sda'
      : bus === 'i2c' && n === 'SCL' ? 'scl'
      // I2C mode: chip select high selects I2C on parts that also speak SPI (ST, Bosch data sheets).
      : bus === 'i2c' && SPI_PIN.CS.test(n) ? 'rail'
      // Address selects low: the part's base address (an assumption says so).
      : bus === 'i2c' && (ADDRESS.test(n) || (n === 'SDO' && hasCs) || /^(WP|WC)$/.test(n)) ? 'gnd'
      : bus === 'spi' && SPI_PIN.SCK.test(n) ? 'sck'
      : bus === 'spi' && SPI_PIN.MOSI.test(n) ? 'mosi'
      : bus === 'spi' && SPI_PIN.MISO.test(n) ? 'miso'
      : bus === 'spi' && SPI_PIN.CS.test(n) ? 'cs'
      // SPI memories: write-protect and hold inactive (high).
      : bus === 'spi' && /^(WP|HOLD|WP#|HOLD#)$/.test(n) ? 'rail'
      : HOLD_HIGH.test(n) ? 'rail'
      : null;
    if (role) out.push({ pin, role });
  }
  return out;
}

/** Wires a library part the intent names onto the board; returns the reason when it cannot. */
export function addLibraryPart(b: Build, req: Requirements, part: LibraryPart, els: IntentElement[] = []): string | null {
  const bus = busOf(part);
  if (!bus && isTimer555(part)) return timer555(b, req, part, els);
  if (!bus) {
    return part.category === 'mcu'
      ? `${part.name} is in the library (${part.id}), but synthesis has no core block for it (cores: ESP32, ESP32-S3, RP2040, STM32F103, nRF52840, ATtiny85)`
      : `${part.name} is in the library (${part.id}), but it has no I2C or SPI pins and no block wires a part of its kind`;
  }
  const logic = logicRail(b);
  if (!logic) return `no supply rail on the board for ${part.name}`;
  if (bus === 'can') return canTransceiver(b, part, logic);
  if (bus === 'usb-uart') return usbUart(b, part, logic);
  const range = supplyRange(part);
  if (range && (logic.volts < range.min - 1e-9 || logic.volts > range.max + 1e-9)) {
    return `${part.name} takes ${range.said}; the board logic runs at ${logic.volts} V and synthesis has no level-shifted rail for it`;
  }
  // The part: supply pins on the logic rail, grounds on GND, bus pins on the bus, mode pins tied.
  const roles = pinRoles(part, bus);
  const used: PinSpec[] = roles.map(({ pin }) => {
    const number = pin.number ? pin.number.trim().split(/[\s,]+/).join(',') : undefined;
    return { name: pin.name, type: pin.type === 'unspecified' ? 'passive' : pin.type, ...(number ? { number } : {}) };
  });
  // Pads come from the record: an unreviewed record without pad numbers would put nets on guessed pads.
  const unnumbered = used.filter((p) => !p.number).map((p) => p.name);
  if (unnumbered.length && part.properties['review_status'] !== 'pinout-checked') {
    return `${part.name}'s library record (${part.id}) is unreviewed and gives no pad numbers for ${unnumbered.join(', ')}; it needs a checked pinout before synthesis wires it`;
  }
  const u = mcuOf(b);
  const pins = u?.part_id ? MCU_PINS[u.part_id] : undefined;
  let sda = 'I2C_SDA';
  let scl = 'I2C_SCL';
  let spi: { sck: string; mosi: string; miso: string; cs: string } | null = null;
  if (bus === 'i2c' && !b.nets[sda]) {
    if (!u) return `${part.name} is an I2C part and the board has no microcontroller or I2C header to hang it on`;
    const pair = pins?.i2c.find(([d, c]) => !pinTaken(b, u, d) && !pinTaken(b, u, c));
    if (!pair) return `no free I2C pins on the ${u.type} for ${part.name}`;
    connect(b, sda, [[u.id, mcuPin(b, u, pair[0])]]);
    connect(b, scl, [[u.id, mcuPin(b, u, pair[1])]]);
    i2cPullups(b, logic.rail, logic.volts, sda, scl, req.i2cHz, 1 + req.extraI2cDevices);
    b.assumptions.push(`I2C bus for ${part.name} on ${u.ref} ${pair[0]} (SDA) / ${pair[1]} (SCL).`);
  } else if (bus === 'spi') {
    if (!u) return `${part.name} is an SPI part and the board has no microcontroller to drive it`;
    const set = pins?.spi[0];
    if (!set) return `no SPI pins known for the ${u.type}`;
    const shared = b.nets['SPI_SCK'] !== undefined;
    if (!shared && [set.sck, set.mosi, set.miso].some((p) => pinTaken(b, u, p))) return `the ${u.type}'s SPI pins are taken on this board`;
    const cs = set.cs.find((p) => !pinTaken(b, u, p));
    if (!cs) return `no free chip-select pin on the ${u.type} for ${part.name}`;
    const n = Object.keys(b.nets).filter((k) => k.startsWith('SPI_CS')).length + 1;
    spi = { sck: 'SPI_SCK', mosi: 'SPI_MOSI', miso: 'SPI_MISO', cs: `SPI_CS${n}` };
    if (!shared) {
      connect(b, spi.sck, [[u.id, mcuPin(b, u, set.sck)]], 'clock');
      connect(b, spi.mosi, [[u.id, mcuPin(b, u, set.mosi)]], 'data');
      connect(b, spi.miso, [[u.id, mcuPin(b, u, set.miso)]], 'data');
    }
    connect(b, spi.cs, [[u.id, mcuPin(b, u, cs)]]);
    b.assumptions.push(`SPI for ${part.name} on ${u.ref} ${set.sck}/${set.mosi}/${set.miso}, chip select ${cs}.`);
  }

  const id = addPart(b, {
    prefix: 'U',
    partId: part.id,
    pins: used,
    block: 'library-part',
    why: `${part.name} (${part.manufacturer} ${part.mpn}): ${part.description}. Named in the intent; on ${bus.toUpperCase()} at ${logic.volts} V${range ? ` (record: ${range.said})` : ''}, pads from its library record.`,
  });
  const netOf: Record<Role, string> = { gnd: 'GND', rail: logic.rail, sda, scl, sck: spi?.sck ?? '', mosi: spi?.mosi ?? '', miso: spi?.miso ?? '', cs: spi?.cs ?? '' };
  for (const { pin, role } of roles) connect(b, netOf[role], [[id, pin.name]]);
  const csPins = roles.filter((r) => r.role === 'cs').map((r) => r.pin.name);
  const supplies = new Set(roles.filter((r) => r.role === 'rail' && r.pin.type === 'power_in').map((r) => r.pin.name));
  decouple(b, logic.rail, Math.max(1, Math.min(2, supplies.size)), id, 0);
  if (spi && csPins.length) resistor(b, 10_000, logic.rail, spi.cs, 'library-part', `Chip-select pull-up 10 kΩ keeps ${part.name} deselected while the controller resets.`);
  const open = part.pins.filter((p) => !used.some((x) => x.name === p.name) && p.type !== 'no_connect' && !/^(NC|DNC)\d*$/i.test(p.name)).map((p) => p.name);
  if (open.length) b.assumptions.push(`${id} (${part.name}): ${open.join(', ')} left unconnected (interrupts, outputs and options for the engineer to wire).`);
  if (bus === 'i2c' && part.pins.some((p) => ADDRESS.test(p.name.toUpperCase()))) b.assumptions.push(`${id} (${part.name}): address pins tied low (base I2C address).`);
  return null;
}

/** Places every library part the intent names; records why for those it cannot. */
export function addNamedParts(b: Build, req: Requirements, els: IntentElement[]): void {
  for (const e of els) {
    if (!isPartElement(e) || !e.partId) continue;
    if (Object.values(b.components).some((c) => c.part_id === e.partId)) continue;
    const part = b.lib.get(e.partId);
    if (!part) continue;
    const why = addLibraryPart(b, req, part, els);
    if (why) req.notes[e.id] = why;
  }
  for (const e of els) {
    if (isDescriptor(e) && e.partId && req.notes[`part:${e.partId}`]) req.notes[e.id] = `describes ${b.lib.get(e.partId)?.name ?? e.partId}, which is not on the board`;
    if (e.kind === 'unknown') req.notes[e.id] = unknownNote(b, e.label);
    if (e.id.startsWith('actuator:')) req.notes[e.id] = actuatorNote(b, e);
  }
}

/** Why an unknown word was not built: no such part, or a kind of part to be named. */
function unknownNote(b: Build, word: string): string {
  const withdrawn = b.lib.withdrawnNamed({ part_id: null, mpn: word, type: word });
  if (withdrawn) return `"${word}" is a withdrawn library part (${withdrawn.id}, docs/library.md "Withdrawn parts"): ${withdrawn.reason}; nothing is invented`;
  if (looksLikePartNumber(word)) return `no part "${word}" in the library (nothing is invented; add its record or name a library part)`;
  if (word.length < 5) return `"${word}" names nothing the library or the blocks can build`;
  const re = new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/s$/, '')}`, 'i');
  const kin = b.lib.all().filter((p) => p.category !== 'passive' && re.test(p.description)).map((p) => p.id);
  return kin.length
    ? `"${word}" names a kind of part, not a part: name one, e.g. ${kin.slice(0, 4).join(', ')}${kin.length > 4 ? ` (${kin.length} in the library)` : ''}`
    : `"${word}" names nothing the library or the blocks can build`;
}

const ACTUATOR_PARTS: Record<string, RegExp> = {
  'actuator:buzzer': /\bbuzzer|\bpiezo|\btransducer/i,
  'actuator:relay': /\brelay/i,
  'actuator:vibration': /\bvibration|\berm motor|\bhaptic/i,
};

/** A driver block (transistor, flyback diode) needs the load it drives; say which is missing. */
function actuatorNote(b: Build, e: IntentElement): string {
  const load = b.lib.all().filter((p) => ACTUATOR_PARTS[e.id]!.test(`${p.name} ${p.description}`) && p.category !== 'passive');
  return load.length
    ? `the library has ${load.map((p) => p.id).join(', ')}, but no driver block is written for it yet`
    : `the library has no ${e.label} part, so neither it nor its driver (transistor${e.id === 'actuator:buzzer' ? '' : ' and flyback diode'}) is placed; nothing is invented`;
}

/**
 * CAN transceiver (TJA1042 class: TXD, RXD, VCC, VIO, STB, CANH, CANL) on the MCU's CAN controller:
 * VCC on the 5 V rail (the TJA1042 data sheet asks 4.5–5.5 V), VIO on the logic rail so TXD/RXD
 * swing at 3.3 V, STB low for normal mode, the bus on a 3-pole terminal (CANH, CANL, GND) with a
 * 120 Ω termination for a node at the end of the line (ISO 11898-2 terminates both ends).
 */
function canTransceiver(b: Build, part: LibraryPart, logic: { rail: string; volts: number }): string | null {
  const u = mcuOf(b);
  if (!u) return `${part.name} needs a microcontroller with a CAN controller; the board has none`;
  const can = MCU_PINS[u.part_id ?? '']?.can;
  if (!can) return `the ${u.type} has no CAN controller for ${part.name}`;
  if (can.some((p) => pinTaken(b, u, p))) return `the ${u.type}'s CAN pins are taken on this board`;
  const five = Object.values(b.nets).find((n) => n.type === 'power' && /^\+?5V$|^VBUS$/.test(n.name));
  if (!five) return `${part.name} needs a 5 V supply for VCC and the board has no 5 V rail (name USB-C or a 5 V input)`;
  const pin = (name: string) => part.pins.find((x) => x.name === name);
  const need = ['TXD', 'RXD', 'VCC', 'GND', 'CANH', 'CANL'];
  if (need.some((n) => !pin(n)?.number)) return `${part.name}'s record lacks pad numbers for ${need.filter((n) => !pin(n)?.number).join(', ')}`;
  const roles: [string, string][] = [['TXD', 'CAN_TX'], ['RXD', 'CAN_RX'], ['VCC', five.name], ['GND', 'GND'], ['CANH', 'CANH'], ['CANL', 'CANL']];
  if (pin('VIO')) roles.push(['VIO', logic.rail]);
  if (pin('STB')) roles.push(['STB', 'GND']);
  const x = addPart(b, {
    prefix: 'U',
    partId: part.id,
    pins: roles.map(([n]) => ({ name: n, type: pin(n)!.type === 'unspecified' ? 'passive' : pin(n)!.type, number: pin(n)!.number!.trim().split(/[\s,]+/).join(',') })),
    block: 'library-part',
    why: `${part.name} (${part.manufacturer} ${part.mpn}): ${part.description}. Named in the intent; VCC on ${five.name}, ${pin('VIO') ? `VIO on ${logic.rail} so its logic pins match the MCU, ` : ''}${pin('STB') ? 'STB low = normal mode, ' : ''}pads from its library record.`,
  });
  for (const [n, net] of roles) connect(b, net, [[x, n]]);
  connect(b, 'CAN_TX', [[u.id, mcuPin(b, u, can[0])]]);
  connect(b, 'CAN_RX', [[u.id, mcuPin(b, u, can[1])]]);
  decouple(b, five.name, 1, x, 0);
  if (pin('VIO')) decouple(b, logic.rail, 1, x, 0);
  const j = addPart(b, { prefix: 'J', partId: 'terminal-3p-3.5mm', pins: ['P1', 'P2', 'P3'].map((name) => ({ name, type: 'passive' as const })), block: 'can-bus', why: 'CAN bus terminal 3-pole 3.5 mm: 1 CANH, 2 CANL, 3 GND.' });
  connect(b, 'CANH', [[j, 'P1']]);
  connect(b, 'CANL', [[j, 'P2']]);
  connect(b, 'GND', [[j, 'P3']]);
  resistor(b, 120, 'CANH', 'CANL', 'can-bus', '120 Ω bus termination between CANH and CANL: this node ends the line (ISO 11898-2 terminates both ends with the cable impedance).');
  b.assumptions.push(`CAN on ${u.ref} ${can[0]} (TX) / ${can[1]} (RX); the board terminates the bus with 120 Ω (remove it for a node in the middle of the line).`);
  b.nets['CANH']!.type = 'differential';
  b.nets['CANL']!.type = 'differential';
  return null;
}

/**
 * USB-UART bridge (CH340 class: UD+, UD-, TXD, RXD, VCC, V3, optional XI/XO) on the board's USB-C data
 * pair. With a microcontroller it runs from the 3.3 V logic rail (V3 tied to VCC) so TXD/RXD match the
 * MCU and cross onto its UART nets; on its own it runs from 5 V with V3 decoupled by 100 nF (WCH CH340
 * data sheet, pin V3) and brings TXD/RXD out on a 1×4 header. A part with XI/XO gets its 12 MHz crystal.
 */
function usbUart(b: Build, part: LibraryPart, logic: { rail: string; volts: number }): string | null {
  const usb = Object.values(b.components).find((c) => c.part_id === 'usb-c-16p');
  if (!usb) return `${part.name} needs the board's USB-C connector for its data pair; name USB-C as the supply`;
  if (Object.keys(usb.pins).some((p) => /^D[+-]$/.test(p))) return `the USB-C data pair is already in use on this board`;
  const u = mcuOf(b);
  const uartTx = u ? Object.keys(b.nets).find((n) => /^UART_TX$/.test(n)) : undefined;
  const uartRx = u ? Object.keys(b.nets).find((n) => /^UART_RX$/.test(n)) : undefined;
  if (u && (!uartTx || !uartRx)) return `the ${u.type} board has no UART header nets for ${part.name} to cross onto`;
  const five = Object.values(b.nets).find((n) => n.type === 'power' && /^\+5V$/.test(n.name));
  const vcc = u ? logic.rail : five?.name;
  if (!vcc) return `${part.name} needs a 5 V or 3.3 V rail`;
  const pin = (n: string) => part.pins.find((x) => x.name.toUpperCase() === n);
  const roles: [string, string][] = [['VCC', vcc], ['GND', 'GND'], ['UD+', 'USB_DP'], ['UD-', 'USB_DM'], ['TXD', u ? uartRx! : 'UART_TXD'], ['RXD', u ? uartTx! : 'UART_RXD']];
  if (pin('V3')) roles.push(['V3', u ? vcc : 'CH_V3']);
  if (pin('XI') && pin('XO')) roles.push(['XI', 'CH_XI'], ['XO', 'CH_XO']);
  if (roles.some(([n]) => !pin(n)?.number)) return `${part.name}'s record lacks pad numbers for ${roles.filter(([n]) => !pin(n)?.number).map(([n]) => n).join(', ')}`;
  const x = addPart(b, {
    prefix: 'U',
    partId: part.id,
    pins: roles.map(([n]) => ({ name: pin(n)!.name, type: pin(n)!.type === 'unspecified' ? 'passive' : pin(n)!.type, number: pin(n)!.number!.trim().split(/[\s,]+/).join(',') })),
    block: 'library-part',
    why: `${part.name} (${part.manufacturer} ${part.mpn}): ${part.description}. Named in the intent; USB data from the USB-C connector, ${u ? `TXD/RXD crossed onto ${u.ref}'s UART at ${logic.volts} V` : 'TXD/RXD on a 1×4 header at 5 V'}, pads from its library record.`,
  });
  for (const [n, net] of roles) connect(b, net, [[x, pin(n)!.name]]);
  // At 5 V, V3 is the output of the part's internal 3.3 V regulator (WCH CH340 data sheet, pin V3).
  if (!u && pin('V3')) b.components[x]!.pins[pin('V3')!.name]!.type = 'power_out';
  usb.pins['D+'] = { name: 'D+', type: 'bidirectional', number: null, description: '' };
  usb.pins['D-'] = { name: 'D-', type: 'bidirectional', number: null, description: '' };
  connect(b, 'USB_DP', [[usb.id, 'D+']], 'differential');
  connect(b, 'USB_DM', [[usb.id, 'D-']], 'differential');
  decouple(b, vcc, 1, x, 0);
  if (!u && pin('V3')) capacitor(b, 100e-9, 'CH_V3', 'GND', 'library-part', `V3 decoupling 100 nF: at 5 V the ${part.name}'s internal 3.3 V regulator output needs it (WCH CH340 data sheet, pin V3).`);
  if (pin('XI') && pin('XO')) crystal(b, 'crystal-12mhz', 'CH_XI', 'CH_XO', 18);
  if (!u) {
    const j = addPart(b, { prefix: 'J', partId: 'header-1x4', pins: ['P1', 'P2', 'P3', 'P4'].map((name) => ({ name, type: 'passive' as const })), block: 'uart-header', why: 'Serial header 1×4 (2.54 mm): 1 +5V, 2 TXD (out), 3 RXD (in), 4 GND.' });
    connect(b, vcc, [[j, 'P1']]);
    connect(b, 'UART_TXD', [[j, 'P2']]);
    connect(b, 'UART_RXD', [[j, 'P3']]);
    connect(b, 'GND', [[j, 'P4']]);
    b.assumptions.push(`${x} (${part.name}) runs at 5 V: its TXD/RXD swing 0–5 V on the header.`);
  }
  return null;
}

const isTimer555 = (p: LibraryPart) => ['TRIG', 'THRES', 'DISCH', 'OUT', 'VCC', 'GND'].every((n) => p.pins.some((x) => x.name.toUpperCase() === n));

/**
 * 555 timer as an astable LED flasher (the intent names a 555 and an LED): RA from VCC to DISCH, RB
 * from DISCH to the timing node, C from there to GND, TRIG and THRES on the timing node, RESET high,
 * CONT to GND through 10 nF. Astable frequency f = 1.44 / ((RA + 2·RB)·C) and high time share
 * (RA + RB)/(RA + 2·RB) (TI NE555 data sheet SLFS022, astable operation): 10 kΩ, 68 kΩ, 10 µF → ≈ 1 Hz, 53 %.
 */
function timer555(b: Build, req: Requirements, part: LibraryPart, els: IntentElement[]): string | null {
  if (!els.some((e) => e.id === 'indicator:led')) return `${part.name} is a timer; synthesis builds it as an astable LED flasher, and the intent names no LED for it to drive`;
  const supply = Object.values(b.nets).find((n) => n.type === 'power' && n.name !== R3) ?? Object.values(b.nets).find((n) => n.type === 'power');
  if (!supply) return `no supply rail on the board for ${part.name}`;
  const v = Number(/(\d+)V(\d*)/.exec(supply.name)?.slice(1).join('.') ?? NaN);
  const range = supplyRange(part);
  if (!Number.isFinite(v) || (range && (v < range.min || v > range.max))) return `${part.name} takes ${range?.said ?? 'an unknown supply'}; the board's ${supply.name} does not fit`;
  const pin = (n: string) => part.pins.find((x) => x.name.toUpperCase() === n)!;
  const roles: [string, string][] = [['VCC', supply.name], ['GND', 'GND'], ['DISCH', 'TMR_DIS'], ['TRIG', 'TMR_TH'], ['THRES', 'TMR_TH'], ['OUT', 'TMR_OUT']];
  if (part.pins.some((x) => x.name.toUpperCase() === 'RESET')) roles.push(['RESET', supply.name]);
  if (part.pins.some((x) => x.name.toUpperCase() === 'CONT')) roles.push(['CONT', 'TMR_CV']);
  if (roles.some(([n]) => !pin(n).number)) return `${part.name}'s record lacks pad numbers`;
  const u = addPart(b, {
    prefix: 'U',
    partId: part.id,
    pins: roles.map(([n]) => ({ name: pin(n).name, type: pin(n).type === 'unspecified' ? 'passive' : pin(n).type, number: pin(n).number!.trim().split(/[\s,]+/).join(',') })),
    block: 'library-part',
    why: `${part.name} (${part.manufacturer} ${part.mpn}): ${part.description}. Named in the intent; astable LED flasher on ${supply.name}, pads from its library record.`,
  });
  for (const [n, net] of roles) connect(b, net, [[u, pin(n).name]]);
  decouple(b, supply.name, 1, u, 0);
  resistor(b, 10_000, supply.name, 'TMR_DIS', 'timer', 'RA 10 kΩ (VCC to DISCH): with RB and C sets f = 1.44/((RA + 2·RB)·C) ≈ 0.99 Hz (TI NE555 data sheet, astable operation).');
  resistor(b, 68_000, 'TMR_DIS', 'TMR_TH', 'timer', 'RB 68 kΩ (DISCH to TRIG/THRES): high time 0.693·(RA + RB)·C ≈ 0.54 s, low time 0.693·RB·C ≈ 0.47 s.');
  capacitor(b, 10e-6, 'TMR_TH', 'GND', 'timer', 'Timing capacitor 10 µF: about one flash per second with 10 kΩ and 68 kΩ.');
  if (roles.some(([n]) => n === 'CONT')) capacitor(b, 10e-9, 'TMR_CV', 'GND', 'timer', 'CONT 10 nF to GND keeps noise off the comparator threshold (NE555 data sheet application circuits).');
  // Output high sits about 1.7 V below VCC under load (NE555 data sheet, high-level output voltage).
  led(b, 'TMR_OUT', Math.round((v - 1.7) * 10) / 10, req.ledColor, 'FLASH', 0.01);
  b.assumptions.push(`${u} (${part.name}) flashes the LED at ≈ 1 Hz (10 kΩ, 68 kΩ, 10 µF); change RB or C for another rate.`);
  return null;
}

const LOADS: Record<Mcu, number> = { esp32: 0.5, esp32s3: 0.65, rp2040: 0.1, stm32: 0.1, nrf52840: 0.02, attiny85: 0.02 };

/**
 * A microcontroller board from blocks when the intent names an MCU but no feature of a board kind:
 * power source and 3.3 V rail, the MCU core block (reset, boot, crystal, flash, debug header as that
 * core has them) and a status LED on its usual pin when an LED is named.
 */
export function mcuBoard(b: Build, req: Requirements, mcu: Mcu, els: IntentElement[]): { title: string; description: string } {
  if (mcu === 'attiny85') throw new Error('the ATtiny85 board is a template');
  let rail: string;
  let u: string;
  if (mcu === 'esp32s3' && req.power === 'usb-c') {
    usbCSink(b, { rail: '+5V', data: { dp: 'USB_DP', dm: 'USB_DM' } });
    regulator(b, { vinV: 5, vinMinV: 4.75, voutV: 3.3, loadA: LOADS.esp32s3, ...(req.regulator ? { forced: req.regulator } : {}) }, '+5V', R3);
    rail = R3;
  } else {
    rail = power33(b, req, LOADS[mcu]);
  }
  if (mcu === 'esp32') u = esp32Core(b, rail, [], 'ESP32-WROOM-32: Wi-Fi/BLE module with antenna and flash; certified, so no RF layout on this board.');
  else if (mcu === 'esp32s3') u = esp32s3Core(b, rail, [], 'ESP32-S3-WROOM-1: Wi-Fi/BLE module with native USB (GPIO19/20) for power, programming and serial.');
  else if (mcu === 'rp2040') u = rp2040Core(b, rail, [], false, 'RP2040: dual Cortex-M0+, 264 KB RAM, boots from the QSPI flash beside it.');
  else if (mcu === 'stm32') u = stm32Core(b, rail, [], 'STM32F103C8: Cortex-M3 at 72 MHz, 64 KB flash, I2C/SPI/CAN/USB peripherals.');
  else u = nrfModuleCore(b, rail, []);
  if (els.some((e) => e.id === 'indicator:led')) {
    const c = b.components[u]!;
    const pin = MCU_PINS[c.part_id ?? '']?.status;
    if (pin && !pinTaken(b, c, pin)) {
      connect(b, 'STATUS', [[u, mcuPin(b, c, pin)]]);
      led(b, 'STATUS', railVolts(rail), req.ledColor, 'STATUS', rail === R3 ? 0.005 : 0.002);
    }
  }
  const name = b.components[u]!.type;
  return { title: `${name} board`, description: `Composed from blocks: ${name} core on a ${rail} rail.` };
}
