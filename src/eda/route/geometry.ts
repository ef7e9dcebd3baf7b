/**
 * Exact distance geometry for the router: copper is modelled as convex primitives — a capsule
 * (a segment swept by a disk: tracks, round/oval pads, vias) or a rotated rectangle (rect and
 * roundrect pads; a roundrect is treated as its bounding rect, which is conservative).
 * Clearance is then the true Euclidean distance between the shapes, as kicad-cli measures it.
 */

export interface CapsuleShape {
  kind: 'capsule';
  ax: number;
  ay: number;
  bx: number;
  by: number;
  /** Radius of the swept disk. */
  r: number;
}

export interface RectShape {
  kind: 'rect';
  cx: number;
  cy: number;
  /** Half extents along the rectangle's own axes. */
  hx: number;
  hy: number;
  /** Unit vector of the rectangle's local x axis in board coordinates. */
  ux: number;
  uy: number;
  /**
   * Corner radius of a rounded rectangle (KiCad roundrect). The shape is then the inner
   * rectangle (hx, hy already reduced by it) grown by this radius, so every distance is the
   * inner rectangle's minus the radius — exact, as kicad-cli measures it.
   */
  round?: number;
}

export type Shape = CapsuleShape | RectShape;

export function capsule(ax: number, ay: number, bx: number, by: number, r: number): CapsuleShape {
  return { kind: 'capsule', ax, ay, bx, by, r };
}

/**
 * A rectangle of size w×h centred at (cx, cy), rotated by rotationDeg counter-clockwise as seen
 * with y down (KiCad): the local x axis maps to (cos, −sin).
 */
export function rotatedRect(cx: number, cy: number, w: number, h: number, rotationDeg = 0): RectShape {
  const r = ((rotationDeg % 360) + 360) % 360;
  let c = Math.cos((r * Math.PI) / 180);
  let s = Math.sin((r * Math.PI) / 180);
  if (r % 90 === 0) {
    c = Math.round(c);
    s = Math.round(s);
  }
  return { kind: 'rect', cx, cy, hx: w / 2, hy: h / 2, ux: c, uy: -s };
}

/** A rounded rectangle w×h with corner radius r (KiCad: roundrect_rratio × the smaller side). */
export function roundedRect(cx: number, cy: number, w: number, h: number, rotationDeg: number, r: number): RectShape {
  const rr = Math.max(0, Math.min(r, w / 2, h / 2));
  if (rr === 0) return rotatedRect(cx, cy, w, h, rotationDeg);
  return { ...rotatedRect(cx, cy, w - 2 * rr, h - 2 * rr, rotationDeg), round: rr };
}

/** An oval (stadium) pad of size w×h as a capsule along its long axis. */
export function oval(cx: number, cy: number, w: number, h: number, rotationDeg = 0): CapsuleShape {
  const rect = rotatedRect(cx, cy, w, h, rotationDeg);
  if (w >= h) {
    const d = (w - h) / 2;
    return capsule(cx - rect.ux * d, cy - rect.uy * d, cx + rect.ux * d, cy + rect.uy * d, h / 2);
  }
  const d = (h - w) / 2;
  // local y axis = (−uy, ux)
  return capsule(cx + rect.uy * d, cy - rect.ux * d, cx - rect.uy * d, cy + rect.ux * d, w / 2);
}

export function shapeBounds(s: Shape): [number, number, number, number] {
  if (s.kind === 'capsule') {
    return [Math.min(s.ax, s.bx) - s.r, Math.min(s.ay, s.by) - s.r, Math.max(s.ax, s.bx) + s.r, Math.max(s.ay, s.by) + s.r];
  }
  const r = s.round ?? 0;
  const ex = Math.abs(s.ux) * s.hx + Math.abs(s.uy) * s.hy + r;
  const ey = Math.abs(s.uy) * s.hx + Math.abs(s.ux) * s.hy + r;
  return [s.cx - ex, s.cy - ey, s.cx + ex, s.cy + ey];
}

/**
 * √(a² + b²) by the normalized, compensated sum Math.hypot uses in V8 (every bit the same, checked
 * on millions of values), but without the argument array Math.hypot allocates on each call: the
 * router measures entry segments millions of times per board.
 */
export function hypot2(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x === Infinity || y === Infinity) return Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  const max = x > y ? x : y;
  if (max === 0) return 0;
  let sum = 0;
  let comp = 0;
  let n = x / max;
  let summand = n * n - comp;
  let pre = sum + summand;
  comp = pre - sum - summand;
  sum = pre;
  n = y / max;
  summand = n * n - comp;
  pre = sum + summand;
  sum = pre;
  return Math.sqrt(sum) * max;
}

/** Squared distance from point P to segment AB. */
export function pointSegDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return qx * qx + qy * qy;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Whether segments AB and CD properly or improperly intersect. */
export function segmentsIntersect(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return false;
}

/** Distance between segments AB and CD. */
export function segSegDist(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): number {
  if (segmentsIntersect(ax, ay, bx, by, cx, cy, dx, dy)) return 0;
  return Math.sqrt(
    Math.min(
      pointSegDist2(ax, ay, cx, cy, dx, dy),
      pointSegDist2(bx, by, cx, cy, dx, dy),
      pointSegDist2(cx, cy, ax, ay, bx, by),
      pointSegDist2(dx, dy, ax, ay, bx, by),
    ),
  );
}

/**
 * Distance from segment AB (in the rectangle's local frame) to the box [-hx,hx]×[-hy,hy]. If they
 * do not intersect, the closest pair involves a segment end or a box corner (both are convex).
 */
function segBoxDistLocal(ax: number, ay: number, bx: number, by: number, hx: number, hy: number): number {
  // Liang–Barsky: does the segment meet the box? (no closures: this is the router's hot path)
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  let hit = true;
  for (let k = 0; k < 4 && hit; k++) {
    const p = k === 0 ? -dx : k === 1 ? dx : k === 2 ? -dy : dy;
    const q = k === 0 ? ax + hx : k === 1 ? hx - ax : k === 2 ? ay + hy : hy - ay;
    if (p === 0) {
      if (q < 0) hit = false;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) hit = false;
      else if (r > t0) t0 = r;
    } else if (r < t0) hit = false;
    else if (r < t1) t1 = r;
  }
  if (hit) return 0;
  const ex = Math.max(0, Math.abs(ax) - hx);
  const ey = Math.max(0, Math.abs(ay) - hy);
  const fx = Math.max(0, Math.abs(bx) - hx);
  const fy = Math.max(0, Math.abs(by) - hy);
  let d2 = Math.min(ex * ex + ey * ey, fx * fx + fy * fy);
  d2 = Math.min(
    d2,
    pointSegDist2(-hx, -hy, ax, ay, bx, by),
    pointSegDist2(hx, -hy, ax, ay, bx, by),
    pointSegDist2(hx, hy, ax, ay, bx, by),
    pointSegDist2(-hx, hy, ax, ay, bx, by),
  );
  return Math.sqrt(d2);
}

/** True distance between segment AB swept by radius r and a shape (0 when they overlap). */
export function segShapeDist(ax: number, ay: number, bx: number, by: number, s: Shape): number {
  if (s.kind === 'capsule') return Math.max(0, segSegDist(ax, ay, bx, by, s.ax, s.ay, s.bx, s.by) - s.r);
  // To the rectangle's local frame: x' = d·u, y' = d·v with v = (−uy, ux).
  const lax = (ax - s.cx) * s.ux + (ay - s.cy) * s.uy;
  const lay = -(ax - s.cx) * s.uy + (ay - s.cy) * s.ux;
  const lbx = (bx - s.cx) * s.ux + (by - s.cy) * s.uy;
  const lby = -(bx - s.cx) * s.uy + (by - s.cy) * s.ux;
  return Math.max(0, segBoxDistLocal(lax, lay, lbx, lby, s.hx, s.hy) - (s.round ?? 0));
}

/**
 * `segShapeDist(px, py, px, py, s)` for a point, without the segment machinery: the same sums in
 * the same order, so the value is identical to the last bit (grid footprints depend on it).
 */
export function pointShapeDist(px: number, py: number, s: Shape): number {
  if (s.kind === 'capsule') {
    // segSegDist of a degenerate segment: the point against the axis and the axis ends against the point
    const d2 = Math.min(pointSegDist2(px, py, s.ax, s.ay, s.bx, s.by), pointSegDist2(s.ax, s.ay, px, py, px, py), pointSegDist2(s.bx, s.by, px, py, px, py));
    return Math.max(0, Math.sqrt(d2) - s.r);
  }
  const lx = (px - s.cx) * s.ux + (py - s.cy) * s.uy;
  const ly = -(px - s.cx) * s.uy + (py - s.cy) * s.ux;
  if (lx + s.hx >= 0 && s.hx - lx >= 0 && ly + s.hy >= 0 && s.hy - ly >= 0) return 0;
  // outside: the nearest point of the box is a side's or a corner's, never nearer than this
  const ex = Math.max(0, Math.abs(lx) - s.hx);
  const ey = Math.max(0, Math.abs(ly) - s.hy);
  return Math.max(0, Math.sqrt(ex * ex + ey * ey) - (s.round ?? 0));
}

/** Whether a point lies inside a shape (within tolerance `tol`, which may be negative to shrink). */
export function pointInShape(px: number, py: number, s: Shape, tol = 0): boolean {
  if (s.kind === 'capsule') return Math.sqrt(pointSegDist2(px, py, s.ax, s.ay, s.bx, s.by)) <= s.r + tol;
  const lx = (px - s.cx) * s.ux + (py - s.cy) * s.uy;
  const ly = -(px - s.cx) * s.uy + (py - s.cy) * s.ux;
  if (!s.round) return Math.abs(lx) <= s.hx + tol && Math.abs(ly) <= s.hy + tol;
  const dx = Math.max(0, Math.abs(lx) - s.hx);
  const dy = Math.max(0, Math.abs(ly) - s.hy);
  return hypot2(dx, dy) <= s.round + tol;
}

/** Distance between two shapes (used for the exact checks of stubs). */
export function shapeShapeDist(a: Shape, b: Shape): number {
  if (a.kind === 'capsule') return Math.max(0, segShapeDist(a.ax, a.ay, a.bx, a.by, b) - a.r);
  if (b.kind === 'capsule') return shapeShapeDist(b, a);
  // Rounded rectangles: the inner rectangles' distance less both radii.
  if (a.round || b.round) return Math.max(0, shapeShapeDist({ ...a, round: 0 }, { ...b, round: 0 }) - (a.round ?? 0) - (b.round ?? 0));
  // rect–rect: min over edges of a against b (0 if a centre inside b or vice versa).
  if (pointInShape(a.cx, a.cy, b) || pointInShape(b.cx, b.cy, a)) return 0;
  const ca = rectCorners(a);
  let best = Infinity;
  for (let i = 0; i < 4; i++) {
    const p = ca[i]!;
    const q = ca[(i + 1) % 4]!;
    best = Math.min(best, segShapeDist(p[0], p[1], q[0], q[1], b));
  }
  return best;
}

export function rectCorners(s: RectShape): [number, number][] {
  const vx = -s.uy;
  const vy = s.ux;
  const out: [number, number][] = [];
  for (const [sx, sy] of [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ] as const) {
    out.push([s.cx + sx * s.hx * s.ux + sy * s.hy * vx, s.cy + sx * s.hx * s.uy + sy * s.hy * vy]);
  }
  return out;
}

export function pointInPoly(px: number, py: number, poly: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a[1] > py !== b[1] > py) {
      const x = ((b[0] - a[0]) * (py - a[1])) / (b[1] - a[1]) + a[0];
      if (px < x) inside = !inside;
    }
  }
  return inside;
}
