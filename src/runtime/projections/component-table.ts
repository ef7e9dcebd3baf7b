import type { Component, Design } from '../../eda/model/design.js';
import { trieDigest, trieGet, trieItems, trieOf, trieWith, type TrieNode } from '../../kernel/hash-trie.js';
import { BUCKET_THRESHOLD, entryLineOfHash, hashOfEntryLine, linesTextHash, objectHashWithKnown, rememberHash, rememberRecordHash, unrecordedHash, type DesignHashFormat, type KnownObjectText } from '../../kernel/merkle-hash.js';
import { nullRecord } from '../../kernel/own.js';
import { bucketEntries, groupEntries, groupsDigestsAndKeys, groupsHash, groupsOf, groupsWith, type Groups } from './component-buckets.js';
import { byId, edited, position, type Entry } from './component-entry.js';

/**
 * The component record of a design as the live projection keeps it (docs/design-hash.md,
 * "Incremental"), in the form its session's hash format defines, so an edit rehashes what it changed
 * and never the n keys. In format 2 that is the hash's own trie (kernel/hash-trie.ts): an edit copies
 * one leaf of at most 64 entries and the 16-slot arrays above it, and hashes those. In format 1 a
 * record of at most BUCKET_THRESHOLD components, hashed whole, is one list sorted by id, and a larger
 * one sits in the hash's 256 buckets (component-buckets.ts).
 *
 * `design.components` stays an ordinary frozen record for every reader in `src/eda/`: designs built
 * here carry it as a getter that assembles it on first read and keeps it. The hot path of a session
 * (component_add/remove, their summaries, the design hash) never reads it; validation, layout and
 * exports read every component anyway, so assembling costs them no more than the read itself.
 * A table belongs to one design (designs are frozen) and is never a property of it (see TableSlot),
 * so snapshots and worker messages see only the plain record.
 */
interface RefIndex {
  /** The one table this index describes; any other table rebuilds its own on demand. */
  owner: ComponentTable;
  ids: Map<string, string[]>;
}

/**
 * Exactly one of `trie`, `flat` and `groups` is set: format 2 keeps its trie; format 1 keeps a record
 * of at most BUCKET_THRESHOLD components, which it hashes whole, as one sorted list that never looks
 * at the keys' hashes, and a larger one in its buckets.
 */
interface ComponentTable {
  readonly format: DesignHashFormat;
  readonly trie: TrieNode<Entry> | null;
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

/** A table holding one form (exactly one of `trie`, `flat`, `groups`), with nothing derived from it yet. */
function newTable(format: DesignHashFormat, form: { trie?: TrieNode<Entry> | null; flat?: readonly Entry[] | null; groups?: Groups | null }, size: number, nextOrder: number): ComponentTable {
  return { format, trie: form.trie ?? null, flat: form.flat ?? null, groups: form.groups ?? null, size, nextOrder, refs: null, hash: null, record: null, designText: null, netIndex: null };
}

/** A format-1 table of `entries` (`sorted`: already in id order): one list up to BUCKET_THRESHOLD, else buckets. */
function formatOneTable(entries: Entry[], sorted: boolean, size: number, nextOrder: number): ComponentTable {
  if (size > BUCKET_THRESHOLD) return newTable(1, { groups: groupsOf(entries) }, size, nextOrder);
  return newTable(1, { flat: sorted ? entries : entries.sort(byId) }, size, nextOrder);
}

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
/** Tables of designs built elsewhere, one map per format (a design is hashed in its session's). */
const tables: Record<DesignHashFormat, WeakMap<Design, ComponentTable>> = { 1: new WeakMap(), 2: new WeakMap() };

function lineOf(id: string, component: Component, format: DesignHashFormat): string {
  return entryLineOfHash(id, unrecordedHash(component, format));
}

function allEntries(t: ComponentTable): Entry[] {
  if (t.flat) return t.flat.slice();
  if (t.trie) return trieItems(t.trie);
  return groupEntries(t.groups!, []);
}

function fromRecord(components: Readonly<Record<string, Component>>, format: DesignHashFormat): ComponentTable {
  const entries: Entry[] = [];
  for (const id of Object.keys(components)) entries.push({ id, component: components[id]!, order: entries.length, line: lineOf(id, components[id]!, format) });
  if (format === 2) return newTable(2, { trie: trieOf(entries) }, entries.length, entries.length);
  return formatOneTable(entries, false, entries.length, entries.length);
}

function tableOf(design: Design, format: DesignHashFormat): ComponentTable {
  const stamped = TableSlot.read(design);
  if (stamped?.format === format) return stamped;
  let t = tables[format].get(design);
  if (!t) {
    t = fromRecord(design.components, format);
    tables[format].set(design, t);
  }
  return t;
}

/** Format 1: the sorted list (flat record or bucket) `id` belongs in. */
function listOf(t: ComponentTable, id: string): readonly Entry[] {
  return t.flat ?? bucketEntries(t.groups!, id);
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

/** The component stored under `id`, without assembling the record (`format`: the session's, whose table an edit will use). */
export function componentById(design: Design, id: string, format: DesignHashFormat): Component | undefined {
  const t = tableOf(design, format);
  if (t.trie) return trieGet(t.trie, id)?.component;
  const list = listOf(t, id);
  const at = position(list, id);
  return at >= 0 ? list[at]!.component : undefined;
}

/** Ids of the components whose reference designator is `ref` (normally zero or one). */
export function idsWithRef(design: Design, ref: string, format: DesignHashFormat): readonly string[] {
  return refIds(tableOf(design, format)).get(ref) ?? [];
}

/** The table with `id` set to `component` (or removed when undefined): one sorted list copied. */
function derive(t: ComponentTable, id: string, component: Component | undefined): ComponentTable {
  let previous: Entry | undefined;
  let at = 0;
  if (t.trie) previous = trieGet(t.trie, id);
  else {
    const list = listOf(t, id);
    at = position(list, id);
    previous = at >= 0 ? list[at]! : undefined;
  }
  // A replaced entry keeps its position, as an assignment to an existing key does.
  const entry = component !== undefined ? { id, component, order: previous ? previous.order : t.nextOrder, line: lineOf(id, component, t.format) } : null;
  const size = t.size + (entry ? 1 : 0) - (previous ? 1 : 0);
  let table: ComponentTable;
  if (entry === null && previous === undefined) {
    table = newTable(t.format, t, t.size, t.nextOrder + 1);
  } else if (t.trie) {
    table = newTable(2, { trie: trieWith(t.trie, id, entry) }, size, t.nextOrder + 1);
  } else if (t.flat) {
    // Crossing the threshold changes the definition in use: the record goes into buckets.
    table = formatOneTable(edited(t.flat, at, entry), true, size, t.nextOrder + 1);
  } else if (size <= BUCKET_THRESHOLD) {
    const all = allEntries(t).filter((e) => e.id !== id);
    if (entry) all.push(entry);
    table = formatOneTable(all, false, size, t.nextOrder + 1);
  } else {
    table = newTable(1, { groups: groupsWith(t.groups!, id, at, entry) }, size, t.nextOrder + 1);
  }
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

/** merkleHash of the record the table stands for, without building it. */
function tableHash(t: ComponentTable): string {
  if (t.hash !== null) return t.hash;
  if (t.trie) return (t.hash = trieDigest(t.trie));
  if (t.groups) return (t.hash = groupsHash(t.groups));
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
    rememberHash(e.component, hashOfEntryLine(e.line), t.format);
  }
  Object.freeze(record);
  // With its large form, so an immer edit of the record afterwards still advances incrementally.
  if (t.trie) rememberRecordHash(record, tableHash(t), 2, { trie: t.trie });
  else if (t.groups) rememberRecordHash(record, tableHash(t), 1, groupsDigestsAndKeys(t.groups));
  else rememberRecordHash(record, tableHash(t), t.format);
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
 * applied to its other members, hashed in format `format` (the session's): returns the frozen
 * design and its design-state hash.
 */
export function designWithComponent(base: Design, id: string, component: Component | undefined, changes: Partial<Omit<Design, 'components'>>, format: DesignHashFormat): { design: Design; hash: string } {
  const before = tableOf(base, format);
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
  const { hash, text } = objectHashWithKnown(out, 'components', tableHash(table), format, prev);
  table.designText = text;
  return { design, hash };
}

/** Side data another projection keeps per design along the line of component edits (net-membership.ts). */
export function netIndexOf(design: Design, format: DesignHashFormat): unknown {
  return tableOf(design, format).netIndex;
}

export function setNetIndex(design: Design, format: DesignHashFormat, index: unknown): void {
  tableOf(design, format).netIndex = index;
}
