import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { produceWithPatches, enablePatches } from 'immer';
import { advanceMerkleHash, merkleHash, BUCKET_THRESHOLD, type DesignHashFormat } from '../../src/kernel/merkle-hash.js';
import { seededRng } from '../../src/kernel/rng.js';

enablePatches();

function design(n: number) {
  const components: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) components[`R${i}`] = { id: `R${i}`, ref: `R${i}`, value: `${i}k`, pins: { P1: { name: 'P1' } } };
  return { meta: { name: 'x' }, components, list: [1, 2, 3] };
}

/**
 * The definition of docs/design-hash.md written out again from the text, sharing nothing with the
 * implementation (no cache, no incremental step): what anyone recomputing a hash elsewhere would write.
 */
const H = (text: string) => createHash('sha256').update(text).digest('hex');
const jcsKeyOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function reference(value: unknown, format: DesignHashFormat): string {
  const enc = (v: unknown): string => (v !== null && typeof v === 'object' ? `#${reference(v, format)}` : `=${JSON.stringify(v)}`);
  if (value === null || typeof value !== 'object') return H(`l${JSON.stringify(value)}`);
  if (Array.isArray(value)) return H(`a${value.map((v) => `${enc(v)},`).join('')}`);
  const obj = value as Record<string, unknown>;
  const small = (keys: string[]) => H(`o${[...keys].sort(jcsKeyOrder).map((k) => `${JSON.stringify(k)}:${enc(obj[k])},`).join('')}`);
  const keys = Object.keys(obj);
  const digits = (k: string) => H(JSON.stringify(k));
  if (format === 2) {
    // T(K, d): a small object when |K| <= 64, else "n" and the 16 children split by hex digit d.
    const node = (ks: string[], d: number): string => {
      if (ks.length <= 64) return small(ks);
      return H(`n${[...'0123456789abcdef'].map((x) => node(ks.filter((k) => digits(k)[d] === x), d + 1)).join('')}`);
    };
    return node(keys, 0);
  }
  if (keys.length <= 64) return small(keys);
  const buckets = Array.from({ length: 256 }, (_, b) => keys.filter((k) => parseInt(digits(k).slice(0, 2), 16) === b));
  return H(`b${buckets.map((ks) => (ks.length === 0 ? H('e') : small(ks))).join('')}`);
}

describe.each([1, 2] as const)('design-state hash, format %i (docs/design-hash.md)', (format) => {
  it('is defined by content: key order and history do not matter', () => {
    expect(merkleHash({ a: 1, b: [1, 'x', null] }, format)).toBe(merkleHash({ b: [1, 'x', null], a: 1 }, format));
    expect(merkleHash({ a: 1 }, format)).not.toBe(merkleHash({ a: '1' }, format));
    expect(merkleHash([1, 2], format)).not.toBe(merkleHash([2, 1], format));
    expect(merkleHash({ a: [] }, format)).not.toBe(merkleHash({ a: {} }, format));
  });

  it.each([5, BUCKET_THRESHOLD, BUCKET_THRESHOLD + 1, 300, 3000])('equals the definition written out independently (%i components)', (n) => {
    const value = design(n);
    expect(merkleHash(value, format)).toBe(reference(value, format));
  });

  it.each([5, BUCKET_THRESHOLD + 1, 5000])('incremental update equals a fresh hash (%i components)', (n) => {
    const base = design(n);
    merkleHash(base, format);
    const [next, patches] = produceWithPatches(base, (d) => {
      (d.components as Record<string, { value: string }>)['R1']!.value = 'changed';
      (d.components as Record<string, unknown>)['NEW'] = { id: 'NEW' };
      delete (d.components as Record<string, unknown>)['R3'];
    });
    const incremental = advanceMerkleHash(base, next, patches, format);
    expect(incremental).toBe(merkleHash(structuredClone(next), format));
    expect(incremental).not.toBe(merkleHash(base, format));
  });

  it('crossing the bucket threshold by removal gives the flat definition', () => {
    const base = design(BUCKET_THRESHOLD + 1);
    merkleHash(base, format);
    const [next, patches] = produceWithPatches(base, (d) => {
      delete (d.components as Record<string, unknown>)['R0'];
    });
    expect(advanceMerkleHash(base, next, patches, format)).toBe(merkleHash(structuredClone(next), format));
  });

  it('random immer edits of a large record, one after another, each equal the independent definition', () => {
    const rng = seededRng(format * 1000 + 7);
    let value = design(BUCKET_THRESHOLD + 6);
    merkleHash(value, format);
    for (let step = 0; step < 60; step++) {
      const [next, patches] = produceWithPatches(value, (d) => {
        const comps = d.components as Record<string, unknown>;
        const ids = Object.keys(comps);
        for (let k = 0; k < 1 + Math.floor(rng.next() * 3); k++) {
          const r = rng.next();
          if (r < 0.45) comps[`N${step}_${k}`] = { id: `N${step}_${k}`, v: step };
          else if (r < 0.75 && ids.length > 0) delete comps[ids[Math.floor(rng.next() * ids.length)]!];
          else if (ids.length > 0) comps[ids[Math.floor(rng.next() * ids.length)]!] = { id: 'changed', v: step };
        }
      });
      expect(advanceMerkleHash(value, next, patches, format)).toBe(reference(next, format));
      value = next;
    }
  });
});

describe('formats 1 and 2', () => {
  it('agree on every object of at most 64 keys and differ on a larger one', () => {
    const small = design(BUCKET_THRESHOLD - 2);
    expect(merkleHash(small, 2)).toBe(merkleHash(small, 1));
    const large = design(BUCKET_THRESHOLD + 1);
    expect(merkleHash(large, 2)).not.toBe(merkleHash(large, 1));
  });
});
