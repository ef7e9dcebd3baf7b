import type { ErcRule, RuleHit } from '../types.js';
import { bridges, libraryPin, livePins, netsOf, otherNets, type NlComponent, type NlNet, type NlPin, type Netlist } from '../netlist.js';
import { powerSources } from '../power.js';
import { railVoltages } from '../rails.js';
import { tolerantCeiling } from '../tolerance.js';
import { diodeSide, pinDescription } from '../pin-roles.js';
import { formatSiValue } from '../../../kernel/units.js';
import { hit, list } from './hit.js';

/**
 * Rules about the small parts a circuit needs around its ICs: decoupling capacitors, I2C pull-ups,
 * LED series resistors, crystal load capacitors, USB-C CC termination, electrolytic polarity.
 * Parts marked DNP never satisfy a rule (ZapTrace ERC029: a variant without them would not work);
 * findings say when only DNP parts would have.
 */

const isRail = (n: NlNet): boolean => n.ground || n.supply;

function dnpNote(net: NlNet, role: NlComponent['role'], other: (n: NlNet) => boolean): string {
  const dnp = net.pins.filter((p) => p.comp.dnp && p.comp.role === role && otherNets(p.comp, net).some(other)).map((p) => p.comp.ref);
  return dnp.length > 0 ? ` (${list([...new Set(dnp)].sort())} would, but ${dnp.length > 1 ? 'are' : 'is'} marked DNP)` : '';
}

/**
 * Rails a regulator drives. A switch node (SW/LX pin, or a net that runs into an inductor) is not
 * one: a capacitor there would short the switching transistor every cycle.
 */
function regulatorOutputNets(c: NlComponent): NlNet[] {
  const out: NlNet[] = [];
  for (const p of c.pins.values()) {
    if (!(p.type === 'output' || p.type === 'power_out' || /^V?OUT(PUT)?$/i.test(p.name)) || /^(SW|LX|PH|BST|BOOT)\d*$/i.test(p.name)) continue;
    for (const n of p.nets) {
      const switchNode = livePins(n).some((q) => q.comp.role === 'inductor') && !n.supply;
      if (!n.ground && !switchNode && !out.includes(n)) out.push(n);
    }
  }
  return out;
}

function decoupling(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || !['ic', 'regulator', 'oscillator'].includes(c.role)) continue;
    const supply: NlNet[] = [];
    for (const p of c.pins.values()) if (p.type === 'power_in') for (const n of p.nets) if (!n.ground && !supply.includes(n)) supply.push(n);
    if (c.role === 'regulator') for (const n of regulatorOutputNets(c)) if (!supply.includes(n)) supply.push(n);
    const missing = supply.filter((n) => bridges(n, 'capacitor', (o) => o.ground).length === 0);
    if (missing.length === 0) continue;
    const notes = missing.map((n) => `${n.name}${dnpNote(n, 'capacitor', (o) => o.ground)}`);
    hits.push(
      hit(
        `${c.ref} has no capacitor from ${list(notes)} to ground${c.role === 'regulator' ? ' (regulators need input and output capacitors)' : ''}.`,
        `Add a 100 nF ceramic capacitor (plus bulk capacitance where the datasheet asks) from each supply of ${c.ref} to ground, close to the pins.`,
        { components: [c], nets: missing },
      ),
    );
  }
  return hits;
}

/** I2C nets: SDA/SCL in the name, or a data/clock net whose name says I2C. */
export function isI2cNet(n: NlNet): boolean {
  if (/(?:^|[^A-Za-z])(?:SDA|SCL)\d*(?:$|[^A-Za-z])/i.test(n.name)) return true;
  return (n.net.type === 'data' || n.net.type === 'clock') && /i2c|iic|twi/i.test(n.name);
}

const I2C_MIN_OHM = 1e3;
const I2C_MAX_OHM = 10e3;

function i2cNets(nl: Netlist): NlNet[] {
  // A bus needs two parties (two devices, or a device and a connector) before pull-ups matter.
  return nl.nets.filter((n) => isI2cNet(n) && !n.ground && !n.supply && new Set(livePins(n).filter((p) => p.comp.role !== 'resistor' && p.comp.role !== 'testpoint').map((p) => p.comp)).size >= 2);
}

function pullupTarget(nl: Netlist): (n: NlNet) => boolean {
  const sources = powerSources(nl);
  return (n) => !n.ground && (n.supply || sources.has(n));
}

function i2cPullups(nl: Netlist): RuleHit[] {
  const toRail = pullupTarget(nl);
  return i2cNets(nl)
    .filter((n) => bridges(n, 'resistor', toRail).length === 0)
    .map((n) =>
      hit(`I2C net ${n.name} has no pull-up resistor to a supply rail${dnpNote(n, 'resistor', toRail)}: open-drain SDA/SCL never go high.`, `Add a pull-up (typically 2.2k–4.7k) from ${n.name} to the bus supply.`, {
        components: livePins(n).map((p) => p.comp),
        nets: [n],
      }),
    );
}

function i2cPullupValues(nl: Netlist): RuleHit[] {
  const toRail = pullupTarget(nl);
  const hits: RuleHit[] = [];
  for (const n of i2cNets(nl)) {
    for (const r of bridges(n, 'resistor', toRail)) {
      if (r.valueSi === null || (r.valueSi >= I2C_MIN_OHM && r.valueSi <= I2C_MAX_OHM)) continue;
      const why = r.valueSi < I2C_MIN_OHM ? 'pulls more than the 3 mA an I2C device must sink (UM10204)' : 'is too weak for clean rising edges on a loaded bus (UM10204 rise-time limit)';
      hits.push(
        hit(`Pull-up ${r.ref} on I2C net ${n.name} is ${formatSiValue(r.valueSi, 'Ω')}: it ${why}.`, `Use a pull-up between 1k and 10k (4.7k is usual at 100/400 kHz).`, {
          components: [r],
          nets: [n],
        }),
      );
    }
  }
  return hits;
}

/**
 * I2C pull-ups set the bus high level: pulled to a rail above the supply of a device on the bus, they
 * drive its SDA/SCL above its supply (NXP UM10204 §3.1.1: VIH max = VDD + 0.5 V unless the part is
 * 5 V tolerant). Rail voltages come from names, regulators and sources (rails.ts).
 */
interface PulledBusPin {
  net: NlNet;
  pin: NlPin;
  /** The highest pull-up rail of the net, its resistor and its voltage. */
  up: { r: NlComponent; rail: NlNet; v: number };
  /** The device's supply rails other than ground, and the voltage of those that have one. */
  supplies: NlNet[];
  volts: ReturnType<typeof railVoltages>;
}

/** Every IC pin on an I2C net whose pull-ups go to rails of known voltage, with the highest pull-up. */
function pulledI2cPins(nl: Netlist): PulledBusPin[] {
  const toRail = pullupTarget(nl);
  const volts = railVoltages(nl);
  const out: PulledBusPin[] = [];
  for (const n of i2cNets(nl)) {
    const ups = bridges(n, 'resistor', toRail).flatMap((r) => otherNets(r, n).filter((o) => volts.has(o)).map((o) => ({ r, rail: o, v: volts.get(o)!.volts })));
    if (ups.length === 0) continue;
    const high = Math.max(...ups.map((u) => u.v));
    const up = ups.find((u) => u.v === high)!;
    for (const p of livePins(n)) {
      if (!['ic', 'oscillator'].includes(p.comp.role)) continue;
      const supplies = [...p.comp.pins.values()].filter((q) => q.type === 'power_in').flatMap((q) => q.nets).filter((m) => !m.ground);
      out.push({ net: n, pin: p, up, supplies, volts });
    }
  }
  return out;
}

function i2cPullupRail(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const { net: n, pin: p, up, supplies: all, volts } of pulledI2cPins(nl)) {
    const supplies = all.filter((m) => volts.has(m));
    if (supplies.length === 0 || /5 ?v[- ]tolerant|ft pin/i.test(p.comp.text)) continue;
    const vdd = Math.max(...supplies.map((m) => volts.get(m)!.volts));
    const high = up.v;
    if (high <= vdd + 0.5) continue;
    // Five-volt-tolerant pins of a family whose data sheet says so (tolerance.ts).
    const ft = tolerantCeiling(p);
    if (ft && high <= ft.volts) continue;
    hits.push(
      hit(`I2C net ${n.name} is pulled up by ${up.r.ref} to ${up.rail.name} (${Number(high.toFixed(2))} V), above the ${Number(vdd.toFixed(2))} V supply of ${p.comp.ref}: its ${p.name} pin sees more than VDD + 0.5 V.`, `Pull ${n.name} up to the lowest supply of the devices on the bus, or add a level shifter.`, {
        components: [up.r, p.comp],
        nets: [n, up.rail],
        pins: [p],
      }),
    );
  }
  return hits;
}

/** Does the LED see a current-limiting resistor in series (possibly through other LEDs of a string)? */
function ledLimited(led: NlComponent, driverOnNet: (n: NlNet) => boolean): boolean {
  const seen = new Set<NlComponent>([led]);
  const queue = [led];
  while (queue.length > 0) {
    const cur = queue.shift()!;
    for (const n of netsOf(cur)) {
      if (isRail(n)) continue;
      if (driverOnNet(n)) return true;
      const others = livePins(n).filter((p) => !seen.has(p.comp));
      // A 0 Ω link (or anything under 1 Ω) is a jumper, not a current limit.
      if (others.length > 0 && others.every((p) => p.comp.role === 'resistor' && (p.comp.valueSi === null || p.comp.valueSi >= 1))) return true;
      for (const p of others) if (p.comp.role === 'led' && !seen.has(p.comp)) (seen.add(p.comp), queue.push(p.comp));
    }
  }
  return false;
}

function ledResistors(nl: Netlist): RuleHit[] {
  const isLedDriver = (c: NlComponent) => /led driver|constant[- ]current|current sink/.test(c.text);
  const driverOnNet = (n: NlNet) => livePins(n).some((p) => isLedDriver(p.comp));
  const describe = (c: NlComponent, n: NlNet) => {
    if (isRail(n)) return `${n.name} is a rail`;
    const others = livePins(n).filter((p) => p.comp !== c);
    return others.length === 0 ? `${n.name} goes nowhere` : `${n.name} also carries ${list(others.map((p) => p.key))}`;
  };
  return nl.components
    .filter((c) => !c.dnp && c.role === 'led' && netsOf(c).length >= 2 && !ledLimited(c, driverOnNet))
    .map((c) =>
      hit(
        `LED ${c.ref} has no resistor alone in series with it (${netsOf(c).map((n) => describe(c, n)).join('; ')}), so nothing limits its current.`,
        `Put a resistor in series with ${c.ref} (e.g. (Vsupply − Vf) / 5 mA, a few hundred ohms), alone on the net between it and the LED.`,
        { components: [c], nets: netsOf(c) },
      ),
    );
}

function crystalCaps(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || c.role !== 'crystal') continue;
    const signalPins = [...c.pins.values()].filter((p) => p.nets.length > 0 && p.nets.every((n) => !n.ground));
    if (signalPins.length < 2) continue;
    const bare = signalPins.filter((p) => p.nets.every((n) => bridges(n, 'capacitor', (o) => o.ground).length === 0));
    if (bare.length === 0) continue;
    hits.push(
      hit(`Crystal ${c.ref} has no load capacitor to ground on ${list(bare.map((p) => `${p.key} (${p.nets.map((n) => n.name).join(', ')})`))}.`, `Add a load capacitor from each crystal pin to ground: C = 2·(CL − Cstray), typically 8–22 pF.`, {
        components: [c],
        nets: bare.flatMap((p) => p.nets),
        pins: bare,
      }),
    );
  }
  return hits;
}

function isUsbC(c: NlComponent): boolean {
  const t = c.part?.properties['type'];
  return c.role === 'connector' && /usb[-_ ]?c\b|type[-_ ]?c\b/i.test(`${c.text} ${typeof t === 'string' ? t : ''}`);
}

const ccPinsOf = (c: NlComponent): NlPin[] => [...c.pins.values()].filter((p) => /^CC\d?$/i.test(p.name) && p.nets.length > 0);
const vbusPinsOf = (c: NlComponent): NlPin[] => [...c.pins.values()].filter((p) => /^VBUS\d*$/i.test(p.name) && p.nets.length > 0);

function usbCcMissing(nl: Netlist): RuleHit[] {
  return nl.components
    .filter((c) => !c.dnp && isUsbC(c) && vbusPinsOf(c).length > 0 && ccPinsOf(c).length === 0)
    .map((c) =>
      hit(`USB-C receptacle ${c.ref} uses VBUS but connects no CC pin: a USB-C source never turns VBUS on for it (USB Type-C spec §4.5).`, `Connect CC1 and CC2 of ${c.ref}, each through its own 5.1 kΩ Rd to GND for a sink.`, {
        components: [c],
        pins: vbusPinsOf(c),
      }),
    );
}

/** Rd is 5.1 kΩ ±20 % (USB Type-C spec, Table 4-24, "Rd" without voltage clamp). */
const RD_MIN = 5.1e3 * 0.8;
const RD_MAX = 5.1e3 * 1.2;

function usbCcRd(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || !isUsbC(c)) continue;
    for (const cc of ccPinsOf(c)) {
      for (const n of cc.nets) {
        const rd = bridges(n, 'resistor', (o) => o.ground);
        const rp = bridges(n, 'resistor', (o) => !o.ground && o.supply);
        // A Type-C/PD controller on the net terminates CC itself; Rp means the port is a source.
        const controller = livePins(n).some((p) => p !== cc && p.comp !== c && ['ic', 'regulator'].includes(p.comp.role));
        if (controller || rp.length > 0) continue;
        const good = rd.filter((r) => r.valueSi !== null && r.valueSi >= RD_MIN && r.valueSi <= RD_MAX);
        if (good.length > 0) continue;
        const wrong = rd.map((r) => `${r.ref} = ${r.valueSi === null ? 'unknown value' : formatSiValue(r.valueSi, 'Ω')}`);
        hits.push(
          hit(
            `${cc.key} (net ${n.name}) has no 5.1 kΩ Rd to GND${wrong.length > 0 ? ` (found ${list(wrong)})` : ''}: a USB-C source will not detect the sink.`,
            `Add a 5.1 kΩ resistor from ${cc.key} to GND (one per CC pin), or a Type-C controller.`,
            { components: [c], nets: [n], pins: [cc] },
          ),
        );
      }
    }
  }
  return hits;
}

/**
 * The other way round: pulled up to a rail below 0.7 × the supply of a device on the bus, SDA/SCL
 * never reach that device's logic-high threshold (NXP UM10204, SDA/SCL I/O characteristics: VIH =
 * 0.7 VDD). A part on several rails is judged by its lowest (a level translator's low side).
 */
const VIH_FRACTION = 0.7;

function i2cPullupRailLow(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const { net: n, pin: p, up, supplies, volts } of pulledI2cPins(nl)) {
    if (supplies.length === 0 || supplies.some((m) => !volts.has(m))) continue;
    const vdd = Math.min(...supplies.map((m) => volts.get(m)!.volts));
    const high = up.v;
    if (high >= VIH_FRACTION * vdd * 0.98) continue;
    hits.push(
      hit(
        `I2C net ${n.name} is pulled up by ${up.r.ref} to ${up.rail.name} (${Number(high.toFixed(2))} V), below 0.7 × the ${Number(vdd.toFixed(2))} V supply of ${p.comp.ref}: its ${p.name} pin never sees a logic high (VIH ${Number((VIH_FRACTION * vdd).toFixed(2))} V).`,
        `Pull ${n.name} up to the supply of the devices on the bus, or add a level translator between the two rails.`,
        { components: [up.r, p.comp], nets: [n, up.rail], pins: [p] },
      ),
    );
  }
  return hits;
}

const PLUS_PIN = /^(\+|POS|PLUS|ANODE|A)$/i;
const MINUS_PIN = /^(-|NEG|MINUS|CATHODE|K)$/i;

/**
 * Which terminal of a polarised capacitor a pin is, from its function rather than its label: the
 * pin's name, its design or library description, the library pin of that name or pad number, and
 * for bare pad numbers the footprint convention (KiCad CP_* and C_Elec footprints: pad 1 is +, KLC
 * F9.1 "pin 1 is the positive terminal of polarised capacitors").
 */
function polarityOf(p: NlPin): 'plus' | 'minus' | null {
  const own = p.comp.component.pins[p.name];
  const lib = libraryPin(p.comp.part, p.name, own?.number ?? null);
  for (const name of [p.name, lib?.name ?? '']) {
    if (PLUS_PIN.test(name)) return 'plus';
    if (MINUS_PIN.test(name)) return 'minus';
  }
  const d = pinDescription(p);
  if (/positive|anode|\(\+\)/i.test(d)) return 'plus';
  if (/negative|cathode|\(-\)/i.test(d)) return 'minus';
  const pad = own?.number ?? lib?.number ?? p.name;
  if (/^(1|P1|PIN1)$/i.test(pad)) return 'plus';
  if (/^(2|P2|PIN2)$/i.test(pad)) return 'minus';
  return null;
}

const isPolarisedCap = (c: NlComponent) => /electrolytic|tantalum|polari[sz]ed|\belec\b|\bcp\b/.test(c.text) || /elec|^cp[_-]|tantal/i.test(c.component.footprint ?? '');

function polarity(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  const volts = railVoltages(nl);
  const vOf = (n: NlNet): number | null => (n.ground ? 0 : (volts.get(n)?.volts ?? null));
  const positiveRail = (n: NlNet) => !n.ground && !n.name.startsWith('-') && !/neg|vee/i.test(n.name) && (n.supply || (vOf(n) ?? 0) > 0);
  for (const c of nl.components) {
    if (c.dnp || c.role !== 'capacitor' || !isPolarisedCap(c)) continue;
    const pins = [...c.pins.values()];
    const plus = pins.find((p) => polarityOf(p) === 'plus');
    const minus = pins.find((p) => polarityOf(p) === 'minus' && p !== plus);
    if (!plus || !minus || plus.nets.length === 0 || minus.nets.length === 0) continue;
    const plusOnGround = plus.nets.every((n) => n.ground);
    const vp = plus.nets.map(vOf).find((v) => v !== null) ?? null;
    const vm = minus.nets.map(vOf).find((v) => v !== null) ?? null;
    const reversed = (plusOnGround && minus.nets.some(positiveRail)) || (vp !== null && vm !== null && vm > vp + 0.5);
    if (!reversed) continue;
    const at = (ns: NlNet[]) => ns.map((n) => (vOf(n) !== null && !n.ground ? `${n.name} (${Number(vOf(n)!.toFixed(2))} V)` : n.name)).join(', ');
    hits.push(
      hit(`Polarised capacitor ${c.ref} is reversed: ${plus.key} (+) is on ${at(plus.nets)} and ${minus.key} (−) on ${at(minus.nets)}.`, `Swap the connections of ${c.ref}: + to the higher rail, − to the lower (ground).`, {
        components: [c],
        nets: [...plus.nets, ...minus.nets],
        pins: [plus, minus],
      }),
    );
  }
  return hits;
}

/**
 * An LED whose anode sits on ground can never be forward-biased from a positive supply: it is fitted
 * backwards. Anode and cathode come from the pin's function (name, description, library pin, else
 * KiCad's LED pad order 1 = K, 2 = A); negative rails are left out.
 */
function ledReversed(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || c.role !== 'led') continue;
    const pins = [...c.pins.values()];
    const anode = pins.find((p) => diodeSide(p) === 'anode');
    const cathode = pins.find((p) => diodeSide(p) === 'cathode' && p !== anode);
    if (!anode || !cathode || anode.nets.length === 0 || cathode.nets.length === 0) continue;
    if (!anode.nets.every((n) => n.ground)) continue;
    const up = cathode.nets.filter((n) => !n.ground && !n.name.startsWith('-') && !/neg|vee/i.test(n.name));
    if (up.length === 0) continue;
    hits.push(
      hit(`LED ${c.ref} is fitted backwards: its anode ${anode.key} is on ground and its cathode ${cathode.key} on ${list(up.map((n) => n.name))}, so it can never light.`, `Swap the anode and cathode of ${c.ref} (cathode to ground, anode towards the supply).`, {
        components: [c],
        nets: [...anode.nets, ...up],
        pins: [anode, cathode],
      }),
    );
  }
  return hits;
}

export const SUPPORT_PART_RULES: readonly ErcRule[] = [
  {
    id: 'decoupling.missing',
    severity: 'warning',
    category: 'decoupling',
    title: 'IC supply without decoupling',
    description: 'Checks that each supply net of every IC and regulator (including regulator outputs) has a populated capacitor to ground.',
    zaptrace: ['ERC003', 'ERC029'],
    check: decoupling,
  },
  {
    id: 'i2c.pullup-missing',
    severity: 'warning',
    category: 'interface',
    title: 'I2C line without pull-up',
    description: 'Checks that every I2C SDA/SCL net with two or more parties has a populated resistor to a supply rail.',
    zaptrace: ['ERC005', 'ERC029'],
    check: i2cPullups,
  },
  {
    id: 'i2c.pullup-value',
    severity: 'warning',
    category: 'interface',
    title: 'I2C pull-up outside 1k–10k',
    description: 'Checks that I2C pull-up resistors whose value parses lie between 1 kΩ and 10 kΩ.',
    zaptrace: ['ERC005'],
    check: i2cPullupValues,
  },
  {
    id: 'i2c.pullup-rail-over-supply',
    severity: 'warning',
    category: 'interface',
    title: 'I2C pulled up above a device supply',
    description: 'Checks that I2C pull-ups go to a rail no higher than the supply of each device on the bus plus 0.5 V (rail voltages from names, regulators and sources).',
    zaptrace: ['ERC005'],
    check: i2cPullupRail,
  },
  {
    id: 'led.series-resistor-missing',
    severity: 'warning',
    category: 'component',
    title: 'LED without series resistor',
    description: 'Checks that every LED has a resistor alone in series with it (or an LED driver) rather than sitting across rails or on a driver pin directly.',
    zaptrace: ['ERC008'],
    check: ledResistors,
  },
  {
    id: 'crystal.load-caps-missing',
    severity: 'warning',
    category: 'component',
    title: 'Crystal without load capacitors',
    description: 'Checks that both signal pins of every passive crystal have a capacitor to ground.',
    zaptrace: ['ERC010'],
    check: crystalCaps,
  },
  {
    id: 'usb-c.cc-missing',
    severity: 'warning',
    category: 'interface',
    title: 'USB-C without CC pins',
    description: 'Checks that a USB-C receptacle that uses VBUS also connects its CC pins.',
    zaptrace: ['ERC021'],
    check: usbCcMissing,
  },
  {
    id: 'usb-c.cc-rd-missing',
    severity: 'warning',
    category: 'interface',
    title: 'USB-C CC pin without Rd',
    description: 'Checks that each connected USB-C CC pin has a 5.1 kΩ ±20 % resistor to GND, an Rp to a rail, or a Type-C controller.',
    zaptrace: ['ERC021'],
    check: usbCcRd,
  },
  {
    id: 'i2c.pullup-rail-below-vih',
    severity: 'warning',
    category: 'interface',
    title: 'I2C pull-ups to a rail below the bus devices’ logic high',
    description: 'Checks that I2C pull-ups go to a rail of at least 0.7 × the supply of each device on the bus (NXP UM10204 VIH), judging a multi-rail part by its lowest supply.',
    zaptrace: ['ERC005'],
    check: i2cPullupRailLow,
  },
  {
    id: 'led.reversed',
    severity: 'error',
    category: 'component',
    title: 'LED fitted backwards',
    description: 'Checks by pin function (name, description, library pin or KiCad pad order) that no LED has its anode on ground and its cathode on a positive net.',
    zaptrace: [],
    check: ledReversed,
  },
  {
    id: 'cap.polarity-reversed',
    severity: 'error',
    category: 'component',
    title: 'Polarised capacitor reversed',
    description: 'Checks by pin function (name, description, library pin or pad 1 = +) that no electrolytic or tantalum capacitor has its + on ground or on a lower rail than its −.',
    zaptrace: ['ERC013'],
    check: polarity,
  },
];

