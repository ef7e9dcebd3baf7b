import { hypot2, pointShapeDist, segShapeDist, shapeBounds, type Shape } from './geometry.js';
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

const DIR_X = Int32Array.from(DIRS, (d) => d[0]);
const DIR_Y = Int32Array.from(DIRS, (d) => d[1]);

/** A growable list of indexes in a typed array (footprints run to thousands of entries). */
class IndexList {
  buf = new Int32Array(64);
  size = 0;
  push(v: number): void {
    if (this.size === this.buf.length) this.grow(this.size + 1);
    this.buf[this.size++] = v;
  }
  grow(min: number): void {
    const b = new Int32Array(Math.max(min, this.buf.length * 2));
    b.set(this.buf.subarray(0, this.size));
    this.buf = b;
  }
  /** Appends another list's entries; returns where they start. */
  append(o: IndexList): number {
    const at = this.size;
    if (this.size + o.size > this.buf.length) this.grow(this.size + o.size);
    this.buf.set(o.buf.subarray(0, o.size), at);
    this.size += o.size;
    return at;
  }
}

export interface GridObject {
  /** Net index, −1 for copper on no net / board edge / keep-out. */
  net: number;
  /** Layer indexes it is on. */
  layers: number[];
  shape: Shape;
  /** Clearance the object itself demands (its class); the larger of both classes applies. */
  clearanceMm: number;
  /** When set, the distance used is exactly this (board edge, keep-outs) instead of max(classes). */
  fixedClearanceMm?: number | undefined;
  /** Whether vias are blocked by it (false for track-only keep-outs). */
  blocksVias: boolean;
  /** Whether tracks are blocked by it (false for via-only keep-outs). */
  blocksTracks: boolean;
  /** Slack added to the required distance to absorb rounding of off-grid coordinates. */
  marginMm: number;
  dynamic: boolean;
  /**
   * Where the edge and via indexes it blocks lie in the grid's footprint pool, per class k:
   * edges at [4k, 4k+1), vias at [4k+2, 4k+3). Computed on first marking (rip-up re-marks often);
   * one pool instead of a typed array per object keeps the garbage collector's work small.
   */
  footprint?: Int32Array | undefined;
  /** Bounding box of the shape, computed on first need (`objectBounds`). */
  bounds?: Bounds | undefined;
}

export type Bounds = [number, number, number, number];

/**
 * A grid object with every field present, in one order: objects built this way share one hidden
 * class, so the marking and clearance loops that read thousands of them stay monomorphic (lazily
 * added fields used to give pads, board edges and tracks different shapes).
 */
export function gridObject(o: Omit<GridObject, 'footprint' | 'bounds'>): GridObject {
  return {
    net: o.net,
    layers: o.layers,
    shape: o.shape,
    clearanceMm: o.clearanceMm,
    fixedClearanceMm: o.fixedClearanceMm,
    blocksVias: o.blocksVias,
    blocksTracks: o.blocksTracks,
    marginMm: o.marginMm,
    dynamic: o.dynamic,
    footprint: undefined,
    bounds: undefined,
  };
}

/** The object's shape bounds, cached on the object: the exact checks' box tests ask for it often. */
export function objectBounds(o: GridObject): Bounds {
  return (o.bounds ??= shapeBounds(o.shape));
}

export interface ClassArrays {
  cls: RouteClass;
  /**
   * Whether the via arrays are kept: a class only used for necking down (narrower tracks next to
   * a net's own pads) never places vias, so its via arrays stay empty and unmarked.
   */
  vias: boolean;
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
    /** Per class, whether vias are ever searched with it (default: all). */
    viaClasses?: readonly boolean[],
  ) {
    this.nx = Math.floor(width / g + 1e-9) + 1;
    this.ny = Math.floor(height / g + 1e-9) + 1;
    this.n = this.nx * this.ny;
    this.layers = layers;
    this.classes = classes.map((cls, k) => {
      const vias = viaClasses?.[k] ?? true;
      return {
        cls,
        vias,
        staticEdge: new Uint16Array(this.n * layers * 4),
        dynEdge: new Uint16Array(this.n * layers * 4),
        staticVia: new Uint16Array(vias ? this.n : 0),
        dynVia: new Uint16Array(vias ? this.n : 0),
      };
    });
    this.holeBan = new Uint16Array(this.n);
    this.scratchEdges = this.classes.map(() => new IndexList());
    this.scratchVias = this.classes.map(() => new IndexList());
    this.scratchTrack = new Float64Array(this.classes.length);
    this.scratchVia = new Float64Array(this.classes.length);
    this.scratchBox = new Int32Array(4 * this.classes.length);
    this.hasVias = this.classes.map((ca) => ca.vias);
  }

  /** Every footprint's indexes, back to back (see GridObject.footprint). */
  private readonly pool = new IndexList();
  private readonly scratchEdges: IndexList[];
  private readonly scratchVias: IndexList[];
  // footprintsOf's per-call scratch (it runs once per object: thousands of times per board)
  private readonly scratchTrack: Float64Array;
  private readonly scratchVia: Float64Array;
  private readonly scratchBox: Int32Array;
  private readonly scratchSeg = new Float64Array(4);
  private readonly hasVias: boolean[];

  x(i: number): number {
    return this.x0 + i * this.g;
  }
  y(j: number): number {
    return this.y0 + j * this.g;
  }

  /** Adds (sign 1) or removes (sign −1) an object's blocking. */
  mark(obj: GridObject, sign: 1 | -1): void {
    const fp = (obj.footprint ??= this.footprintsOf(obj));
    const pool = this.pool.buf;
    for (let k = 0; k < this.classes.length; k++) {
      const ca = this.classes[k]!;
      const edges = obj.dynamic ? ca.dynEdge : ca.staticEdge;
      const vias = obj.dynamic ? ca.dynVia : ca.staticVia;
      for (let x = fp[4 * k]!, end = fp[4 * k + 1]!; x < end; x++) edges[pool[x]!]! += sign;
      for (let x = fp[4 * k + 2]!, end = fp[4 * k + 3]!; x < end; x++) vias[pool[x]!]! += sign;
    }
  }

  /**
   * The edges (all layers of the object) and via nodes an object blocks, for every class in one
   * sweep: each distance is measured once and compared with each class's reach.
   */
  private footprintsOf(obj: GridObject): Int32Array {
    const [bx0, by0, bx1, by1] = objectBounds(obj);
    const g = this.g;
    const diag = g * Math.SQRT2 + 1e-9;
    const nc = this.classes.length;
    const rTrack = this.scratchTrack;
    const rVia = this.scratchVia;
    // per class: the node box its own reach gives (i0, i1, j0, j1)
    const box = this.scratchBox;
    let maxTrack = -Infinity;
    let i0 = this.nx;
    let i1 = -1;
    let j0 = this.ny;
    let j1 = -1;
    for (let k = 0; k < nc; k++) {
      const { cls } = this.classes[k]!;
      const clr = obj.fixedClearanceMm ?? Math.max(cls.clearanceMm, obj.clearanceMm);
      rTrack[k] = cls.traceWidthMm / 2 + clr + obj.marginMm;
      rVia[k] = cls.viaDiameterMm / 2 + clr + obj.marginMm;
      maxTrack = Math.max(maxTrack, rTrack[k]!);
      const r = Math.max(obj.blocksTracks ? rTrack[k]! : 0, obj.blocksVias && this.classes[k]!.vias ? rVia[k]! : 0);
      box[4 * k] = Math.max(0, Math.floor((bx0 - r - this.x0) / g) - 1);
      box[4 * k + 1] = Math.min(this.nx - 1, Math.ceil((bx1 + r - this.x0) / g) + 1);
      box[4 * k + 2] = Math.max(0, Math.floor((by0 - r - this.y0) / g) - 1);
      box[4 * k + 3] = Math.min(this.ny - 1, Math.ceil((by1 + r - this.y0) / g) + 1);
      i0 = Math.min(i0, box[4 * k]!);
      i1 = Math.max(i1, box[4 * k + 1]!);
      j0 = Math.min(j0, box[4 * k + 2]!);
      j1 = Math.max(j1, box[4 * k + 3]!);
    }
    const edges = this.scratchEdges;
    const viaList = this.scratchVias;
    for (let k = 0; k < nc; k++) {
      edges[k]!.size = 0;
      viaList[k]!.size = 0;
    }
    const hasVias = this.hasVias;
    const layers = obj.layers;
    const nl = layers.length;
    const shape = obj.shape;
    const { blocksTracks, blocksVias } = obj;
    const seg = this.scratchSeg;
    // A capsule (a track) only comes near the nodes of a band along its axis: per row, the
    // nodes whose x lies within `rho` of the axis points within `rho` of the row (a superset of
    // every node any class could block; a diagonal track's box is mostly far from it).
    let maxVia = 0;
    for (let k = 0; k < nc; k++) if (blocksVias && hasVias[k]) maxVia = Math.max(maxVia, rVia[k]!);
    const cap = shape.kind === 'capsule' ? shape : null;
    const rho = cap ? cap.r + Math.max(blocksTracks ? maxTrack + diag : 0, maxVia) + g : 0;
    for (let j = j0; j <= j1; j++) {
      const y = this.y(j);
      let ia = i0;
      let ib = i1;
      if (cap) {
        const dy = cap.by - cap.ay;
        let t0 = 0;
        let t1 = 1;
        if (dy !== 0) {
          const ta = (y - rho - cap.ay) / dy;
          const tb = (y + rho - cap.ay) / dy;
          t0 = Math.max(0, Math.min(ta, tb));
          t1 = Math.min(1, Math.max(ta, tb));
        } else if (Math.abs(y - cap.ay) > rho) continue;
        if (t0 > t1) continue;
        const xa = cap.ax + t0 * (cap.bx - cap.ax);
        const xb = cap.ax + t1 * (cap.bx - cap.ax);
        ia = Math.max(i0, Math.floor((Math.min(xa, xb) - rho - this.x0) / g) - 1);
        ib = Math.min(i1, Math.ceil((Math.max(xa, xb) + rho - this.x0) / g) + 1);
      }
      for (let i = ia; i <= ib; i++) {
        const x = this.x(i);
        const node = j * this.nx + i;
        const dNode = pointShapeDist(x, y, shape);
        const far = !blocksTracks || dNode >= maxTrack + diag;
        if (far && !blocksVias) continue;
        seg[0] = seg[1] = seg[2] = seg[3] = -1;
        for (let k = 0; k < nc; k++) {
          if (i < box[4 * k]! || i > box[4 * k + 1]! || j < box[4 * k + 2]! || j > box[4 * k + 3]!) continue;
          if (blocksVias && hasVias[k] && dNode < rVia[k]!) viaList[k]!.push(node);
          if (far) continue;
          // An edge is at most g·√2 long: from a node this far away none of its edges can come near.
          const rt = rTrack[k]!;
          if (dNode >= rt + diag) continue;
          for (let d = 0; d < 4; d++) {
            const i2 = i + DIR_X[d]!;
            const j2 = j + DIR_Y[d]!;
            if (i2 < 0 || i2 >= this.nx || j2 >= this.ny) continue;
            if (dNode >= rt) {
              if (seg[d]! < 0) seg[d] = segShapeDist(x, y, this.x(i2), this.y(j2), shape);
              if (seg[d]! >= rt) continue;
            }
            for (let l = 0; l < nl; l++) edges[k]!.push((layers[l]! * this.n + node) * 4 + d);
          }
        }
      }
    }
    const fp = new Int32Array(4 * nc);
    for (let k = 0; k < nc; k++) {
      fp[4 * k] = this.pool.append(edges[k]!);
      fp[4 * k + 1] = this.pool.size;
      fp[4 * k + 2] = this.pool.append(viaList[k]!);
      fp[4 * k + 3] = this.pool.size;
    }
    return fp;
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
        if (hypot2(this.x(i) - cx, this.y(j) - cy) < reach) this.holeBan[j * this.nx + i]! += sign;
      }
    }
  }

  /** Blocks every edge touching a node, and the via there (keep-out interiors). */
  blockNode(i: number, j: number, layers: number[], tracks: boolean, vias: boolean): void {
    const node = j * this.nx + i;
    for (const ca of this.classes) {
      if (vias && ca.vias) ca.staticVia[node]! += 1;
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
