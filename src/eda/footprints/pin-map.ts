import type { Footprint } from '../model/footprint.js';
import { invalidInput } from '../../kernel/errors.js';
import { PIN_TABLES, type PinTable } from './pin-tables.js';

export interface PinRef {
  name: string;
  number: string | null;
}

export interface PinMapResult {
  /** Pin name → pad numbers (several for power pins and stacked pads). */
  map: Record<string, string[]>;
  /** Pins that could not be placed on any pad: the caller reports a finding. */
  unmapped: string[];
  /** Pins placed by declared order only (no number, table or convention said where). */
  assumed: string[];
}

/** Families where "pin k is pad k" is the part's own convention, so declared order may fill gaps. */
const ORDERED_FAMILIES = new Set(['chip', 'header', 'terminal', 'testpoint', 'mounting_hole', 'switch', 'capacitor_radial', 'resistor_axial', 'capacitor_disc']);
const DIODE_FAMILIES = new Set(['diode', 'diode_molded', 'led_chip', 'led_tht']);

const key = (s: string) => s.trim().toUpperCase().replace(/\s+/g, '');
/** GP5 / IO5 → GPIO5, so module and MCU tables need one spelling. */
const canonicalPin = (s: string) => key(s).replace(/^(?:GP|IO)(\d+)$/, 'GPIO$1');

function tableFor(fp: Footprint, type: string | undefined): PinTable | undefined {
  const t = type ? key(type) : '';
  // Part-specific tables first, then footprint-wide ones.
  const typed = PIN_TABLES.find((tb) => tb.types?.some((p) => t.startsWith(p)) && (!tb.footprints || tb.footprints.includes(fp.name)));
  return typed ?? PIN_TABLES.find((tb) => !tb.types && tb.footprints?.includes(fp.name));
}

function tableLookup(table: PinTable, pinName: string): string[] | undefined {
  const want = canonicalPin(pinName);
  for (const [names, pads] of Object.entries(table.pins)) {
    if (names.split('|').some((n) => canonicalPin(n) === want)) return pads;
  }
  return undefined;
}

const isDiodeLike = (fp: Footprint, hint?: { type?: string; ref?: string }) =>
  DIODE_FAMILIES.has(fp.family) ||
  /LED|DIODE|TVS|ESD|ZENER|SCHOTTKY|RECTIFIER/i.test(hint?.type ?? '') ||
  /^(D|LED)\d/i.test(hint?.ref ?? '');

/**
 * Two-pad conventions. Diodes and LEDs follow KiCad: pad 1 = cathode (K), pad 2 = anode (A); a
 * TVS/ESD diode's protected line is its cathode. Everything else: P1/1/+ → 1, P2/2/− → 2 (radial
 * electrolytics have pad 1 = +).
 */
function twoPadConvention(name: string, diode: boolean): string | undefined {
  const n = key(name);
  if (diode) {
    if (/^(K|CATHODE|KATHODE|-|NEG|IO|LINE|VCC|VBUS|I\/O)$/.test(n)) return '1';
    if (/^(A|ANODE|\+|GND|VSS)$/.test(n)) return '2';
  }
  if (/^(P1|PIN1|1|\+|POS|PLUS|A|T1|L1)$/.test(n)) return '1';
  if (/^(P2|PIN2|2|-|NEG|MINUS|B|T2|L2)$/.test(n)) return '2';
  return undefined;
}

/**
 * Maps a component's pins onto a footprint's pad numbers (docs/footprints.md, "Pin → pad mapping"). Order of precedence: the pin's
 * explicit number; a pin name that is itself a pad number; the part/footprint pin table; the
 * two-pad conventions; and, only for families whose pins are numbered in order (chips, headers,
 * terminals, test points…), the declared order — those pins are listed in `assumed`. ICs and
 * modules without a table are never filled by order: their pins stay `unmapped`.
 */
export function mapPinsToPads(footprint: Footprint, pins: PinRef[], hint?: { type?: string; ref?: string }): PinMapResult {
  if (!footprint || !Array.isArray(footprint.pads)) throw invalidInput('footprint must have a pads array', ['footprint']);
  if (!Array.isArray(pins)) throw invalidInput('pins must be an array', ['pins']);
  pins.forEach((p, i) => {
    if (!p || typeof p.name !== 'string' || p.name === '' || !(p.number === null || typeof p.number === 'string')) {
      throw invalidInput('each pin needs a non-empty name and a number that is a string or null', ['pins', i]);
    }
  });
  const padNumbers: string[] = [];
  for (const p of footprint.pads) if (p.number !== '' && !padNumbers.includes(p.number)) padNumbers.push(p.number);
  const padByKey = new Map(padNumbers.map((n) => [key(n), n]));
  const map: Record<string, string[]> = {};
  const unmapped: string[] = [];
  const assumed: string[] = [];
  const used = new Set<string>();
  const assign = (pin: string, pads: string[]) => {
    map[pin] = pads;
    for (const p of pads) used.add(p);
  };
  const table = tableFor(footprint, hint?.type);
  const twoPad = padNumbers.length === 2 && padNumbers.includes('1') && padNumbers.includes('2');
  const diode = isDiodeLike(footprint, hint);
  const pending: PinRef[] = [];

  for (const pin of pins) {
    if (pin.number !== null && pin.number.trim() !== '') {
      const pads = pin.number.split(/[,\s]+/).filter(Boolean).map((n) => padByKey.get(key(n)));
      if (pads.length > 0 && pads.every((p): p is string => p !== undefined)) assign(pin.name, pads);
      else unmapped.push(pin.name);
      continue;
    }
    const byName = padByKey.get(key(pin.name));
    if (byName !== undefined && !(twoPad && diode)) {
      assign(pin.name, [byName]);
      continue;
    }
    const fromTable = table ? tableLookup(table, pin.name) : undefined;
    if (fromTable && fromTable.every((p) => padByKey.has(key(p)))) {
      assign(pin.name, fromTable);
      continue;
    }
    // A one-pad part (test point, plated hole) with one pin: there is nothing to choose.
    const only = padNumbers.length === 1 && pins.length === 1 ? padNumbers[0] : undefined;
    const conv = only ?? (twoPad ? twoPadConvention(pin.name, diode) : undefined);
    if (conv !== undefined) {
      assign(pin.name, [conv]);
      continue;
    }
    pending.push(pin);
  }

  // Pads of undeclared pins that the datasheet ties to a declared one (VDDIO → VDD).
  if (table?.implied) {
    for (const [absent, target] of Object.entries(table.implied)) {
      const declared = (n: string) => pins.some((p) => n.split('|').some((s) => canonicalPin(s) === canonicalPin(p.name)));
      if (declared(absent)) continue;
      const targetPin = pins.find((p) => target.split('|').some((s) => canonicalPin(s) === canonicalPin(p.name)));
      const extra = tableLookup(table, absent.split('|')[0] ?? absent);
      const current = targetPin ? map[targetPin.name] : undefined;
      if (targetPin && extra && current) map[targetPin.name] = [...current, ...extra.filter((p) => !current.includes(p))];
    }
  }

  if (ORDERED_FAMILIES.has(footprint.family) && !table) {
    const free = padNumbers.filter((n) => !used.has(n));
    for (const pin of pending) {
      const pad = free.shift();
      if (pad === undefined) unmapped.push(pin.name);
      else {
        assign(pin.name, [pad]);
        assumed.push(pin.name);
      }
    }
  } else {
    unmapped.push(...pending.map((p) => p.name));
  }
  return { map, unmapped, assumed };
}
