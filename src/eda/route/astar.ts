import type { RouteGrid } from './grid.js';

/**
 * A* over (layer, node) states of the routing grid with 90°/45° moves and through vias.
 * Multi-source (all copper already joined to the net) and multi-target (every access state of
 * the pad to reach). In `soft` mode, edges blocked only by other nets' tracks/vias may be used
 * at a penalty — that is how rip-up finds which nets to move (negotiated congestion).
 */

/** Moves: dx, dy, forward-edge origin offset (oi, oj) and forward direction index. */
const MOVES: readonly { dx: number; dy: number; oi: number; oj: number; d: number; cost: number }[] = [
  { dx: 1, dy: 0, oi: 0, oj: 0, d: 0, cost: 1 },
  { dx: -1, dy: 0, oi: -1, oj: 0, d: 0, cost: 1 },
  { dx: 0, dy: 1, oi: 0, oj: 0, d: 1, cost: 1 },
  { dx: 0, dy: -1, oi: 0, oj: -1, d: 1, cost: 1 },
  { dx: 1, dy: 1, oi: 0, oj: 0, d: 2, cost: Math.SQRT2 },
  { dx: -1, dy: -1, oi: -1, oj: -1, d: 2, cost: Math.SQRT2 },
  { dx: -1, dy: 1, oi: 0, oj: 0, d: 3, cost: Math.SQRT2 },
  { dx: 1, dy: -1, oi: 1, oj: -1, d: 3, cost: Math.SQRT2 },
];
const VIA_MOVE = 8;

export interface SearchBuffers {
  g: Float64Array;
  parent: Int32Array;
  move: Int8Array;
  seen: Uint32Array;
  closed: Uint32Array;
  target: Uint32Array;
  stamp: number;
  heapKey: Float64Array;
  heapVal: Int32Array;
  /**
   * The vias of the path into each state, as a chain of records (node, previous record), -1 for
   * none: the grid's hole ban only knows committed vias, so two vias of the path being searched
   * are kept apart through this chain. Records are append-only per search, and a state's entry is
   * final once it is closed, so the chain always describes the parent chain of that state.
   */
  lastVia: Int32Array;
  viaNode: Int32Array;
  viaPrev: Int32Array;
  viaCount: number;
}

export function makeBuffers(states: number): SearchBuffers {
  return {
    g: new Float64Array(states),
    parent: new Int32Array(states),
    move: new Int8Array(states),
    seen: new Uint32Array(states),
    closed: new Uint32Array(states),
    target: new Uint32Array(states),
    stamp: 0,
    heapKey: new Float64Array(1024),
    heapVal: new Int32Array(1024),
    lastVia: new Int32Array(states),
    viaNode: new Int32Array(256),
    viaPrev: new Int32Array(256),
    viaCount: 0,
  };
}

export interface SearchRequest {
  classIndex: number;
  sources: { state: number; cost: number }[];
  targets: number[];
  soft: boolean;
  softPenalty: number;
  /** Congestion cost per state, or null while it is zero everywhere. */
  history: Float32Array | null;
  viaCost: number;
  bendPenalty: number;
  /**
   * Shared work budget (expansions left for the whole routing run): counted, not timed, so the
   * same input and budget always stop at the same point (docs/routing.md, "Determinism").
   */
  work: { left: number };
  maxExpansions: number;
  /** Weighted A*: >1 trades path length for far fewer expansions. */
  heuristicWeight: number;
  /**
   * Neck-down: an edge the class track cannot use may be taken at the narrower neck class's
   * width when both its nodes lie in the zone (zone[node] === zoneStamp), at a price per edge
   * so that full-width copper is preferred wherever it fits.
   */
  neck?: { classIndex: number; zone: Uint32Array; zoneStamp: number; penalty: number } | undefined;
  /**
   * Smallest centre distance between two vias of one path, in grid steps: the via drill plus the
   * hole-to-hole clearance (KiCad's `hole_to_hole` applies whatever the nets; our DRC_HOLE_TO_HOLE
   * alike). Vias already laid are banned through the grid's hole ban; this covers the path's own.
   * 0 or absent: not checked.
   */
  viaSpacing?: number;
}

export type SearchOutcome = { kind: 'found'; states: number[] } | { kind: 'none' } | { kind: 'timeout' };

export function search(grid: RouteGrid, buf: SearchBuffers, req: SearchRequest): SearchOutcome {
  const { nx, n, layers } = grid;
  const ca = grid.classes[req.classIndex]!;
  const stamp = ++buf.stamp;
  let ti0 = Infinity;
  let tj0 = Infinity;
  let ti1 = -Infinity;
  let tj1 = -Infinity;
  for (const t of req.targets) {
    buf.target[t] = stamp;
    const node = t % n;
    const i = node % nx;
    const j = (node - i) / nx;
    if (i < ti0) ti0 = i;
    if (i > ti1) ti1 = i;
    if (j < tj0) tj0 = j;
    if (j > tj1) tj1 = j;
  }
  if (req.targets.length === 0 || req.sources.length === 0) return { kind: 'none' };
  const hw = req.heuristicWeight;
  const h = (node: number): number => {
    const i = node % nx;
    const j = (node - i) / nx;
    const dx = i < ti0 ? ti0 - i : i > ti1 ? i - ti1 : 0;
    const dy = j < tj0 ? tj0 - j : j > tj1 ? j - tj1 : 0;
    return hw * (dx > dy ? dx + (Math.SQRT2 - 1) * dy : dy + (Math.SQRT2 - 1) * dx);
  };

  let size = 0;
  const push = (key: number, val: number): void => {
    if (size === buf.heapKey.length) {
      const k = new Float64Array(size * 2);
      k.set(buf.heapKey);
      buf.heapKey = k;
      const v = new Int32Array(size * 2);
      v.set(buf.heapVal);
      buf.heapVal = v;
    }
    const keys = buf.heapKey;
    const vals = buf.heapVal;
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p]!;
      // ties: lower state index first, for determinism independent of insertion order
      if (pk < key || (pk === key && vals[p]! <= val)) break;
      keys[i] = pk;
      vals[i] = vals[p]!;
      i = p;
    }
    keys[i] = key;
    vals[i] = val;
  };
  const pop = (): number => {
    const keys = buf.heapKey;
    const vals = buf.heapVal;
    const top = vals[0]!;
    const lastK = keys[--size]!;
    const lastV = vals[size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      const r = c + 1;
      if (r < size && (keys[r]! < keys[c]! || (keys[r] === keys[c] && vals[r]! < vals[c]!))) c = r;
      if (keys[c]! > lastK || (keys[c] === lastK && vals[c]! >= lastV)) break;
      keys[i] = keys[c]!;
      vals[i] = vals[c]!;
      i = c;
    }
    keys[i] = lastK;
    vals[i] = lastV;
    return top;
  };

  buf.viaCount = 0;
  const spacing2 = (req.viaSpacing ?? 0) ** 2;
  /** Whether a via at (i, j) keeps its distance from every via of the path into state s. */
  const viaFarFromPath = (s: number, i: number, j: number): boolean => {
    for (let r = buf.lastVia[s]!; r >= 0; r = buf.viaPrev[r]!) {
      const v = buf.viaNode[r]!;
      const vi = v % nx;
      const di = vi - i;
      const dj = (v - vi) / nx - j;
      if (di * di + dj * dj < spacing2) return false;
    }
    return true;
  };
  const addVia = (node: number, prev: number): number => {
    if (buf.viaCount === buf.viaNode.length) {
      const a = new Int32Array(buf.viaCount * 2);
      a.set(buf.viaNode);
      buf.viaNode = a;
      const b = new Int32Array(buf.viaCount * 2);
      b.set(buf.viaPrev);
      buf.viaPrev = b;
    }
    buf.viaNode[buf.viaCount] = node;
    buf.viaPrev[buf.viaCount] = prev;
    return buf.viaCount++;
  };

  for (const s of req.sources) {
    if (buf.seen[s.state] === stamp && buf.g[s.state]! <= s.cost) continue;
    buf.seen[s.state] = stamp;
    buf.g[s.state] = s.cost;
    buf.parent[s.state] = -1;
    buf.move[s.state] = -1;
    buf.lastVia[s.state] = -1;
    push(s.cost + h(s.state % n), s.state);
  }

  let expansions = 0;
  const { staticEdge, dynEdge, staticVia, dynVia } = ca;
  const neck = req.neck;
  const neckStatic = neck ? grid.classes[neck.classIndex]!.staticEdge : null;
  const neckDyn = neck ? grid.classes[neck.classIndex]!.dynEdge : null;
  const zone = neck ? neck.zone : null;
  const zoneStamp = neck ? neck.zoneStamp : 0;
  const hist = req.history;
  while (size > 0) {
    const s = pop();
    if (buf.closed[s] === stamp) continue;
    buf.closed[s] = stamp;
    if (buf.target[s] === stamp) return { kind: 'found', states: tracePath(buf, s) };
    if (++expansions > req.maxExpansions) return { kind: 'none' };
    if (--req.work.left < 0) return { kind: 'timeout' };
    const gs = buf.g[s]!;
    const L = (s - (s % n)) / n;
    const node = s - L * n;
    const i = node % nx;
    const j = (node - i) / nx;
    const prevMove = buf.move[s]!;
    for (let m = 0; m < 8; m++) {
      const mv = MOVES[m]!;
      const i2 = i + mv.dx;
      const j2 = j + mv.dy;
      if (i2 < 0 || j2 < 0 || i2 >= nx || j2 >= grid.ny) continue;
      const s2 = s + mv.dy * nx + mv.dx;
      if (buf.closed[s2] === stamp) continue;
      const e = (L * n + (j + mv.oj) * nx + (i + mv.oi)) * 4 + mv.d;
      let cost = mv.cost;
      if (staticEdge[e]! > 0 || dynEdge[e]! > 0) {
        const node2 = node + mv.dy * nx + mv.dx;
        let narrow = false;
        if (neck && zone![node] === zoneStamp && zone![node2] === zoneStamp && neckStatic![e] === 0 && (neckDyn![e] === 0 || req.soft)) {
          narrow = true;
          cost += neck.penalty + (neckDyn![e]! > 0 ? req.softPenalty : 0);
        }
        if (!narrow) {
          if (staticEdge[e]! > 0 || !req.soft) continue;
          cost += req.softPenalty;
        }
      }
      if (prevMove >= 0 && prevMove !== m && prevMove !== VIA_MOVE) cost += req.bendPenalty;
      const g2 = hist === null ? gs + cost : gs + cost + hist[s2]!;
      if (buf.seen[s2] === stamp && buf.g[s2]! <= g2) continue;
      buf.seen[s2] = stamp;
      buf.g[s2] = g2;
      buf.parent[s2] = s;
      buf.move[s2] = m;
      buf.lastVia[s2] = buf.lastVia[s]!;
      push(g2 + h(node + mv.dy * nx + mv.dx), s2);
    }
    if (layers > 1 && staticVia[node] === 0 && grid.holeBan[node] === 0 && (spacing2 === 0 || viaFarFromPath(s, i, j))) {
      let viaCost = req.viaCost;
      if (dynVia[node]! > 0) {
        if (!req.soft) continue;
        viaCost += req.softPenalty;
      }
      let rec = -1;
      for (let L2 = 0; L2 < layers; L2++) {
        if (L2 === L) continue;
        const s2 = L2 * n + node;
        if (buf.closed[s2] === stamp) continue;
        const g2 = hist === null ? gs + viaCost : gs + viaCost + hist[s2]!;
        if (buf.seen[s2] === stamp && buf.g[s2]! <= g2) continue;
        buf.seen[s2] = stamp;
        buf.g[s2] = g2;
        buf.parent[s2] = s;
        buf.move[s2] = VIA_MOVE;
        if (spacing2 > 0 && rec < 0) rec = addVia(node, buf.lastVia[s]!);
        buf.lastVia[s2] = rec;
        push(g2 + h(node), s2);
      }
    }
  }
  return { kind: 'none' };
}

function tracePath(buf: SearchBuffers, end: number): number[] {
  const out: number[] = [];
  for (let s = end; s >= 0; s = buf.parent[s]!) out.push(s);
  return out.reverse();
}
