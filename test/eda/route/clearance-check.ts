/**
 * An independent clearance and connectivity check for router output, written separately from
 * the router's geometry (a checker sharing the router's code could agree with it while both are
 * wrong). Copper is reduced to "fat segments" (a segment plus a radius) and convex polygons.
 */

type P = { x: number; y: number };
export interface Fat {
  kind: 'fat';
  a: P;
  b: P;
  r: number;
}
export interface Poly {
  kind: 'poly';
  pts: P[];
  /** Grown by this radius (rounded rectangle = inner polygon + r); 0 when absent. */
  r?: number;
}
export type Cu = Fat | Poly;

export interface CuItem {
  net: string | null;
  layers: string[];
  cu: Cu;
  what: string;
}

const sub = (a: P, b: P): P => ({ x: a.x - b.x, y: a.y - b.y });
const dot = (a: P, b: P) => a.x * b.x + a.y * b.y;
const cross = (a: P, b: P) => a.x * b.y - a.y * b.x;

function ptSeg(p: P, a: P, b: P): number {
  const ab = sub(b, a);
  const l = dot(ab, ab);
  const t = l === 0 ? 0 : Math.max(0, Math.min(1, dot(sub(p, a), ab) / l));
  return Math.hypot(p.x - (a.x + t * ab.x), p.y - (a.y + t * ab.y));
}

function cross2(a: P, b: P, c: P, d: P): boolean {
  const r = sub(b, a);
  const s = sub(d, c);
  const den = cross(r, s);
  if (den === 0) return false;
  const t = cross(sub(c, a), s) / den;
  const u = cross(sub(c, a), r) / den;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1;
}

export function segDist(a: P, b: P, c: P, d: P): number {
  if (cross2(a, b, c, d)) return 0;
  return Math.min(ptSeg(a, c, d), ptSeg(b, c, d), ptSeg(c, a, b), ptSeg(d, a, b));
}

function insidePoly(p: P, pts: P[]): boolean {
  // convex polygon: same side of every edge
  let sign = 0;
  for (let i = 0; i < pts.length; i++) {
    const c = cross(sub(pts[(i + 1) % pts.length]!, pts[i]!), sub(p, pts[i]!));
    if (c === 0) continue;
    const s = Math.sign(c);
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

export function cuDist(u: Cu, v: Cu): number {
  if (u.kind === 'poly' && u.r) return Math.max(0, cuDist({ kind: 'poly', pts: u.pts }, v) - u.r);
  if (v.kind === 'poly' && v.r) return Math.max(0, cuDist(u, { kind: 'poly', pts: v.pts }) - v.r);
  if (u.kind === 'fat' && v.kind === 'fat') return Math.max(0, segDist(u.a, u.b, v.a, v.b) - u.r - v.r);
  if (u.kind === 'poly' && v.kind === 'fat') return cuDist(v, u);
  if (u.kind === 'fat' && v.kind === 'poly') {
    if (insidePoly(u.a, v.pts) || insidePoly(u.b, v.pts)) return 0;
    let m = Infinity;
    for (let i = 0; i < v.pts.length; i++) m = Math.min(m, segDist(u.a, u.b, v.pts[i]!, v.pts[(i + 1) % v.pts.length]!));
    return Math.max(0, m - u.r);
  }
  const a = u as Poly;
  const b = v as Poly;
  if (insidePoly(a.pts[0]!, b.pts) || insidePoly(b.pts[0]!, a.pts)) return 0;
  let m = Infinity;
  for (let i = 0; i < a.pts.length; i++) {
    for (let j = 0; j < b.pts.length; j++) {
      m = Math.min(m, segDist(a.pts[i]!, a.pts[(i + 1) % a.pts.length]!, b.pts[j]!, b.pts[(j + 1) % b.pts.length]!));
    }
  }
  return m;
}

function bbox(c: Cu): [number, number, number, number] {
  if (c.kind === 'fat') return [Math.min(c.a.x, c.b.x) - c.r, Math.min(c.a.y, c.b.y) - c.r, Math.max(c.a.x, c.b.x) + c.r, Math.max(c.a.y, c.b.y) + c.r];
  const xs = c.pts.map((p) => p.x);
  const ys = c.pts.map((p) => p.y);
  const r = c.r ?? 0;
  return [Math.min(...xs) - r, Math.min(...ys) - r, Math.max(...xs) + r, Math.max(...ys) + r];
}

/** Rectangle pad (w×h, rotated CCW with y down) as a polygon. */
export function rectCu(cx: number, cy: number, w: number, h: number, rotDeg = 0): Poly {
  const t = (rotDeg * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const pts = [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ].map(([x, y]) => ({ x: cx + x! * c + y! * s, y: cy - x! * s + y! * c }));
  return { kind: 'poly', pts };
}

/** Rounded-rectangle pad (KiCad roundrect, corner radius r): the inner rectangle grown by r. */
export function roundRectCu(cx: number, cy: number, w: number, h: number, rotDeg: number, r: number): Poly {
  return { ...rectCu(cx, cy, w - 2 * r, h - 2 * r, rotDeg), r };
}

/** Oval pad as a fat segment along its long axis (axis-aligned only, as in the dataset). */
export function ovalCu(cx: number, cy: number, w: number, h: number): Fat {
  if (w >= h) return { kind: 'fat', a: { x: cx - (w - h) / 2, y: cy }, b: { x: cx + (w - h) / 2, y: cy }, r: h / 2 };
  return { kind: 'fat', a: { x: cx, y: cy - (h - w) / 2 }, b: { x: cx, y: cy + (h - w) / 2 }, r: w / 2 };
}

export interface Violation {
  a: string;
  b: string;
  distance: number;
}

/** Every pair of different-net items sharing a layer closer than `clearance` (null nets differ from all). */
export function clearanceViolations(items: CuItem[], clearance: number, tol = 1e-9, skip: (a: CuItem, b: CuItem) => boolean = () => false): Violation[] {
  const out: Violation[] = [];
  const boxes = items.map((i) => bbox(i.cu));
  const order = items.map((_, i) => i).sort((p, q) => boxes[p]![0] - boxes[q]![0]);
  for (let x = 0; x < order.length; x++) {
    const i = order[x]!;
    const bi = boxes[i]!;
    for (let y = x + 1; y < order.length; y++) {
      const j = order[y]!;
      const bj = boxes[j]!;
      if (bj[0] > bi[2] + clearance) break;
      if (bj[1] > bi[3] + clearance || bi[1] > bj[3] + clearance) continue;
      const A = items[i]!;
      const B = items[j]!;
      if (A.net !== null && A.net === B.net) continue;
      if (!A.layers.some((l) => B.layers.includes(l))) continue;
      if (skip(A, B)) continue;
      const d = cuDist(A.cu, B.cu);
      if (d < clearance - tol) out.push({ a: A.what, b: B.what, distance: d });
    }
  }
  return out;
}

/** Tracks or vias closer than `clearance` to the rectangle's border (or outside it). */
export function edgeViolations(items: CuItem[], bounds: { minX: number; minY: number; maxX: number; maxY: number }, clearance: number): string[] {
  const out: string[] = [];
  for (const it of items) {
    if (it.what.startsWith('pad')) continue;
    const [x0, y0, x1, y1] = bbox(it.cu);
    if (x0 < bounds.minX + clearance - 1e-9 || y0 < bounds.minY + clearance - 1e-9 || x1 > bounds.maxX - clearance + 1e-9 || y1 > bounds.maxY - clearance + 1e-9) out.push(it.what);
  }
  return out;
}

/**
 * Connectivity from geometry alone: items of one net touch when their copper overlaps on a
 * shared layer (distance 0). Returns a component id per item.
 */
export function copperComponents(items: CuItem[]): number[] {
  const parent = items.map((_, i) => i);
  const find = (a: number): number => (parent[a] === a ? a : (parent[a] = find(parent[a]!)));
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const A = items[i]!;
      const B = items[j]!;
      if (A.net !== B.net || A.net === null) continue;
      if (!A.layers.some((l) => B.layers.includes(l))) continue;
      if (cuDist(A.cu, B.cu) <= 1e-9) parent[find(i)] = find(j);
    }
  }
  return items.map((_, i) => find(i));
}
