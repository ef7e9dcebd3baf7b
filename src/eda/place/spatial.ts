import type { Rect } from '../board/index.js';

/**
 * A uniform bucket grid over rectangles, for the placer's overlap queries while parts move.
 * (Flatbush is static; annealing moves one part at a time, so a grid that updates in O(cells)
 * fits better.) A cell holds its ids in a plain array, in no set order: every query either sorts
 * its answer or only says whether something is there.
 */
export class RectIndex {
  private readonly cells = new Map<number, number[]>();
  /** Rect per id (ids are small item indexes), undefined when not in the index. */
  private readonly rects: (Rect | undefined)[] = [];

  constructor(
    private readonly cellMm: number,
    private readonly originX: number,
    private readonly originY: number,
  ) {}

  private static key(i: number, j: number): number {
    return (j + 4096) * 8192 + (i + 4096);
  }

  /** Grid column holding x (mm); with `row`, the one cell formula insert, remove and the queries share. */
  private col(x: number): number {
    return Math.floor((x - this.originX) / this.cellMm);
  }

  /** Grid row holding y (mm). */
  private row(y: number): number {
    return Math.floor((y - this.originY) / this.cellMm);
  }

  insert(id: number, r: Rect): void {
    this.remove(id);
    while (this.rects.length <= id) this.rects.push(undefined);
    this.rects[id] = r;
    const i0 = this.col(r[0]);
    const i1 = this.col(r[2]);
    const j0 = this.row(r[1]);
    const j1 = this.row(r[3]);
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const k = RectIndex.key(i, j);
        const cell = this.cells.get(k);
        if (cell) cell.push(id);
        else this.cells.set(k, [id]);
      }
    }
  }

  remove(id: number): void {
    const r = this.rects[id];
    if (!r) return;
    const i0 = this.col(r[0]);
    const i1 = this.col(r[2]);
    const j0 = this.row(r[1]);
    const j1 = this.row(r[3]);
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const cell = this.cells.get(RectIndex.key(i, j));
        if (!cell) continue;
        const at = cell.indexOf(id);
        if (at < 0) continue;
        cell[at] = cell[cell.length - 1]!;
        cell.pop();
      }
    }
    this.rects[id] = undefined;
  }

  /** Ids whose rect comes closer than `gap` to r (open intervals: touching at exactly gap is fine), ascending. */
  query(r: Rect, gap: number): number[] {
    const q: Rect = [r[0] - gap, r[1] - gap, r[2] + gap, r[3] + gap];
    const found = new Set<number>();
    const i0 = this.col(q[0]);
    const i1 = this.col(q[2]);
    const j0 = this.row(q[1]);
    const j1 = this.row(q[3]);
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        for (const id of this.cells.get(RectIndex.key(i, j)) ?? []) {
          if (found.has(id)) continue;
          const o = this.rects[id]!;
          if (o[0] < q[2] - 1e-9 && q[0] < o[2] - 1e-9 && o[1] < q[3] - 1e-9 && q[1] < o[3] - 1e-9) found.add(id);
        }
      }
    }
    return [...found].sort((a, b) => a - b);
  }

  /** Whether any rect for which `counts(id)` holds comes closer than `gap` (no allocation per hit). */
  any(r: Rect, gap: number, counts: (id: number) => boolean): boolean {
    const q0 = r[0] - gap;
    const q1 = r[1] - gap;
    const q2 = r[2] + gap;
    const q3 = r[3] + gap;
    const i0 = this.col(q0);
    const i1 = this.col(q2);
    const j0 = this.row(q1);
    const j1 = this.row(q3);
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const cell = this.cells.get(RectIndex.key(i, j));
        if (!cell) continue;
        for (let c = 0; c < cell.length; c++) {
          const id = cell[c]!;
          const o = this.rects[id]!;
          if (o[0] < q2 - 1e-9 && q0 < o[2] - 1e-9 && o[1] < q3 - 1e-9 && q1 < o[3] - 1e-9 && counts(id)) return true;
        }
      }
    }
    return false;
  }

  get(id: number): Rect | undefined {
    return this.rects[id];
  }
}
