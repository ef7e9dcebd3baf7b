/**
 * Scores one synthesis intent through the whole pipeline: synthesize → ERC → place → route →
 * DRC (issue 6). The committed intents (fixtures/intents.yaml) are scored by
 * bench/synthesis-intents-report.ts, which also hands each final board to kicad-cli.
 */
import type { Library } from '../library/index.js';
import { mapPinsToPads, resolveFootprint } from '../footprints/index.js';
import { runErc } from '../erc/index.js';
import { placeComponents } from '../place/index.js';
import { routeNets } from '../route/index.js';
import { runDrc } from '../drc/index.js';
import { buildBoardGeometry, type BoardGeometry } from '../board/index.js';
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
  /** The placed and routed design and its geometry (null when synthesis failed). */
  final: { design: Design; geometry: BoardGeometry } | null;
}

/** Runs the whole pipeline on one intent; every stage's outcome is data. */
export function scoreIntent(intent: string, library: Library): PipelineScore {
  const t0 = performance.now();
  const out: PipelineScore = { intent, template: null, error: null, components: 0, ercErrors: -1, ercWarnings: -1, placed: false, routed: { routed: 0, total: 0 }, drcErrors: -1, board: '', ms: 0, final: null };
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
  const place = placeComponents(design, resolveFootprint, { mapPins: mapPinsToPads, seed: 1 });
  out.placed = place.unplaced.length === 0;
  const placed: Design = { ...design, placement: place.placement };
  const route = routeNets(placed, resolveFootprint, { mapPins: mapPinsToPads });
  out.routed = { routed: route.completion.routed, total: route.completion.total };
  const routed: Design = { ...placed, routing: { tracks: route.tracks, vias: route.vias } };
  const geometry = buildBoardGeometry(routed, resolveFootprint, mapPinsToPads);
  const drc = runDrc(routed, geometry);
  out.drcErrors = drc.findings.filter((f) => f.severity === 'error').length;
  out.final = { design: routed, geometry };
  out.ms = performance.now() - t0;
  return out;
}
