import { describe, expect, it } from 'vitest';
import { formatNumber, list, quote, serialize, sym } from '../../../../src/eda/sexpr/index.js';
import { ZapTraceError } from '../../../../src/kernel/errors.js';

describe('S-expression writer', () => {
  it('formats numbers without exponent, with at most 6 decimals', () => {
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(10)).toBe('10');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-1e-9)).toBe('0');
    expect(formatNumber(1e-7)).toBe('0');
    expect(formatNumber(0.0000015)).toBe('0.000002');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-12.3456789)).toBe('-12.345679');
    for (const bad of [NaN, Infinity, -Infinity]) expect(() => formatNumber(bad)).toThrow(ZapTraceError);
  });

  it('escapes quotes, backslashes, newlines and control characters', () => {
    expect(quote('plain')).toBe('"plain"');
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote('a\\b')).toBe('"a\\\\b"');
    expect(quote('l1\nl2\r\t')).toBe('"l1\\nl2\\r\\t"');
    expect(quote('\u0001\u001f\u007f')).toBe('"\\001\\037\\177"');
    expect(quote('(net 1 "x")')).toBe('"(net 1 \\"x\\")"');
    expect(quote('Ω µF 电阻 🙂')).toBe('"Ω µF 电阻 🙂"');
  });

  it('a quoted hostile string never leaves its quotes', () => {
    const hostile = 'R1")(segment (start 0 0))("\\';
    const text = serialize(list('property', 'Reference', hostile));
    // Unescape like a reader would and compare
    const m = /^\(property "Reference" "((?:[^"\\]|\\.)*)"\)$/.exec(text);
    expect(m).not.toBeNull();
    expect(m![1]!.replace(/\\(.)/g, '$1')).toBe(hostile);
  });

  it('refuses symbols that would need quoting', () => {
    expect(sym('F.Cu').sym).toBe('F.Cu');
    expect(sym('*.Cu').sym).toBe('*.Cu');
    for (const bad of ['a b', 'x)', '"q"', '', 'é']) expect(() => sym(bad)).toThrow(ZapTraceError);
  });

  it('serialises nested lists and drops absent optional items', () => {
    const e = list('pad', '1', sym('smd'), sym('rect'), list('at', 1, -2.5, 90), undefined, false, list('layers', 'F.Cu', 'F.Mask'));
    expect(serialize(e)).toBe('(pad "1" smd rect (at 1 -2.5 90) (layers "F.Cu" "F.Mask"))');
    const deep = serialize(list('a', list('b', list('c', 1))));
    expect(deep).toBe('(a\n  (b (c 1))\n)');
  });
});
