import type { Clock } from '../kernel/clock.js';
import type { Ids } from '../kernel/ids.js';
import { GENESIS_HASH } from './events/chain.js';
import { sealEvent } from './events/stored-line.js';
import type { AnyEvent, EventActor, EventDraft } from './events/types.js';
import type { createIdempotencyIndex } from './idempotency.js';
import { evolve, type SessionState } from './projections/session-state.js';
import type { SessionAccess } from './session-access.js';
import type { createStateCache } from './state-cache.js';
import type { EventStore } from './store/event-store.js';

export interface SessionCommitDeps {
  store: EventStore;
  clock: Clock;
  ids: Ids;
  states: ReturnType<typeof createStateCache>;
  idempotency: ReturnType<typeof createIdempotencyIndex>;
  access: SessionAccess;
}

/**
 * How the runtime turns a command's drafts into sealed events, appends them and folds them into the
 * session's cached state (architecture.md, "Events" and "Projections": inline, so the state a command
 * reads back is current the moment its append returns).
 */
export function createSessionCommit(deps: SessionCommitDeps) {
  const { store, clock, ids, states, idempotency, access } = deps;

  /**
   * The clock's reading as ISO text, remembered for its millisecond: a busy runtime commits many times
   * a millisecond, and Date#toISOString (about 0.5 µs) was a fiftieth of a command. The text is a pure
   * function of the time value, so a reading in the same millisecond gets the same text either way.
   */
  let lastMs = Number.NaN;
  let lastIso = '';
  function nowIso(): string {
    const now = clock.now();
    const ms = now.getTime();
    if (ms !== lastMs) {
      lastIso = now.toISOString(); // an invalid date throws here, as before, and is never remembered
      lastMs = ms;
    }
    return lastIso;
  }

  function envelope(state: SessionState, drafts: readonly EventDraft[], actor: EventActor, requestId: string): AnyEvent[] {
    let prev = state.head_hash ?? GENESIS_HASH;
    const at = nowIso();
    return drafts.map((d, i) => {
      const event = sealEvent({
        seq: state.seq + i + 1,
        id: ids.uuid(),
        type: d.type,
        v: d.v ?? 1,
        at,
        session_id: state.session_id,
        actor,
        request_id: requestId,
        audit: d.audit,
        data: d.data,
        prev_hash: prev,
      });
      prev = event.hash;
      return event;
    });
  }

  /**
   * Pipelined commits: once the store has accepted a commit's events (chain checked, queued for the
   * next flush), the session's next command may build on them, so the commands of one busy session
   * share flushes and signed heads as those of different sessions do. Nothing is acknowledged
   * earlier for it: each call still answers only once its own append is durable, which is after
   * every append it built on (flushes are written in order, and a failed flush fails every later
   * append of its session, log-store.ts). What is not yet durable is shown to nobody else: read-only
   * calls and keyed retries first wait for `inFlight`, readers outside the turn get the last durable state.
   */
  const inFlight = new Map<string, Promise<void>>();

  /** Waits until every commit of the session accepted so far is durable (or failed); never throws. */
  async function settledTail(sessionId: string): Promise<void> {
    const tail = inFlight.get(sessionId);
    if (tail) await tail;
  }

  /**
   * Appends and folds; the state a command reads back is current when this returns. `closing` sees
   * the state with the drafts folded in and may add events to the same batch (an idempotency record
   * holding the result), so they become durable together or not at all. `onAccepted` runs once the
   * store accepted the events (before they are durable): the caller gives the session's turn on there.
   */
  function commit(
    state: SessionState,
    drafts: readonly EventDraft[],
    actor: EventActor,
    requestId: string,
    closing?: (folded: SessionState) => EventDraft[],
    onAccepted?: () => void,
  ): SessionState | Promise<SessionState> {
    if (drafts.length === 0) return state;
    const events = envelope(state, drafts, actor, requestId);
    let next = state;
    for (const e of events) next = evolve(next, e);
    const extra = closing ? envelope(next, closing(next), actor, requestId) : [];
    for (const e of extra) next = evolve(next, e);
    // A memory-only store keeps the events as it accepts them: the commit is done when this returns.
    if (store.appendNow) return keptAtOnce(store.appendNow, state, next, events, extra, onAccepted);
    return appended(state, next, events, extra, onAccepted);
  }

  /** Appends to a store that makes events durable later: accepted first (the turn may pass on), answered once durable. */
  async function appended(state: SessionState, next: SessionState, events: AnyEvent[], extra: AnyEvent[], onAccepted?: () => void): Promise<SessionState> {
    const sessionId = state.session_id;
    let done: (() => void) | null = null;
    const settle = () => {
      if (!done) return;
      done();
      if (inFlight.get(sessionId) === tail) inFlight.delete(sessionId);
    };
    let tail: Promise<void> | null = null;
    const accepted = () => {
      tail = new Promise<void>((resolve) => (done = resolve));
      inFlight.set(sessionId, tail);
      idempotency.learn(extra);
      states.setAhead(sessionId, next, state);
      onAccepted?.();
    };
    try {
      await store.append(sessionId, extra.length === 0 ? events : [...events, ...extra], state.seq, accepted);
    } catch (err) {
      // Another writer moved the log, or it could not be made durable: reload next time. Unless the store
      // refused this append outright while earlier commits of the session are in flight: those still
      // stand (they fail by themselves if their flush does), and their idempotency records with them.
      if (tail || !inFlight.has(sessionId)) {
        states.forget(sessionId);
        idempotency.forget(sessionId);
      }
      settle();
      throw err;
    }
    if (!tail) idempotency.learn(extra); // an adapter that does not pipeline
    access.observe(sessionId, events);
    states.set(sessionId, next);
    settle();
    return next;
  }

  /**
   * A memory-only store keeps the events (and so acknowledges them) as it accepts them: nothing is ever
   * in flight, so the state is set and no flush is waited for. The turn passes on here too, as soon as
   * the events are kept: a caller that released it only after its own `await` made every other command
   * of a busy session queue for it (a promise and a waiter each) although the session was free.
   */
  function keptAtOnce(appendNow: NonNullable<EventStore['appendNow']>, state: SessionState, next: SessionState, events: AnyEvent[], extra: AnyEvent[], onAccepted?: () => void): SessionState {
    const sessionId = state.session_id;
    try {
      appendNow(sessionId, extra.length === 0 ? events : [...events, ...extra], state.seq);
    } catch (err) {
      states.forget(sessionId);
      idempotency.forget(sessionId);
      throw err;
    }
    idempotency.learn(extra);
    access.observe(sessionId, events);
    states.set(sessionId, next);
    onAccepted?.();
    return next;
  }

  return { commit, settledTail };
}
