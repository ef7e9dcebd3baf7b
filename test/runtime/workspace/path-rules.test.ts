import { describe, expect, it } from 'vitest';
import { isZapTraceError } from '../../../src/kernel/errors.js';
import { displayPath, validateFileName, validateRelPath } from '../../../src/runtime/workspace/path-rules.js';
import { HOSTILE_PATHS } from '../../fixtures/hostile-paths.js';

function reasonOf(input: unknown, kind: 'file' | 'dir' = 'file'): string {
  try {
    validateRelPath(input, { kind });
  } catch (err) {
    if (!isZapTraceError(err)) throw err;
    expect(err.code).toBe('INVALID_INPUT');
    return String(err.details['reason']);
  }
  return 'accepted';
}

describe('hostile path corpus', () => {
  it('holds at least 50 distinct entries with reasons', () => {
    expect(HOSTILE_PATHS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(HOSTILE_PATHS.map((h) => h.path)).size).toBe(HOSTILE_PATHS.length);
    for (const h of HOSTILE_PATHS) expect(h.why.length).toBeGreaterThan(2);
  });

  it.each(HOSTILE_PATHS.map((h) => [JSON.stringify(h.path).slice(0, 60), h] as const))(
    'rejects %s lexically',
    (_label, hostile) => {
      const reason = reasonOf(hostile.path);
      expect(reason).not.toBe('accepted');
    },
  );
});

describe('reason codes', () => {
  const cases: [string, string][] = [
    ['', 'empty'],
    ['.', 'empty'],
    ['a//b', 'empty'],
    ['../x', 'traversal'],
    ['a/../b', 'traversal'],
    ['.../x', 'traversal'],
    ['/etc/passwd', 'absolute'],
    ['//host/x', 'absolute'],
    ['C:\\x', 'absolute'],
    ['c:x', 'absolute'],
    ['\\\\server\\share', 'absolute'],
    ['file:///etc/passwd', 'url'],
    ['a\\b', 'backslash'],
    ['%2e%2e/x', 'encoded'],
    ['%c0%ae', 'encoded'],
    ['a\u0000b', 'nul'],
    ['a\nb', 'control_char'],
    ['a\u202Eb', 'bidi'],
    ['a\u200Bb', 'invisible'],
    ['a\uDC00', 'invalid_unicode'],
    ['\uFF0E\uFF0E/x', 'lookalike'],
    ['a\u2215b', 'lookalike'],
    ['x'.repeat(1025), 'too_long'],
    ['b'.repeat(256), 'too_long'],
    ['CON', 'reserved'],
    ['aux.txt', 'reserved'],
    ['a:b', 'absolute'],
    ['notes:v2.txt', 'reserved'],
    ['x.', 'reserved'],
    ['.git/config', 'reserved'],
  ];
  it.each(cases)('%j -> %s', (input, reason) => {
    expect(reasonOf(input)).toBe(reason);
  });

  it('rejects non-strings', () => {
    for (const bad of [null, undefined, 42, {}, ['a'], Buffer.from('a')]) expect(reasonOf(bad)).toBe('not_string');
  });

  it('honours a custom maximum length and field name', () => {
    try {
      validateRelPath('abcdef', { maxPathLength: 5, field: 'output' });
      expect.unreachable();
    } catch (err) {
      if (!isZapTraceError(err)) throw err;
      expect(err.details).toEqual({ path: 'output', reason: 'too_long' });
      expect(err.message).toContain('output');
    }
  });
});

describe('acceptable paths', () => {
  const good: [string, string][] = [
    ['out/board.kicad_pcb', 'out/board.kicad_pcb'],
    ['./out/board.kicad_pcb', 'out/board.kicad_pcb'],
    ['a/./b.txt', 'a/b.txt'],
    ['ボード/設計.yaml', 'ボード/設計.yaml'],
    ['~/.ssh/id_rsa', '~/.ssh/id_rsa'],
    ['100%_done.txt', '100%_done.txt'],
    ['.config.yaml', '.config.yaml'],
    ['plug 🔌 v2.txt', 'plug 🔌 v2.txt'],
    ['ＡＢＣ.txt', 'ＡＢＣ.txt'],
    ['..hidden', '..hidden'],
    ['a..b', 'a..b'],
    ['CONSOLE.txt', 'CONSOLE.txt'],
    ['c'.repeat(255), 'c'.repeat(255)],
  ];
  it.each(good)('%j is accepted as %j', (input, rel) => {
    expect(validateRelPath(input).rel).toBe(rel);
  });

  it('normalises to NFC so one visible name is one file', () => {
    const decomposed = 'Re\u0301sume\u0301.txt';
    expect(validateRelPath(decomposed).rel).toBe('R\u00E9sum\u00E9.txt');
  });

  it('accepts exactly 1024 characters', () => {
    const path = `${'p'.repeat(200)}/`.repeat(5) + 'q'.repeat(19);
    expect(path.length).toBe(1024);
    expect(validateRelPath(path).segments).toHaveLength(6);
  });

  it('allows the root and a trailing slash only for directories', () => {
    expect(validateRelPath('', { kind: 'dir' }).segments).toEqual([]);
    expect(validateRelPath('.', { kind: 'dir' }).segments).toEqual([]);
    expect(validateRelPath('out/', { kind: 'dir' }).segments).toEqual(['out']);
    expect(reasonOf('out/', 'file')).toBe('empty');
    expect(reasonOf('out//', 'dir')).toBe('empty');
  });

  it('plain file names must be a single component', () => {
    expect(validateFileName('a.gbr', 'name')).toBe('a.gbr');
    expect(() => validateFileName('x/a.gbr', 'name')).toThrow(/plain file name/);
  });
});

describe('displayPath', () => {
  it('escapes controls, bidi and quotes and truncates', () => {
    expect(displayPath('a\u001b[31m\u202Eb"c')).toBe('a\\u{1b}[31m\\u{202e}b\\"c');
    const long = displayPath('z'.repeat(500));
    expect(Array.from(long)).toHaveLength(121);
    expect(long.endsWith('…')).toBe(true);
  });

  it('messages show the escaped caller text, never raw control characters', () => {
    for (const h of HOSTILE_PATHS) {
      try {
        validateRelPath(h.path);
      } catch (err) {
        if (!isZapTraceError(err)) throw err;
        expect(err.message).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
        expect(err.message.length).toBeLessThan(400);
      }
    }
  });
});
