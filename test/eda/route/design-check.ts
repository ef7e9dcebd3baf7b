import { buildBoardGeometry, type FootprintResolver } from '../../../src/eda/board/index.js';
import type { Design, Track, Via } from '../../../src/eda/model/design.js';
import { netClassTable } from '../../../src/eda/route/index.js';
import { clearanceViolations, copperComponents, cuDist, rectCu, roundRectCu, type Cu, type CuItem } from './clearance-check.js';

/** Independent clearance/connectivity figures for a routed design (pads from the board geometry). */
export function checkRoutedDesign(
  design: Design,
  resolve: FootprintResolver,
  tracks: Track[],
  vias: Via[],
  clearanceOf: (net: string | null) => number,
): { violations: { a: string; b: string; distance: number }[]; unjoined: string[]; edge: string[] } {
  const g = buildBoardGeometry(design, resolve);
  const items: CuItem[] = [];
  for (const p of g.pads) {
    const [w, h] = p.size;
    let cu: Cu;
    if (p.shape === 'circle') cu = { kind: 'fat', a: { x: p.center[0], y: p.center[1] }, b: { x: p.center[0], y: p.center[1] }, r: w / 2 };
    else if (p.shape === 'oval') {
      const t = (p.rotationDeg * Math.PI) / 180;
      const long = Math.max(w, h);
      const short = Math.min(w, h);
      const ax = w >= h ? Math.cos(t) : Math.sin(t);
      const ay = w >= h ? -Math.sin(t) : Math.cos(t);
      const d = (long - short) / 2;
      cu = { kind: 'fat', a: { x: p.center[0] - ax * d, y: p.center[1] - ay * d }, b: { x: p.center[0] + ax * d, y: p.center[1] + ay * d }, r: short / 2 };
    } else if (p.shape === 'roundrect') cu = roundRectCu(p.center[0], p.center[1], w, h, p.rotationDeg, p.roundrectRatio * Math.min(w, h));
    else cu = rectCu(p.center[0], p.center[1], w, h, p.rotationDeg);
    items.push({ net: p.net, layers: p.layers, cu, what: `pad ${p.ref}.${p.padNumber}` });
  }
  tracks.forEach((t, k) =>
    items.push({ net: t.net, layers: [t.layer], cu: { kind: 'fat', a: { x: t.start[0], y: t.start[1] }, b: { x: t.end[0], y: t.end[1] }, r: t.width_mm / 2 }, what: `track${k}` }),
  );
  const layers = ['F.Cu', 'B.Cu'];
  vias.forEach((v, k) => items.push({ net: v.net, layers, cu: { kind: 'fat', a: { x: v.at[0], y: v.at[1] }, b: { x: v.at[0], y: v.at[1] }, r: v.diameter_mm / 2 }, what: `via${k}` }));
  // the largest clearance of any class bounds the search; each pair is then judged by its own
  const maxClr = Math.max(...items.map((i) => clearanceOf(i.net)));
  const violations = clearanceViolations(items, maxClr, 1e-9, (a, b) => a.what.startsWith('pad') && b.what.startsWith('pad')).filter((v) => {
    const A = items.find((i) => i.what === v.a)!;
    const B = items.find((i) => i.what === v.b)!;
    return v.distance < Math.max(clearanceOf(A.net), clearanceOf(B.net)) - 1e-9;
  });
  const comp = copperComponents(items);
  const unjoined: string[] = [];
  for (const [id, net] of Object.entries(design.nets)) {
    const padIdx = items.map((it, k) => (it.what.startsWith('pad') && it.net === id ? k : -1)).filter((k) => k >= 0);
    const roots = new Set(padIdx.map((k) => comp[k]));
    if (roots.size > 1) unjoined.push(`${net.name}: ${roots.size} islands`);
  }
  const edge: string[] = [];
  for (const it of items) {
    if (it.what.startsWith('pad')) continue;
    const border = [
      [0, 0, design.board.width_mm, 0],
      [design.board.width_mm, 0, design.board.width_mm, design.board.height_mm],
      [design.board.width_mm, design.board.height_mm, 0, design.board.height_mm],
      [0, design.board.height_mm, 0, 0],
    ] as const;
    for (const [x0, y0, x1, y1] of border) {
      if (cuDist(it.cu, { kind: 'fat', a: { x: x0, y: y0 }, b: { x: x1, y: y1 }, r: 0 }) < 0.3 - 1e-9) edge.push(it.what);
    }
  }
  return { violations, unjoined, edge };
}

/** Clearance each net's class asks for (the default class for no-net copper), as the router applies it. */
export function clearanceFor(design: Design): (net: string | null) => number {
  const { byNet, base } = netClassTable(design);
  return (net) => (net !== null ? (byNet[net]?.clearanceMm ?? base.clearanceMm) : base.clearanceMm);
}
