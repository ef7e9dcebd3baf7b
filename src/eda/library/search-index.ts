import type { LibraryPart } from '../model/part.js';
import { compact, normalisePackage, tokenise } from './text.js';
import { parseValue, quantityOf, UNIT_OF, valueKey, type Quantity, type ValueUnit } from './values.js';

/**
 * The inverted index built once when a library loads: key → parts that contain it, with the
 * weight of the best field it appears in. Ranking rules are in docs/library.md; the weights below
 * are those rules in numbers.
 */
export const FIELDS = ['id', 'mpn', 'name', 'category', 'kind', 'package', 'footprint', 'manufacturer', 'description', 'properties'] as const;
export type Field = (typeof FIELDS)[number];

/** A whole id / mpn / name typed exactly outranks any single word of it. */
export const WEIGHT = {
  idFull: 6,
  mpnFull: 5,
  nameFull: 4,
  id: 2,
  mpn: 2,
  name: 2,
  category: 3,
  kind: 2.5,
  package: 3,
  packageFamily: 1.5,
  footprint: 2,
  manufacturer: 1.5,
  description: 1,
  properties: 0.75,
  /** A value that matches the part's value_si with a unit or SI prefix ("100nF", "4k7"). */
  value: 4,
  /** A bare number ("100") that happens to equal a part's value. */
  bareValue: 2.5,
  voltageName: 3,
  voltageOutput: 3,
  voltageDescription: 2,
  voltageSupply: 1.5,
  /** A value-less family part ("cap-ceramic-0805") of the quantity a value with a unit asks for. */
  family: 1,
} as const;

/** Parts in ascending index order, each with the weight and field of its best occurrence. */
export interface Posting {
  parts: number[];
  weights: number[];
  fields: number[];
}

export type VoltageSource = 'name' | 'output voltage' | 'description' | 'supply voltage';
export interface VoltageEntry {
  part: number;
  weight: number;
  source: VoltageSource;
}

export interface SearchIndex {
  parts: readonly LibraryPart[];
  postings: Map<string, Posting>;
  /** Every key, sorted, for prefix ranges. */
  vocabulary: string[];
  /** Letters-only keys grouped by length, for the typo scan. */
  wordsByLength: Map<number, string[]>;
  values: Map<string, number[]>;
  /** Two-terminal passives without a value, by the unit of their quantity. */
  families: Map<ValueUnit, number[]>;
  voltages: Map<string, VoltageEntry[]>;
  quantities: (Quantity | null)[];
  categories: string[];
  packageKeys: string[];
  footprintKeys: string[];
}

/** Words that name what a passive is, so "capacitor" finds a record titled "Cap MLCC 0402 100pF". */
const KIND_WORDS: Record<Quantity, string[]> = {
  capacitance: ['capacitor', 'cap'],
  resistance: ['resistor', 'res'],
  inductance: ['inductor', 'ind'],
  impedance: ['ferrite', 'bead'],
  frequency: ['crystal', 'xtal'],
};

export function buildSearchIndex(parts: readonly LibraryPart[]): SearchIndex {
  const postings = new Map<string, Posting>();
  const values = new Map<string, number[]>();
  const families = new Map<ValueUnit, number[]>();
  const voltages = new Map<string, VoltageEntry[]>();
  const quantities: (Quantity | null)[] = [];
  const categories: string[] = [];
  const packageKeys: string[] = [];
  const footprintKeys: string[] = [];

  for (const [i, part] of parts.entries()) {
    addKey(postings, compact(part.id), i, WEIGHT.idFull, F.id);
    addWords(postings, part.id, i, WEIGHT.id, F.id);
    addKey(postings, compact(part.mpn), i, WEIGHT.mpnFull, F.mpn);
    addWords(postings, part.mpn, i, WEIGHT.mpn, F.mpn);
    addKey(postings, compact(part.name), i, WEIGHT.nameFull, F.name);
    addWords(postings, part.name, i, WEIGHT.name, F.name);
    addKey(postings, compact(part.category), i, WEIGHT.category, F.category);
    const quantity = quantityOf(part);
    if (quantity !== null) for (const w of KIND_WORDS[quantity]) addKey(postings, w, i, WEIGHT.kind, F.kind);
    const pkg = normalisePackage(part.package);
    addKey(postings, pkg, i, WEIGHT.package, F.package);
    // "SOT-23-5" is also found by "SOT-23": each leading run of its dash-separated pieces.
    const pieces = part.package.split(/[-\s]+/).map(compact).filter((p) => p.length > 0);
    for (let n = 1; n < pieces.length; n++) {
      const family = pieces.slice(0, n).join('');
      if (family.length >= 3) addKey(postings, family, i, WEIGHT.packageFamily, F.package);
    }
    addKey(postings, normalisePackage(part.footprint), i, WEIGHT.footprint, F.footprint);
    addWords(postings, part.manufacturer, i, WEIGHT.manufacturer, F.manufacturer);
    addWords(postings, part.description, i, WEIGHT.description, F.description);
    for (const [key, v] of Object.entries(part.properties)) {
      if (key === 'review_status' || key === 'electrical_limits') continue;
      if (typeof v === 'string') addWords(postings, v, i, WEIGHT.properties, F.properties);
    }

    quantities.push(quantity);
    categories.push(part.category.toLowerCase());
    packageKeys.push(pkg);
    footprintKeys.push(normalisePackage(part.footprint));
    if (part.value_si !== null) pushTo(values, valueKey(part.value_si), i);
    else if (quantity !== null && part.pins.length === 2) pushTo(families, UNIT_OF[quantity], i);
    indexVoltages(part, i, voltages);
  }

  const vocabulary = [...postings.keys()].sort();
  const wordsByLength = new Map<number, string[]>();
  for (const key of vocabulary) if (/^[a-z]+$/.test(key)) pushTo(wordsByLength, key.length, key);
  return { parts, postings, vocabulary, wordsByLength, values, families, voltages, quantities, categories, packageKeys, footprintKeys };
}

/** Field numbers as stored in postings (index into FIELDS). */
const F = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<Field, number>;

/**
 * Adds part i under key, keeping only its best weight: parts are added in index order, so a
 * repeat of the same part can only be the posting's last entry.
 */
function addKey(postings: Map<string, Posting>, key: string, i: number, weight: number, field: number): void {
  if (key.length === 0) return;
  let post = postings.get(key);
  if (post === undefined) {
    post = { parts: [], weights: [], fields: [] };
    postings.set(key, post);
  }
  const last = post.parts.length - 1;
  if (last >= 0 && post.parts[last] === i) {
    if (post.weights[last]! < weight) {
      post.weights[last] = weight;
      post.fields[last] = field;
    }
  } else {
    post.parts.push(i);
    post.weights.push(weight);
    post.fields.push(field);
  }
}

function addWords(postings: Map<string, Posting>, text: string, i: number, weight: number, field: number): void {
  for (const t of tokenise(text)) addKey(postings, t, i, weight, field);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * Voltages a part is known by: "3.3V"/"3V3" in its name or description, its output voltage
 * property, and (weaker, since for a regulator it is the input) its supply voltage.
 */
function indexVoltages(part: LibraryPart, i: number, voltages: Map<string, VoltageEntry[]>): void {
  const found = new Map<string, VoltageEntry>();
  const add = (v: number, weight: number, source: VoltageSource): void => {
    const key = valueKey(v);
    const cur = found.get(key);
    if (cur === undefined || cur.weight < weight) found.set(key, { part: i, weight, source });
  };
  const scan = (text: string, weight: number, source: VoltageSource): void => {
    for (const word of text.split(/[\s,;()/]+/)) {
      const parsed = parseValue(word);
      if (parsed !== null && parsed.unit === 'V' && parsed.value > 0) add(parsed.value, weight, source);
    }
  };
  scan(part.name, WEIGHT.voltageName, 'name');
  scan(part.description, WEIGHT.voltageDescription, 'description');
  const out = part.properties['output_voltage_v'];
  if (typeof out === 'number' && out > 0) add(out, WEIGHT.voltageOutput, 'output voltage');
  if (part.voltage_supply_v !== null && part.voltage_supply_v > 0) add(part.voltage_supply_v, WEIGHT.voltageSupply, 'supply voltage');
  for (const [key, e] of found) pushTo(voltages, key, e);
}

/** Binary search of a posting list (parts are in ascending index order). */
export function postingIndexOf(post: Posting, part: number): number {
  let lo = 0;
  let hi = post.parts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = post.parts[mid]!;
    if (v === part) return mid;
    if (v < part) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
