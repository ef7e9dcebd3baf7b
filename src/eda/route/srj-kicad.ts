import { Design } from '../model/design.js';
import { KICAD_PCB_VERSION, kicadCopperLayers, writeKicadPro } from '../export/kicad/index.js';
import { layersSection } from '../export/kicad/layers.js';
import { list, serialize, sym, type SExpr, type SList } from '../sexpr/index.js';
import type { RouteProblem, RoutedTrack, RoutedVia } from './types.js';

/**
 * A SimpleRouteJson problem plus routes as a KiCad 9 board (docs/reports/tscircuit-routing.md), so that kicad-cli can judge
 * any router's result on equal terms. The board has no components of a design, so instead of a
 * synthetic Design (whose footprints would carry courtyards that overlap wherever the dataset's
 * pads do) this writes the board directly with the writer's building blocks: the same file
 * version, layer table and S-expression serialiser, plus the writer's `.kicad_pro` for the rules.
 *
 * - every obstacle is a one-pad footprint: single-layer obstacles as SMD pads, obstacles on every
 *   layer (the dataset's plated holes) as plated through-hole pads with a drill of half their
 *   smaller side (the dataset gives no drill);
 * - pads carry their (merged) net; obstacles of no connection are on no net;
 * - pads have copper layers only: the dataset has no solder mask, and mask openings of its
 *   overlapping pads would only add solder-mask-bridge reports about the input;
 * - the Edge.Cuts outline is `outline` (default: the problem bounds);
 * - rules: clearance and track width from the options (0.15 mm each by default), copper-to-edge
 *   equal to the clearance.
 *
 * A `.kicad_dru` is returned as well: with `waivePadToPad` it waives clearance between two pads
 * and pad-to-edge clearance (both the input's own geometry),
 * and pad-to-hole clearance between two pads (the drills are ours, the overlaps the dataset's),
 * because pad positions are the problem's own (several dataset problems place pads of different
 * nets closer than 0.15 mm, or overlapping); tracks and vias stay judged against everything.
 */

export interface SrjKicadOptions {
  clearanceMm?: number;
  trackWidthMm?: number;
  /** Board outline; default the problem bounds. */
  outline?: { minX: number; minY: number; maxX: number; maxY: number };
  waivePadToPad?: boolean;
  name?: string;
}

export interface SrjKicadFiles {
  pcb: string;
  pro: string;
  /** Custom rules (KiCad `.kicad_dru`), empty when nothing is waived. */
  dru: string;
}

/** Our layer names (top, inner1…, bottom) → KiCad copper layer names. */
export function kicadLayerOf(layer: string, layers: string[]): string | null {
  const copper = kicadCopperLayers(layers.length);
  const k = layers.indexOf(layer);
  return k < 0 ? null : (copper[k] ?? null);
}

/** Drill given to an obstacle on every layer (a plated hole in the dataset). */
export function throughDrillMm(width: number, height: number): number {
  return Math.min(width, height) / 2;
}

export function exportSrjKicad(problem: RouteProblem, routes: { tracks: RoutedTrack[]; vias: RoutedVia[] }, options: SrjKicadOptions = {}): SrjKicadFiles {
  const clearanceMm = options.clearanceMm ?? 0.15;
  const trackWidthMm = options.trackWidthMm ?? 0.15;
  const box = options.outline ?? problem.bounds;
  const copper = kicadCopperLayers(problem.layers.length);
  const netNames = [...new Set([...problem.obstacles.map((o) => o.net), ...routes.tracks.map((t) => t.net), ...routes.vias.map((v) => v.net)].filter((n): n is string => n !== null))].sort();
  const netNumber = new Map(netNames.map((n, i) => [n, i + 1]));
  const netRef = (net: string | null): SList => (net === null ? list('net', 0, '') : list('net', netNumber.get(net)!, net));

  const items: (SExpr | undefined)[] = [
    list('version', KICAD_PCB_VERSION),
    list('generator', 'zaptrace'),
    list('generator_version', '0.1'),
    list('general', list('thickness', 1.6), list('legacy_teardrops', sym('no'))),
    list('paper', 'A4'),
    layersSection(copper),
    list('setup', list('pad_to_mask_clearance', 0), list('allow_soldermask_bridges_in_footprints', sym('no')), list('tenting', sym('front'), sym('back'))),
    list('net', 0, ''),
    ...netNames.map((n) => list('net', netNumber.get(n)!, n)),
  ];

  problem.obstacles.forEach((o, k) => {
    const s = o.shape;
    const center = s.center;
    const size: [number, number] = s.kind === 'circle' ? [s.diameterMm, s.diameterMm] : [s.size[0], s.size[1]];
    const shape = s.kind === 'rect' ? 'rect' : s.kind === 'oval' ? 'oval' : 'circle';
    const rot = s.kind === 'circle' ? 0 : (s.rotationDeg ?? 0);
    const kLayers = o.layers.map((l) => kicadLayerOf(l, problem.layers)).filter((l): l is string => l !== null);
    if (kLayers.length === 0) return;
    const through = kLayers.length === copper.length && copper.length > 1;
    const pad = through
      ? list('pad', '1', sym('thru_hole'), sym(shape), list('at', 0, 0, rot), list('size', size[0], size[1]), list('drill', throughDrillMm(size[0], size[1])), list('layers', '*.Cu'), o.net !== null ? netRef(o.net) : undefined)
      : list('pad', '1', sym('smd'), sym(shape), list('at', 0, 0, rot), list('size', size[0], size[1]), list('layers', ...kLayers), o.net !== null ? netRef(o.net) : undefined);
    const onBack = !through && kLayers[0] === 'B.Cu';
    items.push(
      list(
        'footprint',
        `SRJ:obstacle_${k}`,
        list('layer', onBack ? 'B.Cu' : 'F.Cu'),
        list('at', center[0], center[1]),
        list('property', 'Reference', `P${k}`, list('at', 0, 0), list('layer', onBack ? 'B.Fab' : 'F.Fab'), list('hide', sym('yes')), list('effects', list('font', list('size', 0.2, 0.2), list('thickness', 0.03)))),
        list('attr', sym(through ? 'through_hole' : 'smd')),
        pad,
      ),
    );
  });

  items.push(list('gr_rect', list('start', box.minX, box.minY), list('end', box.maxX, box.maxY), list('stroke', list('width', 0.05), list('type', sym('solid'))), list('fill', sym('no')), list('layer', 'Edge.Cuts')));
  for (const t of routes.tracks) {
    const layer = kicadLayerOf(t.layer, problem.layers);
    if (layer === null) continue;
    items.push(list('segment', list('start', t.start[0], t.start[1]), list('end', t.end[0], t.end[1]), list('width', t.widthMm), list('layer', layer), list('net', netNumber.get(t.net) ?? 0)));
  }
  for (const v of routes.vias) {
    items.push(list('via', list('at', v.at[0], v.at[1]), list('size', v.diameterMm), list('drill', v.drillMm), list('layers', copper[0]!, copper[copper.length - 1]!), list('net', netNumber.get(v.net) ?? 0)));
  }
  const pcb = serialize(list('kicad_pcb', ...items)) + '\n';

  // The rules go through the writer's own .kicad_pro, from a design that only carries the board.
  const design = Design.parse({
    meta: { name: options.name ?? 'srj' },
    board: {
      width_mm: Math.max(1e-3, box.maxX - box.minX),
      height_mm: Math.max(1e-3, box.maxY - box.minY),
      layers: Math.max(2, problem.layers.length),
      min_trace_width_mm: trackWidthMm,
      min_clearance_mm: clearanceMm,
      min_via_diameter_mm: Math.min(problem.viaDiameterMm, ...routes.vias.map((v) => v.diameterMm)),
      min_via_drill_mm: Math.min(problem.viaDrillMm, ...routes.vias.map((v) => v.drillMm)),
    },
  });
  // Hole sizes are not the router's choice here (pad drills are invented above), so the
  // smallest-hole rule is set below every drill that occurs.
  const pro = writeKicadPro(design, { name: options.name ?? 'board', drc: { copperEdgeClearanceMm: clearanceMm, minHoleMm: 0.05, minAnnularRingMm: 0.05 } });
  const dru = options.waivePadToPad
    ? [
        '(version 1)',
        '# Pads are the problem\'s own geometry: the router cannot move them, so pad-to-pad clearance',
        '# is not judged (a negative minimum lets them touch). Tracks and vias keep every rule.',
        '(rule "problem_pads_as_given"',
        '  (constraint clearance (min -1mm))',
        '  (constraint hole_clearance (min -1mm))',
        '  (condition "A.Type == \'Pad\' && B.Type == \'Pad\'"))',
        '# Some problems put pads on or past their bounds (the board edge); that too is the input\'s.',
        '(rule "problem_pads_past_edge"',
        '  (constraint edge_clearance (min -1mm))',
        '  (condition "A.Type == \'Pad\'"))',
        '',
      ].join('\n')
    : '';
  return { pcb, pro, dru };
}

/**
 * The bounds grown to hold every obstacle plus `marginMm` (the copper-to-edge clearance): a few
 * dataset problems have pads on or beyond their bounds, which no router can make edge-clean.
 */
export function boundsCoveringPads(problem: RouteProblem, marginMm: number): { minX: number; minY: number; maxX: number; maxY: number } {
  const b = { ...problem.bounds };
  for (const o of problem.obstacles) {
    const s = o.shape;
    const [hw, hh] = s.kind === 'circle' ? [s.diameterMm / 2, s.diameterMm / 2] : [s.size[0] / 2, s.size[1] / 2];
    const r = s.kind !== 'circle' && (s.rotationDeg ?? 0) % 180 !== 0 ? Math.hypot(hw, hh) : 0;
    const ex = r || hw;
    const ey = r || hh;
    b.minX = Math.min(b.minX, s.center[0] - ex - marginMm);
    b.maxX = Math.max(b.maxX, s.center[0] + ex + marginMm);
    b.minY = Math.min(b.minY, s.center[1] - ey - marginMm);
    b.maxY = Math.max(b.maxY, s.center[1] + ey + marginMm);
  }
  return b;
}
