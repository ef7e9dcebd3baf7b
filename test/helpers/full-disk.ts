import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './harness.js';

/** A real full filesystem needs a tmpfs this process mounts: root only (CI runs as root). */
export const canMountTmpfs = process.getuid?.() === 0;

/** Mounts a fresh 1 MiB tmpfs; returns the mount point and an empty `store` directory on it. The caller unmounts (`umount -l`). */
export function mountSmallTmpfs(): { mnt: string; dir: string } {
  const mnt = tempDir('zt-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt]);
  const dir = join(mnt, 'store');
  mkdirSync(dir);
  return { mnt, dir };
}

/** Fills the filesystem at `mnt` to its last page with one file, and returns that file's path: removing it gives the space back. */
export function fillDisk(mnt: string): string {
  const filler = join(mnt, 'filler');
  try {
    for (let i = 0; i < 200; i++) appendFileSync(filler, Buffer.alloc(16 * 1024, 1));
  } catch {
    // ENOSPC: the disk is full now
  }
  try {
    for (let i = 0; i < 64; i++) appendFileSync(filler, Buffer.alloc(512, 1));
  } catch {
    // every last page taken
  }
  return filler;
}
