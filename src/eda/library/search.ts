import { invalidInput } from '../../kernel/errors.js';
import { own } from '../../kernel/own.js';
import type { LibraryPart } from '../model/part.js';
import { FIELDS, postingIndexOf, WEIGHT, type Posting, type SearchIndex } from './search-index.js';
import { boundedEditDistance, compact, IMPERIAL_CHIP_SIZES, normalisePackage, STOP_WORDS, tokenise, typoBudget } from './text.js';
import { formatValue, parseValue, unitFits, valueKey, type ParsedValue } from './values.js';

/**
 * Library search (docs/library.md, "Search and ranking"). A query is cut into terms; each term is matched against the index by
 * exact key, synonym, prefix, typo (bounded edit distance) and, when it reads as a value, by the
 * parts' parsed values and voltages. A part's score is the sum over terms of its best match,
 * scaled by the square of the share of terms it matched, so parts matching everything come first.
 * docs/library.md states the rules.
 */
export interface SearchOptions {
  category?: string;
  package?: string;
  maxResults?: number;
}

export interface SearchHit {
  part: LibraryPart;
  score: number;
  why: string[];
}

export const MAX_QUERY_LENGTH = 500;
export const DEFAULT_MAX_RESULTS = 20;
export const MAX_RESULTS_LIMIT = 1000;
const MAX_TERMS = 12;
const MAX_PREFIX_EXPANSIONS = 40;

const MULT = { exact: 1, synonym: 0.9, prefix: 0.6, typo1: 0.5, typo2: 0.4 } as const;

/** Words engineers use for the same thing; looked up both ways at query time. */
const SYNONYMS: Record<string, string[]> = {
  ldo: ['lowdropout'],
  lowdropout: ['ldo'],
  regulator: ['ldo', 'lowdropout'],
  buck: ['stepdown'],
  stepdown: ['buck'],
  boost: ['stepup'],
  stepup: ['boost'],
  cap: ['capacitor'],
  capacitor: ['cap', 'mlcc'],
  res: ['resistor'],
  resistor: ['res'],
  ind: ['inductor'],
  inductor: ['ind'],
  xtal: ['crystal'],
  crystal: ['xtal'],
  mcu: ['microcontroller'],
  microcontroller: ['mcu'],
  led: ['light'],
  esd: ['tvs'],
  tvs: ['esd'],
  i2c: ['iic'],
};

type Expansion = { key: string; posting: Posting; mult: number; how: 'exact' | 'synonym' | 'prefix' | 'typo' };

interface Term {
  text: string;
  expansions: Expansion[];
  value: ParsedValue | null;
  valueParts: number[];
  voltageKey: string | null;
}

/** "100 nF" → "100nF", "3.3 V" → "3.3V": a number followed by a unit or prefix is one term. */
function joinUnits(query: string): string {
  return query.replace(/([0-9])\s+(?=(?:[pnuµμmkKMG]?(?:F|H|Hz|hz|Ω|ohms?|V)|[pnuµμkKMG])(?![A-Za-z]))/g, '$1');
}

function rawTerms(query: string): string[] {
  return joinUnits(query)
    .split(/[\s,;]+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0 && !STOP_WORDS.has(t.toLowerCase()));
}

function lookupExpansions(index: SearchIndex, key: string): Expansion[] {
  const out: Expansion[] = [];
  const exact = index.postings.get(key);
  if (exact) out.push({ key, posting: exact, mult: MULT.exact, how: 'exact' });
  for (const syn of own(SYNONYMS, key) ?? []) {
    const p = index.postings.get(syn);
    if (p) out.push({ key: syn, posting: p, mult: MULT.synonym, how: 'synonym' });
  }
  // Prefixes only for words: "cap" → "capacitor"; a number prefix ("10" → "100k") misleads.
  if (key.length >= 3 && /[a-z]/.test(key)) {
    let lo = lowerBound(index.vocabulary, key);
    let n = 0;
    while (lo < index.vocabulary.length && n < MAX_PREFIX_EXPANSIONS) {
      const word = index.vocabulary[lo]!;
      if (!word.startsWith(key)) break;
      if (word !== key) {
        out.push({ key: word, posting: index.postings.get(word)!, mult: MULT.prefix, how: 'prefix' });
        n++;
      }
      lo++;
    }
  }
  const budget = typoBudget(key);
  if (out.length === 0 && budget > 0 && /^[a-z]+$/.test(key)) {
    for (let len = key.length - budget; len <= key.length + budget; len++) {
      for (const word of index.wordsByLength.get(len) ?? []) {
        const d = boundedEditDistance(key, word, budget);
        if (d <= budget) out.push({ key: word, posting: index.postings.get(word)!, mult: d === 1 ? MULT.typo1 : MULT.typo2, how: 'typo' });
      }
    }
  }
  return out;
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function buildTerms(index: SearchIndex, query: string): Term[] {
  const terms: Term[] = [];
  for (const raw of rawTerms(query)) {
    const key = compact(raw);
    if (key.length === 0) continue;
    const isChipSize = IMPERIAL_CHIP_SIZES.has(key);
    const parsed = isChipSize || !/[0-9]/.test(raw) ? null : parseValue(raw);
    const valueParts = parsed === null ? [] : (index.values.get(valueKey(parsed.value)) ?? []);
    const voltageKey = parsed !== null && (parsed.unit === null || parsed.unit === 'V') ? valueKey(parsed.value) : null;
    const expansions = lookupExpansions(index, key);
    const pieces = tokenise(raw);
    if (expansions.length === 0 && parsed === null && pieces.length > 1) {
      // "usb-c" typed as one word but indexed as pieces: search the pieces instead.
      for (const piece of pieces.slice(0, -1)) {
        if (STOP_WORDS.has(piece)) continue;
        terms.push({ text: piece, expansions: lookupExpansions(index, piece), value: null, valueParts: [], voltageKey: null });
      }
      continue;
    }
    terms.push({ text: raw, expansions, value: parsed, valueParts, voltageKey });
    if (terms.length >= MAX_TERMS) break;
  }
  return terms.slice(0, MAX_TERMS);
}

/** Per-library scratch arrays, reused across queries (search is synchronous). */
export interface Scratch {
  total: Float64Array;
  matched: Uint8Array;
  termBest: Float64Array;
  termStamp: Int32Array;
  seen: Int32Array;
  query: number;
}

export function makeScratch(n: number): Scratch {
  return {
    total: new Float64Array(n),
    matched: new Uint8Array(n),
    termBest: new Float64Array(n),
    termStamp: new Int32Array(n).fill(-1),
    seen: new Int32Array(n).fill(-1),
    query: 0,
  };
}

function checkOptions(query: string, opts: SearchOptions): number {
  if (typeof query !== 'string') throw invalidInput('query must be a string', ['query']);
  if (query.length > MAX_QUERY_LENGTH) throw invalidInput(`query longer than ${MAX_QUERY_LENGTH} characters`, ['query']);
  const max = opts.maxResults ?? DEFAULT_MAX_RESULTS;
  if (!Number.isInteger(max) || max < 1 || max > MAX_RESULTS_LIMIT) {
    throw invalidInput(`maxResults must be an integer from 1 to ${MAX_RESULTS_LIMIT}`, ['maxResults']);
  }
  return max;
}

export function searchIndex(index: SearchIndex, scratch: Scratch, query: string, opts: SearchOptions = {}): SearchHit[] {
  const max = checkOptions(query, opts);
  const wantCategory = opts.category === undefined ? null : opts.category.trim().toLowerCase();
  const wantPackage = opts.package === undefined ? null : normalisePackage(opts.package);
  const passes = (p: number): boolean =>
    (wantCategory === null || index.categories[p] === wantCategory) &&
    (wantPackage === null || index.packageKeys[p] === wantPackage || index.footprintKeys[p] === wantPackage);

  const terms = buildTerms(index, query);
  if (terms.length === 0) return browse(index, passes, max, wantCategory, wantPackage);

  const q = ++scratch.query;
  const { total, matched, termBest, termStamp, seen } = scratch;
  const touched: number[] = [];
  for (const [t, term] of terms.entries()) {
    const stamp = q * MAX_TERMS + t;
    const termTouched: number[] = [];
    const offer = (p: number, score: number): void => {
      if (termStamp[p] !== stamp) {
        if (!passes(p)) return;
        termStamp[p] = stamp;
        termBest[p] = score;
        termTouched.push(p);
      } else if (termBest[p]! < score) termBest[p] = score;
    };
    for (const e of term.expansions) {
      const { parts, weights } = e.posting;
      const exact = e.how === 'exact';
      for (let k = 0; k < parts.length; k++) offer(parts[k]!, expansionScore(weights[k]!, e.mult, exact));
    }
    if (term.value !== null) {
      const w = term.value.qualified ? WEIGHT.value : WEIGHT.bareValue;
      for (const p of term.valueParts) if (unitFits(term.value.unit, index.quantities[p] ?? null)) offer(p, w);
      if (term.value.unit !== null) for (const p of index.families.get(term.value.unit) ?? []) offer(p, WEIGHT.family);
      if (term.voltageKey !== null) for (const v of index.voltages.get(term.voltageKey) ?? []) offer(v.part, v.weight);
    }
    for (const p of termTouched) {
      if (seen[p] !== q) {
        seen[p] = q;
        total[p] = 0;
        matched[p] = 0;
        touched.push(p);
      }
      total[p] = total[p]! + termBest[p]!;
      matched[p] = matched[p]! + 1;
    }
  }

  // Keep the best `max` in a small sorted array: cheaper than sorting every touched part.
  const top: { p: number; s: number }[] = [];
  const n = terms.length;
  for (const p of touched) {
    const share = matched[p]! / n;
    const s = total[p]! * share * share;
    if (top.length === max) {
      const last = top[top.length - 1]!;
      if (s < last.s || (s === last.s && index.parts[p]!.id > index.parts[last.p]!.id)) continue;
    }
    let at = top.length;
    while (at > 0 && better(index, p, s, top[at - 1]!)) at--;
    top.splice(at, 0, { p, s });
    if (top.length > max) top.pop();
  }
  return top.map(({ p, s }) => ({ part: index.parts[p]!, score: Number(s.toFixed(4)), why: explain(index, p, terms) }));
}

/**
 * A near match (synonym, prefix, typo) of a whole id / mpn / name counts no more than a near
 * match of a single word: "crystal" must rank the part whose id word is "crystal" above one whose
 * whole id merely starts with it.
 */
function expansionScore(weight: number, mult: number, exact: boolean): number {
  return exact ? weight * mult : Math.min(weight, WEIGHT.package) * mult;
}

function better(index: SearchIndex, p: number, s: number, other: { p: number; s: number }): boolean {
  if (s !== other.s) return s > other.s;
  return index.parts[p]!.id < index.parts[other.p]!.id;
}

function browse(index: SearchIndex, passes: (p: number) => boolean, max: number, category: string | null, pkg: string | null): SearchHit[] {
  const why: string[] = [];
  if (category !== null) why.push(`category ${category}`);
  if (pkg !== null) why.push(`package ${pkg}`);
  if (why.length === 0) why.push('no query: listing by id');
  const hits: SearchHit[] = [];
  const order = index.parts.map((_, i) => i).sort((a, b) => (index.parts[a]!.id < index.parts[b]!.id ? -1 : 1));
  for (const p of order) {
    if (!passes(p)) continue;
    hits.push({ part: index.parts[p]!, score: 0, why });
    if (hits.length >= max) break;
  }
  return hits;
}

/** Re-derives, for one returned part, which match of each term gave its score. */
function explain(index: SearchIndex, p: number, terms: Term[]): string[] {
  const why: string[] = [];
  const part = index.parts[p]!;
  for (const term of terms) {
    let best = 0;
    let reason = '';
    for (const e of term.expansions) {
      const k = postingIndexOf(e.posting, p);
      if (k < 0) continue;
      const s = expansionScore(e.posting.weights[k]!, e.mult, e.how === 'exact');
      if (s <= best) continue;
      best = s;
      const field = FIELDS[e.posting.fields[k]!] ?? 'description';
      reason = describeWord(term.text, e, field, part);
    }
    if (term.value !== null && part.value_si !== null && valueKey(part.value_si) === valueKey(term.value.value) && unitFits(term.value.unit, index.quantities[p] ?? null)) {
      const s = term.value.qualified ? WEIGHT.value : WEIGHT.bareValue;
      if (s > best) {
        best = s;
        reason = `value ${formatValue(part.value_si, unitOf(index, p))}`;
      }
    }
    if (term.value !== null && term.value.unit !== null && part.value_si === null && WEIGHT.family > best) {
      if ((index.families.get(term.value.unit) ?? []).includes(p)) {
        best = WEIGHT.family;
        reason = `family part of any value (asked ${formatValue(term.value.value, term.value.unit)})`;
      }
    }
    if (term.voltageKey !== null) {
      const v = (index.voltages.get(term.voltageKey) ?? []).find((e) => e.part === p);
      if (v !== undefined && v.weight > best) {
        best = v.weight;
        reason = `${v.source === 'name' || v.source === 'description' ? `voltage in ${v.source}` : v.source} ${formatValue(term.value!.value, 'V')}`;
      }
    }
    if (best > 0) why.push(reason);
  }
  return why;
}

function unitOf(index: SearchIndex, p: number): 'ohm' | 'F' | 'H' | 'Hz' | null {
  const q = index.quantities[p];
  if (q === 'capacitance') return 'F';
  if (q === 'inductance') return 'H';
  if (q === 'frequency') return 'Hz';
  if (q === 'resistance' || q === 'impedance') return 'ohm';
  return null;
}

function describeWord(text: string, e: Expansion, field: string, part: LibraryPart): string {
  const shown = text.toLowerCase();
  if (field === 'package') return e.how === 'exact' ? `package ${part.package}` : `package ${part.package} (~'${shown}')`;
  if (field === 'footprint' && e.how === 'exact') return `footprint ${part.footprint}`;
  if (field === 'category' && e.how === 'exact') return `category ${part.category}`;
  if (e.how === 'exact' && compact(part.id) === e.key && field === 'id') return `id ${part.id}`;
  if (e.how === 'exact' && compact(part.mpn) === e.key && field === 'mpn') return `mpn ${part.mpn}`;
  if (e.how === 'exact' && compact(part.name) === e.key && field === 'name') return `name ${part.name}`;
  const where = field === 'kind' ? 'part kind' : field;
  switch (e.how) {
    case 'exact':
      return `word '${shown}' in ${where}`;
    case 'synonym':
      return `synonym '${shown}'~'${e.key}' in ${where}`;
    case 'prefix':
      return `prefix '${shown}'~'${e.key}' in ${where}`;
    case 'typo':
      return `fuzzy '${shown}'~'${e.key}' in ${where}`;
  }
}
