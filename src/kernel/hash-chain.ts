import { canonicalJson } from './canonical-json.js';
import { sha256Hex } from './hash.js';

/**
 * The one hash chain of the project (docs/event-log.md, "Hash chain"): a record's hash is
 * SHA-256(prev_hash || JCS(record without "hash")), RFC 8785 canonical JSON. Session events and
 * security records are both chained this way and checked by the same walk.
 */
export interface Linked {
  seq: unknown;
  prev_hash: unknown;
  hash?: unknown;
}

/** A record whose stored form its format does not allow; the message is the broken link's reason. */
export class ChainFormError extends Error {}

export function linkedHash(record: { prev_hash: string; hash?: unknown }): string {
  const { hash: _ignored, ...rest } = record;
  return sha256Hex(record.prev_hash + canonicalJson(rest));
}

export interface ChainWalk<T> {
  /** The position and hash the records continue (seq 0 and the genesis hash for a whole chain). */
  after: { seq: number; hash: string };
  /** What a record is called in a reason ("event", "record"). */
  noun: string;
  /** A further check of each record, before its links (e.g. "event belongs to another session"). */
  check?: (record: T) => string | null;
  /** Called every few thousand records (a CLI progress bar). */
  onProgress?: (done: number, total: number) => void;
  /**
   * The hash record `index` gives, from its stored form (default: `linkedHash`, canonical JSON). May
   * throw ChainFormError, whose message is the reason. Called only once seq and prev_hash hold.
   */
  recompute?: (record: T, index: number) => string;
}

/**
 * Why record `r` (number `index` of the walk) does not continue the chain at `prev`: seq gap, the
 * walk's extra check, prev_hash, then its hash. Null when the link holds. For a reader that checks
 * records one at a time as it reads them (runtime/log-lines.ts); `firstBrokenLink` walks an array.
 */
export function brokenLinkReason<T extends Linked>(r: T, index: number, prev: string, walk: ChainWalk<T>): string | null {
  const expected = walk.after.seq + index + 1;
  if (r.seq !== expected) return `expected seq ${expected}, found ${String(r.seq)}`;
  const other = walk.check?.(r);
  if (other) return other;
  if (r.prev_hash !== prev) return `prev_hash does not match the previous ${walk.noun} hash`;
  let recomputed: string;
  try {
    recomputed = walk.recompute ? walk.recompute(r, index) : linkedHash(r as unknown as { prev_hash: string });
  } catch (err) {
    return err instanceof ChainFormError ? err.message : `${walk.noun} is not canonicalisable JSON`;
  }
  return recomputed === r.hash ? null : `hash does not match the ${walk.noun} content`;
}

/** The first broken link (seq gap, extra check, prev_hash, hash) as its index and reason; null when intact. */
export function firstBrokenLink<T extends Linked>(records: readonly T[], walk: ChainWalk<T>): { index: number; reason: string } | null {
  let prev = walk.after.hash;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const reason = brokenLinkReason(r, i, prev, walk);
    if (reason !== null) return { index: i, reason };
    prev = r.hash as string;
    if (walk.onProgress && i % 2000 === 0) walk.onProgress(i, records.length);
  }
  return null;
}

/** The hash a chain has reached after `index` records (the start hash before the first). */
export const hashBefore = (records: readonly Linked[], index: number, start: string): string => (index === 0 ? start : String(records[index - 1]!.hash));

/** A whole walk's outcome: the head reached before the first broken link, and that link's seq and reason. */
export function chainVerdict<T extends Linked>(records: readonly T[], walk: ChainWalk<T>): { ok: boolean; head_hash: string; first_broken?: { seq: number; index: number; reason: string } } {
  const broken = firstBrokenLink(records, walk);
  if (!broken) return { ok: true, head_hash: hashBefore(records, records.length, walk.after.hash) };
  const r = records[broken.index]!;
  return {
    ok: false,
    head_hash: hashBefore(records, broken.index, walk.after.hash),
    first_broken: { seq: typeof r.seq === 'number' ? r.seq : walk.after.seq + broken.index + 1, index: broken.index, reason: broken.reason },
  };
}
