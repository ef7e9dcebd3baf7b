import { mkdirSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../../kernel/hash.js';
import type { Snapshot } from './event-store.js';
import type { LogSigner } from './log-key.js';

/**
 * Projection snapshots beside the log (`DIR/snapshots/<session>/<seq>.json`, the newest
 * KEPT_PER_SESSION of each session, so a replay to an earlier position also starts near it).
 * A snapshot is derived data: it is signed with the log key over its session, position, the hash of
 * the event it follows and the SHA-256 of its payload, and used only when the signature holds and
 * that hash is the one the verified log has at that position. Anything else is ignored (and logged):
 * the log stays the only truth, a bad snapshot only costs a longer replay.
 */
const KEPT_PER_SESSION = 16;
const message = (sessionId: string, s: Omit<Snapshot, 'payload'>, payloadSha: string) => `zaptrace/snapshot/v1\n${sessionId}\n${s.seq}\n${s.hash}\n${payloadSha}`;

export function createSnapshotFiles(
  dir: string,
  signer: LogSigner,
  hashAt: (sessionId: string, seq: number) => string | null,
  log: (entry: Record<string, unknown>) => void,
) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const dirOf = (sessionId: string) => join(dir, sessionId);
  const fileOf = (sessionId: string, seq: number) => join(dirOf(sessionId), `${seq}.json`);
  const kept = async (sessionId: string): Promise<number[]> => {
    try {
      return (await readdir(dirOf(sessionId)))
        .map((n) => /^(\d{1,15})\.json$/.exec(n)?.[1])
        .filter((n): n is string => n !== undefined)
        .map(Number)
        .sort((a, b) => b - a);
    } catch {
      return [];
    }
  };
  const loadOne = async (sessionId: string, seq: number): Promise<Snapshot | null> => {
    try {
      const s = JSON.parse(await readFile(fileOf(sessionId, seq), 'utf8')) as Snapshot & { sig: string };
      const intact = s.seq === seq && typeof s.payload === 'string' && signer.verify(message(sessionId, s, sha256Hex(s.payload)), s.sig);
      if (intact && hashAt(sessionId, s.seq) === s.hash) return { seq: s.seq, hash: s.hash, payload: s.payload };
    } catch {
      // fall through: unusable
    }
    log({ level: 'warn', event: 'store.snapshot_ignored', session_id: sessionId, seq, reason: 'signature or log position does not match' });
    return null;
  };
  return {
    /** Written to a temporary file, synced, then renamed into place (atomic on POSIX); old ones pruned. */
    async save(sessionId: string, snapshot: Snapshot): Promise<void> {
      const sig = signer.sign(message(sessionId, snapshot, sha256Hex(snapshot.payload)));
      await mkdir(dirOf(sessionId), { recursive: true, mode: 0o700 });
      const tmp = `${fileOf(sessionId, snapshot.seq)}.tmp`;
      const fh = await open(tmp, 'w', 0o600);
      try {
        await fh.writeFile(JSON.stringify({ seq: snapshot.seq, hash: snapshot.hash, sig, payload: snapshot.payload }));
        await fh.datasync();
      } finally {
        await fh.close();
      }
      await rename(tmp, fileOf(sessionId, snapshot.seq));
      for (const old of (await kept(sessionId)).slice(KEPT_PER_SESSION)) await rm(fileOf(sessionId, old), { force: true });
    },
    /** The newest intact snapshot at or before `atMost` (any position when absent). */
    async load(sessionId: string, atMost = Number.MAX_SAFE_INTEGER): Promise<Snapshot | null> {
      for (const seq of await kept(sessionId)) {
        if (seq > atMost) continue;
        const found = await loadOne(sessionId, seq);
        if (found) return found;
      }
      return null;
    },
  };
}
