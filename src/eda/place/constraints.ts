import type { Design, Placement, PlacementConstraint, Point } from '../model/design.js';
import { footprintToWorld, rotateVec, type Rect } from '../board/index.js';
import { courtyardAt, padCentroid, type PlaceModel } from './model.js';
import { decouplersOf, edgePartOf, isMountingHole, thermalRoleOf, type LocalDir } from './part-roles.js';

/**
 * ZapTrace placement constraints (`constraints.placement`): `edge` (the courtyard at the named
 * board edge, within the edge clearance) and `near` + `max_distance_mm` (the component's pad
 * centroid within that distance of the pad(s) of `REF.PIN`, or of the pad centroid of `REF`).
 * Beside them, the constraints parts imply (`./part-roles.ts`, docs/placement.md "Parts that place
 * themselves"): edge connectors and antennas on some edge facing out, mounting holes in corners,
 * decoupling capacitors near their pin, heat sources apart from sensors.
 */

/** Distance used when `near` is given without `max_distance_mm`. */
export const DEFAULT_NEAR_MM = 5;
/** Local bypass capacitor to the pad of the pin it serves (pad centroid to pad centre). */
export const DECOUPLING_NEAR_MM = 3;
/** Bulk capacitor to its regulator output or supply pin. */
export const BULK_NEAR_MM = 10;
/** Courtyard-to-courtyard distance between a heat source and a sensor. */
export const THERMAL_APART_MM = 10;
const TOL = 1e-6;

export type Edge = 'left' | 'right' | 'top' | 'bottom';
export const EDGES: readonly Edge[] = ['left', 'top', 'right', 'bottom'];

export type ConstraintKind = 'design' | 'connector' | 'antenna' | 'mounting-hole' | 'decoupling' | 'thermal' | 'board-fit';

export interface ResolvedConstraint {
  source: PlacementConstraint;
  kind: ConstraintKind;
  /** Hard constraints left unmet make the release gate refuse the board. */
  hard: boolean;
  item: number | null;
  /** 'any': some edge, chosen by the placer (`PlaceState.edgeChoice`). */
  edge: Edge | 'any' | null;
  /** The footprint-local side that must face out of the edge. */
  facing: LocalDir | null;
  corner: boolean;
  /** `pad`: one pad of the pin (index in footprint order), null for its nearest pad. */
  near: { item: number | null; pin: string | null; pad: number | null; maxMm: number } | null;
  apart: { item: number; minMm: number } | null;
  problem: string | null;
  /** Local bypass capacitors on one rail share this key: any of them may serve any of their pins (`matchDecoupling`). */
  group?: string;
}

function itemOf(design: Design, model: PlaceModel, name: string): number | null {
  const byId = model.index.get(name);
  if (byId !== undefined) return byId;
  const matches = model.items.map((it, i) => (design.components[it.id]!.ref === name ? i : -1)).filter((i) => i >= 0);
  return matches.length === 1 ? matches[0]! : null;
}

const blank = { edge: null, facing: null, corner: false, near: null, apart: null, problem: null } as const;

function implied(component: string, reason: string, extra: Partial<PlacementConstraint> = {}): PlacementConstraint {
  return { component, edge: null, near: null, max_distance_mm: null, reason, ...extra };
}

/** The constraints the parts imply, skipping any the design already states for that component. */
export function impliedConstraints(design: Design, model: PlaceModel): ResolvedConstraint[] {
  const stated = new Set(design.constraints.placement.map((c) => model.index.get(c.component) ?? itemOf(design, model, c.component)));
  const out: ResolvedConstraint[] = [];
  const holes: number[] = [];
  model.items.forEach((it, i) => {
    if (stated.has(i)) return;
    if (isMountingHole(it.footprint)) {
      holes.push(i);
      return;
    }
    const e = edgePartOf(design, it.id, it.footprint);
    if (!e) return;
    const what = e.kind === 'antenna' ? 'antenna at a board edge, its keep-out free of copper' : `connector at a board edge${e.facing ? ', mating side out' : ''}`;
    out.push({ ...blank, source: implied(it.id, what), kind: e.kind, hard: true, item: i, edge: 'any', facing: e.facing });
  });
  for (const i of holes) out.push({ ...blank, source: implied(model.items[i]!.id, 'mounting hole in a board corner'), kind: 'mounting-hole', hard: true, item: i, corner: true });
  for (const d of decouplersOf(design, model)) {
    const i = model.index.get(d.cap)!;
    if (stated.has(i)) continue;
    const target = model.index.get(d.target)!;
    const maxMm = d.bulk ? BULK_NEAR_MM : DECOUPLING_NEAR_MM;
    const ref = design.components[d.target]!.ref;
    const padNo = d.pad === null ? null : (model.items[target]!.pinPadNumbers.get(d.pin)?.[d.pad] ?? null);
    const at = padNo === null ? '' : ` pad ${padNo}`;
    const source = implied(d.cap, d.bulk ? `bulk capacitor near ${ref}.${d.pin}` : `decoupling capacitor near ${ref}.${d.pin}${at}`, { near: `${ref}.${d.pin}`, max_distance_mm: maxMm });
    const problem = model.items[target]!.pinPads.has(d.pin) ? null : `near target pin ${ref}.${d.pin} has no pad`;
    // hard: every local bypass capacitor (a second one on a pin is as useless 6 mm away as the first)
    out.push({ ...blank, source, kind: 'decoupling', hard: !d.bulk, item: i, near: { item: target, pin: d.pin, pad: d.pad, maxMm }, problem, ...(d.bulk ? {} : { group: d.rail }) });
  }
  const hot = model.items.map((it, i) => (thermalRoleOf(design, it.id) === 'hot' ? i : -1)).filter((i) => i >= 0);
  const sensors = model.items.map((it, i) => (thermalRoleOf(design, it.id) === 'sensor' ? i : -1)).filter((i) => i >= 0);
  for (const s of sensors) {
    for (const h of hot) {
      const reason = `sensor at least ${THERMAL_APART_MM} mm from heat source ${model.items[h]!.ref}`;
      out.push({ ...blank, source: implied(model.items[s]!.id, reason), kind: 'thermal', hard: false, item: s, apart: { item: h, minMm: THERMAL_APART_MM } });
    }
  }
  return out;
}

export function resolveConstraints(design: Design, model: PlaceModel): ResolvedConstraint[] {
  return [...statedConstraints(design, model), ...impliedConstraints(design, model)];
}

function statedConstraints(design: Design, model: PlaceModel): ResolvedConstraint[] {
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
      near = { item: target, pin, pad: null, maxMm: c.max_distance_mm ?? DEFAULT_NEAR_MM };
    }
    return { ...blank, source: c, kind: 'design' as const, hard: true, item, edge: c.edge, near, problem };
  });
}

/** World position the `near` distance is measured to. */
export function nearTarget(model: PlaceModel, rc: ResolvedConstraint, at: (item: number) => Placement | null): Point[] | null {
  if (!rc.near || rc.near.item === null) return null;
  const p = at(rc.near.item);
  if (!p) return null;
  const it = model.items[rc.near.item]!;
  if (rc.near.pin === null) return [padCentroid(it, p)];
  const pads = it.pinPads.get(rc.near.pin) ?? [];
  const own = rc.near.pad !== null && rc.near.pad < pads.length ? [pads[rc.near.pad]!] : pads;
  return own.map((q) => footprintToWorld(q, p));
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

/** Rotation (top side) that turns the footprint-local direction to the outward normal of the edge. */
export function rotationFacing(facing: LocalDir, edge: Edge): 0 | 90 | 180 | 270 {
  const v: Point = facing === '+x' ? [1, 0] : facing === '-x' ? [-1, 0] : facing === '+y' ? [0, 1] : [0, -1];
  const out: Point = edge === 'left' ? [-1, 0] : edge === 'right' ? [1, 0] : edge === 'top' ? [0, -1] : [0, 1];
  for (const r of [0, 90, 180, 270] as const) {
    const w = rotateVec(v, r);
    if (Math.abs(w[0] - out[0]) < 1e-9 && Math.abs(w[1] - out[1]) < 1e-9) return r;
  }
  return 0;
}

/** The edge whose clearance the courtyard sits at (the nearest, when several). */
/**
 * The edge a part with a mating side (or antenna end) stands at: in a corner it touches two, and it
 * faces out when its rotation faces either, so the one it faces is taken; else as edgeAt.
 */
export function facedEdge(box: Rect, rect: Rect, clearance: number, facing: LocalDir, p: Placement): Edge | null {
  const touching = EDGES.filter((e) => Math.abs(edgeGap(box, rect, e) - clearance) <= 1e-3);
  return touching.find((e) => p.side === 'top' && p.rotation_deg === rotationFacing(facing, e)) ?? edgeAt(box, rect, clearance);
}

export function edgeAt(box: Rect, rect: Rect, clearance: number): Edge | null {
  let best: Edge | null = null;
  let bestGap = Infinity;
  for (const e of EDGES) {
    const g = edgeGap(box, rect, e);
    if (Math.abs(g - clearance) <= 1e-3 && g < bestGap) {
      best = e;
      bestGap = g;
    }
  }
  return best;
}

/** Shortest distance between two rectangles (0 when they touch or overlap). */
export function rectDistance(a: Rect, b: Rect): number {
  const dx = Math.max(0, b[0] - a[2], a[0] - b[2]);
  const dy = Math.max(0, b[1] - a[3], a[1] - b[3]);
  return Math.hypot(dx, dy);
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
  const box = model.outlineBox;
  const court = courtyardAt(model.items[rc.item!]!, p);
  if (rc.edge === 'any') {
    const e = rc.facing ? facedEdge(box, court, edgeClearanceMm, rc.facing, p) : edgeAt(box, court, edgeClearanceMm);
    ok &&= e !== null;
    if (e === null) parts.push(`courtyard ${Math.min(...EDGES.map((x) => edgeGap(box, court, x))).toFixed(3)} mm from the nearest edge (edge clearance ${edgeClearanceMm} mm)`);
    else parts.push(`at the ${e} edge`);
    if (e !== null && rc.facing) {
      const want = rotationFacing(rc.facing, e);
      const good = p.side === 'top' && p.rotation_deg === want;
      ok &&= good;
      parts.push(good ? 'mating side facing out' : `mating side not facing out (rotation ${p.rotation_deg}°, ${want}° faces the ${e} edge)`);
    }
  } else if (rc.edge) {
    const gap = edgeGap(box, court, rc.edge);
    const good = gap >= edgeClearanceMm - TOL && gap <= edgeClearanceMm + TOL;
    ok &&= good;
    parts.push(`courtyard ${gap.toFixed(3)} mm from the ${rc.edge} edge (edge clearance ${edgeClearanceMm} mm)`);
  }
  if (rc.corner) {
    const gaps = EDGES.map((e) => edgeGap(box, court, e));
    const on = gaps.map((g) => Math.abs(g - edgeClearanceMm) <= 1e-3);
    // EDGES order: left, top, right, bottom — a corner is one side edge and one end edge
    const good = (on[0]! || on[2]!) && (on[1]! || on[3]!);
    ok &&= good;
    parts.push(good ? 'in a corner' : `not in a corner (edge gaps ${gaps.map((g) => g.toFixed(2)).join('/')} mm)`);
  }
  if (rc.near) {
    const d = nearDistance(model, rc, at);
    const good = d !== null && d <= rc.near.maxMm + TOL;
    ok &&= good;
    const padNo = rc.near.pad !== null && rc.near.item !== null && rc.near.pin !== null ? model.items[rc.near.item]!.pinPadNumbers.get(rc.near.pin)?.[rc.near.pad] : undefined;
    const what = `${rc.source.near}${padNo !== undefined ? ` pad ${padNo}` : ''}`;
    parts.push(d === null ? `${rc.source.near} is not placed` : `pad centroid ${d.toFixed(3)} mm from ${what} (max ${rc.near.maxMm} mm)`);
  }
  if (rc.apart) {
    const q = at(rc.apart.item);
    if (q) {
      const d = rectDistance(court, courtyardAt(model.items[rc.apart.item]!, q));
      const good = d >= rc.apart.minMm - TOL;
      ok &&= good;
      parts.push(`courtyards ${d.toFixed(2)} mm apart (min ${rc.apart.minMm} mm)`);
    }
  }
  return { satisfied: ok, detail: parts.join('; ') || 'no geometric requirement' };
}

/**
 * The decoupling constraints with the capacitors of each rail matched to that rail's served pins
 * by where they stand, not by reference order: the assignment (`decouplersOf`) deals capacitors out
 * in reference order, and two identical 100 nF capacitors swapped on the board would otherwise turn
 * a met pair unmet. A maximum matching of capacitors to pins they are within reach of (each
 * capacitor trying its own pin first); the rest keep the pins left over, in order.
 */
export function matchDecoupling(model: PlaceModel, cons: readonly ResolvedConstraint[], at: (item: number) => Placement | null): ResolvedConstraint[] {
  const groups = new Map<string, number[]>();
  cons.forEach((rc, k) => {
    if (rc.group !== undefined && rc.kind === 'decoupling' && rc.hard && !rc.problem && rc.item !== null) groups.set(rc.group, [...(groups.get(rc.group) ?? []), k]);
  });
  const out = [...cons];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const slots = members.map((k) => cons[k]!);
    // fits[a][b]: capacitor of member a meets the pin of member b
    const fits = members.map((a) =>
      slots.map((slot) => {
        const d = nearDistance(model, { ...slot, item: cons[a]!.item }, at);
        return d !== null && d <= slot.near!.maxMm + TOL;
      }),
    );
    const owner: number[] = slots.map(() => -1);
    const tryCap = (a: number, seen: boolean[]): boolean => {
      const order = [a, ...slots.map((_, b) => b).filter((b) => b !== a)];
      for (const b of order) {
        if (!fits[a]![b] || seen[b]) continue;
        seen[b] = true;
        if (owner[b] === -1 || tryCap(owner[b]!, seen)) {
          owner[b] = a;
          return true;
        }
      }
      return false;
    };
    members.forEach((_, a) => tryCap(a, slots.map(() => false)));
    const slotOf: number[] = members.map(() => -1);
    owner.forEach((a, b) => {
      if (a >= 0) slotOf[a] = b;
    });
    const free = slots.map((_, b) => b).filter((b) => owner[b] === -1);
    // unmatched capacitors keep their own pin when it is free, else take the next free one
    members.forEach((_, a) => {
      if (slotOf[a] !== -1) return;
      const own = free.indexOf(a);
      slotOf[a] = own >= 0 ? free.splice(own, 1)[0]! : free.shift()!;
    });
    members.forEach((k, a) => {
      const slot = slots[slotOf[a]!]!;
      if (slotOf[a] === a) return;
      const mine = cons[k]!;
      out[k] = { ...slot, item: mine.item, source: { ...slot.source, component: mine.source.component } };
    });
  }
  return out;
}