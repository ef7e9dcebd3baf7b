import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findShippedPartsFile, loadLibrary, loadShippedParts } from '../../../src/eda/library/index.js';

let dir: string;
const good = `id: my-ldo-1v8
name: MYLDO-1.8
category: power
manufacturer: Acme
mpn: MYLDO18
description: Tiny LDO 1.8V 150mA
package: SOT-23-5
footprint: SOT-23-5
lifecycle: active
voltage_supply: '3.3'
pins:
  VIN: {type: power, description: Input}
  VOUT: {type: output, description: 1.8V output}
  GND: {type: power}
properties:
  output_voltage_v: 1.8
`;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zt-userlib-'));
  mkdirSync(path.join(dir, 'power'));
  mkdirSync(path.join(dir, 'sensor'));
  writeFileSync(path.join(dir, 'power', 'my-ldo-1v8.yaml'), good);
  // malformed YAML
  writeFileSync(path.join(dir, 'power', 'broken.yaml'), 'id: broken\npins: {VIN: [\n');
  // a record without an id
  writeFileSync(path.join(dir, 'sensor', 'no-id.yaml'), 'name: Nameless\npins: {A: {type: input}}\n');
  // our own JSON model, overriding a shipped part
  writeFileSync(
    path.join(dir, 'override.json'),
    JSON.stringify({
      parts: [
        {
          id: 'bme280',
          name: 'BME280 (house)',
          category: 'sensor',
          manufacturer: 'Bosch',
          mpn: 'BME280',
          description: 'house-approved BME280',
          package: 'LGA-8',
          footprint: 'LGA-8',
          lifecycle: 'active',
          voltage_supply_v: 3.3,
          pins: [{ name: 'VDD', type: 'power_in', number: '8', description: '' }],
          value_si: null,
          value_text: null,
          properties: {},
          datasheet: '',
          source: 'house',
        },
        { id: 'bad-json-part', pins: 'none' },
      ],
    }),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('user library directories', () => {
  it('adds good records, reports malformed ones without throwing, and lets user parts override', () => {
    const shipped = loadShippedParts().length;
    const lib = loadLibrary({ extraDirs: [dir] });
    expect(lib.get('my-ldo-1v8')?.pins.find((p) => p.name === 'VOUT')?.type).toBe('power_out');
    // Withdrawn shipped parts (docs/library.md, "Withdrawn parts") are not offered.
    expect(lib.size).toBe(shipped - lib.withdrawnParts().length + 1);
    expect(lib.get('bme280')?.name).toBe('BME280 (house)');
    expect(lib.search('ldo 1.8V')[0]!.part.id).toBe('my-ldo-1v8');

    const bySource = (s: string) => lib.issues.filter((i) => i.source.includes(s));
    expect(bySource('broken.yaml')[0]).toMatchObject({ severity: 'error' });
    expect(bySource('broken.yaml')[0]!.message).toMatch(/YAML/);
    expect(bySource('no-id.yaml')[0]!.message).toMatch(/no id/);
    expect(bySource('override.json#1')[0]!.severity).toBe('error');
    const override = lib.issues.find((i) => i.id === 'bme280');
    expect(override).toMatchObject({ severity: 'warning' });
    expect(override!.message).toMatch(/overrides/);
    // issues never carry host paths
    for (const i of lib.issues) expect(`${i.source} ${i.message}`).not.toContain(dir);
  });

  it('reports a missing directory as an issue', () => {
    const lib = loadLibrary({ extraDirs: [path.join(dir, 'does-not-exist')] });
    expect(lib.issues).toHaveLength(1);
    expect(lib.issues[0]).toMatchObject({ source: 'user[0]', severity: 'error' });
    expect(lib.size).toBe(loadShippedParts().length - lib.withdrawnParts().length);
  });

  it('finds the shipped parts file from src/ and from a compiled dist/ location', () => {
    const repoRoot = process.cwd();
    const expected = path.join(repoRoot, 'data', 'library', 'parts.json');
    expect(findShippedPartsFile()).toBe(expected);
    expect(findShippedPartsFile(path.join(repoRoot, 'dist', 'eda', 'library'))).toBe(expected);
    expect(path.dirname(fileURLToPath(import.meta.url))).toContain('test');
  });
});
