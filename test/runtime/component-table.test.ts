import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emptySessionState, evolve, type SessionState } from '../../src/runtime/projections/session-state.js';
import { componentById, idsWithRef } from '../../src/runtime/projections/component-table.js';
import { BUCKET_THRESHOLD, merkleHash as merkleHashIn, type DesignHashFormat } from '../../src/kernel/merkle-hash.js';
import { parseDesignText } from '../../src/eda/parse/index.js';
import { Component } from '../../src/eda/model/design.js';
import type { AnyEvent } from '../../src/runtime/events/types.js';
import { seededRng } from '../../src/kernel/rng.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Deterministic numbers (the kernel's seeded mulberry32), so a failing sequence is reproducible from its seed. */
function prng(seed: number): () => number {
  const rng = seededRng(seed);
  return () => rng.next();
}

function parsed(n: number, format: DesignHashFormat): SessionState {
  const lines = ['meta: {name: t}', 'board: {width_mm: 50, height_mm: 50, layers: 2}', 'components:'];
  for (let i = 0; i < n; i++) lines.push(`  C${i}: {ref: C${i}, type: RES, value: 1k}`);
  lines.push('nets:', '  A: {nodes: [C0.1]}', '  B: {nodes: [C1.1]}');
  const { design } = parseDesignText(`${lines.join('\n')}\n`, { format: 'auto', strict: false });
  const event = { seq: 1, type: 'DesignParsed', hash: 'h1', actor: { principal: 'p' }, data: { design_name: 'd', design, source: { kind: 'text' }, warnings: [] } };
  return evolve({ ...emptySessionState('s'), design_hash_format: format }, event as unknown as AnyEvent);
}

describe.each([1, 2] as const)('component table in design-hash format %i (docs/design-hash.md, "Incremental")', (format) => {
  const merkleHash = (value: unknown) => merkleHashIn(value, format);
  it('the empty object and the empty array hash by the definition', () => {
    expect(merkleHash({})).toBe(sha('o'));
    expect(merkleHash(Object.create(null))).toBe(sha('o'));
    expect(merkleHash([])).toBe(sha('a'));
    expect(merkleHash({ a: {}, b: [] })).toBe(sha(`o"a":#${sha('o')},"b":#${sha('a')},`));
  });

  it('objects of one shape hash by content whatever their key order', () => {
    for (let i = 0; i < 3; i++) {
      expect(merkleHash({ z: i, a: 'x', m: null })).toBe(sha(`o"a":="x","m":=null,"z":=${i},`));
      expect(merkleHash({ a: 'x', m: null, z: i })).toBe(sha(`o"a":="x","m":=null,"z":=${i},`));
      expect(merkleHash(Object.assign(Object.create(null), { z: i, a: 'x', m: null }))).toBe(sha(`o"a":="x","m":=null,"z":=${i},`));
      // A remembered shape with one key more or less is another shape.
      expect(merkleHash({ z: i, a: 'x' })).toBe(sha(`o"a":="x","z":=${i},`));
      expect(merkleHash({ z: i, a: 'x', m: null, n: 1 })).toBe(sha(`o"a":="x","m":=null,"n":=1,"z":=${i},`));
    }
  });

  it.each([3, 17])('seed %i: adds, re-adds and removes across the bucket threshold keep hash, lookups and key order', (seed) => {
    const rand = prng(seed);
    let state = parsed(BUCKET_THRESHOLD - 3, format);
    // The same edits on a plain object: the record's key order and content to expect.
    const model: Record<string, string> = {};
    for (let i = 0; i < BUCKET_THRESHOLD - 3; i++) model[`C${i}`] = `C${i}`;
    let seq = 1;
    let serial = 0;
    const crossings = { up: 0, down: 0 };
    for (let step = 0; step < 400; step++) {
      const ids = Object.keys(model);
      const before = ids.length;
      const r = rand();
      let event: { type: string; data: unknown };
      if (r < 0.5 - (ids.length > BUCKET_THRESHOLD + 8 ? 0.3 : 0) + (ids.length < BUCKET_THRESHOLD - 8 ? 0.3 : 0)) {
        const id = `X${serial++}`;
        const component = Component.parse({ id, ref: `R_${id}`, type: 'RES', value: '1k', pins: { '1': { name: '1', type: 'passive', number: '1', description: '' } } });
        const connections = rand() < 0.3 ? [{ net: rand() < 0.5 ? 'A' : 'B', pin: '1' }] : [];
        event = { type: 'ComponentAdded', data: { design_name: 'd', component, connections } };
        model[id] = component.ref;
      } else if (r < 0.6 && ids.length > 0) {
        // Re-adding an existing id replaces it in place.
        const id = ids[Math.floor(rand() * ids.length)]!;
        const component = Component.parse({ id, ref: `S_${id}`, type: 'CAP', value: '1u' });
        event = { type: 'ComponentAdded', data: { design_name: 'd', component, connections: [] } };
        model[id] = component.ref;
      } else {
        const id = ids.length > 0 && rand() < 0.9 ? ids[Math.floor(rand() * ids.length)]! : 'ABSENT';
        event = { type: 'ComponentRemoved', data: { design_name: 'd', component_id: id } };
        delete model[id];
      }
      seq++;
      const previous = state;
      state = evolve(state, { ...event, seq, hash: `h${seq}`, actor: { principal: 'p' } } as unknown as AnyEvent);
      const after = Object.keys(model).length;
      if (before <= BUCKET_THRESHOLD && after > BUCKET_THRESHOLD) crossings.up++;
      if (before > BUCKET_THRESHOLD && after <= BUCKET_THRESHOLD) crossings.down++;
      const entry = state.designs['d']!;
      for (const id of ['C0', 'X0', `X${serial - 1}`, 'ABSENT']) {
        expect(componentById(entry.design, id, format)?.ref).toBe(model[id]);
        expect(idsWithRef(entry.design, model[id] ?? 'none', format)).toEqual(model[id] ? [id] : []);
      }
      // The earlier design is untouched: its lookups answer as before.
      const older = previous.designs['d']!.design;
      expect(componentById(older, 'C0', format)?.ref).toBe(previous.designs['d']!.design.components['C0']?.ref);
      expect(entry.component_count).toBe(after);
      expect(entry.hash).toBe(merkleHash(structuredClone(entry.design)));
      expect(Object.entries(entry.design.components).map(([id, c]) => [id, c.ref])).toEqual(Object.entries(model));
    }
    expect(crossings.up).toBeGreaterThan(1);
    expect(crossings.down).toBeGreaterThan(1);
  });

  it.each([5, BUCKET_THRESHOLD + 10])('an immer edit after component edits (%i parts) still equals a full recomputation', (n) => {
    let state = parsed(n, format);
    let seq = 1;
    const next = (type: string, data: unknown) => {
      seq++;
      state = evolve(state, { type, data, seq, hash: `h${seq}`, actor: { principal: 'p' } } as unknown as AnyEvent);
      const entry = state.designs['d']!;
      expect(entry.hash).toBe(merkleHash(structuredClone(entry.design)));
    };
    next('ComponentAdded', { design_name: 'd', component: Component.parse({ id: 'N1', ref: 'N1', type: 'RES' }), connections: [{ net: 'A', pin: '1' }] });
    next('ComponentRemoved', { design_name: 'd', component_id: 'C2' });
    // Touches components.C1.pins (a new pin) and nets.B.nodes: the component record is advanced, not rebuilt.
    next('NetNodesChanged', { design_name: 'd', net: 'B', connect: [{ component: 'C1', pin: '7' }], disconnect: [] });
    next('BoardUpdated', { design_name: 'd', board: { width_mm: 60 } });
    next('ComponentAdded', { design_name: 'd', component: Component.parse({ id: 'N2', ref: 'N2', type: 'RES' }), connections: [{ net: 'B', pin: '1' }] });
    next('ComponentRemoved', { design_name: 'd', component_id: 'C1' });
  });
});
