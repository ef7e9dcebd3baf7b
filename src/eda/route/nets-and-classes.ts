import { UnionFind } from '../../kernel/union-find.js';
import type { NetState } from './route-parts.js';
import type { RouteClass, RouteProblem } from './types.js';

/**
 * The route classes (track width, clearance, via) and the per-net state of zt-route-1
 * (docs/routing.md, "Classes"). Class 0 is the problem's default; a net class or a neck-down
 * width adds one, shared by every net with the same numbers.
 */
export function netsAndClasses(problem: RouteProblem, layersOf: (names: string[]) => number[]): { classes: RouteClass[]; nets: NetState[]; netIdx: Map<string, number> } {
  // Classes
  const defaultClass: RouteClass = {
    traceWidthMm: problem.traceWidthMm,
    clearanceMm: problem.clearanceMm,
    viaDiameterMm: problem.viaDiameterMm,
    viaDrillMm: problem.viaDrillMm,
  };
  const classes: RouteClass[] = [defaultClass];
  const classKey = (c: RouteClass) => `${c.traceWidthMm}/${c.clearanceMm}/${c.viaDiameterMm}/${c.viaDrillMm}`;
  const classIdx = new Map([[classKey(defaultClass), 0]]);
  const register = (c: RouteClass): number => {
    const k = classKey(c);
    if (!classIdx.has(k)) {
      classIdx.set(k, classes.length);
      classes.push(c);
    }
    return classIdx.get(k)!;
  };
  const classOfNet = (net: string): number => {
    const c = problem.netClasses?.[net];
    return c ? register(c) : 0;
  };

  // Nets (those with connections are routed; pads of other nets are plain obstacles).
  const nets: NetState[] = [];
  const netIdx = new Map<string, number>();
  const netOf = (name: string): number => {
    let k = netIdx.get(name);
    if (k === undefined) {
      k = nets.length;
      netIdx.set(name, k);
      nets.push({ name, cls: classOfNet(name), neck: null, neckZone: null, points: [], padObjects: [], paths: [], uf: new UnionFind(0), access: [] });
    }
    return k;
  };
  for (const c of problem.connections) {
    const net = nets[netOf(c.net)]!;
    for (const p of c.points) {
      const names = p.layers && p.layers.length > 0 ? p.layers : [p.layer];
      net.points.push({ x: p.x, y: p.y, layers: layersOf(names), pad: p.obstacle ?? null, label: p.label ?? `${c.net}[${net.points.length}]` });
    }
  }
  for (const o of problem.obstacles) if (o.net !== null) netOf(o.net);
  // Neck-down classes: the net's class at the neck width. Only the track arrays of a neck class
  // are searched (vias keep the full class), so one neck class serves every class with the same
  // clearance.
  const neckWidth = problem.neckWidthMm;
  if (neckWidth !== undefined) {
    const neckByClearance = new Map<number, number>();
    for (const net of nets) {
      const cls = classes[net.cls]!;
      if (cls.traceWidthMm <= neckWidth) continue;
      let k = neckByClearance.get(cls.clearanceMm);
      if (k === undefined) {
        k = register({ ...cls, traceWidthMm: neckWidth });
        neckByClearance.set(cls.clearanceMm, k);
      }
      net.neck = k;
    }
  }
  return { classes, nets, netIdx };
}
