import { roundrectRadius, type PadShape } from '../../model/footprint.js';

/**
 * Aperture dictionary of one Gerber file (Gerber Layer Format Specification, Ucamco, rev. 2023.08:
 * §4.3 AD for standard apertures C/R/O, §4.5 AM aperture macros). D codes start at D10 (§4.3.1)
 * and are numbered in order of first use, so the same input always yields the same numbering.
 * Aperture functions (§5.6.10 `.AperFunction`) are attached by setting the attribute just before
 * the AD and deleting it right after (§5.1: an aperture takes the attributes current at its AD).
 */

export type ApertureShape =
  | { kind: 'C'; diameterMm: number }
  | { kind: 'R'; widthMm: number; heightMm: number }
  | { kind: 'O'; widthMm: number; heightMm: number }
  /** Macro primitives with literal values, each without the trailing `*`. */
  | { kind: 'M'; primitives: string[] };

interface ApertureEntry {
  code: number;
  shape: ApertureShape;
  fn: string | null;
}

export interface ApertureTable {
  byKey: Map<string, ApertureEntry>;
  entries: ApertureEntry[];
}

export function newApertureTable(): ApertureTable {
  return { byKey: new Map(), entries: [] };
}

/** A decimal for AD/AM parameters: mm rounded to 1 nm, no trailing zeros, never "-0". */
export function num(v: number): string {
  const r = Math.round(v * 1e6) / 1e6;
  if (r === 0) return '0';
  return String(r);
}

function shapeKey(shape: ApertureShape): string {
  switch (shape.kind) {
    case 'C':
      return `C${num(shape.diameterMm)}`;
    case 'R':
    case 'O':
      return `${shape.kind}${num(shape.widthMm)}X${num(shape.heightMm)}`;
    case 'M':
      return `M${shape.primitives.join('/')}`;
  }
}

/** The D code of an aperture, defining it on first use. */
export function apertureCode(table: ApertureTable, shape: ApertureShape, fn: string | null): number {
  const key = `${fn ?? ''}|${shapeKey(shape)}`;
  const found = table.byKey.get(key);
  if (found) return found.code;
  const entry: ApertureEntry = { code: 10 + table.entries.length, shape, fn };
  table.byKey.set(key, entry);
  table.entries.push(entry);
  return entry.code;
}

/** The AM/TA/AD/TD block defining every aperture of the table, in D-code order. */
export function apertureBlock(table: ApertureTable): string[] {
  const out: string[] = [];
  for (const e of table.entries) {
    if (e.fn) out.push(`%TA.AperFunction,${e.fn}*%`);
    const s = e.shape;
    if (s.kind === 'C') out.push(`%ADD${e.code}C,${num(s.diameterMm)}*%`);
    else if (s.kind === 'R' || s.kind === 'O') out.push(`%ADD${e.code}${s.kind},${num(s.widthMm)}X${num(s.heightMm)}*%`);
    else {
      // One macro per aperture with literal values (§4.5.1): no parameters, no arithmetic to misread.
      const name = `ZTM${e.code}`;
      out.push(`%AM${name}*`, ...s.primitives.map((p, i) => (i === s.primitives.length - 1 ? `${p}*%` : `${p}*`)));
      out.push(`%ADD${e.code}${name}*%`);
    }
    if (e.fn) out.push('%TD*%');
  }
  return out;
}

/** Rotates a point CCW (Gerber frame, y up) by `deg`. */
function rot(x: number, y: number, deg: number): [number, number] {
  const r = (deg * Math.PI) / 180;
  const c = Math.cos(r);
  const s = Math.sin(r);
  return [x * c - y * s, x * s + y * c];
}

function normDeg(deg: number): number {
  const r = ((deg % 360) + 360) % 360;
  return Math.abs(r - 360) < 1e-9 ? 0 : Math.round(r * 1e6) / 1e6;
}

/** Macro primitive 21 (centre line, §4.5.1.6): exposure, width, height, centre x, y, rotation. */
const centerLine = (w: number, h: number, deg: number): string => `21,1,${num(w)},${num(h)},0,0,${num(deg)}`;
/** Macro primitive 1 (circle, §4.5.1.3): exposure, diameter, centre x, y. */
const circle = (d: number, x: number, y: number): string => `1,1,${num(d)},${num(x)},${num(y)}`;

/**
 * The aperture of a pad of `size` (before rotation) rotated CCW by `rotationDeg` as seen from the
 * top, grown by `expandMm` on every side (solder-mask margin). The board's y-down frame and the
 * Gerber y-up frame show the same picture once y is negated, so a CCW angle stays CCW.
 * Circles, and rects/ovals at multiples of 90°, use standard apertures (§4.4); everything else
 * (rotated rect/oval, roundrect) uses a macro built from primitives 21 and 1.
 */
export function padAperture(shape: PadShape, size: [number, number], rotationDeg: number, roundrectRatio: number, expandMm = 0): ApertureShape {
  const w = size[0] + 2 * expandMm;
  const h = size[1] + 2 * expandMm;
  const deg = normDeg(rotationDeg);
  const quarter = deg % 90 === 0;
  const swap = deg === 90 || deg === 270;
  const [aw, ah] = swap ? [h, w] : [w, h];
  if (shape === 'circle') return { kind: 'C', diameterMm: Math.min(w, h) };
  if (shape === 'rect' || (shape === 'roundrect' && roundrectRatio <= 0)) {
    return quarter ? { kind: 'R', widthMm: aw, heightMm: ah } : { kind: 'M', primitives: [centerLine(w, h, deg)] };
  }
  if (shape === 'oval') {
    if (quarter) return { kind: 'O', widthMm: aw, heightMm: ah };
    const d = Math.min(w, h);
    const half = (Math.max(w, h) - d) / 2;
    const axis: [number, number] = w >= h ? [half, 0] : [0, half];
    const a = rot(axis[0], axis[1], deg);
    const prims = [w >= h ? centerLine(w - d, h, deg) : centerLine(w, h - d, deg), circle(d, a[0], a[1]), circle(d, -a[0], -a[1])];
    return { kind: 'M', primitives: prims };
  }
  // roundrect: two crossing rectangles plus four corner circles (KiCad's radius = ratio × min side).
  const r = Math.min(roundrectRadius(size, roundrectRatio) + expandMm, Math.min(w, h) / 2);
  const prims: string[] = [];
  if (h - 2 * r > 1e-9) prims.push(centerLine(w, h - 2 * r, deg));
  if (w - 2 * r > 1e-9) prims.push(centerLine(w - 2 * r, h, deg));
  for (const [sx, sy] of [[1, 1], [-1, 1], [-1, -1], [1, -1]] as const) {
    const c = rot(sx * (w / 2 - r), sy * (h / 2 - r), deg);
    prims.push(circle(2 * r, c[0], c[1]));
  }
  return { kind: 'M', primitives: prims };
}
