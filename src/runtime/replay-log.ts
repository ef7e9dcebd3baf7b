import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { GENESIS_HASH, type ChainVerdict } from './events/chain.js';
import type { AnyEvent } from './events/types.js';
import { lineText, newLinkCheck, nextLine, walkLines, type LinkCheck, type LogLineWalk } from './log-lines.js';
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

export interface ReplayOptions {
  upTo?: number;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
}

export interface FileReplayOptions extends ReplayOptions {
  /** Bytes read at a time (default 1 MiB); a longer line widens the window. */
  windowBytes?: number;
}

const NEWLINE = 0x0a;
/** Bytes a line may end with besides its newline (a log edited on another system): not part of the event. */
const isTrailingSpace = (b: number) => b === 0x0d || b === 0x20 || b === 0x09;

/** What a replay carries from line to line. */
interface Replaying {
  readonly options: ReplayOptions;
  folder: ReturnType<typeof newReplayFolder> | null;
  sessionId: string | undefined;
  count: number;
  prev: string;
  broken: ChainVerdict['first_broken'] | undefined;
  badLine: number | undefined;
  tornTail: LogReplay['tornTail'];
  readonly linkProblem: LinkCheck;
}

const replaying = (options: ReplayOptions): Replaying => ({ options, folder: null, sessionId: undefined, count: 0, prev: GENESIS_HASH, broken: undefined, badLine: undefined, tornTail: undefined, linkProblem: newLinkCheck() });

/**
 * Replays a session log held as JSON lines (an export of GET /api/v1/sessions/{id}/events, or a store
 * file) one line at a time: each event is parsed, its link checked against the bytes it was read from
 * (format 2 hashes those bytes as they are: no re-serialisation, events/stored-line.ts), folded, and
 * dropped. Memory holds the bytes and the state, never the parsed log, and the cost per event is about
 * that of parsing its line (`npm run bench`, "replay from a JSONL file"). Signed-head lines are
 * skipped: signatures are `zaptrace audit verify`'s concern. The lines are walked as verification
 * walks them (log-lines.ts).
 */
export function replayLogBytes(bytes: Buffer, options: ReplayOptions = {}): LogReplay {
  const r = replaying(options);
  replayLines(r, walkLines(bytes), 0, bytes.length);
  return replayed(r);
}

const WINDOW_BYTES = 1 << 20;

/**
 * `replayLogBytes` of a file, read a window at a time: memory holds one window and the state, not the
 * file, and the result is the one the whole bytes give (test/runtime/replay-log-window.test.ts). The
 * window is reused for the whole file, so a replay allocates no buffer the size of its log: such a
 * buffer outlives two young collections and is then freed only by a full one (one every third replay
 * of the bench's 8 MB log read whole, against none here).
 */
export function replayLogFile(path: string, options: FileReplayOptions = {}): LogReplay {
  const r = replaying(options);
  const fd = openSync(path, 'r');
  try {
    const total = fstatSync(fd).size;
    let window = Buffer.allocUnsafeSlow(Math.max(1, Math.min(options.windowBytes ?? WINDOW_BYTES, total)));
    let filled = 0; // bytes of the window holding file content: a carried line, then what was read
    let base = 0; // file offset of the window's first byte
    let lines = 0;
    for (;;) {
      if (filled === window.length) {
        const wider = Buffer.allocUnsafeSlow(window.length * 2);
        window.copy(wider, 0, 0, filled);
        window = wider;
      }
      const got = readSync(fd, window, filled, window.length - filled, base + filled);
      filled += got;
      const atEnd = got === 0;
      // Complete lines only, until the file ends: the rest is carried to the next window.
      const limit = atEnd ? filled : window.lastIndexOf(NEWLINE, filled - 1) + 1;
      if (limit > 0) {
        const walk = walkLines(window.subarray(0, filled), { limit, linesBefore: lines });
        if (!replayLines(r, walk, base, total) || atEnd) break;
        lines = walk.line;
        window.copy(window, 0, limit, filled);
        base += limit;
        filled -= limit;
      } else if (atEnd) break;
    }
  } finally {
    closeSync(fd);
  }
  return replayed(r);
}

/** Folds the lines of `walk` (whose byte 0 is file offset `base`); false when reading stops (a line that is not JSON). */
function replayLines(r: Replaying, walk: LogLineWalk, base: number, total: number): boolean {
  const bytes = walk.bytes;
  const { upTo, onProgress } = r.options;
  // The chain's state in locals for the loop, written back when it ends.
  let { count, prev, broken } = r;
  let more = true;
  while (nextLine(walk)) {
    const start = walk.start;
    let end = walk.end;
    while (end > start && isTrailingSpace(bytes[end - 1]!)) end--;
    if (end > start) {
      let value: unknown;
      const line = lineText(walk, start, end);
      try {
        value = JSON.parse(line);
      } catch {
        if (walk.end === walk.limit && bytes[walk.limit - 1] !== NEWLINE) r.tornTail = { line: walk.line, bytes: walk.limit - start };
        else r.badLine = walk.line;
        more = false;
        break;
      }
      const isHead = typeof value === 'object' && value !== null && 'head' in value && Object.keys(value).length === 1;
      if (!isHead) {
        const event = value as AnyEvent;
        count++;
        r.sessionId ??= String(event.session_id);
        r.folder ??= newReplayFolder(emptySessionState(r.sessionId));
        if (!broken) {
          const reason = r.linkProblem(event, count, r.sessionId, prev, bytes, start, end);
          if (reason) broken = { seq: typeof event.seq === 'number' ? event.seq : count, index: count - 1, reason };
          else prev = event.hash;
        }
        if (upTo === undefined || event.seq <= upTo) r.folder.add(event);
      }
    }
    if (onProgress && walk.line % 5000 === 0) onProgress(base + walk.next, total);
  }
  r.count = count;
  r.prev = prev;
  r.broken = broken;
  return more;
}

function replayed(r: Replaying): LogReplay {
  const state = r.folder?.state() ?? emptySessionState('');
  const chain: ChainVerdict = r.broken ? { ok: false, events: r.count, head_hash: r.prev, first_broken: r.broken } : { ok: true, events: r.count, head_hash: r.prev };
  return { state, chain, ...(r.badLine !== undefined ? { badLine: r.badLine } : {}), ...(r.tornTail ? { tornTail: r.tornTail } : {}) };
}
