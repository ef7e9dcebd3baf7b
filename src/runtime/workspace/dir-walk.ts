/**
 * Walks workspace paths one component at a time without ever following a symlink by accident
 * (contract.md, "Workspace sandbox": symlinks at any component that resolve outside are rejected).
 *
 * Node has no openat/mkdirat/renameat, so on Linux we get the same effect through
 * `/proc/self/fd/<dirfd>/<name>`: the kernel resolves `/proc/self/fd/<dirfd>` to the directory the
 * descriptor was opened on, whatever has since been renamed or swapped for a symlink along its old
 * path (proc(5), /proc/pid/fd). Every directory is opened with O_DIRECTORY|O_NOFOLLOW relative to
 * its already-pinned parent, so the chain from the root is pinned link by link ("fd" strategy).
 * Elsewhere we fall back to lstat + realpath re-checks on plain paths ("path" strategy), which
 * narrows but cannot close the race window; docs/workspace.md says so.
 */
import { constants as fsc, type Stats } from 'node:fs';
import { lstat, mkdir, open, readlink, realpath, type FileHandle } from 'node:fs/promises';
import { sep } from 'node:path';
import type { ZapTraceError } from '../../kernel/errors.js';
import { pathError } from './path-rules.js';

export type WalkStrategy = 'fd' | 'path';

export interface WalkContext {
  /** Real absolute root (realpath'd once at creation). Never shown to callers. */
  root: string;
  strategy: WalkStrategy;
  field: string;
  /** The caller's path, escaped for messages. */
  shown: string;
}

export interface DirRef {
  /** Real absolute path the directory is expected to have. Internal only. */
  abs: string;
  /** Prefix for entry paths: `/proc/self/fd/N` (pinned) or `abs`. */
  base: string;
  handle: FileHandle | null;
}

export type ChildResult = { kind: 'dir'; dir: DirRef } | { kind: 'missing' } | { kind: 'symlink' };

const DIR_FLAGS = fsc.O_RDONLY | fsc.O_DIRECTORY | fsc.O_NOFOLLOW;

export function entryPath(dir: DirRef, name: string): string {
  return `${dir.base}/${name}`;
}

export function isInside(root: string, candidate: string): boolean {
  const prefix = root.endsWith(sep) ? root : root + sep;
  return candidate === root || candidate.startsWith(prefix);
}

export async function lstatOrNull(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') return null;
    throw err;
  }
}

export function errnoOf(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export async function closeDir(dir: DirRef | null): Promise<void> {
  if (dir?.handle) await dir.handle.close().catch(() => undefined);
}

/** Where an open descriptor really is, per the kernel (Linux only). */
export async function fdPath(handle: FileHandle): Promise<string> {
  return readlink(`/proc/self/fd/${handle.fd}`);
}

export function raceError(ctx: WalkContext): ZapTraceError {
  return pathError('race', ctx.field, `"${ctx.shown}" changed while it was being used; the operation was abandoned`);
}

export function symlinkError(ctx: WalkContext, why: string): ZapTraceError {
  return pathError('symlink', ctx.field, `invalid ${ctx.field} "${ctx.shown}": ${why}`);
}

/** Confirms the directory still sits at its expected real path (just before a commit). */
export async function verifyDir(ctx: WalkContext, dir: DirRef): Promise<void> {
  const actual = dir.handle ? await fdPath(dir.handle) : await realpath(dir.abs).catch(() => '');
  if (actual !== dir.abs) throw raceError(ctx);
}

export async function openRoot(ctx: WalkContext): Promise<DirRef> {
  if (ctx.strategy === 'path') {
    await verifyDir(ctx, { abs: ctx.root, base: ctx.root, handle: null });
    return { abs: ctx.root, base: ctx.root, handle: null };
  }
  const handle = await open(ctx.root, fsc.O_RDONLY | fsc.O_DIRECTORY);
  const dir: DirRef = { abs: ctx.root, base: `/proc/self/fd/${handle.fd}`, handle };
  try {
    await verifyDir(ctx, dir);
  } catch (err) {
    await closeDir(dir);
    throw err;
  }
  return dir;
}

/**
 * Opens `name` inside `parent` as a directory without following a symlink. With `create`, a
 * missing directory is made first (mkdir never follows a link at its last component: EEXIST).
 */
export async function openChild(ctx: WalkContext, parent: DirRef, name: string, create: boolean): Promise<ChildResult> {
  const path = entryPath(parent, name);
  const expected = parent.abs === sep ? sep + name : `${parent.abs}${sep}${name}`;
  let st = await lstatOrNull(path);
  if (!st) {
    if (!create) return { kind: 'missing' };
    await mkdir(path, { mode: 0o755 }).catch((err: unknown) => {
      if (errnoOf(err) !== 'EEXIST') throw err;
    });
    st = await lstat(path);
  }
  if (st.isSymbolicLink()) return { kind: 'symlink' };
  if (!st.isDirectory()) {
    throw pathError('not_directory', ctx.field, `invalid ${ctx.field} "${ctx.shown}": a parent component is not a directory`);
  }
  if (ctx.strategy === 'path') {
    const dir: DirRef = { abs: expected, base: expected, handle: null };
    await verifyDir(ctx, dir);
    return { kind: 'dir', dir };
  }
  let handle: FileHandle;
  try {
    handle = await open(path, DIR_FLAGS);
  } catch (err) {
    // Swapped for a symlink (ELOOP/ENOTDIR) or removed since the lstat above.
    const code = errnoOf(err);
    if (code === 'ELOOP' || code === 'ENOTDIR' || code === 'ENOENT') throw raceError(ctx);
    throw err;
  }
  const dir: DirRef = { abs: expected, base: `/proc/self/fd/${handle.fd}`, handle };
  try {
    const opened = await handle.stat();
    if (opened.ino !== st.ino || opened.dev !== st.dev) throw raceError(ctx);
    await verifyDir(ctx, dir);
  } catch (err) {
    await closeDir(dir);
    throw err;
  }
  return { kind: 'dir', dir };
}

/**
 * Opens the directory chain for a write: no symlink component is accepted (even one pointing
 * inside the root), and missing directories are created one by one, each verified before the
 * next is made inside it. Returns null when `create` is false and a component is missing.
 */
export async function walkForWrite(ctx: WalkContext, dirSegments: string[], create: boolean): Promise<DirRef | null> {
  let dir = await openRoot(ctx);
  try {
    for (const name of dirSegments) {
      const child = await openChild(ctx, dir, name, create);
      if (child.kind === 'symlink') throw symlinkError(ctx, 'writes never go through a symbolic link');
      if (child.kind === 'missing') {
        await closeDir(dir);
        return null;
      }
      await closeDir(dir);
      dir = child.dir;
    }
    return dir;
  } catch (err) {
    await closeDir(dir);
    throw err;
  }
}
