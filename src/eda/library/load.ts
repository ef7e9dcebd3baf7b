import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZapTraceError } from '../../kernel/errors.js';
import type { LibraryPart } from '../model/part.js';
import { createLibrary, type Library, type LibraryIssue } from './library.js';
import { normaliseRecord } from './normalise.js';
import { readLibraryYaml } from './yaml-text.js';
import { readWithdrawnFile, shippedWithdrawnFile, type WithdrawnEntry } from './withdrawn.js';

/**
 * Loads the shipped library (data/library/parts.json, imported from ZapTrace) plus any user
 * library directories. User records are ZapTrace-format YAML (one part per file, as in
 * ZapTrace's library/<category>/) or our JSON (one part, an array of parts, or a parts file
 * `{ parts: [...] }`). A record that cannot be read becomes an entry of `library.issues`; a user
 * part whose id (case-insensitively) equals an earlier part replaces it, with a warning.
 */
export interface LoadOptions {
  extraDirs?: string[];
}

const PARTS_FILE = path.join('data', 'library', 'parts.json');
/**
 * Parts whose pinout was read from the manufacturer's data sheet (docs/library.md, "Checked
 * pinouts"): new parts, and corrections that replace the imported record with the same id. They
 * live in `checked-parts.json` and `checked-parts-<family>.json`, read in name order.
 */
const CHECKED_FILE = /^checked-parts(-[a-z0-9-]+)?\.json$/;
const MAX_FILE_BYTES = 2_000_000;
const MAX_FILES_PER_DIR = 20_000;

let shippedCache: readonly LibraryPart[] | null = null;
/** Lower-case ids of the shipped records that come from a checked-parts file. */
let checkedIds: ReadonlySet<string> = new Set();
let withdrawnCache: readonly WithdrawnEntry[] | null = null;

/**
 * The directory holding data/library/parts.json: walk up from this module, which sits at
 * src/eda/library/ under tsx/vitest and dist/eda/library/ once compiled; both reach the repo root.
 */
export function findShippedPartsFile(startDir = path.dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = startDir;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, PARTS_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

export function loadShippedParts(): readonly LibraryPart[] {
  if (shippedCache !== null) return shippedCache;
  const file = findShippedPartsFile();
  if (file === null) throw new ZapTraceError('INTERNAL_ERROR', 'the shipped component library (data/library/parts.json) is missing');
  const readList = (f: string, label: string): unknown[] => {
    const raw = JSON.parse(readFileSync(f, 'utf8')) as unknown;
    const l = typeof raw === 'object' && raw !== null && 'parts' in raw ? (raw as { parts: unknown }).parts : null;
    if (!Array.isArray(l)) throw new ZapTraceError('INTERNAL_ERROR', `${label} has no parts list`);
    return l;
  };
  const dir = path.dirname(file);
  const checkedFiles = readdirSync(dir).filter((f) => CHECKED_FILE.test(f)).sort();
  const checked = checkedFiles.flatMap((f) => readList(path.join(dir, f), `data/library/${f}`));
  // A correction takes the imported record's place; new parts follow.
  const idOf = (p: unknown): string => String((p as { id?: unknown }).id).toLowerCase();
  const checkedById = new Map(checked.map((p) => [idOf(p), p]));
  checkedIds = new Set(checkedById.keys());
  const imported = readList(file, 'data/library/parts.json');
  const importedIds = new Set(imported.map(idOf));
  const list = [...imported.map((p) => checkedById.get(idOf(p)) ?? p), ...checked.filter((p) => !importedIds.has(idOf(p)))];
  // The file is written by the importer, which validated every part against LibraryPart (and a
  // test re-validates it); at start-up a structural check is enough and keeps loading fast.
  const parts = list.map((p: unknown, i) => {
    const ok = typeof p === 'object' && p !== null && typeof (p as { id?: unknown }).id === 'string' && Array.isArray((p as { pins?: unknown }).pins);
    if (!ok) throw new ZapTraceError('INTERNAL_ERROR', `data/library/parts.json: part ${i} does not fit the part model`);
    return Object.freeze(p as LibraryPart);
  });
  shippedCache = Object.freeze(parts);
  return shippedCache;
}

/** data/library/withdrawn-parts.json as shipped (docs/library.md, "Withdrawn parts"). */
export function loadWithdrawnList(): readonly WithdrawnEntry[] {
  if (withdrawnCache !== null) return withdrawnCache;
  const file = findShippedPartsFile();
  if (file === null) throw new ZapTraceError('INTERNAL_ERROR', 'the shipped component library (data/library/parts.json) is missing');
  withdrawnCache = Object.freeze(readWithdrawnFile(shippedWithdrawnFile(file)).map((e) => Object.freeze(e)));
  return withdrawnCache;
}

export function loadLibrary(options: LoadOptions = {}): Library {
  const issues: LibraryIssue[] = [];
  const byId = new Map<string, LibraryPart>();
  const reasons = new Map(loadWithdrawnList().map((e) => [e.id.toLowerCase(), e.reason]));
  // A listed shipped record is held back unless a checked-parts record (read from the data sheet)
  // replaced it: that correction is what the withdrawal waits for, and it is offered at once, before
  // the list is regenerated. A user part with its id (below) takes its place too, the user
  // answering for its pins.
  const held = new Map<string, { part: LibraryPart; reason: string }>();
  for (const p of loadShippedParts()) {
    const reason = reasons.get(p.id.toLowerCase());
    if (reason !== undefined && !checkedIds.has(p.id.toLowerCase())) held.set(p.id.toLowerCase(), { part: p, reason });
    else byId.set(p.id.toLowerCase(), p);
  }
  for (const [d, dir] of (options.extraDirs ?? []).entries()) {
    for (const { part, issue } of readUserDir(dir, `user[${d}]`)) {
      if (issue) issues.push(issue);
      if (!part) continue;
      const key = part.id.toLowerCase();
      const earlier = byId.get(key);
      if (earlier !== undefined) {
        issues.push({ source: part.source, id: part.id, severity: 'warning', message: `overrides the earlier part '${earlier.id}' (${earlier.source})` });
      }
      const withdrawn = held.get(key);
      if (withdrawn !== undefined) {
        issues.push({ source: part.source, id: part.id, severity: 'warning', message: `replaces the withdrawn shipped part '${withdrawn.part.id}' (${withdrawn.reason}); its pins are this record's` });
        held.delete(key);
      }
      byId.set(key, part);
    }
  }
  return createLibrary([...byId.values()], issues, [...held.values()]);
}

interface UserRecord {
  part: LibraryPart | null;
  issue: LibraryIssue | null;
}

/** Reads every .yaml/.yml/.json file of a directory and its sub-directories, in name order. */
export function readUserDir(dir: string, label: string): UserRecord[] {
  const out: UserRecord[] = [];
  const fail = (source: string, message: string, id: string | null = null): void => {
    out.push({ part: null, issue: { source, id, severity: 'error', message } });
  };
  if (!isDirectory(dir)) {
    fail(label, 'library directory not found');
    return out;
  }
  let files: string[];
  try {
    files = listFiles(dir);
  } catch {
    fail(label, 'library directory could not be listed');
    return out;
  }
  if (files.length > MAX_FILES_PER_DIR) {
    fail(label, `more than ${MAX_FILES_PER_DIR} files; only the first ${MAX_FILES_PER_DIR} read`);
  }
  for (const rel of files.slice(0, MAX_FILES_PER_DIR)) {
    const source = `${label}:${rel}`;
    let textContent: string;
    try {
      const full = path.join(dir, rel);
      if (statSync(full).size > MAX_FILE_BYTES) {
        fail(source, `file larger than ${MAX_FILE_BYTES} bytes; skipped`);
        continue;
      }
      textContent = readFileSync(full, 'utf8');
    } catch {
      fail(source, 'file could not be read');
      continue;
    }
    let records: unknown[];
    if (rel.endsWith('.json')) {
      let raw: unknown;
      try {
        raw = JSON.parse(textContent) as unknown;
      } catch {
        fail(source, 'not valid JSON');
        continue;
      }
      records = Array.isArray(raw) ? raw : typeof raw === 'object' && raw !== null && Array.isArray((raw as { parts?: unknown }).parts) ? (raw as { parts: unknown[] }).parts : [raw];
    } else {
      const parsed = readLibraryYaml(textContent);
      if (!parsed.ok) {
        fail(source, parsed.message);
        continue;
      }
      records = [parsed.value];
    }
    for (const [i, record] of records.entries()) {
      const recSource = records.length > 1 ? `${source}#${i}` : source;
      const result = normaliseRecord(record, { source: recSource });
      const recId = typeof (record as { id?: unknown } | null)?.id === 'string' ? (record as { id: string }).id : null;
      const problems = result.notes.filter((n) => n.kind !== 'info');
      if (result.part === null) {
        fail(recSource, problems.map((n) => n.message).join('; ') || 'record could not be read', recId);
        continue;
      }
      for (const n of problems) out.push({ part: null, issue: { source: recSource, id: result.part.id, severity: 'warning', message: n.message } });
      out.push({ part: result.part, issue: null });
    }
  }
  return out;
}

function listFiles(dir: string, prefix = '', depth = 0): string[] {
  if (depth > 4) return [];
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel, depth + 1));
    else if (entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name)) out.push(rel);
  }
  return out;
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
