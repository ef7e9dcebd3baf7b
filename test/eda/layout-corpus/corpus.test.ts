import { describe, expect, it } from 'vitest';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import { loadLayoutCorpus } from '../../../src/eda/place/layout-corpus.js';
import { runLayout } from '../../../src/eda/place/layout-run.js';
import { requireKicadOrSkip } from '../../helpers/kicad-cli.js';
import { checkRow, kicadRowFigures } from './check-row.js';
import { KNOWN_LAYOUT_FAILURES } from './known-failures.js';

/**
 * Issue 4 "Done when" on the corpus designs: place → route → our DRC → export → kicad-cli. Rows in
 * KNOWN_LAYOUT_FAILURES must fail for the listed reasons; every other row must be clean.
 */
const hasKicad = requireKicadOrSkip();
const cases = loadLayoutCorpus();

describe('layout corpus designs', () => {
  it('has the 13 design files, the 4 inline cases and their +lib variants', () => {
    expect(cases.filter((c) => c.kind === 'corpus')).toHaveLength(17);
    expect(cases.filter((c) => c.kind === 'corpus+lib')).toHaveLength(5);
    // every known failure names a real row
    for (const name of Object.keys(KNOWN_LAYOUT_FAILURES)) expect(cases.map((c) => c.name)).toContain(name);
  });

  for (const c of cases) {
    it(`${c.name}${KNOWN_LAYOUT_FAILURES[c.name] ? ' (known failure)' : ''}`, async () => {
      const run = runLayout(c.design, { resolve: resolveFootprint, mapPins: mapPinsToPads, seed: 1 });
      // Rows that fail only for missing footprints carry no board worth a kicad-cli run (~4 s each).
      const onlyFootprints = KNOWN_LAYOUT_FAILURES[c.name]?.kinds.join() === 'footprints';
      const kicad = hasKicad && !onlyFootprints ? await kicadRowFigures(run) : null;
      checkRow(c.name, run, kicad);
    });
  }

  it('attiny85_io: SW1 fits the 25 × 20 mm board through the corner-anchored fallback at the full 1 mm channel', () => {
    const c = cases.find((x) => x.name === 'templates/attiny85_io.yaml')!;
    const run = runLayout(c.design, { resolve: resolveFootprint, mapPins: mapPinsToPads, seed: 1 });
    expect(run.unplaced).toEqual([]);
    expect(run.channelMm).toBe(1);
    const noFallback = runLayout(c.design, { resolve: resolveFootprint, mapPins: mapPinsToPads, seed: 1, place: { fallback: false } });
    expect(noFallback.unplaced.map((u) => u.component)).toEqual(['SW1']);
  });
});
