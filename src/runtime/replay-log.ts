import { isAscii } from 'node:buffer';
import { GENESIS_HASH, type ChainVerdict } from './events/chain.js';
import { hash as oneShotHash } from 'node:crypto';
import { HASH_SUFFIX_BYTES, LOG_FORMAT, hashOfStoredLine } from './events/stored-line.js';
import type { AnyEvent } from './events/types.js';
import { ChainFormError } from '../kernel/hash-chain.js';
import { emptySessionState, newReplayFolder, type SessionState } from './projections/session-state.js';

export interface LogReplay {
  /** The session as it was after event `upTo` (every event when absent). */
  state: SessionState;
  /** The whole log's hash chain (docs/event-log.md, "Hash chain"), every line checked from its bytes. */
  chain: ChainVerdict;
  /** The first line that is not JSON; reading stops there. */
  badLine?: number;
  /**
   * A final line without its newline that is not JSON: the tail of a write a crash cut short
   * (docs/log-integrity.md, "Crash tail"). It was never acknowledged, so it is left out, and said.
   */
  tornTail?: { line: number; bytes: number };
}

const NEWLINE = 0x0a;
/** Bytes a line may end with besides its newline (a log edited on another system): not part of the event. */
const isTrailingSpace = (b: number) => b === 0x0d || b === 0x20 || b === 0x09;

/**
 * Replays a session log held as JSON lines (an export of GET /api/v1/sessions/{id}/events, or a store
 * file) one line at a time: each event is parsed, its link checked against the bytes it was read from
 * (format 2 hashes those bytes as they are: no re-serialisation, events/stored-line.ts), folded, and
 * dropped. Memory holds the file and the state, never the parsed log, and the cost per event is about
 * that of parsing its line (`npm run bench`, "replay from a JSONL file"). Signed-head lines are
 * skipped: signatures are `zaptrace audit verify`'s concern.
 */
export function replayLogBytes(bytes: Buffer, options: { upTo?: number; onProgress?: (doneBytes: number, totalBytes: number) => void } = {}): LogReplay {
  // In an all-ASCII log (JSON.stringify escapes nothing else here, but names may be UTF-8) a line's
  // string offsets are its byte offsets. Each line is decoded on its own, so its string dies young:
  // one string of the whole file is as large as the file, held outside the heap until a full
  // mark-compact frees it (11 full collections in 20 replays of the bench's 8 MB log with it, 8 without).
  const ascii = isAscii(bytes);
  let folder: ReturnType<typeof newReplayFolder> | null = null;
  let sessionId: string | null = null;
  let count = 0;
  let prev = GENESIS_HASH;
  let broken: ChainVerdict['first_broken'] | undefined;
  let badLine: number | undefined;
  let tornTail: LogReplay['tornTail'];
  let start = 0;
  for (let lineNo = 1; start < bytes.length; lineNo++) {
    let end = bytes.indexOf(NEWLINE, start);
    const next = end < 0 ? bytes.length : end + 1;
    if (end < 0) end = bytes.length;
    while (end > start && isTrailingSpace(bytes[end - 1]!)) end--;
    if (end > start) {
      let value: unknown;
      let line: string;
      try {
        line = bytes.toString(ascii ? 'latin1' : 'utf8', start, end);
        value = JSON.parse(line);
      } catch {
        if (next === bytes.length && bytes[bytes.length - 1] !== NEWLINE) tornTail = { line: lineNo, bytes: bytes.length - start };
        else badLine = lineNo;
        break;
      }
      const isHead = typeof value === 'object' && value !== null && 'head' in value && Object.keys(value).length === 1;
      if (!isHead) {
        const event = value as AnyEvent;
        count++;
        sessionId ??= String(event.session_id);
        folder ??= newReplayFolder(emptySessionState(sessionId));
        if (!broken) {
          const reason = linkProblem(event, count, sessionId, prev, bytes, ascii ? line : null, start, end);
          if (reason) broken = { seq: typeof event.seq === 'number' ? event.seq : count, index: count - 1, reason };
          else prev = event.hash;
        }
        if (options.upTo === undefined || event.seq <= options.upTo) folder.add(event);
      }
    }
    start = next;
    if (options.onProgress && lineNo % 5000 === 0) options.onProgress(start, bytes.length);
  }
  const state = folder?.state() ?? emptySessionState('');
  const chain: ChainVerdict = broken ? { ok: false, events: count, head_hash: prev, first_broken: broken } : { ok: true, events: count, head_hash: prev };
  return { state, chain, ...(badLine !== undefined ? { badLine } : {}), ...(tornTail ? { tornTail } : {}) };
}

/** Why event number `n` does not continue the chain at `prev` (the checks and reasons of events/chain.ts `verifyChain`). */
function linkProblem(event: AnyEvent, n: number, sessionId: string, prev: string, bytes: Buffer, asciiLine: string | null, start: number, end: number): string | null {
  if (event.seq !== n) return `expected seq ${n}, found ${String(event.seq)}`;
  if (event.session_id !== sessionId) return 'event belongs to another session';
  if (event.prev_hash !== prev) return 'prev_hash does not match the previous event hash';
  if (asciiLine !== null && isStoredFormat2(event, asciiLine)) {
    // A plain Uint8Array view: cheaper to make than a Buffer (subarray), and the digest is the same.
    const hashed = new Uint8Array(bytes.buffer, bytes.byteOffset + start, end - HASH_SUFFIX_BYTES - start);
    return oneShotHash('sha256', hashed, 'hex') === event.hash ? null : 'hash does not match the event content';
  }
  // Any other line (format 1, a line not in the stored form, a non-ASCII log) takes the general path and its reasons.
  let recomputed: string;
  try {
    recomputed = hashOfStoredLine(event, bytes, start, end);
  } catch (err) {
    return err instanceof ChainFormError ? err.message : 'event is not canonicalisable JSON';
  }
  return recomputed === event.hash ? null : 'hash does not match the event content';
}

const HASH_KEY = ',"hash":"';
const QUOTE = 0x22;
const CLOSE_BRACE = 0x7d;

/**
 * Is `line` (of an all-ASCII log, so its offsets are byte offsets) a format-2 line in its
 * stored form, ending with `,"hash":"<the event's hash>"}` (events/stored-line.ts)? Checked on the
 * decoded line: comparing slices is cheaper than comparing the 64 hash digits byte by byte.
 * When it is not, `hashOfStoredLine` decides, with its own reasons.
 */
function isStoredFormat2(event: AnyEvent, line: string): boolean {
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
