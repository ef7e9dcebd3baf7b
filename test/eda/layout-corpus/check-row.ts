import { expect } from 'vitest';
import { missesOf, type KicadFigures } from '../../../src/eda/place/layout-misses.js';
import { exportForKicad, type LayoutRun } from '../../../src/eda/place/layout-run.js';
import { kicadFigures, runKicadDrc } from '../../helpers/kicad-cli.js';
import { failureKinds, KNOWN_LAYOUT_FAILURES } from './known-failures.js';

/** kicad-cli figures of a row, through the same helper the report uses. */
export async function kicadRowFigures(run: LayoutRun): Promise<KicadFigures> {
  const { board, project } = exportForKicad(run);
  const k = await runKicadDrc(board, project, 180_000);
  expect(k.exitCode === 0 || k.exitCode === 5, `kicad-cli could not load the board: ${k.stderr.slice(0, 200)}`).toBe(true);
  return kicadFigures(k);
}

/**
 * A row not in the known-failure list meets every figure; a listed row still fails, for the
 * listed kinds of reason.
 */
export function checkRow(name: string, run: LayoutRun, kicad: KicadFigures | null): void {
  const misses = missesOf(run, kicad);
  const known = KNOWN_LAYOUT_FAILURES[name];
  if (!known) {
    expect(misses, name).toEqual([]);
    expect(run.placed, 'all placed').toBe(run.components);
    expect(run.courtyardOverlaps, 'courtyard overlaps').toBe(0);
    expect(run.routed, 'routed').toBe(run.total);
    expect(run.drcErrorRules, 'our DRC errors').toEqual({});
    if (kicad) expect({ errors: kicad.types, unconnected: kicad.unconnected }, 'kicad-cli').toEqual({ errors: {}, unconnected: 0 });
    return;
  }
  expect(failureKinds(misses), `${name}: ${misses.join('; ')}`).toEqual([...known.kinds].sort());
  // A copper miss (router, DRC) is seen by both checkers. Pins with no pad and missing footprints
  // put no copper on the board, so neither checker can see them; the design findings report them.
  if (kicad && known.kinds.some((k) => k === 'router' || k === 'drc')) {
    expect(kicad.errors + kicad.unconnected, `${name}: kicad-cli`).toBeGreaterThan(0);
    expect(run.drcErrors, `${name}: our DRC`).toBeGreaterThan(0);
  }
  // whatever the failure, placement itself never overlaps
  expect(run.courtyardOverlaps).toBe(0);
}
