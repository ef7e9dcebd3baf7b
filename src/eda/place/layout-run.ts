import type { Design } from '../model/design.js';
import { buildBoardGeometry, type BoardGeometry, type FootprintResolver, type PinPadMapper } from '../board/index.js';
import { routeNets, type RouteNetsOptions, type RouteNetsResult } from '../route/index.js';
import { runDrc, type DrcReport } from '../drc/index.js';
import { writeKicadPcb, writeKicadPro } from '../export/kicad/index.js';
import { placeComponents, type ConstraintReportEntry, type PlaceOptions, type PlaceResult } from './index.js';
import { withPlacerKeepouts } from './edge-parts.js';
import { placementReport } from './verify.js';

/**
 * The layout chain (docs/reports/layout-corpus.md) on one design: place → route → our DRC → .kicad_pcb/.kicad_pro
 * (kicad-cli is run by the caller: this module stays free of processes and files). Figures are
 * measured from the board geometry, not from the placer's or router's own bookkeeping.
 */

export interface LayoutRunOptions {
  resolve: FootprintResolver;
  mapPins?: PinPadMapper;
  seed?: number;
  place?: Omit<PlaceOptions, 'seed' | 'mapPins'>;
  route?: Omit<RouteNetsOptions, 'seed' | 'mapPins'>;
}

export interface LayoutRun {
  components: number;
  placed: number;
  unplaced: PlaceResult['unplaced'];
  /** Routing channel the placement was made with (after the placer's fallback). */
  channelMm: number;
  /** Same-side courtyard pairs that overlap (rectangles sharing positive area), from the geometry. */
  courtyardOverlaps: number;
  routed: number;
  total: number;
  unrouted: RouteNetsResult['connections'];
  unconnectable: RouteNetsResult['unconnectable'];
  drcErrors: number;
  /** Error count per DRC rule id. */
  drcErrorRules: Record<string, number>;
  missingFootprints: BoardGeometry['missingFootprints'];
  placeMs: number;
  routeMs: number;
  drcMs: number;
  /**
   * Process CPU time of each stage, ms (user + system): on a shared machine wall time grows with
   * the load while CPU time mostly does not, so scaling exponents are fitted on these.
   */
  placeCpuMs: number;
  routeCpuMs: number;
  drcCpuMs: number;
  /** Stated and implied placement constraints judged on the routed board (antenna keep-outs included). */
  constraintReport: ConstraintReportEntry[];
  /** The placed and routed design (what the exporters read). */
  design: Design;
  geometry: BoardGeometry;
  drc: DrcReport;
}

export function runLayout(input: Design, o: LayoutRunOptions): LayoutRun {
  const seed = o.seed ?? 1;
  const mapPins = o.mapPins !== undefined ? { mapPins: o.mapPins } : {};
  const c0 = cpuMs();
  const t0 = performance.now();
  const placement = placeComponents(input, o.resolve, { ...o.place, seed, ...mapPins });
  const t1 = performance.now();
  const c1 = cpuMs();
  // Placing moves parts, so any routing the design carried is void (as place_components does).
  const placed: Design = { ...input, placement: placement.placement, keepouts: withPlacerKeepouts(input.keepouts, placement.keepouts), routing: { tracks: [], vias: [] } };
  // The board geometry depends on parts and placement only, so routing and DRC share one.
  const geometry = buildBoardGeometry(placed, o.resolve, o.mapPins);
  const routing = routeNets(placed, o.resolve, { ...o.route, seed, ...mapPins, geometry });
  const t2 = performance.now();
  const c2 = cpuMs();
  const design: Design = { ...placed, routing: { tracks: routing.tracks, vias: routing.vias } };
  const drc = runDrc(design, geometry);
  const t3 = performance.now();
  const c3 = cpuMs();
  const drcErrorRules: Record<string, number> = {};
  for (const f of drc.findings) if (f.severity === 'error') drcErrorRules[f.rule_id] = (drcErrorRules[f.rule_id] ?? 0) + 1;
  return {
    components: Object.keys(input.components).length,
    placed: Object.keys(placement.placement).length,
    unplaced: placement.unplaced,
    channelMm: placement.parameters.channelMm,
    courtyardOverlaps: courtyardOverlaps(geometry),
    routed: routing.completion.routed,
    total: routing.completion.total,
    unrouted: routing.connections.filter((c) => c.status !== 'routed'),
    unconnectable: routing.unconnectable,
    drcErrors: drc.counts.error,
    drcErrorRules,
    missingFootprints: geometry.missingFootprints,
    placeMs: t1 - t0,
    routeMs: t2 - t1,
    drcMs: t3 - t2,
    placeCpuMs: c1 - c0,
    routeCpuMs: c2 - c1,
    drcCpuMs: c3 - c2,
    constraintReport: placementReport(design, o.resolve, o.mapPins, o.place?.edgeClearanceMm),
    design,
    geometry,
    drc,
  };
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The exported pair kicad-cli reads. */
export function exportForKicad(run: LayoutRun): { board: string; project: string } {
  return { board: writeKicadPcb(run.design, run.geometry), project: writeKicadPro(run.design) };
}

/**
 * Courtyard pairs on the same side whose rectangles share area (touching edges do not count, as
 * in KiCad's courtyard test). Quadratic, fine for a few hundred parts.
 */
export function courtyardOverlaps(g: BoardGeometry): number {
  const fps = g.footprints;
  let n = 0;
  for (let i = 0; i < fps.length; i++) {
    for (let j = i + 1; j < fps.length; j++) {
      const a = fps[i]!;
      const b = fps[j]!;
      if (a.placement.side !== b.placement.side) continue;
      const [ax0, ay0, ax1, ay1] = a.courtyardWorld;
      const [bx0, by0, bx1, by1] = b.courtyardWorld;
      if (Math.min(ax1, bx1) - Math.max(ax0, bx0) > 1e-9 && Math.min(ay1, by1) - Math.max(ay0, by0) > 1e-9) n++;
    }
  }
  return n;
}
