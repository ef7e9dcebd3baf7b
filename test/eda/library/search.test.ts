import { beforeAll, describe, expect, it } from 'vitest';
import { isZapTraceError } from '../../../src/kernel/errors.js';
import { loadLibrary, type Library } from '../../../src/eda/library/index.js';

let lib: Library;
beforeAll(() => {
  lib = loadLibrary();
});

const caps = (l: Library) => l.all().filter((p) => p.properties['capacitance'] !== undefined || /capacitor/i.test(p.description));

describe('library search ranking', () => {
  it('"100nF 0402" ranks 0402 100 nF capacitors first and says why', () => {
    const hits = lib.search('100nF 0402');
    const top = hits[0]!;
    expect(top.part.package).toBe('0402');
    expect(top.part.value_si).toBeCloseTo(100e-9, 15);
    expect(top.why).toEqual(expect.arrayContaining(['value 100 nF', 'package 0402']));
    // every 0402 100 nF part outranks every part that matches only one of the two
    const both = hits.filter((h) => h.part.package === '0402' && h.part.value_si === 1e-7);
    const firstPartial = hits.findIndex((h) => !(h.part.package === '0402' && h.part.value_si === 1e-7));
    expect(both.length).toBeGreaterThan(0);
    expect(firstPartial).toBeGreaterThanOrEqual(both.length);
  });

  it('"ldo 3.3" finds 3.3 V regulators', () => {
    const hits = lib.search('ldo 3.3', { maxResults: 5 });
    expect(hits).toHaveLength(5);
    for (const h of hits) {
      expect(h.part.category).toBe('power');
      expect(`${h.part.name} ${h.part.description} ${String(h.part.properties['output_voltage_v'])}`).toMatch(/3\.3/);
      expect(h.why.join(' ')).toMatch(/ldo|lowdropout/i);
    }
  });

  it('tolerates typos: "capacitr" finds capacitors, "regulatr 5v" finds regulators', () => {
    const hits = lib.search('capacitr', { maxResults: 10 });
    expect(hits).toHaveLength(10);
    const capIds = new Set(caps(lib).map((p) => p.id));
    for (const h of hits) expect(capIds.has(h.part.id)).toBe(true);
    expect(hits[0]!.why.join(' ')).toContain("fuzzy 'capacitr'~'capacitor'");
    const reg = lib.search('regulatr 5v', { maxResults: 3 });
    for (const h of reg) expect(h.part.category).toBe('power');
  });

  it('reads values in any notation', () => {
    const expectValue = (q: string, si: number) => {
      const top = lib.search(q, { maxResults: 3 });
      expect(top.length, q).toBeGreaterThan(0);
      for (const h of top) expect(h.part.value_si, q).toBeCloseTo(si, 12);
    };
    for (const q of ['100n', '0.1uF', '100 nF', '100nF', '0.1 µF']) expectValue(q, 100e-9);
    for (const q of ['4k7', '4.7k', '4700', '4.7 kΩ', '4.7kohm']) expectValue(q, 4700);
    expectValue('10uH', 10e-6);
    expectValue('12MHz', 12e6);
    // a unit that does not fit the part's quantity does not match: 100 nH is not 100 nF
    expect(lib.search('100nH').filter((h) => h.part.value_si === 1e-7)).toHaveLength(0);
  });

  it('boosts category and package words', () => {
    const top = lib.search('resistor 10k 0603')[0]!;
    expect(top.part).toMatchObject({ package: '0603', value_si: 10_000 });
    expect(top.part.id.startsWith('res')).toBe(true);
    const sensors = lib.search('temperature sensor i2c', { maxResults: 5 });
    for (const h of sensors) expect(h.part.category).toBe('sensor');
    const sot = lib.search('SOT-23-5 ldo', { maxResults: 5 });
    for (const h of sot) {
      expect(h.part.package).toBe('SOT-23-5');
      expect(h.part.category).toBe('power');
    }
  });

  it('finds a part by its exact id or mpn first', () => {
    expect(lib.search('bme280')[0]!.part.id).toBe('bme280');
    expect(lib.search('AMS1117-3.3')[0]!.part.id).toBe('ams1117-3.3');
    expect(lib.search('nRF24L01+')[0]!.part.id).toBe('nrf24l01');
  });

  it('offers the value-less family part when no part has the asked value in that package', () => {
    expect(lib.all().some((p) => p.package === '0805' && p.value_si === 10e-6 && /cap/.test(p.id))).toBe(false);
    const top = lib.search('10uF 0805')[0]!;
    expect(top.part.package).toBe('0805');
    expect(top.part.value_si).toBeNull();
    expect(top.why.join(' ')).toMatch(/family part/);
  });

  it('applies category and package filters', () => {
    const passives = lib.search('0402', { category: 'passive', maxResults: 1000 });
    expect(passives.length).toBeGreaterThan(0);
    for (const h of passives) expect(h.part.category).toBe('passive');
    const inPkg = lib.search('capacitor', { package: '0603', maxResults: 1000 });
    expect(inPkg.length).toBeGreaterThan(0);
    for (const h of inPkg) expect(h.part.package).toBe('0603');
    expect(lib.search('capacitor', { package: 'sot 23 5' })).toHaveLength(0);
    const sot = lib.search('', { package: 'sot-23-5', maxResults: 1000 });
    expect(sot.length).toBe(lib.all().filter((p) => p.package === 'SOT-23-5').length);
    const browse = lib.search('', { category: 'rf', maxResults: 1000 });
    expect(browse.length).toBe(lib.categories().find((c) => c.category === 'rf')?.count);
  });

  it('is deterministic and respects maxResults', () => {
    expect(lib.search('capacitor', { maxResults: 7 })).toHaveLength(7);
    expect(lib.search('capacitor 0402').map((h) => h.part.id)).toEqual(lib.search('capacitor 0402').map((h) => h.part.id));
    const scores = lib.search('led 0805', { maxResults: 50 }).map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(lib.search('zzzzqqqq')).toEqual([]);
  });

  it('rejects bad options as INVALID_INPUT', () => {
    for (const bad of [() => lib.search('x'.repeat(501)), () => lib.search('cap', { maxResults: 0 }), () => lib.search('cap', { maxResults: 1.5 })]) {
      try {
        bad();
        expect.fail('should throw');
      } catch (err) {
        expect(isZapTraceError(err) && err.code).toBe('INVALID_INPUT');
      }
    }
  });

  it('lists categories with counts and packages', () => {
    const cats = lib.categories();
    expect(cats.reduce((s, c) => s + c.count, 0)).toBe(lib.size);
    expect(cats.map((c) => c.category)).toContain('passive');
    const pkgs = lib.packages();
    expect(pkgs).toContain('0402');
    expect(new Set(pkgs).size).toBe(pkgs.length);
  });

  it('gets parts by id, case-insensitively as a fallback', () => {
    expect(lib.get('bme280')?.id).toBe('bme280');
    expect(lib.get('BME280')?.id).toBe('bme280');
    expect(lib.get('no-such-part')).toBeUndefined();
  });
});
