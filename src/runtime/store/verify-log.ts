import type { KeyObject } from 'node:crypto';
import { GENESIS_HASH } from '../events/chain.js';
import { firstBrokenLink, hashBefore } from '../../kernel/hash-chain.js';
import type { AnyEvent } from '../events/types.js';
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
}

const isEventShape = (v: Record<string, unknown>) =>
  Number.isInteger(v['seq']) && typeof v['type'] === 'string' && typeof v['hash'] === 'string' && typeof v['prev_hash'] === 'string' && typeof v['session_id'] === 'string';

/** Splits into lines and classifies them; the first line that is neither an event nor a head is damage. */
export function parseLog(text: string): ParsedLog {
  const out: ParsedLog = { events: [], heads: [], completeBytes: 0, torn: null, damage: null, lineEnds: [], eventStarts: [] };
  const lastNewline = text.lastIndexOf('\n');
  const complete = lastNewline < 0 ? '' : text.slice(0, lastNewline);
  const tail = text.slice(lastNewline + 1);
  if (tail !== '') out.torn = { bytes: Buffer.byteLength(tail) };
  out.completeBytes = lastNewline < 0 ? 0 : Buffer.byteLength(complete) + 1;
  if (lastNewline < 0) return out;
  let offset = 0;
  const lines = complete.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const start = offset;
    offset += Buffer.byteLength(line) + 1;
    out.lineEnds.push(offset);
    if (out.damage) continue;
    const damage = (reason: string) => {
      out.damage = { line: i + 1, reason };
    };
    if (line.trim() === '') {
      damage('blank line');
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      damage('line is not JSON');
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      damage('line is not a JSON object');
      continue;
    }
    const obj = value as Record<string, unknown>;
    if ('head' in obj && Object.keys(obj).length === 1) out.heads.push({ head: obj['head'] as SignedHead, line: i + 1, afterEvents: out.events.length });
    else if (isEventShape(obj)) {
      out.events.push(obj as unknown as AnyEvent);
      out.eventStarts.push(start);
    }
    else damage('line is neither an event nor a signed head');
  }
  return out;
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
  const lineOfEvent = eventLines(log);
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
  const broken = firstBrokenLink(log.events, {
    after: { seq: 0, hash: GENESIS_HASH },
    noun: 'event',
    check: (e) => (e.session_id !== sessionId ? 'event belongs to another session' : null),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (broken) return fail(lineOfEvent[broken.index]!, broken.reason, hashBefore(log.events, broken.index, GENESIS_HASH), null);
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
    return fail(lineOfEvent[covered]!, `${log.events.length - covered} event(s) from seq ${covered + 1} are not covered by a signed head`, prev, lastHead);
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
