import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Comments cite what a reader of the repository can open — contract.md or architecture.md with a
 * section, a format document (KiCad, Gerber X2, IPC), a file under docs/ or the test that proves
 * it — never a tracker number or the history of how the code came to be.
 */
const SRC = resolve(process.cwd(), 'src');
const UNOPENABLE_CITATION = /\b(issue|task|ticket)s?\s*#?\d+|\bthe seed\b|\(seed:\s*["“]|\bbrief of\b/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.[cm]?ts$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('comments cite what a reader can open', () => {
  it('recognises the citations it forbids', () => {
    expect(UNOPENABLE_CITATION.test('// as issue 4 asks')).toBe(true);
    expect(UNOPENABLE_CITATION.test('/* task 12 */')).toBe(true);
    expect(UNOPENABLE_CITATION.test(' * kept from the seed')).toBe(true);
    expect(UNOPENABLE_CITATION.test('// header required (seed: "Missing session")')).toBe(true);
    expect(UNOPENABLE_CITATION.test(' * (contract.md, "Bad input")')).toBe(false);
    expect(UNOPENABLE_CITATION.test(' * a given seed always gives the same result')).toBe(false);
    expect(UNOPENABLE_CITATION.test('function seededRng(seed: number)')).toBe(false);
  });

  it('no line of src/ cites an issue, a task or the seed', () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (UNOPENABLE_CITATION.test(line)) found.push(`${relative(process.cwd(), file)}:${i + 1}: ${line.trim().slice(0, 120)}`);
        });
    }
    expect(found, 'cite contract.md/architecture.md with a section, a docs/ file, a format spec or a test instead').toEqual([]);
  });
});
