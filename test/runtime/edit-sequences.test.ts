import { describe, expect, it } from 'vitest';
import { replay, type SessionState } from '../../src/runtime/projections/session-state.js';
import { BUCKET_THRESHOLD, merkleHash } from '../../src/kernel/merkle-hash.js';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';
import { seededRng } from '../../src/kernel/rng.js';

/** Deterministic numbers (the kernel's seeded mulberry32), so a failing sequence is reproducible from its seed. */
function prng(seed: number): () => number {
  const rng = seededRng(seed);
  return () => rng.next();
}

/** Starts just under the threshold where the hash switches to buckets, so random edits cross it both ways. */
function designText(n: number): string {
  const lines = ['meta: {name: prop}', 'board: {width_mm: 50, height_mm: 50, layers: 2}', 'components:'];
  for (let i = 0; i < n; i++) lines.push(`  C${i}: {ref: C${i}, type: RES, value: 1k}`);
  lines.push('nets:', '  A: {nodes: [C0.1]}', '  B: {nodes: [C1.1]}');
  return `${lines.join('\n')}\n`;
}

describe('random edit sequences (docs/design-hash.md, "Incremental")', () => {
  it.each([11, 29])('seed %i: the incremental hash equals a full recomputation after every edit, and replay equals live', async (seed) => {
    const rand = prng(seed);
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const sid = (await callTool(client, 'session_create')).data.session_id as string;
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: designText(BUCKET_THRESHOLD - 2), design_name: 'd' });
    const present = new Set(Array.from({ length: BUCKET_THRESHOLD - 2 }, (_, i) => `C${i}`));
    const live: SessionState[] = [];
    let next = 1000;
    for (let step = 0; step < 90; step++) {
      const r = rand();
      if (r < 0.55 || present.size < 3) {
        const ref = `X${next++}`;
        const connections = rand() < 0.4 ? { '1': rand() < 0.5 ? 'A' : 'B' } : {};
        await callTool(client, 'component_add', { session_id: sid, design_name: 'd', ref, type_name: 'RES', connections });
        present.add(ref);
      } else if (r < 0.9) {
        const all = [...present];
        const ref = all[Math.floor(rand() * all.length)]!;
        await callTool(client, 'component_remove', { session_id: sid, design_name: 'd', ref });
        present.delete(ref);
      } else if (r < 0.95) {
        await callTool(client, 'board_update', { session_id: sid, design_name: 'd', width_mm: 50 + step });
      } else {
        await callTool(client, 'net_add', { session_id: sid, design_name: 'd', name: `N${step}` });
      }
      const state = await runtime.state(sid);
      const entry = state.designs['d']!;
      // structuredClone reads every member into fresh objects: nothing cached, a full recomputation.
      expect(state.design_hash_format).toBe(2);
      expect(entry.hash).toBe(merkleHash(structuredClone(entry.design), 2));
      expect(Object.keys(entry.design.components).sort()).toEqual([...present].sort());
      expect(entry.component_count).toBe(present.size);
      live.push(state);
    }
    await callTool(client, 'erc_validate', { session_id: sid, design_name: 'd' });
    live.push(await runtime.state(sid));
    const events = await runtime.readEvents(sid);
    for (const state of live) {
      const rebuilt = replay(events, { upTo: state.seq });
      expect(rebuilt).toEqual(state);
      // Same key order as well: exports and views list components in record order.
      expect(JSON.stringify(rebuilt.designs['d']!.design)).toBe(JSON.stringify(state.designs['d']!.design));
      expect(rebuilt.designs['d']!.hash).toBe(state.designs['d']!.hash);
    }
  }, 120_000);

  it('a ref is free again once its component is removed, and duplicate refs are refused through the index', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const sid = (await callTool(client, 'session_create')).data.session_id as string;
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: designText(BUCKET_THRESHOLD + 10), design_name: 'd' });
    const dup = await callTool(client, 'component_add', { session_id: sid, design_name: 'd', ref: 'C5', type_name: 'RES', component_id: 'OTHER' });
    expect(dup.isError).toBe(true);
    expect(dup.data.error.code).toBe('INVALID_INPUT');
    await callTool(client, 'component_remove', { session_id: sid, design_name: 'd', ref: 'C5' });
    const again = await callTool(client, 'component_add', { session_id: sid, design_name: 'd', ref: 'C5', type_name: 'RES', component_id: 'OTHER' });
    expect(again.isError).toBe(false);
    const removed = await callTool(client, 'component_remove', { session_id: sid, design_name: 'd', ref: 'C5' });
    expect(removed.isError).toBe(false);
    const design = (await runtime.state(sid)).designs['d']!.design;
    expect(Object.hasOwn(design.components, 'OTHER')).toBe(false);
  }, 60_000);
});
