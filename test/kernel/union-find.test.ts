import { describe, expect, it } from 'vitest';
import { UnionFind } from '../../src/kernel/union-find.js';

describe('UnionFind', () => {
  it('joins groups and keeps the smallest member as the representative, whatever the order', () => {
    const a = new UnionFind(6);
    a.union(5, 3);
    a.union(3, 4);
    a.union(1, 2);
    const b = new UnionFind(6);
    b.union(4, 3);
    b.union(2, 1);
    b.union(5, 4);
    for (const uf of [a, b]) {
      expect([0, 1, 2, 3, 4, 5].map((i) => uf.find(i))).toEqual([0, 1, 1, 3, 3, 3]);
    }
    a.union(4, 2);
    expect(a.find(5)).toBe(1);
  });
});
