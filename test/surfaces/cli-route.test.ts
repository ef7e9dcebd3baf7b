import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importSimpleRouteJson } from '../../src/eda/route/index.js';
import { routedByGeometry } from '../../src/eda/route/srj-traces.js';
import { runCli } from '../helpers/cli.js';
import { judgeSrj } from '../eda/route/srj-judge.js';

/**
 * `zaptrace route FILE.json [--out result.json]` as a process (docs/routing.md, "tscircuit's dataset"): built dist/main.js
 * (`npm test` builds first), a dataset problem in, SimpleRouteJson with traces out.
 */

const PROBLEM = path.resolve(process.cwd(), '../shared/corpus/tscircuit-autorouting-01/problems/circuit005.simple-route.json');
const dir = mkdtempSync(path.join(tmpdir(), 'zt-cli-route-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Wire {
  route_type: 'wire';
  x: number;
  y: number;
  width: number;
  layer: string;
}
interface ViaPt {
  route_type: 'via';
  x: number;
  y: number;
  from_layer: string;
  to_layer: string;
}
interface Out {
  bounds: unknown;
  connections: unknown[];
  traces: { type: string; pcb_trace_id: string; connection_name: string; route: (Wire | ViaPt)[] }[];
}

describe('zaptrace route', () => {
  it('round-trips a dataset problem: --out file with traces whose copper joins every connection', () => {
    const out = path.join(dir, 'result.json');
    const res = runCli(['route', PROBLEM, '--out', out]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/route: \d+\/\d+ connections routed \(complete\)/);
    const input = JSON.parse(readFileSync(PROBLEM, 'utf8')) as Out;
    const result = JSON.parse(readFileSync(out, 'utf8')) as Out;
    expect(result.bounds).toEqual(input.bounds);
    expect(result.connections).toEqual(input.connections);
    expect(result.traces.length).toBeGreaterThan(0);
    for (const t of result.traces) {
      expect(t.type).toBe('pcb_trace');
      expect(t.route.length).toBeGreaterThan(0);
    }
    // Read the traces back as copper and check, independently of the router's own status,
    // that every connection is joined.
    const { problem, netOfConnection } = importSimpleRouteJson(input);
    const nets = new Set(Object.values(netOfConnection));
    const tracks = result.traces.flatMap((t) => {
      expect(nets.has(t.connection_name)).toBe(true);
      const w = t.route.filter((r): r is Wire => r.route_type === 'wire');
      return w.slice(1).map((b, i) => ({ net: t.connection_name, layer: b.layer, start: [w[i]!.x, w[i]!.y] as [number, number], end: [b.x, b.y] as [number, number], widthMm: b.width }));
    });
    const vias = result.traces.flatMap((t) =>
      t.route.filter((r): r is ViaPt => r.route_type === 'via').map((v) => ({ net: t.connection_name, at: [v.x, v.y] as [number, number], diameterMm: 0.6, drillMm: 0.3 })),
    );
    const g = routedByGeometry(problem, { tracks, vias });
    expect(g.total).toBeGreaterThan(0);
    expect(g.routed).toBe(g.total);
  }, 120_000);

  it('writes JSON to stdout without --out, progress only on stderr', () => {
    const res = runCli(['route', PROBLEM]);
    expect(res.code, res.stderr).toBe(0);
    const parsed = JSON.parse(res.stdout) as Out;
    expect(parsed.traces.length).toBeGreaterThan(0);
    expect(res.stderr).toMatch(/^route: /m);
  }, 120_000);

  it('repeats its output byte for byte, also when the time limit (a work budget) stops it early', () => {
    const a = runCli(['route', PROBLEM, '--time-limit-ms', '3']);
    const b = runCli(['route', PROBLEM, '--time-limit-ms', '3']);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/timeout/);
    expect(b.stdout).toBe(a.stdout);
    const full1 = runCli(['route', PROBLEM]);
    const full2 = runCli(['route', PROBLEM]);
    expect(full1.code, full1.stderr).toBe(0);
    expect(full2.stdout).toBe(full1.stdout);
    expect(full1.stdout).not.toBe(a.stdout);
  }, 240_000);

  it('keeps copper inside the bounds and says which pads do not fit (circuit105: three pads past the bounds)', () => {
    const file = path.resolve(path.dirname(PROBLEM), 'circuit105.simple-route.json');
    const res = runCli(['route', file]);
    expect(res.code).toBe(1);
    expect(res.stderr.match(/route: off-board /g)?.length).toBe(3);
    const input = JSON.parse(readFileSync(file, 'utf8')) as Out & { bounds: { minX: number; minY: number; maxX: number; maxY: number } };
    const result = JSON.parse(res.stdout) as Out;
    const judged = judgeSrj(input, result.traces, 0.15);
    expect(judged.outside).toEqual([]);
    expect(judged.violations).toEqual([]);
    expect(judged.total - judged.joined).toBe(3);
  }, 240_000);

  it('rejects a file that is not a problem, without leaking its absolute path', () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ bounds: 1 }));
    const res = runCli(['route', bad]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/SimpleRouteJson/);
    expect(res.stderr).not.toContain(dir);
    const missing = runCli(['route', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read nope\.json/);
    expect(missing.stderr).not.toContain(dir);
  }, 60_000);
});
