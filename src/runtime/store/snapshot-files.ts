import { mkdirSync } from 'node:fs';
import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../../kernel/hash.js';
import type { Snapshot } from './event-store.js';
import type { LogSigner } from './log-key.js';

/**
 * Projection snapshots beside the log (`DIR/snapshots/<session>.json`, the latest one per session).
 * A snapshot is derived data: it is signed with the log key over its session, position, the hash of
 * the event it follows and the SHA-256 of its payload, and used only when the signature holds and
 * that hash is the one the verified log has at that position. Anything else is ignored (and logged):
 * the log stays the only truth, a bad snapshot only costs a longer replay.
 */
const message = (sessionId: string, s: Omit<Snapshot, 'payload'>, payloadSha: string) => `zaptrace/snapshot/v1\n${sessionId}\n${s.seq}\n${s.hash}\n${payloadSha}`;

export function createSnapshotFiles(
  dir: string,
  signer: LogSigner,
  hashAt: (sessionId: string, seq: number) => string | null,
  log: (entry: Record<string, unknown>) => void,
) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const fileOf = (sessionId: string) => join(dir, `${sessionId}.json`);
  return {
    /** Written to a temporary file, synced, then renamed over the old one (atomic on POSIX). */
    async save(sessionId: string, snapshot: Snapshot): Promise<void> {
      const sig = signer.sign(message(sessionId, snapshot, sha256Hex(snapshot.payload)));
      const tmp = `${fileOf(sessionId)}.tmp`;
      const fh = await open(tmp, 'w', 0o600);
      try {
        await fh.writeFile(JSON.stringify({ seq: snapshot.seq, hash: snapshot.hash, sig, payload: snapshot.payload }));
        await fh.datasync();
      } finally {
        await fh.close();
      }
      await rename(tmp, fileOf(sessionId));
    },
    async load(sessionId: string): Promise<Snapshot | null> {
      let text: string;
      try {
        text = await readFile(fileOf(sessionId), 'utf8');
      } catch {
        return null;
      }
      try {
        const s = JSON.parse(text) as Snapshot & { sig: string };
        const intact = typeof s.payload === 'string' && signer.verify(message(sessionId, s, sha256Hex(s.payload)), s.sig);
        if (intact && hashAt(sessionId, s.seq) === s.hash) return { seq: s.seq, hash: s.hash, payload: s.payload };
      } catch {
        // fall through: unusable
      }
      log({ level: 'warn', event: 'store.snapshot_ignored', session_id: sessionId, reason: 'signature or log position does not match' });
      return null;
    },
  };
}
