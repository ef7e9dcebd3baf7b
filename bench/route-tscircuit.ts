/**
 * `npm run bench:route` (docs/reports/tscircuit-routing.md): every problem of tscircuit's public autorouting dataset routed
 * by zt-route-1 and by @tscircuit/capacity-autorouter in one run, both results exported with
 * srj-kicad.ts and judged by kicad-cli (0.15 mm clearance and track width). Writes
 * docs/reports/tscircuit-routing.md and prints the summary.
 *
 *   npm run bench:route [-- --limit N] [--only circuit010] [--time-limit-ms 30000] [--no-write]
 */
import 'core-js/actual/iterator/index.js';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importSimpleRouteJson, routeProblem, type RouteProblem, type RoutedTrack, type RoutedVia } from '../src/eda/route/index.js';
import { exportSrjKicad } from '../src/eda/route/srj-kicad.js';
import { kicadFigures, runKicadDrc } from '../test/helpers/kicad-cli.js';
import { importSimpleRouteTraces, pointsOnShortedPads, routedByGeometry } from '../src/eda/route/srj-traces.js';

const CLEARANCE_MM = 0.15;
const DIR = path.resolve(process.cwd(), '../shared/corpus/tscircuit-autorouting-01/problems');
const args = process.argv.slice(2);
const argOf = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const LIMIT = Number(argOf('--limit') ?? 1000);
const ONLY = argOf('--only');
const TIME_LIMIT_MS = Number(argOf('--time-limit-ms') ?? 30_000);
const WRITE = !args.includes('--no-write');

interface Side {
  routed: number;
  total: number;
  full: boolean;
  ms: number;
  claimed: string;
  drc?: { errors: number; unconnected: number; types: string };
  tracks: RoutedTrack[];
  vias: RoutedVia[];
}

interface Row {
  name: string;
  ours: Side;
  peer: Side;
  padPadConflicts: number;
  /** Points on pads that touch or overlap a pad of another net in the input (a short in the input). */
  shortedPoints: number;
  reason: string;
}

async function runKicad(files: { pcb: string; pro: string; dru: string }): Promise<{ errors: number; unconnected: number; types: string }> {
  const res = await runKicadDrc(files.pcb, files.pro, 120_000, files.dru ? { 'board.kicad_dru': files.dru } : {});
  if (res.raw === undefined) return { errors: -1, unconnected: -1, types: 'kicad-cli failed' };
  const f = kicadFigures(res);
  return { errors: f.errors, unconnected: f.unconnected, types: Object.entries(f.types).map(([t, n]) => `${t}×${n}`).join(' ') };
}

async function pool<T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> {
  const out: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const k = next++;
      out[k] = await jobs[k]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
  return out;
}

async function main(): Promise<void> {
  const { AutoroutingPipelineSolver } = await import('@tscircuit/capacity-autorouter');
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.simple-route.json') && (!ONLY || f.startsWith(ONLY)))
    .sort()
    .slice(0, LIMIT);
  const rows: Row[] = [];
  const problems: RouteProblem[] = [];
  for (const f of files) {
    const name = f.replace('.simple-route.json', '');
    const raw: unknown = JSON.parse(readFileSync(path.join(DIR, f), 'utf8'));
    // The board: the problem bounds grown to hold every pad plus the edge clearance (a few
    // problems have pads on or past their bounds). Both routers are judged on this outline.
    const { problem, netOfConnection } = importSimpleRouteJson(raw, { clearanceMm: CLEARANCE_MM });
    problems.push(problem);

    const t0 = performance.now();
    const ours = routeProblem(problem, { seed: 1, timeLimitMs: TIME_LIMIT_MS });
    const oursMs = performance.now() - t0;
    const og = routedByGeometry(problem, ours);
    const failed = ours.connections.filter((c) => c.status === 'unrouted');
    // Why: an end point on a pad that touches another net's pad is an input defect (a short).
    const shorted = pointsOnShortedPads(problem);
    const why = (c: (typeof failed)[number]): string =>
      shorted.has(`${c.net}#${c.from}`) || shorted.has(`${c.net}#${c.to}`) ? `${c.reason ?? 'blocked'}: pad overlaps a pad of another net` : (c.reason ?? 'blocked');
    const reasons = [...new Set(failed.map(why))];

    // capacity-autorouter on the problem exactly as published, bounded by the same time limit.
    const solver = new AutoroutingPipelineSolver(raw as ConstructorParameters<typeof AutoroutingPipelineSolver>[0]);
    const t1 = performance.now();
    let timedOut = false;
    let steps = 0;
    try {
      while (!solver.solved && !solver.failed && steps < 50_000_000) {
        solver.step();
        steps++;
        if ((steps & 63) === 0 && performance.now() - t1 > TIME_LIMIT_MS) {
          timedOut = true;
          break;
        }
      }
    } catch {
      // a thrown solver counts as failed; whatever traces it has are still judged
    }
    const peerMs = performance.now() - t1;
    let traces: unknown[] = [];
    try {
      traces = (solver.getOutputSimpleRouteJson().traces ?? []) as unknown[];
    } catch {
      traces = [];
    }
    const peerRoutes = importSimpleRouteTraces(traces, raw, netOfConnection, problem.layers);
    const pg = routedByGeometry(problem, peerRoutes);
    const padPad = og.padPadConflicts;
    rows.push({
      name,
      ours: { ...og, full: og.routed === og.total, ms: oursMs, claimed: `${ours.completion.routed}/${ours.completion.total}`, tracks: ours.tracks, vias: ours.vias },
      peer: {
        ...pg,
        full: pg.routed === pg.total,
        ms: peerMs,
        claimed: timedOut ? 'time-out' : solver.solved ? 'solved' : 'failed',
        tracks: peerRoutes.tracks,
        vias: peerRoutes.vias,
      },
      padPadConflicts: padPad,
      shortedPoints: shorted.size,
      reason: failed.length === 0 ? '' : `${failed.length} unrouted (${reasons.join(', ')})`,
    });
    process.stderr.write(`${name}: ours ${og.routed}/${og.total} ${oursMs.toFixed(0)} ms; peer ${pg.routed}/${pg.total} ${peerMs.toFixed(0)} ms ${solver.solved ? '' : '(not solved)'}\n`);
  }

  process.stderr.write(`kicad-cli DRC on ${rows.length * 2} boards (2 at a time)…\n`);
  const jobs = rows.flatMap((r, k) =>
    (['ours', 'peer'] as const).map((side) => async () => {
      const s = r[side];
      const files = exportSrjKicad(problems[k]!, s, { clearanceMm: CLEARANCE_MM, trackWidthMm: 0.15, waivePadToPad: true, name: 'board' });
      s.drc = await runKicad(files);
    }),
  );
  await pool(jobs, 2);

  const md = report(rows);
  if (WRITE && !ONLY && files.length > 1) writeFileSync(path.resolve(process.cwd(), 'docs/reports/tscircuit-routing.md'), md);
  process.stdout.write((ONLY ? md : md.split("\n## Per problem")[0]!) + "\n");
}

const clean = (s: Side): boolean => s.drc !== undefined && s.drc.errors === 0 && s.drc.unconnected === 0;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

function report(rows: Row[]): string {
  const n = rows.length;
  const summary = (side: 'ours' | 'peer'): string[] => {
    const ss = rows.map((r) => r[side]);
    const full = ss.filter((s) => s.full).length;
    const fullClean = ss.filter((s) => s.full && clean(s)).length;
    const cleanAll = ss.filter(clean).length;
    const conns = ss.reduce((a, s) => a + s.routed, 0);
    const total = ss.reduce((a, s) => a + s.total, 0);
    const ms = ss.map((s) => s.ms);
    return [`${full} / ${n} (${((100 * full) / n).toFixed(1)}%)`, `${fullClean} / ${n}`, `${cleanAll} / ${n}`, `${conns} / ${total}`, `${(median(ms) / 1000).toFixed(3)} s`, `${(mean(ms) / 1000).toFixed(3)} s`];
  };
  const o = summary('ours');
  const p = summary('peer');
  const labels = ['fully routed (copper joins every point)', 'fully routed and kicad-cli clean', 'kicad-cli clean (0 errors, 0 unconnected)', 'connections routed', 'median time', 'mean time'];
  const shortedNames = rows.filter((r) => r.shortedPoints > 0).map((r) => r.name);
  const ratio = mean(rows.map((r) => r.ours.ms)) / Math.max(1e-9, mean(rows.map((r) => r.peer.ms)));
  const out: string[] = [
    '# tscircuit autorouting dataset: zt-route-1 vs capacity-autorouter',
    '',
    'Generated by `npm run bench:route` (bench/route-tscircuit.ts) on this machine (2 shared cores), one run, both routers',
    'in the same process, one problem after the other. Problems: `shared/corpus/tscircuit-autorouting-01/problems` (85, MIT).',
    'Peer: `@tscircuit/capacity-autorouter` 0.0.1035 (`AutoroutingPipelineSolver`, default options, the problem as published).',
    '',
    'How it is judged:',
    '- **Routed** is measured from copper, the same way for both routers: per net, the points that end up in one copper',
    '  component (pads, tracks, vias touching on a shared layer) count as joined; `routed = Σ (points − components)`.',
    '- **kicad-cli clean**: both results exported by `src/eda/route/srj-kicad.ts` (pads as SMD pads on their nets, plated',
    '  holes as through-hole pads, tracks, vias) and judged by `kicad-cli pcb drc --severity-error` with 0.15 mm clearance,',
    '  0.15 mm minimum track width and 0.15 mm copper-to-edge; clean = 0 errors and 0 unconnected items.',
    '- **Board outline**: the bounds grown to hold every pad plus 0.15 mm (circuit007, 011, 021, 105, 111 and 123 have pads on',
    '  or past their bounds). Our router routes inside that outline; the peer routes the published bounds (inside it).',
    '- **Pad-to-pad clearance is waived** by a `.kicad_dru` rule: pads are the problem\'s own and no router can move them;',
    `  ${rows.filter((r) => r.padPadConflicts > 0).length} of ${n} problems have pads of different nets closer than 0.15 mm (or overlapping). Tracks and vias stay`,
    '  judged against every pad, track, via and the edge.',
    '- Pads on a net that none of the net\'s points lies in (one each in circuit003 and circuit004) are added as points of',
    '  that net (`importSimpleRouteJson`): kicad-cli reports them unconnected otherwise. The peer is not asked to route',
    '  them, which costs it one connection in each of those two problems.',
    `- Time limit per problem and router: ${TIME_LIMIT_MS / 1000} s (peer "time-out" = stopped by it). Time is wall time of the`,
    '  routing call only, measured on a shared 2-core machine under load from other work: absolute times are inflated',
    '  for both routers alike; compare the ratio.',
    '',
    '## Summary',
    '',
    '| | zt-route-1 (ours) | capacity-autorouter |',
    '| --- | --- | --- |',
    ...labels.map((l, i) => `| ${l} | ${o[i]} | ${p[i]} |`),
    `| mean time ratio ours / theirs | ${ratio.toFixed(3)} | |`,
    '',
    `Problems whose input puts a point to connect on a pad that touches or overlaps a pad of another net (a short in the`,
    `input itself, whatever is routed): ${shortedNames.length} (${shortedNames.join(', ')}). On the other ${n - shortedNames.length}: ours fully routed`,
    `${rows.filter((r) => r.shortedPoints === 0 && r.ours.full).length}, fully routed and kicad-cli clean ${rows.filter((r) => r.shortedPoints === 0 && r.ours.full && clean(r.ours)).length};`,
    `peer fully routed ${rows.filter((r) => r.shortedPoints === 0 && r.peer.full).length}, fully routed and kicad-cli clean ${rows.filter((r) => r.shortedPoints === 0 && r.peer.full && clean(r.peer)).length}.`,
    '',
    '## Where we fall short',
    '',
    ...rows
      .filter((r) => !r.ours.full || !clean(r.ours))
      .map((r) => `- ${r.name}: ${r.ours.routed}/${r.ours.total} routed${r.reason ? `, ${r.reason}` : ''}${clean(r.ours) ? '' : `, kicad-cli: ${r.ours.drc?.errors} errors, ${r.ours.drc?.unconnected} unconnected (${r.ours.drc?.types})`}${r.padPadConflicts > 0 ? `; ${r.padPadConflicts} pad pairs of different nets closer than 0.15 mm in the problem itself` : ''}`),
    '',
    '## Per problem',
    '',
    '| problem | ours routed | ours kicad (err/unc) | ours ms | peer routed | peer status | peer kicad (err/unc) | peer ms | pad pairs < 0.15 mm |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.ours.routed}/${r.ours.total}${r.ours.full ? '' : ' ✗'} | ${r.ours.drc?.errors}/${r.ours.drc?.unconnected}${clean(r.ours) ? '' : ' ✗'} | ${r.ours.ms.toFixed(0)} | ${r.peer.routed}/${r.peer.total}${r.peer.full ? '' : ' ✗'} | ${r.peer.claimed} | ${r.peer.drc?.errors}/${r.peer.drc?.unconnected}${clean(r.peer) ? '' : ' ✗'} | ${r.peer.ms.toFixed(0)} | ${r.padPadConflicts} |`,
    ),
    '',
    '## Peer kicad-cli error kinds (first 20 boards with errors)',
    '',
    ...rows
      .filter((r) => (r.peer.drc?.errors ?? 0) > 0)
      .slice(0, 20)
      .map((r) => `- ${r.name}: ${r.peer.drc?.types}`),
    '',
  ];
  return out.join('\n');
}

await main();
