import { Subject, filter, type Observable } from 'rxjs';
import { ZapTraceError } from '../../kernel/errors.js';
import { GENESIS_HASH } from '../events/chain.js';
import type { AnyEvent } from '../events/types.js';
import { storedLineOf, storedLinePieces } from '../events/stored-line.js';
import type { EventStore, StoreStatus, QuarantinedSession, Snapshot } from './event-store.js';
import type { LogSigner } from './log-key.js';
import { createFlushQueue, groupForFlush, type PendingAppend } from './group-commit.js';
import { signBatch, type SignedHead } from './signed-head.js';
import { LineArena } from './line-arena.js';

/**
 * Where flushed batches go. `write` makes each session's text durable (written whole and synced) or
 * reports that session's error, having cut its file back to the last good length. `read` returns
 * events back from durable storage, checked against what was verified or written.
 */
export interface LogBackend {
  write(batch: readonly { sessionId: string; text: string; events: readonly AnyEvent[] }[]): Promise<(Error | null)[]>;
  read(sessionId: string, from: number, to: number): Promise<AnyEvent[]>;
  saveSnapshot(sessionId: string, snapshot: Snapshot): Promise<void>;
  loadSnapshot(sessionId: string, atMost?: number): Promise<Snapshot | null>;
}

/** What the store keeps of a session in memory: its tip, never its events (unless memory-only). */
export interface SessionTip {
  seq: number;
  hash: string;
  lastHead: SignedHead | null;
  /** The first event (SessionCreated), for ownership lookups without a read. */
  first: AnyEvent | null;
}

export interface LogStoreOptions {
  signer: LogSigner;
  backend?: LogBackend;
  initial?: Map<string, SessionTip>;
  quarantined?: Map<string, QuarantinedSession>;
  status?: () => StoreStatus;
  now?: () => Date;
  /** Memory-only mode: most events held in all; beyond it appends are refused (SERVER_BUSY). */
  maxMemoryEvents?: number;
}

/** Seconds a client is told to wait after the store could not make a write durable. */
const STORE_RETRY_SECONDS = 5;
/**
 * Memory-only mode signs heads in rounds at most this far apart (docs/log-integrity.md, "Memory-only
 * mode"): its log never leaves the process unsigned, so a signature need not wait on every write.
 */
const MEMORY_SIGNING_ROUND_MS = 1;
export const DEFAULT_MAX_MEMORY_EVENTS = 2_000_000;

/**
 * The integrity layer every adapter shares (architecture.md, "Ports and adapters"): optimistic
 * appends, group commit (appends that arrive while a flush is in flight share the next write and
 * sync), one signed head per session per flushed batch, and acknowledgement only once the backend
 * says the batch is durable. Without a backend (the embedded default) events are kept as the UTF-8
 * bytes of their stored lines, off the JavaScript heap (line-arena.ts), and parsed again when read.
 */
export function createLogStore(options: LogStoreOptions): EventStore {
  const { signer, backend } = options;
  const now = options.now ?? (() => new Date());
  const maxMemoryEvents = options.maxMemoryEvents ?? DEFAULT_MAX_MEMORY_EVENTS;
  const tips = new Map<string, SessionTip>(options.initial ?? []);
  const memoryLines = new Map<string, LineArena>();
  const memorySnapshots = new Map<string, Snapshot>();
  let memoryEvents = 0;
  const quarantined = options.quarantined ?? new Map<string, QuarantinedSession>();
  /** Seq and hash after every accepted (possibly not yet durable) append. */
  const accepted = new Map<string, { seq: number; hash: string }>();
  const live = new Subject<AnyEvent>();

  /**
   * Sessions whose last flush failed: an append still extending what that flush lost (a command that
   * built on it before the failure was known) is refused as the write was, not as a moved log.
   */
  const lostTail = new Set<string>();
  const unavailable = () =>
    new ZapTraceError('STORE_UNAVAILABLE', 'the event store could not make this write durable; nothing was recorded, retry later', {
      retry_after_seconds: STORE_RETRY_SECONDS,
    });

  const durableTip = (id: string) => tips.get(id) ?? { seq: 0, hash: GENESIS_HASH, lastHead: null, first: null };

  const assertServed = (sessionId: string) => {
    const q = quarantined.get(sessionId);
    if (q) {
      throw new ZapTraceError('SESSION_QUARANTINED', `the stored log of this session failed verification at line ${q.line}: ${q.reason}; it is kept unchanged for the operator`, {
        line: q.line,
        reason: q.reason,
      });
    }
  };

  async function flush(all: PendingAppend[]): Promise<void> {
    // An append queued behind an earlier flush (a pipelined commit) whose session was quarantined
    // meanwhile is refused, never written: a quarantined log stays byte for byte (contract.md).
    const batch: PendingAppend[] = [];
    for (const p of all) {
      if (!quarantined.has(p.sessionId)) batch.push(p);
      else {
        accepted.delete(p.sessionId);
        try {
          assertServed(p.sessionId);
        } catch (err) {
          p.reject(err);
        }
      }
    }
    if (batch.length === 0) return;
    const { ids, appendsOf, eventsOf, heads: signed } = groupForFlush(batch, signer, now().toISOString());
    const texts = ids.map((id, i) => {
      const events = eventsOf(id);
      return { sessionId: id, events, lines: events.map(storedLineOf), head: signed[i]! };
    });
    let results: (Error | null)[];
    try {
      // Only a store with a backend flushes (memory-only mode keeps appends at once, keepInMemory).
      results = await backend!.write(texts.map((t) => ({ sessionId: t.sessionId, events: t.events, text: `${t.lines.join('\n')}\n${JSON.stringify({ head: t.head })}\n` })));
    } catch (err) {
      results = ids.map(() => (err instanceof Error ? err : new Error(String(err))));
    }
    for (let i = 0; i < texts.length; i++) {
      const { sessionId: id, events, lines, head } = texts[i]!;
      const ps = appendsOf(id);
      if (results[i]) {
        accepted.delete(id); // back to the durable tip: nothing of this batch happened
        lostTail.add(id);
        const failure = unavailable();
        for (const p of ps) p.reject(failure);
        // Appends of this session queued since were accepted on top of this batch: they fail with it.
        queue.dropSession(id, failure);
        continue;
      }
      const last = events[events.length - 1]!;
      const before = durableTip(id);
      tips.set(id, { seq: last.seq, hash: last.hash, lastHead: head, first: before.first ?? events[0] ?? null });
      for (const p of ps) {
        for (const e of p.events) live.next(e);
        p.resolve(head);
      }
    }
  }

  const queue = createFlushQueue(flush);

  /** Refuses an append that does not extend the session's accepted tip, or that memory-only mode has no room for; returns the hash it ends on. */
  function checkedTip(sessionId: string, events: readonly AnyEvent[], expectedSeq: number): string {
    assertServed(sessionId);
    const tip = accepted.get(sessionId) ?? durableTip(sessionId);
    if (tip.seq !== expectedSeq) {
      if (expectedSeq > tip.seq && lostTail.has(sessionId)) throw unavailable();
      throw new ZapTraceError('STALE_STATE', 'the session log moved on; re-read and retry', { expected_seq: expectedSeq, actual_seq: tip.seq });
    }
    if (!backend && memoryEvents + events.length > maxMemoryEvents) {
      throw new ZapTraceError('SERVER_BUSY', `the in-memory store holds its maximum of ${maxMemoryEvents} events; start the server with --store DIR to keep more`, {
        max_memory_events: maxMemoryEvents,
        retry_after_seconds: 60,
      });
    }
    let prev = tip.hash;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.seq !== tip.seq + i + 1 || e.prev_hash !== prev || e.session_id !== sessionId) {
        throw new ZapTraceError('STALE_STATE', 'events do not extend the session head', { seq: e.seq });
      }
      prev = e.hash;
    }
    return prev;
  }

  /**
   * Memory-only mode: the process's memory is all the durability there is, so an append is kept, and
   * acknowledged, the moment it passes the checks. Its sessions' heads are signed in rounds (one
   * signature over every session written since the last round, as a flush signs its batch); whoever
   * takes the log or its head out of the process (`signedHead`) gets one covering every event kept.
   */
  const unsigned = new Set<string>();
  let oldestUnsignedAt = 0;
  let round: ReturnType<typeof setTimeout> | null = null;

  function keepInMemory(sessionId: string, events: readonly AnyEvent[]): void {
    memoryEvents += events.length;
    let lines = memoryLines.get(sessionId);
    if (!lines) memoryLines.set(sessionId, (lines = new LineArena()));
    for (const e of events) {
      const [hashed, rest] = storedLinePieces(e);
      lines.push(hashed, rest);
    }
    const last = events[events.length - 1]!;
    const before = durableTip(sessionId);
    tips.set(sessionId, { seq: last.seq, hash: last.hash, lastHead: before.lastHead, first: before.first ?? events[0] ?? null });
    for (const e of events) live.next(e);
    // A round is due once the oldest unsigned write is a round old: signed here, at the next write, when
    // writes keep coming (they may never let the event loop reach its timers), else by the timer.
    const at = performance.now();
    if (unsigned.size === 0) oldestUnsignedAt = at;
    unsigned.add(sessionId);
    if (at - oldestUnsignedAt >= MEMORY_SIGNING_ROUND_MS) signRound();
    else round ??= setTimeout(signRound, MEMORY_SIGNING_ROUND_MS).unref();
  }

  function signRound(): void {
    if (round) clearTimeout(round);
    round = null;
    if (unsigned.size === 0) return;
    const ids = [...unsigned];
    unsigned.clear();
    const heads = signBatch(
      signer,
      ids.map((id) => ({ session_id: id, seq: durableTip(id).seq, hash: durableTip(id).hash })),
      now().toISOString(),
    );
    ids.forEach((id, i) => tips.set(id, { ...durableTip(id), lastHead: heads[i]! }));
  }

  return {
    async append(sessionId, events, expectedSeq, onAccepted) {
      const prev = checkedTip(sessionId, events, expectedSeq);
      if (events.length === 0) return durableTip(sessionId).lastHead;
      if (!backend) {
        keepInMemory(sessionId, events);
        return durableTip(sessionId).lastHead;
      }
      accepted.set(sessionId, { seq: expectedSeq + events.length, hash: prev });
      lostTail.delete(sessionId);
      onAccepted?.();
      return new Promise<SignedHead>((resolve, reject) => queue.push({ sessionId, events, resolve, reject }));
    },
    ...(backend
      ? {}
      : {
          appendNow(sessionId: string, events: readonly AnyEvent[], expectedSeq: number): void {
            checkedTip(sessionId, events, expectedSeq);
            if (events.length > 0) keepInMemory(sessionId, events);
          },
        }),
    async read(sessionId, range = {}) {
      assertServed(sessionId);
      const tip = durableTip(sessionId);
      const from = Math.max(1, range.from ?? 1);
      const to = Math.min(tip.seq, range.to ?? tip.seq);
      if (to < from) return [];
      if (from === 1 && to === 1 && tip.first) return [tip.first];
      if (!backend) {
        const lines = memoryLines.get(sessionId);
        const out: AnyEvent[] = [];
        for (let i = from - 1; lines && i < Math.min(to, lines.length); i++) out.push(Object.freeze(JSON.parse(lines.at(i)) as AnyEvent));
        return out;
      }
      try {
        return await backend.read(sessionId, from, to);
      } catch (err) {
        if (err instanceof ZapTraceError && err.code === 'SESSION_QUARANTINED') {
          quarantined.set(sessionId, { line: Number(err.details['line'] ?? 0), reason: String(err.details['reason'] ?? 'changed on disk'), owner: null });
        }
        throw err;
      }
    },
    stream(sessionId?: string): Observable<AnyEvent> {
      return sessionId === undefined ? live.asObservable() : live.pipe(filter((e) => e.session_id === sessionId));
    },
    async sessions() {
      return [...new Set([...tips.keys(), ...quarantined.keys()])];
    },
    async head(sessionId) {
      assertServed(sessionId);
      const t = durableTip(sessionId);
      return t.seq === 0 ? null : { seq: t.seq, hash: t.hash };
    },
    async signedHead(sessionId) {
      assertServed(sessionId);
      return durableTip(sessionId).lastHead;
    },
    async coveringHead(sessionId) {
      assertServed(sessionId);
      if (unsigned.has(sessionId)) signRound();
      return durableTip(sessionId).lastHead;
    },
    async saveSnapshot(sessionId, snapshot) {
      assertServed(sessionId);
      if (backend) await backend.saveSnapshot(sessionId, snapshot);
      else memorySnapshots.set(sessionId, snapshot);
    },
    async loadSnapshot(sessionId, atMost) {
      assertServed(sessionId);
      if (backend) return backend.loadSnapshot(sessionId, atMost);
      const s = memorySnapshots.get(sessionId);
      return s && s.seq <= (atMost ?? Number.MAX_SAFE_INTEGER) ? s : null;
    },
    publicKeyPem: signer.publicKeyPem,
    signer,
    quarantineOf: (sessionId) => quarantined.get(sessionId) ?? null,
    status: () => options.status?.() ?? { quarantined: [...quarantined.entries()].map(([session_id, q]) => ({ session_id, ...q })), repairs: [] },
  };
}
