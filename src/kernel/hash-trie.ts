import { hash as oneShotHash } from 'node:crypto';

/**
 * Design-hash format 2's object hash (docs/design-hash.md, "Formats") as a persistent trie. With H =
 * SHA-256, h its lower-case hex and K an object's keys, the hash is T(K, 0):
 *
 *   T(K, d) = H("o" || the entry lines of K in code-unit order)   when |K| <= LEAF_KEYS (or d = 64)
 *   T(K, d) = H("n" || T(K_0, d+1) || ... || T(K_f, d+1))         otherwise
 *
 * K_x the keys whose hex digit d of h(JCS(key)) is x. A leaf is the small-object hash of its keys (so
 * an object of at most 64 keys hashes as in format 1, and an empty child is H("o")). Nodes hold at
 * most LEAF_KEYS keys per leaf and more per inner node, so the shape is a function of the keys alone,
 * and changing one key copies one leaf and the 16-slot arrays above it: about 1 KB per level and a
 * leaf of a few dozen lines, whatever the object's size (format 1 rehashed 16 KB of bucket digests
 * and a bucket of n/256 keys). Nodes are immutable once built and share what an edit did not touch;
 * a digest, once computed, stays.
 */
export interface TrieItem {
  /** The key. */
  readonly id: string;
  /** Its entry line of the hash text: JCS(key) ":" enc(value) "," (merkle-hash.ts). */
  readonly line: string;
}

export interface TrieLeaf<T extends TrieItem> {
  /** Sorted by id. */
  readonly items: readonly T[];
  digest: string | null;
  /**
   * Its hash text "o" || the lines, once computed, and where each item's line ends in it: the leaf an
   * edit derives from it splices one line into that text instead of reading every item's line again.
   */
  text: string | null;
  ends: readonly number[] | null;
}

export interface TrieInner<T extends TrieItem> {
  /** Child x holds the keys whose next hex digit is x (null: none). */
  readonly kids: readonly (TrieNode<T> | null)[];
  /** Keys below this node, always more than LEAF_KEYS. */
  readonly size: number;
  digest: string | null;
  /** Its hash text "n" || D_0 || ... || D_15 once computed, so the node an edit derives from it rewrites one digest of it. */
  text: string | null;
  /** The node this one was derived from by changing child `changed` (until this one's text is computed). */
  from: TrieInner<T> | null;
  changed: number;
}

export type TrieNode<T extends TrieItem> = TrieInner<T> | TrieLeaf<T>;

/** The most keys a leaf holds: the small-object threshold of both formats. */
export const LEAF_KEYS = 64;
const FANOUT = 16;
const MAX_DEPTH = 64;

const sha = (text: string) => oneShotHash('sha256', text, 'hex');
/** T of no keys: the small-object hash of nothing. */
const EMPTY_CHILD = sha('o');
const DIGEST_CHARS = 64;

/**
 * The first eight hex digits of h(JCS(key)) as a number (bounded cache: keys are design ids, visited
 * by every edit of one). Deeper digits, needed only past eight levels, are recomputed.
 */
const prefixes = new Map<string, number>();
const CACHED_DIGITS = 8;
export function keyPrefix32(key: string): number {
  let p = prefixes.get(key);
  if (p === undefined) {
    p = parseInt(sha(JSON.stringify(key)).slice(0, CACHED_DIGITS), 16);
    if (prefixes.size > 500_000) prefixes.clear();
    prefixes.set(key, p);
  }
  return p;
}

function digitAt(key: string, depth: number): number {
  if (depth < CACHED_DIGITS) return (keyPrefix32(key) >>> ((CACHED_DIGITS - 1 - depth) * 4)) & 15;
  return parseInt(sha(JSON.stringify(key))[depth]!, 16);
}

const isLeaf = <T extends TrieItem>(n: TrieNode<T>): n is TrieLeaf<T> => 'items' in n;
const sizeOf = <T extends TrieItem>(n: TrieNode<T> | null): number => (n === null ? 0 : isLeaf(n) ? n.items.length : n.size);

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Index of `id` in the id-sorted `items` if present, else -(insertion point) - 1 (binary search). */
export function position<T extends TrieItem>(items: readonly T[], id: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = compareIds(items[mid]!.id, id);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return -lo - 1;
}

/** The node holding `items` (distinct ids, any order; this function may reorder the array) at `depth`. */
function build<T extends TrieItem>(items: T[], depth: number): TrieNode<T> {
  // Sorted only at the leaves: n log(leaf size), not n log n.
  if (items.length <= LEAF_KEYS || depth >= MAX_DEPTH) return leafOfSorted(items.sort((x, y) => compareIds(x.id, y.id)));
  const groups: T[][] = Array.from({ length: FANOUT }, () => []);
  for (const item of items) groups[digitAt(item.id, depth)]!.push(item);
  return { kids: groups.map((g) => (g.length === 0 ? null : build(g, depth + 1))), size: items.length, digest: null, text: null, from: null, changed: 0 };
}

/** The trie holding `items` (distinct ids, any order). */
export function trieOf<T extends TrieItem>(items: readonly T[]): TrieNode<T> {
  return build(items.slice(), 0);
}

/** The leaf `id` belongs in, if there is one. */
function leafOf<T extends TrieItem>(root: TrieNode<T>, id: string): TrieLeaf<T> | null {
  let node: TrieNode<T> | null = root;
  for (let depth = 0; node !== null && !isLeaf(node); depth++) node = node.kids[digitAt(id, depth)]!;
  return node;
}

export function trieGet<T extends TrieItem>(root: TrieNode<T>, id: string): T | undefined {
  const leaf = leafOf(root, id);
  if (leaf === null) return undefined;
  const at = position(leaf.items, id);
  return at >= 0 ? leaf.items[at] : undefined;
}

export function trieSize<T extends TrieItem>(root: TrieNode<T>): number {
  return sizeOf(root);
}

/**
 * The trie with `item` stored under `id` (replacing what was there), or with `id` removed when
 * `item` is null. A leaf pushed past LEAF_KEYS splits and an inner node left with LEAF_KEYS or fewer
 * becomes a leaf, so the shape stays the one `trieOf` gives. Returns `root` itself when removing an
 * id it does not hold; an empty trie is a leaf with no items.
 */
export function trieWith<T extends TrieItem>(root: TrieNode<T>, id: string, item: T | null): TrieNode<T> {
  return withItem(root, id, item, 0) ?? leafOfSorted([]);
}

const leafOfSorted = <T extends TrieItem>(items: readonly T[]): TrieLeaf<T> => ({ items, digest: null, text: null, ends: null });

/**
 * The leaf `items` (`node`'s items with the one at `k` replaced, removed when `line` is null, or with one
 * inserted before it when `replaces` is false), carrying `node`'s hash text with that one line spliced in
 * when `node` has its text: one string of a few KB rewritten, not every item's line read again.
 */
function leafEdited<T extends TrieItem>(node: TrieLeaf<T>, items: readonly T[], k: number, replaces: boolean, line: string | null): TrieLeaf<T> {
  const out = leafOfSorted(items);
  const { text, ends } = node;
  if (text === null || ends === null) return out;
  const start = k === 0 ? 1 : ends[k - 1]!;
  const end = replaces ? ends[k]! : start;
  const added = line === null ? 0 : line.length;
  const delta = added - (end - start);
  out.text = line === null ? `${text.slice(0, start)}${text.slice(end)}` : `${text.slice(0, start)}${line}${text.slice(end)}`;
  const next = new Array<number>(ends.length + (line === null ? 0 : 1) - (replaces ? 1 : 0));
  for (let j = 0; j < k; j++) next[j] = ends[j]!;
  let w = k;
  if (line !== null) next[w++] = start + added;
  for (let j = replaces ? k + 1 : k; j < ends.length; j++) next[w++] = ends[j]! + delta;
  out.ends = next;
  return out;
}

function withItem<T extends TrieItem>(node: TrieNode<T> | null, id: string, item: T | null, depth: number): TrieNode<T> | null {
  if (node === null) return item === null ? null : leafOfSorted([item]);
  if (isLeaf(node)) {
    const items = node.items;
    const at = position(items, id);
    if (item === null) {
      if (at < 0) return node;
      return items.length === 1 ? null : leafEdited(node, items.filter((_, k) => k !== at), at, true, null);
    }
    if (at >= 0) {
      const next = items.slice();
      next[at] = item;
      return leafEdited(node, next, at, true, item.line);
    }
    const i = -at - 1;
    const next = new Array<T>(items.length + 1);
    for (let k = 0; k < i; k++) next[k] = items[k]!;
    next[i] = item;
    for (let k = i; k < items.length; k++) next[k + 1] = items[k]!;
    // Still sorted: a leaf unless it passed LEAF_KEYS, when it splits.
    return next.length <= LEAF_KEYS ? leafEdited(node, next, i, false, item.line) : build(next, depth);
  }
  const d = digitAt(id, depth);
  const kid = node.kids[d]!;
  const changed = withItem(kid, id, item, depth + 1);
  if (changed === kid) return node;
  const kids = node.kids.slice();
  kids[d] = changed;
  const size = node.size - sizeOf(kid) + sizeOf(changed);
  if (size > LEAF_KEYS) return { kids, size, digest: null, text: null, from: node, changed: d };
  // Down to LEAF_KEYS keys: one leaf again, its items in id order.
  const items: T[] = [];
  for (const k of kids) if (k !== null) trieItems(k, items);
  return leafOfSorted(items.sort((x, y) => compareIds(x.id, y.id)));
}

/** Every item, leaf by leaf in trie order, appended to `out`. */
export function trieItems<T extends TrieItem>(node: TrieNode<T>, out: T[] = []): T[] {
  if (isLeaf(node)) {
    for (const item of node.items) out.push(item);
    return out;
  }
  for (const kid of node.kids) if (kid !== null) trieItems(kid, out);
  return out;
}

/** The digest of a node, T above (memoised in the node). */
export function trieDigest<T extends TrieItem>(node: TrieNode<T>): string {
  if (node.digest !== null) return node.digest;
  if (isLeaf(node)) {
    if (node.text === null) {
      let text = 'o';
      const ends = new Array<number>(node.items.length);
      for (let k = 0; k < node.items.length; k++) {
        text += node.items[k]!.line;
        ends[k] = text.length;
      }
      node.text = text;
      node.ends = ends;
    }
    return (node.digest = sha(node.text));
  }
  // The parent's text with one digest rewritten: read from one 1 KB string rather than from 16 child
  // nodes spread over the heap (on a 50,000-part record, their cache misses cost more than the hash).
  const from = node.from;
  let text: string;
  if (from !== null && from.text !== null) {
    const at = 1 + node.changed * DIGEST_CHARS;
    const kid = node.kids[node.changed]!;
    text = `${from.text.slice(0, at)}${kid === null ? EMPTY_CHILD : trieDigest(kid)}${from.text.slice(at + DIGEST_CHARS)}`;
  } else {
    text = 'n';
    for (const kid of node.kids) text += kid === null ? EMPTY_CHILD : trieDigest(kid);
  }
  node.from = null;
  node.text = text;
  return (node.digest = sha(text));
}
