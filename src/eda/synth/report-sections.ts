import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * Shared by the two synthesis benches (bench/synthesis-elements-report.ts and
 * bench/synthesis-intents-report.ts): reading an intents file and writing one report into a named
 * section of a file both may write (docs/reports/synthesis-held-out.md holds both reports of the
 * held-out set, each between its own markers, so running one bench keeps the other's section).
 */

/** The `intents:` list of a YAML intents file (fixtures/intents.yaml form); throws on any other shape. */
export function readIntentsFile(file: string): string[] {
  const doc = parse(readFileSync(file, 'utf8')) as { intents?: unknown } | null;
  const list = doc?.intents;
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string' && x.trim().length > 0)) {
    throw new Error(`${file}: expected "intents:" followed by a list of non-empty sentences`);
  }
  return list as string[];
}

/**
 * Replaces (or appends) the section `name` of `file` with `body`; the rest of the file is kept.
 * A new file starts with `title`.
 */
export function writeReportSection(file: string, title: string, name: string, body: string[]): void {
  const start = `<!-- section:${name} -->`;
  const end = `<!-- /section:${name} -->`;
  const block = [start, ...body, end].join('\n');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : `${title}\n`;
  const i = old.indexOf(start);
  const j = old.indexOf(end);
  const next = i >= 0 && j > i ? `${old.slice(0, i)}${block}${old.slice(j + end.length)}` : `${old.replace(/\n*$/, '\n\n')}${block}\n`;
  writeFileSync(file, next);
}
