import { createHash, hash as oneShotHash, type KeyObject } from 'node:crypto';
import { verifySignature, type LogSigner } from './log-key.js';

/**
 * Signed heads (contract.md, "The log can be trusted"; docs/log-integrity.md). Every flushed batch
 * ends, in each session it touched, with a head `{session_id, seq, hash, time}`. One Ed25519
 * signature covers the whole batch: the heads are leaves of a Merkle tree (RFC 6962 §2.1 hashing:
 * leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ left ‖ right)) and the signature is over its
 * root, so each session's head line carries only its own audit path, never another session's id.
 */
export interface SignedHead {
  session_id: string;
  seq: number;
  hash: string;
  time: string;
  /** Merkle root of the batch, this head's leaf index, batch size, and audit path (hex, bottom-up). */
  batch: { root: string; index: number; size: number; path: string[] };
  /** Base64 Ed25519 signature over `zaptrace/batch/v1\n{root}\n{time}`. */
  sig: string;
}

/** What a head line looks like in a session file and in an exported log. */
export interface HeadLine {
  head: SignedHead;
}

const sha = (...parts: (string | Buffer)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const NODE = Buffer.from([1]);

/** SHA-256(0x00 ‖ UTF-8 of the head text): U+0000 is the single byte 0x00 in UTF-8, so one string is hashed in one call. */
function leafHash(head: Pick<SignedHead, 'session_id' | 'seq' | 'hash' | 'time'>): Buffer {
  return oneShotHash('sha256', `\u0000zaptrace/head/v1\n${head.session_id}\n${head.seq}\n${head.hash}\n${head.time}`, 'buffer');
}

export const batchMessage = (root: string, time: string) => `zaptrace/batch/v1\n${root}\n${time}`;

/** RFC 6962 Merkle tree hash of leaves[lo, hi); appends each leaf's sibling hashes (bottom-up) to its path. */
function treeHash(leaves: Buffer[], lo: number, hi: number, paths: Buffer[][]): Buffer {
  if (hi - lo === 1) return leaves[lo]!;
  let split = 1;
  while (split * 2 < hi - lo) split *= 2;
  const left = treeHash(leaves, lo, lo + split, paths);
  const right = treeHash(leaves, lo + split, hi, paths);
  for (let i = lo; i < lo + split; i++) paths[i]!.push(right);
  for (let i = lo + split; i < hi; i++) paths[i]!.push(left);
  return sha(NODE, left, right);
}

/** Root recomputed from a leaf and its audit path (RFC 9162 §2.1.3.2). */
function rootFromPath(leaf: Buffer, index: number, size: number, path: readonly string[]): Buffer | null {
  if (index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const hex of path) {
    if (!/^[0-9a-f]{64}$/.test(hex) || sn === 0) return null;
    const p = Buffer.from(hex, 'hex');
    if (fn % 2 === 1 || fn === sn) {
      r = sha(NODE, p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = sha(NODE, r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 ? r : null;
}

/** Signs one batch: one signature, one head per session touched. */
export function signBatch(signer: LogSigner, heads: readonly { session_id: string; seq: number; hash: string }[], time: string): SignedHead[] {
  const leaves = heads.map((h) => leafHash({ session_id: h.session_id, seq: h.seq, hash: h.hash, time }));
  const paths: Buffer[][] = heads.map(() => []);
  const root = treeHash(leaves, 0, leaves.length, paths);
  const rootHex = root.toString('hex');
  const sig = signer.sign(batchMessage(rootHex, time));
  return heads.map((h, i) => ({
    session_id: h.session_id,
    seq: h.seq,
    hash: h.hash,
    time,
    batch: { root: rootHex, index: i, size: heads.length, path: paths[i]!.map((b) => b.toString('hex')) },
    sig,
  }));
}

/** Why a head does not verify, or null when its path leads to its root and the root's signature holds. */
export function headProblem(head: unknown, publicKey: KeyObject | string): string | null {
  const h = head as Partial<SignedHead> | null;
  if (!h || typeof h !== 'object') return 'head is not an object';
  if (typeof h.session_id !== 'string' || typeof h.hash !== 'string' || typeof h.time !== 'string' || !Number.isInteger(h.seq)) return 'head fields are missing';
  const b = h.batch;
  if (!b || typeof b.root !== 'string' || !Array.isArray(b.path) || !Number.isInteger(b.index) || !Number.isInteger(b.size) || typeof h.sig !== 'string') return 'head batch proof is missing';
  const root = rootFromPath(leafHash(h as SignedHead), b.index, b.size, b.path as string[]);
  if (!root || root.toString('hex') !== b.root) return 'head is not part of its signed batch';
  if (!verifySignature(publicKey, batchMessage(b.root, h.time), h.sig)) return 'head signature does not verify with the log key';
  return null;
}
