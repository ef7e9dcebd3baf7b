import type { z } from 'zod';
import type { Level } from './capability.js';
import type { CallContext } from './principal.js';
import type { EventDraft } from './events/types.js';
import type { SessionState } from './projections/session-state.js';
import type { RuntimeApi } from './runtime-api.js';

/**
 * One definition per tool (architecture.md): MCP and REST are generated from these, so both
 * surfaces expose the same names, schemas and levels.
 */
/** How a handler sends heavy work off the event loop (runtime/heavy-work.ts). */
export interface OffloadOptions {
  /**
   * Design name → the design-state hash (null: absent) the work was computed from. The result is
   * appended only if every one is unchanged when the work returns (else STALE_STATE), because
   * the session's turn is given to other commands while the work runs.
   */
  basis?: Record<string, string | null>;
}

export interface ToolContext<S = unknown> {
  call: CallContext;
  /** The session the call acts in; null for session-less tools. */
  sessionId: string | null;
  /** Current projection of that session (empty for session-less tools). */
  state: SessionState;
  runtime: RuntimeApi;
  services: S;
  /**
   * Runs a named task in the worker pool with this call's deadline, cancellation and progress;
   * rejects with DEADLINE_EXCEEDED, CANCELLED, SERVER_BUSY, STALE_STATE or the task's own error.
   */
  offload<T>(task: string, args: unknown, options?: OffloadOptions): Promise<T>;
  /** Milliseconds left before this call's deadline (`--max-tool-seconds`); tools fit their own budgets inside. */
  remainingMs(): number;
}

/**
 * What a handler decides: events to append and either the result, or `after`, which derives the
 * result from the state once the events are folded in (e.g. the new design-state hash).
 */
export type ToolResult<O> = { result: O; events?: EventDraft[] } | { after: (state: SessionState) => O; events: EventDraft[] };

export type SessionUse = 'required' | 'none';

export interface ToolDefinition<I = unknown, O = unknown, S = unknown> {
  name: string;
  title: string;
  description: string;
  level: Level;
  session: SessionUse;
  input: z.ZodType<I>;
  output: z.ZodType<O>;
  handler(input: I, ctx: ToolContext<S>): Promise<ToolResult<O>> | ToolResult<O>;
}
