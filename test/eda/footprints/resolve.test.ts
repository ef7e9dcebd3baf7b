import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFootprintPackages, resolveFootprint, resolveFootprintName } from '../../../src/eda/footprints/index.js';
import { aliasCollisions } from '../../../src/eda/footprints/resolve.js';

const corpus = path.resolve(process.cwd(), '../shared/corpus/zaptrace');

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : [],
  );
}

/** Distinct values of `field:` as written in the YAML text (so an unquoted 0805 stays "0805"). */
function fieldValues(dir: string, field: string): string[] {
  const out = new Set<string>();
  const re = new RegExp(`^\\s*${field}:\\s*(.+?)\\s*$`, 'gm');
  for (const f of yamlFiles(path.join(corpus, dir))) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(re)) out.add(m[1]!.replace(/^['"]|['"]$/g, ''));
  }
  return [...out].sort();
}

/** Design footprints we deliberately do not generate (no verified land pattern to hand): none left. */
const KNOWN_MISSING_DESIGN: string[] = [];

describe('resolveFootprint', () => {
  it('every footprint name the corpus designs use resolves, except the listed known-missing ones', () => {
    const names = fieldValues('designs', 'footprint');
    expect(names.length).toBeGreaterThanOrEqual(25);
    const unresolved = names.filter((n) => resolveFootprint(n) === undefined);
    expect(unresolved.sort()).toEqual([...KNOWN_MISSING_DESIGN].sort());
  });

  it('covers a measured share of the library package and footprint names', () => {
    const packages = fieldValues('library', 'package');
    const footprints = fieldValues('library', 'footprint');
    const pk = packages.filter((n) => resolveFootprintName(n)).length;
    const fp = footprints.filter((n) => resolveFootprintName(n)).length;
    // Figures recorded in docs/footprints.md; these floors catch regressions.
    expect(pk / packages.length).toBeGreaterThan(0.35);
    expect(fp / footprints.length).toBeGreaterThan(0.4);
  });

  it('normalises case, separators, spacing and library prefixes', () => {
    const cases: [string, string][] = [
      ['SOT23-5', 'SOT-23-5'],
      ['sot_23_5', 'SOT-23-5'],
      ['SOIC8', 'SOIC-8'],
      ['soic-8', 'SOIC-8'],
      ['TestPoint_Pad_1.0mm', 'TestPoint_Pad_D1.0mm'],
      ['USB-C-16P-SMD', 'USB-C-16P-SMD'],
      ['LED-0603', 'LED-0603'],
      ['TACT-6x6', 'SW_PUSH_6mm'],
      ['0402', '0402'],
      ['805', '0805'],
      ['R_0402_1005Metric', '0402'],
      ['C_0805_2012Metric', '0805'],
      ['LED_0603_1608Metric', 'LED-0603'],
      ['Package_SO:SOIC-8_3.9x4.9mm_P1.27mm', 'SOIC-8'],
      ['Package_DIP:DIP-8_W7.62mm', 'DIP-8'],
      ['Package_DFN_QFN:QFN-56-1EP_7x7mm_P0.4mm_EP3.2x3.2mm', 'RP2040-QFN-56'],
      ['Package_DFN_QFN:DFN-6-1EP_2x2mm_P0.65mm_EP1x1.6mm', 'DFN-6'],
      ['INA226-MSOP10', 'MSOP-10'],
      ['STM32F103C8T6-LQFP48', 'LQFP-48'],
      ['ELEC-8X12', 'CP_Radial_D8.0mm_P3.50mm'],
      ['PinHeader-1x8-2.54mm', 'PinHeader_1x08_P2.54mm'],
      ['TERMINAL-2P-5MM', 'TerminalBlock_1x02_P5.00mm'],
      ['LGA-8', 'Bosch_LGA-8_2.5x2.5mm_P0.65mm'],
      ['  SOD-323  ', 'SOD-323'],
      ['DO-214AC', 'SMA'],
    ];
    for (const [input, expected] of cases) expect([input, resolveFootprint(input)?.name]).toEqual([input, expected]);
  });

  it('returns undefined — never a guessed box — for unknown or contradicting names', () => {
    for (const n of ['', 'FOO-BAR', 'QFN-20-1EP_3x3mm_P0.4mm', 'SOIC-8_5.3x5.3mm_P1.27mm', 'SX1262-QFN24', 'BGA-196', 'ACME-QFN20', 'R_0402_1005Metric_Pad0.6x0.7mm_HandSolder', 'Package_TO_SOT_SMD:SOT-223-3_TabPin2', 'QFN-24-1EP_4x4mm_P0.5mm_EP2.6x2.6mm_ThermalVias']) {
      expect([n, resolveFootprint(n)]).toEqual([n, undefined]);
    }
    expect(resolveFootprint(undefined as unknown as string)).toBeUndefined();
    expect(resolveFootprint('x'.repeat(1000))).toBeUndefined();
  });

  it('memoises: the same frozen object comes back', () => {
    const a = resolveFootprint('SOIC-8');
    expect(resolveFootprint('soic8')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a!.pads[0])).toBe(true);
  });

  it('lists packages with unique names and no alias claimed twice', () => {
    const list = listFootprintPackages();
    expect(new Set(list.map((p) => p.name)).size).toBe(list.length);
    expect(aliasCollisions()).toEqual([]);
    for (const p of list) {
      expect(p.family).not.toBe('');
      for (const alias of p.aliases) expect([alias, resolveFootprint(alias)?.name]).toEqual([alias, p.name]);
    }
  });
});
