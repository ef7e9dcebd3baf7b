import type { Design, Placement, PlacementConstraint, Point } from '../model/design.js';
import { footprintToWorld, type Rect } from '../board/index.js';
import { courtyardAt, padCentroid, type PlaceModel } from './model.js';

/**
 * ZapTrace placement constraints (`constraints.placement`): `edge` (the courtyard at the named
 * board edge, within the edge clearance) and `near` + `max_distance_mm` (the component's pad
 * centroid within that distance of the pad(s) of `REF.PIN`, or of the pad centroid of `REF`).
 */

/** Distance used when `near` is given without `max_distance_mm`. */
export const DEFAULT_NEAR_MM = 5;
const TOL = 1e-6;

export interface ResolvedConstraint {
  source: PlacementConstraint;
  item: number | null;
  edge: 'left' | 'right' | 'top' | 'bottom' | null;
  near: { item: number | null; pin: string | null; maxMm: number } | null;
  problem: string | null;
}

function itemOf(design: Design, model: PlaceModel, name: string): number | null {
  const byId = model.index.get(name);
  if (byId !== undefined) return byId;
  const matches = model.items.map((it, i) => (design.components[it.id]!.ref === name ? i : -1)).filter((i) => i >= 0);
  return matches.length === 1 ? matches[0]! : null;
}

export function resolveConstraints(design: Design, model: PlaceModel): ResolvedConstraint[] {
  return design.constraints.placement.map((c) => {
    const item = itemOf(design, model, c.component);
    let near: ResolvedConstraint['near'] = null;
    let problem: string | null = item === null ? `component ${c.component} is not on the board (unknown or without footprint)` : null;
    if (c.near) {
      const dot = c.near.indexOf('.');
      const ref = dot > 0 ? c.near.slice(0, dot) : c.near;
      const pin = dot > 0 ? c.near.slice(dot + 1) : null;
      const target = itemOf(design, model, ref);
      if (target === null) problem ??= `near target ${ref} is not on the board`;
      else if (pin !== null && !model.items[target]!.pinPads.has(pin)) problem ??= `near target pin ${c.near} has no pad`;
      near = { item: target, pin, maxMm: c.max_distance_mm ?? DEFAULT_NEAR_MM };
    }
    return { source: c, item, edge: c.edge, near, problem };
  });
}

/** World position the `near` distance is measured to. */
export function nearTarget(model: PlaceModel, rc: ResolvedConstraint, at: (item: number) => Placement | null): Point[] | null {
  if (!rc.near || rc.near.item === null) return null;
  const p = at(rc.near.item);
  if (!p) return null;
  const it = model.items[rc.near.item]!;
  if (rc.near.pin === null) return [padCentroid(it, p)];
  return (it.pinPads.get(rc.near.pin) ?? []).map((q) => footprintToWorld(q, p));
}

export function nearDistance(model: PlaceModel, rc: ResolvedConstraint, at: (item: number) => Placement | null): number | null {
  if (rc.item === null) return null;
  const p = at(rc.item);
  const targets = nearTarget(model, rc, at);
  if (!p || !targets || targets.length === 0) return null;
  const c = padCentroid(model.items[rc.item]!, p);
  return Math.min(...targets.map((t) => Math.hypot(t[0] - c[0], t[1] - c[1])));
}

/** Gap between the courtyard and the named board edge (negative: beyond it). */
export function edgeGap(box: Rect, rect: Rect, edge: 'left' | 'right' | 'top' | 'bottom'): number {
  if (edge === 'left') return rect[0] - box[0];
  if (edge === 'right') return box[2] - rect[2];
  if (edge === 'top') return rect[1] - box[1];
  return box[3] - rect[3];
}

export function evaluateConstraint(
  model: PlaceModel,
  rc: ResolvedConstraint,
  at: (item: number) => Placement | null,
  edgeClearanceMm: number,
): { satisfied: boolean; detail: string } {
  if (rc.problem) return { satisfied: false, detail: rc.problem };
  const p = at(rc.item!);
  if (!p) return { satisfied: false, detail: `${rc.source.component} is not placed` };
  const parts: string[] = [];
  let ok = true;
  if (rc.edge) {
    const gap = edgeGap(model.outlineBox, courtyardAt(model.items[rc.item!]!, p), rc.edge);
    const good = gap >= edgeClearanceMm - TOL && gap <= edgeClearanceMm + TOL;
    ok &&= good;
    parts.push(`courtyard ${gap.toFixed(3)} mm from the ${rc.edge} edge (edge clearance ${edgeClearanceMm} mm)`);
  }
  if (rc.near) {
    const d = nearDistance(model, rc, at);
    const good = d !== null && d <= rc.near.maxMm + TOL;
    ok &&= good;
    parts.push(d === null ? `${rc.source.near} is not placed` : `pad centroid ${d.toFixed(3)} mm from ${rc.source.near} (max ${rc.near.maxMm} mm)`);
  }
  return { satisfied: ok, detail: parts.join('; ') || 'no geometric requirement' };
}
