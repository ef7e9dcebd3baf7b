/**
 * Atomic writes (contract.md, "Workspace sandbox": outputs are written atomically, temp file and
 * rename, and never through a symlink).
 *
 * Sequence per file: temp in the same directory (random name, O_CREAT|O_EXCL|O_NOFOLLOW, 0o644),
 * write, fsync, close; lstat the target (no symlink, directory or device); re-verify the directory
 * is still where it was; rename(2) over the target (rename replaces a directory entry, it never
 * follows a symlink at the destination, see rename(2)); fsync the directory so the rename itself
 * is durable. Readers see either the old file or the new one, never a partial file.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import { link, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { sep } from 'node:path';
import { sha256Hex } from '../../kernel/hash.js';
import {
  closeDir,
  entryPath,
  errnoOf,
  fdPath,
  lstatOrNull,
  raceError,
  symlinkError,
  verifyDir,
  walkForWrite,
  type DirRef,
  type WalkContext,
} from './dir-walk.js';
import { pathError, TEMP_PREFIX } from './path-rules.js';

export interface WriteResult {
  /** Workspace-relative, POSIX separators. */
  path: string;
  bytes: number;
  sha256: string;
}

/** Seams to let tests swap files in between our checks and our commit (the TOCTOU window). */
export interface WorkspaceTestHooks {
  /** After the directory chain is opened/created and verified, before any temp file exists. */
  afterResolve?: (rel: string) => void | Promise<void>;
  /** After temps are written, before the final target checks and directory re-verification. */
  beforeCommit?: (rel: string) => void | Promise<void>;
  /** After every check passed, immediately before the renames (the narrowest window). */
  beforeRename?: (rel: string) => void | Promise<void>;
}

export interface PendingFile {
  name: string;
  rel: string;
  bytes: Uint8Array;
  ctx: WalkContext;
}

const TEMP_FLAGS = fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL | fsc.O_NOFOLLOW;

function tempName(suffix: string): string {
  return `${TEMP_PREFIX}${randomBytes(9).toString('hex')}${suffix}`;
}

/** The target may be missing or a regular file; anything else is refused before we write. */
async function checkTarget(dir: DirRef, file: PendingFile): Promise<boolean> {
  const st = await lstatOrNull(entryPath(dir, file.name));
  if (!st) return false;
  const { ctx } = file;
  if (st.isSymbolicLink()) throw symlinkError(ctx, 'the target is a symbolic link; writes never go through one');
  const at = `invalid ${ctx.field} "${ctx.shown}"`;
  if (st.isDirectory()) throw pathError('directory', ctx.field, `${at}: is a directory`);
  if (st.isCharacterDevice() || st.isBlockDevice()) throw pathError('device', ctx.field, `${at}: is a device file`);
  if (!st.isFile()) throw pathError('not_regular', ctx.field, `${at}: is not a regular file`);
  return true;
}

interface OpenTemp {
  name: string;
  handle: FileHandle;
}

/**
 * Path strategy only: proves the freshly created temp is the entry at the expected real place,
 * checking the directory before and after the identity test so a flip in between is noticed.
 */
async function verifyTempPlace(ctx: WalkContext, dir: DirRef, temp: OpenTemp): Promise<void> {
  await verifyDir(ctx, dir);
  const [atPath, opened] = await Promise.all([lstatOrNull(`${dir.abs}${sep}${temp.name}`), temp.handle.stat()]);
  if (!atPath || atPath.ino !== opened.ino || atPath.dev !== opened.dev) throw raceError(ctx);
  await verifyDir(ctx, dir);
}

/** Creates a temp, checks where it really is, then writes and fsyncs. The handle stays open. */
async function writeTemp(ctx: WalkContext, dir: DirRef, bytes: Uint8Array): Promise<OpenTemp> {
  const name = tempName('');
  const path = entryPath(dir, name);
  const temp: OpenTemp = { name, handle: await open(path, TEMP_FLAGS, 0o644) };
  try {
    if (ctx.strategy === 'fd') {
      if ((await fdPath(temp.handle)) !== `${dir.abs}${sep}${name}`) throw raceError(ctx);
    } else {
      await verifyTempPlace(ctx, dir, temp);
    }
    await temp.handle.chmod(0o644); // independent of the process umask
    await temp.handle.writeFile(bytes);
    await temp.handle.sync();
    return temp;
  } catch (err) {
    await discardTemp(dir, temp);
    throw err;
  }
}

/**
 * Empties the temp through its descriptor before unlinking it by path: if a swapped parent
 * means the path no longer reaches it, at least no payload byte survives wherever it is.
 */
async function discardTemp(dir: DirRef, temp: OpenTemp): Promise<void> {
  await temp.handle.truncate(0).catch(() => undefined);
  await temp.handle.close().catch(() => undefined);
  await unlink(entryPath(dir, temp.name)).catch(() => undefined);
}

async function syncDir(dir: DirRef): Promise<void> {
  if (dir.handle) {
    await dir.handle.sync();
    return;
  }
  const handle = await open(dir.abs, fsc.O_RDONLY).catch(() => null);
  if (!handle) return;
  // Some platforms refuse fsync on a directory (EINVAL/EISDIR/EPERM); durability is then best effort.
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/**
 * Writes every file of `files` into the directory `dirSegments` (created if missing), all or
 * nothing as far as the file system allows: temps are written first; existing targets get a
 * hard-link backup; if any rename fails, the renamed ones are restored and temps removed.
 */
export async function commitFiles(
  dirCtx: WalkContext,
  dirSegments: string[],
  files: PendingFile[],
  hooks: WorkspaceTestHooks,
): Promise<WriteResult[]> {
  const dir = (await walkForWrite(dirCtx, dirSegments, true))!;
  const temps = new Map<string, OpenTemp>(); // target name -> temp not yet renamed
  const written: OpenTemp[] = []; // every temp, renamed or not: its handle is still open
  const backups = new Map<string, string>(); // target name -> backup name
  const renamed: string[] = [];
  const firstRel = files[0]?.rel ?? '';
  let committed = false;
  try {
    await hooks.afterResolve?.(firstRel);
    for (const file of files) await checkTarget(dir, file);
    for (const file of files) {
      const temp = await writeTemp(file.ctx, dir, file.bytes);
      temps.set(file.name, temp);
      written.push(temp);
    }
    await hooks.beforeCommit?.(firstRel);
    const existing = new Set<string>();
    for (const file of files) if (await checkTarget(dir, file)) existing.add(file.name);
    await verifyDir(dirCtx, dir);
    // Hard-link backups (link(2) does not follow a symlink at the source, and we checked there
    // is none) let a failed batch or a failed post-check put the old contents back.
    for (const file of files) {
      if (!existing.has(file.name)) continue;
      const backup = tempName('.bak');
      await link(entryPath(dir, file.name), entryPath(dir, backup));
      backups.set(file.name, backup);
    }
    await hooks.beforeRename?.(firstRel);
    for (const file of files) {
      await rename(entryPath(dir, temps.get(file.name)!.name), entryPath(dir, file.name)).catch((err: unknown) => {
        // Our temp vanished from under its path: only a swapped parent does that.
        throw errnoOf(err) === 'ENOENT' ? raceError(file.ctx) : err;
      });
      temps.delete(file.name);
      renamed.push(file.name);
    }
    await syncDir(dir);
    // Post-check: had the directory moved during the renames we must not report success.
    await verifyDir(dirCtx, dir);
    committed = true;
    return files.map((f) => ({ path: f.rel, bytes: f.bytes.byteLength, sha256: sha256Hex(f.bytes) }));
  } catch (err) {
    await rollBack(dir, renamed, backups);
    throw err;
  } finally {
    const pending = new Set(temps.values());
    for (const temp of written) {
      // Renamed files were restored or removed by rollBack through the pinned directory; on the
      // path strategy that path may have been hijacked, so they are emptied through the fd too.
      const empty = !committed && (pending.has(temp) || dirCtx.strategy === 'path');
      if (empty) await discardTemp(dir, temp);
      else await temp.handle.close().catch(() => undefined);
    }
    for (const backup of backups.values()) await unlink(entryPath(dir, backup)).catch(() => undefined);
    await closeDir(dir);
  }
}

async function rollBack(dir: DirRef, renamed: string[], backups: Map<string, string>): Promise<void> {
  for (const name of renamed.reverse()) {
    const backup = backups.get(name);
    try {
      if (backup) {
        await rename(entryPath(dir, backup), entryPath(dir, name));
        backups.delete(name);
      } else {
        await unlink(entryPath(dir, name));
      }
    } catch {
      // Best effort: the original error is what the caller needs to see.
    }
  }
}
