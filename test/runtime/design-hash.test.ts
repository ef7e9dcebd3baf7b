import { describe, expect, it } from 'vitest';
import { produceWithPatches, enablePatches } from 'immer';
import { advanceMerkleHash, merkleHash, BUCKET_THRESHOLD } from '../../src/kernel/merkle-hash.js';

enablePatches();

function design(n: number) {
  const components: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) components[`R${i}`] = { id: `R${i}`, ref: `R${i}`, value: `${i}k`, pins: { P1: { name: 'P1' } } };
  return { meta: { name: 'x' }, components, list: [1, 2, 3] };
}

describe('design-state hash (docs/design-hash.md)', () => {
  it('is defined by content: key order and history do not matter', () => {
    expect(merkleHash({ a: 1, b: [1, 'x', null] })).toBe(merkleHash({ b: [1, 'x', null], a: 1 }));
    expect(merkleHash({ a: 1 })).not.toBe(merkleHash({ a: '1' }));
    expect(merkleHash([1, 2])).not.toBe(merkleHash([2, 1]));
    expect(merkleHash({ a: [] })).not.toBe(merkleHash({ a: {} }));
  });

  it.each([5, BUCKET_THRESHOLD + 1, 5000])('incremental update equals a fresh hash (%i components)', (n) => {
    const base = design(n);
    merkleHash(base);
    const [next, patches] = produceWithPatches(base, (d) => {
      (d.components as Record<string, { value: string }>)['R1']!.value = 'changed';
      (d.components as Record<string, unknown>)['NEW'] = { id: 'NEW' };
      delete (d.components as Record<string, unknown>)['R3'];
    });
    const incremental = advanceMerkleHash(base, next, patches);
    expect(incremental).toBe(merkleHash(structuredClone(next)));
    expect(incremental).not.toBe(merkleHash(base));
  });

  it('crossing the bucket threshold by removal gives the flat definition', () => {
    const base = design(BUCKET_THRESHOLD + 1);
    merkleHash(base);
    const [next, patches] = produceWithPatches(base, (d) => {
      delete (d.components as Record<string, unknown>)['R0'];
    });
    expect(advanceMerkleHash(base, next, patches)).toBe(merkleHash(structuredClone(next)));
  });
});
