import type { AnyEvent } from './events/types.js';
import { emptySessionState, replay, type SessionState } from './projections/session-state.js';
import type { EventStore } from './store/event-store.js';

/**
 * Projections in memory, bounded (contract.md, "Always answering": memory is bounded). The most
 * recently used sessions keep their state; idle ones leave memory and come back from the store on
 * demand: from the latest snapshot (verified against the log by the store) plus the events after it,
 * so a cold read costs the events since the snapshot, not the whole log. A snapshot is written every
 * `snapshotEvery` events, or every `snapshotWeight` events when that is larger: writing a snapshot
 * costs about as much as folding one event per component it holds, so on a 50,000-part design a
 * snapshot per 1,000 edits would cost each edit more than the edit itself (docs/design-hash.md).
 */
export interface StateCacheOptions {
  store: EventStore;
  maxSessions: number;
  snapshotEvery: number;
  /** Sees every event folded on a cold load (the idempotency index learns from them). */
  onLoaded(events: readonly AnyEvent[]): void;
  /** Extra data to keep in a snapshot, and to restore from one (idempotency records). */
  extra: { save(sessionId: string, upToSeq: number): unknown; restore(sessionId: string, data: unknown): void };
}

/** Components across the session's designs: what a snapshot's size and its write cost grow with. */
function snapshotWeight(state: SessionState): number {
  let n = 0;
  for (const name in state.designs) n += state.designs[name]!.component_count;
  return n;
}

/** Events read and folded at a time on a cold load. */
const COLD_LOAD_CHUNK = 5000;

/**
 * 2: design entries carry `sized_to_content`; 3: the state carries `design_hash_format`. A snapshot of
 * another version is ignored and the log replayed.
 */
const SNAPSHOT_VERSION = 3;

interface SnapshotPayload {
  v: typeof SNAPSHOT_VERSION;
  state: SessionState;
  extra: unknown;
}

/** JSON turns prototype-free records into ordinary objects; revive them prototype-free and frozen. */
function revive(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Object.freeze(value);
  return Object.freeze(Object.assign(Object.create(null) as object, value));
}

export function createStateCache(options: StateCacheOptions) {
  const { store } = options;
  const states = new Map<string, SessionState>();
  const snapshotSeq = new Map<string, number>();
  /**
   * Sessions whose cached state holds events accepted by the store but not yet durable
   * (session-commit.ts, "Pipelined commits"): the seq of that state, and the last durable state for readers outside the
   * session's turn. A state ahead of the store's durable head is served to the session's next
   * command as it is, never rebuilt from the log.
   */
  const ahead = new Map<string, { seq: number; durable: SessionState }>();

  /** The session remembered last: already the most recent in `states`, so it need not move. */
  let newest: string | null = null;
  const remember = (sessionId: string, state: SessionState) => {
    if (newest === sessionId && states.has(sessionId)) {
      states.set(sessionId, state); // keeps its place, the most recent
      return;
    }
    newest = sessionId;
    states.delete(sessionId); // re-insert: Map order is recency order
    states.set(sessionId, state);
    // A session ahead of the durable log is never evicted: the store cannot rebuild its state (a cold
    // load would give the durable one, and the next command would fail as stale). It leaves once durable.
    while (states.size > options.maxSessions) {
      let victim: string | undefined;
      for (const id of states.keys()) {
        if (!ahead.has(id)) {
          victim = id;
          break;
        }
      }
      if (victim === undefined) break;
      states.delete(victim);
    }
  };

  /**
   * The state after event `upTo` (the head when absent): from the newest snapshot at or before it,
   * then the events after it, folded a chunk at a time so a long log never sits in memory whole.
   */
  async function rebuild(sessionId: string, upTo?: number, restoreExtra = false): Promise<SessionState | null> {
    return (await rebuildFrom(sessionId, upTo, restoreExtra))?.state ?? null;
  }

  /** `rebuild`, and the seq of the snapshot it started from (0: none used, the log from its start). */
  async function rebuildFrom(sessionId: string, upTo?: number, restoreExtra = false): Promise<{ state: SessionState; fromSnapshot: number } | null> {
    const head = await store.head(sessionId);
    if (!head) return null;
    const target = Math.min(head.seq, upTo ?? head.seq);
    const snapshot = await store.loadSnapshot(sessionId, target);
    let state = emptySessionState(sessionId);
    let fromSnapshot = 0;
    if (snapshot) {
      const payload = JSON.parse(snapshot.payload, revive) as SnapshotPayload;
      if (payload.v === SNAPSHOT_VERSION && payload.state.seq === snapshot.seq && payload.state.head_hash === snapshot.hash) {
        state = payload.state;
        fromSnapshot = snapshot.seq;
        if (restoreExtra) {
          options.extra.restore(sessionId, payload.extra);
          snapshotSeq.set(sessionId, snapshot.seq);
        }
      }
    }
    while (state.seq < target) {
      const events = await store.read(sessionId, { from: state.seq + 1, to: Math.min(target, state.seq + COLD_LOAD_CHUNK) });
      if (events.length === 0) break;
      if (restoreExtra) options.onLoaded(events);
      state = replay(events, { from: state });
    }
    return { state, fromSnapshot };
  }

  const coldLoad = (sessionId: string) => rebuild(sessionId, undefined, true);

  /** The cached state when it needs no check against the store (one writer, not quarantined, or ahead of it); else undefined. */
  function trusted(sessionId: string): SessionState | undefined {
    const cached = states.get(sessionId);
    if (cached && ((!store.sharedByNodes && !store.quarantineOf(sessionId)) || ahead.get(sessionId)?.seq === cached.seq)) {
      remember(sessionId, cached);
      return cached;
    }
    return undefined;
  }

  return {
    /** `get` without waiting, when the cached state can be used as it is (`trusted`); undefined otherwise. */
    peek: trusted,
    async get(sessionId: string): Promise<SessionState | null> {
      // With one writer (this process), the cached state is the head unless the log was quarantined
      // since (the store then answers SESSION_QUARANTINED below); a store other nodes append to is asked.
      const ready = trusted(sessionId);
      if (ready) return ready;
      const cached = states.get(sessionId);
      if (cached) {
        // The store's head is the truth: another node may have appended through a shared store.
        // Then only the events after the cached position are folded, not the whole log again.
        const head = await store.head(sessionId);
        if (head && head.seq > cached.seq) {
          const events = await store.read(sessionId, { from: cached.seq + 1, to: head.seq });
          if (events[0]?.prev_hash === cached.head_hash && states.get(sessionId) === cached) {
            options.onLoaded(events);
            const next = replay(events, { from: cached });
            remember(sessionId, next);
            return next;
          }
        } else if (head?.seq === cached.seq) {
          remember(sessionId, cached);
          return cached;
        }
      }
      const state = await coldLoad(sessionId);
      // A commit may have moved the session on while this loaded (its state may be ahead of the
      // durable log, see `ahead`): the newer state stands; an older load never overwrites it.
      const newer = states.get(sessionId);
      if (newer && newer.seq > (state?.seq ?? 0)) return newer;
      if (state && state.seq > 0) remember(sessionId, state);
      return state && state.seq > 0 ? state : null;
    },
    /**
     * Once the store accepted a commit's events, before they are durable: `state`, the state the next
     * command builds on; `base`, the state the commit started from (durable unless already ahead).
     */
    setAhead(sessionId: string, state: SessionState, base: SessionState): void {
      const was = ahead.get(sessionId);
      ahead.set(sessionId, { seq: state.seq, durable: was ? was.durable : base });
      remember(sessionId, state);
    },
    /** The latest durable state while later commits are in flight; null when nothing is. */
    durable(sessionId: string): SessionState | null {
      return ahead.get(sessionId)?.durable ?? null;
    },
    /** After a commit is durable: the new state, and a snapshot when enough events passed since the last. */
    set(sessionId: string, state: SessionState): void {
      const was = ahead.get(sessionId);
      if (was) {
        // Later commands may have moved the cache on already: keep theirs, and only say this much is durable.
        if (was.seq <= state.seq) ahead.delete(sessionId);
        else ahead.set(sessionId, { seq: was.seq, durable: state });
        if ((states.get(sessionId)?.seq ?? -1) <= state.seq) remember(sessionId, state);
      } else remember(sessionId, state);
      const last = snapshotSeq.get(sessionId) ?? 0;
      if (state.seq - last < Math.max(options.snapshotEvery, snapshotWeight(state))) return;
      snapshotSeq.set(sessionId, state.seq);
      const payload: SnapshotPayload = { v: SNAPSHOT_VERSION, state, extra: options.extra.save(sessionId, state.seq) };
      // Derived data, written after the events are durable: a lost snapshot only costs replay time.
      void store.saveSnapshot(sessionId, { seq: state.seq, hash: state.head_hash ?? '', payload: JSON.stringify(payload) }).catch(() => snapshotSeq.set(sessionId, last));
    },
    /** The state as it was after event `seq` (not cached): snapshot at or before it, then the log. */
    at: (sessionId: string, seq: number) => rebuild(sessionId, seq),
    /** `at`, with the seq of the snapshot it started from (0 when it replayed the log from its start: none, or one of another version). */
    atFrom: (sessionId: string, seq: number) => rebuildFrom(sessionId, seq),
    forget(sessionId: string): void {
      states.delete(sessionId);
      ahead.delete(sessionId);
    },
    size: () => states.size,
    empty: emptySessionState,
  };
}
