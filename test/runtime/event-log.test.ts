import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, computeEventHash, verifyChain } from '../../src/runtime/events/chain.js';
import { replay } from '../../src/runtime/projections/session-state.js';
import { createMemoryEventStore } from '../../src/runtime/store/memory-store.js';
import { sha256Hex } from '../../src/kernel/hash.js';
import { callTool, ESP32_YAML, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

async function mixedSession() {
  // The log is under test, not approval: the single-user opt-out lets the one principal approve.
  const { runtime } = await newRuntime({ allowSelfApproval: true });
  const client = await mcpClient(runtime, localPrincipal('approved-commit'));
  const sid = (await callTool(client, 'session_create')).data.session_id as string;
  const call = (name: string, args: Record<string, unknown> = {}) => callTool(client, name, { session_id: sid, ...args });
  await call('design_parse_str', { yaml_content: ESP32_YAML(), design_name: 'a' });
  await call('design_parse_str', { yaml_content: ESP32_YAML(), design_name: 'b' });
  for (let i = 0; i < 40; i++) {
    await call('component_add', { design_name: i % 2 ? 'a' : 'b', ref: `R${100 + i}`, type_name: 'RES', value: '10k', footprint: '0402', connections: { P1: 'GND', P2: 'VCC_3V3' } });
    if (i % 5 === 0) await call('board_update', { design_name: 'a', width_mm: 50 + i });
    if (i % 7 === 0) await call('component_remove', { design_name: 'b', ref: `R${100 + i}` });
    if (i % 9 === 0) await call('design_commit', { design_name: 'a', approval_id: `APR-${i}`, statement: 'checked' });
    if (i % 11 === 0) await call('board_update', { design_name: 'a', width_mm: -1 }); // rejected, audited
  }
  return { runtime, sid, client };
}

describe('append-only, hash-chained session log', () => {
  it('chains every event from the documented genesis value', async () => {
    const { runtime, sid } = await mixedSession();
    const events = await runtime.readEvents(sid);
    expect(events[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(GENESIS_HASH).toBe(sha256Hex('zaptrace/session-log/v1'));
    events.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(e.hash).toBe(computeEventHash(e));
      if (i > 0) expect(e.prev_hash).toBe(events[i - 1]!.hash);
    });
    expect(verifyChain(events).ok).toBe(true);
  });

  it('rebuilding from the log equals the live projection after a long mixed session, at every step', async () => {
    const { runtime, sid } = await mixedSession();
    const events = await runtime.readEvents(sid);
    const live = await runtime.state(sid);
    const rebuilt = replay(events);
    expect(rebuilt).toEqual(live);
    expect(rebuilt.designs['a']!.hash).toBe(live.designs['a']!.hash);
    expect(rebuilt.approvals.length).toBeGreaterThan(2);
    const mid = Math.floor(events.length / 2);
    expect(replay(events, { upTo: mid }).seq).toBe(mid);
    expect(replay(events, { upTo: mid })).toEqual(await runtime.stateAt(sid, mid));
  });

  it('names the first broken link when one byte changes', async () => {
    const { runtime, sid } = await mixedSession();
    const lines = (await runtime.readEvents(sid)).map((e) => JSON.stringify(e));
    const target = 17;
    lines[target - 1] = lines[target - 1]!.replace('"actor":"', '"actor":"X');
    const verdict = verifyChain(lines.map((l) => JSON.parse(l)));
    expect(verdict.ok).toBe(false);
    expect(verdict.first_broken?.seq).toBe(target);
    const dropped = (await runtime.readEvents(sid)).filter((e) => e.seq !== 5);
    expect(verifyChain(dropped).first_broken?.seq).toBe(6);
  });

  it('fails an append with STALE_STATE when the expected seq moved (optimistic concurrency)', async () => {
    const store = createMemoryEventStore();
    const base = { id: 'x', type: 'SessionCreated', v: 1, at: '2026-01-01T00:00:00.000Z', session_id: 's', actor: { principal: 'p', actor: 'a', surface: 'mcp' as const, auth_source: 'stdio' as const }, request_id: 'r', data: {} };
    const e1 = { ...base, seq: 1, prev_hash: GENESIS_HASH };
    const first = { ...e1, hash: computeEventHash(e1) };
    await store.append('s', [first], 0);
    await expect(store.append('s', [first], 0)).rejects.toMatchObject({ code: 'STALE_STATE' });
    expect(await store.read('s')).toHaveLength(1);
  });
});
