import { hypot2, pointInShape, shapeBounds, type Shape } from './geometry.js';
import type { RouteGrid } from './grid.js';
import type { XY } from './types.js';

/**
 * How a path reaches a pad (docs/routing.md, "Pad access"). Pads sit off the grid, often hemmed
 * in by pads of other nets, so besides the grid nodes inside the pad (direct access, free) a path
 * may end in an *entry segment*: a straight track from any point of the pad's copper to a grid
 * node near it, in any direction. KiCad counts a track whose end lies inside a pad as connected
 * to it (the copper test of `test/eda/route/srj-kicad.test.ts`), so the pad-side end is any
 * sample point strictly inside the pad. Every entry segment is checked exactly against foreign
 * copper by the caller; this module only proposes them.
 */

/**
 * A pad's access, packed in typed arrays: a board has thousands of pads with hundreds of entry
 * segments each, all alive for the whole run, and as objects they cost the garbage collector
 * more than the search itself.
 */
export interface PadAccess {
  /** Grid states inside the pad's copper. */
  direct: number[];
  /** Grid states (layer · n + node) that entry segments end at, ascending. */
  entryStates: Int32Array;
  /**
   * Entry segments of entryStates[i] are the indexes [entryStart[i], entryStart[i + 1]) of the
   * seg arrays, shortest first (a few, from different pad points).
   */
  entryStart: Int32Array;
  /** Pad-side end of each segment (inside the pad's copper, or overlapping it by a track's half width). */
  segX: Float64Array;
  segY: Float64Array;
  segLen: Float64Array;
}

/** How far inside the copper a pad-side end is kept, so rounding to KiCad's nanometres keeps it inside. */
const INSET_MM = 1e-3;
/** Sample points per axis across a pad (odd, so the centre is one of them). */
const SAMPLES = 5;
/** Entry segments kept per grid node: if the shortest is blocked by copper laid later, the next may not be. */
const PER_NODE = 3;
/** Candidates tried per grid node (shortest first): bounds the exact checks per pad. */
const TRIES_PER_NODE = 12;
/** Points per quarter arc round a corner when sampling just outside a pad. */
const ARC_STEPS = 4;
/**
 * How much of a track's half width must overlap the pad's copper when its end lies outside the
 * pad: kicad-cli joins a track to a pad when the track end is within half the track width of the
 * pad (connectivity "accuracy" of a track anchor), so a little overlap keeps that after rounding.
 */
export const OUTSIDE_OVERLAP_MM = 2e-3;

/**
 * Points strictly inside the pad (an odd lattice over its bounding box in its own frame, so the
 * centre, the middles of the sides and the corners' neighbourhoods are all candidates); a point
 * without a pad is its own only candidate.
 */
export function padSamplePoints(p: { x: number; y: number }, pad: Shape | null, outsideMm = 0): XY[] {
  if (!pad) return [[p.x, p.y]];
  const out: XY[] = [];
  const key = (x: number, y: number) => `${x.toFixed(6)},${y.toFixed(6)}`;
  const add = (x: number, y: number, outer = false) => {
    if (!(outer ? pointInShape(x, y, pad, outsideMm + 1e-9) : pointInShape(x, y, pad, -INSET_MM))) return;
    // A duplicate has a kept point's 6-decimal key; keys can only match for points closer than
    // 1e-5 on both axes, so only those are compared by key (formatting every point was slow).
    for (const q of out) if (Math.abs(q[0] - x) < 1e-5 && Math.abs(q[1] - y) < 1e-5 && key(q[0], q[1]) === key(x, y)) return;
    out.push([x, y]);
  };
  add(p.x, p.y);
  if (pad.kind === 'rect') {
    const r = pad.round ?? 0;
    const ex = pad.hx + r - 2 * INSET_MM;
    const ey = pad.hy + r - 2 * INSET_MM;
    const vx = -pad.uy;
    const vy = pad.ux;
    for (let a = 0; a < SAMPLES; a++) {
      for (let b = 0; b < SAMPLES; b++) {
        const lx = ex * (2 * a / (SAMPLES - 1) - 1);
        const ly = ey * (2 * b / (SAMPLES - 1) - 1);
        add(pad.cx + lx * pad.ux + ly * vx, pad.cy + lx * pad.uy + ly * vy);
      }
    }
    // Rounded corners cut the lattice's corners off: add points on the corner arcs' diagonals.
    if (r > 0) {
      for (const [sx, sy] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
        const d = (r - 2 * INSET_MM) / Math.SQRT2;
        const lx = sx * (pad.hx + d);
        const ly = sy * (pad.hy + d);
        add(pad.cx + lx * pad.ux + ly * vx, pad.cy + lx * pad.uy + ly * vy);
      }
    }
    if (outsideMm > 0) {
      // Just outside the copper: the sides' lattice points pushed out, and arcs round the corners.
      const far = r + outsideMm;
      const at = (lx: number, ly: number) => add(pad.cx + lx * pad.ux + ly * vx, pad.cy + lx * pad.uy + ly * vy, true);
      for (let a = 0; a < SAMPLES; a++) {
        const f = 2 * a / (SAMPLES - 1) - 1;
        at(f * pad.hx, -pad.hy - far);
        at(f * pad.hx, pad.hy + far);
        at(-pad.hx - far, f * pad.hy);
        at(pad.hx + far, f * pad.hy);
      }
      for (const [sx, sy] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
        for (let b = 0; b < ARC_STEPS; b++) {
          const ang = ((b + 0.5) / ARC_STEPS) * (Math.PI / 2);
          at(sx * (pad.hx + far * Math.cos(ang)), sy * (pad.hy + far * Math.sin(ang)));
        }
      }
    }
  } else {
    const dx = pad.bx - pad.ax;
    const dy = pad.by - pad.ay;
    const len = Math.hypot(dx, dy);
    // unit normal of the axis (any unit vector for a disk)
    const nx = len > 0 ? -dy / len : 1;
    const ny = len > 0 ? dx / len : 0;
    const rr = pad.r - 2 * INSET_MM;
    for (let a = 0; a < SAMPLES; a++) {
      const t = a / (SAMPLES - 1);
      const cx = pad.ax + t * dx;
      const cy = pad.ay + t * dy;
      for (let b = 0; b < SAMPLES; b++) {
        const s = rr * (2 * b / (SAMPLES - 1) - 1);
        add(cx + s * nx, cy + s * ny);
      }
    }
    // the round ends: points on their arcs
    for (const [ex, ey] of [[pad.ax, pad.ay], [pad.bx, pad.by]] as const) {
      for (let b = 0; b < 8; b++) {
        const ang = (b / 8) * 2 * Math.PI;
        add(ex + rr * Math.cos(ang), ey + rr * Math.sin(ang));
      }
    }
    if (outsideMm > 0) {
      const far = pad.r + outsideMm;
      for (const [ex, ey] of [[pad.ax, pad.ay], [pad.bx, pad.by]] as const) {
        for (let b = 0; b < 4 * ARC_STEPS; b++) {
          const ang = (b / (4 * ARC_STEPS)) * 2 * Math.PI;
          add(ex + far * Math.cos(ang), ey + far * Math.sin(ang), true);
        }
      }
      for (let a = 1; a < SAMPLES - 1; a++) {
        const t = a / (SAMPLES - 1);
        add(pad.ax + t * dx + far * nx, pad.ay + t * dy + far * ny, true);
        add(pad.ax + t * dx - far * nx, pad.ay + t * dy - far * ny, true);
      }
    }
  }
  return out;
}

/**
 * Direct states (grid nodes inside the pad) and candidate entry segments: from every sample point
 * to every grid node within `reachMm` that is not inside the pad, on each of the point's layers,
 * kept when `clear(from, state)` (exact static clearance, inside the board) says so.
 */
export function padAccess(
  grid: RouteGrid,
  p: { x: number; y: number; layers: number[] },
  pad: Shape | null,
  reachMm: number,
  clear: (from: XY, state: number, lenMm: number) => boolean,
  /** Half the track width: entry segments may start this far outside the pad (less the overlap kept). */
  trackHalfWidthMm = 0,
): PadAccess {
  const direct: number[] = [];
  const g = grid.g;
  const samples = padSamplePoints(p, pad, Math.max(0, trackHalfWidthMm - OUTSIDE_OVERLAP_MM));
  const [bx0, by0, bx1, by1] = pad ? shapeBounds(pad) : [p.x, p.y, p.x, p.y];
  const i0 = Math.max(0, Math.floor((bx0 - reachMm - grid.x0) / g));
  const i1 = Math.min(grid.nx - 1, Math.ceil((bx1 + reachMm - grid.x0) / g));
  const j0 = Math.max(0, Math.floor((by0 - reachMm - grid.y0) / g));
  const j1 = Math.min(grid.ny - 1, Math.ceil((by1 + reachMm - grid.y0) / g));
  // kept segments in the order found (state, sample index, length); sorted by state at the end
  const keptState: number[] = [];
  const keptSample: number[] = [];
  const keptLen: number[] = [];
  // The TRIES_PER_NODE nearest sample points of a node, found by insertion into a short sorted
  // list (the order of sorting them all by length, then x, then y): no allocation per node.
  const ns = samples.length;
  const sx = new Float64Array(ns);
  const sy = new Float64Array(ns);
  samples.forEach((s, k) => {
    sx[k] = s[0];
    sy[k] = s[1];
  });
  const topIdx = new Int32Array(TRIES_PER_NODE);
  const topLen = new Float64Array(TRIES_PER_NODE);
  const topD2 = new Float64Array(TRIES_PER_NODE);
  const d2s = new Float64Array(ns);
  // a squared-distance pre-test with slack; the kept ones are judged on their hypot2 length
  const reach2 = reachMm * reachMm * (1 + 1e-9) + 1e-18;
  const before = (len: number, k: number, t: number): boolean => {
    const lt = topLen[t]!;
    if (len !== lt) return len < lt;
    const q = topIdx[t]!;
    return sx[k]! !== sx[q]! ? sx[k]! < sx[q]! : sy[k]! < sy[q]!;
  };
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      const x = grid.x(i);
      const y = grid.y(j);
      const node = j * grid.nx + i;
      if (pad && pointInShape(x, y, pad, -1e-6)) {
        for (const L of p.layers) direct.push(L * grid.n + node);
        continue;
      }
      // candidates from the sample points within reach, shortest first. First the squared
      // distances and the TRIES_PER_NODE-th smallest of them, so that hypot2 (slower, and what
      // the order is judged on) runs only for points that can make the list.
      let nd = 0;
      for (let k = 0; k < ns; k++) {
        const dx = x - sx[k]!;
        const dy = y - sy[k]!;
        const d2 = dx * dx + dy * dy;
        d2s[k] = d2;
        if (d2 > reach2 || d2 === 0) continue;
        if (nd === TRIES_PER_NODE && d2 >= topD2[nd - 1]!) continue;
        let t = nd < TRIES_PER_NODE ? nd++ : nd - 1;
        while (t > 0 && topD2[t - 1]! > d2) {
          topD2[t] = topD2[t - 1]!;
          t--;
        }
        topD2[t] = d2;
      }
      if (nd === 0) continue;
      const cut = nd === TRIES_PER_NODE ? Math.min(reach2, topD2[nd - 1]! * (1 + 1e-9) + 1e-18) : reach2;
      let count = 0;
      for (let k = 0; k < ns; k++) {
        const d2 = d2s[k]!;
        if (d2 > cut) continue;
        const dx = x - sx[k]!;
        const dy = y - sy[k]!;
        // a full list only takes a point nearer than its last (compared squared, with slack)
        if (count === TRIES_PER_NODE && d2 > topLen[count - 1]! * topLen[count - 1]! * (1 + 1e-9) + 1e-18) continue;
        const len = hypot2(dx, dy);
        if (!(len <= reachMm && len > 0)) continue;
        if (count === TRIES_PER_NODE && !before(len, k, count - 1)) continue;
        let t = count < TRIES_PER_NODE ? count++ : count - 1;
        while (t > 0 && before(len, k, t - 1)) {
          topIdx[t] = topIdx[t - 1]!;
          topLen[t] = topLen[t - 1]!;
          t--;
        }
        topIdx[t] = k;
        topLen[t] = len;
      }
      if (count === 0) continue;
      for (const L of p.layers) {
        const state = L * grid.n + node;
        let kept = 0;
        for (let t = 0; t < count; t++) {
          if (kept >= PER_NODE) break;
          const from = samples[topIdx[t]!]!;
          if (clear(from, state, topLen[t]!)) {
            keptState.push(state);
            keptSample.push(topIdx[t]!);
            keptLen.push(topLen[t]!);
            kept++;
          }
        }
      }
    }
  }
  // Runs of one state are contiguous; order the runs by state (each state occurs in one run).
  const runs: number[] = [];
  for (let k = 0; k < keptState.length; k++) if (k === 0 || keptState[k] !== keptState[k - 1]) runs.push(k);
  runs.sort((a, b) => keptState[a]! - keptState[b]!);
  const m = keptState.length;
  const entryStates = new Int32Array(runs.length);
  const entryStart = new Int32Array(runs.length + 1);
  const segX = new Float64Array(m);
  const segY = new Float64Array(m);
  const segLen = new Float64Array(m);
  let w = 0;
  runs.forEach((start, r) => {
    entryStates[r] = keptState[start]!;
    entryStart[r] = w;
    for (let k = start; k < m && keptState[k] === keptState[start]; k++, w++) {
      segX[w] = sx[keptSample[k]!]!;
      segY[w] = sy[keptSample[k]!]!;
      segLen[w] = keptLen[k]!;
    }
  });
  entryStart[runs.length] = w;
  return { direct: direct.sort((a, b) => a - b), entryStates, entryStart, segX, segY, segLen };
}
