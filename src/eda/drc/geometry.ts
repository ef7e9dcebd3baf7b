import { boundsOf, pointInPolygon } from '../board/transform.js';
import { roundrectRadius } from '../model/footprint.js';
/**
 * Exact 2-D predicates for DRC, written independently of the router's geometry (docs/drc.md: a checker
 * that shares code with the router can agree with it while both are wrong).
 *
 * Every copper shape is a "rounded box": a rectangle (possibly degenerate to a segment or a point)
 * swept by a disc of radius r (Minkowski sum). That covers, exactly:
 * - a track: the segment between its ends, r = width/2 (a capsule);
 * - a via or round pad: a point, r = diameter/2;
 * - an oval pad: a segment along its long axis, r = short side/2;
 * - a rect pad: a box, r = 0; a roundrect pad: the box shrunk by the corner radius, r = corner
 *   radius (KiCad: radius = roundrect_rratio × min(width, height)).
 * The distance between two rounded boxes is the distance between their inner convex cores minus
 * both radii; the cores' distance is 0 when they overlap, else the minimum over edge pairs.
 */

export type Vec = [number, number];

export interface RoundedBox {
  /** Core polygon: 1 point, 2 points (segment) or 4 corners (convex, in order). */
  core: Vec[];
  r: number;
}

export interface Closest {
  distance: number;
  /** Closest points on the two cores (the copper edges lie r further along the join). */
  a: Vec;
  b: Vec;
}

const DEG = Math.PI / 180;

/** Rotation as in the board model: CCW as seen with y down, exact for multiples of 90°. */
export function axisOf(rotationDeg: number): Vec {
  const r = ((rotationDeg % 360) + 360) % 360;
  if (r === 0) return [1, 0];
  if (r === 90) return [0, -1];
  if (r === 180) return [-1, 0];
  if (r === 270) return [0, 1];
  return [Math.cos(r * DEG), -Math.sin(r * DEG)];
}

/** A box with centre c, local x axis u (unit), half extents hx, hy of its core, radius r. */
export function box(c: Vec, u: Vec, hx: number, hy: number, r: number): RoundedBox {
  const v: Vec = [-u[1], u[0]];
  const ex = Math.max(0, hx);
  const ey = Math.max(0, hy);
  if (ex === 0 && ey === 0) return { core: [c], r };
  if (ey === 0) return { core: [[c[0] - u[0] * ex, c[1] - u[1] * ex], [c[0] + u[0] * ex, c[1] + u[1] * ex]], r };
  if (ex === 0) return { core: [[c[0] - v[0] * ey, c[1] - v[1] * ey], [c[0] + v[0] * ey, c[1] + v[1] * ey]], r };
  const p = (sx: number, sy: number): Vec => [c[0] + u[0] * ex * sx + v[0] * ey * sy, c[1] + u[1] * ex * sx + v[1] * ey * sy];
  return { core: [p(-1, -1), p(1, -1), p(1, 1), p(-1, 1)], r };
}

export function capsule(a: Vec, b: Vec, widthMm: number): RoundedBox {
  if (a[0] === b[0] && a[1] === b[1]) return { core: [a], r: widthMm / 2 };
  return { core: [a, b], r: widthMm / 2 };
}

export function disc(c: Vec, diameterMm: number): RoundedBox {
  return { core: [c], r: diameterMm / 2 };
}

export type PadShapeName = 'rect' | 'roundrect' | 'circle' | 'oval';

/** A pad as a rounded box (see the header for each shape's decomposition). */
export function padShape(center: Vec, size: [number, number], rotationDeg: number, shape: PadShapeName, roundrectRatio: number): RoundedBox {
  const u = axisOf(rotationDeg);
  const [w, h] = size;
  switch (shape) {
    case 'circle':
      return disc(center, w);
    case 'oval': {
      const r = Math.min(w, h) / 2;
      return box(center, u, w / 2 - r, h / 2 - r, r);
    }
    case 'roundrect': {
      const r = roundrectRadius(size, roundrectRatio);
      return box(center, u, w / 2 - r, h / 2 - r, r);
    }
    case 'rect':
      return box(center, u, w / 2, h / 2, 0);
  }
}

function cross(o: Vec, a: Vec, b: Vec): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Closest point to p on segment ab. */
export function closestOnSegment(p: Vec, a: Vec, b: Vec): Vec {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return a;
  let t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return [a[0] + t * dx, a[1] + t * dy];
}

const dist = (a: Vec, b: Vec): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Closest points of two segments (either may be a point). */
export function segmentClosest(a0: Vec, a1: Vec, b0: Vec, b1: Vec): Closest {
  const d1 = cross(a0, a1, b0);
  const d2 = cross(a0, a1, b1);
  const d3 = cross(b0, b1, a0);
  const d4 = cross(b0, b1, a1);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    // Proper crossing: the intersection point.
    const t = d3 / (d3 - d4);
    const p: Vec = [a0[0] + t * (a1[0] - a0[0]), a0[1] + t * (a1[1] - a0[1])];
    return { distance: 0, a: p, b: p };
  }
  let best: Closest = { distance: Infinity, a: a0, b: b0 };
  const consider = (pa: Vec, pb: Vec): void => {
    const d = dist(pa, pb);
    if (d < best.distance) best = { distance: d, a: pa, b: pb };
  };
  consider(a0, closestOnSegment(a0, b0, b1));
  consider(a1, closestOnSegment(a1, b0, b1));
  consider(closestOnSegment(b0, a0, a1), b0);
  consider(closestOnSegment(b1, a0, a1), b1);
  return best;
}

/** Point inside (or on) a convex polygon given in order (either winding). */
export function pointInConvex(p: Vec, poly: readonly Vec[]): boolean {
  if (poly.length < 3) return false;
  let sign = 0;
  for (let i = 0; i < poly.length; i++) {
    const c = cross(poly[i]!, poly[(i + 1) % poly.length]!, p);
    if (c !== 0) {
      const s = c > 0 ? 1 : -1;
      if (sign === 0) sign = s;
      else if (s !== sign) return false;
    }
  }
  return true;
}

function edges(core: readonly Vec[]): [Vec, Vec][] {
  if (core.length === 1) return [[core[0]!, core[0]!]];
  if (core.length === 2) return [[core[0]!, core[1]!]];
  return core.map((p, i) => [p, core[(i + 1) % core.length]!] as [Vec, Vec]);
}

/** Closest points of two convex cores; distance 0 when they overlap. */
export function coreClosest(a: readonly Vec[], b: readonly Vec[]): Closest {
  if (a.length >= 3 && pointInConvex(b[0]!, a)) return { distance: 0, a: b[0]!, b: b[0]! };
  if (b.length >= 3 && pointInConvex(a[0]!, b)) return { distance: 0, a: a[0]!, b: a[0]! };
  let best: Closest = { distance: Infinity, a: a[0]!, b: b[0]! };
  for (const [a0, a1] of edges(a)) {
    for (const [b0, b1] of edges(b)) {
      const c = segmentClosest(a0, a1, b0, b1);
      if (c.distance < best.distance) best = c;
      if (best.distance === 0) return best;
    }
  }
  return best;
}

/** Copper-to-copper gap between two rounded boxes (negative when they overlap by more than touching). */
export function gapBetween(a: RoundedBox, b: RoundedBox): Closest {
  const c = coreClosest(a.core, b.core);
  return { distance: c.distance - a.r - b.r, a: c.a, b: c.b };
}

/** Gap from a rounded box to a segment (a board edge, zero width). */
export function gapToSegment(a: RoundedBox, s0: Vec, s1: Vec): Closest {
  const c = coreClosest(a.core, [s0, s1]);
  return { distance: c.distance - a.r, a: c.a, b: c.b };
}

export type Bounds = [minX: number, minY: number, maxX: number, maxY: number];

export function boundsOfBox(s: RoundedBox): Bounds {
  const [minX, minY, maxX, maxY] = boundsOf(s.core);
  return [minX - s.r, minY - s.r, maxX + s.r, maxY + s.r];
}

/** Even-odd point in polygon: the one shared primitive with the board module (no router code). */
export { pointInPolygon };

/** Whether two simple polygons overlap (an edge crossing, or one containing a vertex of the other). */
export function polygonsOverlap(a: readonly Vec[], b: readonly Vec[]): boolean {
  if (pointInPolygon(a[0]!, b) || pointInPolygon(b[0]!, a)) return true;
  for (let i = 0; i < a.length; i++) {
    const a0 = a[i]!;
    const a1 = a[(i + 1) % a.length]!;
    for (let j = 0; j < b.length; j++) {
      if (segmentClosest(a0, a1, b[j]!, b[(j + 1) % b.length]!).distance === 0) return true;
    }
  }
  return false;
}
