import { describe, expect, it } from 'vitest';
import { parseDesignObject, parseDesignText, PARSE_LIMITS } from '../../../src/eda/parse/index.js';
import { ZapTraceError } from '../../../src/kernel/errors.js';

/** Runs `fn`, expects INVALID_INPUT, returns the error for further checks. */
function rejects(fn: () => unknown): ZapTraceError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ZapTraceError);
    const e = err as ZapTraceError;
    expect(e.code).toBe('INVALID_INPUT');
    expect(typeof e.details.path).toBe('string');
    expect(e.message).not.toMatch(/\n\s+at /); // no stack in the message
    return e;
  }
  throw new Error('expected INVALID_INPUT, got success');
}

const valid = (extra = '') => `meta: {name: T}\ncomponents:\n  u1: {ref: U1, type: mcu}\nnets:\n  a: {name: A, nodes: [U1.X]}\n${extra}`;

describe('hostile input', () => {
  it('a minimal valid design parses (baseline for the cases below)', () => {
    expect(Object.keys(parseDesignText(valid()).design.nets)).toEqual(['a']);
  });

  it('size limit: default 2 MiB and the maxBytes option, counted in UTF-8 bytes', () => {
    const big = valid(`# ${'x'.repeat(PARSE_LIMITS.maxBytes)}\n`);
    expect(rejects(() => parseDesignText(big)).message).toMatch(/larger than the 2097152-byte limit/);
    expect(rejects(() => parseDesignText(valid(), { maxBytes: 20 })).details.limit_bytes).toBe(20);
    // 40 characters, 120 bytes: the byte count decides.
    const wide = `meta: {name: "${'€'.repeat(40)}"}`;
    expect(() => parseDesignText(wide, { maxBytes: 100 })).toThrow(/100-byte limit/);
  });

  it('YAML alias bomb is refused quickly', () => {
    const lines = ['meta: {name: T}', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(',')}]`);
    const t0 = Date.now();
    expect(rejects(() => parseDesignText(lines.join('\n'))).message).toMatch(/alias/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('a bomb that stays under the alias-token limit is stopped by the expansion limit', () => {
    // 30 alias tokens in 10 levels of 3: 3^10 copies of a 1,000-element list if expanded.
    const lines = ['meta: {name: T}', `l0: &l0 [${Array(1000).fill('0').join(',')}]`];
    for (let i = 1; i <= 10; i++) lines.push(`l${i}: &l${i} [*l${i - 1}, *l${i - 1}, *l${i - 1}]`);
    const t0 = Date.now();
    expect(rejects(() => parseDesignText(lines.join('\n'))).message).toMatch(/alias/i);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('deep nesting in YAML flow, YAML block, compact sequences and JSON', () => {
    const flow = `meta: {name: T}\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(rejects(() => parseDesignText(flow)).message).toMatch(/deeper than 64/);
    const compact = `meta: {name: T}\nx:\n  ${'- '.repeat(100_000)}1\n`;
    expect(rejects(() => parseDesignText(compact)).message).toMatch(/block indicators/);
    let block = 'meta: {name: T}\nx:\n';
    for (let i = 1; i < 80; i++) block += `${' '.repeat(i)}k:\n`;
    block += `${' '.repeat(80)}v\n`;
    expect(rejects(() => parseDesignText(block)).message).toMatch(/deeper than 64/);
    const json = `{"meta":{"name":"T"},"x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const e = rejects(() => parseDesignText(json, { format: 'json' }));
    expect(e.message).toMatch(/deeper than 64/);
    expect(e.details.path).toMatch(/^x(\[0\])+$/);
    // A value nested too deep handed in directly
    let obj: unknown = 1;
    for (let i = 0; i < 100; i++) obj = { k: obj };
    expect(rejects(() => parseDesignObject({ meta: { name: 'T' }, x: obj })).message).toMatch(/deeper than 64/);
  });

  it('duplicate keys in YAML and JSON', () => {
    expect(rejects(() => parseDesignText('meta: {name: T}\nmeta: {name: U}\n')).message).toMatch(/line 2, column 1: duplicate key "meta"/);
    const e = rejects(() => parseDesignText('{"meta":{"name":"T"},"components":{"u1":{"ref":"U1","type":"x"},"u1":{"ref":"U2","type":"x"}}}'));
    expect(e.message).toMatch(/duplicate key "u1"/);
    expect(e.details.path).toBe('components');
  });

  it('non-object top level', () => {
    for (const text of ['- a\n- b\n', '42', '"just a string"', '[1,2]', 'null']) {
      expect(rejects(() => parseDesignText(text)).message).toMatch(/mapping \(object\) at the top level/);
    }
    expect(rejects(() => parseDesignText('   \n')).message).toMatch(/empty/);
    expect(rejects(() => parseDesignObject(null)).message).toMatch(/top level/);
  });

  it('NaN and Infinity', () => {
    expect(rejects(() => parseDesignText('meta: {name: T}\nboard: {width_mm: .nan}\n')).details.path).toBe('board.width_mm');
    expect(rejects(() => parseDesignText('meta: {name: T}\nboard: {height_mm: .inf}\n')).message).toMatch(/finite/);
    expect(rejects(() => parseDesignObject({ meta: { name: 'T' }, placement: { u1: [Infinity, 0] } })).details.path).toBe('placement.u1[0]');
  });

  it('NUL, control and bidi characters; whitespace-only names', () => {
    expect(rejects(() => parseDesignText('meta: {name: "a\\0b"}\n')).details.path).toBe('meta.name');
    expect(rejects(() => parseDesignText('meta: {name: T}\ncomponents:\n  u1: {ref: "U\\x071", type: mcu}\n')).message).toMatch(/control/);
    expect(rejects(() => parseDesignText('meta: {name: T}\ncomponents:\n  u1: {ref: "U\\u202e1", type: mcu}\n')).message).toMatch(/bidi/);
    expect(rejects(() => parseDesignText('meta: {name: T}\ncomponents:\n  u1: {ref: "   ", type: mcu}\n')).message).toMatch(/whitespace only/);
    expect(rejects(() => parseDesignText('meta: {name: T}\nnets:\n  a: {name: "  "}\n')).details.path).toBe('nets.a.name');
    expect(rejects(() => parseDesignText('meta: {name: T}\ncomponents:\n  u1: {ref: U.1, type: mcu}\n')).message).toMatch(/must not contain "\."/);
    expect(rejects(() => parseDesignObject({ meta: { name: 'T' }, components: { 'u\u00001': { ref: 'U1', type: 'x' } } })).message).toMatch(/control/);
  });

  it('prototype-pollution keys as component, net, pin ids and anywhere else', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const asComp = `{"meta":{"name":"T"},"components":{"${key}":{"ref":"U1","type":"x"}}}`;
      expect(rejects(() => parseDesignText(asComp)).message).toMatch(/reserved key/);
      const asNet = `meta: {name: T}\nnets:\n  ${key}: {name: A}\n`;
      expect(rejects(() => parseDesignText(asNet)).details.path).toBe('nets');
      const asPin = `meta: {name: T}\ncomponents:\n  u1: {ref: U1, type: x, pins: {${key}: {type: input}}}\n`;
      expect(rejects(() => parseDesignText(asPin)).details.path).toBe('components.u1.pins');
    }
    expect(rejects(() => parseDesignText('meta: {name: T}\ncomponents:\n  u1: {ref: constructor, type: x}\n')).message).toMatch(/reserved name/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const viaObject = JSON.parse('{"meta":{"name":"T"},"__proto__":{"polluted":1}}') as unknown;
    rejects(() => parseDesignObject(viaObject));
  });

  it('too many components and nets', () => {
    const components: Record<string, unknown> = {};
    for (let i = 0; i <= PARSE_LIMITS.maxComponents; i++) components[`c${i}`] = { ref: `R${i}`, type: 'r' };
    expect(rejects(() => parseDesignObject({ meta: { name: 'T' }, components })).message).toMatch(/more than 20000 components/);
    const nets: Record<string, unknown> = {};
    for (let i = 0; i <= PARSE_LIMITS.maxNets; i++) nets[`n${i}`] = {};
    expect(rejects(() => parseDesignObject({ meta: { name: 'T' }, nets })).message).toMatch(/more than 20000 nets/);
  });

  it('YAML syntax errors carry a line, non-core tags and complex keys are refused, binary values too', () => {
    const e = rejects(() => parseDesignText('meta: {name: T}\ncomponents: [1, 2\nnets: {}\n'));
    expect(e.message).toMatch(/YAML error at line \d+/);
    expect(rejects(() => parseDesignText('meta: {name: !!js/function "x"}\n')).message).toMatch(/unsupported YAML tag/);
    expect(rejects(() => parseDesignText('meta: {name: T}\n? [a, b]\n: 1\n')).message).toMatch(/plain string/);
    expect(rejects(() => parseDesignText('meta: {name: T}\nx: !!binary aGVsbG8=\n')).message).toMatch(/tag/);
    expect(rejects(() => parseDesignText('a: 1\n---\nb: 2\n')).message).toMatch(/multiple documents/);
    expect(rejects(() => parseDesignText('{"meta": }', { format: 'json' })).message).toMatch(/not valid JSON/);
  });

  it('a pathological 2 MiB YAML is answered (error) within a bounded time', () => {
    const text = `meta: {name: T}\n${'"'.repeat(PARSE_LIMITS.maxBytes - 40)}`;
    const t0 = Date.now();
    rejects(() => parseDesignText(text));
    expect(Date.now() - t0).toBeLessThan(30_000);
  });
});
