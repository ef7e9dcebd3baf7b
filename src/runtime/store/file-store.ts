import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { ZapTraceError } from '../../kernel/errors.js';
import { lockStoreDir, type DirLock } from './dir-lock.js';
import type { EventStore, QuarantinedSession, RepairRecord } from './event-store.js';
import { loadOrCreateLogSigner } from './log-key.js';
import { createLogStore, type LogBackend, type SessionTip } from './log-store.js';
import { SessionIndex } from './session-index.js';
import { createSnapshotFiles } from './snapshot-files.js';
import { hashOfStoredText } from '../events/stored-line.js';
import type { AnyEvent } from '../events/types.js';
import type { LogSigner } from './log-key.js';
import { parseLog, verifyParsedLog } from './verify-log.js';

const SESSION_FILE = /^(zs_[A-Za-z0-9_-]{1,100})\.jsonl$/;
const SESSION_ID = /^zs_[A-Za-z0-9_-]{1,100}$/;
export const LOG_KEY_FILE = 'log-signing-key.pem';
const REPAIRS_FILE = 'repairs.jsonl';
/** Append handles kept open (well under the usual 1,024 descriptors a process may hold). */
const OPEN_HANDLES = 256;

export interface FileStoreOptions {
  /** PKCS#8 PEM file of the Ed25519 log key; default `DIR/log-signing-key.pem`, created when absent. */
  logKeyFile?: string;
  /** Structured operator log (one JSON object per call). */
  log?: (entry: Record<string, unknown>) => void;
  /** Open without the writer lock and without cutting tails (status and verification tools). */
  readOnly?: boolean;
  /** Load only this session (a read-only tool looking at one session). */
  only?: string;
}

export type FileEventStore = EventStore & { close(): void };

/**
 * File adapter (architecture.md): one JSON-lines file per session under a directory one server owns.
 * On open, every file is verified before it is served (docs/log-integrity.md): a torn final line is
 * a crash tail, cut back to the last signed head and recorded in `repairs.jsonl`; any other damage
 * quarantines that session and leaves its file byte for byte. Appends go through the shared log
 * layer (group commit, signed heads) and are acknowledged only after write + fdatasync.
 */
export function createFileEventStore(dir: string, options: FileStoreOptions = {}): FileEventStore {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const log = options.log ?? (() => undefined);
  const lock: DirLock | null = options.readOnly ? null : lockStoreDir(dir);
  if (lock?.tookOverFrom) log({ level: 'warn', event: 'store.lock_taken_over', previous_pid: lock.tookOverFrom.pid, previous_since: lock.tookOverFrom.since });
  try {
    const signer = loadOrCreateLogSigner(options.logKeyFile ?? join(dir, LOG_KEY_FILE));
    const initial = new Map<string, SessionTip>();
    const quarantined = new Map<string, QuarantinedSession>();
    const files = new Map<string, SessionFile>();
    const repairsPath = join(dir, REPAIRS_FILE);

    for (const name of readdirSync(dir).sort()) {
      const m = SESSION_FILE.exec(name);
      if (!m) continue;
      const sessionId = m[1]!;
      if (options.only !== undefined && sessionId !== options.only) continue;
      const path = join(dir, name);
      const bytes = readFileSync(path);
      let parsed = parseLog(bytes);
      let verdict = verifyParsedLog(parsed, { publicKey: signer.publicKeyPem, sessionId, everySignature: false });
      if (parsed.torn && !parsed.damage) {
        // A batch is one write: a torn final line means the last batch never completed. Everything
        // after the last signed head belongs to it and was never acknowledged.
        const lastHead = parsed.heads[parsed.heads.length - 1];
        const keepBytes = lastHead ? parsed.lineEnds[lastHead.line - 1]! : 0;
        const candidate = parseLog(bytes.subarray(0, keepBytes));
        const candidateVerdict = verifyParsedLog(candidate, { publicKey: signer.publicKeyPem, sessionId, everySignature: false });
        if (candidateVerdict.ok && !options.readOnly) {
          const record: RepairRecord = {
            at: new Date().toISOString(),
            session_id: sessionId,
            cut_bytes: bytes.length - keepBytes,
            cut_events: parsed.events.length - candidate.events.length,
            kept_events: candidate.events.length,
          };
          truncateSync(path, keepBytes);
          appendFileSync(repairsPath, `${JSON.stringify(record)}\n`, { mode: 0o600 });
          log({ level: 'warn', event: 'store.tail_repaired', ...record });
        }
        parsed = candidate;
        verdict = candidateVerdict;
      }
      if (!verdict.ok) {
        const q: QuarantinedSession = { line: verdict.problem!.line, reason: verdict.problem!.reason, owner: ownerOf(parsed) };
        quarantined.set(sessionId, q);
        log({ level: 'error', event: 'store.session_quarantined', session_id: sessionId, line: q.line, reason: q.reason });
        continue;
      }
      if (parsed.events.length === 0) continue;
      const index = new SessionIndex();
      parsed.events.forEach((e, i) => index.push(parsed.eventStarts[i]!, e.hash));
      files.set(sessionId, { size: statSync(path).size, index });
      const last = parsed.events[parsed.events.length - 1]!;
      initial.set(sessionId, { seq: last.seq, hash: last.hash, lastHead: verdict.last_head, first: Object.freeze(parsed.events[0]!) });
    }

    const backend = fileBackend(dir, files, signer, log);
    const store = createLogStore({
      signer,
      backend,
      initial,
      quarantined,
      status: () => ({
        quarantined: [...quarantined.entries()].map(([session_id, q]) => ({ session_id, ...q })),
        repairs: readRepairs(repairsPath),
      }),
    });
    return Object.assign(store, {
      close: () => {
        backend.close();
        lock?.release();
      },
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/** Whether the line an event was read from still gives the hash it carries (any stored format). */
function hashesTo(event: AnyEvent, line: string): boolean {
  try {
    return hashOfStoredText(event, line) === event.hash;
  } catch {
    return false;
  }
}

function ownerOf(parsed: ReturnType<typeof parseLog>): string | null {
  const first = parsed.events[0];
  if (first?.seq !== 1 || first.type !== 'SessionCreated') return null;
  const owner = (first.data as { owner?: unknown } | null)?.owner;
  return typeof owner === 'string' ? owner : null;
}

function readRepairs(path: string): RepairRecord[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as RepairRecord];
      } catch {
        return [];
      }
    });
}

interface SessionFile {
  size: number;
  index: SessionIndex;
}

/**
 * Appends each session's batch text with one write and one fdatasync; files are synced in parallel,
 * so concurrent sessions share the wait. A short write, ENOSPC or EIO cuts the file back to its last
 * good length and reports the error for that session only. Reads come back from the file, each
 * event checked against the hash the index holds (a file changed behind the server's back is
 * quarantined, never served).
 */
function fileBackend(dir: string, files: Map<string, SessionFile>, signer: LogSigner, log: (entry: Record<string, unknown>) => void): LogBackend & { close(): void } {
  const fileOf = (sessionId: string) => {
    if (!SESSION_ID.test(sessionId)) throw new ZapTraceError('OBJECT_NOT_AUTHORIZED', 'session not found or not yours', {});
    return join(dir, `${sessionId}.jsonl`);
  };
  const syncDir = async () => {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  };
  // Append handles of recently written sessions stay open: a write then costs write + fdatasync only.
  const handles = new Map<string, FileHandle>();
  const handleOf = async (sessionId: string): Promise<FileHandle> => {
    const open_ = handles.get(sessionId);
    if (open_) {
      handles.delete(sessionId);
      handles.set(sessionId, open_);
      return open_;
    }
    const fh = await open(fileOf(sessionId), 'a', 0o600);
    handles.set(sessionId, fh);
    while (handles.size > OPEN_HANDLES) {
      const [oldest, h] = handles.entries().next().value!;
      handles.delete(oldest);
      void h.close().catch(() => undefined);
    }
    return fh;
  };
  /** Sessions whose last write failed: their file may hold bytes past the good length. */
  const suspect = new Set<string>();
  const writeOne = async (sessionId: string, text: string, events: readonly AnyEvent[]): Promise<Error | null> => {
    const known = files.get(sessionId);
    const good = known?.size ?? 0;
    let fh: FileHandle | undefined;
    try {
      fh = await handleOf(sessionId);
      // A failed earlier write whose cut-back also failed leaves bytes past `good`: cut them first.
      if (suspect.has(sessionId) && (await fh.stat()).size !== good) await fh.truncate(good);
      suspect.delete(sessionId);
      const buf = Buffer.from(text, 'utf8');
      const { bytesWritten } = await fh.write(buf, 0, buf.length, null);
      if (bytesWritten !== buf.length) throw new Error(`short write: ${bytesWritten} of ${buf.length} bytes`);
      await fh.datasync();
      if (!known) await syncDir(); // the new file's directory entry must survive a crash too
      const entry = known ?? { size: 0, index: new SessionIndex() };
      let offset = good;
      for (const e of events) {
        entry.index.push(offset, e.hash);
        offset = buf.indexOf(10, offset - good) + 1 + good;
      }
      entry.size = good + buf.length;
      files.set(sessionId, entry);
      return null;
    } catch (err) {
      suspect.add(sessionId);
      try {
        await fh?.truncate(good);
        await fh?.datasync();
      } catch {
        // the file stays longer than `good`; the next write cuts it first
      }
      handles.delete(sessionId);
      await fh?.close().catch(() => undefined);
      return err instanceof Error ? err : new Error(String(err));
    }
  };
  const changed = (seq: number) =>
    new ZapTraceError('SESSION_QUARANTINED', `the stored log of this session changed on disk after it was verified (at seq ${seq}); it is kept unchanged for the operator`, {
      line: 0,
      seq,
      reason: `event ${seq} changed on disk after it was verified`,
    });
  const read = async (sessionId: string, from: number, to: number): Promise<AnyEvent[]> => {
    const entry = files.get(sessionId);
    if (!entry || to > entry.index.count) return [];
    const start = entry.index.startOf(from);
    const end = to < entry.index.count ? entry.index.startOf(to + 1) : entry.size;
    const buf = Buffer.alloc(end - start);
    const fh = await open(fileOf(sessionId), 'r');
    try {
      await fh.read(buf, 0, buf.length, start);
    } finally {
      await fh.close();
    }
    const out: AnyEvent[] = [];
    for (const line of buf.toString('utf8').split('\n')) {
      if (line === '' || line.startsWith('{"head":')) continue;
      const seq = from + out.length;
      let e: AnyEvent;
      try {
        e = JSON.parse(line) as AnyEvent;
      } catch {
        log({ level: 'error', event: 'store.session_quarantined', session_id: sessionId, seq, reason: 'changed on disk' });
        throw changed(seq);
      }
      if (e.seq !== seq || e.hash !== entry.index.hashOf(seq) || !hashesTo(e, line)) {
        log({ level: 'error', event: 'store.session_quarantined', session_id: sessionId, seq, reason: 'changed on disk' });
        throw changed(seq);
      }
      out.push(Object.freeze(e));
    }
    if (out.length !== to - from + 1) throw changed(from + out.length);
    return out;
  };
  const snapshots = createSnapshotFiles(join(dir, 'snapshots'), signer, (sessionId, seq) => {
    const entry = files.get(sessionId);
    return entry && seq >= 1 && seq <= entry.index.count ? entry.index.hashOf(seq) : null;
  }, log);
  return {
    close() {
      for (const h of handles.values()) void h.close().catch(() => undefined);
      handles.clear();
    },
    write: (batch) => Promise.all(batch.map((b) => writeOne(b.sessionId, b.text, b.events))),
    read,
    saveSnapshot: snapshots.save,
    loadSnapshot: snapshots.load,
  };
}
