import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import type { AnyEvent } from '../../src/runtime/events/types.js';
import { GENESIS_HASH } from '../../src/runtime/events/chain.js';
import { sealEvent } from '../../src/runtime/events/stored-line.js';
import { replay } from '../../src/runtime/projections/session-state.js';
import { createFileEventStore } from '../../src/runtime/store/file-store.js';
import { ephemeralLogSigner } from '../../src/runtime/store/log-key.js';
import { createLogStore, type LogBackend } from '../../src/runtime/store/log-store.js';
import { parseLog, verifyParsedLog } from '../../src/runtime/store/verify-log.js';
import { callTool, localPrincipal, mcpClient, tempDir } from '../helpers/harness.js';
import { canMountTmpfs, fillDisk, mountSmallTmpfs } from '../helpers/full-disk.js';

/**
 * Commands of one session in flight together (session-commit.ts, "Pipelined commits"): the next command
 * builds on events the store accepted but has not yet made durable, so they share flushes and signed
 * heads, while every call still answers only once its own events are durable (contract.md, "The log
 * can be trusted") and a failed flush takes every command built on it down with it.
 */
const SMALL = "meta: {name: demo}\nboard: {width_mm: 20, height_mm: 10, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";
const IN_FLIGHT = 32;

async function fileStoreSession(dir: string) {
  const store = createFileEventStore(dir);
  const runtime = await composeRuntime({ workspaceDir: tempDir(), store });
  const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
  const sid = (await callTool(client, 'session_create')).data.session_id as string;
  expect((await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: SMALL, design_name: 'demo' })).isError).toBe(false);
  return { store, runtime, client, sid, file: join(dir, `${sid}.jsonl`) };
}

/** IN_FLIGHT component_add calls of one session issued at once; the refs whose call was answered ok, and the error codes. */
async function addAtOnce(client: Awaited<ReturnType<typeof mcpClient>>, sid: string, prefix: string) {
  const answers = await Promise.all(
    Array.from({ length: IN_FLIGHT }, (_, i) => callTool(client, 'component_add', { session_id: sid, design_name: 'demo', ref: `${prefix}${i}`, type_name: 'RES', value: '1k' })),
  );
  return {
    acked: answers.flatMap((a, i) => (a.isError ? [] : [`${prefix}${i}`])),
    codes: answers.flatMap((a) => (a.isError ? [a.data.error.code as string] : [])),
  };
}

const addedRefs = (events: readonly AnyEvent[]) => events.filter((e) => e.type === 'ComponentAdded').map((e) => (e.data as { component: { ref: string } }).component.ref);

/**
 * A storage medium whose writes the test completes, or fails as a full disk would, one at a time: the
 * log store's own flush order and cascade are under test, at a failure no real disk times on demand.
 */
function heldBackend() {
  const written: string[] = [];
  const kept = new Map<string, AnyEvent[]>();
  const calls: { text: string; finish(err: Error | null): void }[] = [];
  let arrived: (() => void) | null = null;
  const backend: LogBackend = {
    write: (batch) =>
      new Promise((resolve) => {
        calls.push({
          text: batch.map((b) => b.text).join(''),
          finish: (err) => {
            if (!err) {
              written.push(...batch.map((b) => b.text));
              for (const b of batch) kept.set(b.sessionId, [...(kept.get(b.sessionId) ?? []), ...b.events]);
            }
            resolve(batch.map(() => err));
          },
        });
        arrived?.();
      }),
    read: async (sessionId, from, to) => (kept.get(sessionId) ?? []).slice(from - 1, to),
    saveSnapshot: async () => undefined,
    loadSnapshot: async () => null,
  };
  const nextWrite = async () => {
    while (calls.length === 0) await new Promise<void>((r) => (arrived = r));
    return calls.shift()!;
  };
  return { backend, written, nextWrite };
}

function eventAfter(sessionId: string, prev: { seq: number; hash: string }, type = 'SessionCreated') {
  return sealEvent({ seq: prev.seq + 1, id: `e${prev.seq + 1}`, type, v: 1, at: '2026-12-04T00:00:00.000Z', session_id: sessionId, actor: { principal: 'p', actor: 'a', surface: 'cli', auth_source: 'config' }, request_id: 'r', data: { owner: 'p' }, prev_hash: prev.hash });
}

describe('pipelined commits in one session', () => {
  it('an append accepted on top of a batch whose write fails is refused with it and never written; the next append extends the durable tip', async () => {
    const { backend, written, nextWrite } = heldBackend();
    const store = createLogStore({ signer: ephemeralLogSigner(), backend });
    const sid = 'S1';
    const a = eventAfter(sid, { seq: 0, hash: GENESIS_HASH });
    let aAccepted = false;
    const first = store.append(sid, [a], 0, () => (aAccepted = true));
    expect(aAccepted).toBe(true); // accepted synchronously, before anything is durable
    const write1 = await nextWrite(); // the flush carrying `a` is in flight
    const b = eventAfter(sid, a, 'ToolAuthorized');
    const second = store.append(sid, [b], 1); // builds on `a`, queued for the next flush
    write1.finish(new Error('ENOSPC'));
    await expect(first).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(second).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    // A command that built on the lost batch before it knew is refused as the write was, not as a moved log.
    await expect(store.append(sid, [eventAfter(sid, b, 'ToolAuthorized')], 2)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(await store.head(sid)).toBeNull();

    const again = eventAfter(sid, { seq: 0, hash: GENESIS_HASH });
    const third = store.append(sid, [again], 0);
    (await nextWrite()).finish(null);
    expect((await third)!.seq).toBe(1);
    expect(written).toHaveLength(1);
    expect(written[0]).toContain(again.id);
    expect(written.join('')).not.toContain(`"id":"${b.id}"`);
    expect(await store.head(sid)).toEqual({ seq: 1, hash: again.hash });
  });

  it('a read in the session waits for the writes before it to be durable, and never shows one whose write failed', async () => {
    const { backend, nextWrite } = heldBackend();
    const store = createLogStore({ signer: ephemeralLogSigner(), backend });
    const runtime = await composeRuntime({ workspaceDir: tempDir(), store });
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    /** Completes every write until `p` settles (the setup calls). */
    const completing = async <T>(p: Promise<T>): Promise<T> => {
      let done = false;
      void p.finally(() => (done = true)).catch(() => undefined);
      const pump = (async () => {
        while (!done) {
          const w = await Promise.race([nextWrite(), p.then(() => null, () => null)]);
          w?.finish(null);
        }
      })();
      const out = await p;
      await pump;
      return out;
    };
    const sid = (await completing(callTool(client, 'session_create'))).data.session_id as string;
    expect((await completing(callTool(client, 'design_parse_str', { session_id: sid, yaml_content: SMALL, design_name: 'demo' }))).isError).toBe(false);
    const before = (await callTool(client, 'design_list', { session_id: sid })).data.designs[0];

    const write = callTool(client, 'component_add', { session_id: sid, design_name: 'demo', ref: 'R9', type_name: 'RES', value: '1k' });
    const held = await nextWrite(); // R9's events are accepted and on their way to the disk
    let readDone = false;
    const read = callTool(client, 'design_list', { session_id: sid }).finally(() => (readDone = true));
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(readDone).toBe(false);
    // Outside the session's turn the last durable state is served, without R9.
    expect((await runtime.state(sid)).designs['demo']!.hash).toBe(before.design_hash);
    held.finish(new Error('EIO'));
    expect((await write).data.error.code).toBe('STORE_UNAVAILABLE');
    const after = (await read).data.designs[0];
    expect(after.design_hash).toBe(before.design_hash);
    expect(after.components).toBe(before.components);
    await client.close();
  });

  it('32 calls in flight share flushes; the stored file verifies (chain and every signature) and replays to the live state', async () => {
    const dir = tempDir('zt-pipeline-');
    const { store, runtime, client, sid, file } = await fileStoreSession(dir);
    const { acked, codes } = await addAtOnce(client, sid, 'P');
    expect(codes).toEqual([]);
    expect(acked).toHaveLength(IN_FLIGHT);

    const parsed = parseLog(readFileSync(file));
    const verdict = verifyParsedLog(parsed, { publicKey: store.publicKeyPem, everySignature: true });
    expect(verdict.ok).toBe(true);
    // Every call is its own audit event and design event; far fewer signed heads than calls means shared flushes.
    const heads = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('{"head"')).length;
    expect(heads).toBeLessThanOrEqual(IN_FLIGHT / 2);

    const events = await store.read(sid);
    expect(addedRefs(events).sort()).toEqual([...acked].sort());
    const live = await runtime.state(sid);
    expect(live.seq).toBe(events.length);
    expect(replay(events).designs['demo']!.hash).toBe(live.designs['demo']!.hash);
    await client.close();
    store.close();
  });
});

/** A real full filesystem (test/helpers/full-disk.ts), as in test/surfaces/store-faults.test.ts. */
describe.skipIf(!canMountTmpfs && process.env['CI'] !== 'true')('pipelined commits on a full disk', () => {
  it('a flush that fails fails every call built on it: nothing unacknowledged is stored, nothing acknowledged is missing, and the session goes on once space returns', async () => {
    const { mnt, dir } = mountSmallTmpfs();
    try {
      const { store, runtime, client, sid, file } = await fileStoreSession(dir);
      const filler = fillDisk(mnt);
      const full = await addAtOnce(client, sid, 'F');
      expect(full.codes.length).toBeGreaterThan(0);
      expect(new Set(full.codes)).toEqual(new Set(['STORE_UNAVAILABLE']));
      rmSync(filler);
      const after = await addAtOnce(client, sid, 'G');
      expect(after.codes).toEqual([]);

      const verdict = verifyParsedLog(parseLog(readFileSync(file)), { publicKey: store.publicKeyPem, everySignature: true });
      expect(verdict.ok).toBe(true);
      const events = await store.read(sid);
      // Exactly the acknowledged components are in the log: none lost, none written behind a failed flush.
      expect(addedRefs(events).sort()).toEqual([...full.acked, ...after.acked].sort());
      const live = await runtime.state(sid);
      expect(live.seq).toBe(events.length);
      expect(replay(events).designs['demo']!.hash).toBe(live.designs['demo']!.hash);
      await client.close();
      store.close();
    } finally {
      execFileSync('umount', ['-l', mnt]);
    }
  });
});
