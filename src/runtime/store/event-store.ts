import type { Observable } from 'rxjs';
import type { AnyEvent } from '../events/types.js';
import type { SignedHead } from './signed-head.js';
import type { LogSigner } from './log-key.js';

/** A session whose stored log failed verification: served only as SESSION_QUARANTINED. */
export interface QuarantinedSession {
  line: number;
  reason: string;
  /** Owner from the first event, when that line is readable (so strangers still get OBJECT_NOT_AUTHORIZED). */
  owner: string | null;
}

/** A crash tail cut from a session file when the store opened it. */
export interface RepairRecord {
  at: string;
  session_id: string;
  cut_bytes: number;
  cut_events: number;
  kept_events: number;
}

export interface StoreStatus {
  quarantined: (QuarantinedSession & { session_id: string })[];
  repairs: RepairRecord[];
}

/**
 * A projection snapshot stored beside the log (architecture.md, "Ports and adapters"): the state
 * after event `seq`, whose hash was `hash`. Adapters return one only when it is intact (signed with
 * the log key) and `hash` is the hash of event `seq` in the verified log.
 */
export interface Snapshot {
  seq: number;
  hash: string;
  /** The serialized projection (and whatever else the runtime needs to resume from it). */
  payload: string;
}

/**
 * The EventStore port (architecture.md, "Ports and adapters"). Async throughout so file and
 * PostgreSQL adapters fit. `append` is optimistic: it fails with STALE_STATE unless the session's
 * last seq equals `expectedSeq` (0 for a new session). Events arrive fully formed (seq, hashes),
 * and the store re-checks the link to its own head before accepting them. It resolves only once
 * the events are durable, with the signed head of the batch that carried them (a witness).
 */
export interface EventStore {
  /**
   * `onAccepted`, when the adapter supports it, is called synchronously once the events passed the
   * checks and were queued for the next flush: the next append of the session may extend them then,
   * before they are durable (it is written after them, in the same flush or a later one, or fails
   * with them). Adapters that cannot promise that order never call it.
   */
  append(sessionId: string, events: readonly AnyEvent[], expectedSeq: number, onAccepted?: () => void): Promise<SignedHead | null>;
  /**
   * Memory-only stores acknowledge an append the moment they keep it, so they offer it synchronously:
   * the same checks and refusals as `append`, thrown, and the events kept when it returns.
   */
  appendNow?(sessionId: string, events: readonly AnyEvent[], expectedSeq: number): void;
  read(sessionId: string, range?: { from?: number; to?: number }): Promise<AnyEvent[]>;
  /** Live events after subscription; all sessions when no id is given. */
  stream(sessionId?: string): Observable<AnyEvent>;
  sessions(): Promise<string[]>;
  head(sessionId: string): Promise<{ seq: number; hash: string } | null>;
  /**
   * The latest signed head of a session (null before its first): the witness a write answer carries.
   * Durable stores sign every flushed batch before acknowledging it, so it covers the write; memory-only
   * mode signs in rounds a millisecond apart, so there it may trail the last writes by one round.
   */
  signedHead(sessionId: string): Promise<SignedHead | null>;
  /**
   * A signed head covering every event the store holds of the session: what an export of the log ends
   * with. Memory-only mode signs one at once when its last round has not covered the latest writes.
   */
  coveringHead(sessionId: string): Promise<SignedHead | null>;
  /**
   * Other runtime nodes append to the same logs (the PostgreSQL store): a session's cached state must
   * be checked against the store's head before use. Every other store has one writer, this process.
   */
  readonly sharedByNodes?: boolean;
  /** PEM of the key that verifies signed heads. */
  readonly publicKeyPem: string;
  /** The key that signs this store's heads; release manifests are signed with the same key. */
  readonly signer: LogSigner;
  quarantineOf(sessionId: string): QuarantinedSession | null;
  saveSnapshot(sessionId: string, snapshot: Snapshot): Promise<void>;
  /** The newest intact snapshot at or before `atMost` (any position when absent). */
  loadSnapshot(sessionId: string, atMost?: number): Promise<Snapshot | null>;
  status(): StoreStatus;
}
