import type { Runtime } from '../../runtime/runtime.js';
import { emptySessionState, replay, type SessionState } from '../../runtime/projections/session-state.js';

/**
 * States of a session at every `every`-th event, for the review app's scrubber. The log is append-only
 * and states are immutable (immer shares what did not change), so a state folded once stays true and
 * costs little beside its neighbours. The first request for a session starts folding the whole log in
 * the background, a chunk at a time between turns of the event loop; until the fold reaches a
 * position, that position is rebuilt from the store's snapshots (runtime.stateAt). After it, any
 * position costs at most `every - 1` folded events. Bounded: the most recently used `maxSessions`.
 */
export interface ScrubIndexOptions {
  every: number;
  maxSessions: number;
  /** Events read and folded per turn of the event loop. */
  chunk: number;
}

interface Entry {
  /** checkpoints[i] is the state after event i * every (checkpoints[0]: the empty state). */
  checkpoints: SessionState[];
  folding: Promise<void> | null;
}

const DEFAULTS: ScrubIndexOptions = { every: 25, maxSessions: 4, chunk: 250 };

export function createScrubIndex(runtime: Pick<Runtime, 'readEvents' | 'stateAt' | 'state'>, options: Partial<ScrubIndexOptions> = {}) {
  const { every, maxSessions, chunk } = { ...DEFAULTS, ...options };
  const entries = new Map<string, Entry>();

  const entryOf = (sessionId: string): Entry => {
    let e = entries.get(sessionId);
    if (e) entries.delete(sessionId); // re-insert: Map order is recency order
    else e = { checkpoints: [emptySessionState(sessionId)], folding: null };
    entries.set(sessionId, e);
    while (entries.size > maxSessions) entries.delete(entries.keys().next().value!);
    return e;
  };

  /** Folds from the last checkpoint to `head`, keeping a state at every multiple of `every`. */
  async function foldTo(sessionId: string, e: Entry, head: number): Promise<void> {
    let state = e.checkpoints.at(-1)!;
    while (state.seq < head && entries.get(sessionId) === e) {
      const events = await runtime.readEvents(sessionId, { from: state.seq + 1, to: Math.min(head, state.seq + chunk) });
      if (events.length === 0) break;
      const last = events.at(-1)!.seq;
      while (state.seq < last) {
        const next = e.checkpoints.length * every;
        const before = state.seq;
        state = replay(events, { from: state, upTo: Math.min(next, last) });
        if (state.seq === before) return; // a gap in the log: leave the rest to runtime.stateAt
        if (state.seq === next) e.checkpoints.push(state);
      }
      await new Promise<void>((r) => setImmediate(r)); // other requests run between chunks
    }
  }

  function startFold(sessionId: string, e: Entry, head: number): void {
    if (e.folding || (e.checkpoints.length - 1) * every + every > head) return;
    e.folding = foldTo(sessionId, e, head)
      .catch(() => undefined) // a failed fold only costs speed: positions fall back to runtime.stateAt
      .finally(() => {
        e.folding = null;
      });
  }

  return {
    /** The state right after event `seq` (1 ≤ seq ≤ head). */
    async at(sessionId: string, seq: number, head: number): Promise<SessionState> {
      const e = entryOf(sessionId);
      startFold(sessionId, e, head);
      const i = Math.min(Math.floor(seq / every), e.checkpoints.length - 1);
      const base = e.checkpoints[i]!;
      // Far past what is folded yet: the store's nearest snapshot is the cheaper start.
      if (seq - base.seq > every) return seq === head ? runtime.state(sessionId) : runtime.stateAt(sessionId, seq);
      if (seq === base.seq) return base;
      return replay(await runtime.readEvents(sessionId, { from: base.seq + 1, to: seq }), { from: base });
    },
    /** The last position kept so far: up to it, any position costs at most `every - 1` folded events. */
    indexedTo(sessionId: string): number {
      const e = entries.get(sessionId);
      return e ? (e.checkpoints.length - 1) * every : 0;
    },
    /** Waits for a running fold (tests and benches measure the folded path). */
    async settled(sessionId: string): Promise<void> {
      await entries.get(sessionId)?.folding;
    },
    size: () => entries.size,
  };
}
