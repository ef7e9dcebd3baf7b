import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { composeRuntime } from '../src/compose.js';
import { computeEventHash, GENESIS_HASH } from '../src/runtime/events/chain.js';
import type { AnyEvent } from '../src/runtime/events/types.js';
import type { CallContext } from '../src/runtime/principal.js';
import { replay } from '../src/runtime/projections/session-state.js';
import { createFileEventStore } from '../src/runtime/store/file-store.js';

/**
 * Bounded memory and cold reads (contract.md, "Always answering"): a session of 84,000 events made
 * through the runtime, read cold after a restart (snapshot + tail) and replayed by the CLI; and one
 * session of 1,000,000 events (appended straight to the store, batches of 1,000) read cold, with the
 * process's peak RSS. Floors in the same run: JSON.parse of the same lines, and a plain replay.
 */
const call: CallContext = { principal: { id: 'bench', authSource: 'config', grant: 'sandbox-write' }, surface: 'cli', actor: 'bench', reason: '', requestId: 'bench' };
const DESIGN = "meta: {name: d}\nboard: {width_mm: 40, height_mm: 30, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";
const seconds = (t0: number) => (performance.now() - t0) / 1000;
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

async function session84k(dir: string): Promise<{ sid: string; events: number }> {
  const store = createFileEventStore(dir);
  const runtime = await composeRuntime({ workspaceDir: mkdtempSync(join(tmpdir(), 'zt-bench-')), store });
  const sid = await runtime.createSession(call.principal, { surface: 'cli', actor: 'bench', requestId: 'b' });
  await runtime.invoke({ tool: 'design_parse_str', input: { yaml_content: DESIGN, design_name: 'd' }, call, sessionId: sid });
  // Each add or remove appends two events (its audit event and the edit): 21,000 pairs ≈ 84,000 events.
  for (let i = 0; i < 42_000; i++) {
    const ref = `X${i >> 1}`;
    const add = i % 2 === 0;
    await runtime.invoke({ tool: add ? 'component_add' : 'component_remove', input: add ? { design_name: 'd', ref, type_name: 'RES', value: '1k' } : { design_name: 'd', ref }, call, sessionId: sid });
  }
  const events = (await store.head(sid))!.seq;
  store.close();
  return { sid, events };
}

/** A million events of one session straight into the store: add/remove pairs on one design. */
async function millionEvents(dir: string): Promise<{ sid: string; appendS: number }> {
  const store = createFileEventStore(dir);
  const runtime = await composeRuntime({ workspaceDir: mkdtempSync(join(tmpdir(), 'zt-bench-')), store });
  const sid = await runtime.createSession(call.principal, { surface: 'cli', actor: 'bench', requestId: 'b' });
  await runtime.invoke({ tool: 'design_parse_str', input: { yaml_content: DESIGN, design_name: 'd' }, call, sessionId: sid });
  let tip = (await store.head(sid))!;
  const template = (await store.read(sid, { from: 1, to: 1 }))[0]!;
  const t0 = performance.now();
  while (tip.seq < 1_000_000) {
    const batch: AnyEvent[] = [];
    let prev = tip.hash;
    for (let i = 0; i < 1000 && tip.seq + batch.length < 1_000_000; i++) {
      const seq = tip.seq + batch.length + 1;
      const ref = `X${seq >> 1}`;
      const data = seq % 2 === 0 ? { design_name: 'd', component: { id: ref, ref, type: 'RES', value: '1k', footprint: null, part_id: null, pins: {}, properties: {} }, connections: [] } : { design_name: 'd', component_id: `X${(seq - 1) >> 1}` };
      const base = { seq, id: `b${seq}`, type: seq % 2 === 0 ? 'ComponentAdded' : 'ComponentRemoved', v: 1, at: template.at, session_id: sid, actor: template.actor, request_id: 'bench', data, prev_hash: prev };
      const e = { ...base, hash: computeEventHash(base) };
      prev = e.hash;
      batch.push(e);
    }
    await store.append(sid, batch, tip.seq);
    tip = { seq: tip.seq + batch.length, hash: prev };
  }
  store.close();
  return { sid, appendS: seconds(t0) };
}

export async function benchMemory(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const dir = mkdtempSync(join(tmpdir(), 'zt-bench-84k-'));
  const { sid, events } = await session84k(dir);
  out['events in the session (through the runtime)'] = events;

  const t0 = performance.now();
  const store = createFileEventStore(dir);
  const runtime = await composeRuntime({ workspaceDir: mkdtempSync(join(tmpdir(), 'zt-bench-')), store });
  const opened = seconds(t0);
  const t1 = performance.now();
  await runtime.state(sid);
  out['store open after restart (verifies every file), s'] = opened.toFixed(2);
  out['cold first read of that session (snapshot + tail), s'] = seconds(t1).toFixed(3);
  const all = await store.read(sid);
  const lines = all.map((e) => JSON.stringify(e));
  const t2 = performance.now();
  for (const l of lines) JSON.parse(l);
  const parseFloor = seconds(t2);
  const t3 = performance.now();
  replay(all);
  out['floor: JSON.parse of the same lines, s'] = parseFloor.toFixed(3);
  out['replay of all its events in process, s'] = seconds(t3).toFixed(3);
  store.close();

  const t4 = performance.now();
  const cli = spawnSync(process.execPath, [resolve('dist/cli.cjs'), 'replay', join(dir, `${sid}.jsonl`)], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  out['`zaptrace replay` of the session file (verify chain + replay), s'] = seconds(t4).toFixed(2);
  if (cli.status !== 0) out['`zaptrace replay` error'] = cli.stderr.slice(0, 200);
  const t4b = performance.now();
  const fromStore = spawnSync(process.execPath, [resolve('dist/cli.cjs'), 'replay', '--store', dir, '--session', sid, '--to', String(events - 10)], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  out['`zaptrace replay --store --session --to` (verify file + nearest snapshot), s'] = seconds(t4b).toFixed(2);
  if (fromStore.status !== 0) out['`zaptrace replay --store` error'] = fromStore.stderr.slice(0, 200);

  const big = mkdtempSync(join(tmpdir(), 'zt-bench-1m-'));
  const { sid: bigSid, appendS } = await millionEvents(big);
  out['1,000,000 events appended (batches of 1,000, each synced), s'] = appendS.toFixed(1);
  const rssBefore = process.memoryUsage().rss;
  const bigStore = createFileEventStore(big);
  const bigRuntime = await composeRuntime({ workspaceDir: mkdtempSync(join(tmpdir(), 'zt-bench-')), store: bigStore });
  const t5 = performance.now();
  await bigRuntime.state(bigSid);
  out['cold read of the 1,000,000-event session (no snapshot), s'] = seconds(t5).toFixed(1);
  out['RSS with the 1,000,000-event session open and read, MiB'] = mib(process.memoryUsage().rss);
  out['RSS before opening it, MiB'] = mib(rssBefore);
  bigStore.close();
  return out;
}
