import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/eda/footprints/catalog.js';
import { KICAD_FOOTPRINTS, kicadPads, landCitation, landDifferences } from './kicad-lands.js';

const available = existsSync(`${KICAD_FOOTPRINTS}/Package_DFN_QFN.pretty`);
if (!available && process.env['CI'] === 'true') throw new Error('KiCad 9 footprint library is required in CI (run .ci/install-kicad.sh)');

describe.runIf(available)('catalog lands against the KiCad footprints they cite', () => {
  const cited = CATALOG.flatMap((entry) => {
    const fp = entry.build();
    const c = landCitation(entry, fp);
    return c ? [{ ...c, fp }] : [];
  });

  it('cites footprints that exist in KiCad 9', () => {
    expect(cited.length).toBeGreaterThanOrEqual(40);
    expect(cited.filter((c) => kicadPads(c.kicad) === null).map((c) => c.kicad)).toEqual([]);
  });

  it('puts every transcribed land where KiCad puts it, with KiCad\u2019s numbers', () => {
    const transcribed = cited.filter((c) => c.transcribed);
    expect(transcribed.length).toBeGreaterThanOrEqual(25);
    const wrong = transcribed.map((c) => ({ entry: c.entry, ...landDifferences(c.fp, kicadPads(c.kicad)!, 0.02) })).filter((d) => d.misplaced.length + d.missing.length > 0);
    expect(wrong).toEqual([]);
  });

  it('numbers generated lands as KiCad does: each pad near the KiCad pad of its number', () => {
    // Generated lands follow IPC-7351B from the package dimensions, so sizes and toe positions differ
    // from KiCad's by a few tenths; a lead numbered in the wrong order or from the wrong corner is a
    // whole pitch (0.4 mm or more) away.
    const generated = cited.filter((c) => !c.transcribed);
    const wrong = generated.map((c) => ({ entry: c.entry, ...landDifferences(c.fp, kicadPads(c.kicad)!, 0.3) })).filter((d) => d.misplaced.length + d.missing.length > 0);
    expect(wrong).toEqual([]);
  });
});
