import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { mapPinsToPads, resolveFootprint } from '../src/eda/footprints/index.js';
import { generateLayoutDesign } from '../src/eda/place/generate.js';
import { runLayout, type LayoutRun } from '../src/eda/place/layout-run.js';

/**
 * Layout scaling (docs/placement.md, "Measured"): place + route + DRC on generated boards of
 * 10/50/100/200/500 parts (src/eda/place/generate.ts, seed = n), each stage's wall and CPU time,
 * and the placement time exponent fitted by least squares on log(time) against log(parts).
 * Target: 500 parts in ≤ 2 s, placement exponent ≤ 1.3. Figures, never asserted. The floor is a
 * fixed arithmetic loop timed in the same run, so a reader can tell a loaded machine from a slow
 * placer (ratio = stage time / floor). Run alone: `npx tsx bench/layout-scaling.ts`.
 * LAYOUT_SCALING_REPEATS=n runs each size n times and keeps each stage's least CPU time (the
 * run least disturbed by other processes; every run gives the same placement and routing).
 */
export const SCALING_SIZES = [10, 50, 100, 200, 500] as const;
/** The layout target (docs/placement.md): 500 parts placed, routed and checked in 2 s. */
export const TARGET_500_MS = 2000;

/** Least-squares slope of log(y) on log(x). */
export function scalingExponent(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map((y) => Math.log(Math.max(y, 1e-3)));
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  lx.forEach((x, i) => {
    num += (x - mx) * (ly[i]! - my);
    den += (x - mx) ** 2;
  });
  return den > 0 ? num / den : 0;
}

/** A fixed CPU-bound loop: the floor every time is set against (it grows with the machine's load). */
function floorMs(): number {
  const t0 = performance.now();
  let acc = 0;
  for (let i = 1; i < 20_000_000; i++) acc = (acc + Math.sqrt(i) * 1.000001) % 1e9;
  const ms = performance.now() - t0;
  return acc < 0 ? -1 : ms;
}

export async function benchLayoutScaling(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const sizes = process.env.LAYOUT_SCALING_SIZES ? process.env.LAYOUT_SCALING_SIZES.split(',').map(Number) : [...SCALING_SIZES];
  const repeats = Math.max(1, Number(process.env.LAYOUT_SCALING_REPEATS ?? 1) || 1);
  // warm the JIT on a small board so the 10-part row measures the placer, not the compiler
  runLayout(generateLayoutDesign(30, 30, resolveFootprint), { resolve: resolveFootprint, mapPins: mapPinsToPads, seed: 1 });
  const floor = floorMs();
  out['load average (1 min) / cores'] = `${loadavg()[0]!.toFixed(1)} / 2 shared`;
  out['floor: fixed loop ms'] = Math.round(floor);
  if (repeats > 1) out['runs per size (least CPU time per stage kept)'] = repeats;
  const placeCpu: number[] = [];
  const placeWall: number[] = [];
  const totalCpu: number[] = [];
  const r = (x: number) => Math.round(x);
  for (const n of sizes) {
    const design = generateLayoutDesign(n, n, resolveFootprint);
    const runs = Array.from({ length: repeats }, () => runLayout(design, { resolve: resolveFootprint, mapPins: mapPinsToPads, seed: 1 }));
    const run = runs[0]!;
    const least = (f: (x: LayoutRun) => number) => Math.min(...runs.map(f));
    const [pw, rw, dw] = [least((x) => x.placeMs), least((x) => x.routeMs), least((x) => x.drcMs)];
    const [pc, rc, dc] = [least((x) => x.placeCpuMs), least((x) => x.routeCpuMs), least((x) => x.drcCpuMs)];
    placeCpu.push(pc);
    placeWall.push(pw);
    totalCpu.push(pc + rc + dc);
    const wall = pw + rw + dw;
    out[`${n} parts place/route/DRC wall ms`] = `${r(pw)} / ${r(rw)} / ${r(dw)} = ${r(wall)} (×${(wall / floor).toFixed(1)} floor)`;
    out[`${n} parts place/route/DRC CPU ms`] = `${r(pc)} / ${r(rc)} / ${r(dc)} = ${r(pc + rc + dc)}`;
    out[`${n} parts placed, routed, DRC errors`] = `${run.placed}/${run.components}, ${run.routed}/${run.total}, ${run.drcErrors}`;
  }
  out['placement exponent, CPU time (target ≤ 1.3)'] = scalingExponent(sizes, placeCpu).toFixed(2);
  out['placement exponent, wall time'] = scalingExponent(sizes, placeWall).toFixed(2);
  out['place+route+DRC exponent, CPU time'] = scalingExponent(sizes, totalCpu).toFixed(2);
  const at500 = sizes.indexOf(500);
  if (at500 >= 0) out['500 parts place+route+DRC CPU / 2 s target'] = `${r(totalCpu[at500]!)} ms = ×${(totalCpu[at500]! / TARGET_500_MS).toFixed(2)} (≤ 1 meets it)`;
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchLayoutScaling();
  for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(58)} ${v}`);
}
