import { clearanceViolations, copperComponents, cuDist, edgeViolations, ovalCu, rectCu, type CuItem } from './clearance-check.js';

/**
 * One judge for any router's answer to a tscircuit SimpleRouteJson problem: it reads the problem
 * and the `pcb_trace` routes exactly as published (wire points and vias) and measures them with
 * clearance-check.ts, which shares no code with zt-route-1. Both routers of
 * bench/route-tscircuit.ts and the dataset tests are judged by it, so neither is judged by its own
 * bookkeeping.
 */

type Rec = Record<string, unknown>;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export interface SrjJudgement {
  /** Σ over connections of (points − copper components holding them). */
  joined: number;
  /** Σ over connections of (points − 1). */
  total: number;
  /** Pairs of different-net copper closer than the clearance (pad–pad pairs are the input's and not counted). */
  violations: { a: string; b: string; distance: number }[];
  /** Track or via copper outside the bounds. */
  outside: string[];
  /** Track or via copper within the clearance of the bounds (copper-to-edge). */
  edge: string[];
  /** Tracks narrower than the problem's `minTraceWidth`. */
  thin: number;
  tracks: number;
  vias: number;
}

function layerNames(count: number): string[] {
  if (count <= 1) return ['top'];
  return ['top', ...Array.from({ length: count - 2 }, (_, i) => `inner${i + 1}`), 'bottom'];
}

export function judgeSrj(problem: unknown, traces: readonly unknown[], clearanceMm: number): SrjJudgement {
  const p = problem as Rec;
  const bounds = p['bounds'] as { minX: number; minY: number; maxX: number; maxY: number };
  const layers = layerNames(num(p['layerCount']) ?? 2);
  const minWidth = num(p['minTraceWidth']) ?? 0.15;
  const viaDia = num(p['minViaDiameter']) ?? 0.6;
  const conns = (p['connections'] as Rec[]).map((c) => ({ name: String(c['name']), points: c['pointsToConnect'] as Rec[] }));
  // Nets: connections sharing a pad are one net.
  const parent = new Map(conns.map((c) => [c.name, c.name]));
  const root = (a: string): string => {
    let r = a;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const obstacles = p['obstacles'] as Rec[];
  for (const o of obstacles) {
    const ids = ((o['connectedTo'] as unknown[]) ?? []).map(String).filter((id) => parent.has(id));
    for (const id of ids.slice(1)) parent.set(root(id), root(ids[0]!));
  }
  const byPoint = new Map<string, string>();
  for (const c of conns) for (const pt of c.points) for (const id of [str(pt['pointId']), str(pt['pcb_port_id'])]) if (id) byPoint.set(id, c.name);
  const names = conns.map((c) => c.name).sort((a, b) => b.length - a.length);

  const items: CuItem[] = [];
  obstacles.forEach((o, k) => {
    const ids = ((o['connectedTo'] as unknown[]) ?? []).map(String).filter((id) => parent.has(id));
    const c = o['center'] as { x: number; y: number };
    const w = Number(o['width']);
    const h = Number(o['height']);
    const cu = o['type'] === 'oval' ? ovalCu(c.x, c.y, w, h) : rectCu(c.x, c.y, w, h);
    const on = ((o['layers'] as string[]) ?? []).filter((l) => layers.includes(l));
    if (on.length > 0) items.push({ net: ids.length > 0 ? root(ids[0]!) : null, layers: on, cu, what: `pad${k}` });
  });
  const nPads = items.length;
  let thin = 0;
  let tracks = 0;
  let vias = 0;
  for (const t of traces as Rec[]) {
    const cname = str(t['connection_name']) ?? '';
    let conn: string | undefined = parent.has(cname) ? cname : names.find((n) => cname.startsWith(n));
    if (conn === undefined && Array.isArray(t['connectsTo'])) conn = (t['connectsTo'] as unknown[]).map((id) => byPoint.get(String(id))).find((n) => n !== undefined);
    // copper on no known net still counts against every other net
    const net = conn === undefined ? `?${String(t['pcb_trace_id'])}` : root(conn);
    let prev: { x: number; y: number; layer: string } | undefined;
    for (const r of (t['route'] as Rec[]) ?? []) {
      const x = num(r['x']);
      const y = num(r['y']);
      if (x === undefined || y === undefined) {
        prev = undefined;
        continue;
      }
      if (r['route_type'] === 'wire') {
        const layer = str(r['layer']) ?? 'top';
        const width = num(r['width']) ?? minWidth;
        if (prev && prev.layer === layer && (prev.x !== x || prev.y !== y)) {
          items.push({ net, layers: [layer], cu: { kind: 'fat', a: { x: prev.x, y: prev.y }, b: { x, y }, r: width / 2 }, what: `track${tracks}` });
          tracks++;
          if (width < minWidth - 1e-9) thin++;
        }
        prev = { x, y, layer };
      } else if (r['route_type'] === 'via') {
        const d = num(r['via_diameter']) ?? viaDia;
        items.push({ net, layers, cu: { kind: 'fat', a: { x, y }, b: { x, y }, r: d / 2 }, what: `via${vias}` });
        vias++;
        prev = { x, y, layer: str(r['to_layer']) ?? prev?.layer ?? 'top' };
      } else prev = undefined;
    }
  }
  const violations = clearanceViolations(items, clearanceMm, 1e-9, (a, b) => a.what.startsWith('pad') && b.what.startsWith('pad'));
  const routedItems = items.slice(nPads);
  const outside = routedItems
    .filter((it) => {
      const c = it.cu;
      if (c.kind !== 'fat') return false;
      const x0 = Math.min(c.a.x, c.b.x) - c.r;
      const x1 = Math.max(c.a.x, c.b.x) + c.r;
      const y0 = Math.min(c.a.y, c.b.y) - c.r;
      const y1 = Math.max(c.a.y, c.b.y) + c.r;
      return x0 < bounds.minX - 1e-6 || y0 < bounds.minY - 1e-6 || x1 > bounds.maxX + 1e-6 || y1 > bounds.maxY + 1e-6;
    })
    .map((it) => it.what);
  const edge = edgeViolations(routedItems, bounds, clearanceMm);
  const comp = copperComponents(items);
  let joined = 0;
  let total = 0;
  for (const c of conns) {
    if (c.points.length < 2) continue;
    const net = root(c.name);
    const comps = new Set<number>();
    c.points.forEach((pt, i) => {
      const probe: CuItem['cu'] = { kind: 'fat', a: { x: Number(pt['x']), y: Number(pt['y']) }, b: { x: Number(pt['x']), y: Number(pt['y']) }, r: 0 };
      const layer = str(pt['layer']) ?? 'top';
      const hit = items.findIndex((it) => it.net === net && it.layers.includes(layer) && cuDist(probe, it.cu) <= 1e-9);
      comps.add(hit < 0 ? -1 - i : comp[hit]!);
    });
    total += c.points.length - 1;
    joined += c.points.length - comps.size;
  }
  return { joined, total, violations, outside, edge, thin, tracks, vias };
}
