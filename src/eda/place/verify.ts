import type { Design, Point } from '../model/design.js';
import { pointInPolygon, type FootprintResolver, type PinPadMapper } from '../board/index.js';
import { segmentClosest } from '../drc/geometry.js';
import { evaluateConstraint, matchDecoupling, resolveConstraints } from './constraints.js';
import { buildPlaceModel } from './model.js';
import { PLACER_KEEPOUT_PREFIX } from './edge-parts.js';
import type { ConstraintReportEntry } from './index.js';

/**
 * Placement constraints judged on a design as it stands (docs/placement.md, "Violations"): the
 * stated and implied constraints evaluated from its placement, and copper (track or via) inside
 * an antenna keep-out the placer set. Shared by the layout chain and the release gate, which
 * refuses a board with an unmet hard constraint (src/runtime/release-gate.ts).
 */

const EDGE_CLEARANCE_MM = 0.5;

export function placementReport(design: Design, resolve: FootprintResolver, mapPins?: PinPadMapper, edgeClearanceMm = EDGE_CLEARANCE_MM): ConstraintReportEntry[] {
  const model = buildPlaceModel(design, resolve, mapPins);
  const cons = resolveConstraints(design, model);
  const at = (i: number) => design.placement[model.items[i]!.id] ?? null;
  const out: ConstraintReportEntry[] = matchDecoupling(model, cons, at).map((rc) => ({ constraint: rc.source, kind: rc.kind, hard: rc.hard, ...evaluateConstraint(model, rc, at, edgeClearanceMm) }));
  for (const ko of design.keepouts) {
    if (!ko.id.startsWith(PLACER_KEEPOUT_PREFIX)) continue;
    const hits = copperIn(design, ko.polygon);
    const component = ko.id.slice(PLACER_KEEPOUT_PREFIX.length);
    out.push({
      constraint: { component, edge: null, near: null, max_distance_mm: null, reason: 'antenna keep-out free of copper on every layer' },
      kind: 'antenna',
      hard: true,
      satisfied: hits.length === 0,
      detail: hits.length === 0 ? 'no track or via in the keep-out' : `${hits.length} copper item(s) in the keep-out: ${hits.slice(0, 3).join(', ')}`,
    });
  }
  return out;
}

/** Unmet hard constraints: what the release gate refuses. */
export function hardViolations(report: readonly ConstraintReportEntry[]): ConstraintReportEntry[] {
  return report.filter((r) => r.hard && !r.satisfied);
}

/** Tracks and vias that reach into a polygon (segments tested with their half width). */
function copperIn(design: Design, poly: readonly Point[]): string[] {
  const out: string[] = [];
  design.routing.tracks.forEach((t, k) => {
    if (segmentNearPolygon(t.start, t.end, t.width_mm / 2, poly)) out.push(`track ${k} (${t.net}, ${t.layer})`);
  });
  design.routing.vias.forEach((v, k) => {
    if (segmentNearPolygon(v.at, v.at, v.diameter_mm / 2, poly)) out.push(`via ${k} (${v.net})`);
  });
  return out;
}

function segmentNearPolygon(a: Point, b: Point, r: number, poly: readonly Point[]): boolean {
  if (pointInPolygon(a, poly) || pointInPolygon(b, poly)) return true;
  for (let i = 0; i < poly.length; i++) {
    if (segmentClosest(a, b, poly[i]!, poly[(i + 1) % poly.length]!).distance < r - 1e-9) return true;
  }
  return false;
}
