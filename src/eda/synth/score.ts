/**
 * Scores one synthesis intent through the whole pipeline: synthesize → ERC → the layout chain
 * (`runLayout` of ../place/layout-run.ts: place → route → DRC); docs/synthesis.md. The committed intents
 * (fixtures/intents.yaml) are scored by bench/synthesis-intents-report.ts, which also hands each
 * final board to kicad-cli.
 */
import type { Library } from '../library/index.js';
import { mapPinsToPads, resolveFootprint } from '../footprints/index.js';
import { runErc } from '../erc/index.js';
import { runLayout, type LayoutRun } from '../place/layout-run.js';
import type { Design } from '../model/design.js';
import { synthesizeDesign } from './index.js';

export interface PipelineScore {
  intent: string;
  template: string | null;
  error: string | null;
  components: number;
  ercErrors: number;
  ercWarnings: number;
  placed: boolean;
  routed: { routed: number; total: number };
  drcErrors: number;
  board: string;
  ms: number;
  /** The layout run (placed and routed design, geometry, DRC); null when synthesis failed. */
  layout: LayoutRun | null;
}

/** Runs the whole pipeline on one intent; every stage's outcome is data. */
export function scoreIntent(intent: string, library: Library): PipelineScore {
  const t0 = performance.now();
  const out: PipelineScore = { intent, template: null, error: null, components: 0, ercErrors: -1, ercWarnings: -1, placed: false, routed: { routed: 0, total: 0 }, drcErrors: -1, board: '', ms: 0, layout: null };
  let design: Design;
  try {
    const r = synthesizeDesign(intent, { library });
    design = r.design;
    out.template = r.template;
  } catch (err) {
    out.error = err instanceof Error ? err.message : String(err);
    out.ms = performance.now() - t0;
    return out;
  }
  out.components = Object.keys(design.components).length;
  out.board = `${design.board.width_mm}×${design.board.height_mm}`;
  const erc = runErc(design, { lookupPart: library.lookup, footprintExists: (n) => resolveFootprint(n) !== undefined });
  out.ercErrors = erc.counts.error;
  out.ercWarnings = erc.counts.warning;
  const run = runLayout(design, { resolve: resolveFootprint, mapPins: mapPinsToPads, seed: 1 });
  out.placed = run.unplaced.length === 0;
  out.routed = { routed: run.routed, total: run.total };
  out.drcErrors = run.drcErrors;
  out.layout = run;
  out.ms = performance.now() - t0;
  return out;
}
