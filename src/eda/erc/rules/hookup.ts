import type { ErcRule, RuleHit } from '../types.js';
import { isGroundName, isSupplyName } from '../classify.js';
import { livePins, netsOf, type NlComponent, type NlNet, type NlPin, type Netlist } from '../netlist.js';
import { diodeSide, pinDescription } from '../pin-roles.js';
import { netVolts } from '../levels.js';
import { railVoltages } from '../rails.js';
import { OUTPUT_PIN_NAME } from '../power.js';
import { hit, list } from './hit.js';

/**
 * Hook-up rules for the pins every IC needs wired a certain way: its ground return on ground, its
 * enable input held at a level.
 */

/** A ground return by name (GND, AGND, PGND, GND_2) or by the pin's description ("Ground"). VSS is left out: on split supplies it is a negative rail. */
function isGroundPin(p: NlPin): boolean {
  return /^(?:[ADP]?GND\d*|GND[_-]?\w*|[ADP]GND[_-]?\w*)$/i.test(p.name) || /^(?:power )?ground\b/i.test(pinDescription(p));
}

/** Parts through which a ground net reaches another net on purpose: ties, links, ferrites, switches, sense resistors. */
function reachesGround(net: NlNet): boolean {
  for (const p of livePins(net)) {
    const c = p.comp;
    if (['resistor', 'inductor', 'fuse', 'transistor', 'switch', 'connector', 'diode'].includes(c.role) || /net ?tie/.test(c.text)) {
      if (netsOf(c).some((n) => n !== net && n.ground)) return true;
      if (c.role === 'transistor' || c.role === 'connector' || c.role === 'switch') return true;
    }
    // Another part's pin that drives the net (a low-side switch, a ground-referenced output).
    if (p.type === 'power_out' || p.type === 'output' || p.type === 'open_collector') return true;
  }
  return false;
}

function groundPins(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || !['ic', 'oscillator', 'regulator'].includes(c.role)) continue;
    for (const pin of c.pins.values()) {
      if (!isGroundPin(pin) || pin.nets.length === 0 || pin.nets.some((n) => n.ground)) continue;
      for (const net of pin.nets) {
        // KiCad's GNDA/GNDD/GNDPWR/GNDREF are grounds of their own by name.
        if (isGroundName(net.name) || /GND|VSS|GROUND/i.test(net.name)) continue;
        const v = netVolts(nl, net);
        let why: string | null = null;
        if ((v !== null && v > 0) || net.supply) why = `a supply rail${v !== null ? ` at ${Number(v.toFixed(2))} V` : ''}: the part is unpowered and the rail is shorted through it`;
        else if (!reachesGround(net)) why = 'a net with no connection to ground (only capacitors or other pins): the part floats';
        if (!why) continue;
        hits.push(
          hit(`${pin.key} (ground return of ${c.ref}) is on ${net.name}, ${why}.`, `Connect ${pin.key} to the board ground (GND).`, { components: [c], nets: [net], pins: [pin] }),
        );
      }
    }
  }
  return hits;
}

/** Enable, chip-enable and shutdown inputs: EN, ENA, ENABLE, CE, ON, SHDN and their active-low spellings. */
const ENABLE_PIN = /^(?:~|N|X)?(?:EN\d?|ENA|ENABLE|CE|ON|SHDN|SD|ON_?OFF|STBY)(?:_?N|B|#)?$/i;
/** What can hold an enable input at a level: a driver pin, a pull resistor, a rail, a switch, a connector. */
function holdsLevel(pin: NlPin, self: NlComponent): boolean {
  const c = pin.comp;
  if (c === self) return false;
  if (['resistor', 'connector', 'switch', 'transistor', 'diode', 'inductor', 'testpoint'].includes(c.role)) return true;
  return ['output', 'power_out', 'bidirectional', 'tristate', 'open_collector', 'open_emitter', 'unspecified'].includes(pin.type);
}

function enableFloating(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || !['ic', 'regulator'].includes(c.role)) continue;
    for (const pin of c.pins.values()) {
      if (!ENABLE_PIN.test(pin.name) || pin.type !== 'input' || pin.nets.length === 0) continue;
      // The data sheet's internal pull-up or pull-down holds the pin when nothing else does.
      if (/pull(?:ed)?[- ]?(?:up|down)|internal/i.test(pinDescription(pin))) continue;
      const net = pin.nets[0]!;
      // Rails hold a level; a voltage merely stated by a signal net's name (EN_1V8) does not.
      if (net.ground || isSupplyName(net.name)) continue;
      if (livePins(net).some((p) => holdsLevel(p, c))) continue;
      const others = livePins(net).filter((p) => p.comp !== c);
      // Alone on its net: net.single-node already says so.
      if (others.length === 0) continue;
      hits.push(
        hit(
          `${pin.key} (enable) is on ${net.name} with only ${others.map((p) => p.key).join(', ')}: nothing drives it or pulls it to a level, so ${c.ref} may stay off or switch at random.`,
          `Tie ${pin.key} to its supply (or ground) through a resistor, or connect the controller pin meant to drive it.`,
          { components: [c], nets: [net], pins: [pin] },
        ),
      );
    }
  }
  return hits;
}

/**
 * Two regulators whose outputs sit on one net fight over its voltage (neither can sink what the other
 * sources; the higher one back-feeds the lower). The pin matrix catches this when both outputs are
 * typed power_out; ZapTrace documents type a regulator output `power` and leave the direction out,
 * so outputs are also recognised by name (VOUT, OUT, OUTPUT, VO) on parts that are regulators.
 */
function joinedRegulatorOutputs(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const net of nl.nets) {
    if (net.ground) continue;
    const outs = livePins(net).filter((p) => p.comp.role === 'regulator' && (p.type === 'power_out' || p.type === 'output' || OUTPUT_PIN_NAME.test(p.name)));
    const regs = [...new Set(outs.map((p) => p.comp))];
    if (regs.length < 2) continue;
    // Both typed as outputs: pin-conflict.power-out-power-out (or output-output) already reports the pair.
    if (outs.every((p) => p.type === 'power_out' || p.type === 'output')) continue;
    hits.push(
      hit(`Outputs of ${list(regs.map((c) => c.ref))} (${list(outs.map((p) => p.key))}) are joined on ${net.name}: two regulators drive one rail.`, `Give each regulator its own rail, or join them through an ORing diode or a power multiplexer.`, {
        components: regs,
        nets: [net],
        pins: outs,
      }),
    );
  }
  return hits;
}

/** A rail above ground: positive voltage known, or supply-named without a minus sign. */
function positiveRail(nl: Netlist, n: NlNet): number | null {
  if (n.ground || n.name.startsWith('-') || /neg|vee/i.test(n.name)) return null;
  const v = netVolts(nl, n);
  if (v !== null) return v > 0.5 ? v : null;
  return n.supply ? Number.NaN : null;
}

/**
 * A two-terminal diode (rectifier, Schottky, Zener, TVS) with its anode on a positive rail and its
 * cathode on ground is forward-biased straight across the supply: a clamp or flyback diode fitted
 * backwards shorts the rail. Anode and cathode come from the pin's function (pin-roles.ts);
 * bidirectional TVS parts have no orientation and are left out.
 */
function diodeAcrossRail(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || (c.role !== 'diode' && c.role !== 'esd') || c.pins.size !== 2) continue;
    if (/bidirectional|bi-directional|\bbidir|\d+ca\b/i.test(`${c.text} ${c.component.mpn ?? ''} ${c.part?.mpn ?? ''}`)) continue;
    const pins = [...c.pins.values()];
    const anode = pins.find((p) => diodeSide(p) === 'anode');
    const cathode = pins.find((p) => diodeSide(p) === 'cathode' && p !== anode);
    if (!anode || !cathode) continue;
    const rail = anode.nets.find((n) => positiveRail(nl, n) !== null);
    if (!rail) continue;
    const v = positiveRail(nl, rail)!;
    const at = `${rail.name}${Number.isNaN(v) ? '' : ` (${Number(v.toFixed(2))} V)`}`;
    if (cathode.nets.some((n) => n.ground)) {
      hits.push(
        hit(`${c.ref} has its anode ${anode.key} on ${at} and its cathode ${cathode.key} on ground: it conducts straight across the supply.`, `Turn ${c.ref} round (cathode to the rail, anode to ground) if it is a clamp, flyback or TVS diode.`, {
          components: [c],
          nets: [rail, ...cathode.nets.filter((n) => n.ground)],
          pins: [anode, cathode],
        }),
      );
      continue;
    }
    // A flyback diode across a coil fed from the rail: anode on the rail means it conducts whenever the switch closes.
    // Voltages pass through an inductor-role coil unchanged (rails.ts), so the coil's switched end
    // looks like a rail too: the anode's rail must not owe its voltage to the coil itself, and the
    // cathode's net must be the switched end (no voltage of its own, one it owes to the coil, or lower).
    const volts = railVoltages(nl);
    const viaCoil = (n: NlNet, coil: NlComponent) => volts.get(n)?.what.startsWith(`via ${coil.ref} `) ?? false;
    let low: NlNet | undefined;
    let coil: NlComponent | undefined;
    for (const n of cathode.nets) {
      if (n.ground || n === rail) continue;
      const k = nl.components.find((o) => o !== c && !o.dnp && isCoil(o) && o.pins.size === 2 && [...o.pins.values()].every((p) => p.nets.includes(rail) || p.nets.includes(n)));
      if (!k || viaCoil(rail, k)) continue;
      const vLow = netVolts(nl, n);
      if (vLow === null || viaCoil(n, k) || (!Number.isNaN(v) && vLow < v - 0.5)) {
        low = n;
        coil = k;
        break;
      }
    }
    if (!coil || !low) continue;
    hits.push(
      hit(`Flyback diode ${c.ref} across ${coil.ref} is reversed: its anode ${anode.key} is on ${at} and its cathode ${cathode.key} on ${low.name}, so it conducts whenever ${low.name} is pulled low.`, `Turn ${c.ref} round: cathode to ${rail.name}, anode to ${low.name}.`, {
        components: [c, coil],
        nets: [rail, low],
        pins: [anode, cathode],
      }),
    );
  }
  return hits;
}

/** Inductive loads a flyback diode sits across: inductors, relay and solenoid coils, motors. */
const isCoil = (c: NlComponent) => c.role === 'inductor' || /relay|coil|solenoid|motor|contactor|buzzer/.test(c.text);

const BATTERY_PLUS = /^(?:\+|POS|PLUS|BAT\+|VBAT|B\+|V\+)$/i;
const BATTERY_MINUS = /^(?:-|NEG|MINUS|BAT-|B-|V-|GND)$/i;

/** A battery whose + terminal sits on ground while its − terminal feeds a net: the cell is in backwards. */
function batteryReversed(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || c.role !== 'battery') continue;
    const pins = [...c.pins.values()];
    const plus = pins.find((p) => BATTERY_PLUS.test(p.name) || /positive/i.test(pinDescription(p)));
    const minus = pins.find((p) => p !== plus && (BATTERY_MINUS.test(p.name) || /negative/i.test(pinDescription(p))));
    if (!plus || !minus || plus.nets.length === 0 || !plus.nets.every((n) => n.ground)) continue;
    const fed = minus.nets.filter((n) => !n.ground);
    if (fed.length === 0) continue;
    hits.push(
      hit(`Battery ${c.ref} is in backwards: its + terminal ${plus.key} is on ground and its − terminal ${minus.key} on ${fed.map((n) => n.name).join(', ')}.`, `Swap the terminals of ${c.ref}: + to the supply rail, − to ground.`, {
        components: [c],
        nets: [...plus.nets, ...fed],
        pins: [plus, minus],
      }),
    );
  }
  return hits;
}

export const HOOKUP_RULES: readonly ErcRule[] = [
  {
    id: 'diode.across-rail',
    severity: 'error',
    category: 'component',
    title: 'Diode forward-biased across a supply',
    description: 'Checks by pin function that no diode, Zener or unidirectional TVS has its anode on a positive rail and its cathode on ground, or across a coil fed from that rail (a clamp or flyback diode fitted backwards).',
    zaptrace: [],
    check: diodeAcrossRail,
  },
  {
    id: 'battery.reversed',
    severity: 'error',
    category: 'power',
    title: 'Battery fitted backwards',
    description: 'Checks by terminal name or description that no battery has its + terminal on ground and its − terminal on another net.',
    zaptrace: [],
    check: batteryReversed,
  },
  {
    id: 'power.regulator-outputs-joined',
    severity: 'error',
    category: 'power',
    title: 'Two regulator outputs on one rail',
    description: 'Checks that no net joins the outputs (typed, or named VOUT/OUT/OUTPUT/VO) of two regulators when the pin matrix cannot see it because the outputs are not both typed as outputs.',
    zaptrace: ['ERC014'],
    check: joinedRegulatorOutputs,
  },
  {
    id: 'power.ground-pin-not-grounded',
    severity: 'error',
    category: 'power',
    title: 'IC ground pin not on ground',
    description: 'Checks that every ground pin (GND, AGND, PGND, or described as ground) of an IC or regulator is on a ground net, not on a supply rail or a net with no path to ground.',
    zaptrace: ['ERC001'],
    check: groundPins,
  },
  {
    id: 'pin.enable-floating',
    severity: 'warning',
    category: 'connectivity',
    title: 'Enable input left floating',
    description: 'Checks that every enable/shutdown input (EN, CE, SHDN, ON…) of an IC or regulator that sits on a net is driven, pulled by a resistor or tied to a rail, unless its description gives an internal pull.',
    zaptrace: [],
    check: enableFloating,
  },
];
