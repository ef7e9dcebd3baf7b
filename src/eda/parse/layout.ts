import type { Board, Design, Net, NetClass, Placement, Track, Via } from '../model/design.js';
import type { ComponentIndex } from './nets.js';
import { fail, noteKeys, quote, warn, type ParseContext, type PathSeg } from './context.js';
import { LIMITS } from './limits.js';
import { mapLayer, resolveNet } from './board.js';
import {
  DROPPED_CONSTRAINTS,
  DROPPED_ROUTING,
  DROPPED_ROUTING_INTENT,
  ZT_NET_CLASSES,
  ZtConstraints,
  ZtPlacementIntent,
  ZtRouting,
  ZtRoutingIntent,
  ZtTrace,
  shapeKeys,
  type ZtDesign,
} from './zaptrace-schema.js';

/**
 * ZapTrace `placement` is `{component_id: [x, y]}` in mm; ZapTrace has no rotation or side there, so
 * every placed part is rotation 0 on the top side. A component's own `position` is used when the
 * placement map does not name it. Keys resolve by id, then by ref.
 */
export function mapPlacement(
  ctx: ParseContext,
  design: ZtDesign,
  index: ComponentIndex,
): Record<string, Placement> {
  const out: Record<string, Placement> = {};
  for (const [key, [x, y]] of Object.entries(design.placement ?? {})) {
    const path: PathSeg[] = ['placement', key];
    const draft = index.resolve(key, path);
    out[draft.component.id] = { x_mm: x, y_mm: y, rotation_deg: 0, side: 'top' };
  }
  for (const [id, comp] of Object.entries(design.components ?? {})) {
    if (comp.position && !(id in out)) out[id] = { x_mm: comp.position[0], y_mm: comp.position[1], rotation_deg: 0, side: 'top' };
  }
  if (Object.keys(out).length > 0) warn(ctx, ['placement'], 'ZapTrace placement has no rotation or side; read as rotation 0, top side');
  return out;
}

/**
 * `routing.traces` → tracks; a trace with `via: true` also yields a via at its end point (ZapTrace:
 * "whether this segment ends with a via"). `routing.vias` entries are `[x, y, diameter, drill]` or
 * `[x, y, diameter, drill, net_id]`; a 4-tuple takes the net of a track ending at that point.
 */
export function mapRouting(ctx: ParseContext, design: ZtDesign, board: Board, nets: Map<string, Net>): Design['routing'] {
  const routing = design.routing;
  if (!routing) return { tracks: [], vias: [] };
  noteKeys(ctx, routing, ['routing'], shapeKeys(ZtRouting), DROPPED_ROUTING);
  const traces = routing.traces ?? [];
  if (traces.length > LIMITS.maxTracks) fail(`more than ${LIMITS.maxTracks} traces`, ['routing', 'traces']);
  const tracks: Track[] = [];
  const vias: Via[] = [];
  const endNet = new Map<string, string>();
  const keyOf = (p: readonly [number, number]) => `${p[0]},${p[1]}`;
  traces.forEach((t, i) => {
    const path: PathSeg[] = ['routing', 'traces', i];
    noteKeys(ctx, t, path, shapeKeys(ZtTrace), new Set());
    if (!t.net_id) {
      warn(ctx, path, 'trace without net_id dropped; every track needs a net');
      return;
    }
    const net = resolveNet(nets, t.net_id, [...path, 'net_id']);
    const layer = mapLayer(t.layer, board.layers, [...path, 'layer']);
    const width = t.width ?? 0.2; // ZapTrace default
    if (width <= 0) fail('trace width must be positive', [...path, 'width']);
    tracks.push({ net, layer, start: t.start, end: t.end, width_mm: width });
    endNet.set(keyOf(t.start), net);
    endNet.set(keyOf(t.end), net);
    if (t.via) vias.push({ net, at: t.end, diameter_mm: t.via_diameter ?? 0.45, drill_mm: t.via_hole ?? 0.2 });
  });
  const rawVias = routing.vias ?? [];
  if (rawVias.length > LIMITS.maxVias) fail(`more than ${LIMITS.maxVias} vias`, ['routing', 'vias']);
  rawVias.forEach((v, i) => {
    const path: PathSeg[] = ['routing', 'vias', i];
    const [x, y, diameter, drill] = v;
    const net = v.length === 5 ? resolveNet(nets, v[4], [...path, 4]) : endNet.get(keyOf([x, y]));
    if (net === undefined) {
      warn(ctx, path, 'via without a net and with no track ending on it; dropped');
      return;
    }
    if (diameter <= 0 || drill <= 0 || drill >= diameter) fail('via needs 0 < drill < diameter', path);
    vias.push({ net, at: [x, y], diameter_mm: diameter, drill_mm: drill });
  });
  return { tracks, vias };
}

export function mapConstraints(ctx: ParseContext, design: ZtDesign): Design['constraints'] {
  const c = design.constraints;
  if (!c) return { placement: [], routing: [] };
  noteKeys(ctx, c, ['constraints'], shapeKeys(ZtConstraints), DROPPED_CONSTRAINTS);
  const placement = (c.placement ?? []).map((p, i) => {
    noteKeys(ctx, p, ['constraints', 'placement', i], shapeKeys(ZtPlacementIntent), new Set());
    return {
      component: p.component,
      edge: p.edge ?? null,
      near: p.near ?? null,
      max_distance_mm: p.max_distance_mm ?? null,
      reason: p.reason ?? '',
    };
  });
  const routing = (c.routing ?? []).map((r, i) => {
    noteKeys(ctx, r, ['constraints', 'routing', i], shapeKeys(ZtRoutingIntent), new Set());
    for (const key of DROPPED_ROUTING_INTENT) {
      if (r[key as 'copper_pour' | 'stitching_vias']) warn(ctx, ['constraints', 'routing', i, key], 'request not represented in the normalised model; ignored');
    }
    return {
      net: r.net,
      differential_pair: r.differential_pair ?? false,
      impedance_ohm: r.impedance_ohm || null,
      length_match_mm: r.length_match_mm ?? null,
      max_length_mm: r.max_length_mm ?? null,
      reason: r.reason ?? '',
    };
  });
  return { placement, routing };
}

const POWER_CLASSES = new Set(['power_low', 'power_med', 'power_high']);

/**
 * ZapTrace `net_classes` is `{net_id: class}` with a fixed class vocabulary. Each net gets that class
 * name, and each used class gets a definition built from the board rules: power classes use ZapTrace's
 * power trace width (`default_trace_power`, 0.5 mm by its schema), the rest the signal width
 * (`default_trace_signal`, 0.2 mm), never below the board minimum.
 */
export function mapNetClasses(
  ctx: ParseContext,
  design: ZtDesign,
  board: Board,
  nets: Map<string, Net>,
): Record<string, NetClass> {
  const out: Record<string, NetClass> = {};
  const rules = design.board_def?.constraints ?? {};
  for (const [netRef, cls] of Object.entries(design.net_classes ?? {})) {
    const path: PathSeg[] = ['net_classes', netRef];
    const net = nets.get(resolveNet(nets, netRef, path));
    if (!net) continue;
    if (cls.trim() === '' || cls.length > 100) fail('net class name must be 1–100 characters', path);
    if (!(ZT_NET_CLASSES as readonly string[]).includes(cls)) {
      if (ctx.strict) fail(`unknown net class ${quote(cls)} (ZapTrace classes: ${ZT_NET_CLASSES.join(', ')})`, path);
      warn(ctx, path, `net class ${quote(cls)} is not a ZapTrace class; kept as a name`);
    }
    net.class = cls;
    let def = out[cls];
    if (!def) {
      const width = POWER_CLASSES.has(cls) ? (rules.default_trace_power ?? 0.5) : (rules.default_trace_signal ?? 0.2);
      def = {
        track_width_mm: Math.max(width, board.min_trace_width_mm),
        clearance_mm: board.min_clearance_mm,
        via_diameter_mm: board.min_via_diameter_mm,
        via_drill_mm: board.min_via_drill_mm,
        nets: [],
      };
      out[cls] = def;
    }
    def.nets.push(net.name);
  }
  for (const def of Object.values(out)) def.nets.sort();
  return out;
}
