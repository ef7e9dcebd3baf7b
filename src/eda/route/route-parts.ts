import { invalidInput } from '../../kernel/errors.js';
import { UnionFind } from '../../kernel/union-find.js';
import { boundsOf } from '../board/transform.js';
import { capsule, oval, pointInPoly, pointInShape, rotatedRect, roundedRect, segShapeDist, shapeBounds, type Shape } from './geometry.js';
import { gridObject, type GridObject, type RouteGrid } from './grid.js';
import type { PadAccess } from './pad-access.js';
import type { RouteClass, RouteProblem, RoutedTrack, RoutedVia, UnroutedReason, XY } from './types.js';

/**
 * The pieces of zt-route-1 around the search: terminals (pad access), spanning trees, turning a
 * state path into tracks and vias, and the static set-up of outline and keep-outs.
 */

/** Required-distance slack: on-grid tracks are exact in nm; off-grid shapes get 0.1 µm. */
export const MARGIN_OFFGRID = 1e-4;
export const MARGIN_ONGRID = 1e-7;

export interface Point {
  x: number;
  y: number;
  layers: number[];
  pad: number | null;
  label: string;
}

export interface Conn {
  net: number;
  a: number;
  b: number;
  lengthMm: number;
  status: 'pending' | 'routed' | 'failed';
  reason?: UnroutedReason;
}

export interface PathRecord {
  /** A point of the component this copper belongs to. */
  point: number;
  states: number[];
  objects: GridObject[];
  holes: XY[];
  tracks: RoutedTrack[];
  vias: RoutedVia[];
}

export interface NetState {
  name: string;
  cls: number;
  /** Class index of the neck-down copy of `cls` (narrower track, same clearance), if any. */
  neck: number | null;
  /** Grid nodes near the net's own pads where the neck may be used, computed on first need. */
  neckZone: Int32Array | null;
  points: Point[];
  padObjects: GridObject[];
  paths: PathRecord[];
  /** Which of the net's points its laid copper already joins. */
  uf: UnionFind;
  /** For each point, the grid states inside its pad and its entry segments (pad-access.ts). */
  access: PadAccess[];
}

export function validate(p: RouteProblem): void {
  const { minX, minY, maxX, maxY } = p.bounds;
  if (![minX, minY, maxX, maxY].every(Number.isFinite) || maxX <= minX || maxY <= minY) throw invalidInput('bounds must be a non-empty finite rectangle', ['bounds']);
  if (p.layers.length < 1) throw invalidInput('at least one copper layer is needed', ['layers']);
  for (const [k, v] of Object.entries({ traceWidthMm: p.traceWidthMm, clearanceMm: p.clearanceMm, viaDiameterMm: p.viaDiameterMm, viaDrillMm: p.viaDrillMm })) {
    if (!(Number.isFinite(v) && v > 0)) throw invalidInput(`${k} must be a positive number`, [k]);
  }
  if (p.neckWidthMm !== undefined && !(Number.isFinite(p.neckWidthMm) && p.neckWidthMm > 0)) throw invalidInput('neckWidthMm must be a positive number', ['neckWidthMm']);
}

export function toShape(s: RouteProblem['obstacles'][number]['shape']): Shape {
  if (s.kind === 'circle') return capsule(s.center[0], s.center[1], s.center[0], s.center[1], s.diameterMm / 2);
  if (s.kind === 'oval') return oval(s.center[0], s.center[1], s.size[0], s.size[1], s.rotationDeg ?? 0);
  if (s.cornerRadiusMm) return roundedRect(s.center[0], s.center[1], s.size[0], s.size[1], s.rotationDeg ?? 0, s.cornerRadiusMm);
  return rotatedRect(s.center[0], s.center[1], s.size[0], s.size[1], s.rotationDeg ?? 0);
}

export function mst(points: { x: number; y: number }[]): [number, number, number][] {
  const n = points.length;
  if (n < 2) return [];
  const inTree = new Array<boolean>(n).fill(false);
  const best = new Array<number>(n).fill(Infinity);
  const from = new Array<number>(n).fill(-1);
  inTree[0] = true;
  let last = 0;
  const edges: [number, number, number][] = [];
  for (let step = 1; step < n; step++) {
    const a = points[last]!;
    for (let k = 0; k < n; k++) {
      if (inTree[k]) continue;
      const d = Math.hypot(points[k]!.x - a.x, points[k]!.y - a.y);
      if (d < best[k]!) {
        best[k] = d;
        from[k] = last;
      }
    }
    let pick = -1;
    for (let k = 0; k < n; k++) if (!inTree[k] && (pick < 0 || best[k]! < best[pick]!)) pick = k;
    inTree[pick] = true;
    edges.push([from[pick]!, pick, best[pick]!]);
    last = pick;
  }
  return edges;
}

/** Which same-layer steps of a path run at the neck width (decided from the grid at commit). */
export interface NeckUse {
  widthMm: number;
  narrow: (from: number, to: number) => boolean;
}

/** Turns a state path into merged track segments, vias and their grid objects; a width change splits a track. */
export function buildPath(
  grid: RouteGrid,
  layerNames: string[],
  netName: string,
  ni: number,
  cls: RouteClass,
  states: number[],
  srcStub: XY | null,
  dstStub: XY | null,
  neck: NeckUse | null = null,
): PathRecord {
  const rec: PathRecord = { point: -1, states, objects: [], holes: [], tracks: [], vias: [] };
  const xy = (s: number): XY => {
    const node = s % grid.n;
    const i = node % grid.nx;
    return [grid.x(i), grid.y((node - i) / grid.nx)];
  };
  const layerOf = (s: number) => Math.floor(s / grid.n);
  const narrowStep = (from: number, to: number): boolean => neck !== null && neck.narrow(from, to);
  const addTrack = (L: number, a: XY, b: XY, onGrid: boolean, widthMm = cls.traceWidthMm) => {
    if (a[0] === b[0] && a[1] === b[1]) return;
    rec.tracks.push({ net: netName, layer: layerNames[L]!, start: a, end: b, widthMm });
    rec.objects.push(gridObject({
      net: ni,
      layers: [L],
      shape: capsule(a[0], a[1], b[0], b[1], widthMm / 2),
      clearanceMm: cls.clearanceMm,
      blocksTracks: true,
      blocksVias: true,
      marginMm: onGrid ? MARGIN_ONGRID : MARGIN_OFFGRID,
      dynamic: true,
    }));
  };
  if (states.length === 0) return rec;
  if (srcStub) addTrack(layerOf(states[0]!), srcStub, xy(states[0]!), false);
  let runStart = 0;
  // Whether the current run [runStart, …] is narrow: fixed by its first step.
  let runNarrow = states.length > 1 && narrowStep(states[0]!, states[1]!);
  for (let k = 1; k <= states.length; k++) {
    const prev = states[k - 1]!;
    const cur = states[k];
    const sameLayer = cur !== undefined && layerOf(cur) === layerOf(prev);
    let continues = sameLayer;
    if (sameLayer && k - runStart >= 2) {
      // same direction as the run so far?
      const a = xy(states[runStart]!);
      const b = xy(states[runStart + 1]!);
      const c = xy(prev);
      const d = xy(cur);
      continues =
        Math.sign(b[0] - a[0]) === Math.sign(d[0] - c[0]) &&
        Math.sign(b[1] - a[1]) === Math.sign(d[1] - c[1]) &&
        runNarrow === narrowStep(prev, cur);
    }
    if (continues) continue;
    // close the run [runStart, k-1]
    if (k - 1 > runStart) addTrack(layerOf(prev), xy(states[runStart]!), xy(prev), true, runNarrow ? neck!.widthMm : cls.traceWidthMm);
    if (cur === undefined) break;
    if (sameLayer) {
      runStart = k - 1;
      runNarrow = narrowStep(prev, cur);
    } else {
      const at = xy(cur);
      rec.vias.push({ net: netName, at, diameterMm: cls.viaDiameterMm, drillMm: cls.viaDrillMm });
      rec.holes.push(at);
      rec.objects.push(gridObject({
        net: ni,
        layers: layerNames.map((_, i) => i),
        shape: capsule(at[0], at[1], at[0], at[1], cls.viaDiameterMm / 2),
        clearanceMm: cls.clearanceMm,
        blocksTracks: true,
        blocksVias: true,
        marginMm: MARGIN_OFFGRID,
        dynamic: true,
      }));
      runStart = k;
      const next = states[k + 1];
      runNarrow = next !== undefined && narrowStep(cur, next);
    }
  }
  if (dstStub) addTrack(layerOf(states[states.length - 1]!), xy(states[states.length - 1]!), dstStub, false);
  return rec;
}

export function conflicts(mine: GridObject[], theirs: GridObject[], theirCls: RouteClass, myCls: RouteClass): boolean {
  for (const a of mine) {
    const ba = shapeBounds(a.shape);
    for (const b of theirs) {
      if (!a.layers.some((l) => b.layers.includes(l))) continue;
      const bb = shapeBounds(b.shape);
      const clr = Math.max(theirCls.clearanceMm, myCls.clearanceMm) + MARGIN_OFFGRID;
      if (ba[0] > bb[2] + clr || bb[0] > ba[2] + clr || ba[1] > bb[3] + clr || bb[1] > ba[3] + clr) continue;
      const d = shapeDistance(a.shape, b.shape);
      if (d < clr) return true;
    }
  }
  return false;
}

function shapeDistance(a: Shape, b: Shape): number {
  if (a.kind === 'capsule') return Math.max(0, segShapeDist(a.ax, a.ay, a.bx, a.by, b) - a.r);
  if (b.kind === 'capsule') return shapeDistance(b, a);
  return 0;
}

/** Whether an end of the connection has no grid edge free of static copper (pads, edge, keep-outs). */
export function accessBlocked(grid: RouteGrid, net: NetState, c: Conn): boolean {
  const arrays = [grid.classes[net.cls]!.staticEdge, ...(net.neck === null ? [] : [grid.classes[net.neck]!.staticEdge])];
  for (const k of [c.a, c.b]) {
    const acc = net.access[k]!;
    const states = [...acc.direct, ...acc.entryStates];
    // any of the eight grid edges out of the state, in either stored direction
    const free = states.some((s) => {
      const node = s % grid.n;
      const L = Math.floor(s / grid.n);
      const i = node % grid.nx;
      const j = (node - i) / grid.nx;
      for (let dj = -1; dj <= 1; dj++) {
        for (let di = -1; di <= 1; di++) {
          if ((di === 0 && dj === 0) || i + di < 0 || j + dj < 0 || i + di >= grid.nx || j + dj >= grid.ny) continue;
          const e = grid.edgeBetween(L, i, j, i + di, j + dj);
          for (const edges of arrays) if (edges[e] === 0) return true;
        }
      }
      return false;
    });
    if (!free) return true;
  }
  return false;
}

export function blockOutside(grid: RouteGrid, poly: XY[], layers: number[]): void {
  // Row by row: the crossings of the row with the outline's edges (the same sums as
  // `pointInPoly`, so the verdict per node is identical), then a node is inside when an odd
  // number of crossings lie to its right.
  const xs: number[] = [];
  for (let j = 0; j < grid.ny; j++) {
    const py = grid.y(j);
    xs.length = 0;
    for (let e = 0, f = poly.length - 1; e < poly.length; f = e++) {
      const a = poly[e]!;
      const b = poly[f]!;
      if (a[1] > py !== b[1] > py) xs.push(((b[0] - a[0]) * (py - a[1])) / (b[1] - a[1]) + a[0]);
    }
    xs.sort((u, v) => u - v);
    let k = 0;
    for (let i = 0; i < grid.nx; i++) {
      const px = grid.x(i);
      while (k < xs.length && !(px < xs[k]!)) k++;
      // crossings strictly right of px: xs.length − k
      if ((xs.length - k) % 2 === 0) grid.blockNode(i, j, layers, true, true);
    }
  }
}

export function blockInside(grid: RouteGrid, poly: XY[], layers: number[], tracks: boolean, vias: boolean): void {
  const [x0, y0, x1, y1] = boundsOf(poly);
  const [i0, j0] = grid.nearestNode(x0, y0);
  const [i1, j1] = grid.nearestNode(x1, y1);
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      if (pointInPoly(grid.x(i), grid.y(j), poly)) grid.blockNode(i, j, layers, tracks, vias);
    }
  }
}
