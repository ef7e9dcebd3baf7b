import { parseSiValue } from '../../kernel/units.js';
import { IMPERIAL_CHIP_SIZES } from './text.js';

/**
 * Electrical values of passives and how a query's value is compared with them. A part's
 * `value_si` is in the SI base unit of its quantity; the quantity itself is not stored in the
 * model but follows from the record (properties key, then the kind words of id/name), so it is
 * derived the same way by the importer, the index and the lookup.
 */
export type Quantity = 'resistance' | 'capacitance' | 'inductance' | 'impedance' | 'frequency';
export type ValueUnit = 'ohm' | 'F' | 'H' | 'V' | 'Hz';

export const UNIT_OF: Record<Quantity, ValueUnit> = {
  resistance: 'ohm',
  capacitance: 'F',
  inductance: 'H',
  // Ferrite beads are specified by their impedance at 100 MHz, in ohms.
  impedance: 'ohm',
  frequency: 'Hz',
};

const SYMBOL: Record<ValueUnit, string> = { ohm: 'Ω', F: 'F', H: 'H', V: 'V', Hz: 'Hz' };

/** Kind words that name a quantity, checked against id, name and description words. */
const KIND_PATTERNS: [Quantity, RegExp][] = [
  ['impedance', /\bferrite\b/i],
  ['frequency', /\b(crystal|xtal)\b/i],
  ['capacitance', /\b(cap|capacitor|mlcc)\b/i],
  ['inductance', /\b(ind|inductor)\b/i],
  ['resistance', /\b(res|resistor|pot|potentiometer|trimmer)\b/i],
];

const PROPERTY_QUANTITY: [string, Quantity][] = [
  ['capacitance', 'capacitance'],
  ['resistance', 'resistance'],
  ['inductance', 'inductance'],
  ['impedance_at_100mhz', 'impedance'],
];

export interface PartLike {
  id: string;
  name: string;
  category: string;
  properties: Record<string, unknown>;
}

/** The quantity a passive (or crystal) is specified by, or null for everything else. */
export function quantityOf(part: PartLike): Quantity | null {
  for (const [key, q] of PROPERTY_QUANTITY) if (part.properties[key] !== undefined) return q;
  const words = `${part.id.replace(/[-_]/g, ' ')} ${part.name}`;
  const isCrystal = /\b(crystal|xtal)\b/i.test(words);
  if (part.category !== 'passive' && !isCrystal) return null;
  for (const [q, re] of KIND_PATTERNS) if (re.test(words)) return q;
  return null;
}

export interface ParsedValue {
  value: number;
  unit: ValueUnit | null;
  /** True when the text carried an SI prefix or a unit, i.e. it cannot be a bare number or code. */
  qualified: boolean;
}

const FREQUENCY = /^([0-9]*\.?[0-9]+)\s*([kKmMgG]?)hz$/i;
const FREQ_PREFIX: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9 };

/**
 * Parses one value as an engineer writes it: "100n", "0.1uF", "100nF", "4k7", "4.7kR", "2R2",
 * "3V3", "3.3V", "12MHz". Frequencies are read case-insensitively ("12mhz" is 12 MHz: nobody
 * means millihertz); everything else goes through the kernel's parseSiValue.
 */
export function parseValue(text: string): ParsedValue | null {
  const t = text.trim();
  const f = FREQUENCY.exec(t);
  if (f) {
    const mult = FREQ_PREFIX[(f[2] ?? '').toLowerCase()] ?? 1;
    return { value: Number((Number(f[1]) * mult).toPrecision(12)), unit: 'Hz', qualified: true };
  }
  const value = parseSiValue(t);
  if (value === null) return null;
  const unit = unitOfText(t);
  const qualified = unit !== null || /[0-9.]\s*[pnuµμmkKMG]/.test(t);
  return { value, unit, qualified };
}

function unitOfText(t: string): ValueUnit | null {
  if (/[0-9]\s*[pnuµμmkKMG]?\s*(f|farad)$/i.test(t)) return 'F';
  if (/[0-9]\s*[pnuµμmkKMG]?\s*(h|henry)$/i.test(t)) return 'H';
  if (/[0-9]\s*[pnuµμmkKMG]?\s*(ohm|ohms|Ω|r)$/i.test(t) || /^[0-9]+[Rr][0-9]+$/.test(t)) return 'ohm';
  if (/[0-9]\s*[pnuµμmkKMG]?\s*v$/i.test(t) || /^[0-9]+[Vv][0-9]+$/.test(t)) return 'V';
  return null;
}

/** True when a parsed value can stand for a part of this quantity. */
export function unitFits(unit: ValueUnit | null, quantity: Quantity | null): boolean {
  if (unit === null || quantity === null) return true;
  return UNIT_OF[quantity] === unit;
}

/** Two values are equal when they agree to 9 significant digits (parseSiValue already rounds). */
export function sameValue(a: number, b: number): boolean {
  if (a === b) return true;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= scale * 1e-9;
}

/** A stable key for value maps: 0.1e-6 and 100e-9 give the same key. */
export function valueKey(v: number): string {
  return v === 0 ? '0' : v.toPrecision(9);
}

const DISPLAY_PREFIXES: [number, string][] = [
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
  [1, ''],
  [1e-3, 'm'],
  [1e-6, 'µ'],
  [1e-9, 'n'],
  [1e-12, 'p'],
];

/** "100 nF", "4.7 kΩ", "32.768 kHz", "3.3 V": for `why` and messages (6 significant digits). */
export function formatValue(value: number, unit: ValueUnit | null): string {
  const symbol = unit === null ? '' : SYMBOL[unit];
  const abs = Math.abs(value);
  if (abs === 0) return `0 ${symbol}`.trim();
  for (const [mult, prefix] of DISPLAY_PREFIXES) {
    if (abs >= mult * 0.9999999) return `${Number((value / mult).toPrecision(6))} ${prefix}${symbol}`.trim();
  }
  return `${Number(value.toPrecision(6))} ${symbol}`.trim();
}

export interface ExtractedValue {
  value_si: number;
  value_text: string;
  /** Where it came from, for the import report. */
  from: string;
}

/**
 * The value of a passive: its quantity's property ("capacitance: 100nF"), else the first word of
 * its name, then its description, that reads as a value of that quantity ("10uF" in
 * "Cap Electrolytic 10uF 25V"). A property with trailing words ("47uF 0805") is read from its first
 * word. Bare numbers and chip sizes ("0402") are never taken for values.
 */
export function extractValue(part: PartLike & { description: string }, quantity: Quantity): ExtractedValue | null {
  const unit = UNIT_OF[quantity];
  const prop = PROPERTY_QUANTITY.find(([, q]) => q === quantity)?.[0];
  const fromProps: [string, unknown][] = [];
  if (prop !== undefined && part.properties[prop] !== undefined) fromProps.push([`properties.${prop}`, part.properties[prop]]);
  if (quantity === 'frequency') {
    if (typeof part.properties['frequency_hz'] === 'number') fromProps.push(['properties.frequency_hz', `${part.properties['frequency_hz']}Hz`]);
    if (typeof part.properties['frequency_mhz'] === 'number') fromProps.push(['properties.frequency_mhz', `${part.properties['frequency_mhz']}MHz`]);
  }
  for (const [from, raw] of fromProps) {
    const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : null;
    if (text === null) continue;
    for (const candidate of [text.trim(), text.trim().split(/\s+/)[0] ?? '']) {
      const parsed = parseValue(candidate);
      if (parsed && unitFits(parsed.unit, quantity)) {
        const numericProperty = typeof raw === 'number';
        return { value_si: parsed.value, value_text: numericProperty ? formatValue(parsed.value, unit).replace(' ', '') : candidate, from };
      }
    }
  }
  for (const [from, text] of [
    ['name', part.name],
    ['description', part.description],
  ] as const) {
    for (const word of text.split(/[\s,;()]+/)) {
      const cleaned = word.replace(/@.*$/, '');
      if (cleaned.length === 0 || IMPERIAL_CHIP_SIZES.has(cleaned)) continue;
      const parsed = parseValue(cleaned);
      if (!parsed || !parsed.qualified) continue;
      if (parsed.unit === null || parsed.unit === unit) {
        return { value_si: parsed.value, value_text: cleaned, from };
      }
    }
  }
  return null;
}
