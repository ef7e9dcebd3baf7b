import { canonicalJson } from '../kernel/canonical-json.js';
import { ZapTraceError, toErrorEnvelope, type ErrorCode, type ErrorDetails } from '../kernel/errors.js';
import { sha256Hex } from '../kernel/hash.js';
import type { AnyEvent, EventDraft } from './events/types.js';

/**
 * Idempotent retries (contract.md, "The log can be trusted"): a write carrying an idempotency key
 * records its outcome in the same batch as its events (an `IdempotencyRecorded` event), so a retry
 * with the same principal, session, key and body gets the original outcome and appends nothing, also
 * after a restart; the same key with another body is refused. Keys expire after 24 hours.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencyRecord {
  key: string;
  principal: string;
  request_hash: string;
  outcome: { ok: true; result: unknown } | { ok: false; error: { code: ErrorCode; message: string; details: ErrorDetails } };
}

/** Checks a client-sent key (RFC 9110 token-like: printable ASCII, at most 255). */
export function parseIdempotencyKey(raw: unknown, field: string): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string' || !KEY.test(raw)) {
    throw new ZapTraceError('INVALID_INPUT', 'an idempotency key is 1 to 255 printable ASCII characters without spaces', { path: field });
  }
  return raw;
}

export const requestHashOf = (tool: string, input: unknown) => sha256Hex(canonicalJson({ tool, input: input ?? {} }));

export function idempotencyDraft(record: IdempotencyRecord): EventDraft {
  return { type: 'IdempotencyRecorded', data: record };
}

export function failureOutcome(err: unknown): IdempotencyRecord['outcome'] {
  const { error } = toErrorEnvelope(err, null);
  return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
}

/** Per-session index of recorded keys, fed from the log (load and every commit). */
export function createIdempotencyIndex(now: () => Date) {
  /** `seq`: the event that recorded it (absent in snapshots written before it was kept). */
  const bySession = new Map<string, Map<string, { record: IdempotencyRecord; at: number; seq?: number }>>();
  const scope = (principal: string, key: string) => `${principal}\u0000${key}`;
  return {
    learn(events: readonly AnyEvent[]) {
      for (const e of events) {
        if (e.type !== 'IdempotencyRecorded') continue;
        const record = e.data as IdempotencyRecord;
        const map = bySession.get(e.session_id) ?? new Map();
        map.set(scope(record.principal, record.key), { record, at: Date.parse(e.at), seq: e.seq });
        bySession.set(e.session_id, map);
      }
    },
    forget(sessionId: string) {
      bySession.delete(sessionId);
    },
    /**
     * The session's live records up to event `upTo`, for a projection snapshot of the state after it
     * (records of later commits, accepted but maybe not yet durable, belong to later snapshots).
     */
    export(sessionId: string, upTo = Number.MAX_SAFE_INTEGER): { record: IdempotencyRecord; at: number; seq?: number }[] {
      const cutoff = now().getTime() - IDEMPOTENCY_TTL_MS;
      return [...(bySession.get(sessionId)?.values() ?? [])].filter((r) => r.at >= cutoff && (r.seq ?? 0) <= upTo);
    },
    /** Adds a snapshot's records; records learned meanwhile (a commit that landed while the session loaded) stay. */
    restore(sessionId: string, data: unknown) {
      if (!Array.isArray(data)) return;
      const map = bySession.get(sessionId) ?? new Map<string, { record: IdempotencyRecord; at: number; seq?: number }>();
      for (const r of data as { record: IdempotencyRecord; at: number; seq?: number }[]) {
        const k = scope(r.record.principal, r.record.key);
        if (!map.has(k)) map.set(k, r);
      }
      bySession.set(sessionId, map);
    },
    /** The earlier outcome for this key, null when the key is new or expired; refuses a different body. */
    lookup(sessionId: string, principal: string, key: string, requestHash: string): IdempotencyRecord['outcome'] | null {
      const hit = bySession.get(sessionId)?.get(scope(principal, key));
      if (!hit || now().getTime() - hit.at > IDEMPOTENCY_TTL_MS) return null;
      if (hit.record.request_hash !== requestHash) {
        throw new ZapTraceError('IDEMPOTENCY_KEY_REUSED', 'this idempotency key was used for a different request in this session; use a new key', {});
      }
      return hit.record.outcome;
    },
  };
}

/** Gives a recorded outcome back as the original call ended: its result, or its error. */
export function replayOutcome(outcome: IdempotencyRecord['outcome']): unknown {
  if (outcome.ok) return outcome.result;
  throw new ZapTraceError(outcome.error.code, outcome.error.message, outcome.error.details);
}
