import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/eda/library/index.js';
import { KICAD_SYMBOLS, crossCheck } from './kicad-cross-check.js';

const available = existsSync(`${KICAD_SYMBOLS}/Device.kicad_sym`);
if (!available && process.env['CI'] === 'true') throw new Error('KiCad 9 symbol library is required in CI (run .ci/install-kicad.sh)');

/**
 * Differences from the cited symbol that were reviewed and kept, each for the reason given: a pin
 * named by the data sheet's word where KiCad uses another, or a pad the symbol leaves out.
 */
const REVIEWED: Record<string, string> = {
  'drv8833cpwp:11': 'the record is the DRV8833C (TI pin table: pad 11 NC); the cited KiCad symbol is the plain DRV8833, whose pad 11 is VCP',
  'ecs-2520mv-240-bn-tr:1': 'OE: the tri-state control KiCad calls Tri-State',
  'hdc1080dmbr:5': 'VDD (TI data sheet) where KiCad says VCC',
  'lis3dh:4': 'SCL/SPC: I2C name of the shared clock pin',
  'lis3dh:6': 'SDA/SDI: I2C name of the shared data pin',
  'si7021-a20-im:7': 'EP: the exposed pad KiCad calls PAD',
  'tlc5947dap:33': 'EP: the PowerPAD',
  'tmp117naidrl:5': 'VDD (supply) where KiCad says V+',
  'tmp117naidrl:7': 'exposed pad 7 added from the KiCad footprint, which the symbol leaves out',
};
const RESISTOR_PACKS = /^res-(network|array)-4x-/;

describe.runIf(available)('checked pinouts against the KiCad symbols they cite', () => {
  const checks = loadLibrary()
    .all()
    .flatMap((part) => {
      const c = crossCheck(part);
      return c ? [c] : [];
    });

  it('cite symbols that exist, with the same pad numbers', () => {
    expect(checks.length).toBeGreaterThanOrEqual(80);
    expect(checks.filter((c) => c.unresolved).map((c) => c.symbol)).toEqual([]);
    const padDifferences = checks
      .map((c) => ({ id: c.id, missing: c.missingPads, extra: c.extraPads.filter((pad) => !REVIEWED[`${c.id}:${pad}`]) }))
      .filter((d) => d.missing.length + d.extra.length > 0);
    expect(padDifferences).toEqual([]);
  });

  it('name each pad as the symbol does, or as a reviewed data-sheet name', () => {
    // Resistor packs name their ends P1..P8 or R1_P1.. where KiCad writes R1.1: the same pad, checked by number above.
    const renamed = checks.filter((c) => !RESISTOR_PACKS.test(c.id)).flatMap((c) => c.renamed.filter((r) => !REVIEWED[`${c.id}:${r.pad}`]).map((r) => `${c.id}:${r.pad} ${r.record} vs ${r.kicad}`));
    expect(renamed).toEqual([]);
  });
});
