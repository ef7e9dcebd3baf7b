import type { Level } from '../capability.js';
import type { AuthSource, Surface } from '../principal.js';

/**
 * The event envelope (architecture.md, "Events"). `hash` covers the event's stored line (format 2) or its
 * canonical JSON (format 1), see events/stored-line.ts; the first event's prev_hash is GENESIS_HASH (events/chain.ts).
 */
export interface EventActor {
  principal: string;
  actor: string;
  surface: Surface | 'system';
  auth_source: AuthSource | 'system';
}

export interface EventEnvelope<T extends string = string, D = unknown> {
  /** Hash format (events/stored-line.ts): 2 on every line written now; absent on format-1 lines. */
  log_format?: number;
  seq: number;
  id: string;
  type: T;
  v: number;
  at: string;
  session_id: string;
  actor: EventActor;
  request_id: string;
  /**
   * The audit record of the allowed call that appended this event, when this event is that call's
   * first (docs/event-log.md, "Audit records"): with the envelope's `at`, `session_id`, `actor` and
   * `request_id` it holds every field contract.md ("Audit evidence") asks of an audit event, so the
   * call needs no separate ToolAuthorized event. Absent on every other event.
   */
  audit?: CallAudit;
  data: D;
  prev_hash: string;
  hash: string;
}

/** What an allowed call's first event carries of the call beyond the envelope (contract.md, "Audit evidence"). */
export interface CallAudit {
  tool: string;
  capability: Level;
  granted: Level[];
  decision: 'allow';
  reason: string;
  outcome: 'ok';
  /** The plugin principal (`plugin:<name>@<version>`) that did the work; absent when the runtime did (docs/plugins.md). */
  subject?: string;
}

/** What a command decides: type and data; the runtime adds the envelope. */
export interface EventDraft<T extends string = string, D = unknown> {
  type: T;
  v?: number;
  data: D;
  /** Set by the interceptor on an allowed call's first event (EventEnvelope.audit). */
  audit?: CallAudit;
}

export type AnyEvent = EventEnvelope<string, unknown>;
