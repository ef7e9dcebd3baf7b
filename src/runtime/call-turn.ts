import { ZapTraceError } from '../kernel/errors.js';
import type { HeavyWork } from './heavy-work.js';
import type { CallContext } from './principal.js';
import type { SessionState } from './projections/session-state.js';
import type { Release, SessionQueue } from './session-queue.js';
import type { OffloadOptions, ToolContext } from './tool-definition.js';
import type { RuntimeApi } from './runtime-api.js';

export interface TurnDeps {
  queue: SessionQueue;
  heavy: HeavyWork | null;
  loadState(sessionId: string): Promise<SessionState | null>;
  /** `--max-tool-seconds` in milliseconds: the deadline of every call. */
  maxToolMs: number;
}

/**
 * One call's turn in its session's queue and its deadline. While a worker computes, the turn is
 * given back, so the session's other commands (and its reads) are not stuck behind a long route;
 * the turn is taken again before the result is appended, and the result counts only if the designs
 * it was computed from are unchanged (architecture.md: "the main thread appends the result only
 * if the state hash has not moved"). A class, so a call's turn is one object, not a set of closures.
 */
export class Turn {
  private readonly deadlineAt: number;
  private held: Release | null;
  private gaveAway = false;

  constructor(
    private readonly deps: TurnDeps,
    private readonly sessionId: string | null,
    private readonly call: CallContext,
    held: Release | null,
    deadlineAt: number,
  ) {
    this.deadlineAt = deadlineAt;
    this.held = held;
  }

  /** Milliseconds left before the call's deadline. */
  remainingMs(): number {
    return Math.max(0, Math.floor(this.deadlineAt - performance.now()));
  }

  /** Gives the session's turn to the next command (no-op for session-less calls, and when given already). */
  release(): void {
    const held = this.held;
    this.held = null;
    held?.();
  }

  /** Whether the handler gave the turn away (an offload), so the session may have moved on meanwhile. */
  yielded(): boolean {
    return this.gaveAway;
  }

  async offload<T>(task: string, args: unknown, options: OffloadOptions = {}): Promise<T> {
    const { deps, sessionId, call } = this;
    if (!deps.heavy) throw new Error('heavy work needs the worker pool, and this runtime has none');
    if (sessionId !== null && this.held === null) throw new Error('one offload at a time per call');
    this.release();
    this.gaveAway = true;
    // Every offloaded task can outlast a second, so each reports that it started and that it finished
    // (MCP progress), with whatever steps the task reports in between.
    const progress = increasingProgress(call.onProgress);
    progress?.(0, undefined, `${task}: started`);
    let value: T;
    try {
      value = await deps.heavy.run<T>(task, args, { signal: call.signal, deadlineMs: this.remainingMs(), onProgress: progress, owner: call.principal.id });
      progress?.finish(`${task}: done`);
    } finally {
      // Taking the turn back is never refused: the call already holds a place in the queue.
      if (sessionId !== null) this.held = await deps.queue.acquire(sessionId, { force: true });
    }
    if (sessionId !== null && options.basis) assertUnchanged(await deps.loadState(sessionId), options.basis);
    return value;
  }
}

/** Starts the call's deadline, counted from its arrival (docs/heavy-work.md), then waits for the session's turn (none for a session-less call). */
export async function takeTurn(deps: TurnDeps, sessionId: string | null, call: CallContext): Promise<Turn> {
  const deadlineAt = performance.now() + deps.maxToolMs;
  return new Turn(deps, sessionId, call, sessionId === null ? null : await deps.queue.acquire(sessionId), deadlineAt);
}

/** The same without waiting, when the session's turn is free; null when the call must queue (then use takeTurn). */
export function turnNow(deps: TurnDeps, sessionId: string, call: CallContext): Turn | null {
  const deadlineAt = performance.now() + deps.maxToolMs;
  const held = deps.queue.tryAcquire(sessionId);
  return held === null ? null : new Turn(deps, sessionId, call, held, deadlineAt);
}

/** What a handler gets (ToolContext): prototype methods that reach the call's turn, so a call allocates no closures for them. */
export class TurnContext<S> implements ToolContext<S> {
  constructor(
    readonly call: CallContext,
    readonly sessionId: string | null,
    readonly state: SessionState,
    readonly runtime: RuntimeApi,
    readonly services: S,
    private readonly turn: Turn,
  ) {}

  offload<T>(task: string, args: unknown, options?: OffloadOptions): Promise<T> {
    return this.turn.offload<T>(task, args, options);
  }

  remainingMs(): number {
    return this.turn.remainingMs();
  }
}

function assertUnchanged(state: SessionState | null, basis: Record<string, string | null>): void {
  for (const [name, expected] of Object.entries(basis)) {
    const current = state && Object.hasOwn(state.designs, name) ? state.designs[name]!.hash : null;
    if (current !== expected) {
      throw new ZapTraceError('STALE_STATE', `design "${name.slice(0, 120)}" changed while this call was computing; nothing was appended — run it again on the current design`, {
        design_name: name,
        expected_hash: expected,
        current_hash: current,
      });
    }
  }
}

type ProgressSink = NonNullable<CallContext['onProgress']>;

/**
 * MCP progress must increase with each notification (MCP spec, "Progress"): a step that would not is
 * dropped, and `finish` reports the total (or one past the last step) unless a step already reached it.
 */
function increasingProgress(sink: CallContext['onProgress']): (ProgressSink & { finish(message: string): void }) | undefined {
  if (!sink) return undefined;
  let last = -1;
  let lastTotal: number | undefined;
  const forward = (progress: number, total: number | undefined, message: string) => {
    if (!(progress > last)) return;
    last = progress;
    lastTotal = total ?? lastTotal;
    sink(progress, total, message);
  };
  return Object.assign(forward, { finish: (message: string) => forward(lastTotal ?? last + 1, lastTotal, message) });
}
