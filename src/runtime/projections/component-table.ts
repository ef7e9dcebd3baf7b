import type { Component, Design } from '../../eda/model/design.js';
import { BUCKET_THRESHOLD, BUCKETS, bucketDigestOfLines, bucketOf, combineBucketDigests, compareKeyOrder, entryLine, linesHash, objectHashWithKnown, rememberRecordHash } from '../../kernel/merkle-hash.js';
import { nullRecord } from '../../kernel/own.js';

/**
 * The component record of a design as the live projection keeps it (docs/design-hash.md,
 * "Incremental"): the entries spread over the 256 buckets the Merkle hash already uses, so a
 * one-component edit copies one bucket (n/256 entries) and rehashes that bucket, never the n keys.
 *
 * `design.components` stays an ordinary frozen record for every reader in `src/eda/`: designs built
 * here carry it as a getter that assembles it on first read and keeps it. The hot path of a session
 * (component_add/remove, their summaries, the design hash) never reads it; validation, layout and
 * exports read every component anyway, so assembling costs them no more than the read itself.
 * Tables are keyed by design identity (designs are frozen), never stored inside the design, so
 * snapshots and worker messages see only the plain record.
 */
/** One bucket, its ids in code-unit order with parallel columns; copied (4 short array copies) per edit. */
interface Bucket {
  readonly ids: readonly string[];
  readonly components: readonly Component[];
  /** Insertion position per id, so the assembled record keeps JavaScript's key order. */
  readonly orders: readonly number[];
  /** Entry lines of the Merkle hash text (merkle-hash.ts `entryLine`), so a digest is one join and one SHA-256. */
  readonly lines: readonly string[];
  /**
   * Bucket digest B_i, computed when first asked for: only a record of more than BUCKET_THRESHOLD
   * components hashes by buckets, so a small design's edit does not pay a SHA-256 for it.
   */
  digest: string | null;
}

function digestOf(b: Bucket): string {
  return (b.digest ??= bucketDigestOfLines(b.lines));
}

interface RefIndex {
  /** The one table this index describes; any other table rebuilds its own on demand. */
  owner: ComponentTable;
  ids: Map<string, string[]>;
}

/** All entries in code-unit order, kept while the record is small enough to be hashed whole (≤ BUCKET_THRESHOLD keys). */
interface SortedLines {
  readonly ids: readonly string[];
  readonly lines: readonly string[];
}

interface ComponentTable {
  readonly buckets: readonly Bucket[];
  readonly size: number;
  readonly nextOrder: number;
  refs: RefIndex | null;
  hash: string | null;
  /** Built on first use and handed on by each edit (one splice), so a small record's hash never re-sorts. */
  small: SortedLines | null;
  /** The plain record, assembled on first read of `design.components`. */
  record: Readonly<Record<string, Component>> | null;
}

const EMPTY: Bucket = Object.freeze({ ids: [], components: [], orders: [], lines: [], digest: bucketDigestOfLines([]) });
const tables = new WeakMap<Design, ComponentTable>();

function fromRecord(components: Readonly<Record<string, Component>>): ComponentTable {
  const groups: [string, number][][] = Array.from({ length: BUCKETS }, () => []);
  let n = 0;
  for (const id of Object.keys(components)) groups[bucketOf(id)]!.push([id, n++]);
  const buckets = groups.map((g): Bucket => {
    if (g.length === 0) return EMPTY;
    g.sort((x, y) => compareKeyOrder(x[0], y[0]));
    const ids = g.map((e) => e[0]);
    const lines = ids.map((id) => entryLine(id, components[id]));
    return { ids, components: ids.map((id) => components[id]!), orders: g.map((e) => e[1]), lines, digest: null };
  });
  return { buckets, size: n, nextOrder: n, refs: null, hash: null, small: null, record: null };
}

function tableOf(design: Design): ComponentTable {
  let t = tables.get(design);
  if (!t) {
    t = fromRecord(design.components);
    tables.set(design, t);
  }
  return t;
}

/** Position of `id` in the sorted `ids`, or where it would go (binary search). */
function position(ids: readonly string[], id: string): { at: number; found: boolean } {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = compareKeyOrder(ids[mid]!, id);
    if (c === 0) return { at: mid, found: true };
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return { at: lo, found: false };
}

function refIds(t: ComponentTable): Map<string, string[]> {
  if (t.refs?.owner !== t) {
    const ids = new Map<string, string[]>();
    for (const b of t.buckets) {
      for (let i = 0; i < b.ids.length; i++) {
        const ref = b.components[i]!.ref;
        const list = ids.get(ref);
        if (list) list.push(b.ids[i]!);
        else ids.set(ref, [b.ids[i]!]);
      }
    }
    t.refs = { owner: t, ids };
  }
  return t.refs.ids;
}

/** The component stored under `id`, without assembling the record. */
export function componentById(design: Design, id: string): Component | undefined {
  const b = tableOf(design).buckets[bucketOf(id)]!;
  const p = position(b.ids, id);
  return p.found ? b.components[p.at] : undefined;
}

/** Ids of the components whose reference designator is `ref` (normally zero or one). */
export function idsWithRef(design: Design, ref: string): readonly string[] {
  return refIds(tableOf(design)).get(ref) ?? [];
}

function spliced<T>(xs: readonly T[], at: number, remove: number, ...insert: T[]): T[] {
  const out = xs.slice();
  out.splice(at, remove, ...insert);
  return out;
}

/** The table with `id` set to `component` (or removed when undefined): one bucket copied. */
function derive(t: ComponentTable, id: string, component: Component | undefined): ComponentTable {
  const b = bucketOf(id);
  const old = t.buckets[b]!;
  const { at, found } = position(old.ids, id);
  const previous = found ? old.components[at] : undefined;
  let bucket: Bucket = old;
  const line = component !== undefined ? entryLine(id, component) : null;
  if (component !== undefined) {
    // A replaced entry keeps its position, as an assignment to an existing key does.
    const order = found ? old.orders[at]! : t.nextOrder;
    const del = found ? 1 : 0;
    const lines = spliced(old.lines, at, del, line!);
    bucket = { ids: spliced(old.ids, at, del, id), components: spliced(old.components, at, del, component), orders: spliced(old.orders, at, del, order), lines, digest: null };
  } else if (found) {
    const lines = spliced(old.lines, at, 1);
    bucket = lines.length === 0 ? EMPTY : { ids: spliced(old.ids, at, 1), components: spliced(old.components, at, 1), orders: spliced(old.orders, at, 1), lines, digest: null };
  }
  const buckets = t.buckets.slice();
  buckets[b] = bucket;
  const size = t.size + (component !== undefined ? 1 : 0) - (previous !== undefined ? 1 : 0);
  let small: SortedLines | null = null;
  if (t.small && size <= BUCKET_THRESHOLD) {
    const p = position(t.small.ids, id);
    const del = p.found ? 1 : 0;
    small =
      line !== null
        ? { ids: spliced(t.small.ids, p.at, del, id), lines: spliced(t.small.lines, p.at, del, line) }
        : { ids: spliced(t.small.ids, p.at, del), lines: spliced(t.small.lines, p.at, del) };
  }
  const next: ComponentTable = { buckets, size, nextOrder: t.nextOrder + 1, refs: null, hash: null, small, record: null };
  // The live projection edits in a line: hand the ref index on in O(1); an older table rebuilds its own if asked.
  if (t.refs?.owner === t) {
    const ids = t.refs.ids;
    if (previous) {
      const list = (ids.get(previous.ref) ?? []).filter((x) => x !== id);
      if (list.length > 0) ids.set(previous.ref, list);
      else ids.delete(previous.ref);
    }
    if (component) ids.set(component.ref, [...(ids.get(component.ref) ?? []), id]);
    t.refs.owner = next;
    next.refs = t.refs;
  }
  return next;
}

/** merkleHash of the record the table stands for, without building it. */
function tableHash(t: ComponentTable): string {
  if (t.hash !== null) return t.hash;
  if (t.size > BUCKET_THRESHOLD) return (t.hash = combineBucketDigests(t.buckets.map(digestOf)));
  if (!t.small) {
    const all: [string, string][] = [];
    for (const b of t.buckets) for (let i = 0; i < b.ids.length; i++) all.push([b.ids[i]!, b.lines[i]!]);
    all.sort((x, y) => compareKeyOrder(x[0], y[0]));
    t.small = { ids: all.map((e) => e[0]), lines: all.map((e) => e[1]) };
  }
  return (t.hash = linesHash(t.small.lines));
}

/** The plain record, in the key order the same edits on a plain object would give. */
function assemble(t: ComponentTable): Readonly<Record<string, Component>> {
  const entries: [string, Component, number][] = [];
  for (const b of t.buckets) for (let i = 0; i < b.ids.length; i++) entries.push([b.ids[i]!, b.components[i]!, b.orders[i]!]);
  entries.sort((x, y) => x[2] - y[2]);
  const record = nullRecord<Component>();
  for (const [id, c] of entries) record[id] = c;
  Object.freeze(record);
  if (t.size > BUCKET_THRESHOLD) rememberRecordHash(record, tableHash(t), t.buckets.map(digestOf), t.buckets.map((b) => b.ids));
  else rememberRecordHash(record, tableHash(t));
  return record;
}
/**
 * The one accessor every design built here carries: a getter that is the same function for all of
 * them lets V8 give those designs one hidden class (a closure per design gave each its own).
 */
const COMPONENTS_GETTER: PropertyDescriptor = Object.freeze({
  enumerable: true,
  get(this: Design): Readonly<Record<string, Component>> {
    const t = tables.get(this)!;
    return (t.record ??= assemble(t));
  },
});

/**
 * `base` with its component `id` set (or removed when `component` is undefined) and `changes`
 * applied to its other members, hashed: returns the frozen design and its design-state hash.
 */
export function designWithComponent(base: Design, id: string, component: Component | undefined, changes: Partial<Omit<Design, 'components'>>): { design: Design; hash: string } {
  const table = derive(tableOf(base), id, component);
  const out = {} as Record<string, unknown>;
  const keys = Object.keys(base);
  for (const k of keys) {
    if (k === 'components') {
      Object.defineProperty(out, k, COMPONENTS_GETTER);
    } else {
      out[k] = Object.hasOwn(changes, k) ? (changes as Record<string, unknown>)[k] : (base as unknown as Record<string, unknown>)[k];
    }
  }
  Object.freeze(out);
  const design = out as unknown as Design;
  tables.set(design, table);
  return { design, hash: objectHashWithKnown(out, keys, 'components', tableHash(table), base as unknown as Record<string, unknown>) };
}
