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
  data: D;
  prev_hash: string;
  hash: string;
}

/** What a command decides: type and data; the runtime adds the envelope. */
export interface EventDraft<T extends string = string, D = unknown> {
  type: T;
  v?: number;
  data: D;
}

export type AnyEvent = EventEnvelope<string, unknown>;
