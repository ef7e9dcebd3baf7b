import type { z } from 'zod';
import type { Level } from './capability.js';
import type { CallContext, Principal, Surface } from './principal.js';
import type { AnyEvent, EventDraft } from './events/types.js';
import type { SessionState } from './projections/session-state.js';

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
  /**
   * The capability subject that does the work when it is not the runtime itself: an admitted plugin's
   * principal `plugin:<name>@<version>` (docs/plugins.md). Recorded in every audit event of the tool.
   */
  subject?: string;
  handler(input: I, ctx: ToolContext<S>): Promise<ToolResult<O>> | ToolResult<O>;
}

/**
 * What handlers and surfaces may ask of the runtime besides invoking tools. It lives beside
 * `ToolContext` because the two refer to each other (a context carries the runtime; the runtime
 * hands out tool definitions), and one file keeps that pair free of an import cycle.
 */
export interface RuntimeApi {
  createSession(principal: Principal, meta: { surface: string; actor: string; requestId: string; idempotencyKey?: string }): Promise<string>;
  /** The principal's sessions; a quarantined one is listed with `quarantined: true` (its log is not read). */
  listSessions(principal: Principal): Promise<{ session_id: string; seq: number; designs: string[]; quarantined?: true }[]>;
  /**
   * Throws OBJECT_NOT_AUTHORIZED (and logs to the security log) unless the principal may READ the
   * session: its owner or a reviewer the owner named (runtime/session-access.ts). Only read-only
   * routes and resources call it; tool calls are checked by the interceptor.
   */
  assertOwner(principal: Principal, sessionId: string, what: string, meta?: { surface: Surface; requestId: string }): Promise<void>;
  state(sessionId: string): Promise<SessionState>;
  stateAt(sessionId: string, seq: number): Promise<SessionState>;
  readEvents(sessionId: string, range?: { from?: number; to?: number }): Promise<AnyEvent[]>;
  /** A registry tool by name (transactions run another tool's decide step on a candidate). */
  tool(name: string): ToolDefinition<unknown, unknown, unknown> | undefined;
}
