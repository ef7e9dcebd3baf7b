import { resolve } from 'node:path';
import { createStateCache } from '../../runtime/state-cache.js';
import type { SessionState } from '../../runtime/projections/session-state.js';
import { createFileEventStore } from '../../runtime/store/file-store.js';

/**
 * `zaptrace replay --store DIR --session ID [--to SEQ]`: a session straight from a store directory,
 * read-only (no writer lock, nothing cut). Its file is verified as the server would, then the state
 * is rebuilt from the newest snapshot at or before SEQ plus the events after it
 * (docs/log-integrity.md, "Bounded memory"), not from the first event.
 */
export async function replayFromStore(dir: string, sessionId: string, to: number | undefined): Promise<{ state: SessionState; fromSnapshot: number }> {
  const store = createFileEventStore(resolve(dir), { readOnly: true, only: sessionId });
  try {
    const head = await store.head(sessionId); // a quarantined session throws SESSION_QUARANTINED here
    if (!head) throw new Error('no such session in this store');
    const target = Math.min(to ?? head.seq, head.seq);
    const cache = createStateCache({ store, maxSessions: 1, snapshotEvery: Number.MAX_SAFE_INTEGER, onLoaded: () => undefined, extra: { save: () => null, restore: () => undefined } });
    const rebuilt = (await cache.atFrom(sessionId, target))!;
    return { state: rebuilt.state, fromSnapshot: rebuilt.fromSnapshot };
  } finally {
    store.close();
  }
}
