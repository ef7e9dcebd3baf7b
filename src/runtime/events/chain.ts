import { sha256Hex } from '../../kernel/hash.js';
import { chainVerdict } from '../../kernel/hash-chain.js';
import { hashOfEventObject } from './stored-line.js';
import type { AnyEvent } from './types.js';

/**
 * prev_hash of every session's first event: SHA-256 of the ASCII text "zaptrace/session-log/v1"
 * (docs/event-log.md), so a chain cannot be mistaken for one of another format.
 */
export const GENESIS_HASH = sha256Hex('zaptrace/session-log/v1');

/** The hash of an event held as an object, in its own format (events/stored-line.ts). */
export function computeEventHash(event: Omit<AnyEvent, 'hash'> & { hash?: string }): string {
  return hashOfEventObject(event);
}

export interface ChainVerdict {
  ok: boolean;
  events: number;
  head_hash: string;
  /** First event whose link is broken: its seq (or line) and why. */
  first_broken?: { seq: number; index: number; reason: string };
}

/**
 * Recomputes the chain of events held as objects (parsed from their lines); names the first broken
 * link (seq gap, wrong prev_hash, wrong hash, wrong session). Logs read as lines are verified from
 * their bytes instead (store/verify-log.ts).
 */
export function verifyChain(events: readonly AnyEvent[]): ChainVerdict {
  const sessionId = events[0]?.session_id;
  const { ok, ...rest } = chainVerdict(events, {
    after: { seq: 0, hash: GENESIS_HASH },
    noun: 'event',
    check: (e) => (e.session_id !== sessionId ? 'event belongs to another session' : null),
    recompute: hashOfEventObject,
  });
  return { ok, events: events.length, ...rest };
}
