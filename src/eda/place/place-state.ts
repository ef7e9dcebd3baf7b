import type { Design, Placement } from '../model/design.js';
import { footprintToWorld, type Rect } from '../board/index.js';
import { edgeGap, nearDistance, type ResolvedConstraint } from './constraints.js';
import { courtyardAt, rectInsidePolygon, rectOverlapsPolygon, type PlaceModel } from './model.js';
import { RectIndex } from './spatial.js';
import { Occupancy } from './occupancy.js';

/**
 * The state zt-place-1 works on (see `./index.ts`): current positions, the overlap index, the
 * wire-length bookkeeping and the legality tests that the constructive pass (`./constructive.ts`)
 * and the annealer (`./anneal.ts`) share.
 */

export const ROTATIONS = [0, 90, 180, 270] as const;

export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

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
  private readonly clashes = (j: number): boolean => {
    if (j === this.testItem || (this.testIgnore.length > 0 && this.testIgnore.includes(j))) return false;
    return this.pos[j]!.side === this.testSide || this.model.items[this.testItem]!.throughHole || this.model.items[j]!.throughHole;
  };

  constructor(
    readonly model: PlaceModel,
    readonly design: Design,
    readonly cons: ResolvedConstraint[],
    readonly gap: number,
    readonly edgeClr: number,
    readonly anchor: 'centre' | 'corner' = 'centre',
  ) {
    this.pos = model.items.map(() => null);
    const ob = model.outlineBox;
    this.rectOutline =
      model.outline.length === 4 && model.outline.every(([x, y]) => (x === ob[0] || x === ob[2]) && (y === ob[1] || y === ob[3]));
    this.index = new RectIndex(5, model.outlineBox[0], model.outlineBox[1]);
    this.netsOf = model.items.map(() => []);
    model.nets.forEach((n, k) => {
      for (const t of n.terminals) if (!this.netsOf[t.item]!.includes(k)) this.netsOf[t.item]!.push(k);
    });
    this.consOf = model.items.map(() => []);
    cons.forEach((c, k) => {
      if (c.item !== null) this.consOf[c.item]!.push(k);
      if (c.near?.item !== null && c.near?.item !== undefined && c.near.item !== c.item) this.consOf[c.near.item]!.push(k);
    });
  }

  set(i: number, p: Placement | null): void {
    if (this.occupancy) {
      const old = this.pos[i];
      if (old && this.blocksTop(i, old)) this.occupancy.add(courtyardAt(this.model.items[i]!, old), -1);
      if (p && this.blocksTop(i, p)) this.occupancy.add(courtyardAt(this.model.items[i]!, p), 1);
    }
    this.pos[i] = p;
    if (p) this.index.insert(i, courtyardAt(this.model.items[i]!, p));
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
    return this.occupancy !== null && this.model.items[i]!.originInside && this.occupancy.blocked(x, y);
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
      const w = footprintToWorld(this.model.items[t.item]!.pads[t.pad]!.local, p);
      if (w[0] < x0) x0 = w[0];
      if (w[0] > x1) x1 = w[0];
      if (w[1] < y0) y0 = w[1];
      if (w[1] > y1) y1 = w[1];
    }
    return x1 >= x0 ? x1 - x0 + (y1 - y0) : 0;
  }

  costOf(items: number[]): number {
    const nets = new Set<number>();
    for (const i of items) for (const k of this.netsOf[i]!) nets.add(k);
    let c = 0;
    for (const k of nets) c += this.netCost(k);
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
    const r = courtyardAt(it, p);
    const m = this.model;
    const b = m.outlineBox;
    const e = this.edgeClr - 1e-9;
    if (r[0] < b[0] + e || r[1] < b[1] + e || r[2] > b[2] - e || r[3] > b[3] - e) return false;
    this.testItem = i;
    this.testSide = p.side;
    this.testIgnore = ignore;
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
    const at = (k: number) => (k === i ? p : (this.pos[k] ?? null));
    for (const k of this.consOf[i]!) {
      const rc = this.cons[k]!;
      if (rc.problem) continue;
      if (rc.edge && rc.item === i) {
        const g = edgeGap(this.model.outlineBox, courtyardAt(this.model.items[i]!, p), rc.edge);
        if (Math.abs(g - this.edgeClr) > 1e-6) return false;
      }
      if (rc.near) {
        const d = nearDistance(this.model, rc, at);
        if (d !== null && d > rc.near.maxMm + 1e-9) return false;
      }
    }
    return true;
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

export function edgeOf(st: PlaceState, i: number): 'left' | 'right' | 'top' | 'bottom' | null {
  for (const k of st.consOf[i]!) {
    const rc = st.cons[k]!;
    if (rc.item === i && rc.edge && !rc.problem) return rc.edge;
  }
  return null;
}
