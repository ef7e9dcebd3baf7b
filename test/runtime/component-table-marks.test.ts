import { describe, expect, it } from 'vitest';
import { emptySessionState, evolve, type SessionState } from '../../src/runtime/projections/session-state.js';
import { bucketOf, compareKeyOrder, merkleHash, type DesignHashFormat } from '../../src/kernel/merkle-hash.js';
import { parseDesignText } from '../../src/eda/parse/index.js';
import { Component, type Design } from '../../src/eda/model/design.js';
import type { AnyEvent } from '../../src/runtime/events/types.js';
import { seededRng } from '../../src/kernel/rng.js';

/**
 * Large records hash a bucket and the record's digest text from SHA-256 states kept part-way
 * (component-table.ts, Bucket.mark; docs/design-hash.md, "Incremental"). At 20,000
 * parts a bucket holds about 78 entries, so edits land before and after its mark; the
 * expected hash is computed from a plain record built afresh for every step, so it shares nothing
 * with the table but the components' own cached hashes.
 */

/** Deterministic numbers (the kernel's seeded mulberry32), so a failing sequence is reproducible from its seed. */
function prng(seed: number): () => number {
  const rng = seededRng(seed);
  return () => rng.next();
}

const PARTS = 20_000;

function parsed(format: DesignHashFormat = 1): SessionState {
  const components: Record<string, unknown> = {};
  for (let i = 0; i < PARTS; i++) components[`M${i}`] = { ref: `M${i}`, type: 'R' };
  const text = JSON.stringify({ meta: { name: 't' }, board: { width_mm: 50, height_mm: 50, layers: 2 }, components, nets: { A: { nodes: ['M0.1'] } } });
  const { design } = parseDesignText(text, { format: 'json', strict: false });
  const event = { seq: 1, type: 'DesignParsed', hash: 'h1', actor: { principal: 'p' }, data: { design_name: 'd', design, source: { kind: 'text' }, warnings: [] } };
  // Format 1's buckets keep marks; format 2's trie has none and is checked by the same random edits.
  return evolve({ ...emptySessionState('s'), design_hash_format: format }, event as unknown as AnyEvent);
}

/** merkleHash of the design with its component record rebuilt as a fresh plain object from `model`. */
function expectedHash(design: Design, model: ReadonlyMap<string, Component>, format: DesignHashFormat = 1): string {
  const plain: Record<string, unknown> = {};
  for (const k of Object.keys(design)) if (k !== 'components') plain[k] = (design as unknown as Record<string, unknown>)[k];
  const record: Record<string, Component> = Object.create(null) as Record<string, Component>;
  for (const [id, c] of model) record[id] = c;
  plain['components'] = record;
  return merkleHash(plain, format);
}

describe('component table marks (large records)', () => {
  it.each([
    [7, 1],
    [29, 1],
    [7, 2],
  ] as const)('seed %i, format %i: adds, replacements and removals anywhere in a bucket, and edits from older designs, keep the hash', (seed, format) => {
    const rand = prng(seed);
    const start = parsed(format);
    const startModel = new Map(Object.entries(start.designs['d']!.design.components));
    // A few designs back, so an edit also starts from a design whose successor already hashed (its marks are shared).
    const history: { state: SessionState; model: Map<string, Component> }[] = [{ state: start, model: startModel }];
    let seq = 1;
    let serial = 0;
    for (let step = 0; step < 100; step++) {
      const from = rand() < 0.15 && history.length > 3 ? history[history.length - 1 - Math.floor(rand() * 3)]! : history[history.length - 1]!;
      const model = new Map(from.model);
      const r = rand();
      let event: { type: string; data: unknown };
      if (r < 0.45) {
        // Ids that sort before, among and after the parsed ones ("A…" < "M…" < "Z…").
        const id = `${'AMZ'[Math.floor(rand() * 3)]}${serial++}x`;
        const component = Component.parse({ id, ref: `R_${id}`, type: 'RES', value: '1k' });
        event = { type: 'ComponentAdded', data: { design_name: 'd', component, connections: [] } };
        model.set(id, component);
      } else if (r < 0.6) {
        const id = `M${Math.floor(rand() * PARTS)}`;
        const component = Component.parse({ id, ref: `S_${id}_${step}`, type: 'CAP', value: '1u' });
        event = { type: 'ComponentAdded', data: { design_name: 'd', component, connections: [] } };
        model.set(id, component);
      } else {
        const ids = rand() < 0.5 ? [...model.keys()].slice(-200) : [`M${Math.floor(rand() * PARTS)}`];
        const id = ids[Math.floor(rand() * ids.length)]!;
        event = { type: 'ComponentRemoved', data: { design_name: 'd', component_id: id } };
        model.delete(id);
      }
      seq++;
      const state = evolve(from.state, { ...event, seq, hash: `h${seq}`, actor: { principal: 'p' } } as unknown as AnyEvent);
      const entry = state.designs['d']!;
      expect(entry.hash).toBe(expectedHash(entry.design, model, format));
      history.push({ state, model });
    }
    const last = history[history.length - 1]!;
    expect(last.state.designs['d']!.hash).toBe(merkleHash(structuredClone(last.state.designs['d']!.design), format));
  }, 120_000);

  it('edits just before, at and after the mark of one bucket', () => {
    let state = parsed();
    const model = new Map(Object.entries(state.designs['d']!.design.components));
    const bucket = bucketOf('M0');
    let seq = 1;
    let serial = 0;
    const apply = (type: string, data: unknown) => {
      seq++;
      state = evolve(state, { type, data, seq, hash: `h${seq}`, actor: { principal: 'p' } } as unknown as AnyEvent);
      expect(state.designs['d']!.hash).toBe(expectedHash(state.designs['d']!.design, model));
    };
    /** The bucket's ids in the order its hash text lists them. */
    const ids = () => [...model.keys()].filter((id) => bucketOf(id) === bucket).sort(compareKeyOrder);
    /** A new id in the bucket, sorting after every parsed one: an edit in the tail, which takes a mark. */
    const tailAdd = () => {
      let id = '';
      do id = `Z${serial++}`;
      while (bucketOf(id) !== bucket);
      const component = Component.parse({ id, ref: id, type: 'RES' });
      model.set(id, component);
      apply('ComponentAdded', { design_name: 'd', component, connections: [] });
    };
    for (const offset of [-2, -1, 0, 1]) {
      for (const op of ['replace', 'remove']) {
        tailAdd();
        const list = ids();
        const at = Math.floor((list.length - 1) / 32) * 32;
        const id = list[at + offset]!;
        if (op === 'replace') {
          const component = Component.parse({ id, ref: `${id}_${offset}`, type: 'CAP' });
          model.set(id, component);
          apply('ComponentAdded', { design_name: 'd', component, connections: [] });
        } else {
          model.delete(id);
          apply('ComponentRemoved', { design_name: 'd', component_id: id });
        }
        tailAdd();
      }
    }
  }, 60_000);
});
