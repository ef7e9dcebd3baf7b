import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSimpleRouteTraces, importSimpleRouteJson, routeProblem } from '../../../src/eda/route/index.js';
import { pointsOnShortedPads } from '../../../src/eda/route/srj-traces.js';
import { judgeSrj } from './srj-judge.js';
import { SRJ_DIR } from './srj-harness.js';

/**
 * tscircuit's dataset (docs/reports/tscircuit-routing.md), judged by the independent checker
 * (srj-judge.ts reads the SimpleRouteJson traces, not the router's bookkeeping):
 * - pads reachable only off the grid (a pad overlapping another net's pad, entered from the far
 *   side or just past its copper) are routed clean;
 * - what stays unrouted is impossible, and the result says why;
 * - copper stays inside the published bounds on every board;
 * - the count of boards fully routed and clean at 0.15 mm does not fall below its floor.
 */

const load = (name: string): unknown => JSON.parse(readFileSync(path.join(SRJ_DIR, `${name}.simple-route.json`), 'utf8'));

function route(name: string, clearanceMm = 0.15, workBudget?: number) {
  const raw = load(name);
  const { problem } = importSimpleRouteJson(raw, { clearanceMm });
  const result = routeProblem(problem, { seed: 1, ...(workBudget ? { workBudget } : {}) });
  const traces = exportSimpleRouteTraces(result, problem.layers);
  return { raw, problem, result, traces, judged: judgeSrj(raw, traces, clearanceMm) };
}

/** Boards where a point's pad overlaps a pad of another net so that no track end fits (checked by hand, docs/routing.md). */
const IMPOSSIBLE = ['circuit010', 'circuit114', 'circuit123'];
/** Pads reachable only by an entry segment off the grid (before: "pad-unreachable"). */
const OFF_GRID_ONLY = ['circuit134', 'circuit137', 'circuit141', 'circuit148'];
/** Floor for boards fully routed and clean at 0.15 mm inside their published bounds (measured: 81 of 85). */
const CLEAN_FLOOR = 81;

describe('tscircuit dataset regressions', () => {
  for (const name of OFF_GRID_ONLY) {
    it(`${name}: a pad hemmed in by another net's pad is reached off the grid, clean`, () => {
      const { result, judged } = route(name);
      expect(result.completion.complete).toBe(true);
      expect(judged.joined).toBe(judged.total);
      expect(judged.violations).toEqual([]);
      expect(judged.outside).toEqual([]);
    }, 120_000);
  }

  for (const name of IMPOSSIBLE) {
    it(`${name}: only connections to pads shorted by the input stay unrouted, as pad-unreachable`, () => {
      const { problem, result, judged } = route(name);
      const shorted = pointsOnShortedPads(problem);
      const unrouted = result.connections.filter((c) => c.status === 'unrouted');
      expect(unrouted.length).toBeGreaterThan(0);
      for (const c of unrouted) {
        expect(shorted.has(`${c.net}#${c.from}`) || shorted.has(`${c.net}#${c.to}`), `${c.fromLabel} → ${c.toLabel}`).toBe(true);
        expect(c.reason).toBe('pad-unreachable');
      }
      expect(judged.violations).toEqual([]);
      expect(judged.outside).toEqual([]);
    }, 120_000);
  }

  it('circuit105: pads wholly past the bounds are reported off-board; the rest is routed inside the bounds', () => {
    const { result, judged } = route('circuit105');
    expect(result.offBoard.length).toBe(3);
    const unrouted = result.connections.filter((c) => c.status === 'unrouted');
    expect(unrouted.length).toBe(3);
    for (const c of unrouted) expect(c.reason).toBe('off-board');
    expect(judged.outside).toEqual([]);
    expect(judged.violations).toEqual([]);
  }, 120_000);

  it('every board: no copper outside the published bounds, and the clean count at 0.15 mm holds its floor', () => {
    const names = readdirSync(SRJ_DIR)
      .filter((f) => f.endsWith('.simple-route.json'))
      .map((f) => f.replace('.simple-route.json', ''))
      .sort();
    expect(names.length).toBe(85);
    let clean = 0;
    const outside: string[] = [];
    for (const name of names) {
      // A work budget keeps the test bounded; it is counted, so the outcome does not depend on load.
      const { judged } = route(name, 0.15, 20_000_000);
      if (judged.outside.length > 0) outside.push(`${name}: ${judged.outside.slice(0, 3).join(', ')}`);
      if (judged.joined === judged.total && judged.violations.length === 0 && judged.outside.length === 0 && judged.edge.length === 0) clean++;
    }
    expect(outside).toEqual([]);
    expect(clean).toBeGreaterThanOrEqual(CLEAN_FLOOR);
  }, 600_000);
});
