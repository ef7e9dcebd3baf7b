import { describe, expect, it } from 'vitest';
import { trieDigest, trieGet, trieItems, trieOf, trieSize, trieWith, type TrieInner, type TrieItem, type TrieNode } from '../../src/kernel/hash-trie.js';
import { seededRng } from '../../src/kernel/rng.js';

/**
 * The trie of design-hash format 2 (src/kernel/hash-trie.ts) is a function of its keys: after any
 * sequence of edits, whatever was split or merged on the way, it has the shape and digest of the trie
 * built afresh from the same items. Sizes cross the 64-key leaf limit many times at the root and below.
 */
const item = (id: string, v: number): TrieItem => ({ id, line: `${JSON.stringify(id)}:=${v},` });

function shape(node: TrieNode<TrieItem> | null): unknown {
  if (node === null) return null;
  return 'items' in node ? node.items.map((i) => i.id) : { size: node.size, kids: node.kids.map(shape) };
}

describe('hash trie (format 2)', () => {
  it.each([1, 2, 3])('seed %i: random adds, replacements and removals keep the canonical shape and digest', (seed) => {
    const rng = seededRng(seed);
    const model = new Map<string, TrieItem>();
    let trie: TrieNode<TrieItem> = trieOf([]);
    let peak = 0;
    for (let step = 0; step < 4000; step++) {
      // Grow to about 1,500 keys, then shrink back through the 64-key limit.
      const growing = step < 2200;
      const r = rng.next();
      const ids = [...model.keys()];
      if ((growing && r < 0.75) || ids.length === 0) {
        const it = item(`k${Math.floor(rng.next() * 1e6)}`, step);
        model.set(it.id, it);
        trie = trieWith(trie, it.id, it);
      } else if (r < 0.85) {
        const id = ids[Math.floor(rng.next() * ids.length)]!;
        const it = item(id, step);
        model.set(id, it);
        trie = trieWith(trie, id, it);
      } else {
        const id = rng.next() < 0.95 ? ids[Math.floor(rng.next() * ids.length)]! : 'absent';
        model.delete(id);
        trie = trieWith(trie, id, null);
      }
      peak = Math.max(peak, model.size);
      expect(trieSize(trie)).toBe(model.size);
      // Hashed after every edit, as the live projection does: each leaf then derives its text from the last.
      const digest = trieDigest(trie);
      if (step % 10 === 0 || model.size < 80) {
        const fresh = trieOf([...model.values()]);
        expect(shape(trie)).toEqual(shape(fresh));
        expect(digest).toBe(trieDigest(fresh));
        expect(trieItems(trie).length).toBe(model.size);
      }
    }
    expect(peak).toBeGreaterThan(1000);
    for (const [id, it] of model) expect(trieGet(trie, id)).toBe(it);
    expect(trieGet(trie, 'absent')).toBeUndefined();
  });

  it('an edit shares every node off its path with the trie it came from', () => {
    const items = Array.from({ length: 5000 }, (_, i) => item(`c${i}`, i));
    const before = trieOf(items) as TrieInner<TrieItem>;
    const after = trieWith(before, 'c17', item('c17', -1)) as TrieInner<TrieItem>;
    const changed = before.kids.filter((k, x) => k !== after.kids[x]);
    expect(changed).toHaveLength(1);
  });
});
