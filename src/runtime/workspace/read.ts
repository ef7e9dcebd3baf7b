/**
 * Read side of the workspace: symlinks are followed only when their real target stays inside the
 * root, and only regular files are ever opened (contract.md, "Workspace sandbox": device files).
 */
import { constants as fsc, type Stats } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { ZapTraceError } from '../../kernel/errors.js';
import {
  closeDir,
  entryPath,
  errnoOf,
  fdPath,
  isInside,
  lstatOrNull,
  openChild,
  openRoot,
  raceError,
  symlinkError,
  type DirRef,
  type WalkContext,
} from './dir-walk.js';
import { pathError } from './path-rules.js';

/** Linux gives up after 40 links (MAXSYMLINKS); so do we, counting restarts of the walk. */
const MAX_SYMLINK_HOPS = 40;

export interface ReadTarget {
  /** The directory holding the target, or the target itself when `name` is null. */
  dir: DirRef;
  name: string | null;
  /** lstat of the target (the directory's own stats when `name` is null). */
  stat: Stats;
  /** Real workspace-relative segments of the target after following in-root symlinks. */
  segments: string[];
}

/** Rejects anything that is not a regular file, naming the kind without touching its contents. */
export function assertRegular(ctx: WalkContext, st: Stats): void {
  if (st.isFile()) return;
  const at = `invalid ${ctx.field} "${ctx.shown}"`;
  if (st.isDirectory()) throw pathError('directory', ctx.field, `${at}: is a directory, not a file`);
  if (st.isCharacterDevice() || st.isBlockDevice()) throw pathError('device', ctx.field, `${at}: is a device file`);
  if (st.isSymbolicLink()) throw symlinkError(ctx, 'is a symbolic link');
  throw pathError('not_regular', ctx.field, `${at}: is not a regular file (FIFO or socket)`);
}

export function notFound(ctx: WalkContext): ZapTraceError {
  return new ZapTraceError('NOT_FOUND', `no such file or directory: "${ctx.shown}"`, { path: ctx.field, reason: 'not_found' });
}

/**
 * Walks `segments` from the root. At a symlink, resolves it, checks the real path is inside the
 * root, re-checks the new relative path lexically and restarts the walk on it, so every component
 * actually traversed is a real directory opened with O_NOFOLLOW. Returns null when missing.
 */
export async function resolveForRead(
  ctx: WalkContext,
  segments: string[],
  revalidate: (rel: string) => string[],
): Promise<ReadTarget | null> {
  let segs = segments;
  for (let hop = 0; hop <= MAX_SYMLINK_HOPS; hop++) {
    let dir = await openRoot(ctx);
    let handedOver = false;
    try {
      if (segs.length === 0) {
        const stat = dir.handle ? await dir.handle.stat() : await lstat(dir.abs);
        handedOver = true;
        return { dir, name: null, stat, segments: [] };
      }
      let linkAt = -1;
      for (let i = 0; i < segs.length && linkAt < 0; i++) {
        const name = segs[i]!;
        if (i === segs.length - 1) {
          const st = await lstatOrNull(entryPath(dir, name));
          if (!st) return null;
          if (st.isSymbolicLink()) {
            linkAt = i;
            break;
          }
          handedOver = true;
          return { dir, name, stat: st, segments: segs };
        }
        const child = await openChild(ctx, dir, name, false);
        if (child.kind === 'missing') return null;
        if (child.kind === 'symlink') {
          linkAt = i;
          break;
        }
        await closeDir(dir);
        dir = child.dir;
      }
      const real = await realpath(entryPath(dir, segs[linkAt]!)).catch((err: unknown) => {
        const code = errnoOf(err);
        if (code === 'ENOENT') throw symlinkError(ctx, 'is a dangling symbolic link');
        if (code === 'ELOOP') throw symlinkError(ctx, 'is a symbolic link loop');
        throw err;
      });
      if (!isInside(ctx.root, real)) throw symlinkError(ctx, 'goes through a symbolic link that leaves the workspace');
      const inside = relative(ctx.root, real).split(sep).filter((s) => s.length > 0);
      segs = revalidate([...inside, ...segs.slice(linkAt + 1)].join('/'));
    } finally {
      if (!handedOver) await closeDir(dir);
    }
  }
  throw symlinkError(ctx, 'too many levels of symbolic links');
}

/**
 * Opens and reads a regular file found by resolveForRead. lstat happened during the walk (no I/O
 * on a device); the open uses O_NOFOLLOW|O_NONBLOCK (a FIFO swapped in cannot block us) and the
 * descriptor is checked to be the same inode, a regular file, and (Linux) at the expected place.
 */
export async function readRegular(
  ctx: WalkContext,
  target: ReadTarget,
  maxBytes: number,
): Promise<Uint8Array> {
  assertRegular(ctx, target.stat);
  if (target.name === null) throw pathError('directory', ctx.field, `invalid ${ctx.field} "${ctx.shown}": is a directory`);
  if (target.stat.size > maxBytes) throw tooLarge(ctx, maxBytes);
  let handle;
  try {
    handle = await open(entryPath(target.dir, target.name), fsc.O_RDONLY | fsc.O_NOFOLLOW | fsc.O_NONBLOCK);
  } catch (err) {
    const code = errnoOf(err);
    if (code === 'ELOOP' || code === 'ENOENT' || code === 'ENXIO') throw raceError(ctx);
    throw err;
  }
  try {
    const st = await handle.stat();
    if (st.ino !== target.stat.ino || st.dev !== target.stat.dev) throw raceError(ctx);
    assertRegular(ctx, st);
    if (ctx.strategy === 'fd') {
      const where = await fdPath(handle);
      if (!isInside(ctx.root, where) || where !== `${target.dir.abs}${sep}${target.name}`) throw raceError(ctx);
    }
    // Read at most maxBytes + 1: a file growing after fstat is still bounded.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, st.size + 1 + 65536));
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) throw tooLarge(ctx, maxBytes);
    // Buffer full but below the limit: the file grew while we read it; refuse a torn read.
    if (filled === buffer.length) throw raceError(ctx);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
  } finally {
    await handle.close();
  }
}

export function tooLarge(ctx: WalkContext, limitBytes: number): ZapTraceError {
  return new ZapTraceError('PAYLOAD_TOO_LARGE', `"${ctx.shown}" is larger than ${limitBytes} bytes`, {
    path: ctx.field,
    reason: 'too_large',
    limit_bytes: limitBytes,
  });
}
