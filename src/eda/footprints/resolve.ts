import type { Footprint } from '../model/footprint.js';
import { CATALOG, type CatalogEntry } from './catalog.js';
import { deepFreeze } from '../../kernel/own.js';

/**
 * Footprint name resolution (docs/footprints.md, "Name resolution"). Names are normalised (library prefix "Lib:" dropped, case
 * folded, "_" and spaces read as "-", and a compact form without separators so "SOT23-5",
 * "SOT-23-5" and "sot_23_5" meet). Then, in order:
 *   1. a catalog name or alias;
 *   2. KiCad chip names ("R_0402_1005Metric", "LED_0603_1608Metric");
 *   3. KiCad generic names that spell out dimensions ("SOIC-8_3.9x4.9mm_P1.27mm"): the family-count
 *      prefix is looked up and every stated body/pitch/EP size must match the entry, else no match;
 *   4. part-prefixed names closing on a JEDEC-fixed package ("INA226-MSOP10" → MSOP-10).
 * Anything else is `undefined`: a footprint is never guessed.
 */

const normalise = (name: string): string => {
  const afterLib = name.includes(':') ? name.slice(name.lastIndexOf(':') + 1) : name;
  return afterLib.trim().toUpperCase().replace(/[\s_]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
};
const compact = (normalised: string): string => normalised.replace(/-/g, '');

interface Index {
  byKey: Map<string, CatalogEntry>;
  collisions: string[];
}

let index: Index | undefined;

function buildIndex(): Index {
  const byKey = new Map<string, CatalogEntry>();
  const collisions: string[] = [];
  for (const entry of CATALOG) {
    for (const name of [entry.name, ...entry.aliases]) {
      const key = compact(normalise(name));
      const prior = byKey.get(key);
      if (prior && prior !== entry) collisions.push(`${name} (${entry.name} vs ${prior.name})`);
      else byKey.set(key, entry);
    }
  }
  return { byKey, collisions };
}

const getIndex = (): Index => (index ??= buildIndex());

/** Alias keys that two entries claim (a catalog bug; tested to be empty). */
export const aliasCollisions = (): string[] => getIndex().collisions;

const built = new Map<string, Footprint>();
const memo = new Map<string, CatalogEntry | null>();
const MEMO_LIMIT = 10_000;

function buildEntry(entry: CatalogEntry): Footprint {
  let fp = built.get(entry.name);
  if (!fp) {
    fp = deepFreeze(entry.build());
    built.set(entry.name, fp);
  }
  return fp;
}

const DIMENSION_TOKENS = [
  /^\d+(?:\.\d+)?X\d+(?:\.\d+)?MM$/,
  /^P\d+(?:\.\d+)?MM$/,
  /^EP\d+(?:\.\d+)?X\d+(?:\.\d+)?MM$/,
  /^1EP$/,
  /^W7\.62MM$/,
];

const num = (s: string | undefined): number => Number(s);
const near = (a: number, b: number) => Math.abs(a - b) <= 0.051;

/** Every dimension a KiCad-style name states must match the entry; unknown entry dimensions fail. */
function dimensionsAgree(n: string, entry: CatalogEntry): boolean {
  const body = /(?:^|-)(\d+(?:\.\d+)?)X(\d+(?:\.\d+)?)MM(?:-|$)/.exec(n.replace(/-EP\d.*$/, ''));
  if (body) {
    if (!entry.bodyMm) return false;
    const [a, b] = [num(body[1]), num(body[2])];
    const [x, y] = entry.bodyMm;
    if (!((near(a, x) && near(b, y)) || (near(a, y) && near(b, x)))) return false;
  }
  const pitch = /-P(\d+(?:\.\d+)?)MM/.exec(n);
  if (pitch && (entry.pitchMm === undefined || !near(num(pitch[1]), entry.pitchMm))) return false;
  const ep = /EP(\d+(?:\.\d+)?)X(\d+(?:\.\d+)?)MM/.exec(n);
  if (ep) {
    if (!entry.epMm) return false;
    const [a, b] = [num(ep[1]), num(ep[2])];
    if (!((near(a, entry.epMm[0]) && near(b, entry.epMm[1])) || (near(a, entry.epMm[1]) && near(b, entry.epMm[0])))) return false;
  }
  return true;
}

function findEntry(name: string): CatalogEntry | undefined {
  const { byKey } = getIndex();
  const n = normalise(name);
  if (!n) return undefined;
  const direct = byKey.get(compact(n));
  if (direct) return direct;

  // 2. KiCad chip: R_0402_1005Metric, C_0805_2012Metric_Pad1.18x1.45mm_HandSolder (hand-solder variants are not ours).
  const chip = /^(R|C|L|LED|FB)-(\d{4})-(\d{4})METRIC$/.exec(n);
  if (chip) return byKey.get(compact(chip[1] === 'LED' ? `LED-${chip[2]}` : chip[2] ?? ''));

  // 3. KiCad generic: FAMILY-COUNT followed only by dimension tokens. Any other token (HandSolder,
  //    TabPin2, ThermalVias, a pad size) names a variant we do not generate, so it does not match.
  const generic = /^([A-Z]+(?:-[A-Z]+)?)-(\d+)-(.+)$/.exec(n);
  if (generic && (generic[3] ?? '').split('-').every((t) => DIMENSION_TOKENS.some((re) => re.test(t)))) {
    const entry = byKey.get(compact(`${generic[1]}-${generic[2]}`));
    if (entry && dimensionsAgree(n, entry)) return entry;
    return undefined;
  }

  // 4. Part-prefixed: the tail after some "-" names a JEDEC-fixed package.
  const parts = n.split('-');
  for (let k = 1; k < parts.length; k++) {
    const tail = parts.slice(k).join('-');
    const spaced = tail.replace(/^([A-Z]+)(\d+)$/, '$1-$2');
    const entry = byKey.get(compact(spaced));
    if (entry?.suffixOk) return entry;
  }
  return undefined;
}

/** Resolves a footprint or package name to generated geometry, or `undefined` when unknown. */
export function resolveFootprint(name: string): Footprint | undefined {
  if (typeof name !== 'string' || name.length > 300) return undefined;
  let entry = memo.get(name);
  if (entry === undefined) {
    entry = findEntry(name) ?? null;
    // Names come from callers (agents); keep the memo bounded.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(name, entry);
  }
  return entry ? buildEntry(entry) : undefined;
}

/** The catalog entry a name resolves to (name, family), without building geometry. */
export function resolveFootprintName(name: string): string | undefined {
  return typeof name === 'string' ? findEntry(name)?.name : undefined;
}

export function listFootprintPackages(): { name: string; family: string; description: string; aliases: string[] }[] {
  return CATALOG.map((e) => ({ name: e.name, family: e.family, description: e.description, aliases: [...e.aliases] }));
}
