import { isAscii } from 'node:buffer';
import { hash as oneShotHash } from 'node:crypto';
import { ChainFormError } from '../kernel/hash-chain.js';
import { HASH_SUFFIX_BYTES, LOG_FORMAT, hashOfStoredLine } from './events/stored-line.js';
import type { AnyEvent } from './events/types.js';

/**
 * The one walk over a session log held as bytes (JSON lines: a store file, or an export of
 * GET /api/v1/sessions/{id}/events), shared by `zaptrace replay FILE` (replay-log.ts) and by
 * verification (store/verify-log.ts: the file store's load and `zaptrace audit verify`): lines are
 * found with one `indexOf` each, so every line's offsets are exact byte positions in the file, each
 * line is decoded on its own when its reader asks, and every event's chain link is checked from the
 * bytes it was read from (`linkProblem`), never from a re-serialisation.
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

/**
 * Node's decoders that `Buffer#toString(encoding, start, end)` dispatches to (lib/buffer.js), present on
 * Buffer.prototype though not in its typings. Called directly, they skip toString's argument checks
 * and encoding lookup (about 0.5 ms of a 35 ms replay of the bench's log); `toString` stands in
 * wherever they are missing.
 */
interface BufferDecoders {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}
const direct = typeof (Buffer.prototype as Partial<BufferDecoders>).latin1Slice === 'function' && typeof (Buffer.prototype as Partial<BufferDecoders>).utf8Slice === 'function';

/** The text of bytes [start, end) of the walk (a line, or a line without its trailing spaces). */
export function lineText(walk: LogLineWalk, start: number, end: number): string {
  if (walk.text !== null) return walk.text.slice(start, end);
  if (!direct) return walk.bytes.toString(walk.encoding, start, end);
  const bytes = walk.bytes as Buffer & BufferDecoders;
  return walk.encoding === 'latin1' ? bytes.latin1Slice(start, end) : bytes.utf8Slice(start, end);
}

/**
 * Why event number `n` (1-based) does not continue the chain at `prev`, its line being bytes
 * [start, end) of `bytes`: the checks and reasons of kernel/hash-chain.ts `firstBrokenLink` (seq,
 * session, prev_hash, hash), the hash recomputed from the bytes as stored (docs/event-log.md,
 * "Hash chain"). Null when the link holds. A reader that holds the line decoded from an all-ASCII log
 * (string offsets are byte offsets) passes it as `asciiText`: the stored form is then checked on it.
 */
export function linkProblem(event: AnyEvent, n: number, sessionId: string | undefined, prev: string, bytes: Buffer, start: number, end: number, asciiText: string | null = null): string | null {
  if (event.seq !== n) return `expected seq ${n}, found ${String(event.seq)}`;
  if (event.session_id !== sessionId) return 'event belongs to another session';
  if (event.prev_hash !== prev) return 'prev_hash does not match the previous event hash';
  // A format-2 line in its stored form (every line the runtime writes): SHA-256 over a plain
  // Uint8Array view of the bytes before `,"hash":"`, cheaper to make than a Buffer, same digest.
  if (asciiText !== null ? isStoredFormat2Text(event, asciiText) : isStoredFormat2(event, bytes, start, end)) {
    const hashed = new Uint8Array(bytes.buffer, bytes.byteOffset + start, end - HASH_SUFFIX_BYTES - start);
    return oneShotHash('sha256', hashed, 'hex') === event.hash ? null : 'hash does not match the event content';
  }
  // Any other line (format 1, a line not in the stored form) takes the general path and its reasons.
  let recomputed: string;
  try {
    recomputed = hashOfStoredLine(event, bytes, start, end);
  } catch (err) {
    return err instanceof ChainFormError ? err.message : 'event is not canonicalisable JSON';
  }
  return recomputed === event.hash ? null : 'hash does not match the event content';
}

const HASH_KEY = ',"hash":"';
const HASH_KEY_CODES = Array.from(HASH_KEY, (c) => c.charCodeAt(0));
const QUOTE = 0x22;
const CLOSE_BRACE = 0x7d;

/**
 * Does line [start, end) end with `,"hash":"<the event's hash>"}`, the stored form of a format-2
 * line (events/stored-line.ts)? Compared in place, byte by byte: no slice, no string. When it does
 * not, `hashOfStoredLine` decides, with its own reasons.
 */
function isStoredFormat2(event: AnyEvent, bytes: Buffer, start: number, end: number): boolean {
  const cut = end - HASH_SUFFIX_BYTES;
  const hash = event.hash;
  if (event.log_format !== LOG_FORMAT || cut <= start || typeof hash !== 'string' || hash.length !== 64) return false;
  if (bytes[end - 1] !== CLOSE_BRACE || bytes[end - 2] !== QUOTE) return false;
  for (let k = 0; k < HASH_KEY_CODES.length; k++) if (bytes[cut + k] !== HASH_KEY_CODES[k]) return false;
  const at = cut + HASH_KEY_CODES.length;
  for (let k = 0; k < 64; k++) if (bytes[at + k] !== hash.charCodeAt(k)) return false;
  return true;
}

/**
 * The same check on the line's text, for a line of an all-ASCII log (its offsets are byte offsets):
 * comparing slices of the string the reader decoded anyway costs less than comparing the 64 hash
 * digits byte by byte, and less than `startsWith` at an offset (0.7 against 1.6 ms over the bench's
 * 10,002 lines).
 */
function isStoredFormat2Text(event: AnyEvent, line: string): boolean {
  const end = line.length;
  const cut = end - HASH_SUFFIX_BYTES;
  return (
    event.log_format === LOG_FORMAT &&
    cut > 0 &&
    line.slice(cut, cut + HASH_KEY.length) === HASH_KEY &&
    line.charCodeAt(end - 2) === QUOTE &&
    line.charCodeAt(end - 1) === CLOSE_BRACE &&
    line.slice(cut + HASH_KEY.length, end - 2) === event.hash
  );
}
