import type { ErcRule, RuleHit } from '../types.js';
import { livePins, netsOf, type NlComponent, type NlNet, type NlPin, type Netlist } from '../netlist.js';
import { netVolts, partSupplyVolts } from '../levels.js';
import { diodeSide, pinDescription } from '../pin-roles.js';
import { formatSiValue } from '../../../kernel/units.js';
import { hit } from './hit.js';

/**
 * Rules about what a load does to the parts that feed or switch it: the current an LED's series
 * resistor lets through, and the coil switched by a transistor with nothing to take its energy at
 * turn-off. Both need the rail voltages propagated from sources (rails.ts); a net whose voltage is
 * unknown is left alone rather than guessed.
 */

/**
 * The highest forward voltage an LED of this colour is likely to have (the low end of the current
 * the resistor lets through). Kingbright APT1608 series: red/orange/yellow 2.0–2.5 V, pure green and
 * blue/white about 3.3 V; infrared about 1.5 V. An LED of unknown colour is given the highest.
 */
function forwardVoltsHigh(text: string): number {
  if (/\b(ir|infra-?red|940\s?nm|850\s?nm)\b/.test(text)) return 1.6;
  if (/\b(red|orange|amber|yellow)\b/.test(text)) return 2.5;
  return 3.4;
}

/**
 * The continuous forward current a small indicator LED is rated for (absolute maximum 25–30 mA for
 * chip and 3/5 mm through-hole LEDs, e.g. Kingbright APT1608EC and WP7113ID; infrared emitters take
 * about 100 mA, e.g. Vishay TSAL6200). Power LEDs are rated per part and left out.
 */
function ratedMilliamps(text: string): number | null {
  if (/\b\d+(\.\d+)?\s?w\b|watt|power led|high[- ]power|luxeon|oslon|cree x/.test(text)) return null;
  if (/\b(ir|infra-?red|940\s?nm|850\s?nm)\b/.test(text)) return 100;
  return 30;
}

/** The resistor alone with the LED's pin on its net (nothing else there), and the net beyond it. */
function seriesResistor(net: NlNet, led: NlComponent): { r: NlComponent; beyond: NlNet } | null {
  const others = livePins(net).filter((p) => p.comp !== led);
  if (others.length !== 1 || others[0]!.comp.role !== 'resistor') return null;
  const r = others[0]!.comp;
  const beyond = netsOf(r).filter((n) => n !== net);
  return beyond.length === 1 && r.valueSi !== null && r.valueSi >= 1 ? { r, beyond: beyond[0]! } : null;
}

/**
 * An LED between two nets of known voltage with one resistor in series (on either side): at the
 * highest forward voltage its colour may have, (V+ − V− − Vf) / R is still above what the LED is
 * rated for, so it burns out at power-on.
 */
function ledOverCurrent(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || c.role !== 'led' || c.pins.size !== 2) continue;
    const pins = [...c.pins.values()];
    const anode = pins.find((p) => diodeSide(p) === 'anode');
    const cathode = pins.find((p) => p !== anode && diodeSide(p) === 'cathode');
    if (!anode || !cathode || anode.nets.length !== 1 || cathode.nets.length !== 1) continue;
    const text = `${c.text} ${c.component.value} ${c.component.description}`.toLowerCase();
    const rated = ratedMilliamps(text);
    if (rated === null) continue;
    const high = anode.nets[0]!;
    const low = cathode.nets[0]!;
    const viaAnode = seriesResistor(high, c);
    const viaCathode = seriesResistor(low, c);
    // Exactly one resistor: with none, led.series-resistor-missing speaks; with two the sum would be needed.
    const series = viaAnode && !viaCathode ? { ...viaAnode, top: viaAnode.beyond, bottom: low } : viaCathode && !viaAnode ? { ...viaCathode, top: high, bottom: viaCathode.beyond } : null;
    if (!series) continue;
    const vTop = netVolts(nl, series.top) ?? drivenVolts(nl, series.top, 'high');
    const vBottom = netVolts(nl, series.bottom) ?? drivenVolts(nl, series.bottom, 'low');
    if (vTop === null || vBottom === null || Number.isNaN(vTop) || Number.isNaN(vBottom)) continue;
    const vf = forwardVoltsHigh(text);
    const ohms = series.r.valueSi!;
    const milliamps = ((vTop - vBottom - vf) / ohms) * 1000;
    if (milliamps <= rated) continue;
    const ma = Math.round(milliamps);
    const needed = formatSiValue(Math.ceil(((vTop - vBottom - vf) / (rated / 2000)) / 10) * 10, 'Ω');
    hits.push(
      hit(
        `LED ${c.ref} carries at least ${ma} mA through ${series.r.ref} ((${round2(vTop)} V − ${round2(vBottom)} V − ${vf} V forward) / ${formatSiValue(ohms, 'Ω')}), above the ${rated} mA such an LED is rated for: it burns out at power-on.`,
        `Raise ${series.r.ref} to about ${needed} (half the rated current) or more.`,
        { components: [c, series.r], nets: [series.top, series.bottom], pins: [anode, cathode] },
      ),
    );
  }
  return hits;
}

const round2 = (v: number): number => Number(v.toFixed(2));

/**
 * The level a push-pull pin sets on a net without a rail voltage of its own: its part's supply when
 * it drives high (an LED from a GPIO), 0 V when it sinks. Null unless exactly one such pin drives the
 * net and its part's supply is known.
 */
function drivenVolts(nl: Netlist, net: NlNet, level: 'high' | 'low'): number | null {
  const drivers = livePins(net).filter((p) => p.type === 'output' || p.type === 'bidirectional');
  if (drivers.length !== 1 || drivers[0]!.comp.role === 'resistor' || drivers[0]!.comp.role === 'led') return null;
  if (level === 'low') return 0;
  return partSupplyVolts(nl, drivers[0]!.comp);
}

/** Relay, solenoid, motor and contactor coils: loads whose stored energy must go somewhere at turn-off. */
export const COIL_LOAD = /relay|solenoid|\bcoil\b|motor|contactor/;
/** Parts that carry their own clamp (relay modules, drivers with internal diodes). */
const CLAMPED = /with (flyback |freewheel(ing)? )?diode|built-in diode|internal diode|integrated diode|uln2\d{3}|darlington|module/;

/** The two pins of a coil: both pins of a two-pin part, else the pins named or described as the coil. */
function coilPins(c: NlComponent): NlPin[] {
  const pins = [...c.pins.values()].filter((p) => p.nets.length > 0);
  if (c.pins.size === 2) return pins;
  const coil = pins.filter((p) => /coil|^A[12]$/i.test(p.name) || /\bcoil\b/i.test(pinDescription(p)));
  return coil.length === 2 ? coil : [];
}

/** A discrete transistor's collector or drain on `net` whose emitter or source is on ground: a low-side switch. */
function lowSideSwitch(net: NlNet): NlComponent | null {
  for (const p of livePins(net)) {
    const t = p.comp;
    if (t.dnp || t.role !== 'transistor' || !/^(C|D|COLLECTOR|DRAIN)$/i.test(p.name)) continue;
    const ground = [...t.pins.values()].some((q) => /^(E|S|EMITTER|SOURCE)$/i.test(q.name) && q.nets.some((n) => n.ground));
    if (ground) return t;
  }
  return null;
}

/** A discrete transistor's collector or drain on `net` whose emitter or source is on a positive rail: a high-side switch. */
function highSideSwitch(nl: Netlist, net: NlNet): NlComponent | null {
  for (const p of livePins(net)) {
    const t = p.comp;
    if (t.dnp || t.role !== 'transistor' || !/^(C|D|COLLECTOR|DRAIN)$/i.test(p.name)) continue;
    const fed = [...t.pins.values()].some((q) => /^(E|S|EMITTER|SOURCE)$/i.test(q.name) && q.nets.some((n) => !n.ground && (netVolts(nl, n) ?? 0) > 0));
    if (fed) return t;
  }
  return null;
}

/** A diode, TVS or varistor with a pin on `net` and another on a rail or ground: somewhere for the coil current to go. */
function clamped(net: NlNet, coil: NlComponent): boolean {
  return livePins(net).some((p) => {
    const d = p.comp;
    if (d === coil || d.dnp) return false;
    const clamp = d.role === 'diode' || d.role === 'esd' || /diode|tvs|varistor|snubber|zener/.test(d.text);
    return clamp && netsOf(d).some((n) => n !== net && (n.ground || n.supply));
  });
}

/**
 * A coil fed from a positive rail and switched to ground by a discrete transistor (or fed from a rail
 * through a high-side transistor, its other end on ground) with no diode (or TVS) across it or across
 * the switch: at turn-off the coil drives the switched end far beyond the rails and breaks the
 * transistor down (ON Semiconductor AND8091; any relay data sheet's drive circuit).
 */
function flybackMissing(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || c.role === 'inductor' || !COIL_LOAD.test(c.text) || CLAMPED.test(`${c.text} ${c.component.description}`.toLowerCase())) continue;
    const pins = coilPins(c);
    if (pins.length !== 2 || pins.some((p) => p.nets.length !== 1)) continue;
    const [a, b] = [pins[0]!.nets[0]!, pins[1]!.nets[0]!];
    const volts = (n: NlNet) => (n.ground ? null : netVolts(nl, n));
    for (const [rail, low] of [[a, b], [b, a]] as const) {
      const v = volts(rail);
      if (v === null || Number.isNaN(v) || v <= 0 || low.ground || low.supply) continue;
      const sw = lowSideSwitch(low);
      if (!sw || clamped(low, c)) continue;
      hits.push(
        hit(
          `${c.ref} is a coil fed from ${rail.name} (${round2(v)} V) and switched to ground by ${sw.ref} on ${low.name} with no flyback diode: at turn-off the coil drives ${low.name} far above ${rail.name} and breaks ${sw.ref} down.`,
          `Fit a diode across ${c.ref}: cathode to ${rail.name}, anode to ${low.name} (e.g. 1N4148 or 1N4007, rated for the coil current).`,
          { components: [c, sw], nets: [rail, low] },
        ),
      );
      break;
    }
    // Switched high: the coil's other end on ground, a PNP or P-MOSFET feeding it from a rail; at
    // turn-off the switched end swings below ground.
    for (const [top, bottom] of [[a, b], [b, a]] as const) {
      if (!bottom.ground || top.ground || top.supply) continue;
      const sw = highSideSwitch(nl, top);
      if (!sw || clamped(top, c)) continue;
      hits.push(
        hit(
          `${c.ref} is a coil switched high by ${sw.ref} on ${top.name} with its other end on ground and no flyback diode: at turn-off the coil drives ${top.name} far below ground and breaks ${sw.ref} down.`,
          `Fit a diode across ${c.ref}: cathode to ${top.name}, anode to ground (e.g. 1N4148 or 1N4007, rated for the coil current).`,
          { components: [c, sw], nets: [top, bottom] },
        ),
      );
      break;
    }
  }
  return hits;
}

export const LOAD_RULES: readonly ErcRule[] = [
  {
    id: 'led.current-over-rating',
    severity: 'error',
    category: 'component',
    title: 'LED current above its rating',
    description: 'Checks that an LED with one series resistor between nets of known voltage (a rail, or the supply of the one push-pull pin driving it) draws no more than a small LED is rated for (30 mA; 100 mA infrared), at the highest forward voltage its colour may have.',
    zaptrace: ['ERC008'],
    check: ledOverCurrent,
  },
  {
    id: 'coil.flyback-missing',
    severity: 'error',
    category: 'component',
    title: 'Switched coil without flyback diode',
    description: 'Checks that a relay, solenoid or motor coil switched by a discrete transistor (low side to ground, or high side from a rail) has a diode (or TVS) to take its current at turn-off.',
    zaptrace: [],
    check: flybackMissing,
  },
];
