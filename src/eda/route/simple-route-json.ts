import { UnionFind } from '../../kernel/union-find.js';
import { z } from 'zod';
import { invalidInput } from '../../kernel/errors.js';
import type { RouteObstacle, RouteProblem, RouteResult } from './types.js';
import { pointInShape } from './geometry.js';
import { obstacleShape } from './srj-traces.js';

/**
 * tscircuit's SimpleRouteJson (the form of the public autorouting dataset; docs/routing.md, "tscircuit's dataset"): bounds,
 * rectangular/oval pad obstacles with the ids they are `connectedTo`, named point lists to join,
 * `layerCount` and `minTraceWidth`. Imported into our RouteProblem; results exported back as
 * tscircuit-style traces (wire and via route points).
 */

const Xy = z.object({ x: z.number().finite(), y: z.number().finite() });
export const SimpleRouteJson = z.object({
  bounds: z.object({ minX: z.number().finite(), maxX: z.number().finite(), minY: z.number().finite(), maxY: z.number().finite() }),
  obstacles: z.array(
    z.object({
      type: z.enum(['rect', 'oval']).or(z.string()),
      layers: z.array(z.string()),
      center: Xy,
      width: z.number().positive(),
      height: z.number().positive(),
      connectedTo: z.array(z.string()).default([]),
    }),
  ),
  connections: z.array(
    z.object({
      name: z.string(),
      pointsToConnect: z.array(Xy.extend({ layer: z.string().default('top'), pointId: z.string().optional(), pcb_port_id: z.string().optional() })),
    }),
  ),
  layerCount: z.number().int().min(1).max(32).default(2),
  minTraceWidth: z.number().positive().default(0.15),
});
export type SimpleRouteJson = z.infer<typeof SimpleRouteJson>;

export function srjLayers(layerCount: number): string[] {
  if (layerCount <= 1) return ['top'];
  return ['top', ...Array.from({ length: layerCount - 2 }, (_, i) => `inner${i + 1}`), 'bottom'];
}

export interface SrjImportOptions {
  clearanceMm?: number;
  traceWidthMm?: number;
  viaDiameterMm?: number;
  viaDrillMm?: number;
}

/**
 * Connections that share a pad are one electrical net: they are merged (union-find) and the
 * merged net takes the first connection's name; `netOfConnection` maps every name to it.
 */
export function importSimpleRouteJson(input: unknown, opts: SrjImportOptions = {}): { problem: RouteProblem; netOfConnection: Record<string, string> } {
  const parsed = SimpleRouteJson.safeParse(input);
  if (!parsed.success) throw invalidInput(`not a SimpleRouteJson problem: ${parsed.error.issues[0]?.message ?? 'invalid'}`, parsed.error.issues[0]?.path.map(String) ?? []);
  const srj = parsed.data;
  const names = srj.connections.map((c) => c.name);
  const index = new Map(names.map((n, i) => [n, i]));
  const uf = new UnionFind(names.length);
  const find = (a: number) => uf.find(a);
  const obstacleNets = srj.obstacles.map((o) => o.connectedTo.map((id) => index.get(id)).filter((k): k is number => k !== undefined));
  for (const ks of obstacleNets) for (const k of ks.slice(1)) uf.union(k, ks[0]!);
  const netOfConnection: Record<string, string> = {};
  names.forEach((n, i) => (netOfConnection[n] = names[find(i)]!));
  const layers = srjLayers(srj.layerCount);
  const obstacles: RouteObstacle[] = srj.obstacles.map((o, k) => {
    const ks = obstacleNets[k]!;
    const shape =
      o.type === 'oval'
        ? { kind: 'oval' as const, center: [o.center.x, o.center.y] as [number, number], size: [o.width, o.height] as [number, number] }
        : { kind: 'rect' as const, center: [o.center.x, o.center.y] as [number, number], size: [o.width, o.height] as [number, number] };
    const onLayers = o.layers.filter((l) => layers.includes(l));
    // An obstacle on every layer is a plated hole (srj-kicad.ts exports it with this drill), so
    // vias keep hole-to-hole clearance from it.
    const through = layers.length > 1 && onLayers.length === layers.length;
    return { shape, layers: onLayers, net: ks.length > 0 ? names[find(ks[0]!)]! : null, ...(through ? { drillMm: Math.min(o.width, o.height) / 2 } : {}) };
  });
  // The bounds are the board: copper stays inside them, even where the problem's own pads do not
  // (docs/routing.md, "tscircuit's dataset").
  const bounds = { ...srj.bounds };
  const problem: RouteProblem = {
    bounds,
    layers,
    obstacles,
    connections: srj.connections.map((c) => ({
      net: netOfConnection[c.name]!,
      points: c.pointsToConnect.map((p) => ({ x: p.x, y: p.y, layer: layers.includes(p.layer) ? p.layer : layers[0]!, label: p.pointId ?? p.pcb_port_id ?? c.name })),
    })),
    traceWidthMm: opts.traceWidthMm ?? srj.minTraceWidth,
    clearanceMm: opts.clearanceMm ?? 0.15,
    viaDiameterMm: opts.viaDiameterMm ?? 0.6,
    viaDrillMm: opts.viaDrillMm ?? 0.3,
  };
  // A pad on a net that none of the net's points lies in (circuit003, circuit004) is still copper
  // of that net: KiCad reports it unconnected unless it is joined, so it becomes a point too.
  problem.obstacles.forEach((o, k) => {
    if (o.net === null || o.layers.length === 0) return;
    const shape = obstacleShape(o);
    const conns = problem.connections.filter((c) => c.net === o.net);
    if (conns.length === 0 || conns.some((c) => c.points.some((p) => o.layers.includes(p.layer) && pointInShape(p.x, p.y, shape, 1e-6)))) return;
    conns[0]!.points.push({ x: o.shape.center[0], y: o.shape.center[1], layer: o.layers[0]!, obstacle: k, label: `pad${k}` });
  });
  return { problem, netOfConnection };
}

export interface SrjTrace {
  type: 'pcb_trace';
  pcb_trace_id: string;
  connection_name: string;
  route: (
    | { route_type: 'wire'; x: number; y: number; width: number; layer: string }
    | { route_type: 'via'; x: number; y: number; from_layer: string; to_layer: string }
  )[];
}

/** Our result as tscircuit traces: one two-point wire per track, one via entry per via. */
export function exportSimpleRouteTraces(result: RouteResult, layers: string[]): SrjTrace[] {
  const out: SrjTrace[] = [];
  result.tracks.forEach((t, k) => {
    out.push({
      type: 'pcb_trace',
      pcb_trace_id: `zt_trace_${k}`,
      connection_name: t.net,
      route: [
        { route_type: 'wire', x: t.start[0], y: t.start[1], width: t.widthMm, layer: t.layer },
        { route_type: 'wire', x: t.end[0], y: t.end[1], width: t.widthMm, layer: t.layer },
      ],
    });
  });
  result.vias.forEach((v, k) => {
    out.push({
      type: 'pcb_trace',
      pcb_trace_id: `zt_via_${k}`,
      connection_name: v.net,
      route: [{ route_type: 'via', x: v.at[0], y: v.at[1], from_layer: layers[0]!, to_layer: layers[layers.length - 1]! }],
    });
  });
  return out;
}
