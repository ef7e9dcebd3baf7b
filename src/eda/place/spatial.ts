import type { Rect } from '../board/index.js';

/**
 * A uniform bucket grid over rectangles, for the placer's overlap queries while parts move.
 * (Flatbush is static; annealing moves one part at a time, so a grid that updates in O(cells)
 * fits better.)
 */
export class RectIndex {
  private readonly cells = new Map<number, Set<number>>();
  /** Rect per id (ids are small item indexes), undefined when not in the index. */
  private readonly rects: (Rect | undefined)[] = [];

  constructor(
    private readonly cellMm: number,
    private readonly originX: number,
    private readonly originY: number,
  ) {}

  private keysOf(r: Rect): number[] {
    const i0 = Math.floor((r[0] - this.originX) / this.cellMm);
    const i1 = Math.floor((r[2] - this.originX) / this.cellMm);
    const j0 = Math.floor((r[1] - this.originY) / this.cellMm);
    const j1 = Math.floor((r[3] - this.originY) / this.cellMm);
    const out: number[] = [];
    for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) out.push((j + 4096) * 8192 + (i + 4096));
    return out;
  }

  insert(id: number, r: Rect): void {
    this.remove(id);
    while (this.rects.length <= id) this.rects.push(undefined);
    this.rects[id] = r;
    for (const k of this.keysOf(r)) {
      let s = this.cells.get(k);
      if (!s) this.cells.set(k, (s = new Set()));
      s.add(id);
    }
  }

  remove(id: number): void {
    const r = this.rects[id];
    if (!r) return;
    for (const k of this.keysOf(r)) this.cells.get(k)?.delete(id);
    this.rects[id] = undefined;
  }

  /** Ids whose rect comes closer than `gap` to r (open intervals: touching at exactly gap is fine). */
  query(r: Rect, gap: number): number[] {
    const q: Rect = [r[0] - gap, r[1] - gap, r[2] + gap, r[3] + gap];
    const found = new Set<number>();
    for (const k of this.keysOf(q)) {
      for (const id of this.cells.get(k) ?? []) {
        if (found.has(id)) continue;
        const o = this.rects[id]!;
        if (o[0] < q[2] - 1e-9 && q[0] < o[2] - 1e-9 && o[1] < q[3] - 1e-9 && q[1] < o[3] - 1e-9) found.add(id);
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
    const i0 = Math.floor((q0 - this.originX) / this.cellMm);
    const i1 = Math.floor((q2 - this.originX) / this.cellMm);
    const j0 = Math.floor((q1 - this.originY) / this.cellMm);
    const j1 = Math.floor((q3 - this.originY) / this.cellMm);
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const cell = this.cells.get((j + 4096) * 8192 + (i + 4096));
        if (!cell) continue;
        for (const id of cell) {
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
