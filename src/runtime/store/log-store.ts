import { Subject, filter, type Observable } from 'rxjs';
import { ZapTraceError } from '../../kernel/errors.js';
import { GENESIS_HASH } from '../events/chain.js';
import type { AnyEvent } from '../events/types.js';
import type { EventStore, StoreStatus, QuarantinedSession } from './event-store.js';
import type { LogSigner } from './log-key.js';
import { signBatch, type SignedHead } from './signed-head.js';

/**
 * Where flushed batches go. `write` makes each session's text durable (written whole and synced) or
 * reports that session's error, having cut its file back to the last good length.
 */
export interface LogBackend {
  write(batch: readonly { sessionId: string; text: string }[]): Promise<(Error | null)[]>;
}

export interface LoadedSession {
  events: AnyEvent[];
  lastHead: SignedHead | null;
}

export interface LogStoreOptions {
  signer: LogSigner;
  backend?: LogBackend;
  initial?: Map<string, LoadedSession>;
  quarantined?: Map<string, QuarantinedSession>;
  status?: () => StoreStatus;
  now?: () => Date;
}

interface Pending {
  sessionId: string;
  events: readonly AnyEvent[];
  resolve: (head: SignedHead) => void;
  reject: (err: unknown) => void;
}

/** Seconds a client is told to wait after the store could not make a write durable. */
const STORE_RETRY_SECONDS = 5;

/**
 * The integrity layer every adapter shares (architecture.md, "Ports and adapters"): optimistic
 * appends, group commit (appends that arrive while a flush is in flight share the next write and
 * sync), one signed head per session per flushed batch, and acknowledgement only once the backend
 * says the batch is durable. Without a backend (the embedded default) a batch is durable in memory.
 */
export function createLogStore(options: LogStoreOptions): EventStore {
  const { signer, backend } = options;
  const now = options.now ?? (() => new Date());
  const logs = new Map<string, AnyEvent[]>();
  const heads = new Map<string, SignedHead>();
  for (const [id, s] of options.initial ?? []) {
    logs.set(id, s.events.map((e) => Object.freeze(e)));
    if (s.lastHead) heads.set(id, s.lastHead);
  }
  const quarantined = options.quarantined ?? new Map<string, QuarantinedSession>();
  /** Seq and hash after every accepted (possibly not yet durable) append. */
  const tips = new Map<string, { seq: number; hash: string }>();
  const live = new Subject<AnyEvent>();
  let pending: Pending[] = [];
  let flushing = false;

  const durableTip = (id: string) => {
    const log = logs.get(id);
    const last = log?.[log.length - 1];
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  };

  const assertServed = (sessionId: string) => {
    const q = quarantined.get(sessionId);
    if (q) {
      throw new ZapTraceError('SESSION_QUARANTINED', `the stored log of this session failed verification at line ${q.line}: ${q.reason}; it is kept unchanged for the operator`, {
        line: q.line,
        reason: q.reason,
      });
    }
  };

  async function flush(): Promise<void> {
    const batch = pending;
    pending = [];
    const bySession = new Map<string, Pending[]>();
    for (const p of batch) bySession.set(p.sessionId, [...(bySession.get(p.sessionId) ?? []), p]);
    const ids = [...bySession.keys()];
    const lastOf = (id: string) => {
      const ps = bySession.get(id)!;
      const evs = ps[ps.length - 1]!.events;
      return evs[evs.length - 1]!;
    };
    const signed = signBatch(
      signer,
      ids.map((id) => ({ session_id: id, seq: lastOf(id).seq, hash: lastOf(id).hash })),
      now().toISOString(),
    );
    const texts = ids.map((id, i) => ({
      sessionId: id,
      text: bySession
        .get(id)!
        .flatMap((p) => p.events.map((e) => `${JSON.stringify(e)}\n`))
        .join('') + `${JSON.stringify({ head: signed[i] })}\n`,
    }));
    let results: (Error | null)[];
    try {
      results = backend ? await backend.write(texts) : ids.map(() => null);
    } catch (err) {
      results = ids.map(() => (err instanceof Error ? err : new Error(String(err))));
    }
    ids.forEach((id, i) => {
      const ps = bySession.get(id)!;
      const error = results[i];
      if (error) {
        tips.delete(id); // back to the durable head: nothing of this batch happened
        const failure = new ZapTraceError('STORE_UNAVAILABLE', 'the event store could not make this write durable; nothing was recorded, retry later', {
          retry_after_seconds: STORE_RETRY_SECONDS,
        });
        for (const p of ps) p.reject(failure);
        return;
      }
      const log = logs.get(id) ?? [];
      for (const p of ps) for (const e of p.events) log.push(Object.freeze(e));
      logs.set(id, log);
      heads.set(id, signed[i]!);
      for (const p of ps) {
        for (const e of p.events) live.next(e);
        p.resolve(signed[i]!);
      }
    });
  }

  function schedule() {
    if (flushing) return;
    flushing = true;
    setImmediate(() => {
      void (async () => {
        while (pending.length > 0) await flush();
        flushing = false;
      })();
    });
  }

  return {
    async append(sessionId, events, expectedSeq) {
      assertServed(sessionId);
      const tip = tips.get(sessionId) ?? durableTip(sessionId);
      if (tip.seq !== expectedSeq) {
        throw new ZapTraceError('STALE_STATE', 'the session log moved on; re-read and retry', { expected_seq: expectedSeq, actual_seq: tip.seq });
      }
      if (events.length === 0) return heads.get(sessionId) ?? null;
      let prev = tip.hash;
      events.forEach((e, i) => {
        if (e.seq !== tip.seq + i + 1 || e.prev_hash !== prev || e.session_id !== sessionId) {
          throw new ZapTraceError('STALE_STATE', 'events do not extend the session head', { seq: e.seq });
        }
        prev = e.hash;
      });
      tips.set(sessionId, { seq: tip.seq + events.length, hash: prev });
      return new Promise<SignedHead>((resolve, reject) => {
        pending.push({ sessionId, events, resolve, reject });
        schedule();
      });
    },
    async read(sessionId, range = {}) {
      assertServed(sessionId);
      const log = logs.get(sessionId) ?? [];
      const from = Math.max(1, range.from ?? 1);
      const to = Math.min(log.length, range.to ?? log.length);
      return log.slice(from - 1, to);
    },
    stream(sessionId?: string): Observable<AnyEvent> {
      return sessionId === undefined ? live.asObservable() : live.pipe(filter((e) => e.session_id === sessionId));
    },
    async sessions() {
      return [...new Set([...logs.keys(), ...quarantined.keys()])];
    },
    async head(sessionId) {
      assertServed(sessionId);
      const t = durableTip(sessionId);
      return t.seq === 0 ? null : t;
    },
    async signedHead(sessionId) {
      assertServed(sessionId);
      return heads.get(sessionId) ?? null;
    },
    publicKeyPem: signer.publicKeyPem,
    signer,
    quarantineOf: (sessionId) => quarantined.get(sessionId) ?? null,
    status: () => options.status?.() ?? { quarantined: [...quarantined.entries()].map(([session_id, q]) => ({ session_id, ...q })), repairs: [] },
  };
}
