import type { Footprint, Line, Pad, PadShape } from '../model/footprint.js';
import { clean, roundDown, roundUp } from './ipc7351.js';

/** [minX, minY, maxX, maxY] in footprint-local millimetres. */
export type Rect = [number, number, number, number];

/** Silkscreen keeps this far from any copper pad (edge to line edge): at least 0.2 mm, so fabs do not clip silk off the pads (docs/footprints.md). */
export const SILK_TO_PAD_MM = 0.2;
export const SILK_WIDTH_MM = 0.12;
/** Silkscreen is drawn just outside the body outline so it shows on the assembled board. */
const SILK_OFFSET_MM = 0.1;
/** Fragments shorter than this are dropped (they read as noise, not as an outline). */
const SILK_MIN_SEGMENT_MM = 0.2;
/** Courtyard coordinates are rounded outward onto this grid. */
export const COURTYARD_GRID_MM = 0.05;

export interface PadOptions {
  shape?: PadShape;
  roundrectRatio?: number;
  paste?: boolean;
  drillMm?: number;
  drillSlotMm?: [number, number];
}

export function smdPad(number: string, x: number, y: number, w: number, h: number, opts: PadOptions = {}): Pad {
  return {
    number,
    kind: 'smd',
    shape: opts.shape ?? 'roundrect',
    at: [clean(x), clean(y)],
    size: [clean(w), clean(h)],
    rotation_deg: 0,
    roundrect_ratio: opts.roundrectRatio ?? 0.25,
    drill_mm: null,
    side: 'top',
    paste: opts.paste ?? true,
  };
}

export function thtPad(number: string, x: number, y: number, w: number, h: number, drillMm: number, opts: PadOptions = {}): Pad {
  const pad: Pad = {
    number,
    kind: 'thru_hole',
    shape: opts.shape ?? (w === h ? 'circle' : 'oval'),
    at: [clean(x), clean(y)],
    size: [clean(w), clean(h)],
    rotation_deg: 0,
    roundrect_ratio: opts.roundrectRatio ?? 0.25,
    drill_mm: clean(drillMm),
    side: 'top',
    paste: false,
  };
  if (opts.drillSlotMm) pad.drill_slot_mm = opts.drillSlotMm;
  return pad;
}

/** A non-plated hole: the pad is the hole itself (KiCad np_thru_hole convention). */
export function npthHole(x: number, y: number, drillMm: number): Pad {
  return {
    number: '',
    kind: 'np_thru_hole',
    shape: 'circle',
    at: [clean(x), clean(y)],
    size: [clean(drillMm), clean(drillMm)],
    rotation_deg: 0,
    roundrect_ratio: 0.25,
    drill_mm: clean(drillMm),
    side: 'top',
    paste: false,
  };
}

/** Axis-aligned copper extent of a pad (pads here are never rotated). */
export function padRect(pad: Pad): Rect {
  const [x, y] = pad.at;
  const [w, h] = pad.size;
  return [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
}

export function unionRect(rects: Rect[]): Rect {
  let r: Rect = [Infinity, Infinity, -Infinity, -Infinity];
  for (const q of rects) r = [Math.min(r[0], q[0]), Math.min(r[1], q[1]), Math.max(r[2], q[2]), Math.max(r[3], q[3])];
  return r;
}

export const centredRect = (w: number, h: number, cx = 0, cy = 0): Rect => [
  clean(cx - w / 2),
  clean(cy - h / 2),
  clean(cx + w / 2),
  clean(cy + h / 2),
];

/** Subtracts closed intervals from [a, b]; returns what remains, in order. */
function subtractIntervals(a: number, b: number, cuts: [number, number][]): [number, number][] {
  let parts: [number, number][] = [[a, b]];
  for (const [c0, c1] of cuts) {
    const next: [number, number][] = [];
    for (const [p0, p1] of parts) {
      if (c1 <= p0 || c0 >= p1) next.push([p0, p1]);
      else {
        if (c0 > p0) next.push([p0, c0]);
        if (c1 < p1) next.push([c1, p1]);
      }
    }
    parts = next;
  }
  return parts;
}

/**
 * Draws a rectangle on the silkscreen, cut wherever it would come within SILK_TO_PAD_MM of a pad
 * (measured from the line's edge, so half the line width is added). IPC-7351B keeps legend
 * off lands; the 0.2 mm figure is the requirement.
 */
export function silkRect(rect: Rect, pads: Pad[], widthMm = SILK_WIDTH_MM): Line[] {
  const keep = SILK_TO_PAD_MM + widthMm / 2;
  const blocked = pads.map((p) => {
    const [x0, y0, x1, y1] = padRect(p);
    return [x0 - keep, y0 - keep, x1 + keep, y1 + keep] as Rect;
  });
  const [x0, y0, x1, y1] = rect;
  const lines: Line[] = [];
  const horizontal = (y: number) => {
    const cuts = blocked.filter((b) => y > b[1] && y < b[3]).map((b) => [b[0], b[2]] as [number, number]);
    for (const [a, b] of subtractIntervals(x0, x1, cuts)) {
      if (b - a >= SILK_MIN_SEGMENT_MM) lines.push({ start: [clean(a), clean(y)], end: [clean(b), clean(y)], width_mm: widthMm });
    }
  };
  const vertical = (x: number) => {
    const cuts = blocked.filter((b) => x > b[0] && x < b[2]).map((b) => [b[1], b[3]] as [number, number]);
    for (const [a, b] of subtractIntervals(y0, y1, cuts)) {
      if (b - a >= SILK_MIN_SEGMENT_MM) lines.push({ start: [clean(x), clean(a)], end: [clean(x), clean(b)], width_mm: widthMm });
    }
  };
  horizontal(y0);
  horizontal(y1);
  vertical(x0);
  vertical(x1);
  return lines;
}

export interface FootprintSpec {
  name: string;
  family: string;
  description: string;
  pads: Pad[];
  body: Rect;
  source: string;
  courtyardExcessMm: number;
  /** Extra silkscreen lines (already checked by the caller) — e.g. a pin-1 mark. */
  extraSilk?: Line[];
}

/**
 * Courtyard = smallest rectangle around all copper, the body and any pin-1 mark, grown by the family's courtyard
 * excess (IPC-7351B Tables 3-2 … 3-22, density N) and rounded outward to the 0.05 mm grid.
 */
export function assemble(spec: FootprintSpec): Footprint {
  // Silk marks (pin 1) are kept inside the courtyard too, so neighbours never print over them.
  const marks = (spec.extraSilk ?? []).map((l): Rect => {
    const h = l.width_mm / 2;
    return [Math.min(l.start[0], l.end[0]) - h, Math.min(l.start[1], l.end[1]) - h, Math.max(l.start[0], l.end[0]) + h, Math.max(l.start[1], l.end[1]) + h];
  });
  const extent = unionRect([spec.body, ...spec.pads.map(padRect), ...marks]);
  const e = spec.courtyardExcessMm;
  const courtyard: Rect = [
    clean(roundDown(extent[0] - e, COURTYARD_GRID_MM)),
    clean(roundDown(extent[1] - e, COURTYARD_GRID_MM)),
    clean(roundUp(extent[2] + e, COURTYARD_GRID_MM)),
    clean(roundUp(extent[3] + e, COURTYARD_GRID_MM)),
  ];
  const [bx0, by0, bx1, by1] = spec.body;
  const silkOutline: Rect = [bx0 - SILK_OFFSET_MM, by0 - SILK_OFFSET_MM, bx1 + SILK_OFFSET_MM, by1 + SILK_OFFSET_MM];
  const silkscreen = [...silkRect(silkOutline, spec.pads), ...(spec.extraSilk ?? [])];
  return {
    name: spec.name,
    family: spec.family,
    description: spec.description,
    pads: spec.pads,
    courtyard,
    silkscreen,
    body: [clean(bx0), clean(by0), clean(bx1), clean(by1)],
    source: spec.source,
  };
}

/**
 * A short pin-1 mark left of pad 1 (outside the body outline), kept only if it clears every pad.
 */
export function pinOneMark(pads: Pad[], body: Rect): Line[] {
  const p1 = pads.find((p) => p.number === '1' || p.number === 'A1');
  if (!p1) return [];
  const r = padRect(p1);
  const x = Math.min(r[0], body[0]) - SILK_TO_PAD_MM - SILK_WIDTH_MM - 0.1;
  const y0 = p1.at[1] - 0.3;
  const y1 = p1.at[1] + 0.3;
  const candidate: Line = { start: [clean(x), clean(y0)], end: [clean(x), clean(y1)], width_mm: SILK_WIDTH_MM };
  return silkClear(candidate, pads) ? [candidate] : [];
}

/** True when a silkscreen line stays at least SILK_TO_PAD_MM from every pad's copper. */
export function silkClear(line: Line, pads: Pad[]): boolean {
  const keep = SILK_TO_PAD_MM + line.width_mm / 2 - 1e-6;
  return pads.every((p) => segmentRectDistance(line, padRect(p)) >= keep);
}

/** Distance from an axis-aligned segment to a rectangle (0 when they touch). */
export function segmentRectDistance(line: Line, r: Rect): number {
  const [sx, sy] = line.start;
  const [ex, ey] = line.end;
  const lx0 = Math.min(sx, ex);
  const lx1 = Math.max(sx, ex);
  const ly0 = Math.min(sy, ey);
  const ly1 = Math.max(sy, ey);
  const dx = Math.max(0, r[0] - lx1, lx0 - r[2]);
  const dy = Math.max(0, r[1] - ly1, ly0 - r[3]);
  return Math.hypot(dx, dy);
}
