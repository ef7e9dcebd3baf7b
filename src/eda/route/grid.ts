import { segShapeDist, shapeBounds, type Shape } from './geometry.js';
import type { RouteClass } from './types.js';

/**
 * The routing grid. A track may run along any grid edge of the 8-neighbourhood (90° and 45°
 * moves). Whether an edge is usable is decided by the TRUE distance from the edge's segment to
 * every copper object of another net (not by the node alone), so any chain of free edges is a
 * track whose capsule keeps the class clearance — the property kicad-cli's DRC checks.
 *
 * Blocking is kept as counts per (class, layer, node, direction) so objects can be added and
 * removed (rip-up) incrementally: static copper (pads, board edge, keep-outs) and dynamic copper
 * (tracks, vias) in separate arrays, because rip-up negotiation may cross dynamic copper only.
 */

/** Forward edge directions from node (i, j): E, S, SE, SW. */
export const DIRS: readonly [number, number][] = [
  [1, 0],
  [0, 1],
  [1, 1],
  [-1, 1],
];

export interface GridObject {
  /** Net index, −1 for copper on no net / board edge / keep-out. */
  net: number;
  /** Layer indexes it is on. */
  layers: number[];
  shape: Shape;
  /** Clearance the object itself demands (its class); the larger of both classes applies. */
  clearanceMm: number;
  /** When set, the distance used is exactly this (board edge, keep-outs) instead of max(classes). */
  fixedClearanceMm?: number;
  /** Whether vias are blocked by it (false for track-only keep-outs). */
  blocksVias: boolean;
  /** Whether tracks are blocked by it (false for via-only keep-outs). */
  blocksTracks: boolean;
  /** Slack added to the required distance to absorb rounding of off-grid coordinates. */
  marginMm: number;
  dynamic: boolean;
  /** Edge and via indexes it blocks, per class, computed on first marking (rip-up re-marks often). */
  footprint?: { edges: Int32Array; vias: Int32Array }[];
}

export interface ClassArrays {
  cls: RouteClass;
  staticEdge: Uint16Array;
  dynEdge: Uint16Array;
  staticVia: Uint16Array;
  dynVia: Uint16Array;
}

export class RouteGrid {
  readonly nx: number;
  readonly ny: number;
  readonly n: number;
  readonly layers: number;
  readonly classes: ClassArrays[];
  /** Vias banned by hole-to-hole clearance (any net), counts. */
  readonly holeBan: Uint16Array;

  constructor(
    readonly x0: number,
    readonly y0: number,
    readonly g: number,
    width: number,
    height: number,
    layers: number,
    classes: RouteClass[],
  ) {
    this.nx = Math.floor(width / g + 1e-9) + 1;
    this.ny = Math.floor(height / g + 1e-9) + 1;
    this.n = this.nx * this.ny;
    this.layers = layers;
    this.classes = classes.map((cls) => ({
      cls,
      staticEdge: new Uint16Array(this.n * layers * 4),
      dynEdge: new Uint16Array(this.n * layers * 4),
      staticVia: new Uint16Array(this.n),
      dynVia: new Uint16Array(this.n),
    }));
    this.holeBan = new Uint16Array(this.n);
  }

  x(i: number): number {
    return this.x0 + i * this.g;
  }
  y(j: number): number {
    return this.y0 + j * this.g;
  }

  /** Adds (sign 1) or removes (sign −1) an object's blocking. */
  mark(obj: GridObject, sign: 1 | -1): void {
    if (!obj.footprint) obj.footprint = this.classes.map((_, k) => this.footprintOf(obj, k));
    for (let k = 0; k < this.classes.length; k++) {
      const ca = this.classes[k]!;
      const fp = obj.footprint[k]!;
      const edges = obj.dynamic ? ca.dynEdge : ca.staticEdge;
      const vias = obj.dynamic ? ca.dynVia : ca.staticVia;
      for (let x = 0; x < fp.edges.length; x++) edges[fp.edges[x]!]! += sign;
      for (let x = 0; x < fp.vias.length; x++) vias[fp.vias[x]!]! += sign;
    }
  }

  /** The edges (all layers of the object) and via nodes an object blocks for class k. */
  private footprintOf(obj: GridObject, k: number): { edges: Int32Array; vias: Int32Array } {
    const [bx0, by0, bx1, by1] = shapeBounds(obj.shape);
    const diag = this.g * Math.SQRT2 + 1e-9;
    const { cls } = this.classes[k]!;
    const clr = obj.fixedClearanceMm ?? Math.max(cls.clearanceMm, obj.clearanceMm);
    const rTrack = cls.traceWidthMm / 2 + clr + obj.marginMm;
    const rVia = cls.viaDiameterMm / 2 + clr + obj.marginMm;
    const reach = Math.max(obj.blocksTracks ? rTrack : 0, obj.blocksVias ? rVia : 0);
    const i0 = Math.max(0, Math.floor((bx0 - reach - this.x0) / this.g) - 1);
    const i1 = Math.min(this.nx - 1, Math.ceil((bx1 + reach - this.x0) / this.g) + 1);
    const j0 = Math.max(0, Math.floor((by0 - reach - this.y0) / this.g) - 1);
    const j1 = Math.min(this.ny - 1, Math.ceil((by1 + reach - this.y0) / this.g) + 1);
    const edges: number[] = [];
    const vias: number[] = [];
    for (let j = j0; j <= j1; j++) {
      const y = this.y(j);
      for (let i = i0; i <= i1; i++) {
        const x = this.x(i);
        const node = j * this.nx + i;
        const dNode = segShapeDist(x, y, x, y, obj.shape);
        if (obj.blocksVias && dNode < rVia) vias.push(node);
        if (!obj.blocksTracks) continue;
        // An edge is at most g·√2 long: from a node this far away none of its edges can come near.
        if (dNode >= rTrack + diag) continue;
        for (let d = 0; d < 4; d++) {
          const dir = DIRS[d]!;
          const i2 = i + dir[0];
          const j2 = j + dir[1];
          if (i2 < 0 || i2 >= this.nx || j2 >= this.ny) continue;
          if (dNode >= rTrack && segShapeDist(x, y, this.x(i2), this.y(j2), obj.shape) >= rTrack) continue;
          for (const L of obj.layers) edges.push((L * this.n + node) * 4 + d);
        }
      }
    }
    return { edges: Int32Array.from(edges), vias: Int32Array.from(vias) };
  }

  /** Bans (sign 1) or releases vias near a hole of radius holeR, whatever the net. */
  markHole(cx: number, cy: number, holeR: number, maxViaDrill: number, holeClearance: number, sign: 1 | -1): void {
    const reach = holeR + maxViaDrill / 2 + holeClearance;
    const i0 = Math.max(0, Math.floor((cx - reach - this.x0) / this.g));
    const i1 = Math.min(this.nx - 1, Math.ceil((cx + reach - this.x0) / this.g));
    const j0 = Math.max(0, Math.floor((cy - reach - this.y0) / this.g));
    const j1 = Math.min(this.ny - 1, Math.ceil((cy + reach - this.y0) / this.g));
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        if (Math.hypot(this.x(i) - cx, this.y(j) - cy) < reach) this.holeBan[j * this.nx + i]! += sign;
      }
    }
  }

  /** Blocks every edge touching a node, and the via there (keep-out interiors). */
  blockNode(i: number, j: number, layers: number[], tracks: boolean, vias: boolean): void {
    const node = j * this.nx + i;
    for (const ca of this.classes) {
      if (vias) ca.staticVia[node]! += 1;
      if (!tracks) continue;
      for (let d = 0; d < 4; d++) {
        const dir = DIRS[d]!;
        // forward edge from this node, and the same-direction edge arriving here
        const froms: [number, number][] = [
          [i, j],
          [i - dir[0], j - dir[1]],
        ];
        for (const [fi, fj] of froms) {
          if (fi < 0 || fj < 0 || fi >= this.nx || fj >= this.ny) continue;
          const ti = fi + dir[0];
          const tj = fj + dir[1];
          if (ti < 0 || tj < 0 || ti >= this.nx || tj >= this.ny) continue;
          for (const L of layers) ca.staticEdge[(L * this.n + fj * this.nx + fi) * 4 + d]! += 1;
        }
      }
    }
  }

  /**
   * Index of the grid edge between two 8-neighbour nodes of layer L, in the per-class edge arrays:
   * edges are stored once, at the node they leave in one of the four forward DIRS.
   */
  edgeBetween(L: number, i: number, j: number, i2: number, j2: number): number {
    const dx = i2 - i;
    const dy = j2 - j;
    for (let d = 0; d < 4; d++) {
      const dir = DIRS[d]!;
      if (dir[0] === dx && dir[1] === dy) return (L * this.n + j * this.nx + i) * 4 + d;
      if (dir[0] === -dx && dir[1] === -dy) return (L * this.n + j2 * this.nx + i2) * 4 + d;
    }
    throw new Error('nodes are not 8-neighbours');
  }

  nearestNode(x: number, y: number): [number, number] {
    const i = Math.min(this.nx - 1, Math.max(0, Math.round((x - this.x0) / this.g)));
    const j = Math.min(this.ny - 1, Math.max(0, Math.round((y - this.y0) / this.g)));
    return [i, j];
  }
}
