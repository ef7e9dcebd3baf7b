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
export interface ToolContext<S = unknown> {
  call: CallContext;
  /** The session the call acts in; null for session-less tools. */
  sessionId: string | null;
  /** Current projection of that session (empty for session-less tools). */
  state: SessionState;
  runtime: RuntimeApi;
  services: S;
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
