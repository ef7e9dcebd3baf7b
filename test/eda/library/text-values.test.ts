import { describe, expect, it } from 'vitest';
import { boundedEditDistance, chipSizeIn, tokenise } from '../../../src/eda/library/text.js';
import { formatValue, parseValue } from '../../../src/eda/library/values.js';
import { readLibraryYaml } from '../../../src/eda/library/yaml-text.js';
import { mapPinType } from '../../../src/eda/library/pin-types.js';
import { normaliseRecord } from '../../../src/eda/library/normalise.js';
import { createLibrary, loadShippedParts } from '../../../src/eda/library/index.js';
import { generateParts } from '../../../bench/library-search.js';

describe('library text and value helpers', () => {
  it('tokenises hyphenated words both as pieces and joined', () => {
    expect(tokenise('Low-dropout regulator, 3.3V')).toEqual(['low', 'dropout', 'lowdropout', 'regulator', '3.3v']);
    expect(tokenise('AMS1117-3.3')).toEqual(['ams1117', '3.3', 'ams11173.3']);
  });

  it('bounds the edit distance', () => {
    expect(boundedEditDistance('capacitr', 'capacitor', 2)).toBe(1);
    expect(boundedEditDistance('resistr', 'resistor', 1)).toBe(1);
    expect(boundedEditDistance('sensor', 'resistor', 2)).toBe(3);
    expect(boundedEditDistance('abc', 'abcdefgh', 2)).toBe(3);
  });

  it('parses values with their unit and formats them back', () => {
    expect(parseValue('100nF')).toEqual({ value: 1e-7, unit: 'F', qualified: true });
    expect(parseValue('4k7')).toEqual({ value: 4700, unit: null, qualified: true });
    expect(parseValue('2R2')?.unit).toBe('ohm');
    expect(parseValue('3V3')).toEqual({ value: 3.3, unit: 'V', qualified: true });
    expect(parseValue('12mhz')).toEqual({ value: 12e6, unit: 'Hz', qualified: true });
    expect(parseValue('3.3')).toEqual({ value: 3.3, unit: null, qualified: false });
    expect(parseValue('SOT-23')).toBeNull();
    expect(formatValue(1e-7, 'F')).toBe('100 nF');
    expect(formatValue(32768, 'Hz')).toBe('32.768 kHz');
    expect(formatValue(4700, 'ohm')).toBe('4.7 kΩ');
  });

  it('finds chip sizes inside footprint names', () => {
    expect(chipSizeIn('Capacitor_SMD:C_0805_2012Metric')).toBe('0805');
    expect(chipSizeIn('SOT-223')).toBeNull();
  });

  it('keeps leading-zero codes as text when reading YAML', () => {
    const r = readLibraryYaml('package: 0805\nsize: 1206\nratio: 0.5\n');
    expect(r.ok && r.value).toEqual({ package: '0805', size: 1206, ratio: 0.5 });
    expect(readLibraryYaml('a: [1, 2').ok).toBe(false);
  });

  it('maps pin types and reports unknown ones', () => {
    const reg = { category: 'power', name: 'X', description: 'LDO 3.3V' };
    expect(mapPinType('output', 'VOUT', reg).type).toBe('power_out');
    expect(mapPinType('power', 'VIN', reg).type).toBe('power_in');
    expect(mapPinType('output', 'VOUT', { category: 'sensor', name: 'X', description: '' }).type).toBe('output');
    const odd = mapPinType('weird', 'P', reg);
    expect(odd.type).toBe('unspecified');
    expect(odd.note).toMatch(/unknown type/);
  });

  it('excludes records that cannot become parts, with the reason', () => {
    expect(normaliseRecord('just text', { source: 't' })).toMatchObject({ part: null, notes: [{ kind: 'excluded' }] });
    expect(normaliseRecord({ id: 'x' }, { source: 't' }).notes.map((n) => n.message).join()).toMatch(/pins/);
    expect(normaliseRecord({ id: 'has space', pins: { A: { type: 'input' } } }, { source: 't' }).part).toBeNull();
    const ok = normaliseRecord({ id: 'ok', pins: [{ name: 'A', type: 'input', number: 3 }] }, { source: 't' });
    expect(ok.part?.pins[0]).toEqual({ name: 'A', type: 'input', number: '3', description: '' });
  });
});

describe('search at scale (generated parts)', () => {
  it('generates deterministically and keeps ranking correct', () => {
    const real = loadShippedParts();
    const a = generateParts(real, 3000);
    const b = generateParts(real, 3000);
    expect(a.map((p) => p.id)).toEqual(b.map((p) => p.id));
    const lib = createLibrary([...real, ...a]);
    expect(lib.size).toBe(real.length + 3000);
    const hits = lib.search('100nF 0402', { maxResults: 200 });
    const isBoth = (h: (typeof hits)[number]) => h.part.package === '0402' && h.part.value_si === 1e-7;
    const both = lib.all().filter((p) => p.package === '0402' && p.value_si === 1e-7).length;
    expect(both).toBeGreaterThan(1);
    expect(hits.slice(0, both).every(isBoth)).toBe(true);
    expect(hits.slice(both).some(isBoth)).toBe(false);
  });
});
