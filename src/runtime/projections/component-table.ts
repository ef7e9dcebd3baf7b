import type { Hash } from 'node:crypto';
import type { Component, Design } from '../../eda/model/design.js';
import { BUCKET_THRESHOLD, BUCKETS, beginObjectText, bucketDigestOfLines, bucketOf, bytesHash, compareKeyOrder, entryLineOfHash, hashOfEntryLine, linesTextHash, objectHashWithKnown, rememberHash, rememberRecordHash, unrecordedHash, type KnownObjectText } from '../../kernel/merkle-hash.js';
import { nullRecord } from '../../kernel/own.js';

/**
 * The component record of a design as the live projection keeps it (docs/design-hash.md,
 * "Incremental"). A record of at most BUCKET_THRESHOLD components, which the Merkle hash hashes
 * whole, is one list sorted by id, so an edit copies that short list and hashes its lines; a larger
 * one is spread over the 256 buckets the hash uses, held as 16 groups of 16, so an edit copies one
 * bucket (n/256 entries) and two 16-slot arrays and rehashes that bucket, never the n keys.
 *
 * `design.components` stays an ordinary frozen record for every reader in `src/eda/`: designs built
 * here carry it as a getter that assembles it on first read and keeps it. The hot path of a session
 * (component_add/remove, their summaries, the design hash) never reads it; validation, layout and
 * exports read every component anyway, so assembling costs them no more than the read itself.
 * A table belongs to one design (designs are frozen) and is never a property of it (see TableSlot),
 * so snapshots and worker messages see only the plain record.
 */
/** One component of the record with what the table needs of it. */
interface Entry {
  readonly id: string;
  readonly component: Component;
  /** Insertion position, so the assembled record keeps JavaScript's key order. */
  readonly order: number;
  /**
   * Entry line of the Merkle hash text (merkle-hash.ts `entryLineOfHash`), so a digest is one pass and
   * one SHA-256. It holds the component's hash, which is put in the hash cache only when the record is
   * assembled: an edit adds no cache entry for the component it stores.
   */
  readonly line: string;
}

/** One of the 256 buckets of a large record, its entries in code-unit order of id. */
interface Bucket {
  readonly entries: readonly Entry[];
  /** Bucket digest B_i, computed when first asked for. */
  digest: string | null;
  /**
   * For a bucket of more than MARK_LINES entries: the SHA-256 part-way through its hash text, after
   * "o" and the lines of entries[0 .. at), `at` the last multiple of MARK_LINES below the bucket's
   * length when the mark was taken. An edit at index i >= at leaves that text as it was, so the
   * edited bucket keeps the mark and hashes only the lines after it: an entry added or removed near
   * the end of its bucket costs at most MARK_LINES lines, not the whole bucket (about 195 lines,
   * 15 KB, at 50,000 parts). A mark is only ever copied, never fed.
   */
  mark: { readonly at: number; readonly state: Hash } | null;
  /** Index of the entry the edit that made this bucket changed (0 for a bucket built whole). */
  readonly changed: number;
}

/**
 * Lines of a bucket hashed after its mark at most (about 2.4 KB at 75 bytes a line). A mark is taken
 * only by an edit at or after where it goes (the tail of the bucket), which would have used it: an
 * edit before it hashes the bucket whole in one call, as without marks, and allocates no Hash object
 * (measured: a `Hash` and its copies cost more in a command, collector included, than hashing
 * 10 KB, so a mark on every edit made edits at the front of a bucket slower).
 */
const MARK_LINES = 32;

/**
 * The 256 buckets as 16 groups of 16 (bucket b is groups[b >> 4].buckets[b & 15]): an edit copies
 * two short arrays, and the record's hash text rewrites the digests of the one group it touched (recordText).
 */
interface Group {
  readonly buckets: readonly Bucket[];
}
type Groups = readonly Group[];
const GROUP = 16;

interface RefIndex {
  /** The one table this index describes; any other table rebuilds its own on demand. */
  owner: ComponentTable;
  ids: Map<string, string[]>;
}

/**
 * Exactly one of `flat` and `groups` is set: a record of at most BUCKET_THRESHOLD components is
 * hashed whole (docs/design-hash.md), so it is kept as one sorted list and never looks at buckets
 * (no bucket index, no SHA-256 of the key); a larger one is kept in the hash's buckets.
 */
interface ComponentTable {
  readonly flat: readonly Entry[] | null;
  readonly groups: Groups | null;
  readonly size: number;
  readonly nextOrder: number;
  refs: RefIndex | null;
  hash: string | null;
  /** The plain record, assembled on first read of `design.components`. */
  record: Readonly<Record<string, Component>> | null;
  /**
   * The hash text of the design this table belongs to (merkle-hash.ts `objectHashWithKnown`), kept
   * here rather than in the hash cache: the next edit reuses it, and one WeakMap entry per design
   * (this table's) is all an edit adds.
   */
  designText: KnownObjectText | null;
  /** Which nets each component sits on (net-membership.ts), handed along the line of edits. */
  netIndex: unknown;
}

const EMPTY: Bucket = Object.freeze({ entries: Object.freeze([]) as readonly Entry[], digest: bucketDigestOfLines([]), mark: null, changed: 0 });
/**
 * Where a design's table is found. A design built here carries it in a class private field, stamped
 * before the design is frozen: private names are not properties, so no reader, JSON, structuredClone,
 * spread, immer copy or reflection sees them, and reading one is a property load where a WeakMap
 * lookup hashes the key (an edit looks its design up half a dozen times). `Identity` returns the
 * object it is given, so `new TableSlot(design, table)` adds the field to the design itself.
 * A design built elsewhere (already frozen) is keyed in `tables` instead.
 */
class Identity {
  constructor(target: object) {
    return target as Identity;
  }
}
class TableSlot extends Identity {
  readonly #table: ComponentTable;
  private constructor(design: Design, table: ComponentTable) {
    super(design);
    this.#table = table;
  }
  static stamp(design: Design, table: ComponentTable): void {
    new TableSlot(design, table);
  }
  static read(design: object): ComponentTable | undefined {
    return #table in design ? (design as TableSlot).#table : undefined;
  }
}
const tables = new WeakMap<Design, ComponentTable>();

function lineOf(id: string, component: Component): string {
  return entryLineOfHash(id, unrecordedHash(component));
}

function byId(x: Entry, y: Entry): number {
  return compareKeyOrder(x.id, y.id);
}

function digestOf(b: Bucket): string {
  if (b.digest !== null) return b.digest;
  const entries = b.entries;
  const n = entries.length;
  if (n <= MARK_LINES) {
    let text = '';
    for (const e of entries) text += e.line;
    return (b.digest = linesTextHash(text));
  }
  // Resume from the mark (see Bucket.mark) when the edit left it valid, and move it to the last
  // multiple of MARK_LINES below n if it is not there yet.
  const at = Math.floor((n - 1) / MARK_LINES) * MARK_LINES;
  if (b.mark === null && b.changed < at) return (b.digest = linesTextHash(linesText(entries, 0, n)));
  let from = 0;
  let h: Hash;
  if (b.mark !== null) {
    from = b.mark.at;
    h = b.mark.state.copy();
  } else h = beginObjectText();
  if (from < at) {
    h.update(linesText(entries, from, at));
    b.mark = { at, state: h.copy() };
    from = at;
  }
  h.update(linesText(entries, from, n));
  return (b.digest = h.digest('hex'));
}

function linesText(entries: readonly Entry[], from: number, to: number): string {
  let text = '';
  for (let j = from; j < to; j++) text += entries[j]!.line;
  return text;
}

/** Groups holding `entries` (any order), each bucket sorted by id. */
function groupsOf(entries: readonly Entry[]): Groups {
  const lists: Entry[][] = Array.from({ length: BUCKETS }, () => []);
  for (const e of entries) lists[bucketOf(e.id)]!.push(e);
  const groups: Group[] = [];
  for (let g = 0; g < BUCKETS; g += GROUP) {
    groups.push({ buckets: lists.slice(g, g + GROUP).map((l): Bucket => (l.length === 0 ? EMPTY : { entries: l.sort(byId), digest: null, mark: null, changed: 0 })) });
  }
  return groups;
}

function allEntries(t: ComponentTable): Entry[] {
  if (t.flat) return t.flat.slice();
  const out: Entry[] = [];
  for (const group of t.groups!) for (const b of group.buckets) for (const e of b.entries) out.push(e);
  return out;
}

function fromRecord(components: Readonly<Record<string, Component>>): ComponentTable {
  const entries: Entry[] = [];
  for (const id of Object.keys(components)) entries.push({ id, component: components[id]!, order: entries.length, line: lineOf(id, components[id]!) });
  const size = entries.length;
  if (size <= BUCKET_THRESHOLD) return { flat: entries.sort(byId), groups: null, size, nextOrder: size, refs: null, hash: null, record: null, designText: null, netIndex: null };
  return { flat: null, groups: groupsOf(entries), size, nextOrder: size, refs: null, hash: null, record: null, designText: null, netIndex: null };
}

function tableOf(design: Design): ComponentTable {
  let t = TableSlot.read(design) ?? tables.get(design);
  if (!t) {
    t = fromRecord(design.components);
    tables.set(design, t);
  }
  return t;
}

/** Index of `id` in the id-sorted `entries` if present, else -(insertion point) - 1 (binary search). */
function position(entries: readonly Entry[], id: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = compareKeyOrder(entries[mid]!.id, id);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return -lo - 1;
}

/** The sorted list (flat record or bucket) `id` belongs in. */
function listOf(t: ComponentTable, id: string): readonly Entry[] {
  if (t.flat) return t.flat;
  const b = bucketOf(id);
  return t.groups![b >> 4]!.buckets[b & 15]!.entries;
}

function refIds(t: ComponentTable): Map<string, string[]> {
  if (t.refs?.owner !== t) {
    const ids = new Map<string, string[]>();
    for (const e of allEntries(t)) {
      const ref = e.component.ref;
      const list = ids.get(ref);
      if (list) list.push(e.id);
      else ids.set(ref, [e.id]);
    }
    t.refs = { owner: t, ids };
  }
  return t.refs.ids;
}

/** The component stored under `id`, without assembling the record. */
export function componentById(design: Design, id: string): Component | undefined {
  const list = listOf(tableOf(design), id);
  const at = position(list, id);
  return at >= 0 ? list[at]!.component : undefined;
}

/** Ids of the components whose reference designator is `ref` (normally zero or one). */
export function idsWithRef(design: Design, ref: string): readonly string[] {
  return refIds(tableOf(design)).get(ref) ?? [];
}

/** `list` with `entry` put at `at` (from `position`: replacing when found), or the entry there removed when null. */
function edited(list: readonly Entry[], at: number, entry: Entry | null): Entry[] {
  if (at >= 0) {
    const out = list.slice();
    if (entry) out[at] = entry;
    else out.splice(at, 1);
    return out;
  }
  if (!entry) return list as Entry[];
  const i = -at - 1;
  const out = new Array<Entry>(list.length + 1);
  for (let k = 0; k < i; k++) out[k] = list[k]!;
  out[i] = entry;
  for (let k = i; k < list.length; k++) out[k + 1] = list[k]!;
  return out;
}

/** The table with `id` set to `component` (or removed when undefined): one sorted list copied. */
function derive(t: ComponentTable, id: string, component: Component | undefined): ComponentTable {
  const list = listOf(t, id);
  const at = position(list, id);
  const previous = at >= 0 ? list[at]! : undefined;
  // A replaced entry keeps its position, as an assignment to an existing key does.
  const entry = component !== undefined ? { id, component, order: previous ? previous.order : t.nextOrder, line: lineOf(id, component) } : null;
  const size = t.size + (entry ? 1 : 0) - (previous ? 1 : 0);
  let flat: readonly Entry[] | null = null;
  let groups: Groups | null = null;
  if (entry === null && previous === undefined) {
    flat = t.flat;
    groups = t.groups;
  } else if (t.flat) {
    const next = edited(list, at, entry);
    // Crossing the threshold changes the definition in use: the record goes into buckets.
    if (size <= BUCKET_THRESHOLD) flat = next;
    else groups = groupsOf(next);
  } else if (size <= BUCKET_THRESHOLD) {
    const all = allEntries(t).filter((e) => e.id !== id);
    if (entry) all.push(entry);
    flat = all.sort(byId);
  } else {
    const b = bucketOf(id);
    const next = edited(list, at, entry);
    const old = t.groups![b >> 4]!.buckets[b & 15]!;
    const buckets = t.groups![b >> 4]!.buckets.slice();
    // The lines before index `changed` are those of the old bucket: a mark up to there still holds.
    const changed = at >= 0 ? at : -at - 1;
    const mark = old.mark !== null && old.mark.at <= changed ? old.mark : null;
    buckets[b & 15] = next.length === 0 ? EMPTY : { entries: next, digest: null, mark, changed };
    const top = t.groups!.slice();
    top[b >> 4] = { buckets };
    groups = top;
  }
  const table: ComponentTable = { flat, groups, size, nextOrder: t.nextOrder + 1, refs: null, hash: null, record: null, designText: null, netIndex: null };
  // The live projection edits in a line: hand the ref index on in O(1); an older table rebuilds its own if asked.
  if (t.refs?.owner === t) {
    const ids = t.refs.ids;
    if (previous) {
      const kept = (ids.get(previous.component.ref) ?? []).filter((x) => x !== id);
      if (kept.length > 0) ids.set(previous.component.ref, kept);
      else ids.delete(previous.component.ref);
    }
    if (component) {
      const had = ids.get(component.ref);
      ids.set(component.ref, had ? [...had, id] : [id]);
    }
    t.refs.owner = table;
    table.refs = t.refs;
  }
  return table;
}

function bucketDigests(groups: Groups): string[] {
  const out: string[] = [];
  for (const group of groups) for (const b of group.buckets) out.push(digestOf(b));
  return out;
}

/**
 * The hash text "b" || B_0 || ... || B_255 of the bucketed record hashed last, as bytes (hex digests
 * are ASCII), with the groups and buckets whose digests are in it: the next table along the live
 * line of edits differs in one bucket, so hashing it rewrites that bucket's 64 bytes where joining
 * the 256 digests built and encoded a 16 KB string per edit. Buckets and groups are immutable once a
 * digest is known, so identity says what is in place. Holds the buckets of one table until the next.
 */
const DIGEST_CHARS = 64;
const recordText = Buffer.alloc(1 + BUCKETS * DIGEST_CHARS, 'b', 'latin1');
const bucketsInText: (Bucket | undefined)[] = new Array<Bucket | undefined>(BUCKETS);
const groupsInText: (Group | undefined)[] = new Array<Group | undefined>(BUCKETS / GROUP);

function bucketedHash(groups: Groups): string {
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    if (groupsInText[g] === group) continue;
    for (let k = 0; k < GROUP; k++) {
      const i = g * GROUP + k;
      const b = group.buckets[k]!;
      if (bucketsInText[i] !== b) {
        recordText.write(digestOf(b), 1 + i * DIGEST_CHARS, 'latin1');
        bucketsInText[i] = b;
      }
    }
    groupsInText[g] = group;
  }
  return bytesHash(recordText);
}

/** merkleHash of the record the table stands for, without building it. */
function tableHash(t: ComponentTable): string {
  if (t.hash !== null) return t.hash;
  // Hashed whole in one call: marks part-way through these 16 KB were measured to cost more than they save.
  if (t.groups) return (t.hash = bucketedHash(t.groups));
  let text = '';
  for (const e of t.flat!) text += e.line;
  return (t.hash = linesTextHash(text));
}

/** The plain record, in the key order the same edits on a plain object would give. */
function assemble(t: ComponentTable): Readonly<Record<string, Component>> {
  const entries = allEntries(t).sort((x, y) => x.order - y.order);
  const record = nullRecord<Component>();
  for (const e of entries) {
    record[e.id] = e.component;
    rememberHash(e.component, hashOfEntryLine(e.line));
  }
  Object.freeze(record);
  if (t.groups) {
    const keys: string[][] = [];
    for (const group of t.groups) for (const b of group.buckets) keys.push(b.entries.map((e) => e.id));
    rememberRecordHash(record, tableHash(t), bucketDigests(t.groups), keys);
  } else rememberRecordHash(record, tableHash(t));
  return record;
}
/**
 * The one accessor every design built here carries: a getter that is the same function for all of
 * them lets V8 give those designs one hidden class (a closure per design gave each its own).
 */
const COMPONENTS_GETTER: PropertyDescriptor = Object.freeze({
  enumerable: true,
  get(this: Design): Readonly<Record<string, Component>> {
    const t = TableSlot.read(this)!;
    return (t.record ??= assemble(t));
  },
});

/**
 * `base` with its component `id` set (or removed when `component` is undefined) and `changes`
 * applied to its other members, hashed: returns the frozen design and its design-state hash.
 */
export function designWithComponent(base: Design, id: string, component: Component | undefined, changes: Partial<Omit<Design, 'components'>>): { design: Design; hash: string } {
  const before = tableOf(base);
  const table = derive(before, id, component);
  const out = {} as Record<string, unknown>;
  for (const k of before.designText?.keys ?? Object.keys(base)) {
    if (k === 'components') {
      Object.defineProperty(out, k, COMPONENTS_GETTER);
    } else {
      out[k] = Object.hasOwn(changes, k) ? (changes as Record<string, unknown>)[k] : (base as unknown as Record<string, unknown>)[k];
    }
  }
  const design = out as unknown as Design;
  TableSlot.stamp(design, table);
  Object.freeze(out);
  const prev = before.designText ? { obj: base as unknown as Record<string, unknown>, text: before.designText } : undefined;
  const { hash, text } = objectHashWithKnown(out, 'components', tableHash(table), prev);
  table.designText = text;
  return { design, hash };
}

/** Side data another projection keeps per design along the line of component edits (net-membership.ts). */
export function netIndexOf(design: Design): unknown {
  return tableOf(design).netIndex;
}

export function setNetIndex(design: Design, index: unknown): void {
  tableOf(design).netIndex = index;
}
