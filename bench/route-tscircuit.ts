/**
 * `npm run bench:route` (docs/reports/tscircuit-routing.md): tscircuit's public autorouting dataset routed by
 * zt-route-1 and by @tscircuit/capacity-autorouter in one run, like for like:
 * - both told the same clearance, at 0.15 mm and at 0.1 mm (the peer through SimpleRouteJson
 *   `defaultObstacleMargin` and `minTraceToPadEdgeClearance`), and the same outline (the published bounds);
 * - both judged by one independent checker reading their SimpleRouteJson traces
 *   (test/eda/route/srj-judge.ts), and by kicad-cli on the boards srj-kicad.ts converts;
 * - the report lists fully routed, clean, the time ratio and the peer's faults (tracks thinner than
 *   the problem's minTraceWidth, copper outside the bounds).
 * One child process per clearance (the machine has 2 cores); each problem and router is bounded.
 *
 *   npm run bench:route [-- --limit N] [--only circuit010] [--clearances 0.15,0.1] [--peer-time-limit-ms 10000]
 *                       [--work-budget 9000000] [--no-kicad] [--no-write]
 */
import 'core-js/actual/iterator/index.js';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportSimpleRouteTraces, importSimpleRouteJson, routeProblem } from '../src/eda/route/index.js';
import { exportSrjKicad } from '../src/eda/route/srj-kicad.js';
import { importSimpleRouteTraces } from '../src/eda/route/srj-traces.js';
import { kicadCliAvailable, kicadFigures, runKicadDrc } from '../test/helpers/kicad-cli.js';
import { judgeSrj, type SrjJudgement } from '../test/eda/route/srj-judge.js';

const DIR = path.resolve(process.cwd(), '../shared/corpus/tscircuit-autorouting-01/problems');
const args = process.argv.slice(2);
const argOf = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const LIMIT = Number(argOf('--limit') ?? 1000);
const ONLY = argOf('--only');
const CLEARANCES = (argOf('--clearances') ?? '0.15,0.1').split(',').map(Number);
const PEER_TIME_LIMIT_MS = Number(argOf('--peer-time-limit-ms') ?? 10_000);
/** Our bound: counted work (search expansions), so it is the same on a busy machine. */
const WORK_BUDGET = Number(argOf('--work-budget') ?? 9_000_000);
const KICAD = !args.includes('--no-kicad');
const WRITE = !args.includes('--no-write');
const CHILD = argOf('--child');

interface Side {
  ms: number;
  budgetOut?: boolean;
  claimed: string;
  judge: Omit<SrjJudgement, 'violations' | 'outside' | 'edge'> & { violations: number; minGap: number | null; outside: number; edge: number };
  kicad?: { errors: number; unconnected: number; types: string } | undefined;
}
interface Row {
  name: string;
  clearance: number;
  ours: Side;
  peer: Side;
}

const summarize = (j: SrjJudgement): Side['judge'] => ({
  ...j,
  violations: j.violations.length,
  minGap: j.violations.length === 0 ? null : Math.min(...j.violations.map((v) => v.distance)),
  outside: j.outside.length,
  edge: j.edge.length,
});

async function kicadOf(files: { pcb: string; pro: string; dru: string }): Promise<Side['kicad']> {
  const res = await runKicadDrc(files.pcb, files.pro, 120_000, files.dru ? { 'board.kicad_dru': files.dru } : {});
  if (res.raw === undefined) return { errors: -1, unconnected: -1, types: 'kicad-cli failed' };
  const f = kicadFigures(res);
  return { errors: f.errors, unconnected: f.unconnected, types: Object.entries(f.types).map(([t, n]) => `${t}×${n}`).join(' ') };
}

async function runClearance(clearance: number, files: string[]): Promise<Row[]> {
  const { AutoroutingPipelineSolver } = await import('@tscircuit/capacity-autorouter');
  const rows: Row[] = [];
  for (const f of files) {
    const name = f.replace('.simple-route.json', '');
    const raw = JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as Record<string, unknown>;
    const { problem, netOfConnection } = importSimpleRouteJson(raw, { clearanceMm: clearance });

    const t0 = performance.now();
    const ours = routeProblem(problem, { seed: 1, workBudget: WORK_BUDGET });
    const oursMs = performance.now() - t0;
    const oursTraces = exportSimpleRouteTraces(ours, problem.layers);

    // The peer gets the same clearance (pads and everything else) and the same board.
    const told = { ...raw, defaultObstacleMargin: clearance, minTraceToPadEdgeClearance: clearance };
    const solver = new AutoroutingPipelineSolver(told as unknown as ConstructorParameters<typeof AutoroutingPipelineSolver>[0]);
    const t1 = performance.now();
    let timedOut = false;
    let steps = 0;
    try {
      while (!solver.solved && !solver.failed) {
        solver.step();
        if ((++steps & 31) === 0 && performance.now() - t1 > PEER_TIME_LIMIT_MS) {
          timedOut = true;
          break;
        }
      }
    } catch {
      // a thrown solver counts as failed; whatever traces it has are still judged
    }
    const peerMs = performance.now() - t1;
    let peerTraces: unknown[] = [];
    try {
      peerTraces = (solver.getOutputSimpleRouteJson().traces ?? []) as unknown[];
    } catch {
      peerTraces = [];
    }
    const row: Row = {
      name,
      clearance,
      ours: { ms: oursMs, budgetOut: ours.connections.some((c) => c.reason === 'timeout'), claimed: `${ours.completion.routed}/${ours.completion.total}${ours.offBoard.length ? ` (${ours.offBoard.length} off-board)` : ''}`, judge: summarize(judgeSrj(raw, oursTraces, clearance)) },
      peer: { ms: peerMs, claimed: timedOut ? 'time-out' : solver.solved ? 'solved' : 'failed', judge: summarize(judgeSrj(raw, peerTraces, clearance)) },
    };
    if (KICAD && kicadCliAvailable()) {
      row.ours.kicad = await kicadOf(exportSrjKicad(problem, ours, { clearanceMm: clearance, trackWidthMm: problem.traceWidthMm, waivePadToPad: true, name: 'board' }));
      const peerRoutes = importSimpleRouteTraces(peerTraces, raw, netOfConnection, problem.layers);
      // the peer's thin tracks are judged at the problem's minimum width: the rule it was given
      row.peer.kicad = await kicadOf(exportSrjKicad(problem, peerRoutes, { clearanceMm: clearance, trackWidthMm: problem.traceWidthMm, waivePadToPad: true, name: 'board' }));
    }
    rows.push(row);
    const j = (s: Side) => `${s.judge.joined}/${s.judge.total}${s.judge.violations ? ` ${s.judge.violations} viol` : ''}${s.judge.outside ? ` ${s.judge.outside} outside` : ''}`;
    process.stderr.write(`${clearance} ${name}: ours ${j(row.ours)} ${oursMs.toFixed(0)} ms; peer ${j(row.peer)} ${peerMs.toFixed(0)} ms ${row.peer.claimed}\n`);
  }
  return rows;
}

function childRun(clearance: number): Promise<Row[]> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [...process.execArgv, script, ...args, '--child', String(clearance)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Row[]) : reject(new Error(`bench child for ${clearance} mm exited ${code}`))));
  });
}

const fullyRouted = (s: Side) => s.judge.joined === s.judge.total;
/** Clean by the independent checker: everything joined, no clearance fault, nothing outside the bounds, no copper-to-edge fault, no thin track. */
const clean = (s: Side) => fullyRouted(s) && s.judge.violations === 0 && s.judge.outside === 0 && s.judge.edge === 0 && s.judge.thin === 0;
const kicadClean = (s: Side) => s.kicad !== undefined && s.kicad.errors === 0 && s.kicad.unconnected === 0;
const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function report(all: Row[]): string {
  const out: string[] = [
    '# tscircuit autorouting dataset: zt-route-1 vs capacity-autorouter, like for like',
    '',
    'Generated by `npm run bench:route` (bench/route-tscircuit.ts), one run, on this machine (2 shared cores, other work',
    'running: absolute times are inflated for both routers alike; compare the ratio). Problems:',
    '`shared/corpus/tscircuit-autorouting-01/problems` (85, MIT). Peer: `@tscircuit/capacity-autorouter` 0.0.1035',
    '(`AutoroutingPipelineSolver`).',
    '',
    'Like for like:',
    '- **Same clearance**: each clearance is given to both routers — ours as `clearanceMm`, the peer as SimpleRouteJson',
    '  `defaultObstacleMargin` and `minTraceToPadEdgeClearance`. Track width: the problem\'s `minTraceWidth` (0.15 mm).',
    '- **Same outline**: the published bounds, for both. Our copper never leaves them; pads with no room inside them are',
    '  reported `off-board` (circuit105 has three pads wholly outside).',
    '- **One independent judge** (test/eda/route/srj-judge.ts on test/eda/route/clearance-check.ts, no router code) reads',
    '  both routers\' SimpleRouteJson traces: *fully routed* = every connection\'s points in one copper component;',
    '  *clean* = fully routed, no copper of different nets closer than the clearance (pad–pad pairs are the input\'s),',
    '  nothing outside the bounds or within the clearance of them, no track thinner than `minTraceWidth`.',
    `- **kicad-cli** (\`pcb drc --severity-error\`, pad-to-pad and pad-to-edge waived as the input's own) on every converted board${KICAD && kicadCliAvailable() ? '' : ' — not run'}.`,
    `- Bounds per problem: ours a work budget of ${WORK_BUDGET.toLocaleString('en')} search expansions (counted, so the same on a busy`,
    `  machine); the peer ${PEER_TIME_LIMIT_MS / 1000} s wall time ("time-out" in the table).`,
    '',
  ];
  for (const clearance of CLEARANCES) {
    const rows = all.filter((r) => r.clearance === clearance);
    const n = rows.length;
    const sides = (side: 'ours' | 'peer') => rows.map((r) => r[side]);
    const count = (side: 'ours' | 'peer', p: (s: Side) => boolean) => sides(side).filter(p).length;
    const ratio = mean(sides('ours').map((s) => s.ms)) / Math.max(1e-9, mean(sides('peer').map((s) => s.ms)));
    const peerThinBoards = count('peer', (s) => s.judge.thin > 0);
    const peerThin = sides('peer').reduce((a, s) => a + s.judge.thin, 0);
    out.push(
      `## Clearance ${clearance} mm (${n} problems)`,
      '',
      '| | zt-route-1 (ours) | capacity-autorouter |',
      '| --- | --- | --- |',
      `| fully routed (independent judge) | ${count('ours', fullyRouted)} / ${n} | ${count('peer', fullyRouted)} / ${n} |`,
      `| fully routed and clean (independent judge) | ${count('ours', clean)} / ${n} | ${count('peer', clean)} / ${n} |`,
      `| fully routed, clean except thin tracks | ${count('ours', (s) => clean({ ...s, judge: { ...s.judge, thin: 0 } }))} / ${n} | ${count('peer', (s) => clean({ ...s, judge: { ...s.judge, thin: 0 } }))} / ${n} |`,
      `| kicad-cli clean (0 errors, 0 unconnected) | ${count('ours', kicadClean)} / ${n} | ${count('peer', kicadClean)} / ${n} |`,
      `| connections joined | ${sides('ours').reduce((a, s) => a + s.judge.joined, 0)} / ${sides('ours').reduce((a, s) => a + s.judge.total, 0)} | ${sides('peer').reduce((a, s) => a + s.judge.joined, 0)} / ${sides('peer').reduce((a, s) => a + s.judge.total, 0)} |`,
      `| boards with clearance faults | ${count('ours', (s) => s.judge.violations > 0)} | ${count('peer', (s) => s.judge.violations > 0)} |`,
      `| boards with copper outside the bounds | ${count('ours', (s) => s.judge.outside > 0)} | ${count('peer', (s) => s.judge.outside > 0)} |`,
      `| boards with copper within the clearance of the bounds | ${count('ours', (s) => s.judge.edge > 0)} | ${count('peer', (s) => s.judge.edge > 0)} |`,
      `| tracks thinner than minTraceWidth (boards) | ${sides('ours').reduce((a, s) => a + s.judge.thin, 0)} (${count('ours', (s) => s.judge.thin > 0)}) | ${peerThin} (${peerThinBoards}) |`,
      `| stopped by its bound | ${count('ours', (s) => s.budgetOut === true)} | ${count('peer', (s) => s.claimed === 'time-out')} |`,
      `| median / mean time | ${(median(sides('ours').map((s) => s.ms)) / 1000).toFixed(3)} s / ${(mean(sides('ours').map((s) => s.ms)) / 1000).toFixed(3)} s | ${(median(sides('peer').map((s) => s.ms)) / 1000).toFixed(3)} s / ${(mean(sides('peer').map((s) => s.ms)) / 1000).toFixed(3)} s |`,
      `| mean time ratio ours / peer | ${ratio.toFixed(3)} | |`,
      '',
      '| problem | ours joined | ours judge (viol/out/edge) | ours kicad (err/unc) | ours ms | peer joined | peer status | peer judge (viol/out/edge/thin) | peer kicad (err/unc) | peer ms |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows.map((r) => {
        const o = r.ours;
        const p = r.peer;
        return `| ${r.name} | ${o.judge.joined}/${o.judge.total}${fullyRouted(o) ? '' : ' ✗'} | ${o.judge.violations}/${o.judge.outside}/${o.judge.edge}${clean(o) || !fullyRouted(o) ? '' : ' ✗'} | ${o.kicad ? `${o.kicad.errors}/${o.kicad.unconnected}` : '–'} | ${o.ms.toFixed(0)} | ${p.judge.joined}/${p.judge.total}${fullyRouted(p) ? '' : ' ✗'} | ${p.claimed} | ${p.judge.violations}/${p.judge.outside}/${p.judge.edge}/${p.judge.thin} | ${p.kicad ? `${p.kicad.errors}/${p.kicad.unconnected}` : '–'} | ${p.ms.toFixed(0)} |`;
      }),
      '',
    );
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.simple-route.json') && (!ONLY || f.startsWith(ONLY)))
    .sort()
    .slice(0, LIMIT);
  if (CHILD !== undefined) {
    process.stdout.write(JSON.stringify(await runClearance(Number(CHILD), files)));
    return;
  }
  const t0 = performance.now();
  const rows = (await Promise.all(CLEARANCES.map((c) => childRun(c)))).flat();
  const md = report(rows);
  if (WRITE && !ONLY && files.length === 85) writeFileSync(path.resolve(process.cwd(), 'docs/reports/tscircuit-routing.md'), md + '\n');
  const summary = md.split('\n').filter((l) => !/^\| circuit/.test(l));
  process.stdout.write(summary.join('\n') + `\nbench:route took ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}

await main();
