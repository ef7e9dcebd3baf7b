import type { Hash } from 'node:crypto';
import { BUCKETS, beginObjectText, bucketDigestOfLines, bucketOf, bytesHash, linesTextHash } from '../../kernel/merkle-hash.js';
import { byId, edited, type Entry } from './component-entry.js';

/**
 * A large component record in design-hash format 1 (docs/design-hash.md, "Format 1"): the 256
 * buckets the hash uses, held as 16 groups of 16, so an edit copies one bucket (n/256 entries) and
 * two 16-slot arrays and rehashes that bucket and the 16 KB of bucket digests. Sessions created
 * before format 2 keep it, so their approvals still match.
 */
/** One of the 256 buckets of a large record, its entries in code-unit order of id. */
interface Bucket {
  readonly entries: readonly Entry[];
  /** Bucket digest B_i, computed when first asked for. */
  digest: string | null;
  /**
   * For a bucket of more than MARK_LINES entries: the SHA-256 part-way through its hash text, after
   * "o" and the lines of entries[0 .. at), `at` the last multiple of MARK_LINES below the bucket's
   * length when the mark was taken. An edit at index i >= at leaves that text as it was, so the
   * edited bucket keeps the mark and hashes only the lines after it: an entry added or removed near
   * the end of its bucket costs at most MARK_LINES lines, not the whole bucket (about 195 lines,
   * 15 KB, at 50,000 parts). A mark is only ever copied, never fed.
   */
  mark: { readonly at: number; readonly state: Hash } | null;
  /** Index of the entry the edit that made this bucket changed (0 for a bucket built whole). */
  readonly changed: number;
}

/**
 * Lines of a bucket hashed after its mark at most (about 2.4 KB at 75 bytes a line). A mark is taken
 * only by an edit at or after where it goes (the tail of the bucket), which would have used it: an
 * edit before it hashes the bucket whole in one call, as without marks, and allocates no Hash object
 * (measured: a `Hash` and its copies cost more in a command, collector included, than hashing
 * 10 KB, so a mark on every edit made edits at the front of a bucket slower).
 */
const MARK_LINES = 32;

/**
 * The 256 buckets as 16 groups of 16 (bucket b is groups[b >> 4].buckets[b & 15]): an edit copies
 * two short arrays, and the record's hash text rewrites the digests of the one group it touched (recordText).
 */
interface Group {
  readonly buckets: readonly Bucket[];
}
export type Groups = readonly Group[];
const GROUP = 16;

const EMPTY: Bucket = Object.freeze({ entries: Object.freeze([]) as readonly Entry[], digest: bucketDigestOfLines([]), mark: null, changed: 0 });

function digestOf(b: Bucket): string {
  if (b.digest !== null) return b.digest;
  const entries = b.entries;
  const n = entries.length;
  if (n <= MARK_LINES) {
    let text = '';
    for (const e of entries) text += e.line;
    return (b.digest = linesTextHash(text));
  }
  // Resume from the mark (see Bucket.mark) when the edit left it valid, and move it to the last
  // multiple of MARK_LINES below n if it is not there yet.
  const at = Math.floor((n - 1) / MARK_LINES) * MARK_LINES;
  if (b.mark === null && b.changed < at) return (b.digest = linesTextHash(linesText(entries, 0, n)));
  let from = 0;
  let h: Hash;
  if (b.mark !== null) {
    from = b.mark.at;
    h = b.mark.state.copy();
  } else h = beginObjectText();
  if (from < at) {
    h.update(linesText(entries, from, at));
    b.mark = { at, state: h.copy() };
    from = at;
  }
  h.update(linesText(entries, from, n));
  return (b.digest = h.digest('hex'));
}

function linesText(entries: readonly Entry[], from: number, to: number): string {
  let text = '';
  for (let j = from; j < to; j++) text += entries[j]!.line;
  return text;
}

/** Groups holding `entries` (any order), each bucket sorted by id. */
export function groupsOf(entries: readonly Entry[]): Groups {
  const lists: Entry[][] = Array.from({ length: BUCKETS }, () => []);
  for (const e of entries) lists[bucketOf(e.id)]!.push(e);
  const groups: Group[] = [];
  for (let g = 0; g < BUCKETS; g += GROUP) {
    groups.push({ buckets: lists.slice(g, g + GROUP).map((l): Bucket => (l.length === 0 ? EMPTY : { entries: l.sort(byId), digest: null, mark: null, changed: 0 })) });
  }
  return groups;
}

/** Every entry, bucket by bucket, appended to `out`. */
export function groupEntries(groups: Groups, out: Entry[]): Entry[] {
  for (const group of groups) for (const b of group.buckets) for (const e of b.entries) out.push(e);
  return out;
}

/** The sorted entries of the bucket `id` belongs in. */
export function bucketEntries(groups: Groups, id: string): readonly Entry[] {
  const b = bucketOf(id);
  return groups[b >> 4]!.buckets[b & 15]!.entries;
}

/** `groups` with the entry of `id` (at `at` of its bucket, from `position`) replaced by `entry`, or removed when null. */
export function groupsWith(groups: Groups, id: string, at: number, entry: Entry | null): Groups {
  const b = bucketOf(id);
  const old = groups[b >> 4]!.buckets[b & 15]!;
  const next = edited(old.entries, at, entry);
  const buckets = groups[b >> 4]!.buckets.slice();
  // The lines before index `changed` are those of the old bucket: a mark up to there still holds.
  const changed = at >= 0 ? at : -at - 1;
  const mark = old.mark !== null && old.mark.at <= changed ? old.mark : null;
  buckets[b & 15] = next.length === 0 ? EMPTY : { entries: next, digest: null, mark, changed };
  const top = groups.slice();
  top[b >> 4] = { buckets };
  return top;
}

/** The 256 bucket digests and keys, for the hash cache (merkle-hash.ts `rememberRecordHash`). */
export function groupsDigestsAndKeys(groups: Groups): { bucketDigests: string[]; bucketKeys: string[][] } {
  const bucketDigests: string[] = [];
  const bucketKeys: string[][] = [];
  for (const group of groups) {
    for (const b of group.buckets) {
      bucketDigests.push(digestOf(b));
      bucketKeys.push(b.entries.map((e) => e.id));
    }
  }
  return { bucketDigests, bucketKeys };
}

/**
 * The hash text "b" || B_0 || ... || B_255 of the bucketed record hashed last, as bytes (hex digests
 * are ASCII), with the groups and buckets whose digests are in it: the next table along the live
 * line of edits differs in one bucket, so hashing it rewrites that bucket's 64 bytes where joining
 * the 256 digests built and encoded a 16 KB string per edit. Buckets and groups are immutable once a
 * digest is known, so identity says what is in place. Holds the buckets of one table until the next.
 * Hashed whole in one call: marks part-way through these 16 KB were measured to cost more than they save.
 */
const DIGEST_CHARS = 64;
const recordText = Buffer.alloc(1 + BUCKETS * DIGEST_CHARS, 'b', 'latin1');
const bucketsInText: (Bucket | undefined)[] = new Array<Bucket | undefined>(BUCKETS);
const groupsInText: (Group | undefined)[] = new Array<Group | undefined>(BUCKETS / GROUP);

export function groupsHash(groups: Groups): string {
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    if (groupsInText[g] === group) continue;
    for (let k = 0; k < GROUP; k++) {
      const i = g * GROUP + k;
      const b = group.buckets[k]!;
      if (bucketsInText[i] !== b) {
        recordText.write(digestOf(b), 1 + i * DIGEST_CHARS, 'latin1');
        bucketsInText[i] = b;
      }
    }
    groupsInText[g] = group;
  }
  return bytesHash(recordText);
}
