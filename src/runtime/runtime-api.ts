import type { AnyEvent } from './events/types.js';
import type { Principal, Surface } from './principal.js';
import type { SessionState } from './projections/session-state.js';
import type { ToolDefinition } from './tool-definition.js';

/** What handlers and surfaces may ask of the runtime besides invoking tools. */
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
