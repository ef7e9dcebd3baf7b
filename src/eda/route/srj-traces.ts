import { UnionFind } from '../../kernel/union-find.js';
import { capsule, oval, pointInShape, rotatedRect, shapeShapeDist, type Shape } from './geometry.js';
import type { RouteObstacle, RouteProblem, RoutedTrack, RoutedVia } from './types.js';

/**
 * tscircuit traces (capacity-autorouter's output, SimpleRouteJson `traces`) in our Track/Via form,
 * and a copper-only measure of how many connections a set of routes really joins (docs/routing.md, "tscircuit's dataset"), so
 * both routers of the benchmark are counted the same way, from geometry, not from their claims.
 */

type Rec = Record<string, unknown>;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export interface TraceImportOptions {
  viaDiameterMm?: number;
  viaDrillMm?: number;
}

/**
 * Converts tscircuit traces. A trace's net: its `connection_name` when that is a connection of the
 * problem, else the longest connection name it starts with (the peer suffixes names, e.g.
 * `source_net_1_mst0_0`), else a connection one of its `connectsTo` point ids belongs to.
 * Consecutive wire points on one layer are a segment; `via` entries become vias. Route kinds we
 * have no copper for (`jumper`, `through_obstacle`) are counted in `skipped`.
 */
export function importSimpleRouteTraces(
  traces: readonly unknown[],
  srj: unknown,
  netOfConnection: Record<string, string>,
  layers: string[],
  opts: TraceImportOptions = {},
): { tracks: RoutedTrack[]; vias: RoutedVia[]; skipped: number } {
  const names = Object.keys(netOfConnection).sort((a, b) => b.length - a.length);
  const byPoint = new Map<string, string>();
  const conns = (srj as Rec | null)?.['connections'];
  if (Array.isArray(conns)) {
    for (const c of conns as Rec[]) {
      const name = str(c['name']);
      const pts = c['pointsToConnect'];
      if (name === undefined || !Array.isArray(pts)) continue;
      for (const p of pts as Rec[]) {
        for (const id of [str(p['pointId']), str(p['pcb_port_id'])]) if (id !== undefined) byPoint.set(id, name);
      }
    }
  }
  const srjRec = (srj as Rec | null) ?? {};
  const viaDia = opts.viaDiameterMm ?? num(srjRec['minViaDiameter']) ?? 0.6;
  const viaDrill = opts.viaDrillMm ?? num(srjRec['minViaHoleDiameter']) ?? 0.3;
  const tracks: RoutedTrack[] = [];
  const vias: RoutedVia[] = [];
  let skipped = 0;
  for (const t of traces as Rec[]) {
    const cname = str(t['connection_name']) ?? '';
    let conn: string | undefined = netOfConnection[cname] !== undefined ? cname : names.find((n) => cname.startsWith(n));
    if (conn === undefined && Array.isArray(t['connectsTo'])) conn = (t['connectsTo'] as unknown[]).map((id) => byPoint.get(String(id))).find((n) => n !== undefined);
    if (conn === undefined) {
      skipped++;
      continue;
    }
    const net = netOfConnection[conn]!;
    const route = Array.isArray(t['route']) ? (t['route'] as Rec[]) : [];
    let prev: { x: number; y: number; layer: string } | undefined;
    for (const r of route) {
      const x = num(r['x']);
      const y = num(r['y']);
      if (r['route_type'] === 'wire' && x !== undefined && y !== undefined) {
        const layer = str(r['layer']) ?? layers[0]!;
        const width = num(r['width']) ?? 0.15;
        if (prev && prev.layer === layer && (prev.x !== x || prev.y !== y) && layers.includes(layer)) {
          tracks.push({ net, layer, start: [prev.x, prev.y], end: [x, y], widthMm: width });
        }
        prev = { x, y, layer };
      } else if (r['route_type'] === 'via' && x !== undefined && y !== undefined) {
        vias.push({ net, at: [x, y], diameterMm: num(r['via_diameter']) ?? viaDia, drillMm: num(r['via_hole_diameter']) ?? viaDrill });
        prev = { x, y, layer: str(r['to_layer']) ?? prev?.layer ?? layers[0]! };
      } else {
        skipped++;
        prev = undefined;
      }
    }
  }
  return { tracks, vias, skipped };
}

export function obstacleShape(o: RouteObstacle): Shape {
  const s = o.shape;
  if (s.kind === 'circle') return capsule(s.center[0], s.center[1], s.center[0], s.center[1], s.diameterMm / 2);
  if (s.kind === 'oval') return oval(s.center[0], s.center[1], s.size[0], s.size[1], s.rotationDeg ?? 0);
  return rotatedRect(s.center[0], s.center[1], s.size[0], s.size[1], s.rotationDeg ?? 0);
}

interface Piece {
  net: string | null;
  layers: string[];
  shape: Shape;
}

/**
 * Joined points counted from copper alone: pieces of one net that touch on a shared layer are one
 * component; per net, `routed = points − components` over its points (a point lies in the piece
 * that contains it). `total = Σ (points − 1)`. Also counts pad pairs of different nets closer than
 * `clearanceMm` in the problem itself (a property of the input, not of any router).
 */
export function routedByGeometry(problem: RouteProblem, routes: { tracks: RoutedTrack[]; vias: RoutedVia[] }, clearanceMm = problem.clearanceMm): { routed: number; total: number; padPadConflicts: number } {
  const pieces: Piece[] = [
    ...problem.obstacles.map((o) => ({ net: o.net, layers: o.layers, shape: obstacleShape(o) })),
    ...routes.tracks.map((t) => ({ net: t.net, layers: [t.layer], shape: capsule(t.start[0], t.start[1], t.end[0], t.end[1], t.widthMm / 2) })),
    ...routes.vias.map((v) => ({ net: v.net, layers: problem.layers, shape: capsule(v.at[0], v.at[1], v.at[0], v.at[1], v.diameterMm / 2) })),
  ];
  const nObs = problem.obstacles.length;
  let padPadConflicts = 0;
  for (let i = 0; i < nObs; i++) {
    for (let j = i + 1; j < nObs; j++) {
      const a = pieces[i]!;
      const b = pieces[j]!;
      if ((a.net !== null && a.net === b.net) || !a.layers.some((l) => b.layers.includes(l))) continue;
      if (shapeShapeDist(a.shape, b.shape) < clearanceMm - 1e-9) padPadConflicts++;
    }
  }
  const byNet = new Map<string, number[]>();
  pieces.forEach((p, k) => {
    if (p.net === null) return;
    const l = byNet.get(p.net) ?? [];
    l.push(k);
    byNet.set(p.net, l);
  });
  const uf = new UnionFind(pieces.length);
  const find = (a: number) => uf.find(a);
  for (const ks of byNet.values()) {
    for (let x = 0; x < ks.length; x++) {
      for (let y = x + 1; y < ks.length; y++) {
        const a = pieces[ks[x]!]!;
        const b = pieces[ks[y]!]!;
        if (find(ks[x]!) === find(ks[y]!) || !a.layers.some((l) => b.layers.includes(l))) continue;
        if (shapeShapeDist(a.shape, b.shape) <= 1e-6) uf.union(ks[x]!, ks[y]!);
      }
    }
  }
  const pointsOf = new Map<string, { x: number; y: number; layer: string }[]>();
  for (const c of problem.connections) pointsOf.set(c.net, [...(pointsOf.get(c.net) ?? []), ...c.points]);
  let routed = 0;
  let total = 0;
  for (const [net, pts] of pointsOf) {
    if (pts.length === 0) continue;
    const ks = byNet.get(net) ?? [];
    const comps = new Set<number>();
    pts.forEach((p, i) => {
      const hit = ks.find((k) => pieces[k]!.layers.includes(p.layer) && pointInShape(p.x, p.y, pieces[k]!.shape, 1e-6));
      comps.add(hit === undefined ? -1 - i : find(hit));
    });
    total += pts.length - 1;
    routed += pts.length - comps.size;
  }
  return { routed, total, padPadConflicts };
}

/**
 * Points of the problem that sit on a pad whose copper touches or overlaps copper of another net
 * (or of no net) on the point's layer: an input defect (a short between pads) that no router can
 * connect without joining the two nets. Keyed `net#index` over the net's merged point list.
 */
export function pointsOnShortedPads(problem: RouteProblem): Set<string> {
  const shapes = problem.obstacles.map(obstacleShape);
  const out = new Set<string>();
  const pointsOf = new Map<string, { x: number; y: number; layer: string }[]>();
  for (const c of problem.connections) pointsOf.set(c.net, [...(pointsOf.get(c.net) ?? []), ...c.points]);
  for (const [net, pts] of pointsOf) {
    pts.forEach((p, i) => {
      const own = problem.obstacles.map((o, k) => k).filter((k) => problem.obstacles[k]!.net === net && problem.obstacles[k]!.layers.includes(p.layer) && pointInShape(p.x, p.y, shapes[k]!, 1e-6));
      const shorted = own.some((k) =>
        problem.obstacles.some((q, j) => (q.net === null || q.net !== net) && q.layers.includes(p.layer) && shapeShapeDist(shapes[k]!, shapes[j]!) <= 1e-9),
      );
      if (shorted) out.add(`${net}#${i}`);
    });
  }
  return out;
}
