import { Subject, filter, type Observable } from 'rxjs';
import { ZapTraceError } from '../../kernel/errors.js';
import { GENESIS_HASH } from '../events/chain.js';
import type { AnyEvent } from '../events/types.js';
import type { EventStore } from './event-store.js';

export interface MemoryStoreOptions {
  /** Logs to start from (the file adapter passes what it read from disk). */
  initial?: Map<string, AnyEvent[]>;
  /** Durably records checked events before they are acknowledged; throwing aborts the append. */
  persist?: (sessionId: string, events: readonly AnyEvent[]) => void;
}

/** The embedded default: per-session arrays, append-only. Other adapters add persistence to it. */
export function createMemoryEventStore(options: MemoryStoreOptions = {}): EventStore {
  const logs = options.initial ?? new Map<string, AnyEvent[]>();
  const live = new Subject<AnyEvent>();

  return {
    async append(sessionId, events, expectedSeq) {
      const log = logs.get(sessionId) ?? [];
      const last = log.length;
      if (last !== expectedSeq) {
        throw new ZapTraceError('STALE_STATE', 'the session log moved on; re-read and retry', {
          expected_seq: expectedSeq,
          actual_seq: last,
        });
      }
      let prev = log[last - 1]?.hash ?? GENESIS_HASH;
      events.forEach((e, i) => {
        if (e.seq !== last + i + 1 || e.prev_hash !== prev || e.session_id !== sessionId) {
          throw new ZapTraceError('STALE_STATE', 'events do not extend the session head', { seq: e.seq });
        }
        prev = e.hash;
      });
      options.persist?.(sessionId, events);
      for (const e of events) log.push(Object.freeze(e));
      logs.set(sessionId, log);
      for (const e of events) live.next(e);
    },
    async read(sessionId, range = {}) {
      const log = logs.get(sessionId) ?? [];
      const from = Math.max(1, range.from ?? 1);
      const to = Math.min(log.length, range.to ?? log.length);
      return log.slice(from - 1, to);
    },
    stream(sessionId?: string): Observable<AnyEvent> {
      return sessionId === undefined ? live.asObservable() : live.pipe(filter((e) => e.session_id === sessionId));
    },
    async sessions() {
      return [...logs.keys()];
    },
    async head(sessionId) {
      const log = logs.get(sessionId);
      const last = log?.[log.length - 1];
      return last ? { seq: last.seq, hash: last.hash } : null;
    },
  };
}
