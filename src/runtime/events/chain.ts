import { canonicalJson } from '../../kernel/canonical-json.js';
import { sha256Hex } from '../../kernel/hash.js';
import type { AnyEvent } from './types.js';

/**
 * prev_hash of every session's first event: SHA-256 of the ASCII text "zaptrace/session-log/v1"
 * (docs/event-log.md), so a chain cannot be mistaken for one of another format.
 */
export const GENESIS_HASH = sha256Hex('zaptrace/session-log/v1');

export function computeEventHash(event: Omit<AnyEvent, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...rest } = event;
  return sha256Hex(event.prev_hash + canonicalJson(rest));
}

export interface ChainVerdict {
  ok: boolean;
  events: number;
  head_hash: string;
  /** First event whose link is broken: its seq (or line) and why. */
  first_broken?: { seq: number; index: number; reason: string };
}

/** Recomputes the chain; names the first broken link (seq gap, wrong prev_hash, wrong hash, wrong session). */
export function verifyChain(events: readonly AnyEvent[]): ChainVerdict {
  let prev = GENESIS_HASH;
  const sessionId = events[0]?.session_id;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const broken = (reason: string): ChainVerdict => ({
      ok: false,
      events: events.length,
      head_hash: prev,
      first_broken: { seq: typeof e.seq === 'number' ? e.seq : i + 1, index: i, reason },
    });
    if (e.seq !== i + 1) return broken(`expected seq ${i + 1}, found ${String(e.seq)}`);
    if (e.session_id !== sessionId) return broken('event belongs to another session');
    if (e.prev_hash !== prev) return broken('prev_hash does not match the previous event hash');
    let recomputed: string;
    try {
      recomputed = computeEventHash(e);
    } catch {
      return broken('event is not canonicalisable JSON');
    }
    if (recomputed !== e.hash) return broken('hash does not match the event content');
    prev = e.hash;
  }
  return { ok: true, events: events.length, head_hash: prev };
}
