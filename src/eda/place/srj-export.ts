import type { Design } from '../model/design.js';
import { buildBoardGeometry, type FootprintResolver, type PinPadMapper } from '../board/index.js';
import { netClassTable } from '../route/index.js';
import type { SimpleRouteJson } from '../route/simple-route-json.js';

/**
 * A placed design as tscircuit's SimpleRouteJson (the peer router's input, bench only): every pad
 * an axis-aligned rect obstacle (its rotated bounding box) `connectedTo` its net's connection, one
 * connection per net whose points are its pad centres, two layers named top/bottom. The same pads,
 * nets and board the zt-route-1 run sees, so completion figures compare like with like.
 */

const SRJ_LAYER: Record<string, string> = { 'F.Cu': 'top', 'B.Cu': 'bottom' };

export function designToSimpleRouteJson(design: Design, resolve: FootprintResolver, mapPins?: PinPadMapper): SimpleRouteJson {
  const g = buildBoardGeometry(design, resolve, mapPins);
  const { base } = netClassTable(design);
  const obstacles: SimpleRouteJson['obstacles'] = [];
  const points = new Map<string, SimpleRouteJson['connections'][number]['pointsToConnect']>();
  for (const p of g.pads) {
    const t = (p.rotationDeg * Math.PI) / 180;
    const [w, h] = p.size;
    const c = Math.abs(Math.cos(t));
    const s = Math.abs(Math.sin(t));
    const layers = p.layers.map((l) => SRJ_LAYER[l]).filter((l): l is string => l !== undefined);
    obstacles.push({
      type: 'rect',
      layers,
      center: { x: p.center[0], y: p.center[1] },
      width: w * c + h * s,
      height: w * s + h * c,
      connectedTo: p.net !== null ? [p.net] : [],
    });
    if (p.net === null || layers.length === 0) continue;
    if (!points.has(p.net)) points.set(p.net, []);
    points.get(p.net)!.push({ x: p.center[0], y: p.center[1], layer: layers[0]!, pointId: `${p.ref}.${p.padNumber}` });
  }
  const connections = [...points]
    .filter(([, pts]) => pts.length >= 2)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([net, pts]) => ({ name: net, pointsToConnect: pts }));
  return {
    bounds: { minX: 0, minY: 0, maxX: design.board.width_mm, maxY: design.board.height_mm },
    obstacles,
    connections,
    layerCount: 2,
    minTraceWidth: base.traceWidthMm,
  };
}

/**
 * Connections the peer routed: per net, the distinct trace connection names that belong to it
 * (the name itself, or the name plus a `_suffix` the peer gives the point pairs it splits a net
 * into), capped at the net's spanning-tree edges (points − 1), which is also the total.
 */
export function peerRoutedConnections(srj: SimpleRouteJson, traces: { connection_name: string }[]): { routed: number; total: number } {
  const names = srj.connections.map((c) => c.name).sort((a, b) => b.length - a.length);
  const seen = new Map<string, Set<string>>();
  for (const t of traces) {
    const net = names.find((n) => t.connection_name === n || t.connection_name.startsWith(`${n}_`));
    if (net === undefined) continue;
    if (!seen.has(net)) seen.set(net, new Set());
    seen.get(net)!.add(t.connection_name);
  }
  let routed = 0;
  let total = 0;
  for (const c of srj.connections) {
    const edges = c.pointsToConnect.length - 1;
    total += edges;
    routed += Math.min(edges, seen.get(c.name)?.size ?? 0);
  }
  return { routed, total };
}
