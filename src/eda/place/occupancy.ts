import type { Rect } from '../board/index.js';

/**
 * A cell map of where no part origin can go, for the constructive pass's ring search
 * (`./constructive.ts`). Each cell counts the placed courtyards — grown by the courtyard gap —
 * that cover the whole cell. A part whose origin lies strictly inside its own courtyard cannot
 * stand with its origin in a covered cell: its courtyard would share that point with the grown
 * courtyard, which `PlaceState.legal` forbids. So one array read rejects a candidate for all four
 * rotations and both sides, where the exact test costs a rectangle transform and a bucket-grid
 * query per rotation; on crowded boards most ring candidates are rejected this way.
 * Conservative: only fully covered cells count, so it never rejects a legal position.
 */
export class Occupancy {
  private readonly cols: number;
  private readonly rows: number;
  private readonly counts: Uint16Array;
  /**
   * One bit per cell, set while its count is positive: what `blocked` reads. The ring search
   * reads cells all over the board, and 1 bit per cell stays in cache where 2 bytes do not.
   */
  private readonly covered: Uint32Array;

  constructor(
    private readonly box: Rect,
    private readonly cellMm: number,
    private readonly grow: number,
  ) {
    this.cols = Math.max(1, Math.ceil((box[2] - box[0]) / cellMm));
    this.rows = Math.max(1, Math.ceil((box[3] - box[1]) / cellMm));
    this.counts = new Uint16Array(this.cols * this.rows);
    this.covered = new Uint32Array(Math.ceil((this.cols * this.rows) / 32));
  }

  /** The cells lying wholly inside the grown rect (slightly shrunk, so touching never counts). */
  private span(r: Rect): [number, number, number, number] {
    const e = 1e-6;
    const x0 = r[0] - this.grow + e;
    const y0 = r[1] - this.grow + e;
    const x1 = r[2] + this.grow - e;
    const y1 = r[3] + this.grow - e;
    const i0 = Math.max(0, Math.ceil((x0 - this.box[0]) / this.cellMm));
    const j0 = Math.max(0, Math.ceil((y0 - this.box[1]) / this.cellMm));
    const i1 = Math.min(this.cols, Math.floor((x1 - this.box[0]) / this.cellMm));
    const j1 = Math.min(this.rows, Math.floor((y1 - this.box[1]) / this.cellMm));
    return [i0, j0, i1, j1];
  }

  add(r: Rect, delta: 1 | -1): void {
    const [i0, j0, i1, j1] = this.span(r);
    for (let j = j0; j < j1; j++) {
      const row = j * this.cols;
      for (let i = i0; i < i1; i++) {
        const c = row + i;
        this.counts[c] = this.counts[c]! + delta;
        if (this.counts[c]! > 0) this.covered[c >>> 5] = this.covered[c >>> 5]! | (1 << (c & 31));
        else this.covered[c >>> 5] = this.covered[c >>> 5]! & ~(1 << (c & 31));
      }
    }
  }

  /** Whether the point lies in a covered cell (then no origin-inside-courtyard part fits there). */
  blocked(x: number, y: number): boolean {
    const i = Math.floor((x - this.box[0]) / this.cellMm);
    const j = Math.floor((y - this.box[1]) / this.cellMm);
    if (i < 0 || j < 0 || i >= this.cols || j >= this.rows) return false;
    const c = j * this.cols + i;
    return (this.covered[c >>> 5]! & (1 << (c & 31))) !== 0;
  }
}
