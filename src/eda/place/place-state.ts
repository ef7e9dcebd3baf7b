import type { Design, Placement } from '../model/design.js';
import { footprintToWorld, type Rect } from '../board/index.js';
import { edgeGap, nearDistance, rectDistance, rotationFacing, type Edge, type ResolvedConstraint } from './constraints.js';
import { courtyardAt, courtyardInto, spacingAt, spacingInto, rectInsidePolygon, rectOverlapsPolygon, type PlaceModel } from './model.js';
import { RectIndex } from './spatial.js';
import { Occupancy } from './occupancy.js';
import type { LocalDir } from './part-roles.js';

/**
 * The state zt-place-1 works on (see `./index.ts`): current positions, the overlap index, the
 * wire-length bookkeeping and the legality tests that the constructive pass (`./constructive.ts`)
 * and the annealer (`./anneal.ts`) share.
 */

export const ROTATIONS = [0, 90, 180, 270] as const;

export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Whether rects a and b come closer than g (open: exactly g apart is fine). */
function near(a: Rect, b: Rect, g: number): boolean {
  return b[0] < a[2] + g - 1e-9 && a[0] - g + 1e-9 < b[2] && b[1] < a[3] + g - 1e-9 && a[1] - g + 1e-9 < b[3];
}

/** Current positions, the overlap index and the wire-length bookkeeping. */
export class PlaceState {
  readonly pos: (Placement | null)[];
  readonly index: RectIndex;
  readonly netsOf: number[][];
  readonly consOf: number[][];
  /** The outline is its own bounding box: the cheap bounds test is exact. */
  readonly rectOutline: boolean;
  /**
   * Covered-cell map for the constructive pass (`./occupancy.ts`), null outside it: the annealer
   * moves parts through `pos`/`index` directly and would leave it stale.
   */
  occupancy: Occupancy | null = null;
  // The part `legal` is testing, read by `clashes` (a method, so no closure per call).
  private testItem = 0;
  private testSide: 'top' | 'bottom' = 'top';
  private testIgnore: readonly number[] = [];
  private testRect: Rect = [0, 0, 0, 0];
  private testPlacement: Placement = { x_mm: 0, y_mm: 0, rotation_deg: 0, side: 'top' };
  private testNear = false;
  /** The courtyard of the part under test, computed on first need per `legal` call. */
  private testCourtyard: Rect | null = null;
  /** World courtyard of each placed part, for the placement object it was computed from (placements are never mutated). */
  private readonly cyFor: (Placement | null)[];
  private readonly cyRect: Rect[];
  private readonly clashes = (j: number): boolean => {
    if (j === this.testItem || (this.testIgnore.length > 0 && this.testIgnore.includes(j))) return false;
    if (!(this.pos[j]!.side === this.testSide || this.model.items[this.testItem]!.throughHole || this.model.items[j]!.throughHole)) return false;
    // Queried with the near gap: partners may stand that close, everyone else keeps the full gap.
    if (!this.testNear) return this.apart(j, this.gap);
    if (this.nearPartners[this.testItem]!.has(j)) {
      // partners: courtyards at the plain clearance, reference bands aside (the decoupling
      // distance outranks a legible reference)
      const a = this.testCy();
      const b = this.placedCourtyard(j);
      const n = this.nearGap - 1e-9;
      return b[0] < a[2] + n && a[0] - n < b[2] && b[1] < a[3] + n && a[1] - n < b[3];
    }
    return this.apart(j, this.gap);
  };
  private testCy(): Rect {
    return (this.testCourtyard ??= courtyardAt(this.model.items[this.testItem]!, this.testPlacement));
  }
  /** courtyardAt(item j, pos[j]), cached per placement object. */
  private placedCourtyard(j: number): Rect {
    const p = this.pos[j]!;
    if (this.cyFor[j] !== p) {
      this.cyFor[j] = p;
      this.cyRect[j] = courtyardAt(this.model.items[j]!, p);
    }
    return this.cyRect[j]!;
  }
  /**
   * Whether part j is too close to the part under test: courtyards need the full gap, a reference
   * band only the plain clearance from the other's courtyard (text may lie over a routing channel,
   * never over pads).
   */
  private apart(j: number, gap: number): boolean {
    const mine = this.testCy();
    const theirs = this.placedCourtyard(j);
    if (near(mine, theirs, gap)) return true;
    return near(this.testRect, theirs, this.nearGap) || near(mine, this.index.get(j)!, this.nearGap);
  }
  /**
   * Parts tied by a `near` constraint (a decoupling capacitor and its IC) may stand at the plain
   * courtyard clearance, without the routing channel between them: 3 mm from a module's edge
   * pad is out of reach with a 1 mm channel on top of the courtyard margins.
   */
  readonly nearPartners: Set<number>[];
  nearGap: number;
  /** The edge each `edge: 'any'` part was put on (set by the constructive pass). */
  readonly edgeChoice = new Map<number, Edge>();

  constructor(
    readonly model: PlaceModel,
    readonly design: Design,
    readonly cons: ResolvedConstraint[],
    readonly gap: number,
    readonly edgeClr: number,
    readonly anchor: 'centre' | 'corner' = 'centre',
  ) {
    this.pos = model.items.map(() => null);
    this.cyFor = model.items.map(() => null);
    this.cyRect = model.items.map(() => [0, 0, 0, 0]);
    this.netStamp = new Uint32Array(model.nets.length);
    const ob = model.outlineBox;
    this.rectOutline =
      model.outline.length === 4 && model.outline.every(([x, y]) => (x === ob[0] || x === ob[2]) && (y === ob[1] || y === ob[3]));
    this.index = new RectIndex(5, model.outlineBox[0], model.outlineBox[1]);
    this.netsOf = model.items.map(() => []);
    model.nets.forEach((n, k) => {
      for (const t of n.terminals) if (!this.netsOf[t.item]!.includes(k)) this.netsOf[t.item]!.push(k);
    });
    this.consOf = model.items.map(() => []);
    this.nearPartners = model.items.map(() => new Set<number>());
    this.nearGap = gap;
    cons.forEach((c, k) => {
      if (c.item !== null) this.consOf[c.item]!.push(k);
      if (c.near?.item !== null && c.near?.item !== undefined && c.near.item !== c.item) {
        this.consOf[c.near.item]!.push(k);
        if (c.item !== null && !c.problem) {
          this.nearPartners[c.item]!.add(c.near.item);
          this.nearPartners[c.near.item]!.add(c.item);
        }
      }
      if (c.apart && c.apart.item !== c.item) this.consOf[c.apart.item]!.push(k);
    });
    // Capacitors serving the same part pack around it at the plain clearance too.
    const byTarget = new Map<number, number[]>();
    for (const c of cons) {
      if (c.item === null || c.problem || c.near?.item === null || c.near?.item === undefined) continue;
      byTarget.set(c.near.item, [...(byTarget.get(c.near.item) ?? []), c.item]);
    }
    for (const group of byTarget.values()) for (const a of group) for (const b of group) if (a !== b) this.nearPartners[a]!.add(b);
  }

  set(i: number, p: Placement | null): void {
    if (this.occupancy) {
      const old = this.pos[i];
      if (old && this.blocksTop(i, old)) this.occupancy.add(courtyardAt(this.model.items[i]!, old), -1);
      if (p && this.blocksTop(i, p)) this.occupancy.add(courtyardAt(this.model.items[i]!, p), 1);
    }
    this.pos[i] = p;
    if (p) this.index.insert(i, spacingAt(this.model.items[i]!, p));
    else this.index.remove(i);
  }

  /**
   * Starts the covered-cell map (only when every part goes on top: a bottom SMD part does not
   * block a top one, and the map has one layer). Cells are one position step.
   */
  startOccupancy(step: number): void {
    this.occupancy = new Occupancy(this.model.outlineBox, step, this.gap);
    this.pos.forEach((p, i) => {
      if (p && this.blocksTop(i, p)) this.occupancy!.add(courtyardAt(this.model.items[i]!, p), 1);
    });
  }

  /** Whether a part at p keeps a top-side part away (it is on top, or through-hole). */
  private blocksTop(i: number, p: Placement): boolean {
    return p.side === 'top' || this.model.items[i]!.throughHole;
  }

  /** Whether the covered-cell map alone rules out item i's origin at (x, y), top side. */
  quickReject(i: number, x: number, y: number): boolean {
    if (this.occupancy === null || !this.model.items[i]!.originInside) return false;
    // the map is grown by the full gap; near partners may come closer
    if (this.nearPartners[i]!.size > 0 && this.nearGap < this.gap) return false;
    return this.occupancy.blocked(x, y);
  }

  /**
   * Whether the covered-cell map alone rules out item i at p (top side): a corner or the centre of
   * its courtyard lies in a covered cell, so the courtyard reaches into another's gap, which
   * `legal` refuses. Catches what `quickReject` (the origin alone) misses for every rotation.
   */
  private readonly scratch: Rect = [0, 0, 0, 0];
  private readonly scratchPlacement: Placement = { x_mm: 0, y_mm: 0, rotation_deg: 0, side: 'top' };
  quickRejectAt(i: number, x: number, y: number, rotation: Placement['rotation_deg'], side: Placement['side']): boolean {
    const o = this.occupancy;
    if (o === null) return false;
    if (this.nearPartners[i]!.size > 0 && this.nearGap < this.gap) return false;
    const p = this.scratchPlacement;
    p.x_mm = x;
    p.y_mm = y;
    p.rotation_deg = rotation;
    p.side = side;
    const c = courtyardInto(this.model.items[i]!, p, this.scratch);
    return o.blocked(c[0], c[1]) || o.blocked(c[2], c[1]) || o.blocked(c[0], c[3]) || o.blocked(c[2], c[3]) || o.blocked((c[0] + c[2]) / 2, (c[1] + c[3]) / 2);
  }

  /** Half-perimeter of a net over its placed terminals. */
  netCost(k: number): number {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const t of this.model.nets[k]!.terminals) {
      const p = this.pos[t.item];
      if (!p) continue;
      // footprintToWorld's sums, without its arrays (this runs for every candidate position)
      const local = this.model.items[t.item]!.pads[t.pad]!.local;
      const lx = p.side === 'bottom' ? -local[0] : local[0];
      const ly = local[1];
      const r = p.rotation_deg;
      let wx: number;
      let wy: number;
      const quarter = r === 0 || r === 90 || r === 180 || r === 270;
      if (quarter) {
        // cosSin's exact values for quarter turns
        const c = r === 0 ? 1 : r === 180 ? -1 : 0;
        const sn = r === 90 ? 1 : r === 270 ? -1 : 0;
        wx = p.x_mm + (lx * c + ly * sn);
        wy = p.y_mm + (-lx * sn + ly * c);
      } else {
        const w = footprintToWorld(local, p);
        wx = w[0];
        wy = w[1];
      }
      if (wx < x0) x0 = wx;
      if (wx > x1) x1 = wx;
      if (wy < y0) y0 = wy;
      if (wy > y1) y1 = wy;
    }
    return x1 >= x0 ? x1 - x0 + (y1 - y0) : 0;
  }

  private readonly netStamp: Uint32Array;
  private stamp = 0;
  costOf(items: number[]): number {
    // each net once, in first-seen order (the order the sum was always taken in)
    const st = ++this.stamp;
    let c = 0;
    for (const i of items) {
      for (const k of this.netsOf[i]!) {
        if (this.netStamp[k] === st) continue;
        this.netStamp[k] = st;
        c += this.netCost(k);
      }
    }
    return c;
  }

  totalCost(): number {
    let c = 0;
    for (let k = 0; k < this.model.nets.length; k++) c += this.netCost(k);
    return c;
  }

  /** Whether item i may stand at p given every other placed part (ignoring those in `ignore`). */
  legal(i: number, p: Placement, ignore: readonly number[] = []): boolean {
    const it = this.model.items[i]!;
    // testRect is only read while this test runs, so it may be reused
    const r = spacingInto(it, p, this.testRect);
    const m = this.model;
    const b = m.outlineBox;
    const e = this.edgeClr - 1e-9;
    if (r[0] < b[0] + e || r[1] < b[1] + e || r[2] > b[2] - e || r[3] > b[3] - e) return false;
    this.testItem = i;
    this.testSide = p.side;
    this.testIgnore = ignore;
    this.testPlacement = p;
    this.testCourtyard = null;
    this.testNear = this.nearPartners[i]!.size > 0 && this.nearGap < this.gap;
    // Always queried with the full gap: near partners may stand closer (`clashes` decides per
    // part), but every other part must keep the gap, and one between the near gap and the full
    // gap away would never be visited by a query with the near gap alone.
    if (this.index.any(r, this.gap, this.clashes)) return false;
    if (!this.rectOutline) {
      const inset: Rect = [r[0] - e, r[1] - e, r[2] + e, r[3] + e];
      if (!rectInsidePolygon(inset, m.outline)) return false;
    }
    for (const ko of this.design.keepouts) if (ko.no_footprints && rectOverlapsPolygon(r, ko.polygon)) return false;
    return true;
  }

  /** Whether the constraints touching item i hold with i at p (others as they are). */
  constraintsHold(i: number, p: Placement): boolean {
    return this.violation(i, p) <= 1e-9;
  }

  /**
   * How far the constraints touching item i are from holding with i at p, in mm (edge gap off the
   * clearance, distance beyond `near`, distance short of `apart`; a wrong mating direction counts
   * 5 mm). Zero when they all hold. The annealer never lets it grow, and pays for it in its cost,
   * so a part that starts out of reach of its constraint can walk towards it. `hardOnly`: the
   * hard constraints alone (the annealer never trades a hard one for a soft one).
   */
  violation(i: number, p: Placement, hardOnly = false): number {
    if (this.consOf[i]!.length === 0) return 0;
    const at = (k: number) => (k === i ? p : (this.pos[k] ?? null));
    let v = 0;
    for (const k of this.consOf[i]!) {
      const rc = this.cons[k]!;
      if (rc.problem || (hardOnly && !rc.hard)) continue;
      if (rc.edge && rc.item === i) {
        const edge = rc.edge === 'any' ? this.edgeChoice.get(i) : rc.edge;
        if (edge) {
          const g = edgeGap(this.model.outlineBox, courtyardAt(this.model.items[i]!, p), edge);
          if (Math.abs(g - this.edgeClr) > 1e-6) v += Math.abs(g - this.edgeClr);
          if (rc.facing && (p.side !== 'top' || p.rotation_deg !== rotationFacing(rc.facing, edge))) v += 5;
        }
      }
      if (rc.near) {
        const d = nearDistance(this.model, rc, at);
        if (d !== null && d > rc.near.maxMm + 1e-9) v += d - rc.near.maxMm;
      }
      if (rc.apart && rc.item !== null) {
        const a = at(rc.item);
        const b = at(rc.apart.item);
        if (a && b) {
          const d = rectDistance(courtyardAt(this.model.items[rc.item]!, a), courtyardAt(this.model.items[rc.apart.item]!, b));
          if (d < rc.apart.minMm - 1e-9) v += rc.apart.minMm - d;
        }
      }
    }
    return v;
  }

  /** The footprint side that must face out, for parts with such a constraint. */
  facingOf(i: number): LocalDir | null {
    for (const k of this.consOf[i]!) {
      const rc = this.cons[k]!;
      if (rc.item === i && rc.facing !== null && !rc.problem) return rc.facing;
    }
    return null;
  }
}

/** The origin that puts the courtyard exactly at the edge clearance of the named edge. */
export function snapToEdge(st: PlaceState, i: number, p: Placement, edge: 'left' | 'right' | 'top' | 'bottom'): Placement {
  const r = courtyardAt(st.model.items[i]!, p);
  const g = edgeGap(st.model.outlineBox, r, edge) - st.edgeClr;
  if (edge === 'left') return { ...p, x_mm: p.x_mm - g };
  if (edge === 'right') return { ...p, x_mm: p.x_mm + g };
  if (edge === 'top') return { ...p, y_mm: p.y_mm - g };
  return { ...p, y_mm: p.y_mm + g };
}

export function edgeOf(st: PlaceState, i: number): Edge | null {
  for (const k of st.consOf[i]!) {
    const rc = st.cons[k]!;
    if (rc.item === i && rc.edge && !rc.problem) return rc.edge === 'any' ? (st.edgeChoice.get(i) ?? null) : rc.edge;
  }
  return null;
}

/** Whether item i must go on some edge of the placer's choosing. */
export function wantsAnyEdge(st: PlaceState, i: number): boolean {
  return st.consOf[i]!.some((k) => st.cons[k]!.item === i && st.cons[k]!.edge === 'any' && !st.cons[k]!.problem);
}
