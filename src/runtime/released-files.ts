import { ZapTraceError } from '../kernel/errors.js';
import type { EventStore } from './store/event-store.js';
import type { Workspace } from './workspace/index.js';
import { displayPath, validateRelPath } from './workspace/path-rules.js';

/**
 * Files a release export wrote are never overwritten by a lower-level write (contract.md,
 * "Approvals are human and independent": "Files a release wrote are never overwritten by a
 * lower-level write"). The set is derived from the ArtifactsExported events of every session log,
 * so it survives a restart and covers every principal sharing the workspace.
 */
export interface ReleasedFiles {
  /** Throws PATH_RELEASED (409) when `rel` names a file some release wrote. */
  assertWritable(rel: string, field: string): Promise<void>;
  /** Adds files a release just wrote (before its event is appended). */
  record(paths: readonly string[]): void;
}

/**
 * Keys compare case-insensitively after the workspace's own normalisation (NFC, `.` segments
 * dropped): on macOS and Windows volumes `FAB/Board.kicad_pcb` is the released file itself, and on
 * Linux refusing the look-alike costs nothing.
 */
function keyOf(rel: string): string {
  return validateRelPath(rel, { kind: 'file' }).rel.toLowerCase();
}

export function createReleasedFiles(store: EventStore): ReleasedFiles {
  const released = new Set<string>();
  const note = (paths: readonly string[]) => {
    for (const p of paths) {
      try {
        released.add(keyOf(p));
      } catch {
        // a path the workspace would refuse was never written
      }
    }
  };
  const filesOf = (data: unknown) => ((data as { files?: { path?: unknown }[] }).files ?? []).map((f) => f.path).filter((p): p is string => typeof p === 'string');
  // Subscribed before the history is read, so no export falls between the two.
  store.stream().subscribe((e) => {
    if (e.type === 'ArtifactsExported') note(filesOf(e.data));
  });
  let loaded: Promise<void> | null = null;
  const load = async () => {
    for (const id of await store.sessions()) {
      if (store.quarantineOf(id)) continue; // a damaged log is served to nobody; its files stay as they are on disk
      try {
        for (const e of await store.read(id)) if (e.type === 'ArtifactsExported') note(filesOf(e.data));
      } catch {
        // unreadable log: same as quarantined
      }
    }
  };
  return {
    async assertWritable(rel, field) {
      loaded ??= load();
      await loaded;
      let key: string;
      try {
        key = keyOf(rel);
      } catch {
        return; // the workspace refuses the path itself, with its own reason
      }
      if (released.has(key)) {
        throw new ZapTraceError('PATH_RELEASED', `${field} "${displayPath(rel)}" was written by a release export and is kept as released; write elsewhere`, { path: field, target: displayPath(rel) });
      }
    },
    record: note,
  };
}

/** The workspace lower-level tools get: every write refuses a released target first. */
export function guardReleasedWrites(workspace: Workspace, released: ReleasedFiles): Workspace {
  return {
    get root() {
      return workspace.root;
    },
    get strategy() {
      return workspace.strategy;
    },
    readText: (rel, opts) => workspace.readText(rel, opts),
    readBytes: (rel, opts) => workspace.readBytes(rel, opts),
    resolve: (rel, mode, opts) => workspace.resolve(rel, mode, opts),
    list: (dir, opts) => workspace.list(dir, opts),
    exists: (rel, opts) => workspace.exists(rel, opts),
    async writeAtomic(rel, data, opts) {
      await released.assertWritable(rel, opts?.field ?? 'path');
      return workspace.writeAtomic(rel, data, opts);
    },
    async writeFiles(dir, files, opts) {
      const base = dir.replace(/\/+$/, '');
      for (const [i, f] of files.entries()) await released.assertWritable(base === '' || base === '.' ? f.name : `${base}/${f.name}`, `files.${i}.name`);
      return workspace.writeFiles(dir, files, opts);
    },
  };
}
