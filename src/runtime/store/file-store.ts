import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, truncateSync, writeSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Subject, filter, type Observable } from 'rxjs';
import { ZapTraceError } from '../../kernel/errors.js';
import { GENESIS_HASH } from '../events/chain.js';
import type { AnyEvent } from '../events/types.js';
import type { EventStore } from './event-store.js';

const SESSION_FILE = /^(zs_[A-Za-z0-9_-]{1,100})\.jsonl$/;

/**
 * File adapter (architecture.md): one JSON-lines file per session, each append written and fsync'd
 * before it is acknowledged. On open, a torn last line (a crash mid-append, never acknowledged) is
 * cut off: tail repair. File names come from server-minted session ids only, never from requests.
 * One process owns a directory; the optimistic seq check guards this process's writers.
 */
export function createFileEventStore(dir: string): EventStore & { repaired: string[] } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const logs = new Map<string, AnyEvent[]>();
  const repaired: string[] = [];
  const live = new Subject<AnyEvent>();

  for (const name of readdirSync(dir)) {
    const m = SESSION_FILE.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    const text = readFileSync(path, 'utf8');
    const events: AnyEvent[] = [];
    let goodBytes = 0;
    for (const line of text.split('\n')) {
      if (line === '') break;
      try {
        events.push(JSON.parse(line) as AnyEvent);
      } catch {
        break;
      }
      goodBytes += Buffer.byteLength(line) + 1;
    }
    if (goodBytes < Buffer.byteLength(text)) {
      truncateSync(path, goodBytes);
      repaired.push(m[1]!);
    }
    logs.set(m[1]!, events);
  }

  const fileOf = (sessionId: string) => {
    if (!/^zs_[A-Za-z0-9_-]{1,100}$/.test(sessionId)) throw new ZapTraceError('OBJECT_NOT_AUTHORIZED', 'session not found or not yours', {});
    return join(dir, `${sessionId}.jsonl`);
  };

  return {
    repaired,
    async append(sessionId, events, expectedSeq) {
      const log = logs.get(sessionId) ?? [];
      if (log.length !== expectedSeq) {
        throw new ZapTraceError('STALE_STATE', 'the session log moved on; re-read and retry', { expected_seq: expectedSeq, actual_seq: log.length });
      }
      let prev = log[log.length - 1]?.hash ?? GENESIS_HASH;
      events.forEach((e, i) => {
        if (e.seq !== expectedSeq + i + 1 || e.prev_hash !== prev || e.session_id !== sessionId) throw new ZapTraceError('STALE_STATE', 'events do not extend the session head', { seq: e.seq });
        prev = e.hash;
      });
      const path = fileOf(sessionId);
      const fd = openSync(path, existsSync(path) ? 'a' : 'wx', 0o600);
      try {
        writeSync(fd, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      for (const e of events) log.push(Object.freeze(e));
      logs.set(sessionId, log);
      for (const e of events) live.next(e);
    },
    async read(sessionId, range = {}) {
      const log = logs.get(sessionId) ?? [];
      const from = Math.max(1, range.from ?? 1);
      const to = Math.min(log.length, range.to ?? log.length);
      return log.slice(from - 1, to);
    },
    stream(sessionId?: string): Observable<AnyEvent> {
      return sessionId === undefined ? live.asObservable() : live.pipe(filter((e) => e.session_id === sessionId));
    },
    async sessions() {
      return [...logs.keys()];
    },
    async head(sessionId) {
      const last = logs.get(sessionId)?.at(-1);
      return last ? { seq: last.seq, hash: last.hash } : null;
    },
  };
}
