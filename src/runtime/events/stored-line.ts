import { hash as oneShotHash } from 'node:crypto';
import { ChainFormError, linkedHash } from '../../kernel/hash-chain.js';
import type { AnyEvent, CallAudit, EventActor } from './types.js';

/**
 * Event hash formats (docs/event-log.md, "Hash chain").
 *
 * - Format 1 (lines without `log_format`, written before format 2 existed):
 *   `hash = SHA-256(prev_hash ‖ JCS(event without "hash"))`. Kept only to verify old logs.
 * - Format 2 (`"log_format":2`, the key after `seq` in every line written now): the line is the
 *   writer's own `JSON.stringify` output, ending with the hash, and
 *   `hash = SHA-256(the line's bytes before ,"hash":")`, i.e. of the exact stored bytes of everything
 *   but the hash. Verifying a line hashes bytes it already holds, so it never re-serialises or
 *   canonicalises anything, and the in-memory key order of an event plays no part.
 *
 * A format-2 line must end with `,"hash":"<the event's hash>"}`; a `log_format` other than 2 is
 * refused. The two preimages cannot be confused: a format-1 preimage starts with 64 hex digits (the
 * previous hash), a format-2 one with `{`. The chain link stays explicit: the verifier checks each
 * event's `prev_hash` (inside the hashed bytes) against the previous event's hash.
 */
export const LOG_FORMAT = 2;
const HASH_KEY = ',"hash":"';
/** `,"hash":"` + 64 hex digits + `"}`: what follows the hashed bytes of a format-2 line. */
export const HASH_SUFFIX_BYTES = HASH_KEY.length + 64 + 2;

/**
 * The hashed part of the line of each event the runtime sealed (everything before `,"hash":"`), so a
 * store writes those bytes and never re-serialises; the rest of the line is the hash itself.
 */
const sealedLines = new WeakMap<object, string>();

/** The stored line of an event: the sealed bytes when this process sealed it, else its JSON text. */
export function storedLineOf(event: AnyEvent): string {
  const [hashed, rest] = storedLinePieces(event);
  return hashed + rest;
}

/**
 * The stored line of an event as two pieces whose concatenation is `storedLineOf(event)`: a writer
 * that copies bytes out (line-arena.ts) writes both without first joining them into one string.
 */
export function storedLinePieces(event: AnyEvent): [hashed: string, rest: string] {
  const hashed = sealedLines.get(event);
  return hashed === undefined ? [JSON.stringify(event), ''] : [hashed, `${HASH_KEY}${event.hash}"}`];
}

export interface UnsealedEvent {
  seq: number;
  id: string;
  type: string;
  v: number;
  at: string;
  session_id: string;
  actor: EventActor;
  request_id: string;
  audit?: CallAudit | undefined;
  data: unknown;
  prev_hash: string;
}

/** `,"hash":""}`: how JSON.stringify ends an event whose hash is still the empty placeholder. */
const EMPTY_HASH_TAIL = `${HASH_KEY}"}`.length;

/**
 * JSON text of the envelope members shared by many events (an actor, an audit record), by identity:
 * the runtime hands the same frozen object to every call of one principal and tool
 * (envelope-parts.ts), so their text is produced once instead of on every event.
 */
const sharedJson = new WeakMap<object, string>();

/** Marks a frozen envelope member as shared, so sealing reuses its JSON text. */
export function shareEnvelopeMember<T extends object>(member: T): T {
  sharedJson.set(Object.freeze(member), JSON.stringify(member));
  return member;
}

const jsonOfMember = (member: object) => sharedJson.get(member) ?? JSON.stringify(member);

/**
 * A new event in format 2: its line is serialised once, hashed, and kept for the store. Every event
 * has one of two shapes (the same keys in the same order, `hash` a string from the start), so V8
 * gives them two hidden classes. The line is composed member by member in the key order of the
 * object, each member's text being exactly what JSON.stringify gives it, so the line is the object's
 * own JSON.stringify text (test/runtime/sealed-line.test.ts checks it), with shared members' text
 * reused; the bytes before `,"hash":"` are the ones format 2 hashes.
 */
export function sealEvent(u: UnsealedEvent): AnyEvent {
  // Two shapes, each built by one literal: with the call's audit record (an allowed call's first event) and without.
  const event: AnyEvent =
    u.audit === undefined
      ? { seq: u.seq, log_format: LOG_FORMAT, id: u.id, type: u.type, v: u.v, at: u.at, session_id: u.session_id, actor: u.actor, request_id: u.request_id, data: u.data, prev_hash: u.prev_hash, hash: '' }
      : { seq: u.seq, log_format: LOG_FORMAT, id: u.id, type: u.type, v: u.v, at: u.at, session_id: u.session_id, actor: u.actor, request_id: u.request_id, audit: u.audit, data: u.data, prev_hash: u.prev_hash, hash: '' };
  const hashed = hashedText(event, u.audit);
  const hash = oneShotHash('sha256', hashed, 'hex');
  event.hash = hash;
  sealedLines.set(event, hashed);
  return event;
}

/** The event's JSON text up to (not including) `,"hash":"`. */
function hashedText(event: AnyEvent, audit: CallAudit | undefined): string {
  const q = JSON.stringify;
  // JSON.stringify leaves out a member whose value is undefined, and an integer's text is its decimal form:
  // anything else (no data, a non-integer position) is serialised whole rather than composed.
  if (event.data === undefined || !Number.isSafeInteger(event.seq) || !Number.isSafeInteger(event.v)) {
    const text = q(event);
    return text.slice(0, text.length - EMPTY_HASH_TAIL);
  }
  return `{"seq":${event.seq},"log_format":${LOG_FORMAT},"id":${q(event.id)},"type":${q(event.type)},"v":${event.v},"at":${q(event.at)},"session_id":${q(event.session_id)},"actor":${jsonOfMember(event.actor)},"request_id":${q(event.request_id)},${audit === undefined ? '' : `"audit":${jsonOfMember(audit)},`}"data":${q(event.data)},"prev_hash":${q(event.prev_hash)}`;
}

const isFormat1 = (e: { log_format?: unknown }) => e.log_format === undefined;

function assertKnownFormat(e: { log_format?: unknown }): void {
  if (e.log_format !== LOG_FORMAT) throw new ChainFormError(`event has an unknown log_format ${JSON.stringify(e.log_format) ?? ''}`.trimEnd());
}

/**
 * The hash an event's stored line gives, from the bytes `line[start, end)` (no newline) it was parsed
 * from. Format 2 hashes those bytes as they are; format 1 falls back to canonical JSON of the event.
 */
export function hashOfStoredLine(event: AnyEvent, line: Buffer, start: number, end: number): string {
  if (isFormat1(event)) return linkedHash(event);
  assertKnownFormat(event);
  const cut = end - HASH_SUFFIX_BYTES;
  if (cut <= start || !asciiAt(line, cut, HASH_KEY) || !asciiAt(line, cut + HASH_KEY.length, String(event.hash)) || !asciiAt(line, end - 2, '"}')) {
    throw new ChainFormError('line is not in the stored form of log format 2');
  }
  return oneShotHash('sha256', line.subarray(start, cut), 'hex');
}

/** Whether `bytes` holds the ASCII text `text` at `at` (compared in place: no slice, no string). */
function asciiAt(bytes: Buffer, at: number, text: string): boolean {
  if (at < 0 || at + text.length > bytes.length) return false;
  for (let k = 0; k < text.length; k++) if (bytes[at + k] !== text.charCodeAt(k)) return false;
  return true;
}

/** The same from a line held as text (a store row, a line read back from a file). */
export function hashOfStoredText(event: AnyEvent, line: string): string {
  if (isFormat1(event)) return linkedHash(event);
  assertKnownFormat(event);
  const cut = line.length - HASH_SUFFIX_BYTES;
  if (cut <= 0 || !line.endsWith(`${HASH_KEY}${String(event.hash)}"}`)) {
    throw new ChainFormError('line is not in the stored form of log format 2');
  }
  return oneShotHash('sha256', line.slice(0, cut), 'hex');
}

/**
 * The hash of an event held only as an object (no stored line at hand): format 2 takes the object's
 * JSON text as its line, which is exact for an event parsed from its line (JSON.parse then
 * JSON.stringify gives back text JSON.stringify wrote) and for one sealed here.
 */
export function hashOfEventObject(event: Omit<AnyEvent, 'hash'> & { hash?: unknown }): string {
  if (isFormat1(event)) return linkedHash(event as { prev_hash: string });
  assertKnownFormat(event);
  const { hash: _ignored, ...rest } = event;
  const body = JSON.stringify(rest);
  return oneShotHash('sha256', body.slice(0, -1), 'hex');
}
