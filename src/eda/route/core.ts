import Flatbush from 'flatbush';
import { seededRng } from '../../kernel/rng.js';
import { UnionFind } from '../../kernel/union-find.js';
import { invalidInput } from '../../kernel/errors.js';
import { makeBuffers, search, type SearchBuffers } from './astar.js';
import { pointInPoly, pointInShape, segShapeDist, shapeBounds } from './geometry.js';
import { ObjectBuckets } from './object-buckets.js';
import { padAccess } from './pad-access.js';
import { RouteGrid, objectBounds, type GridObject } from './grid.js';
import {
  MARGIN_OFFGRID,
  accessBlocked,
  buildPath,
  conflicts,
  mst,
  toShape,
  validate,
  type Conn,
  type NetState,
  type NeckUse,
  type Point,
} from './route-parts.js';
import { netsAndClasses } from './nets-and-classes.js';
import { markStaticCopper } from './static-copper.js';
import { collectResult } from './route-result.js';
import { padSamplePoints } from './pad-access.js';
import type { RouteOptions, RouteProblem, RouteResult, XY } from './types.js';

/**
 * zt-route-1: grid maze router (A*, 45°/90° moves, through vias) with exact clearance on grid
 * edges, connections from a minimum spanning tree per net that may join any copper of the net
 * already laid, and rip-up-and-reroute by negotiation: a blocked connection is searched again
 * with other nets' copper passable at a price, the nets it crosses are ripped up and re-routed,
 * and a growing history cost keeps contested spots from being fought over forever (PathFinder).
 */

/** Weighted A* (1.5): about five times fewer expansions on the dataset for slightly longer paths. */
const HEURISTIC_WEIGHT = 1.5;
/** Cost of a change of direction, in grid steps: fewer staircase segments, shorter total length. */
const BEND_PENALTY = 0.4;
/** How far from its own pads a net may neck down (mm): past a fine-pitch row the class width fits again. */
const NECK_REACH_MM = 1.0;
/** Extra cost per narrow grid step, so full-width copper wins wherever it fits nearly as well. */
const NECK_PENALTY = 1.5;
/** Entry segments reach grid nodes this far from a pad point (mm, and at least this many grid steps). */
const ENTRY_REACH_MM = 0.35;
const ENTRY_REACH_STEPS = 3.5;
/**
 * Search expansions per millisecond of a time limit: the rate measured on the dataset on a shared
 * 2-core machine (bench/route-tscircuit.ts prints the rate of each run), rounded down, so a limit
 * is rarely overrun by much on similar hardware.
 */
export const EXPANSIONS_PER_MS = 300;

export function routeProblem(problem: RouteProblem, options: RouteOptions = {}): RouteResult {
  validate(problem);
  const seed = options.seed ?? 1;
  const rng = seededRng(seed);
  const viaCostMm = options.viaCostMm ?? 1.2;
  const maxRounds = options.maxRipupRounds ?? 60;
  const timeLimitMs = options.timeLimitMs ?? null;
  // A time limit becomes a count of search expansions, never a clock reading, so a run is a
  // function of its input alone (docs/routing.md, "Determinism").
  const workBudget = options.workBudget ?? (timeLimitMs === null ? null : Math.max(1, Math.round(timeLimitMs * EXPANSIONS_PER_MS)));
  const workStart = workBudget ?? Number.MAX_SAFE_INTEGER;
  const work = { left: workStart };
  const layerIndex = new Map(problem.layers.map((l, i) => [l, i]));
  const allLayers = problem.layers.map((_, i) => i);
  const layersOf = (names: string[]): number[] => [...new Set(names.map((l) => layerIndex.get(l)).filter((l): l is number => l !== undefined))].sort();

  const { classes, nets, netIdx } = netsAndClasses(problem, layersOf);
  const neckWidth = problem.neckWidthMm;

  // Grid
  const g = options.gridMm ?? 0.1;
  const { minX, minY, maxX, maxY } = problem.bounds;
  // Vias are searched with the nets' own classes only (neck classes carry tracks alone).
  const viaClasses = classes.map((_, k) => nets.some((n) => n.cls === k));
  const grid = new RouteGrid(minX, minY, g, maxX - minX, maxY - minY, problem.layers.length, classes, viaClasses);
  const maxViaDrill = Math.max(...classes.map((c) => c.viaDrillMm));
  const holeClearance = problem.holeClearanceMm ?? 0.25;

  const { padShapes, staticObjects } = markStaticCopper({ problem, grid, nets, netIdx, classes, layersOf, allLayers, maxViaDrill, holeClearance });

  /** An entry segment from a pad point to a grid node, checked exactly against the given foreign copper. */
  const stubClearOf = (px: number, py: number, state: number, ni: number, objects: GridObject[]): boolean => {
    const cls = classes[nets[ni]!.cls]!;
    const L = Math.floor(state / grid.n);
    const node = state % grid.n;
    const x = grid.x(node % grid.nx);
    const y = grid.y(Math.floor(node / grid.nx));
    const sx0 = Math.min(x, px);
    const sx1 = Math.max(x, px);
    const sy0 = Math.min(y, py);
    const sy1 = Math.max(y, py);
    for (const o of objects) {
      if (o.net === ni || !o.blocksTracks || !o.layers.includes(L)) continue;
      const clr = o.fixedClearanceMm ?? Math.max(cls.clearanceMm, o.clearanceMm);
      const need = cls.traceWidthMm / 2 + clr + o.marginMm + MARGIN_OFFGRID;
      const b = objectBounds(o);
      if (b[0] > sx1 + need || b[2] < sx0 - need || b[1] > sy1 + need || b[3] < sy0 - need) continue;
      if (segShapeDist(px, py, x, y, o.shape) < need) return false;
    }
    return true;
  };

  // The board: copper only inside the outline (the bounds when there is none), always.
  const outline: XY[] = problem.outline ?? [
    [minX, minY],
    [maxX, minY],
    [maxX, maxY],
    [minX, maxY],
  ];
  const onBoard = (x: number, y: number): boolean => (problem.outline ? pointInPoly(x, y, outline) : x >= minX && x <= maxX && y >= minY && y <= maxY);
  const entryReach = Math.max(ENTRY_REACH_STEPS * g, ENTRY_REACH_MM);
  /** Static copper near a box (pads, edge, keep-outs), for the exact checks of entry segments. */
  const staticMargin = entryReach + Math.max(...classes.map((c) => c.traceWidthMm / 2 + c.clearanceMm)) + 1;
  // An R-tree over the static copper's bounds (it never changes while routing), queried per point.
  const staticIndex = new Flatbush(Math.max(1, staticObjects.length));
  for (const o of staticObjects) {
    const b = objectBounds(o);
    staticIndex.add(b[0], b[1], b[2], b[3]);
  }
  if (staticObjects.length === 0) staticIndex.add(0, 0, 0, 0);
  staticIndex.finish();
  const staticNear = (box: [number, number, number, number], pad: number | null): GridObject[] => {
    const m = staticMargin;
    const hits = staticIndex.search(box[0] - m, box[1] - m, box[2] + m, box[3] + m).filter((k) => k !== pad && k < staticObjects.length);
    return hits.sort((a, b) => a - b).map((k) => staticObjects[k]!);
  };
  /**
   * The static check of entry segments into one pad: `onBoard` and `stubClearOf` against the
   * pad's near copper, with that list cut down per grid node (pad-access asks for one node's
   * candidates in a row) to the objects a segment of at most `entryReach` from the node could
   * come near — the same verdict, with far fewer box tests.
   */
  const staticClear = (self: number, near: GridObject[]) => {
    const cls = classes[nets[self]!.cls]!;
    let lastState = -1;
    const list: GridObject[] = [];
    return (from: XY, state: number): boolean => {
      if (!onBoard(from[0], from[1])) return false;
      if (state !== lastState) {
        lastState = state;
        const L = Math.floor(state / grid.n);
        const node = state % grid.n;
        const x = grid.x(node % grid.nx);
        const y = grid.y(Math.floor(node / grid.nx));
        list.length = 0;
        for (const o of near) {
          if (o.net === self || !o.blocksTracks || !o.layers.includes(L)) continue;
          const clr = o.fixedClearanceMm ?? Math.max(cls.clearanceMm, o.clearanceMm);
          const m = entryReach + cls.traceWidthMm / 2 + clr + o.marginMm + MARGIN_OFFGRID + 1e-6;
          const b = objectBounds(o);
          if (b[0] > x + m || b[2] < x - m || b[1] > y + m || b[3] < y - m) continue;
          list.push(o);
        }
      }
      return stubClearOf(from[0], from[1], state, self, list);
    };
  };
  /** Points whose pad has no spot on the board a track could end in: the problem does not fit. */
  const offBoardPoints = new Set<string>();

  // Points → pads and access states
  const S = grid.n * grid.layers;
  for (const net of nets) {
    const self = netIdx.get(net.name)!;
    net.uf = new UnionFind(net.points.length);
    for (const p of net.points) {
      if (p.pad === null) {
        const k = problem.obstacles.findIndex((o, idx) => o.net === net.name && pointInShape(p.x, p.y, padShapes[idx]!, 1e-9));
        p.pad = k >= 0 ? k : null;
      }
      if (p.pad !== null) {
        const o = problem.obstacles[p.pad];
        if (!o) throw invalidInput('point refers to a missing obstacle', ['connections']);
        const padLayers = layersOf(o.layers);
        p.layers = [...new Set([...p.layers, ...padLayers])].sort();
      }
      const pad = p.pad === null ? null : padShapes[p.pad]!;
      const near = staticNear(pad ? shapeBounds(pad) : [p.x, p.y, p.x, p.y], p.pad);
      // Entry segments' static clearance is fixed, so it is checked once here (foreign tracks
      // are checked at each search); the pad-side end must lie on the board.
      const halfWidth = classes[net.cls]!.traceWidthMm / 2;
      const acc = padAccess(grid, p, pad, entryReach, staticClear(self, near), halfWidth);
      if (acc.direct.length === 0 && acc.entryStates.length === 0) {
        // No way in. If pads alone would leave one, the board edge (or a keep-out) is what
        // shuts it: the problem does not fit its outline.
        const padsOnly = near.filter((o) => o.fixedClearanceMm === undefined);
        const free = padAccess(grid, p, pad, entryReach, (from, state) => stubClearOf(from[0], from[1], state, self, padsOnly), halfWidth);
        if (free.direct.length > 0 || free.entryStates.length > 0 || !padSamplePoints(p, pad).some(([x, y]) => onBoard(x, y))) offBoardPoints.add(`${self}#${net.access.length}`);
      }
      net.access.push(acc);
    }
  }

  // Connections: minimum spanning tree per net (Prim, Euclidean).
  const conns: Conn[] = [];
  // A point no track can reach (no grid node in its pad or clear entry segment with a free grid edge) is left out of
  // the tree and hung on its nearest reachable point, so that the points beyond it are still joined
  // to the rest (circuit123: one dead point, not the three behind it).
  nets.forEach((net, ni) => {
    const reachable = (k: number) => (net.access[k]!.direct.length > 0 || net.access[k]!.entryStates.length > 0) && !accessBlocked(grid, net, { net: ni, a: k, b: k, lengthMm: 0, status: 'pending' });
    const live = net.points.map((_, k) => k).filter(reachable);
    const dead = net.points.map((_, k) => k).filter((k) => !live.includes(k));
    if (live.length === 0 || dead.length === 0) {
      for (const [a, b, len] of mst(net.points)) conns.push({ net: ni, a, b, lengthMm: len, status: 'pending' });
      return;
    }
    for (const [a, b, len] of mst(live.map((k) => net.points[k]!))) conns.push({ net: ni, a: live[a]!, b: live[b]!, lengthMm: len, status: 'pending' });
    for (const d of dead) {
      const p = net.points[d]!;
      let best = live[0]!;
      for (const k of live) if (Math.hypot(net.points[k]!.x - p.x, net.points[k]!.y - p.y) < Math.hypot(net.points[best]!.x - p.x, net.points[best]!.y - p.y)) best = k;
      conns.push({ net: ni, a: best, b: d, lengthMm: Math.hypot(net.points[best]!.x - p.x, net.points[best]!.y - p.y), status: 'pending' });
    }
  });
  const order = conns.map((_, i) => i).sort((x, y) => conns[x]!.lengthMm - conns[y]!.lengthMm || x - y);

  const buf: SearchBuffers = makeBuffers(S);
  const zoneMarks = new Uint32Array(grid.n);
  let zoneStamp = 0;
  let zoneNet: NetState | null = null;
  /** Nodes within NECK_REACH_MM of the net's own pads: where a neck may run. */
  const neckZoneOf = (net: NetState): Int32Array => {
    if (net.neckZone) return net.neckZone;
    // The boxes' nodes back to back (a node in two boxes twice: the list only stamps a mark).
    const boxes = net.padObjects.map((o) => {
      const [x0, y0, x1, y1] = objectBounds(o);
      return [...grid.nearestNode(x0 - NECK_REACH_MM, y0 - NECK_REACH_MM), ...grid.nearestNode(x1 + NECK_REACH_MM, y1 + NECK_REACH_MM)] as const;
    });
    let size = 0;
    for (const [i0, j0, i1, j1] of boxes) size += Math.max(0, i1 - i0 + 1) * Math.max(0, j1 - j0 + 1);
    const nodes = new Int32Array(size);
    let w = 0;
    for (const [i0, j0, i1, j1] of boxes) for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) nodes[w++] = j * grid.nx + i;
    net.neckZone = nodes;
    return net.neckZone;
  };
  const neckRequest = (net: NetState) => {
    if (net.neck === null) return undefined;
    // Consecutive searches of one net (its connections, rip-up retries) reuse the stamped zone.
    if (zoneNet !== net) {
      zoneStamp++;
      for (const node of neckZoneOf(net)) zoneMarks[node] = zoneStamp;
      zoneNet = net;
    }
    return { classIndex: net.neck, zone: zoneMarks, zoneStamp, penalty: NECK_PENALTY };
  };
  /** At commit: a step runs narrow where the class track does not fit and the neck does. */
  const neckUse = (net: NetState): NeckUse | null => {
    if (net.neck === null) return null;
    const wide = grid.classes[net.cls]!;
    const narrow = grid.classes[net.neck]!;
    return {
      widthMm: classes[net.neck]!.traceWidthMm,
      narrow: (from, to) => {
        const L = Math.floor(from / grid.n);
        if (Math.floor(to / grid.n) !== L) return false;
        const a = from % grid.n;
        const b = to % grid.n;
        const e = grid.edgeBetween(L, a % grid.nx, Math.floor(a / grid.nx), b % grid.nx, Math.floor(b / grid.nx));
        return (wide.staticEdge[e]! > 0 || wide.dynEdge[e]! > 0) && narrow.staticEdge[e] === 0;
      },
    };
  };
  /** Congestion history per state, allocated at the first rip-up round (until then it is all zero). */
  let history: Float32Array | null = null;
  const viaCost = viaCostMm / g;
  const dynObjectsOf = (ni: number) => nets[ni]!.paths.flatMap((p) => p.objects);

  const find = (net: NetState, a: number): number => net.uf.find(a);

  const setNetMarked = (ni: number, sign: 1 | -1) => {
    const net = nets[ni]!;
    for (const o of net.padObjects) grid.mark(o, sign);
    for (const p of net.paths) for (const o of p.objects) grid.mark(o, sign);
  };
  /**
   * A net's own copper must not block its own searches, so it is lifted off the grid while they
   * run. It stays lifted until another net's turn (`lift`) or until code that needs every net on
   * the grid runs (`settle`): consecutive searches of one net then skip an unmark/re-mark pair.
   * Copper committed while lifted is marked when it is put back.
   */
  let lifted = -1;
  const lift = (ni: number) => {
    if (lifted === ni) return;
    if (lifted >= 0) setNetMarked(lifted, 1);
    setNetMarked(ni, -1);
    lifted = ni;
  };
  const settle = () => {
    if (lifted >= 0) setNetMarked(lifted, 1);
    lifted = -1;
  };

  /** Every net's laid tracks and vias, bucketed (kept in step by `commit` and `ripUp`). */
  const laid = new ObjectBuckets(1, minX, minY);
  const dynMargin = Math.max(...classes.map((c) => c.traceWidthMm + 2 * c.clearanceMm)) + 0.01;
  /** Other nets' tracks and vias near a point's entry segments (the exact dynamic check's candidates). */
  const dynamicNear = (ni: number, k: number): GridObject[] => {
    const acc = nets[ni]!.access[k]!;
    if (acc.entryStates.length === 0) return [];
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let r = 0; r < acc.entryStates.length; r++) {
      const node = acc.entryStates[r]! % grid.n;
      const ex = grid.x(node % grid.nx);
      const ey = grid.y(Math.floor(node / grid.nx));
      x0 = Math.min(x0, ex);
      x1 = Math.max(x1, ex);
      y0 = Math.min(y0, ey);
      y1 = Math.max(y1, ey);
      for (let q = acc.entryStart[r]!; q < acc.entryStart[r + 1]!; q++) {
        x0 = Math.min(x0, acc.segX[q]!);
        x1 = Math.max(x1, acc.segX[q]!);
        y0 = Math.min(y0, acc.segY[q]!);
        y1 = Math.max(y1, acc.segY[q]!);
      }
    }
    return laid.near(x0, y0, x1, y1, dynMargin, ni);
  };

  const endpointsOf = (ni: number, root: number) => {
    const net = nets[ni]!;
    const states: { state: number; cost: number }[] = [];
    const stubFor = new Map<number, XY>(); // state → pad-side end of its entry segment
    net.points.forEach((_, k) => {
      if (find(net, k) !== root) return;
      for (const s of net.access[k]!.direct) states.push({ state: s, cost: 0 });
      const near = dynamicNear(ni, k);
      const acc = net.access[k]!;
      for (let r = 0; r < acc.entryStates.length; r++) {
        const state = acc.entryStates[r]!;
        // the shortest entry into this node that no foreign track or via has blocked since
        for (let q = acc.entryStart[r]!; q < acc.entryStart[r + 1]!; q++) {
          if (near.length > 0 && !stubClearOf(acc.segX[q]!, acc.segY[q]!, state, ni, near)) continue;
          states.push({ state, cost: acc.segLen[q]! / g });
          if (!stubFor.has(state)) stubFor.set(state, [acc.segX[q]!, acc.segY[q]!]);
          break;
        }
      }
    });
    for (const path of net.paths) {
      if (path.states.length === 0) continue;
      // path copper belongs to the component of its first recorded point
      if (path.point < 0 || find(net, path.point) !== root) continue;
      for (const s of path.states) states.push({ state: s, cost: 0 });
    }
    return { states, stubFor };
  };

  const commit = (ni: number, c: Conn, states: number[], srcStub: XY | undefined, dstStub: XY | undefined) => {
    const net = nets[ni]!;
    const cls = classes[net.cls]!;
    const rec = buildPath(grid, problem.layers, net.name, ni, cls, states, srcStub ?? null, dstStub ?? null, neckUse(net));
    rec.point = c.a;
    net.paths.push(rec);
    for (const o of rec.objects) laid.add(o);
    for (const h of rec.holes) grid.markHole(h[0], h[1], cls.viaDrillMm / 2, maxViaDrill, holeClearance, 1);
    net.uf.union(c.a, c.b);
    c.status = 'routed';
    delete c.reason;
  };

  const ripUp = (ni: number) => {
    const net = nets[ni]!;
    for (const p of net.paths) {
      for (const o of p.objects) {
        grid.mark(o, -1);
        laid.remove(o);
      }
      for (const h of p.holes) grid.markHole(h[0], h[1], classes[net.cls]!.viaDrillMm / 2, maxViaDrill, holeClearance, -1);
    }
    net.paths = [];
    net.uf = new UnionFind(net.points.length);
    for (const c of conns) if (c.net === ni) c.status = 'pending';
  };

  /** Routes one connection; returns the outcome and, in soft mode, the path found. */
  const tryRoute = (ci: number, soft: boolean): 'routed' | 'none' | 'timeout' | { soft: number[]; src?: XY; dst?: XY } => {
    const c = conns[ci]!;
    const net = nets[c.net]!;
    if (find(net, c.a) === find(net, c.b)) {
      c.status = 'routed';
      return 'routed';
    }
    lift(c.net);
    {
      if (!soft && accessBlocked(grid, net, c)) return 'none';
      const src = endpointsOf(c.net, find(net, c.a));
      const dst = endpointsOf(c.net, find(net, c.b));
      const targets = dst.states.map((t) => t.state);
      const res = search(grid, buf, {
        classIndex: net.cls,
        sources: src.states,
        targets,
        soft,
        softPenalty: 40,
        history,
        viaCost,
        bendPenalty: BEND_PENALTY,
        work,
        maxExpansions: soft ? 4 * S : hardBudget(c),
        heuristicWeight: HEURISTIC_WEIGHT,
        neck: neckRequest(net),
        // two vias of this path keep the hole-to-hole clearance between themselves as well
        viaSpacing: (classes[net.cls]!.viaDrillMm + holeClearance) / g,
      });
      if (res.kind !== 'found') return res.kind;
      const states = res.states;
      const first = states[0]!;
      const last = states[states.length - 1]!;
      const srcStub = src.stubFor.get(first);
      const dstStub = dst.stubFor.get(last);
      const srcDirect = src.states.some((s) => s.state === first && s.cost === 0);
      const dstDirect = dst.states.some((s) => s.state === last && s.cost === 0);
      const out = { soft: states, ...(srcDirect || srcStub === undefined ? {} : { src: srcStub }), ...(dstDirect || dstStub === undefined ? {} : { dst: dstStub }) };
      if (soft) return out;
      commit(c.net, c, states, out.src, out.dst);
      return 'routed';
    }
  };

  /**
   * Expansion budget of a hard search: proving that no path exists can mean flooding the whole
   * board, so a search that has explored far more than the connection's neighbourhood gives up
   * and leaves the connection to the negotiated search.
   */
  const hardBudget = (c: Conn): number => {
    const net = nets[c.net]!;
    const a = net.points[c.a]!;
    const b = net.points[c.b]!;
    const box = (Math.abs(a.x - b.x) / g + 40) * (Math.abs(a.y - b.y) / g + 40) * grid.layers;
    return Math.min(2 * S, Math.max(30_000, Math.round(8 * box)));
  };

  const total = conns.length;
  let done = 0;
  const progress = (msg: string) => options.onProgress?.(done, total, msg);
  let timedOut = false;

  // Connections to a point that cannot be on the board are not searched for.
  for (const c of conns) {
    if (offBoardPoints.has(`${c.net}#${c.a}`) || offBoardPoints.has(`${c.net}#${c.b}`)) {
      c.status = 'failed';
      c.reason = 'off-board';
    }
  }

  // First pass.
  let failed: number[] = [];
  for (const ci of order) {
    if (conns[ci]!.status === 'failed') continue;
    if (timedOut || work.left < 0) {
      timedOut = true;
      break;
    }
    const r = tryRoute(ci, false);
    if (r === 'timeout') timedOut = true;
    else if (r !== 'routed') failed.push(ci);
    done++;
    progress(`routed ${nets[conns[ci]!.net]!.name}`);
  }

  // Rip-up and reroute.
  let rounds = 0;
  while (failed.length > 0 && !timedOut && rounds < maxRounds) {
    rounds++;
    const next: number[] = [];
    const queue = failed.filter((ci) => conns[ci]!.status !== 'routed');
    for (const ci of queue) {
      if (timedOut) break;
      const c = conns[ci]!;
      if (c.status === 'routed') continue;
      // Straight to the negotiated search: with no foreign copper on the way it costs nothing
      // extra and finds no victims, so a separate hard retry would only repeat the failed search.
      const r = tryRoute(ci, true);
      if (r === 'timeout') {
        timedOut = true;
        break;
      }
      if (r === 'none' || r === 'routed') {
        if (r === 'none') {
          c.status = 'failed';
          lift(c.net);
          c.reason = accessBlocked(grid, nets[c.net]!, c) ? 'pad-unreachable' : 'blocked';
        }
        continue;
      }
      // Victims: nets whose copper the soft path crosses (judged, and ripped up, with every net on the grid).
      settle();
      const net = nets[c.net]!;
      const cls = classes[net.cls]!;
      const probe = buildPath(grid, problem.layers, net.name, c.net, cls, r.soft, r.src ?? null, r.dst ?? null, neckUse(net));
      const victims = new Set<number>();
      for (let k = 0; k < nets.length; k++) {
        if (k === c.net) continue;
        if (conflicts(probe.objects, dynObjectsOf(k), classes[nets[k]!.cls]!, cls)) victims.add(k);
      }
      history ??= new Float32Array(S);
      for (const s of r.soft) history[s] = history[s]! + 0.3 + 0.1 * rounds;
      const victimList = [...victims].sort((a, b) => a - b);
      for (const v of victimList) ripUp(v);
      // lay the new path (it is now clear of every other net's copper)
      lift(c.net);
      commit(c.net, c, r.soft, r.src, r.dst);
      // Re-route victims' connections, shortest first, with a little seeded shuffling of ties.
      const again = conns
        .map((_, k) => k)
        .filter((k) => victims.has(conns[k]!.net))
        .sort((x, y) => conns[x]!.lengthMm - conns[y]!.lengthMm || rng.next() - 0.5 || x - y);
      for (const k of again) {
        const rr = tryRoute(k, false);
        if (rr === 'timeout') {
          timedOut = true;
          break;
        }
        if (rr !== 'routed') next.push(k);
      }
    }
    void next;
    failed = order.filter((ci) => conns[ci]!.status === 'pending');
    progress(`rip-up round ${rounds}: ${failed.length} left`);
  }

  const { tracks, vias, statuses } = collectResult(nets, conns, layerIndex, allLayers, timedOut);
  const routed = statuses.filter((s) => s.status === 'routed').length;
  return {
    tracks,
    vias,
    connections: statuses,
    completion: { routed, total: statuses.length, complete: routed === statuses.length },
    router: 'zt-route-1',
    parameters: {
      gridMm: g,
      viaCostMm,
      maxRipupRounds: maxRounds,
      timeLimitMs,
      workBudget,
      workUsed: Math.min(workStart, workStart - work.left),
      ripupRoundsUsed: rounds,
      neckWidthMm: nets.some((n) => n.neck !== null) ? neckWidth! : null,
    },
    offBoard: [...offBoardPoints].sort().map((k) => {
      const [ni, pi] = k.split('#').map(Number) as [number, number];
      return { net: nets[ni]!.name, label: nets[ni]!.points[pi]!.label };
    }),
    seed,
  };
}

export { toShape };
