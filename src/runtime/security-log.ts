import { existsSync, readFileSync, truncateSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { chainVerdict, linkedHash } from '../kernel/hash-chain.js';
import { sha256Hex } from '../kernel/hash.js';

/**
 * Process-wide security record (contract.md, "Audit evidence"): every denial, refusal and rejected
 * token — objects the caller may not see, rejected tokens, rate limits, host/origin refusals,
 * capability and release-gate refusals — lands here, never in the victim's session. Records are
 * hash-chained like session events (docs/event-log.md: sha256(prev_hash || JCS(record without hash)))
 * and, with a store directory, appended to `security.jsonl` with fsync before the batch counts as
 * written. Readable only by a grant with the `audit` claim.
 */
export interface SecurityDenial {
  principal: string;
  surface: string;
  tool: string;
  object: string;
  /** The error code the caller got (AUTH_REQUIRED, OBJECT_NOT_AUTHORIZED, RELEASE_GATE_…). */
  reason: string;
  request_id: string;
}

export interface SecurityRecord extends SecurityDenial {
  seq: number;
  at: string;
  decision: 'deny';
  prev_hash: string;
  hash: string;
}

export interface SecurityPage {
  records: SecurityRecord[];
  /** Pass as `after` to read on; null when the page reached the end. */
  next_after: number | null;
}

export interface SecurityLog {
  record(denial: SecurityDenial): SecurityRecord;
  /** The in-memory window (the newest `capacity` records). */
  entries(): readonly SecurityRecord[];
  /** Records with seq > after, oldest first; from the file when the window no longer holds them. */
  list(query: { after: number; limit: number }): Promise<SecurityPage>;
  /** Denials since start-up by reason code (for /metrics). */
  counts(): Readonly<Record<string, number>>;
  /** Resolves when every record so far is durable (no-op in memory). */
  flush(): Promise<void>;
}

/**
 * Where security records are kept durably besides a file: the PostgreSQL store keeps each node's chain
 * in its database (docs/postgres.md). `append` resolves once the records are committed.
 */
export interface SecuritySink {
  append(records: readonly SecurityRecord[]): Promise<void>;
  /** This log's records, oldest first. */
  readAll(): Promise<SecurityRecord[]>;
}

/** prev_hash of a security log's first record: SHA-256 of the ASCII text "zaptrace/security-log/v1". */
export const SECURITY_GENESIS_HASH = sha256Hex('zaptrace/security-log/v1');

export function computeSecurityHash(record: Omit<SecurityRecord, 'hash'> & { hash?: string }): string {
  return linkedHash(record);
}

export interface SecurityChainVerdict {
  ok: boolean;
  records: number;
  head_hash: string;
  first_broken?: { seq: number; index: number; reason: string };
}

export function verifySecurityChain(records: readonly SecurityRecord[]): SecurityChainVerdict {
  const { ok, ...rest } = chainVerdict(records, { after: { seq: 0, hash: SECURITY_GENESIS_HASH }, noun: 'record', check: (r) => (r.decision !== 'deny' ? 'a security record must say decision deny' : null) });
  return { ok, records: records.length, ...rest };
}

/** Parses JSON lines; `badLine` is the 1-based number of the first line that is not a JSON object. */
export function parseSecurityLines(text: string): { records: SecurityRecord[]; badLine?: number } {
  const records: SecurityRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return { records, badLine: i + 1 };
      records.push(value as SecurityRecord);
    } catch {
      return { records, badLine: i + 1 };
    }
  }
  return { records };
}

/** Loads an existing file: a torn final line (crash mid-append) is cut off so the chain continues cleanly. */
function loadFile(file: string): SecurityRecord[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) truncateSync(file, Buffer.byteLength(text.slice(0, end)));
  return parseSecurityLines(text.slice(0, end)).records;
}

const field = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

export function createSecurityLog(options: { capacity?: number; file?: string; sink?: SecuritySink; now?: () => Date } = {}): SecurityLog {
  const capacity = options.capacity ?? 10_000;
  const now = options.now ?? (() => new Date());
  const file = options.file;
  const existing = file ? loadFile(file) : [];
  const ring: SecurityRecord[] = existing.slice(-capacity);
  let seq = existing.length > 0 ? existing[existing.length - 1]!.seq : 0;
  let head = existing.length > 0 ? existing[existing.length - 1]!.hash : SECURITY_GENESIS_HASH;
  const counts: Record<string, number> = {};

  // Group commit: records queue while one write+fsync is in flight, then go out as one batch, so a
  // flood of bad tokens costs one fsync per batch, not one per request.
  const sink = options.sink;
  let pending: SecurityRecord[] = [];
  let writing: Promise<void> | null = null;
  async function drain(): Promise<void> {
    while (pending.length > 0 && (file || sink)) {
      const batch = pending;
      pending = [];
      try {
        if (sink) await sink.append(batch);
        else {
          const handle = await open(file!, 'a', 0o600);
          try {
            await handle.appendFile(batch.map((r) => `${JSON.stringify(r)}\n`).join(''));
            await handle.sync();
          } finally {
            await handle.close();
          }
        }
      } catch {
        // Keep the batch for the next attempt; the denial itself was already answered.
        pending = [...batch, ...pending];
        return;
      }
    }
  }
  const kick = () => {
    writing ??= drain().finally(() => {
      writing = null;
    });
    return writing;
  };

  return {
    record(denial) {
      seq += 1;
      const base = {
        seq,
        at: now().toISOString(),
        decision: 'deny' as const,
        reason: field(denial.reason, 100),
        principal: field(denial.principal, 200),
        surface: field(denial.surface, 20),
        tool: field(denial.tool, 200),
        object: field(denial.object, 200),
        request_id: field(denial.request_id, 100),
        prev_hash: head,
      };
      const rec: SecurityRecord = { ...base, hash: computeSecurityHash(base) };
      head = rec.hash;
      ring.push(rec);
      if (ring.length > capacity) ring.splice(0, ring.length - capacity);
      counts[rec.reason] = (counts[rec.reason] ?? 0) + 1;
      if (file || sink) {
        pending.push(rec);
        void kick();
      }
      return rec;
    },
    entries: () => ring,
    async list({ after, limit }) {
      const first = ring[0]?.seq ?? seq + 1;
      let source: readonly SecurityRecord[] = ring;
      if (after + 1 < first && sink) {
        await kick();
        source = await sink.readAll();
      } else if (after + 1 < first && file && existsSync(file)) {
        await kick();
        source = parseSecurityLines(await readFile(file, 'utf8')).records;
      }
      const records = source.filter((r) => r.seq > after).slice(0, limit);
      const last = records[records.length - 1];
      return { records, next_after: last && last.seq < seq ? last.seq : null };
    },
    counts: () => counts,
    async flush() {
      while (pending.length > 0 || writing) {
        const before = pending.length;
        await kick();
        if (pending.length > 0 && pending.length >= before && !writing) return; // the disk refuses: give up for now
      }
    },
  };
}

/**
 * Codes that are denials or refusals (contract.md, "Errors"): each one the caller gets becomes exactly
 * one security record, whichever layer notices it first.
 */
const DENIAL_CODES = new Set(['AUTH_REQUIRED', 'OPERATION_NOT_AUTHORIZED', 'OBJECT_NOT_AUTHORIZED', 'RATE_LIMITED', 'HOST_NOT_ALLOWED', 'ORIGIN_NOT_ALLOWED', 'PATH_RELEASED', 'SELF_APPROVAL', 'SERVER_BUSY']);

export function isDenialCode(code: string): boolean {
  return DENIAL_CODES.has(code) || code.startsWith('RELEASE_GATE_');
}

const recorded = new WeakSet<object>();

/** Records a thrown denial unless an inner layer already did (the same error object passes several layers). */
export function recordDenialOnce(log: SecurityLog, err: unknown, denial: Omit<SecurityDenial, 'reason'>): void {
  if (typeof err !== 'object' || err === null || recorded.has(err)) return;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !isDenialCode(code)) return;
  recorded.add(err);
  log.record({ ...denial, reason: code });
}

/** Marks an error as recorded by the layer that threw it. */
export function markDenialRecorded(err: object): void {
  recorded.add(err);
}
