import { describe, expect, it } from 'vitest';
import { BIDI_CONTROL, textProblem } from '../../src/kernel/text-rules.js';
import { seededRng } from '../../src/kernel/rng.js';

/** The rule as three regular expressions (contract.md, "Bad input"), the definition textProblem's one-pass scan must agree with. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /\p{Cs}/u;
const byRegex = (v: string) => (CONTROL.test(v) ? 'control' : BIDI_CONTROL.test(v) ? 'bidi' : LONE_SURROGATE.test(v) ? 'surrogate' : null);

describe('textProblem: one pass over the code units, the same verdict as the three expressions', () => {
  it('agrees on every boundary character alone and on 20,000 random strings mixing them', () => {
    const edges = [0x00, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0x9f, 0xa0, 0x061b, 0x061c, 0x061d, 0x200d, 0x200e, 0x200f, 0x2010, 0x2029, 0x202a, 0x202e, 0x202f, 0x2065, 0x2066, 0x2069, 0x206a, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfeff, 0xffff, 0x41, 0x3a9];
    for (const c of edges) expect(textProblem(String.fromCharCode(c)), c.toString(16)).toBe(byRegex(String.fromCharCode(c)));
    const pool = [...edges.map((c) => String.fromCharCode(c)), '🙂', 'Ω', 'abc', '4k7 ±1%'];
    const rng = seededRng(11);
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      const n = rng.int(6);
      for (let k = 0; k < n; k++) s += pool[rng.int(pool.length)];
      expect(textProblem(s), JSON.stringify(s)).toBe(byRegex(s));
    }
  });
});
