import type { Placement, Point } from '../model/design.js';

/**
 * Footprint-to-board transforms (KiCad convention, docs/design-model.md): board y points down,
 * rotation is counter-clockwise as seen from the top. A bottom-side footprint is first mirrored in
 * x in footprint space (KiCad's left/right flip), then rotated and translated.
 */

export type Rect = [minX: number, minY: number, maxX: number, maxY: number];

const DEG = Math.PI / 180;

/** cos/sin of a rotation, exact for multiples of 90° so grid-aligned parts stay exactly on grid. */
export function cosSin(rotationDeg: number): [number, number] {
  const r = ((rotationDeg % 360) + 360) % 360;
  if (r === 0) return [1, 0];
  if (r === 90) return [0, 1];
  if (r === 180) return [-1, 0];
  if (r === 270) return [0, -1];
  return [Math.cos(r * DEG), Math.sin(r * DEG)];
}

/**
 * Rotates a vector CCW (as seen on screen with y down) by `rotationDeg`.
 * With y down, a visual CCW rotation is x' = x·cos + y·sin, y' = −x·sin + y·cos.
 */
export function rotateVec(p: Point, rotationDeg: number): Point {
  const [c, s] = cosSin(rotationDeg);
  return [p[0] * c + p[1] * s, -p[0] * s + p[1] * c];
}

/** Footprint-local point → board point for a placement. */
export function footprintToWorld(p: Point, placement: Placement): Point {
  const local: Point = placement.side === 'bottom' ? [-p[0], p[1]] : [p[0], p[1]];
  const r = rotateVec(local, placement.rotation_deg);
  return [placement.x_mm + r[0], placement.y_mm + r[1]];
}

/** Board point → footprint-local point (inverse of footprintToWorld). */
export function worldToFootprint(p: Point, placement: Placement): Point {
  const d: Point = [p[0] - placement.x_mm, p[1] - placement.y_mm];
  const r = rotateVec(d, -placement.rotation_deg);
  return placement.side === 'bottom' ? [-r[0], r[1]] : r;
}

/**
 * World rotation of a footprint-local element rotated by `localDeg`. Mirroring in x turns an
 * angle a into 180° − a, which for the point-symmetric pad shapes we have equals −a.
 */
export function worldRotation(localDeg: number, placement: Placement): number {
  const local = placement.side === 'bottom' ? -localDeg : localDeg;
  return normDeg(local + placement.rotation_deg);
}

export function normDeg(deg: number): number {
  const r = ((deg % 360) + 360) % 360;
  return Math.abs(r - 360) < 1e-9 ? 0 : r;
}

/** The four corners of a w×h rectangle centred at `center`, rotated by `rotationDeg`. */
export function rotatedRectCorners(center: Point, size: [number, number], rotationDeg: number): Point[] {
  const hw = size[0] / 2;
  const hh = size[1] / 2;
  const local: Point[] = [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
  ];
  return local.map((q) => {
    const r = rotateVec(q, rotationDeg);
    return [center[0] + r[0], center[1] + r[1]] as Point;
  });
}

/** Axis-aligned bounding box of points. */
export function boundsOf(points: readonly (readonly [number, number])[]): Rect {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** A footprint-local axis-aligned rect mapped to the board (its bounding box; exact for 90° steps). */
export function rectToWorld(rect: Rect, placement: Placement): Rect {
  const corners: Point[] = [
    [rect[0], rect[1]],
    [rect[2], rect[1]],
    [rect[2], rect[3]],
    [rect[0], rect[3]],
  ];
  return boundsOf(corners.map((c) => footprintToWorld(c, placement)));
}

/** Axis-aligned bounding box of a rotated rectangle. */
export function rotatedRectBounds(center: Point, size: [number, number], rotationDeg: number): Rect {
  return boundsOf(rotatedRectCorners(center, size, rotationDeg));
}

export function rectsOverlap(a: Rect, b: Rect, gap = 0): boolean {
  return a[0] < b[2] + gap && b[0] < a[2] + gap && a[1] < b[3] + gap && b[1] < a[3] + gap;
}

export function inflateRect(r: Rect, d: number): Rect {
  return [r[0] - d, r[1] - d, r[2] + d, r[3] + d];
}

/** Point-in-polygon by the even-odd rule (boundary points count as inside only by chance). */
export function pointInPolygon(p: readonly [number, number], poly: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a[1] > p[1] !== b[1] > p[1]) {
      const x = ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0];
      if (p[0] < x) inside = !inside;
    }
  }
  return inside;
}
