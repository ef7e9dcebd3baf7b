/**
 * One-off import of ZapTrace's component library (MIT, github.com/oaslananka/zaptrace) into
 * data/library/parts.json, with data/library/import-report.json listing every record that needed a
 * repair or could not be used. Run from the repo root:
 *
 *   npx tsx src/eda/library/import-zaptrace.ts [corpusDir]
 *
 * corpusDir defaults to ../shared/corpus/zaptrace (the copy described by its PROVENANCE.md).
 * The output is sorted by id and deterministic, so re-running it gives a byte-identical file.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LibraryPart } from '../model/part.js';
import { normaliseRecord, type RecordNote } from './normalise.js';
import { readLibraryYaml } from './yaml-text.js';

export interface ImportProblem {
  file: string;
  id: string | null;
  outcome: 'repaired' | 'excluded';
  reasons: string[];
}

export interface ImportReport {
  source: { repository: string; commit: string; licence: string };
  records_read: number;
  parts_written: number;
  /** Records that could not be normalised as written: repaired (with what was done) or excluded. */
  problems: ImportProblem[];
  /** Non-problems worth knowing (value taken from the name, unknown keys ignored). */
  notes: { file: string; id: string; notes: string[] }[];
  /** Unquoted codes such as `package: 0805` that YAML would have read as numbers, kept as text. */
  codes_kept_as_text: { count: number; files: string[] };
  pin_types: Record<string, number>;
  values: { parts_with_value: number; passives_without_value: string[] };
}

export interface ImportResult {
  parts: LibraryPart[];
  report: ImportReport;
}

export const ZAPTRACE_REPOSITORY = 'github.com/oaslananka/zaptrace';

/** Reads the commit pinned in the corpus PROVENANCE.md ("commit 110a49c"). */
export function provenanceCommit(corpusDir: string): string {
  const text = readFileSync(path.join(corpusDir, 'PROVENANCE.md'), 'utf8');
  return /commit\s+([0-9a-f]{7,40})/i.exec(text)?.[1] ?? 'unknown';
}

export function importZapTrace(corpusDir: string): ImportResult {
  const commit = provenanceCommit(corpusDir);
  const libDir = path.join(corpusDir, 'library');
  const parts: LibraryPart[] = [];
  const problems: ImportProblem[] = [];
  const notes: ImportReport['notes'] = [];
  const codeFiles: string[] = [];
  let codeCount = 0;
  let read = 0;
  const seen = new Map<string, string>();

  const categories = readdirSync(libDir).filter((d) => statSync(path.join(libDir, d)).isDirectory()).sort();
  for (const category of categories) {
    const files = readdirSync(path.join(libDir, category)).filter((f) => /\.ya?ml$/.test(f)).sort();
    for (const file of files) {
      read++;
      const rel = `${category}/${file}`;
      const parsed = readLibraryYaml(readFileSync(path.join(libDir, category, file), 'utf8'));
      if (!parsed.ok) {
        problems.push({ file: rel, id: null, outcome: 'excluded', reasons: [parsed.message] });
        continue;
      }
      if (parsed.codesKept.length > 0) {
        codeCount += parsed.codesKept.length;
        codeFiles.push(rel);
      }
      const result = normaliseRecord(parsed.value, { source: `zaptrace@${commit}:library/${rel}` });
      const extra: RecordNote[] = [];
      if (result.part) {
        if (result.part.category !== category) extra.push({ kind: 'info', message: `category '${result.part.category}' differs from its folder '${category}'` });
        if (`${result.part.id}.yaml` !== file) extra.push({ kind: 'info', message: 'id differs from the file name' });
        const earlier = seen.get(result.part.id.toLowerCase());
        if (earlier !== undefined) extra.push({ kind: 'excluded', message: `duplicate id; ${earlier} kept` });
      }
      const all = [...result.notes, ...extra];
      const excluded = result.part === null || all.some((n) => n.kind === 'excluded');
      const repaired = all.filter((n) => n.kind === 'repaired' || n.kind === 'excluded');
      const id = result.part?.id ?? (typeof (parsed.value as { id?: unknown } | null)?.id === 'string' ? String((parsed.value as { id: string }).id) : null);
      if (excluded || repaired.length > 0) {
        problems.push({ file: rel, id, outcome: excluded ? 'excluded' : 'repaired', reasons: repaired.map((n) => n.message) });
      }
      const infos = all.filter((n) => n.kind === 'info').map((n) => n.message);
      if (infos.length > 0 && result.part) notes.push({ file: rel, id: result.part.id, notes: infos });
      if (!excluded && result.part) {
        parts.push(result.part);
        seen.set(result.part.id.toLowerCase(), rel);
      }
    }
  }

  parts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const pinTypes: Record<string, number> = {};
  for (const p of parts) for (const pin of p.pins) pinTypes[pin.type] = (pinTypes[pin.type] ?? 0) + 1;
  const passivesWithout = parts.filter((p) => p.category === 'passive' && p.value_si === null).map((p) => p.id);
  return {
    parts,
    report: {
      source: { repository: ZAPTRACE_REPOSITORY, commit, licence: 'MIT' },
      records_read: read,
      parts_written: parts.length,
      problems,
      notes,
      codes_kept_as_text: { count: codeCount, files: codeFiles },
      pin_types: Object.fromEntries(Object.entries(pinTypes).sort(([a], [b]) => (a < b ? -1 : 1))),
      values: { parts_with_value: parts.filter((p) => p.value_si !== null).length, passives_without_value: passivesWithout },
    },
  };
}

/** The shipped file's shape: a small header and the parts, one JSON object each. */
export interface PartsFile {
  format: 'zaptrace-library-parts';
  version: 1;
  source: string;
  count: number;
  parts: LibraryPart[];
}

export function partsFileText(parts: LibraryPart[], commit: string): string {
  const file: PartsFile = {
    format: 'zaptrace-library-parts',
    version: 1,
    source: `${ZAPTRACE_REPOSITORY}@${commit} library/ (MIT), normalised by src/eda/library/import-zaptrace.ts`,
    count: parts.length,
    parts,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function main(): void {
  const corpusDir = path.resolve(process.argv[2] ?? path.join(process.cwd(), '../shared/corpus/zaptrace'));
  const outDir = path.join(process.cwd(), 'data/library');
  const { parts, report } = importZapTrace(corpusDir);
  writeFileSync(path.join(outDir, 'parts.json'), partsFileText(parts, report.source.commit));
  writeFileSync(path.join(outDir, 'import-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const excluded = report.problems.filter((p) => p.outcome === 'excluded').length;
  const repaired = report.problems.filter((p) => p.outcome === 'repaired').length;
  process.stdout.write(`read ${report.records_read} records, wrote ${report.parts_written} parts (${repaired} repaired, ${excluded} excluded)\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
