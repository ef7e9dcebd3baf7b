import type { AnyEvent } from './events/types.js';
import type { Principal, Surface } from './principal.js';
import type { SessionState } from './projections/session-state.js';
import type { ToolDefinition } from './tool-definition.js';

/** What handlers and surfaces may ask of the runtime besides invoking tools. */
export interface RuntimeApi {
  createSession(principal: Principal, meta: { surface: string; actor: string; requestId: string; idempotencyKey?: string }): Promise<string>;
  listSessions(principal: Principal): Promise<{ session_id: string; seq: number; designs: string[] }[]>;
  /** Throws OBJECT_NOT_AUTHORIZED (and logs to the security log) unless the principal owns the session. */
  assertOwner(principal: Principal, sessionId: string, what: string, meta?: { surface: Surface; requestId: string }): Promise<void>;
  state(sessionId: string): Promise<SessionState>;
  stateAt(sessionId: string, seq: number): Promise<SessionState>;
  readEvents(sessionId: string, range?: { from?: number; to?: number }): Promise<AnyEvent[]>;
  /** A registry tool by name (transactions run another tool's decide step on a candidate). */
  tool(name: string): ToolDefinition<unknown, unknown, unknown> | undefined;
}
