import { isAscii } from 'node:buffer';
import { brokenLinkReason, type ChainWalk } from '../kernel/hash-chain.js';
import { hashOfStoredLine } from './events/stored-line.js';
import type { AnyEvent } from './events/types.js';

/**
 * The one walk over a session log held as bytes (JSON lines: a store file, or an export of
 * GET /api/v1/sessions/{id}/events), shared by `zaptrace replay FILE` (replay-log.ts) and by
 * verification (store/verify-log.ts: the file store's load and `zaptrace audit verify`): lines are
 * found with one `indexOf` each, so every line's offsets are exact byte positions in the file, each
 * line is decoded on its own when its reader asks, and every event's chain link is checked from the
 * bytes it was read from (kernel/hash-chain.ts, `newLinkCheck` here for a reader that checks as it reads), never from a re-serialisation.
 *
 * A plain object advanced by a function rather than a callback per line: both readers run their own
 * loop around `nextLine`, so nothing is allocated per line and each loop keeps its own control flow
 * (replay stops at the first line that is not JSON, verify records damage and goes on counting lines).
 */
export interface LogLineWalk {
  readonly bytes: Buffer;
  /** Where the walk ends: the end of the bytes, or just after the last newline (complete lines only). */
  readonly limit: number;
  /** How a line is decoded: in an all-ASCII log a line's string offsets are its byte offsets. */
  readonly encoding: 'latin1' | 'utf8';
  /** An all-ASCII log decoded once, when its reader keeps every event (`decodeOnce`); else null. */
  readonly text: string | null;
  /** The current line is bytes [start, end) (its newline excluded), line number `line` (1-based). */
  start: number;
  end: number;
  line: number;
  /** Where the line after the current one starts. */
  next: number;
}

const NEWLINE = 0x0a;

export interface WalkOptions {
  /** Where the walk ends (default: the end of the bytes, a final line without its newline being a line too). */
  limit?: number;
  /** Lines before byte 0 (a window of a file read in pieces): the first line is number `linesBefore + 1`. */
  linesBefore?: number;
  /**
   * Decode an all-ASCII log in one piece and slice lines from it. For a reader that keeps every parsed
   * event (verification): its heap grows with the log anyway, and a string per line made the young
   * collections that copy those events run more often (67 against 42 in 30 verifications of the
   * bench's 8 MB log). A reader that folds and drops each line
   * (replay) decodes line by line, so each line's string dies young: one string of the whole file is
   * as large as the file and is held outside the young generation until a full collection.
   */
  decodeOnce?: boolean;
}

/** A walk over the lines of `bytes`. */
export function walkLines(bytes: Buffer, options: WalkOptions = {}): LogLineWalk {
  const limit = options.limit ?? bytes.length;
  // JSON.stringify escapes nothing outside ASCII here, but names may be UTF-8. The check runs over
  // the bytes natively; a log of UTF-8 lines is decoded as UTF-8, line by line.
  const ascii = isAscii(bytes);
  const text = ascii && options.decodeOnce === true ? bytes.toString('latin1', 0, limit) : null;
  return { bytes, limit, encoding: ascii ? 'latin1' : 'utf8', text, start: 0, end: 0, line: options.linesBefore ?? 0, next: 0 };
}

/** Moves to the next line; false once the walk has passed `limit`. The line ends before a newline unless `end === limit`. */
export function nextLine(walk: LogLineWalk): boolean {
  const start = walk.next;
  if (start >= walk.limit) return false;
  let end = walk.bytes.indexOf(NEWLINE, start);
  if (end < 0 || end > walk.limit) end = walk.limit;
  walk.start = start;
  walk.end = end;
  walk.next = end + 1;
  walk.line++;
  return true;
}

/** The text of bytes [start, end) of the walk (a line, or a line without its trailing spaces). */
export function lineText(walk: LogLineWalk, start: number, end: number): string {
  return walk.text !== null ? walk.text.slice(start, end) : walk.bytes.toString(walk.encoding, start, end);
}

/** Why event number `n` (1-based) does not continue the chain at `prev` (null when it does), its line being bytes [start, end) of `bytes`. */
export type LinkCheck = (event: AnyEvent, n: number, sessionId: string | undefined, prev: string, bytes: Buffer, start: number, end: number) => string | null;

/**
 * A reader's link check: kernel/hash-chain.ts's checks and reasons (seq, session, prev_hash, hash),
 * the hash recomputed from the bytes as stored (events/stored-line.ts `hashOfStoredLine`;
 * docs/event-log.md, "Hash chain"). One walk description per reader, filled in per line, so checking a
 * line allocates nothing.
 */
export function newLinkCheck(): LinkCheck {
  let lineSession: string | undefined;
  let lineBytes: Buffer = Buffer.alloc(0);
  let lineStart = 0;
  let lineEnd = 0;
  const walk: ChainWalk<AnyEvent> = {
    after: { seq: 0, hash: '' },
    noun: 'event',
    check: (e) => (e.session_id === lineSession ? null : 'event belongs to another session'),
    recompute: (e) => hashOfStoredLine(e, lineBytes, lineStart, lineEnd),
  };
  return (event, n, sessionId, prev, bytes, start, end) => {
    lineSession = sessionId;
    lineBytes = bytes;
    lineStart = start;
    lineEnd = end;
    return brokenLinkReason(event, n - 1, prev, walk);
  };
}
