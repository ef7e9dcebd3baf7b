import { libraryPin, livePins, otherNets, type NlComponent, type NlNet, type NlPin, type Netlist } from './netlist.js';
import { parseVolts, voltageRangeFrom } from './classify.js';
import { diodeSide } from './pin-roles.js';

/**
 * Power analysis shared by the power rules: which nets have a source, and what voltage each net
 * carries. KiCad's ERC asks for a power-output pin on every net with power inputs ("power input
 * not driven"); ZapTrace designs rarely type sources that way, so besides power_out pins we accept
 * what an engineer would: an output pin (a regulator output), a connector pin (power enters the
 * board there), a battery, and a rail reached through a series element (inductor, ferrite, fuse,
 * diode, low-value resistor, load switch). Ground nets are sourced by convention.
 */
export interface Source {
  /** "REF.PIN", or "REF" for a component. */
  what: string;
  reason: string;
  /** True when the source was recognised by a name rather than by pin types or library data. */
  byName: boolean;
}

export const OUTPUT_PIN_NAME = /^(?:V?OUT(?:PUT)?\d*|VO|OUT[+P]?)$/i;
/** Series resistors up to this value pass a rail on (RC supply filters use 1–100 Ω). */
const SERIES_MAX_OHM = 100;

function directSources(net: NlNet): Source[] {
  const out: Source[] = [];
  for (const pin of livePins(net)) {
    const c = pin.comp;
    if (pin.type === 'power_out') out.push({ what: pin.key, reason: 'power output pin', byName: false });
    else if (pin.type === 'output') out.push({ what: pin.key, reason: 'output pin', byName: false });
    else if (c.role === 'connector') {
      if (pin.type === 'power_in') out.push({ what: pin.key, reason: 'connector power pin', byName: false });
      else if (net.supply) out.push({ what: pin.key, reason: `connector pin on supply-named net`, byName: true });
    } else if (c.role === 'battery') out.push({ what: pin.key, reason: 'battery', byName: c.roleSource !== 'library' });
    else if (c.role === 'regulator' && OUTPUT_PIN_NAME.test(pin.name))
      out.push({ what: pin.key, reason: 'regulator output (by pin name)', byName: true });
  }
  return out;
}

/** Does `c` pass a rail from one of its nets to another? */
function isSeriesElement(c: NlComponent): boolean {
  if (c.dnp) return false;
  if (c.role === 'inductor' || c.role === 'fuse' || c.role === 'diode' || c.role === 'transistor') return true;
  return c.role === 'resistor' && c.valueSi !== null && c.valueSi <= SERIES_MAX_OHM;
}

/** Sources per net (ground nets get a conventional one); memoised per netlist. */
export function powerSources(nl: Netlist): Map<NlNet, Source[]> {
  const memo = nl.memo.get('powerSources') as Map<NlNet, Source[]> | undefined;
  if (memo) return memo;
  const sources = new Map<NlNet, Source[]>();
  for (const net of nl.nets) {
    if (net.ground) sources.set(net, [{ what: net.name, reason: 'ground (by convention)', byName: false }]);
    else {
      const direct = directSources(net);
      if (direct.length > 0) sources.set(net, direct);
    }
  }
  // Fixed point: a rail reaches the far side of series elements.
  let changed = true;
  while (changed) {
    changed = false;
    for (const net of nl.nets) {
      if (sources.has(net)) continue;
      for (const pin of livePins(net)) {
        if (!isSeriesElement(pin.comp)) continue;
        // A diode conducts from anode to cathode only: a reverse-protection diode fitted backwards blocks the rail.
        if (pin.comp.role === 'diode' && diodeSide(pin) === 'anode') continue;
        const from = otherNets(pin.comp, net).find((n) => !n.ground && sources.has(n));
        if (from) {
          sources.set(net, [{ what: pin.comp.ref, reason: `series ${pin.comp.role} from ${from.name}`, byName: false }]);
          changed = true;
          break;
        }
      }
    }
  }
  nl.memo.set('powerSources', sources);
  return sources;
}

/** Supply pins: power inputs that are not ground returns. */
export function supplyPins(net: NlNet): NlPin[] {
  return livePins(net).filter((p) => p.type === 'power_in' && p.comp.role !== 'connector' && p.comp.role !== 'battery');
}

export interface VoltageEvidence {
  volts: number;
  what: string;
  /** Strong evidence: the net's name or a regulator output; weak: a part's nominal supply. */
  strong: boolean;
}

/** Output voltage of a regulator: library property, library description, else the type's suffix (AMS1117-3.3). */
export function regulatorOutputVolts(c: NlComponent): number | null {
  const p = c.part?.properties;
  const prop = p?.['output_voltage_v'];
  if (typeof prop === 'number') return prop;
  const desc = c.part?.description ?? '';
  const d = /(\d+(?:\.\d+)?)\s*V\s+(?:fixed\s+)?output/i.exec(desc);
  if (d) return Number(d[1]);
  for (const name of [c.part?.name ?? '', c.component.type]) {
    // "AMS1117-3.3", "LM2575-5.0", "XYZ_3V3": a fixed-output suffix.
    const m = /[-_](\d+(?:\.\d+)?|\d+V\d+)$/i.exec(name.trim());
    const v = m ? parseVolts(m[1]!) : null;
    if (v !== null && v > 0.5 && v <= 60) return v;
    // "LDO regulator 3.3V": one stated voltage and no other.
    const all = [...name.matchAll(/(?:^|[^A-Za-z0-9.])(\d+(?:\.\d+)?V|\d+V\d+)(?![A-Za-z0-9])/gi)].map((x) => parseVolts(x[1]!.replace(/V$/i, '')));
    if (all.length === 1 && all[0] !== null && all[0] !== undefined && all[0] > 0.5 && all[0] <= 60) return all[0];
  }
  return null;
}

/** Strong voltage evidence for a net: its name and the regulators that drive it. */
export function strongVoltages(net: NlNet): VoltageEvidence[] {
  const out: VoltageEvidence[] = [];
  if (net.nameVoltage !== null) out.push({ volts: net.nameVoltage, what: `net name ${net.name}`, strong: true });
  for (const pin of livePins(net)) {
    if (pin.comp.role !== 'regulator') continue;
    const isOut = pin.type === 'output' || pin.type === 'power_out' || OUTPUT_PIN_NAME.test(pin.name);
    if (!isOut) continue;
    const v = regulatorOutputVolts(pin.comp);
    if (v !== null) out.push({ volts: v, what: `${pin.key} (regulator output)`, strong: true });
  }
  return out;
}

export interface SupplyRating {
  nominal: number | null;
  range: [number, number] | null;
  from: string;
}

/** What supply a part says it takes: the design's voltage_supply, else the library's, plus any range. */
export function supplyRating(c: NlComponent): SupplyRating {
  // A design range ("5-15V", "4.5 to 16 V") is the designer's statement of the part's limits.
  const designRange = voltageRangeFrom(/V\s*$/i.test(c.component.voltage_supply) ? c.component.voltage_supply : `${c.component.voltage_supply}V`);
  if (designRange) return { nominal: null, range: designRange, from: 'design voltage_supply' };
  const designV = parseVolts(c.component.voltage_supply);
  const range = voltageRangeFrom(c.part?.description ?? '') ?? upToRange(c);
  if (designV !== null) return { nominal: designV, range, from: 'design voltage_supply' };
  return { nominal: c.part?.voltage_supply_v ?? null, range, from: 'library voltage_supply' };
}

/** "Up to 15V input" on a part or its input pin gives an upper bound. */
function upToRange(c: NlComponent): [number, number] | null {
  const texts = [c.part?.description ?? '', ...(c.part?.pins.map((p) => p.description) ?? [])];
  for (const t of texts) {
    const m = /up to\s*(\d+(?:\.\d+)?)\s*V/i.exec(t);
    if (m) return [0, Number(m[1])];
  }
  return null;
}

/** Supply inputs fed from high-side rails on purpose (USB, battery, high-voltage domain): never rated by the part's nominal supply. */
const HIGH_SIDE_PIN = /^(?:VBUS|VBAT|VDDH|VHV|VSYS|VCHG|VBACKUP|VBCKP)\d*$/i;
/**
 * I/O-bank supplies follow the logic level of what the part talks to (FT232RL VCCIO 1.8–5.25 V,
 * FTDI DS_FT232R §3.2), and core supplies sit below the part's main supply (RP2040 DVDD 1.1 V,
 * RP2040 datasheet §2.9): neither is rated by the part's nominal supply.
 */
const IO_OR_CORE_PIN = /^(?:VCCIO\d*|VDDIO\d*|VIO\d*|IOVDD\d*|VDD_?IO\d*|OVDD|DVDD\d*|VDD_?CORE|VCORE|VDDC(?:ORE)?|VCAP\d*|VDD1V\d+|VDD12)$/i;

/**
 * The rating that applies to one supply pin: the library pin's own description ("1.7-3.6V
 * supply", "Core supply 1.1V") first; the part's rating when the pin is the part's only supply
 * net; the part's nominal supply for other pins of a multi-rail part, except high-side inputs.
 * Regulators are judged on explicit ranges only (their nominal is a typical input, not a limit).
 */
export function pinRating(pin: NlPin, net: NlNet): SupplyRating | null {
  const c = pin.comp;
  const own = c.component.pins[pin.name];
  const lib = libraryPin(c.part, pin.name, own?.number ?? null);
  const desc = own?.description || lib?.description || '';
  const from = own?.description ? `design pin ${pin.name}` : `library pin ${lib?.name ?? pin.name}`;
  const upTo = /up to\s*(\d+(?:\.\d+)?)\s*V/i.exec(desc);
  const range = voltageRangeFrom(desc) ?? (upTo ? ([0, Number(upTo[1])] as [number, number]) : null);
  if (range) return { nominal: null, range, from };
  const single = /(\d+(?:\.\d+)?)\s*V\b/i.exec(desc);
  if (single && !/ground/i.test(desc)) return { nominal: Number(single[1]), range: null, from };
  const part = supplyRating(c);
  if (c.role === 'regulator') return part.range ? { nominal: null, range: part.range, from: part.from } : null;
  if (singleSupplyNet(c) === net) return part;
  if (HIGH_SIDE_PIN.test(pin.name) || IO_OR_CORE_PIN.test(pin.name) || selfSupplied(pin, net)) return null;
  // A main supply pin of a multi-rail part (an MCU's VDD beside its VBAT) takes the part's stated range.
  if (part.range && part.from === 'design voltage_supply') return { nominal: null, range: part.range, from: part.from };
  if (part.nominal === null) return null;
  return { nominal: part.nominal, range: null, from: part.from };
}

/** A pin fed by an output of its own part (an internal regulator's output wired back to its core supply). */
function selfSupplied(pin: NlPin, net: NlNet): boolean {
  return livePins(net).some((p) => p.comp === pin.comp && p !== pin && (p.type === 'output' || p.type === 'power_out'));
}

/** The one non-ground net a part's supply pins sit on, or null when there are none or several. */
export function singleSupplyNet(c: NlComponent): NlNet | null {
  let found: NlNet | null = null;
  for (const pin of c.pins.values()) {
    if (pin.type !== 'power_in') continue;
    for (const n of pin.nets) {
      if (n.ground) continue;
      if (found && found !== n) return null;
      found = n;
    }
  }
  return found;
}
