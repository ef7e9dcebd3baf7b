import { describe, it } from 'vitest';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import { generatedSeries } from '../../../src/eda/place/layout-corpus.js';
import { runLayout } from '../../../src/eda/place/layout-run.js';
import { requireKicadOrSkip } from '../../helpers/kicad-cli.js';
import { checkRow, kicadRowFigures } from './check-row.js';

/** Issue 4 "Done when" on the generated series (10–200 parts on library footprints). */
const hasKicad = requireKicadOrSkip();

describe('layout of generated boards', () => {
  for (const c of generatedSeries(resolveFootprint)) {
    it(c.name, async () => {
      const run = runLayout(c.design, { resolve: resolveFootprint, mapPins: mapPinsToPads, seed: 1 });
      const kicad = hasKicad ? await kicadRowFigures(run) : null;
      checkRow(c.name, run, kicad);
      console.info(`${c.name}: place ${run.placeMs.toFixed(0)} ms, route ${run.routeMs.toFixed(0)} ms (${run.routed}/${run.total}), DRC ${run.drcMs.toFixed(0)} ms`);
    }, 120_000);
  }
});
