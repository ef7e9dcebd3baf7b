import { invalidInput } from '../../kernel/errors.js';
import type { SList } from '../sexpr/index.js';
import { rotateVec } from '../board/transform.js';
import { child, children, head, isList, num, numOf, pointOf, property, text, textOf } from './sexpr-query.js';
import type { EdgeShape } from './outline.js';

/**
 * What the importer reads from a `.kicad_pcb` (KiCad "Board File Format" documentation, KiCad 7–9):
 * footprints with their pads' nets, pin names and pin types (KiCad 7+ writes `pinfunction` and
 * `pintype` on every pad, from the schematic), track segments and arcs, vias, zones and the
 * Edge.Cuts drawing. Everything else (text, dimensions, silkscreen, groups) is not part of our model.
 */

/** KiCad 7 (20221018) up to KiCad 9 (20241229): the board versions whose tokens this reader knows. */
export const PCB_VERSIONS = { min: 20221018, max: 20241229 } as const;

export interface PcbPad {
  number: string;
  net: string | null;
  pinfunction: string | null;
  pintype: string | null;
  kind: string;
}

export interface PcbFootprint {
  lib: string;
  ref: string;
  value: string;
  at: [number, number];
  angle: number;
  bottom: boolean;
  dnp: boolean;
  pads: PcbPad[];
}

export interface PcbSegment {
  start: [number, number];
  end: [number, number];
  /** The arc's middle point for an `(arc …)` track; absent for a straight segment. */
  mid?: [number, number];
  width: number;
  layer: string;
  net: string | null;
}

export interface PcbVia {
  at: [number, number];
  size: number;
  drill: number;
  net: string | null;
  /** blind, buried or micro: anything but a through via. */
  special: boolean;
}

export interface PcbZone {
  net: string | null;
  layers: string[];
  polygon: [number, number][];
  keepout: boolean;
  /** A teardrop KiCad generated at a pad or via (`(attr (teardrop …))`), not a pour anyone drew. */
  teardrop?: boolean;
}

export interface PcbBoard {
  version: number;
  copperLayers: string[];
  thicknessMm: number | null;
  nets: string[];
  footprints: PcbFootprint[];
  segments: PcbSegment[];
  vias: PcbVia[];
  zones: PcbZone[];
  edges: EdgeShape[];
  /** Edge.Cuts items drawn inside footprints (read into `edges`, in board coordinates). */
  footprintEdges: number;
  /** Edge.Cuts items of a kind the outline reader does not take (curves, text). */
  otherEdges: number;
}

const xy = (l: SList | undefined): [number, number] | undefined => {
  const x = numOf(l, 1);
  const y = numOf(l, 2);
  return x !== undefined && y !== undefined ? [x, y] : undefined;
};

function polygonPoints(poly: SList | undefined): [number, number][] {
  const pts = poly ? child(poly, 'pts') : undefined;
  if (!pts) return [];
  const out: [number, number][] = [];
  for (const p of children(pts, 'xy')) {
    const q = xy(p);
    if (q) out.push(q);
  }
  return out;
}

export function checkVersion(root: SList, kind: string, range: { min: number; max: number }, field: string): number {
  if (head(root) !== kind) throw invalidInput(`${field} is not a ${kind} file`, [field], { reason: 'wrong_kind' });
  const v = numOf(child(root, 'version'));
  if (v === undefined || v < range.min || v > range.max) {
    throw invalidInput(`${field}: file version ${v ?? 'missing'} is not one this importer reads (${range.min}–${range.max}, KiCad 7 to 9)`, [field], {
      reason: 'unsupported_version',
      version: v ?? null,
    });
  }
  return v;
}

function edgeShape(item: SList): EdgeShape | 'other' {
  // Board items are gr_*, footprint items fp_*: the same shapes (KiCad board file format, "Graphic Items").
  switch (head(item)?.replace(/^fp_/, 'gr_')) {
    case 'gr_line': {
      const a = pointOf(item, 'start');
      const b = pointOf(item, 'end');
      return a && b ? { kind: 'line', points: [a, b] } : 'other';
    }
    case 'gr_arc': {
      const a = pointOf(item, 'start');
      const m = pointOf(item, 'mid');
      const b = pointOf(item, 'end');
      return a && m && b ? { kind: 'arc', points: [a, m, b] } : 'other';
    }
    case 'gr_rect': {
      const a = pointOf(item, 'start');
      const b = pointOf(item, 'end');
      return a && b ? { kind: 'rect', points: [a, b] } : 'other';
    }
    case 'gr_circle': {
      const c = pointOf(item, 'center');
      const e = pointOf(item, 'end');
      return c && e ? { kind: 'circle', points: [c, e] } : 'other';
    }
    case 'gr_poly': {
      const pts = polygonPoints(item);
      return pts.length >= 3 ? { kind: 'poly', points: pts } : 'other';
    }
    default:
      return 'other';
  }
}

/**
 * A footprint's Edge.Cuts items in board coordinates. Children are stored relative to the anchor and
 * unrotated (already mirrored when on the bottom); the board point is anchor + the child turned by the
 * footprint angle, counter-clockwise on screen with y downwards (board/transform.ts rotateVec).
 */
function footprintEdges(fp: SList, at: [number, number], angleDeg: number): { shapes: EdgeShape[]; other: number } {
  const toBoard = (p: [number, number]): [number, number] => {
    const r = rotateVec(p, angleDeg);
    return [at[0] + r[0], at[1] + r[1]];
  };
  const shapes: EdgeShape[] = [];
  let other = 0;
  for (const e of fp) {
    if (!isList(e) || !/^fp_/.test(head(e) ?? '') || textOf(child(e, 'layer')) !== 'Edge.Cuts') continue;
    const shape = edgeShape(e);
    if (shape === 'other') {
      other++;
      continue;
    }
    if (shape.kind === 'rect') {
      // A rectangle turned with its footprint is a polygon.
      const [p, q] = shape.points as [[number, number], [number, number]];
      shapes.push({ kind: 'poly', points: [p, [q[0], p[1]], q, [p[0], q[1]]].map((v) => toBoard(v as [number, number])) });
    } else shapes.push({ kind: shape.kind, points: shape.points.map(toBoard) });
  }
  return { shapes, other };
}

function readFootprint(fp: SList, netName: (n: number | undefined, name: string | undefined) => string | null): { footprint: PcbFootprint; edges: EdgeShape[]; otherEdges: number } {
  const at = child(fp, 'at');
  const layer = textOf(child(fp, 'layer')) ?? 'F.Cu';
  const attr = child(fp, 'attr');
  const pads: PcbPad[] = [];
  for (const p of children(fp, 'pad')) {
    const net = child(p, 'net');
    pads.push({
      number: text(p[1]) ?? '',
      kind: text(p[2]) ?? 'smd',
      net: net ? netName(numOf(net, 1), textOf(net, 2)) : null,
      pinfunction: textOf(child(p, 'pinfunction')) ?? null,
      pintype: textOf(child(p, 'pintype')) ?? null,
    });
  }
  const anchor: [number, number] = [numOf(at, 1) ?? 0, numOf(at, 2) ?? 0];
  const edges = footprintEdges(fp, anchor, numOf(at, 3) ?? 0);
  return {
    footprint: {
      lib: text(fp[1]) ?? '',
      ref: property(fp, 'Reference') ?? '',
      value: property(fp, 'Value') ?? '',
      at: anchor,
      angle: numOf(at, 3) ?? 0,
      bottom: layer === 'B.Cu',
      dnp: attr ? attr.some((a) => text(a) === 'dnp') : false,
      pads,
    },
    edges: edges.shapes,
    otherEdges: edges.other,
  };
}

export function readPcb(root: SList, field: string): PcbBoard {
  const version = checkVersion(root, 'kicad_pcb', PCB_VERSIONS, field);
  const copperLayers: string[] = [];
  for (const l of child(root, 'layers') ?? []) {
    if (!isList(l)) continue;
    const name = text(l[1]);
    if (name && /\.Cu$/.test(name)) copperLayers.push(name);
  }
  // Net numbers of this file: `(net 3 "SDA")` at the top level; items refer to them by number.
  const byNumber = new Map<number, string>();
  for (const n of children(root, 'net')) {
    const id = numOf(n, 1);
    const name = textOf(n, 2);
    if (id !== undefined && name !== undefined && name !== '') byNumber.set(id, name);
  }
  const netName = (n: number | undefined, name: string | undefined): string | null => {
    if (name !== undefined && name !== '') return name;
    return n !== undefined ? (byNumber.get(n) ?? null) : null;
  };
  const board: PcbBoard = {
    version,
    copperLayers,
    thicknessMm: numOf(child(child(root, 'general') ?? [], 'thickness')) ?? null,
    nets: [...byNumber.values()],
    footprints: [],
    segments: [],
    vias: [],
    zones: [],
    edges: [],
    footprintEdges: 0,
    otherEdges: 0,
  };
  for (const item of root) {
    if (!isList(item)) continue;
    const h = head(item);
    if (h === 'footprint') {
      const { footprint, edges, otherEdges } = readFootprint(item, netName);
      board.footprints.push(footprint);
      board.footprintEdges += edges.length;
      board.edges.push(...edges);
      board.otherEdges += otherEdges;
    } else if (h === 'segment' || h === 'arc') {
      const start = pointOf(item, 'start');
      const end = pointOf(item, 'end');
      const mid = h === 'arc' ? pointOf(item, 'mid') : undefined;
      if (!start || !end) continue;
      const seg: PcbSegment = { start, end, width: numOf(child(item, 'width')) ?? 0, layer: textOf(child(item, 'layer')) ?? '', net: netName(numOf(child(item, 'net')), undefined) };
      if (mid) seg.mid = mid;
      board.segments.push(seg);
    } else if (h === 'via') {
      const at = pointOf(item, 'at');
      if (!at) continue;
      board.vias.push({
        at,
        size: numOf(child(item, 'size')) ?? 0,
        drill: numOf(child(item, 'drill')) ?? 0,
        net: netName(numOf(child(item, 'net')), undefined),
        special: item.some((e) => ['blind', 'buried', 'micro'].includes(text(e) ?? '')),
      });
    } else if (h === 'zone') {
      const layers = [textOf(child(item, 'layer')), ...(child(item, 'layers') ?? []).slice(1).map((e) => text(e))].filter((l): l is string => l !== undefined);
      const net = child(item, 'net');
      board.zones.push({
        net: netName(num(net?.[1]), textOf(child(item, 'net_name'))),
        layers,
        polygon: polygonPoints(child(item, 'polygon')),
        keepout: child(item, 'keepout') !== undefined,
        teardrop: child(child(item, 'attr') ?? [], 'teardrop') !== undefined,
      });
    } else if (h !== undefined && h.startsWith('gr_') && textOf(child(item, 'layer')) === 'Edge.Cuts') {
      const shape = edgeShape(item);
      if (shape === 'other') board.otherEdges++;
      else board.edges.push(shape);
    }
  }
  return board;
}
