import { describe, expect, it } from 'vitest';
import { ZapTraceError } from '../../src/kernel/errors.js';
import { GENESIS_HASH } from '../../src/runtime/events/chain.js';
import { sealEvent } from '../../src/runtime/events/stored-line.js';
import type { AnyEvent } from '../../src/runtime/events/types.js';
import { ephemeralLogSigner } from '../../src/runtime/store/log-key.js';
import { createLogStore, type LogBackend } from '../../src/runtime/store/log-store.js';

/**
 * Pipelined commits (session-commit.ts) queue a session's next append behind a flush in flight. If the
 * session is found damaged meanwhile (a read sees its file changed on disk, as the file backend
 * reports it), it is quarantined: "left byte for byte, answered SESSION_QUARANTINED" (contract.md,
 * "The log can be trusted"). An append still queued then must be refused, not written into the
 * quarantined file and acknowledged.
 */
function eventAfter(sessionId: string, prev: { seq: number; hash: string }, type = 'SessionCreated'): AnyEvent {
  return sealEvent({ seq: prev.seq + 1, id: `e${prev.seq + 1}`, type, v: 1, at: '2026-12-04T00:00:00.000Z', session_id: sessionId, actor: { principal: 'p', actor: 'a', surface: 'cli', auth_source: 'config' }, request_id: 'r', data: { owner: 'p' }, prev_hash: prev.hash });
}

describe('pipelined commits and quarantine', () => {
  it('an append queued behind a flush is refused SESSION_QUARANTINED, and not written, once a read found the session damaged', async () => {
    const writes: string[] = [];
    const held: ((err: Error | null) => void)[] = [];
    let arrived: (() => void) | null = null;
    let damaged = false;
    const backend: LogBackend = {
      write: (batch) =>
        new Promise((resolve) => {
          held.push((err) => {
            if (!err) writes.push(...batch.map((b) => b.text));
            resolve(batch.map(() => err));
          });
          arrived?.();
        }),
      // What the file backend does when a line no longer hashes to what it wrote (file-store.ts).
      read: async () => {
        if (damaged) throw new ZapTraceError('SESSION_QUARANTINED', 'changed on disk', { line: 0, seq: 1, reason: 'event 1 changed on disk after it was verified' });
        return [];
      },
      saveSnapshot: async () => undefined,
      loadSnapshot: async () => null,
    };
    const nextWrite = async () => {
      while (held.length === 0) await new Promise<void>((r) => (arrived = r));
      return held.shift()!;
    };
    const store = createLogStore({ signer: ephemeralLogSigner(), backend });
    const sid = 'S1';
    const a = eventAfter(sid, { seq: 0, hash: GENESIS_HASH });
    const a2 = eventAfter(sid, a, 'ToolAuthorized');
    const first = store.append(sid, [a, a2], 0);
    (await nextWrite())(null);
    await first;

    const b = eventAfter(sid, a2, 'ToolAuthorized');
    const second = store.append(sid, [b], 2);
    const write2 = await nextWrite(); // b is on its way to the disk
    const c = eventAfter(sid, b, 'ToolAuthorized');
    let cAccepted = false;
    const third = store.append(sid, [c], 3, () => (cAccepted = true)); // pipelined behind b
    expect(cAccepted).toBe(true);
    damaged = true;
    await expect(store.read(sid)).rejects.toMatchObject({ code: 'SESSION_QUARANTINED' });
    expect(store.quarantineOf(sid)).not.toBeNull();
    write2(null);
    await second;
    // The third append would be written into the quarantined file; it must be refused instead.
    const thirdWrite = Promise.race([nextWrite().then((w) => (w(null), 'written' as const)), third.then(() => 'acknowledged' as const, (e: { code?: string }) => e.code ?? 'error')]);
    expect(await thirdWrite).toBe('SESSION_QUARANTINED');
    await expect(third).rejects.toMatchObject({ code: 'SESSION_QUARANTINED' });
    expect(writes.join('')).not.toContain(`"id":"${c.id}"`);
  });
});
