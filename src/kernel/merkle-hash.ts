import { createHash, hash as oneShotHash, type Hash } from 'node:crypto';
import { keyPrefix32, trieDigest, trieOf, trieWith, type TrieItem, type TrieNode } from './hash-trie.js';

/**
 * Merkle hash of a JSON value (docs/design-hash.md). Defined over content only, so two logs that
 * reach the same design agree:
 *
 *   enc(v)  "=" || JCS(v) for null, booleans, numbers, strings (self-delimiting); "#" || h(v) otherwise
 *   leaf    H("l" || JCS(value))                   a top-level null, boolean, number or string
 *   array   H("a" || for each item: enc(item) || ",")
 *   object  with at most BUCKET_THRESHOLD keys:
 *           H("o" || for each key in code-unit order: JCS(key) || ":" || enc(value) || ",")
 *   object  with more keys (large records such as 5,000 components), by the session's format:
 *           format 1: the keys are spread over 256 buckets by the first byte of H(JCS(key)); each
 *           bucket hashes like a small object, bucket digest B_i (empty buckets use H("e")); the
 *           object is H("b" || B_0 || ... || B_255).
 *           format 2: the keys are split by the hex digits of h(JCS(key)) into a 16-ary trie whose
 *           leaves hold at most 64 keys and hash like small objects (hash-trie.ts), so an edit
 *           rehashes one short path instead of all 256 digests.
 *
 * H is SHA-256 and h(...) its lower-case hex. Hashes are cached per object identity (immer shares
 * unchanged subtrees and freezes them), and `advance` rehashes only the paths named by immer
 * patches, touching one bucket of a large record, so a one-component edit costs about the same on
 * 5 and on 5,000 components.
 */
export const BUCKET_THRESHOLD = 64;
export const BUCKETS = 256;

/**
 * Which definition of a large object a session's design hashes use (docs/design-hash.md, "Formats"):
 * a session records it when created, and a session that records none was created in format 1, so its
 * approvals and check results, which name hashes, still match when its log is replayed.
 */
export type DesignHashFormat = 1 | 2;
export const DESIGN_HASH_FORMAT: DesignHashFormat = 2;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface ObjectEntry {
  hash: string;
  /** For bucketed objects (format 1): each bucket's digest and keys, so one bucket can be redone. */
  buckets?: string[];
  bucketKeys?: string[][];
  /** For large objects in format 2: the trie of their entry lines, so one path can be redone. */
  trie?: TrieNode<TrieItem>;
}

/** One identity cache per format: an object holding a large record hashes differently in each. */
const caches: Record<DesignHashFormat, WeakMap<object, ObjectEntry>> = { 1: new WeakMap(), 2: new WeakMap() };
const EMPTY_BUCKET = sha('e');
/** The hashes of {} and []: a component's `pins` and `properties` are often empty, fresh objects each time. */
const EMPTY_OBJECT = sha('o');
const EMPTY_ARRAY = sha('a');

/** One-shot SHA-256 (no Hash object per call): the same digest as createHash().update().digest(). */
function sha(text: string): string {
  return oneShotHash('sha256', text, 'hex');
}

function jcsString(s: string): string {
  return JSON.stringify(s);
}

/**
 * `JCS(key) + ":"` per key: the keys of a design's objects (members, component fields, ids) recur in
 * every edit, so the escaping is done once. Bounded, like the bucket cache.
 */
const keyPrefixCache = new Map<string, string>();
function keyPrefix(key: string): string {
  let p = keyPrefixCache.get(key);
  if (p === undefined) {
    p = `${JSON.stringify(key)}:`;
    if (keyPrefixCache.size > 100_000) keyPrefixCache.clear();
    keyPrefixCache.set(key, p);
  }
  return p;
}

function leafHash(value: null | boolean | number | string): string {
  // JSON.stringify of a finite number is ES's Number::toString, which JCS (RFC 8785 §3.2.2.3) also uses.
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite number has no JSON form');
  return sha(`l${JSON.stringify(value)}`);
}

/** Format 1's bucket of a key: the first byte of H(JCS(key)), the top of the 16 bits format 2's trie uses. */
export function bucketOf(key: string): number {
  return keyPrefix32(key) >>> 24;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Leaves are inlined as their canonical JSON: one SHA-256 per object or array, not per value. */
function enc(value: unknown, f: DesignHashFormat): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite number has no JSON form');
    if (value === undefined) throw new TypeError('undefined has no JSON form');
    return `=${JSON.stringify(value)}`;
  }
  return `#${merkleHash(value, f)}`;
}

/**
 * Entry texts `JCS(key):=JCS(value),` of leaf members, kept per key for the values that recur (a
 * component's type, value, footprint, its nulls and falses), so building an object's hash text
 * allocates no string for them. Bounded: at most LINE_KEYS keys and LINE_VALUES values per key; ids,
 * which never recur, fill their key's quota once and are then only looked up.
 */
const LINE_KEYS = 1024;
const LINE_VALUES = 512;
const leafLines = new Map<string, Map<null | boolean | number | string, string>>();

function entryText(key: string, value: unknown, f: DesignHashFormat): string {
  if (value !== null && typeof value === 'object') return `${keyPrefix(key)}#${merkleHash(value, f)},`;
  let byValue = leafLines.get(key);
  if (byValue === undefined) {
    if (leafLines.size >= LINE_KEYS) return `${keyPrefix(key)}${enc(value, f)},`;
    leafLines.set(key, (byValue = new Map()));
  }
  let line = byValue.get(value as null | boolean | number | string);
  if (line === undefined) {
    line = `${keyPrefix(key)}${enc(value, f)},`;
    if (byValue.size < LINE_VALUES) byValue.set(value as null | boolean | number | string, line);
  }
  return line;
}

/** One array per nesting depth to gather an object's entry texts in, joined once (no string per `+=`). */
const scratch: string[][] = [];
let depth = 0;

function smallObjectHash(obj: Record<string, Json>, sortedKeys: readonly string[], f: DesignHashFormat): string {
  const parts = (scratch[depth] ??= []);
  depth++;
  try {
    const n = sortedKeys.length;
    parts.length = n + 1;
    parts[0] = 'o';
    for (let i = 0; i < n; i++) parts[i + 1] = entryText(sortedKeys[i]!, obj[sortedKeys[i]!], f);
    return sha(parts.join(''));
  } finally {
    depth--;
  }
}

/**
 * `keys` in code-unit order. Objects of one shape (every component built by component_add, every
 * pin) list their keys in one order, so the last few key lists and their sorted forms are kept and a
 * repeated list is not sorted again (compared key by key: keys are short, interned strings).
 */
const SHAPES = 8;
const shapeKeys: (readonly string[])[] = [];
const shapeSorted: (readonly string[])[] = [];
let shapeNext = 0;
function sortedShape(keys: string[]): readonly string[] {
  for (let s = 0; s < shapeKeys.length; s++) {
    const known = shapeKeys[s]!;
    if (known.length !== keys.length) continue;
    let same = true;
    for (let i = 0; i < keys.length; i++) {
      if (known[i] !== keys[i]) {
        same = false;
        break;
      }
    }
    if (same) return shapeSorted[s]!;
  }
  const sorted = keys.slice().sort(compareKeys);
  shapeKeys[shapeNext] = keys;
  shapeSorted[shapeNext] = sorted;
  shapeNext = (shapeNext + 1) % SHAPES;
  return sorted;
}

/**
 * The sorted keys of `obj` when its keys are one of the remembered shapes, found by walking its keys
 * in place (no key array): for an ordinary object whose prototype is Object.prototype or null, for-in
 * visits exactly its own enumerable keys, in Object.keys order.
 */
function knownShape(obj: object): readonly string[] | null {
  const proto = Object.getPrototypeOf(obj) as unknown;
  if (proto !== Object.prototype && proto !== null) return null;
  for (let s = 0; s < shapeKeys.length; s++) {
    const known = shapeKeys[s]!;
    let i = 0;
    let same = true;
    for (const k in obj) {
      if (known[i] !== k) {
        same = false;
        break;
      }
      i++;
    }
    if (same && i === known.length) return shapeSorted[s]!;
  }
  return null;
}

function bucketHash(obj: Record<string, Json>, keys: string[]): string {
  return keys.length === 0 ? EMPTY_BUCKET : smallObjectHash(obj, keys.sort(compareKeys), 1);
}

function combineBuckets(buckets: string[]): string {
  return sha(`b${buckets.join('')}`);
}

function hashObject(obj: Record<string, Json>, keys: string[], f: DesignHashFormat): ObjectEntry {
  if (keys.length <= BUCKET_THRESHOLD) return { hash: smallObjectHash(obj, sortedShape(keys), f) };
  if (f === 2) {
    const trie = trieOf(keys.map((k) => ({ id: k, line: entryText(k, obj[k], 2) })));
    return { hash: trieDigest(trie), trie };
  }
  const groups: string[][] = Array.from({ length: BUCKETS }, () => []);
  for (const k of keys) groups[bucketOf(k)]!.push(k);
  const buckets = groups.map((g) => bucketHash(obj, g.slice()));
  return { hash: combineBuckets(buckets), buckets, bucketKeys: groups };
}

/** The design hash of `value` in format `f` (the session's; DESIGN_HASH_FORMAT for a design no session holds yet). */
export function merkleHash(value: unknown, f: DesignHashFormat): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) throw new TypeError('undefined has no JSON form');
    return leafHash(value as null | boolean | number | string);
  }
  const cache = caches[f];
  const hit = cache.get(value);
  if (hit) return hit.hash;
  const entry = entryOf(value, f);
  if (typeof entry === 'string') return entry;
  cache.set(value, entry);
  return entry.hash;
}

/**
 * merkleHash of an object without recording the object itself in the identity cache (its members
 * are recorded as usual): for a caller that keeps the hash beside the object, as component-table.ts
 * does for each component, and hands it back with `rememberHash` once others may ask for it.
 */
export function unrecordedHash(value: object, f: DesignHashFormat): string {
  const hit = caches[f].get(value);
  if (hit) return hit.hash;
  const entry = entryOf(value, f);
  return typeof entry === 'string' ? entry : entry.hash;
}

/** Records `hash` as the hash of `value` (computed by `unrecordedHash`, so it is the value's merkleHash). */
export function rememberHash(value: object, hash: string, f: DesignHashFormat): void {
  const cache = caches[f];
  if (!cache.has(value)) cache.set(value, { hash });
}

/** The cache entry of an object or array, or the hash of an empty one (which is not cached). */
function entryOf(value: object, f: DesignHashFormat): ObjectEntry | string {
  let entry: ObjectEntry;
  if (Array.isArray(value)) {
    // Empty containers have constant hashes: not worth a SHA-256 or a cache entry each.
    if (value.length === 0) return EMPTY_ARRAY;
    let text = 'a';
    for (const item of value) text += `${enc(item, f)},`;
    entry = { hash: sha(text) };
  } else {
    const known = knownShape(value);
    if (known !== null) {
      entry = { hash: smallObjectHash(value as Record<string, Json>, known, f) };
    } else {
      const keys = Object.keys(value);
      if (keys.length === 0) return EMPTY_OBJECT;
      entry = hashObject(value as Record<string, Json>, keys, f);
    }
  }
  return entry;
}

/**
 * The entry line of an object member known by its hash: JCS(key) ":#" hash ",". With the functions
 * below, pieces of the definition for a record whose lines the caller keeps itself (component-table.ts),
 * so an edit rehashes only what it changed.
 */
export function entryLineOfHash(key: string, hash: string): string {
  return `${jcsString(key)}:#${hash},`;
}

/** The hash inside a line built by `entryLineOfHash` (its last 64 characters but the comma). */
export function hashOfEntryLine(line: string): string {
  return line.slice(line.length - 65, line.length - 1);
}

/**
 * The hash of an object given the concatenation of its entry lines in key order (an object of at
 * most BUCKET_THRESHOLD keys, or one non-empty bucket).
 */
export function linesTextHash(sortedLinesText: string): string {
  return sha(`o${sortedLinesText}`);
}

/** Bucket digest B_i from the bucket's entry lines in key order. */
export function bucketDigestOfLines(sortedLines: readonly string[]): string {
  return sortedLines.length === 0 ? EMPTY_BUCKET : linesTextHash(sortedLines.join(''));
}

/**
 * A SHA-256 begun on the hash text of an object or bucket ("o" and its entry lines), to be fed the
 * lines with `update` and finished with `digest('hex')`: the same digest as `linesTextHash` of the
 * whole text. A caller that keeps a copy of it part-way (`copy()`) hashes a text that changed only
 * after that point from there (component-table.ts).
 */
export function beginObjectText(): Hash {
  return createHash('sha256').update('o');
}

/** H over a hash text its caller keeps encoded as UTF-8 bytes, such as "b" || B_0 || ... || B_255 (component-table.ts). */
export function bytesHash(utf8Text: Uint8Array): string {
  return oneShotHash('sha256', utf8Text, 'hex');
}

export function compareKeyOrder(a: string, b: string): number {
  return compareKeys(a, b);
}

/**
 * Records the known hash of a record another module built (component-table.ts), with its large form
 * (format 1's bucket digests and keys, or format 2's trie and size) so `advanceMerkleHash` can start from it.
 */
export function rememberRecordHash(record: object, hash: string, f: DesignHashFormat, large?: { bucketDigests: readonly string[]; bucketKeys: readonly (readonly string[])[] } | { trie: TrieNode<TrieItem> }): void {
  let entry: ObjectEntry = { hash };
  if (large && 'trie' in large) entry = { hash, trie: large.trie };
  else if (large) entry = { hash, buckets: [...large.bucketDigests], bucketKeys: large.bucketKeys.map((k) => [...k]) };
  caches[f].set(record, entry);
}

/**
 * The hash text of a small object (at most BUCKET_THRESHOLD keys) with one member known only by its
 * hash, kept by the caller so the next object derived from it redoes only what changed.
 */
export interface KnownObjectText {
  /** The object's keys in its own order, and sorted. */
  readonly keys: readonly string[];
  readonly sorted: readonly string[];
  /** Each key's entry text, in sorted order; the known member's slot is left empty. */
  readonly parts: readonly string[];
  /** "o" and the entries before the known member, and the entries after it. */
  readonly pre: string;
  readonly post: string;
}

/**
 * Hash of a small object (at most BUCKET_THRESHOLD keys) whose value at `knownKey` is known only by
 * its hash: lets a design be hashed without reading a lazily built member. With `prev` (the object
 * this one was derived from, same keys, and its text), members that are the very same values keep
 * their entry text; when only the known member changed (a component edit that touches no net), the
 * text is the previous one and no entry is rebuilt.
 */
export function objectHashWithKnown(
  obj: Readonly<Record<string, unknown>>,
  knownKey: string,
  knownHash: string,
  f: DesignHashFormat,
  prev?: { obj: Readonly<Record<string, unknown>>; text: KnownObjectText },
): { hash: string; text: KnownObjectText } {
  let text = prev?.text;
  if (text !== undefined) {
    for (const k of text.sorted) {
      if (k !== knownKey && obj[k] !== prev!.obj[k]) {
        text = textOf(obj, text.keys, text.sorted, knownKey, f, prev!.obj, text.parts);
        break;
      }
    }
  } else {
    const keys = Object.keys(obj);
    text = textOf(obj, keys, [...keys].sort(compareKeys), knownKey, f, null, null);
  }
  return { hash: sha(`${text.pre}${keyPrefix(knownKey)}#${knownHash},${text.post}`), text };
}

function textOf(obj: Readonly<Record<string, unknown>>, keys: readonly string[], sorted: readonly string[], knownKey: string, f: DesignHashFormat, prev: Readonly<Record<string, unknown>> | null, reuse: readonly string[] | null): KnownObjectText {
  const parts = new Array<string>(sorted.length);
  let at = -1;
  for (let i = 0; i < sorted.length; i++) {
    const k = sorted[i]!;
    if (k === knownKey) {
      parts[i] = '';
      at = i;
      continue;
    }
    parts[i] = reuse !== null && obj[k] === prev![k] ? reuse[i]! : `${keyPrefix(k)}${enc(obj[k], f)},`;
  }
  if (at < 0) throw new TypeError(`objectHashWithKnown: no member ${knownKey}`);
  // Joined, not appended: flat strings, which every later hash of a derived object copies in one piece.
  return { keys, sorted, parts, pre: ['o', ...parts.slice(0, at)].join(''), post: parts.slice(at + 1).join('') };
}

/** The subset of an immer patch that `advance` needs. */
export interface PathPatch {
  path: (string | number)[];
}

interface PathTrie {
  whole: boolean;
  children: Map<string, PathTrie>;
}

function buildTrie(patches: readonly PathPatch[]): PathTrie {
  const root: PathTrie = { whole: false, children: new Map() };
  for (const p of patches) {
    if (p.path.length === 0) root.whole = true;
    let node = root;
    for (const seg of p.path) {
      const key = String(seg);
      let next = node.children.get(key);
      if (!next) {
        next = { whole: false, children: new Map() };
        node.children.set(key, next);
      }
      node = next;
    }
    node.whole = true;
  }
  return root;
}

/**
 * Hash `next`, known to differ from `prev` only along `patches` (immer's produceWithPatches), in
 * format `f`. Result equals merkleHash(next, f); only changed paths and, in large records, changed
 * buckets (format 1) or trie paths (format 2) are redone.
 */
export function advanceMerkleHash(prev: unknown, next: unknown, patches: readonly PathPatch[], f: DesignHashFormat): string {
  return advanceNode(prev, next, buildTrie(patches), f);
}

function advanceNode(prev: unknown, next: unknown, trie: PathTrie, f: DesignHashFormat): string {
  if (next === null || typeof next !== 'object') return merkleHash(next, f);
  const cache = caches[f];
  const known = cache.get(next);
  if (known) return known.hash;
  const prevEntry = prev !== null && typeof prev === 'object' ? cache.get(prev) : undefined;
  if (trie.whole || !prevEntry || Array.isArray(next) || Array.isArray(prev)) {
    // Arrays are hashed in full (children stay cached); so is anything replaced wholesale. An object
    // whose own hash is not known (a design built by component-table.ts keeps its hash text itself)
    // still has its changed children advanced first, so a large component record is not rehashed whole.
    if (!trie.whole && !Array.isArray(next)) {
      if (prev !== null && typeof prev === 'object' && !Array.isArray(prev)) {
        for (const [k, sub] of trie.children) {
          if (Object.prototype.hasOwnProperty.call(next, k)) advanceNode((prev as Record<string, Json>)[k], (next as Record<string, Json>)[k], sub, f);
        }
      }
      return merkleHash(next, f);
    }
    if (Array.isArray(next) && Array.isArray(prev) && !trie.whole) {
      for (const [k, sub] of trie.children) advanceNode((prev as unknown[])[Number(k)], (next as unknown[])[Number(k)], sub, f);
    }
    return merkleHash(next, f);
  }
  const prevObj = prev as Record<string, Json>;
  const nextObj = next as Record<string, Json>;
  // Warm the cache of changed children incrementally first.
  for (const [k, sub] of trie.children) {
    if (Object.prototype.hasOwnProperty.call(nextObj, k)) advanceNode(prevObj[k], nextObj[k], sub, f);
  }
  if (trie.children.size > 16) return merkleHash(next, f);
  const entry = prevEntry.trie !== undefined ? advancedTrie(prevEntry, nextObj, trie) : prevEntry.buckets !== undefined ? advancedBuckets(prevEntry, nextObj, trie) : null;
  // Crossing the threshold changes the definition in use: recompute from scratch.
  if (entry === null) return merkleHash(next, f);
  cache.set(next, entry);
  return entry.hash;
}

/** Format 2: the changed keys' paths of the trie redone (a trie of any size hashes by the one definition). */
function advancedTrie(prevEntry: ObjectEntry, nextObj: Record<string, Json>, trie: PathTrie): ObjectEntry {
  let root = prevEntry.trie!;
  for (const k of trie.children.keys()) {
    root = trieWith(root, k, Object.prototype.hasOwnProperty.call(nextObj, k) ? { id: k, line: entryText(k, nextObj[k], 2) } : null);
  }
  return { hash: trieDigest(root), trie: root };
}

/** Format 1: the changed keys' buckets redone, or null when the object is no longer large. */
function advancedBuckets(prevEntry: ObjectEntry, nextObj: Record<string, Json>, trie: PathTrie): ObjectEntry | null {
  const buckets = prevEntry.buckets!.slice();
  const bucketKeys = prevEntry.bucketKeys!.slice();
  const dirty = new Set<number>();
  for (const k of trie.children.keys()) {
    const b = bucketOf(k);
    const present = Object.prototype.hasOwnProperty.call(nextObj, k);
    const keys = bucketKeys[b]!;
    const had = keys.includes(k);
    if (present && !had) bucketKeys[b] = [...keys, k];
    else if (!present && had) bucketKeys[b] = keys.filter((x) => x !== k);
    dirty.add(b);
  }
  const total = bucketKeys.reduce((n, keys) => n + keys.length, 0);
  if (total <= BUCKET_THRESHOLD) return null;
  for (const b of dirty) buckets[b] = bucketHash(nextObj, bucketKeys[b]!.slice());
  return { hash: combineBuckets(buckets), buckets, bucketKeys };
}
