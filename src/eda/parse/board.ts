import { DEFAULT_FAB_RULES, copperLayers, type Board, type CopperPour, type Keepout, type Net, type Point } from '../model/design.js';
import { fail, noteKeys, quote, warn, type ParseContext, type PathSeg } from './context.js';
import { LIMITS } from './limits.js';
import { checkIdent } from './sanitize.js';
import {
  DROPPED_BOARD,
  DROPPED_BOARD_CONSTRAINTS,
  DROPPED_BOARD_DEF,
  DROPPED_POUR,
  ZtBoard,
  ZtBoardConstraints,
  ZtBoardDef,
  ZtKeepout,
  ZtMountingHole,
  ZtPour,
  shapeKeys,
  type ZtDesign,
} from './zaptrace-schema.js';

/** ZapTrace's schema defaults (BoardConfig / BoardDefinition): 100 x 80 mm, 2 copper layers. */
export const ZAPTRACE_BOARD_DEFAULTS = { width_mm: 100, height_mm: 80, layers: 2 } as const;

/**
 * Board from the legacy `board` block and the fuller `board_def`. Where both give a value, `board_def`
 * wins (it is the complete definition; `board` is kept by ZapTrace for compatibility) and a warning
 * notes a disagreement. An outline without explicit size sets width/height to its bounding box.
 */
export function mapBoard(ctx: ParseContext, design: ZtDesign): Board {
  const board = design.board ?? {};
  const def = design.board_def ?? {};
  noteKeys(ctx, board, ['board'], shapeKeys(ZtBoard), DROPPED_BOARD);
  noteKeys(ctx, def, ['board_def'], shapeKeys(ZtBoardDef), DROPPED_BOARD_DEF);
  const rules = def.constraints ?? {};
  noteKeys(ctx, rules, ['board_def', 'constraints'], shapeKeys(ZtBoardConstraints), DROPPED_BOARD_CONSTRAINTS);
  for (const key of ['default_trace_signal', 'default_trace_power'] as const) {
    if (rules[key] !== undefined) warn(ctx, ['board_def', 'constraints', key], 'used only for the width of ZapTrace net classes');
  }

  const outline: Point[] | null = def.outline && def.outline.length > 0 ? def.outline : null;
  if (outline && outline.length < 3) fail('board outline needs at least 3 points', ['board_def', 'outline']);
  const xs = outline?.map((p) => p[0]) ?? [];
  const ys = outline?.map((p) => p[1]) ?? [];

  const pick = (key: string, fromDef: number | undefined, fromBoard: number | undefined, fallback: number): number => {
    if (fromDef !== undefined && fromBoard !== undefined && fromDef !== fromBoard) {
      warn(ctx, ['board', key], `board says ${fromBoard}, board_def says ${fromDef}; using board_def`);
    }
    return fromDef ?? fromBoard ?? fallback;
  };
  const width = pick('width_mm', def.width ?? (outline ? Math.max(...xs) : undefined), board.width_mm, ZAPTRACE_BOARD_DEFAULTS.width_mm);
  const height = pick('height_mm', def.height ?? (outline ? Math.max(...ys) : undefined), board.height_mm, ZAPTRACE_BOARD_DEFAULTS.height_mm);
  const layers = pick('layers', def.layers, board.layers, ZAPTRACE_BOARD_DEFAULTS.layers);
  if (board.width_mm === undefined && def.width === undefined && !outline) {
    warn(ctx, ['board'], `no board size given; using ZapTrace's default ${ZAPTRACE_BOARD_DEFAULTS.width_mm} x ${ZAPTRACE_BOARD_DEFAULTS.height_mm} mm`);
  }

  const out: Board = {
    width_mm: width,
    height_mm: height,
    layers,
    outline_mm: outline,
    thickness_mm: board.thickness_mm ?? 1.6,
    min_trace_width_mm: pick('min_trace_width_mm', rules.min_trace, board.min_trace_width_mm, DEFAULT_FAB_RULES.min_trace_width_mm),
    min_clearance_mm: pick('min_clearance_mm', rules.min_clearance, board.min_clearance_mm, DEFAULT_FAB_RULES.min_clearance_mm),
    min_via_diameter_mm: pick('min_via_diameter_mm', rules.via_pad, board.min_via_diameter_mm, DEFAULT_FAB_RULES.min_via_diameter_mm),
    min_via_drill_mm: pick('min_via_drill_mm', rules.via_hole ?? rules.min_hole, board.min_via_drill_mm, DEFAULT_FAB_RULES.min_via_drill_mm),
  };
  return out;
}

/** Accepts our layer names and the obvious aliases; the layer must exist on a board of `layers`. */
export function mapLayer(name: string, layers: number, path: readonly PathSeg[]): string {
  const alias: Record<string, string> = { top: 'F.Cu', bottom: 'B.Cu', 'f.cu': 'F.Cu', 'b.cu': 'B.Cu' };
  const layer = alias[name.toLowerCase()] ?? name;
  if (!copperLayers(layers).includes(layer)) {
    fail(`layer ${quote(name)} is not a copper layer of this ${layers}-layer board (${copperLayers(layers).join(', ')})`, path);
  }
  return layer;
}

/** A regular polygon approximating a circle, for mounting-hole keepouts (16 sides, circumscribed). */
function circle(cx: number, cy: number, radius: number): Point[] {
  const n = 16;
  const r = radius / Math.cos(Math.PI / n); // circumscribe so the polygon covers the whole hole
  return Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    return [Number((cx + r * Math.cos(a)).toFixed(4)), Number((cy + r * Math.sin(a)).toFixed(4))] as Point;
  });
}

/**
 * Keepouts: the design's own list (an extension; the correctness corpus puts them beside the design),
 * plus ZapTrace board cutouts and mounting holes, which become full keepouts so nothing is routed or
 * placed over them. The cutout milling and the hole drilling themselves are not in our model.
 */
export function mapKeepouts(ctx: ParseContext, design: ZtDesign, layers: number): Keepout[] {
  const out: Keepout[] = [];
  const ids = new Set<string>();
  const add = (k: Keepout, path: PathSeg[]) => {
    if (ids.has(k.id)) fail(`duplicate keepout id ${quote(k.id)}`, path);
    ids.add(k.id);
    out.push(k);
  };
  (design.keepouts ?? []).forEach((k, i) => {
    const path: PathSeg[] = ['keepouts', i];
    noteKeys(ctx, k, path, shapeKeys(ZtKeepout), new Set());
    checkIdent(k.id, 'keepout id', [...path, 'id']);
    if (k.polygon.length < 3) fail('keepout polygon needs at least 3 points', [...path, 'polygon']);
    add(
      {
        id: k.id,
        polygon: k.polygon,
        layers: (k.layers ?? []).map((l, j) => mapLayer(l, layers, [...path, 'layers', j])),
        no_tracks: k.no_tracks ?? true,
        no_vias: k.no_vias ?? true,
        no_footprints: k.no_footprints ?? true,
      },
      path,
    );
  });
  (design.board_def?.cutouts ?? []).forEach((poly, i) => {
    const path: PathSeg[] = ['board_def', 'cutouts', i];
    if (poly.length < 3) fail('cutout polygon needs at least 3 points', path);
    add({ id: `board_cutout_${i + 1}`, polygon: poly, layers: [], no_tracks: true, no_vias: true, no_footprints: true }, path);
    warn(ctx, path, 'board cutout kept as a keepout; the cutout itself is not milled by our exports');
  });
  (design.board_def?.mounting_holes ?? []).forEach((hole, i) => {
    const path: PathSeg[] = ['board_def', 'mounting_holes', i];
    noteKeys(ctx, hole, path, shapeKeys(ZtMountingHole), new Set());
    const [x, y] = hole.position ?? [0, 0];
    const d = hole.diameter ?? 3; // ZapTrace default
    if (d <= 0) fail('mounting hole diameter must be positive', [...path, 'diameter']);
    add({ id: `mounting_hole_${i + 1}`, polygon: circle(x, y, d / 2), layers: [], no_tracks: true, no_vias: true, no_footprints: true }, path);
    warn(ctx, path, 'mounting hole kept as a keepout; the hole itself is not drilled by our exports');
  });
  if (out.length > LIMITS.maxKeepouts) fail(`more than ${LIMITS.maxKeepouts} keepouts`, ['keepouts']);
  return out;
}

/** Resolves a ZapTrace net reference: net id first, then a unique net name. */
export function resolveNet(nets: Map<string, Net>, ref: string, path: readonly PathSeg[]): string {
  if (nets.has(ref)) return ref;
  for (const net of nets.values()) if (net.name === ref) return net.id;
  return fail(`unknown net ${quote(ref)}`, path);
}

/**
 * Copper pours are keyed by pour id in the corpus (`gnd_top`); `net_id` names the net (ZapTrace
 * default GND), `layer` defaults to F.Cu, and a pour without a polygon covers the board outline.
 */
export function mapPours(ctx: ParseContext, design: ZtDesign, board: Board, nets: Map<string, Net>): Record<string, CopperPour> {
  const out: Record<string, CopperPour> = {};
  for (const [id, pour] of Object.entries(design.copper_pours ?? {})) {
    const path: PathSeg[] = ['copper_pours', id];
    checkIdent(id, 'copper pour id', path);
    noteKeys(ctx, pour, path, shapeKeys(ZtPour), DROPPED_POUR);
    const net = resolveNet(nets, pour.net_id ?? 'GND', [...path, 'net_id']);
    let polygon = pour.polygon;
    if (!polygon || polygon.length === 0) {
      polygon = board.outline_mm ?? [
        [0, 0],
        [board.width_mm, 0],
        [board.width_mm, board.height_mm],
        [0, board.height_mm],
      ];
      warn(ctx, [...path, 'polygon'], 'no polygon; the pour covers the board outline');
    }
    if (polygon.length < 3) fail('pour polygon needs at least 3 points', [...path, 'polygon']);
    out[id] = { net, layer: mapLayer(pour.layer ?? 'F.Cu', board.layers, [...path, 'layer']), polygon };
  }
  return out;
}
