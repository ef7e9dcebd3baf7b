import type { Design, Placement, Point } from '../model/design.js';
import { own } from '../../kernel/own.js';
import { boardOutline } from '../model/design.js';
import type { Footprint } from '../model/footprint.js';
import {
  boundsOf,
  componentPins,
  directPinMapper,
  footprintOf,
  footprintToWorld,
  pinNetIndex,
  pointInPolygon,
  rectToWorld,
  type FootprintResolver,
  type PinPadMapper,
  type Rect,
} from '../board/index.js';
import { edgePartOf, isMountingHole } from './part-roles.js';

/**
 * The placer's view of a design: each component's footprint reduced to its courtyard and the
 * local positions of its net-carrying pads, nets as lists of (component, pad) terminals.
 */

export interface PlaceItem {
  id: string;
  ref: string;
  footprint: Footprint;
  /** Pads that carry a net: local position and net index. */
  pads: { local: Point; net: number }[];
  /** Every pad's local position (for pad centroids). */
  allPads: Point[];
  /** Pin name → local positions of its pads (for "near REF.PIN" constraints). */
  pinPads: Map<string, Point[]>;
  /** Pin name → the numbers of those pads, in the same order. */
  pinPadNumbers: Map<string, string[]>;
  courtyard: Rect;
  /**
   * What the part keeps others out of: its courtyard plus, above it in footprint coordinates,
   * the band where the .kicad_pcb writer puts the reference (1 mm text centred 1 mm above the
   * courtyard, src/eda/export/kicad/footprint.ts), so no other part's pads or silk lie under it
   * (KiCad DRC silk_over_copper / silk_overlap). Edge parts and holes keep the bare courtyard:
   * their courtyard is what touches the edge.
   */
  spacing: Rect;
  area: number;
  /** Through-hole parts occupy both sides. */
  throughHole: boolean;
  /** The footprint origin lies strictly inside the courtyard (what `Occupancy` relies on). */
  originInside: boolean;
  fixed: boolean;
  placement: Placement | null;
}

export interface PlaceModel {
  items: PlaceItem[];
  index: Map<string, number>;
  nets: { id: string; terminals: { item: number; pad: number }[] }[];
  outline: Point[];
  outlineBox: Rect;
  unplaceable: { component: string; reason: string }[];
}

export function buildPlaceModel(design: Design, resolve: FootprintResolver, mapPins: PinPadMapper = directPinMapper): PlaceModel {
  const netOf = pinNetIndex(design);
  const netIds = Object.keys(design.nets).sort();
  const netIndex = new Map(netIds.map((n, i) => [n, i]));
  const items: PlaceItem[] = [];
  const unplaceable: { component: string; reason: string }[] = [];
  for (const id of Object.keys(design.components).sort()) {
    const comp = design.components[id]!;
    const fp = footprintOf(design, id, resolve);
    if (!fp) {
      unplaceable.push({ component: id, reason: comp.footprint === null ? 'no footprint assigned' : `footprint "${comp.footprint}" not found` });
      continue;
    }
    const { map } = mapPins(fp, componentPins(design, id), { type: comp.type, ref: comp.ref });
    const pads: { local: Point; net: number }[] = [];
    const pinPads = new Map<string, Point[]>();
    const pinPadNumbers = new Map<string, string[]>();
    for (const [pin, numbers] of Object.entries(map)) {
      const own = fp.pads.filter((p) => numbers.includes(p.number));
      pinPads.set(pin, own.map((p) => p.at));
      pinPadNumbers.set(pin, own.map((p) => p.number));
      const net = netOf.get(id + '\u0000' + pin);
      if (net === undefined) continue;
      for (const num of numbers) {
        const pad = fp.pads.find((p) => p.number === num);
        if (pad) pads.push({ local: pad.at, net: netIndex.get(net)! });
      }
    }
    const c = fp.courtyard;
    const existing = own(design.placement, id) ?? null;
    const rim = isMountingHole(fp) || edgePartOf(design, id, fp) !== null;
    items.push({
      id,
      ref: comp.ref,
      footprint: fp,
      pads,
      allPads: fp.pads.map((p) => p.at),
      pinPads,
      pinPadNumbers,
      courtyard: c,
      spacing: rim ? c : referenceBand(c, comp.ref),
      area: (c[2] - c[0]) * (c[3] - c[1]),
      throughHole: fp.pads.some((p) => p.kind !== 'smd'),
      originInside: c[0] < 0 && c[1] < 0 && c[2] > 0 && c[3] > 0,
      fixed: comp.locked && existing !== null,
      placement: comp.locked && existing ? existing : null,
    });
  }
  const index = new Map(items.map((it, i) => [it.id, i]));
  const nets = netIds.map((id) => ({ id, terminals: [] as { item: number; pad: number }[] }));
  items.forEach((it, i) => it.pads.forEach((p, k) => nets[p.net]!.terminals.push({ item: i, pad: k })));
  const outline = boardOutline(design.board);
  return { items, index, nets: nets.filter((n) => n.terminals.length > 0), outline, outlineBox: boundsOf(outline), unplaceable };
}

/**
 * World courtyard of an item at p. The placer asks this for every candidate, so quarter turns are
 * done on the rectangle's ranges directly (the same sums `rectToWorld` makes, without its corner
 * arrays); other angles go through `rectToWorld`.
 */
export function courtyardAt(item: PlaceItem, p: Placement): Rect {
  return rectAt(item.courtyard, p);
}

/** The part's spacing rect (courtyard and reference band) on the board. */
export function spacingAt(item: PlaceItem, p: Placement): Rect {
  return rectAt(item.spacing, p);
}

/** Text height and per-character advance of the writer's 1 mm reference font, plus stroke. */
const REF_TEXT = { centreAboveMm: 1, halfHeightMm: 0.575, charMm: 1.1 };

function referenceBand(c: Rect, ref: string): Rect {
  const half = (ref.length * REF_TEXT.charMm) / 2 + 0.1;
  return [Math.min(c[0], -half), Math.min(c[1], c[1] - REF_TEXT.centreAboveMm - REF_TEXT.halfHeightMm - 0.05), Math.max(c[2], half), c[3]];
}

/** `courtyardAt` written into `out` (no allocation for quarter turns): the placer's quick tests ask millions of times. */
export function courtyardInto(item: PlaceItem, p: Placement, out: Rect): Rect {
  return rectInto(item.courtyard, p, out);
}

/** `spacingAt` written into `out`. */
export function spacingInto(item: PlaceItem, p: Placement, out: Rect): Rect {
  return rectInto(item.spacing, p, out);
}

function rectInto(rect: Rect, p: Placement, out: Rect): Rect {
  const r = p.rotation_deg;
  if (r !== 0 && r !== 90 && r !== 180 && r !== 270) {
    const w = rectToWorld(rect, p);
    out[0] = w[0];
    out[1] = w[1];
    out[2] = w[2];
    out[3] = w[3];
    return out;
  }
  // indexed, not destructured: destructuring goes through the array iterator here, and this
  // runs millions of times per board (the same sums as rectAt)
  const cy = rect;
  const c0 = cy[0];
  const c1 = cy[1];
  const c2 = cy[2];
  const c3 = cy[3];
  const a = p.side === 'bottom' ? -c2 : c0;
  const b = p.side === 'bottom' ? -c0 : c2;
  if (r === 0) {
    out[0] = p.x_mm + a;
    out[1] = p.y_mm + c1;
    out[2] = p.x_mm + b;
    out[3] = p.y_mm + c3;
  } else if (r === 180) {
    out[0] = p.x_mm - b;
    out[1] = p.y_mm - c3;
    out[2] = p.x_mm - a;
    out[3] = p.y_mm - c1;
  } else if (r === 90) {
    out[0] = p.x_mm + c1;
    out[1] = p.y_mm - b;
    out[2] = p.x_mm + c3;
    out[3] = p.y_mm - a;
  } else {
    out[0] = p.x_mm - c3;
    out[1] = p.y_mm + a;
    out[2] = p.x_mm - c1;
    out[3] = p.y_mm + b;
  }
  return out;
}

function rectAt(rect: Rect, p: Placement): Rect {
  const r = p.rotation_deg;
  if (r !== 0 && r !== 90 && r !== 180 && r !== 270) return rectToWorld(rect, p);
  const c0 = rect[0];
  const c1 = rect[1];
  const c2 = rect[2];
  const c3 = rect[3];
  // bottom side: mirrored in x first (transform.ts)
  const a = p.side === 'bottom' ? -c2 : c0;
  const b = p.side === 'bottom' ? -c0 : c2;
  if (r === 0) return [p.x_mm + a, p.y_mm + c1, p.x_mm + b, p.y_mm + c3];
  if (r === 180) return [p.x_mm - b, p.y_mm - c3, p.x_mm - a, p.y_mm - c1];
  // 90: x' = y, y' = −x; 270: x' = −y, y' = x
  if (r === 90) return [p.x_mm + c1, p.y_mm - b, p.x_mm + c3, p.y_mm - a];
  return [p.x_mm - c3, p.y_mm + a, p.x_mm - c1, p.y_mm + b];
}

export function padCentroid(item: PlaceItem, p: Placement): Point {
  if (item.allPads.length === 0) return [p.x_mm, p.y_mm];
  let sx = 0;
  let sy = 0;
  for (const q of item.allPads) {
    const w = footprintToWorld(q, p);
    sx += w[0];
    sy += w[1];
  }
  return [sx / item.allPads.length, sy / item.allPads.length];
}

/** Whether a rect lies inside the polygon (corners inside and no outline edge crossing it). */
export function rectInsidePolygon(r: Rect, poly: readonly Point[]): boolean {
  const corners: Point[] = [
    [r[0], r[1]],
    [r[2], r[1]],
    [r[2], r[3]],
    [r[0], r[3]],
  ];
  if (!corners.every((c) => pointInPolygon(c, poly))) return false;
  // no polygon vertex strictly inside the rect (a concave notch)
  return !poly.some(([x, y]) => x > r[0] && x < r[2] && y > r[1] && y < r[3]);
}

/** Whether a rect and a polygon overlap (area in common). */
export function rectOverlapsPolygon(r: Rect, poly: readonly Point[]): boolean {
  const corners: Point[] = [
    [r[0], r[1]],
    [r[2], r[1]],
    [r[2], r[3]],
    [r[0], r[3]],
  ];
  if (corners.some((c) => pointInPolygon(c, poly))) return true;
  if (poly.some(([x, y]) => x > r[0] && x < r[2] && y > r[1] && y < r[3])) return true;
  // edges crossing the rect
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % poly.length]!;
    if (segmentCrossesRect(a, b, r)) return true;
  }
  return false;
}

function segmentCrossesRect(a: Point, b: Point, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const ps = [-dx, dx, -dy, dy];
  const qs = [a[0] - r[0], r[2] - a[0], a[1] - r[1], r[3] - a[1]];
  for (let k = 0; k < 4; k++) {
    const p = ps[k]!;
    const q = qs[k]!;
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}
