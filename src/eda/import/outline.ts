/**
 * Board outline from Edge.Cuts drawing items. KiCad draws an outline as separate lines, arcs,
 * rectangles, circles and polygons whose end points meet; our model holds one polygon
 * (docs/design-model.md). Items are chained end to end (points within 1 µm meet); the closed loop with
 * the largest area is the outline, the other closed loops are cutouts (not in our model, counted).
 * Arcs and circles become chords of at most 10° each.
 */
export type Pt = [number, number];

export interface EdgeShape {
  kind: 'line' | 'arc' | 'rect' | 'circle' | 'poly';
  /** line: [a, b]; arc: [start, mid, end]; rect: [corner, corner]; circle: [center, point on it]; poly: vertices. */
  points: Pt[];
}

export interface OutlineResult {
  polygon: Pt[] | null;
  /** `polygon`: one closed loop; `bounding_box`: items did not close, their bounding box is used; `none`: no items. */
  kind: 'polygon' | 'bounding_box' | 'none';
  cutouts: number;
  /** Arcs and circles turned into chords. */
  curvesApproximated: number;
  /** Items left over that belonged to no closed loop. */
  openItems: number;
}

const EPS = 1e-3;
const MAX_STEP_RAD = Math.PI / 18;

export function arcPoints(a: Pt, m: Pt, b: Pt): Pt[] {
  // Circle through three points (circumcentre).
  const d = 2 * (a[0] * (m[1] - b[1]) + m[0] * (b[1] - a[1]) + b[0] * (a[1] - m[1]));
  if (Math.abs(d) < 1e-12) return [a, b];
  const sq = (p: Pt) => p[0] * p[0] + p[1] * p[1];
  const cx = (sq(a) * (m[1] - b[1]) + sq(m) * (b[1] - a[1]) + sq(b) * (a[1] - m[1])) / d;
  const cy = (sq(a) * (b[0] - m[0]) + sq(m) * (a[0] - b[0]) + sq(b) * (m[0] - a[0])) / d;
  const r = Math.hypot(a[0] - cx, a[1] - cy);
  const ang = (p: Pt) => Math.atan2(p[1] - cy, p[0] - cx);
  const t0 = ang(a);
  let t1 = ang(b);
  const tm = ang(m);
  // Go from a to b through m: pick the direction whose sweep contains m.
  const norm = (t: number) => ((t % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  const ccwSweep = norm(t1 - t0);
  const midInCcw = norm(tm - t0) <= ccwSweep;
  const sweep = midInCcw ? ccwSweep : ccwSweep - 2 * Math.PI;
  t1 = t0 + sweep;
  const steps = Math.max(2, Math.ceil(Math.abs(sweep) / MAX_STEP_RAD));
  const out: Pt[] = [a];
  for (let i = 1; i < steps; i++) {
    const t = t0 + (sweep * i) / steps;
    out.push([cx + r * Math.cos(t), cy + r * Math.sin(t)]);
  }
  out.push(b);
  return out;
}

function circlePoints(c: Pt, p: Pt): Pt[] {
  const r = Math.hypot(p[0] - c[0], p[1] - c[1]);
  const n = 36;
  return Array.from({ length: n }, (_, i): Pt => [c[0] + r * Math.cos((2 * Math.PI * i) / n), c[1] + r * Math.sin((2 * Math.PI * i) / n)]);
}

function area(poly: Pt[]): number {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % poly.length]!;
    s += p[0] * q[1] - q[0] * p[1];
  }
  return Math.abs(s) / 2;
}

const near = (p: Pt, q: Pt) => Math.abs(p[0] - q[0]) <= EPS && Math.abs(p[1] - q[1]) <= EPS;

export function buildOutline(shapes: readonly EdgeShape[]): OutlineResult {
  const loops: Pt[][] = [];
  const open: Pt[][] = [];
  let curves = 0;
  for (const s of shapes) {
    const [p0, p1, p2] = s.points;
    if (s.kind === 'poly') loops.push(s.points);
    else if (s.kind === 'rect' && p0 && p1) loops.push([p0, [p1[0], p0[1]], p1, [p0[0], p1[1]]]);
    else if (s.kind === 'circle' && p0 && p1) {
      curves++;
      loops.push(circlePoints(p0, p1));
    } else if (s.kind === 'arc' && p0 && p1 && p2) {
      curves++;
      open.push(arcPoints(p0, p1, p2));
    } else if (s.kind === 'line' && p0 && p1) open.push([p0, p1]);
  }
  // Chain open paths: repeatedly extend a path by any other path sharing an end point.
  let leftover = 0;
  const pool = open.slice();
  while (pool.length > 0) {
    let path = pool.pop()!;
    let grown = true;
    while (grown && !(path.length > 2 && near(path[0]!, path[path.length - 1]!))) {
      grown = false;
      for (let i = 0; i < pool.length; i++) {
        const q = pool[i]!;
        const end = path[path.length - 1]!;
        if (near(end, q[0]!)) path = [...path, ...q.slice(1)];
        else if (near(end, q[q.length - 1]!)) path = [...path, ...q.slice(0, -1).reverse()];
        else continue;
        pool.splice(i, 1);
        grown = true;
        break;
      }
    }
    if (path.length > 3 && near(path[0]!, path[path.length - 1]!)) loops.push(path.slice(0, -1));
    else leftover++;
  }
  if (loops.length === 0) {
    const all = open.flat();
    if (all.length === 0) return { polygon: null, kind: 'none', cutouts: 0, curvesApproximated: curves, openItems: leftover };
    const xs = all.map((p) => p[0]);
    const ys = all.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const box: Pt[] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
    return { polygon: x1 > x0 && y1 > y0 ? box : null, kind: x1 > x0 && y1 > y0 ? 'bounding_box' : 'none', cutouts: 0, curvesApproximated: curves, openItems: leftover };
  }
  loops.sort((a, b) => area(b) - area(a));
  return { polygon: loops[0]!, kind: 'polygon', cutouts: loops.length - 1, curvesApproximated: curves, openItems: leftover };
}
