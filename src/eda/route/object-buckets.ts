import { objectBounds, type GridObject } from './grid.js';

/**
 * A uniform bucket grid over the router's laid copper (tracks and vias), kept up to date as paths
 * are committed and ripped up, so the exact checks of entry segments look only at copper near a
 * pad instead of every net's every segment. Flatbush would need a rebuild per change; rip-up
 * changes copper all the time, and a bucket grid updates in O(cells of the object).
 */
export class ObjectBuckets {
  private readonly cells = new Map<number, Set<GridObject>>();

  constructor(
    private readonly cellMm: number,
    private readonly originX: number,
    private readonly originY: number,
  ) {}

  private range(x0: number, y0: number, x1: number, y1: number): [number, number, number, number] {
    const c = this.cellMm;
    return [Math.floor((x0 - this.originX) / c), Math.floor((y0 - this.originY) / c), Math.floor((x1 - this.originX) / c), Math.floor((y1 - this.originY) / c)];
  }

  private static key(i: number, j: number): number {
    return (j + 32768) * 65536 + (i + 32768);
  }

  add(o: GridObject): void {
    const b = objectBounds(o);
    const [i0, j0, i1, j1] = this.range(b[0], b[1], b[2], b[3]);
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const k = ObjectBuckets.key(i, j);
        let s = this.cells.get(k);
        if (!s) this.cells.set(k, (s = new Set()));
        s.add(o);
      }
    }
  }

  remove(o: GridObject): void {
    const b = objectBounds(o);
    const [i0, j0, i1, j1] = this.range(b[0], b[1], b[2], b[3]);
    for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) this.cells.get(ObjectBuckets.key(i, j))?.delete(o);
  }

  /** Objects not of net `skipNet` whose bounds come within `margin` of the box (each once, in no set order). */
  near(x0: number, y0: number, x1: number, y1: number, margin: number, skipNet: number): GridObject[] {
    const [i0, j0, i1, j1] = this.range(x0 - margin, y0 - margin, x1 + margin, y1 + margin);
    const out = new Set<GridObject>();
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const s = this.cells.get(ObjectBuckets.key(i, j));
        if (!s) continue;
        for (const o of s) {
          if (o.net === skipNet || out.has(o)) continue;
          const b = objectBounds(o);
          if (b[0] > x1 + margin || b[2] < x0 - margin || b[1] > y1 + margin || b[3] < y0 - margin) continue;
          out.add(o);
        }
      }
    }
    return [...out];
  }
}
