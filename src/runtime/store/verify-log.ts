import type { KeyObject } from 'node:crypto';
import { GENESIS_HASH } from '../events/chain.js';
import { firstBrokenLink, hashBefore } from '../../kernel/hash-chain.js';
import { hashOfStoredLine } from '../events/stored-line.js';
import type { AnyEvent } from '../events/types.js';
import { lineText, nextLine, walkLines } from '../log-lines.js';
import { headProblem, type SignedHead } from './signed-head.js';

/**
 * Reads and checks a session log as stored (and as exported): JSON lines, each an event or a
 * `{"head": …}` line that closes a flushed batch (docs/log-integrity.md). The same checks run when
 * the file store loads a session and in `zaptrace audit verify`, so the two can never disagree.
 */
export interface LogDamage {
  /** 1-based line number in the file. */
  line: number;
  reason: string;
}

export interface ParsedLog {
  events: AnyEvent[];
  heads: { head: SignedHead; line: number; afterEvents: number }[];
  /** Byte length of the complete lines (everything up to and including the last newline). */
  completeBytes: number;
  /** A final line without its newline: a write cut short by a crash. */
  torn: { bytes: number } | null;
  damage: LogDamage | null;
  /** Byte offset just after each complete line, by line index (0-based). */
  lineEnds: number[];
  /** Byte offset where each event's line starts, in event order. */
  eventStarts: number[];
  /** Byte offset where each event's line ends (its newline), in event order. */
  eventEnds: number[];
  /** The bytes parsed: event hashes are recomputed from them as stored (events/stored-line.ts). */
  bytes: Buffer;
}

const isEventShape = (v: Record<string, unknown>) =>
  Number.isInteger(v['seq']) && typeof v['type'] === 'string' && typeof v['hash'] === 'string' && typeof v['prev_hash'] === 'string' && typeof v['session_id'] === 'string';

const NEWLINE = 10;
const OPEN_BRACE = 123;

/**
 * Splits into lines and classifies them; the first line that is neither an event nor a head is damage.
 * Works on the bytes (a string is encoded first), so offsets are exact byte positions in the file;
 * the lines are walked as `zaptrace replay FILE` walks them (log-lines.ts).
 */
export function parseLog(input: string | Buffer): ParsedLog {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const out: ParsedLog = { events: [], heads: [], completeBytes: 0, torn: null, damage: null, lineEnds: [], eventStarts: [], eventEnds: [], bytes };
  const lastNewline = bytes.lastIndexOf(NEWLINE);
  if (lastNewline + 1 < bytes.length) out.torn = { bytes: bytes.length - lastNewline - 1 };
  out.completeBytes = lastNewline + 1;
  // Complete lines only: a final line without its newline is the torn tail, never parsed. Every event
  // is kept, so an all-ASCII log is decoded once (log-lines.ts, `decodeOnce`).
  const walk = walkLines(bytes, { limit: out.completeBytes, decodeOnce: true });
  while (nextLine(walk)) {
    out.lineEnds.push(walk.next);
    if (!out.damage) {
      const reason = classifyLine(out, lineText(walk, walk.start, walk.end), walk.start, walk.end, walk.line);
      if (reason) out.damage = { line: walk.line, reason };
    }
  }
  return out;
}

/** Adds line `lineNo` (bytes [start, end)) to the events or heads; returns why it is damage, if it is. */
function classifyLine(out: ParsedLog, line: string, start: number, end: number, lineNo: number): string | null {
  if (line.charCodeAt(0) !== OPEN_BRACE && line.trim() === '') return 'blank line';
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'line is not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'line is not a JSON object';
  const obj = value as Record<string, unknown>;
  if (isEventShape(obj)) {
    out.events.push(obj as unknown as AnyEvent);
    out.eventStarts.push(start);
    out.eventEnds.push(end);
    return null;
  }
  if ('head' in obj && Object.keys(obj).length === 1) {
    out.heads.push({ head: obj['head'] as SignedHead, line: lineNo, afterEvents: out.events.length });
    return null;
  }
  return 'line is neither an event nor a signed head';
}

export interface LogVerdict {
  ok: boolean;
  events: number;
  heads: number;
  head_hash: string;
  /** The last signed head that verified, if any. */
  last_head: SignedHead | null;
  problem?: LogDamage;
}

export interface VerifyOptions {
  /** The log key; null checks the chain alone (heads are then ignored, and so is coverage). */
  publicKey: KeyObject | string | null;
  /** The session the file belongs to (a store file's name); when absent, the first event's. */
  sessionId?: string;
  /** Check every head's signature (audit), or only the last one, which covers the whole prefix (load). */
  everySignature: boolean;
  /** Called every few thousand events with how many are checked (a CLI progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Chain (seq contiguity, prev link, each event's hash) plus heads: every head names an event of its
 * batch and that event's hash, and the final event is covered by a head whose signature holds.
 */
export function verifyParsedLog(log: ParsedLog, options: VerifyOptions): LogVerdict {
  const lineOfEvent = (index: number) => eventLines(log)[index]!;
  const fail = (line: number, reason: string, headHash: string, lastHead: SignedHead | null): LogVerdict => ({
    ok: false,
    events: log.events.length,
    heads: log.heads.length,
    head_hash: headHash,
    last_head: lastHead,
    problem: { line, reason },
  });
  if (log.damage) return fail(log.damage.line, log.damage.reason, GENESIS_HASH, null);
  const sessionId = options.sessionId ?? log.events[0]?.session_id;
  // Each event's link checked as replay checks it (kernel/hash-chain.ts), its hash from the bytes of
  // its line as stored: never re-serialised (format 2).
  const { events, bytes, eventStarts, eventEnds } = log;
  const broken = firstBrokenLink(events, {
    after: { seq: 0, hash: GENESIS_HASH },
    noun: 'event',
    check: (e) => (e.session_id === sessionId ? null : 'event belongs to another session'),
    recompute: (e, i) => hashOfStoredLine(e, bytes, eventStarts[i]!, eventEnds[i]!),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (broken) return fail(lineOfEvent(broken.index), broken.reason, hashBefore(events, broken.index, GENESIS_HASH), null);
  const prev = hashBefore(log.events, log.events.length, GENESIS_HASH);
  let lastHead: SignedHead | null = null;
  if (options.publicKey === null) return { ok: true, events: log.events.length, heads: log.heads.length, head_hash: prev, last_head: null };
  for (let k = 0; k < log.heads.length; k++) {
    const { head, line, afterEvents } = log.heads[k]!;
    const h = head as Partial<SignedHead>;
    if (h.session_id !== sessionId) return fail(line, 'signed head names another session', prev, lastHead);
    if (h.seq !== afterEvents || afterEvents === 0) return fail(line, `signed head names seq ${String(h.seq)} but follows event ${afterEvents}`, prev, lastHead);
    if (h.hash !== log.events[afterEvents - 1]!.hash) return fail(line, 'signed head hash differs from the event it closes', prev, lastHead);
    const isLast = k === log.heads.length - 1;
    if (options.everySignature || isLast) {
      const problem = headProblem(head, options.publicKey);
      if (problem) return fail(line, problem, prev, lastHead);
    }
    lastHead = head;
  }
  const covered = lastHead?.seq ?? 0;
  if (covered < log.events.length) {
    return fail(lineOfEvent(covered), `${log.events.length - covered} event(s) from seq ${covered + 1} are not covered by a signed head`, prev, lastHead);
  }
  return { ok: true, events: log.events.length, heads: log.heads.length, head_hash: prev, last_head: lastHead };
}

/** Line number of each event, in order. */
function eventLines(log: ParsedLog): number[] {
  const headLines = new Set(log.heads.map((h) => h.line));
  const out: number[] = [];
  const total = log.lineEnds.length;
  for (let line = 1; line <= total && out.length < log.events.length; line++) if (!headLines.has(line)) out.push(line);
  return out;
}

/** A witness (a signed head a client kept) checked against a log: detects truncation and rewrites. */
export function witnessProblem(log: ParsedLog, witness: unknown, publicKey: KeyObject | string): string | null {
  const problem = headProblem(witness, publicKey);
  if (problem) return `the witness does not verify: ${problem}`;
  const w = witness as SignedHead;
  const sessionId = log.events[0]?.session_id;
  if (sessionId !== undefined && w.session_id !== sessionId) return 'the witness belongs to another session';
  if (log.events.length < w.seq) return `the log ends at seq ${log.events.length} but the witness saw seq ${w.seq}: it was truncated`;
  if (log.events[w.seq - 1]!.hash !== w.hash) return `event ${w.seq} differs from the one the witness saw: the log was rewritten`;
  return null;
}
