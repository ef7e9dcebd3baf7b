import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { LibraryPart } from '../../../src/eda/model/part.js';
import { importZapTrace, partsFileText, type ImportResult } from '../../../src/eda/library/import-zaptrace.js';

const corpus = path.resolve(process.cwd(), '../shared/corpus/zaptrace');
const libDir = path.join(corpus, 'library');
const dataDir = path.resolve(process.cwd(), 'data/library');

let result: ImportResult;
const byId = (id: string): LibraryPart => {
  const p = result.parts.find((x) => x.id === id);
  if (!p) throw new Error(`no part ${id}`);
  return p;
};

beforeAll(() => {
  result = importZapTrace(corpus);
});

describe('ZapTrace library import', () => {
  it('reads every corpus record and keeps one part per record, ids verbatim', () => {
    const files = readdirSync(libDir).flatMap((c) => readdirSync(path.join(libDir, c)).map((f) => `${c}/${f}`));
    expect(result.report.records_read).toBe(files.length);
    expect(result.parts).toHaveLength(files.length);
    const fileIds = files.map((f) => path.basename(f, '.yaml')).sort();
    expect(result.parts.map((p) => p.id).sort()).toEqual(fileIds);
    // per-category counts follow the corpus folders
    for (const c of readdirSync(libDir)) {
      expect(result.parts.filter((p) => p.category === c)).toHaveLength(readdirSync(path.join(libDir, c)).length);
    }
  });

  it('reports the malformed nrf24l01 record as repaired, with its description recovered', () => {
    const problem = result.report.problems.find((p) => p.file === 'rf/nrf24l01.yaml');
    expect(problem?.outcome).toBe('repaired');
    expect(problem?.reasons.join(' ')).toMatch(/description/);
    const raw = readFileSync(path.join(libDir, 'rf/nrf24l01.yaml'), 'utf8');
    const rawDescription = /^description": (.*)$/m.exec(raw)?.[1];
    expect(byId('nrf24l01').description).toBe(rawDescription);
  });

  it('reports the other malformations it repaired (pin key in cc1101, rf pin type)', () => {
    const files = result.report.problems.map((p) => p.file);
    expect(files).toContain('rf/cc1101.yaml');
    const cc = byId('cc1101').pins.find((p) => p.name === 'VDD');
    expect(cc?.description.length).toBeGreaterThan(0);
    expect(result.report.problems.every((p) => p.reasons.length > 0)).toBe(true);
  });

  it('writes output that fits the model, sorted by id, identical to the shipped files', () => {
    for (const p of result.parts) expect(LibraryPart.safeParse(p).success).toBe(true);
    const ids = result.parts.map((p) => p.id);
    expect([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(ids);
    expect(readFileSync(path.join(dataDir, 'parts.json'), 'utf8')).toBe(partsFileText(result.parts, result.report.source.commit));
    expect(JSON.parse(readFileSync(path.join(dataDir, 'import-report.json'), 'utf8'))).toEqual(result.report);
    expect(result.report.source.commit).toBe(/commit\s+([0-9a-f]+)/.exec(readFileSync(path.join(corpus, 'PROVENANCE.md'), 'utf8'))?.[1]);
  });

  it('maps pin types: supplies in, regulator outputs out, nothing left as a ZapTrace type', () => {
    const allTypes = new Set(result.parts.flatMap((p) => p.pins.map((x) => x.type)));
    expect(allTypes.has('power' as never)).toBe(false);
    const ams = byId('ams1117-3.3');
    expect(ams.pins.find((p) => p.name === 'OUTPUT')?.type).toBe('power_out');
    expect(ams.pins.find((p) => p.name === 'INPUT')?.type).toBe('power_in');
    expect(ams.pins.find((p) => p.name === 'GND')?.type).toBe('power_in');
    expect(byId('tlv62569').pins.find((p) => p.name === 'SW')?.type).toBe('power_out');
    // a power-category amplifier / monitor keeps a signal output
    expect(byId('max40108aua-t').pins.find((p) => p.name === 'VOUT')?.type).toBe('output');
    expect(byId('ina219aidcnr').pins.find((p) => p.name === 'VOUT')?.type).toBe('output');
    // outputs outside the power category stay outputs
    expect(byId('nrf24l01').pins.find((p) => p.name === 'MISO')?.type).toBe('output');
  });

  it('parses supply voltages and passive values from the records', () => {
    for (const p of result.parts) {
      const raw = YAML.parse(readFileSync(path.join(libDir, p.category, `${p.id}.yaml`), 'utf8')) as { voltage_supply: string };
      expect(p.voltage_supply_v).toBe(raw.voltage_supply === '' ? null : Number(raw.voltage_supply));
    }
    expect(byId('cap-0402-100pf')).toMatchObject({ value_si: 1e-10, value_text: '100pF' });
    expect(byId('res-0402-4k7').value_si).toBe(4700);
    expect(byId('cap-mlcc-0402-100n').value_si).toBe(1e-7);
    expect(byId('ind-power-0402').value_si).toBe(1e-5);
    // "47uF 0805" in the record: the value is the first word
    expect(byId('cap-0805-47u-0805').value_si).toBe(4.7e-5);
    // value-less family records stay null
    expect(byId('res-0402').value_si).toBeNull();
    expect(byId('bme280').value_si).toBeNull();
  });

  it('keeps unquoted chip sizes as text and numbers the pads of two-pin passives', () => {
    expect(byId('res-0805-10r').package).toBe('0805');
    expect(byId('res-0805-10r').footprint).toBe('0805');
    expect(result.report.codes_kept_as_text.count).toBeGreaterThan(0);
    expect(byId('cap-0402-100pf').pins.map((p) => [p.name, p.number])).toEqual([
      ['P1', '1'],
      ['P2', '2'],
    ]);
    expect(byId('bme280').pins.every((p) => p.number === null)).toBe(true);
  });
});
