import type { Observable } from 'rxjs';
import type { AnyEvent } from '../events/types.js';

/**
 * The EventStore port (architecture.md, "Ports and adapters"). Async throughout so file and
 * PostgreSQL adapters fit. `append` is optimistic: it fails with STALE_STATE unless the session's
 * last seq equals `expectedSeq` (0 for a new session). Events arrive fully formed (seq, hashes),
 * and the store re-checks the link to its own head before accepting them.
 */
export interface EventStore {
  append(sessionId: string, events: readonly AnyEvent[], expectedSeq: number): Promise<void>;
  read(sessionId: string, range?: { from?: number; to?: number }): Promise<AnyEvent[]>;
  /** Live events after subscription; all sessions when no id is given. */
  stream(sessionId?: string): Observable<AnyEvent>;
  sessions(): Promise<string[]>;
  head(sessionId: string): Promise<{ seq: number; hash: string } | null>;
}
