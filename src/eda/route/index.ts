import type { Design, NetClass, Track, Via } from '../model/design.js';
import { own } from '../../kernel/own.js';
import { boardOutline, copperLayers } from '../model/design.js';
import { roundrectRadius } from '../model/footprint.js';
import { invalidInput } from '../../kernel/errors.js';
import { buildBoardGeometry, routingGridOf, type BoardGeometry, type BoardPad, type FootprintResolver, type PinPadMapper } from '../board/index.js';
import { routeProblem } from './core.js';
import type { RouteClass, RouteObstacle, RouteOptions, RouteProblem, RouteResult, UnroutedReason, XY } from './types.js';

export { routeProblem } from './core.js';
export * from './types.js';
export { importSimpleRouteJson, exportSimpleRouteTraces, SimpleRouteJson, srjLayers } from './simple-route-json.js';

/**
 * route_nets (docs/routing.md): routes a placed design with zt-route-1. Pads come from the board
 * geometry (so DRC and the .kicad_pcb writer see the same copper), nets are routed per class.
 */

/** Default class table (docs/routing.md, "Classes"): signal 0.2/0.2 mm, power and ground 0.4 mm tracks. */
export const DEFAULT_CLASS: RouteClass = { traceWidthMm: 0.2, clearanceMm: 0.2, viaDiameterMm: 0.6, viaDrillMm: 0.3 };
export const POWER_CLASS: RouteClass = { traceWidthMm: 0.4, clearanceMm: 0.2, viaDiameterMm: 0.8, viaDrillMm: 0.4 };
/** Copper-to-board-edge clearance used unless overridden. */
export const DEFAULT_EDGE_CLEARANCE_MM = 0.3;

export interface RouteNetsOptions extends RouteOptions {
  layers?: string[];
  /** Per-net (id) class overrides, on top of the design's `net_classes`. */
  netClasses?: Record<string, RouteClass>;
  edgeClearanceMm?: number;
  mapPins?: PinPadMapper;
  /**
   * The design's board geometry when the caller has it already (it depends on the parts and
   * their placement, not on routing): the layout chain builds it once for routing and DRC.
   */
  geometry?: BoardGeometry;
}

export interface RouteNetsResult {
  tracks: Track[];
  vias: Via[];
  connections: { net: string; from: string; to: string; status: 'routed' | 'unrouted'; reason?: UnroutedReason }[];
  /** Net nodes with no pad on the board (footprint missing, part unplaced, pin unmapped). */
  unconnectable: { net: string; node: string; reason: string }[];
  completion: { routed: number; total: number; complete: boolean };
  router: 'zt-route-1';
  parameters: RouteResult['parameters'] & { layers: string[]; edgeClearanceMm: number; classes: Record<string, RouteClass> };
  seed: number;
}

function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return re.test(name);
}

function fromNetClass(c: NetClass): RouteClass {
  return { traceWidthMm: c.track_width_mm, clearanceMm: c.clearance_mm, viaDiameterMm: c.via_diameter_mm, viaDrillMm: c.via_drill_mm };
}

/** The class of each net: explicit `class`, then a `net_classes` pattern, then power/ground, then default. */
export function netClassTable(design: Design, overrides: Record<string, RouteClass> = {}): { byNet: Record<string, RouteClass>; base: RouteClass } {
  const b = design.board;
  const base: RouteClass = {
    traceWidthMm: Math.max(DEFAULT_CLASS.traceWidthMm, b.min_trace_width_mm),
    clearanceMm: Math.max(DEFAULT_CLASS.clearanceMm, b.min_clearance_mm),
    viaDiameterMm: Math.max(DEFAULT_CLASS.viaDiameterMm, b.min_via_diameter_mm),
    viaDrillMm: Math.max(DEFAULT_CLASS.viaDrillMm, b.min_via_drill_mm),
  };
  const power: RouteClass = {
    traceWidthMm: Math.max(POWER_CLASS.traceWidthMm, base.traceWidthMm),
    clearanceMm: Math.max(POWER_CLASS.clearanceMm, base.clearanceMm),
    viaDiameterMm: Math.max(POWER_CLASS.viaDiameterMm, base.viaDiameterMm),
    viaDrillMm: Math.max(POWER_CLASS.viaDrillMm, base.viaDrillMm),
  };
  const byNet: Record<string, RouteClass> = {};
  const classNames = Object.keys(design.net_classes).sort();
  for (const id of Object.keys(design.nets).sort()) {
    const net = design.nets[id]!;
    const over = own(overrides, id);
    if (over) {
      byNet[id] = over;
      continue;
    }
    const explicit = net.class !== null ? own(design.net_classes, net.class) : undefined;
    const byPattern = classNames.map((k) => design.net_classes[k]!).find((c) => c.nets.some((p) => globMatch(p, net.name) || globMatch(p, id)));
    const cls = explicit ?? byPattern;
    if (cls) byNet[id] = fromNetClass(cls);
    else if (net.type === 'power' || net.type === 'ground') byNet[id] = power;
  }
  return { byNet, base };
}

function padObstacle(p: BoardPad): RouteObstacle {
  const center: XY = [p.center[0], p.center[1]];
  const size: XY = [p.size[0], p.size[1]];
  const shape: RouteObstacle['shape'] =
    p.shape === 'circle'
      ? { kind: 'circle', center, diameterMm: Math.min(size[0], size[1]) }
      : p.shape === 'oval'
        ? { kind: 'oval', center, size, rotationDeg: p.rotationDeg }
        : p.shape === 'roundrect'
          ? { kind: 'rect', center, size, rotationDeg: p.rotationDeg, cornerRadiusMm: roundrectRadius(size, p.roundrectRatio) }
          : { kind: 'rect', center, size, rotationDeg: p.rotationDeg };
  return { shape, layers: p.layers, net: p.kind === 'np_thru_hole' ? null : p.net, drillMm: p.drillMm, npth: p.kind === 'np_thru_hole' };
}

export function routeNets(design: Design, resolve: FootprintResolver, options: RouteNetsOptions = {}): RouteNetsResult {
  const layers = options.layers ?? copperLayers(design.board.layers);
  const known = copperLayers(design.board.layers);
  for (const l of layers) if (!known.includes(l)) throw invalidInput(`layer ${l} is not a copper layer of this board`, ['options', 'layers']);
  const geometry = options.geometry ?? buildBoardGeometry(design, resolve, options.mapPins);
  const { byNet, base } = netClassTable(design, options.netClasses);
  const outline = boardOutline(design.board).map(([x, y]) => [x, y] as XY);
  // The same grid the placer aligned fine-pitch lands to.
  const routingGrid = routingGridOf(design.board);
  const bounds = routingGrid.bounds;
  const edgeClearanceMm = options.edgeClearanceMm ?? DEFAULT_EDGE_CLEARANCE_MM;

  const obstacles: RouteObstacle[] = geometry.pads.map((p) => ({ ...padObstacle(p), layers: p.layers.filter((l) => layers.includes(l)) }));
  const connections: RouteProblem['connections'] = [];
  const unconnectable: RouteNetsResult['unconnectable'] = [];
  // Pads of each (component, pin), in geometry order: one pass instead of a scan per net node.
  const padsOfPin = new Map<string, { p: BoardPad; k: number }[]>();
  geometry.pads.forEach((p, k) => {
    if (p.pin === null) return;
    const key = `${p.component}\u0000${p.pin}`;
    const list = padsOfPin.get(key);
    if (list) list.push({ p, k });
    else padsOfPin.set(key, [{ p, k }]);
  });
  for (const id of Object.keys(design.nets).sort()) {
    const net = design.nets[id]!;
    const points: RouteProblem['connections'][number]['points'] = [];
    for (const node of net.nodes) {
      const comp = own(design.components, node.component);
      const label = `${comp?.ref ?? node.component}.${node.pin}`;
      const pads = padsOfPin.get(`${node.component}\u0000${node.pin}`) ?? [];
      if (pads.length === 0) {
        const reason = !comp
          ? 'unknown component'
          : geometry.missingFootprints.some((m) => m.component === node.component)
            ? 'footprint missing'
            : geometry.unplaced.some((m) => m.component === node.component)
              ? 'component not placed'
              : 'pin has no pad';
        unconnectable.push({ net: id, node: label, reason });
        continue;
      }
      for (const { p, k } of pads) {
        const onLayers = p.layers.filter((l) => layers.includes(l));
        if (onLayers.length === 0) {
          unconnectable.push({ net: id, node: label, reason: 'pad is on no routing layer' });
          continue;
        }
        points.push({ x: p.center[0], y: p.center[1], layer: onLayers[0]!, layers: onLayers, obstacle: k, label });
      }
    }
    if (points.length > 0) connections.push({ net: id, points });
  }
  const problem: RouteProblem = {
    bounds,
    outline,
    layers,
    obstacles,
    connections,
    ...base,
    netClasses: byNet,
    keepouts: design.keepouts.map((k) => ({ polygon: k.polygon.map(([x, y]) => [x, y] as XY), layers: k.layers, noTracks: k.no_tracks, noVias: k.no_vias })),
    edgeClearanceMm,
    // Fine-pitch pads: tracks of classes wider than the board minimum may neck down to it next
    // to their own pads (the router decides which classes that concerns).
    neckWidthMm: design.board.min_trace_width_mm,
  };
  const res = routeProblem(problem, { ...options, gridMm: options.gridMm ?? routingGrid.pitchMm });
  const tracks: Track[] = res.tracks.map((t) => ({ net: t.net, layer: t.layer, start: t.start, end: t.end, width_mm: t.widthMm }));
  const vias: Via[] = res.vias.map((v) => ({ net: v.net, at: v.at, diameter_mm: v.diameterMm, drill_mm: v.drillMm }));
  return {
    tracks,
    vias,
    connections: res.connections.map((c) => ({ net: c.net, from: c.fromLabel, to: c.toLabel, status: c.status, ...(c.reason ? { reason: c.reason } : {}) })),
    unconnectable,
    completion: {
      routed: res.completion.routed,
      total: res.completion.total + unconnectable.length,
      complete: res.completion.complete && unconnectable.length === 0,
    },
    router: 'zt-route-1',
    parameters: { ...res.parameters, layers, edgeClearanceMm, classes: { default: base, ...byNet } },
    seed: res.seed,
  };
}
