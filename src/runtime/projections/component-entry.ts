import type { Component } from '../../eda/model/design.js';
import { compareKeyOrder } from '../../kernel/merkle-hash.js';

export { position } from '../../kernel/hash-trie.js';

/** One component of a design's record as component-table.ts keeps it. */
export interface Entry {
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

export function byId(x: Entry, y: Entry): number {
  return compareKeyOrder(x.id, y.id);
}

/** `list` with `entry` put at `at` (from `position`: replacing when found), or the entry there removed when null. */
export function edited(list: readonly Entry[], at: number, entry: Entry | null): Entry[] {
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
