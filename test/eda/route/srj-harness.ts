import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importSimpleRouteJson } from '../../../src/eda/route/simple-route-json.js';
import { routeProblem } from '../../../src/eda/route/core.js';
import type { RouteOptions, RouteResult } from '../../../src/eda/route/types.js';
import { clearanceViolations, copperComponents, cuDist, edgeViolations, ovalCu, rectCu, type CuItem } from './clearance-check.js';

/** Loads one dataset problem, routes it, and checks the result independently. */
export const SRJ_DIR = path.resolve(process.cwd(), '../shared/corpus/tscircuit-autorouting-01/problems');

export interface SrjRun {
  name: string;
  result: RouteResult;
  ms: number;
  violations: number;
  edge: number;
  /** Connections the independent geometry check finds joined. */
  joined: number;
  total: number;
}

export function runSrj(name: string, clearance = 0.15, options: RouteOptions = {}): SrjRun {
  const raw: unknown = JSON.parse(readFileSync(path.join(SRJ_DIR, name), 'utf8'));
  const { problem } = importSimpleRouteJson(raw, { clearanceMm: clearance });
  const t0 = performance.now();
  const result = routeProblem(problem, options);
  const ms = performance.now() - t0;
  const items: CuItem[] = [];
  problem.obstacles.forEach((o, k) => {
    const s = o.shape;
    if (s.kind === 'circle') return;
    const cu = s.kind === 'oval' ? ovalCu(s.center[0], s.center[1], s.size[0], s.size[1]) : rectCu(s.center[0], s.center[1], s.size[0], s.size[1]);
    items.push({ net: o.net, layers: o.layers, cu, what: `pad${k}` });
  });
  result.tracks.forEach((t, k) =>
    items.push({ net: t.net, layers: [t.layer], cu: { kind: 'fat', a: { x: t.start[0], y: t.start[1] }, b: { x: t.end[0], y: t.end[1] }, r: t.widthMm / 2 }, what: `track${k}` }),
  );
  result.vias.forEach((v, k) =>
    items.push({ net: v.net, layers: problem.layers, cu: { kind: 'fat', a: { x: v.at[0], y: v.at[1] }, b: { x: v.at[0], y: v.at[1] }, r: v.diameterMm / 2 }, what: `via${k}` }),
  );
  // pad–pad pairs are the problem's own (a few dataset boards have overlapping pads)
  const violations = clearanceViolations(items, clearance, 1e-9, (a, b) => a.what.startsWith('pad') && b.what.startsWith('pad')).length;
  const edge = edgeViolations(items, problem.bounds, clearance).length;
  // joined: per connection, both end points lie in copper of one component
  const comp = copperComponents(items);
  const compAt = (net: string, x: number, y: number, layers: string[]): Set<number> => {
    const s = new Set<number>();
    items.forEach((it, k) => {
      if (it.net !== net || !it.layers.some((l) => layers.includes(l))) return;
      const probe: CuItem['cu'] = { kind: 'fat', a: { x, y }, b: { x, y }, r: 0 };
      if (cuDist(probe, it.cu) <= 1e-9) s.add(comp[k]!);
    });
    return s;
  };
  const pointsOf = new Map<string, { x: number; y: number; layer: string }[]>();
  for (const c of problem.connections) pointsOf.set(c.net, [...(pointsOf.get(c.net) ?? []), ...c.points]);
  let joined = 0;
  for (const c of result.connections) {
    const pts = pointsOf.get(c.net)!;
    const a = pts[c.from]!;
    const b = pts[c.to]!;
    const ca = compAt(c.net, a.x, a.y, problem.layers);
    const cb = compAt(c.net, b.x, b.y, problem.layers);
    if ([...ca].some((x) => cb.has(x))) joined++;
  }
  return { name, result, ms, violations, edge, joined, total: result.connections.length };
}

