import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import { createFileEventStore } from '../../src/runtime/store/file-store.js';
import { createMemoryEventStore } from '../../src/runtime/store/memory-store.js';
import { callTool, localPrincipal, mcpClient, tempDir } from '../helpers/harness.js';
import { runCli } from '../helpers/cli.js';

const SMALL = "meta: {name: demo}\nboard: {width_mm: 40, height_mm: 30, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";

async function session(runtime: Awaited<ReturnType<typeof composeRuntime>>, adds: number) {
  const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
  const sid = (await callTool(client, 'session_create')).data.session_id as string;
  await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: SMALL, design_name: 'demo' });
  for (let i = 0; i < adds; i++) {
    const r = await callTool(client, 'component_add', { session_id: sid, design_name: 'demo', ref: `R${i + 2}`, type_name: 'RES', value: '1k' }, );
    expect(r.isError).toBe(false);
  }
  await callTool(client, 'component_add', { session_id: sid, design_name: 'demo', ref: 'RK', type_name: 'RES' }, );
  return { client, sid };
}

describe('bounded memory: idle sessions leave memory, snapshots, caps', () => {
  it('rebuilds an evicted session from a verified snapshot plus the events after it, equal to the live state; a forged snapshot is ignored', async () => {
    const dir = tempDir('zt-snap-');
    const store = createFileEventStore(dir);
    const runtime = await composeRuntime({ workspaceDir: tempDir(), store, snapshotEvery: 20, maxCachedSessions: 1 });
    const a = await session(runtime, 30);
    const liveA = await runtime.state(a.sid);
    await session(runtime, 1); // evicts a's projection (one cached session)
    const snapDir = join(dir, 'snapshots', a.sid);
    const newest = readdirSync(snapDir).map((n) => Number(n.replace('.json', ''))).sort((x, y) => y - x)[0]!;
    const snapFile = join(snapDir, `${newest}.json`);
    const snap = JSON.parse(readFileSync(snapFile, 'utf8')) as { seq: number };
    expect(snap.seq).toBeGreaterThanOrEqual(20);
    expect(await runtime.state(a.sid)).toEqual(liveA);
    // Idempotency records survive through the snapshot too.
    const key = { idempotency_key: 'k1' };
    const first = await a.client.callTool({ name: 'component_add', arguments: { session_id: a.sid, design_name: 'demo', ref: 'RZ', type_name: 'RES' }, _meta: key });
    store.close();

    // A snapshot whose payload was edited (a component renamed) no longer matches its signature.
    const original = readFileSync(snapFile, 'utf8');
    const edited = original.replace('\\"value\\":\\"1k\\"', '\\"value\\":\\"9k\\"');
    expect(edited).not.toBe(original);
    writeFileSync(snapFile, edited);
    const logged: Record<string, unknown>[] = [];
    const reopened = createFileEventStore(dir, { log: (e) => logged.push(e) });
    const runtime2 = await composeRuntime({ workspaceDir: tempDir(), store: reopened, snapshotEvery: 20 });
    const rebuilt = await runtime2.state(a.sid);
    expect(Object.values(rebuilt.designs['demo']!.design.components).some((c) => c.value === '9k')).toBe(false);
    expect(logged).toContainEqual(expect.objectContaining({ event: 'store.snapshot_ignored', session_id: a.sid }));
    const client2 = await mcpClient(runtime2, localPrincipal('sandbox-write'));
    const again = await client2.callTool({ name: 'component_add', arguments: { session_id: a.sid, design_name: 'demo', ref: 'RZ', type_name: 'RES' }, _meta: key });
    expect(again.structuredContent).toEqual(first.structuredContent);
    reopened.close();
  });

  it('`zaptrace replay --store DIR --session ID --to SEQ` starts from the nearest snapshot and equals a replay of the whole file', async () => {
    const dir = tempDir('zt-replay-store-');
    const store = createFileEventStore(dir);
    const runtime = await composeRuntime({ workspaceDir: tempDir(), store, snapshotEvery: 10 });
    const a = await session(runtime, 25);
    const head = (await store.head(a.sid))!.seq;
    store.close();
    const to = head - 3;
    const fromStore = runCli(['replay', '--store', dir, '--session', a.sid, '--to', String(to)]);
    const fromFile = runCli(['replay', join(dir, `${a.sid}.jsonl`), '--to', String(to)]);
    expect(fromStore.code).toBe(0);
    const viaSnapshot = JSON.parse(fromStore.stdout) as { seq: number; from_snapshot_seq: number; designs: unknown };
    expect(viaSnapshot.from_snapshot_seq).toBeGreaterThan(0);
    expect(viaSnapshot.from_snapshot_seq).toBeLessThanOrEqual(to);
    expect(viaSnapshot.seq).toBe(to);
    expect(viaSnapshot.designs).toEqual((JSON.parse(fromFile.stdout) as { designs: unknown }).designs);
  });

  it('`zaptrace replay --store` reports no snapshot when the one it found is of another version and was ignored', async () => {
    const dir = tempDir('zt-replay-oldsnap-');
    const store = createFileEventStore(dir);
    const runtime = await composeRuntime({ workspaceDir: tempDir(), store, snapshotEvery: 1_000_000 });
    const a = await session(runtime, 12);
    const head = (await store.head(a.sid))!;
    // A snapshot signed by the store's own key, but of an earlier payload version (no design_hash_format).
    const state = await runtime.state(a.sid);
    const { design_hash_format: _format, ...older } = state;
    await store.saveSnapshot(a.sid, { seq: head.seq, hash: head.hash, payload: JSON.stringify({ v: 2, state: older, extra: null }) });
    expect((await store.loadSnapshot(a.sid, head.seq))?.seq).toBe(head.seq);
    store.close();
    const fromStore = runCli(['replay', '--store', dir, '--session', a.sid]);
    expect(fromStore.code).toBe(0);
    const out = JSON.parse(fromStore.stdout) as { seq: number; from_snapshot_seq: number; designs: unknown };
    expect(out.from_snapshot_seq).toBe(0);
    expect(out.seq).toBe(head.seq);
    expect(out.designs).toEqual((JSON.parse(runCli(['replay', join(dir, `${a.sid}.jsonl`)]).stdout) as { designs: unknown }).designs);
  });

  it('quarantines a session whose file changes on disk while the server runs, at its next cold read', async () => {
    const dir = tempDir('zt-changed-');
    const store = createFileEventStore(dir);
    const runtime = await composeRuntime({ workspaceDir: tempDir(), store, maxCachedSessions: 1 });
    const a = await session(runtime, 3);
    await session(runtime, 1); // a leaves memory
    const file = join(dir, `${a.sid}.jsonl`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"value":"1k"', '"value":"2k"'));
    const res = await callTool(a.client, 'design_inspect', { session_id: a.sid, design_name: 'demo' });
    expect(res.data).toMatchObject({ ok: false, error: { code: 'SESSION_QUARANTINED' } });
    expect(store.quarantineOf(a.sid)).not.toBeNull();
    store.close();
  });

  it('memory-only mode refuses new work with SERVER_BUSY at its event cap instead of growing without bound', async () => {
    const runtime = await composeRuntime({ workspaceDir: tempDir(), store: createMemoryEventStore({ maxEvents: 12 }) });
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const sid = (await callTool(client, 'session_create')).data.session_id as string;
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: SMALL, design_name: 'demo' });
    let refused: Record<string, any> | null = null;
    // Bounded: one event per allowed call, so the cap of 12 is reached within 12 calls.
    for (let i = 0; i < 20 && !refused; i++) {
      const r = await callTool(client, 'component_add', { session_id: sid, design_name: 'demo', ref: `R${i + 2}`, type_name: 'RES' });
      if (r.isError) refused = r.data;
    }
    expect(refused).toMatchObject({ ok: false, error: { code: 'SERVER_BUSY', details: { max_memory_events: 12 } } });
    expect((await runtime.readEvents(sid)).length).toBeLessThanOrEqual(12);
  });
});
