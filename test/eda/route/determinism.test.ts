import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSimpleRouteTraces, importSimpleRouteJson, routeProblem } from '../../../src/eda/route/index.js';
import type { RouteOptions } from '../../../src/eda/route/types.js';
import { SRJ_DIR } from './srj-harness.js';

/**
 * Same input, same output, byte for byte — also when a limit stops the run early: the limit is
 * a count of search expansions, not a clock (docs/routing.md, "Determinism").
 */
const raw: unknown = JSON.parse(readFileSync(path.join(SRJ_DIR, 'circuit114.simple-route.json'), 'utf8'));

function bytes(options: RouteOptions): { text: string; timeout: boolean } {
  const { problem } = importSimpleRouteJson(raw, { clearanceMm: 0.15 });
  const result = routeProblem(problem, options);
  return { text: JSON.stringify({ traces: exportSimpleRouteTraces(result, problem.layers), connections: result.connections }), timeout: result.connections.some((c) => c.reason === 'timeout') };
}

describe('router determinism', () => {
  it('routes the same problem twice to identical bytes', () => {
    const a = bytes({ seed: 3 });
    const b = bytes({ seed: 3 });
    expect(b.text).toBe(a.text);
  }, 120_000);

  it('stops at the same point under a limit, whatever the machine load', () => {
    // small enough that the budget runs out on this board
    const a = bytes({ seed: 1, workBudget: 40_000 });
    const b = bytes({ seed: 1, workBudget: 40_000 });
    expect(a.timeout).toBe(true);
    expect(b.text).toBe(a.text);
    // a time limit is the same kind of count
    const c = bytes({ seed: 1, timeLimitMs: 100 });
    const d = bytes({ seed: 1, timeLimitMs: 100 });
    expect(d.text).toBe(c.text);
  }, 120_000);
});
