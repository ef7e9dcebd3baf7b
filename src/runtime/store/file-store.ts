import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, truncateSync, writeSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ZapTraceError } from '../../kernel/errors.js';
import type { AnyEvent } from '../events/types.js';
import type { EventStore } from './event-store.js';
import { createMemoryEventStore } from './memory-store.js';

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

  // Write and fsync before the memory adapter acknowledges the append.
  const persist = (sessionId: string, events: readonly AnyEvent[]) => {
    const path = fileOf(sessionId);
    const fd = openSync(path, existsSync(path) ? 'a' : 'wx', 0o600);
    try {
      writeSync(fd, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
  return Object.assign(createMemoryEventStore({ initial: logs, persist }), { repaired });
}
