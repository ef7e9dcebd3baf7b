import type { AnyEvent } from '../events/types.js';
import type { LogSigner } from './log-key.js';
import { signBatch, type SignedHead } from './signed-head.js';

/**
 * Group commit shared by the store adapters (docs/log-integrity.md): appends queue while a flush is in
 * flight and go out together in the next one, which signs one head per session touched with a single
 * signature over the batch.
 */
export interface PendingAppend {
  sessionId: string;
  events: readonly AnyEvent[];
  resolve: (head: SignedHead) => void;
  reject: (err: unknown) => void;
}

export interface FlushGroup {
  ids: string[];
  appendsOf(sessionId: string): PendingAppend[];
  eventsOf(sessionId: string): AnyEvent[];
  /** The signed head of each session, in the order of `ids`. */
  heads: SignedHead[];
}

/** Groups a batch of appends by session and signs their heads. */
export function groupForFlush(batch: readonly PendingAppend[], signer: LogSigner, time: string): FlushGroup {
  const bySession = new Map<string, PendingAppend[]>();
  for (const p of batch) {
    const list = bySession.get(p.sessionId);
    if (list) list.push(p);
    else bySession.set(p.sessionId, [p]);
  }
  const ids = [...bySession.keys()];
  // Each session's events, gathered once (a lone append, the common case, is used as it is).
  const events = new Map<string, AnyEvent[]>();
  const tips: { session_id: string; seq: number; hash: string }[] = [];
  for (const id of ids) {
    const ps = bySession.get(id)!;
    const evs = ps.length === 1 ? (ps[0]!.events as AnyEvent[]) : ps.flatMap((p) => p.events);
    events.set(id, evs);
    const last = evs[evs.length - 1]!;
    tips.push({ session_id: id, seq: last.seq, hash: last.hash });
  }
  return { ids, appendsOf: (id) => bySession.get(id)!, eventsOf: (id) => events.get(id)!, heads: signBatch(signer, tips, time) };
}

/**
 * A queue that flushes on the next turn of the event loop and keeps flushing while appends arrive
 * during a flush: the appends of one turn, and of every flush's wait, share one write.
 */
export function createFlushQueue(flush: (batch: PendingAppend[]) => Promise<void>) {
  let pending: PendingAppend[] = [];
  let flushing = false;
  return {
    /**
     * Rejects and removes the queued appends of one session (its flush failed): they extend events
     * that were never written, so they must not be written either.
     */
    dropSession(sessionId: string, err: unknown): void {
      const dropped = pending.filter((p) => p.sessionId === sessionId);
      if (dropped.length === 0) return;
      pending = pending.filter((p) => p.sessionId !== sessionId);
      for (const p of dropped) p.reject(err);
    },
    push(append: PendingAppend): void {
      pending.push(append);
      if (flushing) return;
      flushing = true;
      setImmediate(() => {
        void (async () => {
          while (pending.length > 0) {
            const batch = pending;
            pending = [];
            await flush(batch);
          }
          flushing = false;
        })();
      });
    },
  };
}
