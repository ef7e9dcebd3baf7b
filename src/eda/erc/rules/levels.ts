import type { ErcRule, RuleHit } from '../types.js';
import { livePins, type NlComponent, type NlNet, type NlPin, type Netlist } from '../netlist.js';
import { pinDescription } from '../pin-roles.js';
import { netVolts, partSupplyVolts, voltsAcross } from '../levels.js';
import { isSupplyName } from '../classify.js';
import { tolerantCeiling } from '../tolerance.js';
import { hit, list } from './hit.js';

/**
 * Level rules: what a pin or a part actually sees against what it is rated for. A signal node held
 * by resistors only (pull-ups, dividers) sits at the conductance-weighted mean of the voltages
 * behind them; a capacitor sees the difference between its two nets.
 */

const fmtV = (v: number) => `${Number(v.toFixed(2))} V`;

/**
 * CMOS inputs carry clamp diodes to their supply: above the supply by more than a diode drop the
 * clamp conducts and the pin is outside its absolute-maximum rating (typically VDD + 0.3 V to
 * + 0.5 V in data sheets' Absolute Maximum Ratings tables). Half a volt is the margin used here,
 * so only a clear overdrive is reported.
 */
const CLAMP_MARGIN_V = 0.5;
const JUDGED_TYPES = new Set(['input', 'bidirectional', 'open_collector', 'open_emitter', 'tristate']);
/** Parts that may sit on a resistor-held node without changing its DC level (or being judged). */
const HIGH_IMPEDANCE_ROLES = new Set(['capacitor', 'ic', 'oscillator', 'regulator', 'testpoint']);
/** Pins made to see a higher voltage: bus/battery sense inputs, or described as tolerant. */
const HIGH_SIDE_PIN = /^(?:VBUS|VBAT|VIN|VSYS|VCHG|VM|VS|VH|VSENSE|ISENSE|SENSE|CS[+-]|IN[+-])/i;

function tolerant(pin: NlPin): boolean {
  return HIGH_SIDE_PIN.test(pin.name) || /tolerant|up to \d|high[- ]voltage/i.test(pinDescription(pin));
}

interface HeldNode {
  volts: number;
  resistors: { comp: NlComponent; far: NlNet }[];
}

/** The DC voltage of a net held only by resistors to nets of known voltage; null when anything else sets it. */
function heldByResistors(nl: Netlist, net: NlNet): HeldNode | null {
  const pins = livePins(net);
  if (pins.some((p) => p.type === 'output' || p.type === 'power_out')) return null;
  const resistors: HeldNode['resistors'] = [];
  let g = 0;
  let i = 0;
  for (const p of pins) {
    const c = p.comp;
    if (c.role !== 'resistor') {
      if (!HIGH_IMPEDANCE_ROLES.has(c.role)) return null;
      continue;
    }
    const others = [...c.pins.values()].filter((x) => x !== p);
    const far = others.length === 1 && others[0]!.nets.length === 1 ? others[0]!.nets[0]! : null;
    if (!far || far === net || c.valueSi === null || c.valueSi <= 0) return null;
    const v = netVolts(nl, far);
    if (v === null) return null;
    resistors.push({ comp: c, far });
    g += 1 / c.valueSi;
    i += v / c.valueSi;
  }
  return resistors.length > 0 ? { volts: i / g, resistors } : null;
}

function signalOverVoltage(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const net of nl.nets) {
    // Rails are judged by the power rules; a net merely typed power (parsers type VBUS_SENSE so) is judged here.
    if (net.ground || isSupplyName(net.name) || netVolts(nl, net) !== null) continue;
    const held = heldByResistors(nl, net);
    if (!held) continue;
    for (const pin of livePins(net)) {
      const c = pin.comp;
      if ((c.role !== 'ic' && c.role !== 'oscillator') || !JUDGED_TYPES.has(pin.type) || tolerant(pin)) continue;
      const supply = partSupplyVolts(nl, c);
      if (supply === null || held.volts <= supply + CLAMP_MARGIN_V) continue;
      // A five-volt-tolerant pin (its family's data sheet, tolerance.ts) is judged against its own ceiling.
      const ft = tolerantCeiling(pin);
      if (ft && held.volts <= ft.volts) continue;
      const via = held.resistors.map((r) => `${r.comp.ref} ${r.comp.component.value ?? ''} to ${r.far.name}`.replace(/\s+/g, ' '));
      hits.push(
        hit(
          `${pin.key} sits at ${fmtV(held.volts)} on ${net.name} (held by ${list(via)}), above ${c.ref}'s ${fmtV(supply)} supply by more than ${CLAMP_MARGIN_V} V: its input clamp conducts.`,
          `Pull ${net.name} up to ${c.ref}'s own supply, add or correct the divider's lower resistor, or use a level shifter.`,
          { components: [c, ...held.resistors.map((r) => r.comp)], nets: [net, ...held.resistors.map((r) => r.far)], pins: [pin] },
        ),
      );
    }
  }
  return hits;
}

/** Rated voltage of a capacitor: design properties, "47uF 6.3V", "10u/16V", "22uF 6V3" in its value, voltage_supply, type or description, else the library's. */
export function capacitorRating(c: NlComponent): number | null {
  const own = c.component.properties;
  for (const k of ['voltage_rating_v', 'rated_voltage_v', 'voltage_v']) {
    const v = own[k];
    if (typeof v === 'number' && v > 0) return v;
  }
  const ownText = ['voltage_rating', 'rated_voltage', 'voltage'].map((k) => own[k]).find((v) => typeof v === 'string') as string | undefined;
  // For a capacitor, the design's voltage_supply field can only be its rating.
  for (const t of [c.component.value ?? '', c.component.voltage_supply, ownText ?? '', c.component.type, c.component.description]) {
    if (t === c.component.voltage_supply && /^\s*\d+(?:\.\d+)?\s*$/.test(t)) return Number(t);
    const rkm = /(?:^|[^A-Za-z0-9.])(\d+)V(\d+)(?![A-Za-z0-9])/i.exec(t);
    if (rkm) return Number(`${rkm[1]}.${rkm[2]}`);
    const plain = /(?:^|[^A-Za-z0-9.])(\d+(?:\.\d+)?)\s*V(?:DC)?(?![A-Za-z0-9])/i.exec(t);
    if (plain) return Number(plain[1]);
  }
  const p = c.part?.properties ?? {};
  const limits = p['electrical_limits'];
  const lim = limits && typeof limits === 'object' && !Array.isArray(limits) ? (limits as Record<string, unknown>)['rated_voltage_v'] : undefined;
  if (typeof lim === 'number') return lim;
  const v = p['voltage_v'] ?? p['rated_voltage_v'];
  return typeof v === 'number' ? v : null;
}

function capacitorRatings(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || c.role !== 'capacitor') continue;
    const rating = capacitorRating(c);
    if (rating === null || rating <= 0) continue;
    const across = voltsAcross(nl, c);
    if (!across || across.volts <= rating) continue;
    const at = across.nets.map((n) => `${n.name} (${fmtV(netVolts(nl, n)!)})`);
    hits.push(
      hit(
        `${c.ref} (${c.component.value ?? c.component.type}) is rated ${fmtV(rating)} but sits across ${list(at)}: ${fmtV(across.volts)}.`,
        `Fit a capacitor rated above ${fmtV(across.volts)} (electrolytics and tantalums with margin: about 1.5–2× the rail).`,
        { components: [c], nets: across.nets },
      ),
    );
  }
  return hits;
}

export const LEVEL_RULES: readonly ErcRule[] = [
  {
    id: 'signal.over-voltage',
    severity: 'error',
    category: 'power',
    title: 'Input held above its part’s supply',
    description: 'Checks that no IC input held by pull-ups or a divider (resistors to rails of known voltage) sits more than 0.5 V above the highest supply of its part.',
    zaptrace: [],
    check: signalOverVoltage,
  },
  {
    id: 'cap.voltage-rating',
    severity: 'error',
    category: 'component',
    title: 'Capacitor rated below its voltage',
    description: 'Checks that a capacitor whose rating its value, type or library record states is not across a larger voltage (rails from names, regulators, feedback dividers and sources).',
    zaptrace: [],
    check: capacitorRatings,
  },
];
