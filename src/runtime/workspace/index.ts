/**
 * The workspace sandbox: the only module that touches user-visible files (architecture.md,
 * "Ports and adapters"; contract.md, "Workspace sandbox"). Rules and reason codes: docs/workspace.md.
 */
import { constants as fsc } from 'node:fs';
import { lstat, mkdir, open, readdir, readlink, realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { isZapTraceError, ZapTraceError } from '../../kernel/errors.js';
import { commitFiles, type PendingFile, type WorkspaceTestHooks, type WriteResult } from './atomic-write.js';
import { closeDir, entryPath, errnoOf, symlinkError, walkForWrite, type WalkContext, type WalkStrategy } from './dir-walk.js';
import { DEFAULT_MAX_PATH_LENGTH, displayPath, pathError, TEMP_PREFIX, validateFileName, validateRelPath } from './path-rules.js';
import { assertRegular, notFound, readRegular, resolveForRead, tooLarge } from './read.js';

export type { PathRejectReason } from './path-rules.js';
export { displayPath, validateRelPath } from './path-rules.js';
export type { WorkspaceTestHooks, WriteResult } from './atomic-write.js';

export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface WorkspaceOptions {
  /** Longest accepted relative path, in UTF-16 code units (default 1024). */
  maxPathLength?: number;
  /** Largest file read or written (default 64 MiB). */
  maxFileBytes?: number;
  /** `auto` (default) uses pinned descriptors via /proc/self/fd when available, else plain paths. */
  strategy?: 'auto' | WalkStrategy;
  /** Test seams around the commit; never set in production wiring. */
  testHooks?: WorkspaceTestHooks;
}

/** `field` names the caller's input in `details.path` of errors (default `path`). */
export interface FieldOption {
  field?: string;
}

export interface ListEntry {
  name: string;
  /** Workspace-relative path of the entry. */
  path: string;
  type: 'file' | 'directory' | 'symlink' | 'other';
  /** Size of regular files. */
  bytes?: number;
}

export interface Workspace {
  /** Real absolute root. Internal: never put it in a message or a response. */
  readonly root: string;
  readonly strategy: WalkStrategy;
  readText(rel: string, opts?: { maxBytes?: number } & FieldOption): Promise<string>;
  readBytes(rel: string, opts?: { maxBytes?: number } & FieldOption): Promise<Uint8Array>;
  writeAtomic(rel: string, data: string | Uint8Array, opts?: FieldOption): Promise<WriteResult>;
  writeFiles(dirRel: string, files: { name: string; data: string | Uint8Array }[], opts?: FieldOption): Promise<WriteResult[]>;
  /** Absolute path for internal use (e.g. handing a file to an external checker); never shown to callers. */
  resolve(rel: string, mode: 'read' | 'write', opts?: FieldOption): Promise<string>;
  list(dirRel?: string, opts?: FieldOption): Promise<ListEntry[]>;
  exists(rel: string, opts?: FieldOption): Promise<boolean>;
}

async function probeFdStrategy(root: string): Promise<boolean> {
  if (process.platform !== 'linux') return false;
  const handle = await open(root, fsc.O_RDONLY | fsc.O_DIRECTORY).catch(() => null);
  if (!handle) return false;
  try {
    return (await readlink(`/proc/self/fd/${handle.fd}`).catch(() => '')) === root;
  } finally {
    await handle.close();
  }
}

/** Any error leaving the workspace is a ZapTraceError whose text holds no host path. */
function toSafeError(err: unknown, ctx: WalkContext): ZapTraceError {
  if (isZapTraceError(err)) return err;
  const code = errnoOf(err);
  const at = `invalid ${ctx.field} "${ctx.shown}"`;
  switch (code) {
    case 'ENAMETOOLONG':
      return pathError('too_long', ctx.field, `${at}: name too long for the file system`);
    case 'ELOOP':
      return symlinkError(ctx, 'is or goes through a symbolic link');
    case 'ENOTDIR':
      return pathError('not_directory', ctx.field, `${at}: a parent component is not a directory`);
    case 'EISDIR':
      return pathError('directory', ctx.field, `${at}: is a directory`);
    case 'ENOENT':
      return notFound(ctx);
    default:
      return new ZapTraceError('INTERNAL_ERROR', `file system error (${code ?? 'unknown'}) on "${ctx.shown}"`, {
        path: ctx.field,
        reason: 'io',
        ...(code ? { errno: code } : {}),
      });
  }
}

function toBytes(data: unknown, field: string): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof Uint8Array) return data;
  throw new ZapTraceError('INVALID_INPUT', `${field} must be a string or bytes`, { path: field, reason: 'not_data' });
}

/**
 * Opens (creating if missing) the workspace at `root`. The root is realpath'd once here; every
 * later check compares against that real path.
 */
export async function createWorkspace(root: string, options: WorkspaceOptions = {}): Promise<Workspace> {
  const maxPathLength = options.maxPathLength ?? DEFAULT_MAX_PATH_LENGTH;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const hooks = options.testHooks ?? {};
  await mkdir(root, { recursive: true });
  const realRoot = await realpath(root);
  if (!(await lstat(realRoot)).isDirectory()) {
    throw new ZapTraceError('INVALID_INPUT', 'workspace root is not a directory', { path: 'root', reason: 'not_directory' });
  }
  const requested = options.strategy ?? 'auto';
  const fdAvailable = await probeFdStrategy(realRoot);
  if (requested === 'fd' && !fdAvailable) {
    throw new ZapTraceError('INVALID_INPUT', 'the fd strategy needs /proc/self/fd (Linux)', { path: 'strategy' });
  }
  const strategy: WalkStrategy = requested === 'path' || !fdAvailable ? 'path' : 'fd';

  const contextFor = (rel: unknown, field: string | undefined): WalkContext => ({
    root: realRoot,
    strategy,
    field: field ?? 'path',
    shown: typeof rel === 'string' ? displayPath(rel) : '',
  });
  const check = (rel: unknown, ctx: WalkContext, kind: 'file' | 'dir') =>
    validateRelPath(rel, { field: ctx.field, maxPathLength, kind });
  const revalidator = (ctx: WalkContext, kind: 'file' | 'dir') => (rel: string) => check(rel, ctx, kind).segments;
  async function guarded<T>(ctx: WalkContext, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toSafeError(err, ctx);
    }
  }

  async function readBytes(rel: string, opts: { maxBytes?: number } & FieldOption = {}): Promise<Uint8Array> {
    const ctx = contextFor(rel, opts.field);
    const { segments } = check(rel, ctx, 'file');
    const limit = Math.min(opts.maxBytes ?? maxFileBytes, maxFileBytes);
    return guarded(ctx, async () => {
      const target = await resolveForRead(ctx, segments, revalidator(ctx, 'file'));
      if (!target) throw notFound(ctx);
      try {
        return await readRegular(ctx, target, limit);
      } finally {
        await closeDir(target.dir);
      }
    });
  }

  async function writeAtomic(rel: string, data: string | Uint8Array, opts: FieldOption = {}): Promise<WriteResult> {
    const ctx = contextFor(rel, opts.field);
    const validated = check(rel, ctx, 'file');
    const bytes = toBytes(data, 'data');
    if (bytes.byteLength > maxFileBytes) throw tooLarge(ctx, maxFileBytes);
    const name = validated.segments[validated.segments.length - 1]!;
    const file: PendingFile = { name, rel: validated.rel, bytes, ctx };
    const [result] = await guarded(ctx, () => commitFiles(ctx, validated.segments.slice(0, -1), [file], hooks));
    return result!;
  }

  async function writeFiles(
    dirRel: string,
    files: { name: string; data: string | Uint8Array }[],
    opts: FieldOption = {},
  ): Promise<WriteResult[]> {
    const ctx = contextFor(dirRel, opts.field);
    const dir = check(dirRel, ctx, 'dir');
    if (!Array.isArray(files) || files.length === 0) {
      throw new ZapTraceError('INVALID_INPUT', 'files must be a non-empty list', { path: 'files', reason: 'empty' });
    }
    const seen = new Set<string>();
    const pending = files.map((entry, i): PendingFile => {
      const field = `files.${i}.name`;
      const name = validateFileName(entry.name, field, maxPathLength);
      const rel = dir.rel === '' ? name : `${dir.rel}/${name}`;
      const fileCtx = contextFor(rel, field);
      check(rel, fileCtx, 'file'); // the joined path must also respect the total length limit
      // Case-insensitive: on macOS/Windows volumes `A.txt` and `a.txt` are one file.
      const key = name.toLowerCase();
      if (seen.has(key)) throw pathError('duplicate', field, `duplicate file name "${displayPath(name)}"`);
      seen.add(key);
      const bytes = toBytes(entry.data, `files.${i}.data`);
      if (bytes.byteLength > maxFileBytes) throw tooLarge(fileCtx, maxFileBytes);
      return { name, rel, bytes, ctx: fileCtx };
    });
    return guarded(ctx, () => commitFiles(ctx, dir.segments, pending, hooks));
  }

  async function resolve(rel: string, mode: 'read' | 'write', opts: FieldOption = {}): Promise<string> {
    const ctx = contextFor(rel, opts.field);
    if (mode === 'read') {
      const { segments } = check(rel, ctx, 'dir');
      return guarded(ctx, async () => {
        const target = await resolveForRead(ctx, segments, revalidator(ctx, 'dir'));
        if (!target) throw notFound(ctx);
        await closeDir(target.dir);
        if (!target.stat.isDirectory()) assertRegular(ctx, target.stat);
        return [realRoot, ...target.segments].join(sep);
      });
    }
    const { segments } = check(rel, ctx, 'file');
    return guarded(ctx, async () => {
      const dir = (await walkForWrite(ctx, segments.slice(0, -1), true))!;
      try {
        const name = segments[segments.length - 1]!;
        const st = await lstat(entryPath(dir, name)).catch(() => null);
        if (st?.isSymbolicLink()) throw symlinkError(ctx, 'the target is a symbolic link');
        if (st) assertRegular(ctx, st);
        return `${dir.abs}${sep}${name}`;
      } finally {
        await closeDir(dir);
      }
    });
  }

  async function list(dirRel = '', opts: FieldOption = {}): Promise<ListEntry[]> {
    const ctx = contextFor(dirRel, opts.field);
    const { segments } = check(dirRel, ctx, 'dir');
    return guarded(ctx, async () => {
      const target = await resolveForRead(ctx, segments, revalidator(ctx, 'dir'));
      if (!target) throw notFound(ctx);
      try {
        const dirPath = target.name === null ? target.dir.base : entryPath(target.dir, target.name);
        if (!target.stat.isDirectory()) {
          throw pathError('not_directory', ctx.field, `invalid ${ctx.field} "${ctx.shown}": not a directory`);
        }
        const prefix = target.segments.join('/');
        const entries: ListEntry[] = [];
        for (const dirent of await readdir(dirPath, { withFileTypes: true })) {
          // In-flight temps and names the workspace would refuse are not listed: callers could not use them.
          if (dirent.name.startsWith(TEMP_PREFIX)) continue;
          try {
            validateFileName(dirent.name, 'name', maxPathLength);
          } catch {
            continue;
          }
          const path = prefix === '' ? dirent.name : `${prefix}/${dirent.name}`;
          if (dirent.isFile()) {
            const st = await lstat(`${dirPath}/${dirent.name}`).catch(() => null);
            entries.push(st ? { name: dirent.name, path, type: 'file', bytes: st.size } : { name: dirent.name, path, type: 'file' });
          } else {
            const type = dirent.isDirectory() ? 'directory' : dirent.isSymbolicLink() ? 'symlink' : 'other';
            entries.push({ name: dirent.name, path, type });
          }
        }
        return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } finally {
        await closeDir(target.dir);
      }
    });
  }

  async function exists(rel: string, opts: FieldOption = {}): Promise<boolean> {
    const ctx = contextFor(rel, opts.field);
    const { segments } = check(rel, ctx, 'dir');
    return guarded(ctx, async () => {
      const target = await resolveForRead(ctx, segments, revalidator(ctx, 'dir'));
      if (!target) return false;
      await closeDir(target.dir);
      if (!target.stat.isDirectory()) assertRegular(ctx, target.stat);
      return true;
    });
  }

  return {
    root: realRoot,
    strategy,
    readText: async (rel, opts = {}) => {
      const bytes = await readBytes(rel, opts);
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        const ctx = contextFor(rel, opts.field);
        throw new ZapTraceError('INVALID_INPUT', `"${ctx.shown}" is not valid UTF-8 text`, { path: ctx.field, reason: 'not_utf8' });
      }
    },
    readBytes,
    writeAtomic,
    writeFiles,
    resolve,
    list,
    exists,
  };
}
