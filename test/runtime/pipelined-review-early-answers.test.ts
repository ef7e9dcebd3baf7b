import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import { steppingClock } from '../../src/kernel/clock.js';
import type { AnyEvent } from '../../src/runtime/events/types.js';
import { ephemeralLogSigner } from '../../src/runtime/store/log-key.js';
import { createLogStore, type LogBackend } from '../../src/runtime/store/log-store.js';
import { callTool, localPrincipal, mcpClient, tempDir } from '../helpers/harness.js';

/**
 * Review of pipelined commits (session-commit.ts) against contract.md, "The log can be trusted": an
 * answer that acknowledges or relies on events the store accepted but has not made durable, and a
 * write outside the log (release files) made on the strength of such events, break "nothing
 * acknowledged is lost" when the flush then fails. Each test holds the disk write of the first
 * command, lets the others run as far as they go, then fails the write as a full disk would.
 */
const TINY = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8');

/** A storage medium whose writes complete at once, or (while `hold` is on) wait for the test to complete or fail them. */
function switchableBackend() {
  const kept = new Map<string, AnyEvent[]>();
  const held: { finish(err: Error | null): void }[] = [];
  let arrived: (() => void) | null = null;
  let hold = false;
  const backend: LogBackend = {
    write: (batch) =>
      new Promise((resolve) => {
        const finish = (err: Error | null) => {
          if (!err) for (const b of batch) kept.set(b.sessionId, [...(kept.get(b.sessionId) ?? []), ...b.events]);
          resolve(batch.map(() => err));
        };
        if (!hold) return finish(null);
        held.push({ finish });
        arrived?.();
      }),
    read: async (sessionId, from, to) => (kept.get(sessionId) ?? []).slice(from - 1, to),
    saveSnapshot: async () => undefined,
    loadSnapshot: async () => null,
  };
  return {
    backend,
    kept,
    holdWrites: () => (hold = true),
    /** The first held write, once it arrived; from then on writes complete at once again. */
    async takeHeld() {
      while (held.length === 0) await new Promise<void>((r) => (arrived = r));
      hold = false;
      return held.shift()!;
    },
  };
}

/** Resolves with the first of `p` and a `ms` timer (true when `p` came first); never throws. */
const firstOf = (p: Promise<unknown>, ms: number) =>
  new Promise<boolean>((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    void p.then(
      () => (clearTimeout(t), resolve(true)),
      () => (clearTimeout(t), resolve(true)),
    );
  });

async function routedBoard(options: { maxCachedSessions?: number } = {}) {
  const disk = switchableBackend();
  const store = createLogStore({ signer: ephemeralLogSigner(), backend: disk.backend });
  const workspaceDir = tempDir('zt-ws-');
  const runtime = await composeRuntime({ workspaceDir, store, clock: steppingClock(), allowSelfApproval: true, workerThreads: 2, ...options });
  const client = await mcpClient(runtime, localPrincipal('release-export'));
  const sid = (await callTool(client, 'session_create')).data.session_id as string;
  const c = (name: string, args: Record<string, unknown> = {}) => callTool(client, name, { session_id: sid, design_name: 'led', ...args });
  expect((await c('design_parse_str', { yaml_content: TINY })).isError).toBe(false);
  return { disk, store, runtime, workspaceDir, client, sid, c };
}

const keyed = (client: Client, name: string, args: Record<string, unknown>, key: string) =>
  client.callTool({ name, arguments: args, _meta: { idempotency_key: key } }).then((r) => ({ isError: r.isError === true, data: r.structuredContent as Record<string, any> }));

const filesUnder = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir) : []);

describe('pipelined commits: nothing answered or written on the strength of events not yet durable', () => {
  it('a same-key retry of a heavy call is not answered "ok" with the first call\'s outcome before that outcome is durable', async () => {
    const { disk, store, runtime, client, sid } = await routedBoard();
    disk.holdWrites();
    const args = { session_id: sid, design_name: 'led', seed: 3 };
    const first = keyed(client, 'place_components', args, 'place-1');
    const retry = keyed(client, 'place_components', args, 'place-1');
    let answers = 0;
    const counted = (p: Promise<unknown>) => p.then(() => answers++);
    const anyAnswer = Promise.race([counted(first), counted(retry)]);
    const held = await disk.takeHeld(); // the first finished placement is accepted, its write is held
    // Either an answer comes while nothing is durable (the defect), or nobody answers for a while.
    await firstOf(anyAnswer, 3000);
    const answeredWhileHeld = answers;
    held.finish(new Error('ENOSPC'));
    const outcomes = await Promise.all([first, retry]);
    const placedInLog = (await store.read(sid)).filter((e) => e.type === 'ComponentsPlaced').length;
    const okAnswers = outcomes.filter((o) => !o.isError).length;
    // Every "ok" is a placement in the log (one key: at most one placement recorded).
    expect({ okAnswers, placedInLog }).toEqual({ okAnswers: placedInLog, placedInLog });
    expect(answeredWhileHeld).toBe(0);
    await client.close();
    await runtime.close();
  });

  it('a release export does not pass the gate on an approval whose write is still in flight, nor write files when that write fails', async () => {
    const { disk, runtime, workspaceDir, client, sid, c } = await routedBoard();
    expect((await c('place_components', { seed: 3 })).data.unplaced).toEqual([]);
    expect((await c('route_nets')).data.completion.complete).toBe(true);
    expect((await c('erc_validate')).data.passed).toBe(true);
    expect((await c('drc_run')).data.passed).toBe(true);
    disk.holdWrites();
    const approval = c('design_commit', { approval_id: 'APR-1', statement: 'checked' });
    const held = await disk.takeHeld(); // the approval is accepted, not durable
    let progressed = false;
    const exported = client
      .callTool({ name: 'export_kicad', arguments: { session_id: sid, design_name: 'led', approval_id: 'APR-1', output_dir: 'fab' } }, undefined, {
        onprogress: () => (progressed = true),
        resetTimeoutOnProgress: true,
      })
      .then((r) => ({ isError: r.isError === true, data: r.structuredContent as Record<string, any> }));
    // The export builds its files in a worker once past the gate (progress says it started), or it waits.
    const started = new Promise<void>((resolve) => {
      const poll = () => (progressed ? resolve() : setTimeout(poll, 10));
      poll();
    });
    await firstOf(started, 3000);
    held.finish(new Error('ENOSPC'));
    expect((await approval).data.error.code).toBe('STORE_UNAVAILABLE');
    const out = await exported;
    expect(out.isError).toBe(true);
    // The approval never became durable: no release file may exist on its strength.
    expect(filesUnder(join(workspaceDir, 'fab'))).toEqual([]);
    await client.close();
    await runtime.close();
  });

  it('a session with writes in flight is not evicted from the state cache: its next command builds on them, and a keyed retry finds its outcome', async () => {
    const { disk, store, runtime, client, sid } = await routedBoard({ maxCachedSessions: 1 });
    disk.holdWrites();
    const addArgs = { session_id: sid, design_name: 'led', ref: 'R77', type_name: 'RES', value: '1k' };
    const first = keyed(client, 'component_add', addArgs, 'add-r77');
    const held = await disk.takeHeld(); // R77 accepted, its write held
    // Another session's command: its accepted state takes the cache's one place.
    const other = callTool(client, 'session_create');
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    const next = callTool(client, 'component_add', { session_id: sid, design_name: 'led', ref: 'R78', type_name: 'RES', value: '1k' });
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    held.finish(null);
    const firstOut = await first;
    expect(firstOut.isError).toBe(false);
    expect((await other).isError).toBe(false);
    // Nobody else wrote to the session: the command after R77 is no stale state.
    expect((await next).data.error?.code).toBeUndefined();
    const before = (await store.read(sid)).length;
    const again = await keyed(client, 'component_add', addArgs, 'add-r77');
    expect(again).toEqual(firstOut);
    expect((await store.read(sid)).length).toBe(before);
    await client.close();
    await runtime.close();
  });
  it('a write that reads the log (design_snapshot: labels are never moved) sees the commands accepted before it, not only the durable ones', async () => {
    const { disk, store, runtime, client, sid, c } = await routedBoard();
    disk.holdWrites();
    const first = c('design_snapshot', { label: 'v1' });
    const held = await disk.takeHeld(); // the first label is accepted, its write held
    const second = c('design_snapshot', { label: 'v1' });
    await new Promise((r) => setTimeout(r, 300)); // the second runs meanwhile, or waits for the first
    held.finish(null);
    const outcomes = [await first, await second];
    expect(outcomes[0]!.isError).toBe(false);
    expect(outcomes[1]!.data.error?.code).toBe('INVALID_INPUT');
    const labels = (await store.read(sid)).filter((e) => e.type === 'SnapshotLabeled').map((e) => (e.data as { label: string }).label);
    expect(labels).toEqual(['v1']);
    await client.close();
    await runtime.close();
  });
});
