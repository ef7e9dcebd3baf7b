import 'core-js/actual/iterator';
import { pathToFileURL } from 'node:url';
import { CapacityMeshSolver } from '@tscircuit/capacity-autorouter';
import { mapPinsToPads, resolveFootprint } from '../src/eda/footprints/index.js';
import { generatedSeries, loadLayoutCorpus } from '../src/eda/place/layout-corpus.js';
import { runLayout } from '../src/eda/place/layout-run.js';
import { designToSimpleRouteJson, peerRoutedConnections } from '../src/eda/place/srj-export.js';

/**
 * Layout figures (docs/placement.md, docs/routing.md): place/route/DRC ms per design with zt-place-1 / zt-route-1, and on the
 * same placed problems (converted to tscircuit's SimpleRouteJson) the completion and time of
 * @tscircuit/capacity-autorouter, run step by step under a time limit. Only rows whose footprints
 * all resolve are benched. Run directly: `npx tsx bench/layout.ts`.
 */
const PEER_TIME_LIMIT_MS = 5_000;

function runPeer(srj: ReturnType<typeof designToSimpleRouteJson>): { routed: number; total: number; ms: number; status: string } {
  const t0 = performance.now();
  let status = 'solved';
  let traces: { connection_name: string }[] = [];
  try {
    // The peer's own SimpleRouteJson type is wider than the subset we emit; the shapes match.
    const solver = new CapacityMeshSolver(srj as unknown as ConstructorParameters<typeof CapacityMeshSolver>[0]);
    while (!solver.solved && !solver.failed) {
      if (performance.now() - t0 > PEER_TIME_LIMIT_MS) {
        status = 'timeout';
        break;
      }
      solver.step();
    }
    if (solver.failed) status = `failed: ${String(solver.error).slice(0, 60)}`;
    if (solver.solved) traces = (solver.getOutputSimpleRouteJson().traces ?? []) as { connection_name: string }[];
  } catch (err) {
    status = `error: ${(err as Error).message.split('\n')[0]!.slice(0, 60)}`;
  }
  const { routed, total } = peerRoutedConnections(srj, traces);
  return { routed, total, ms: performance.now() - t0, status };
}

export async function benchLayout(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const cases = [...loadLayoutCorpus(), ...generatedSeries(resolveFootprint)];
  let oursDone = 0;
  let peerDone = 0;
  let oursConn = 0;
  let peerConn = 0;
  let n = 0;
  for (const c of cases) {
    const comps = Object.values(c.design.components);
    if (comps.some((k) => k.footprint === null || !resolveFootprint(k.footprint))) continue;
    if (process.env.LAYOUT_BENCH_ONLY && !c.name.includes(process.env.LAYOUT_BENCH_ONLY)) continue;
    const run = runLayout(c.design, { resolve: resolveFootprint, mapPins: mapPinsToPads, seed: 1 });
    const srj = designToSimpleRouteJson(run.design, resolveFootprint, mapPinsToPads);
    const peer = runPeer(srj);
    const key = c.name.replace(/^templates\//, '').replace(/\.yaml/, '').replace(/^correctness-placement-routing-corpus#/, 'case:');
    out[`${key} place/route/drc ms`] = `${Math.round(run.placeMs)} / ${Math.round(run.routeMs)} / ${Math.round(run.drcMs)}`;
    out[`${key} ours routed`] = `${run.routed}/${run.total} in ${Math.round(run.routeMs)} ms`;
    out[`${key} capacity-autorouter routed`] = `${peer.routed}/${peer.total} in ${Math.round(peer.ms)} ms (${peer.status})`;
    n++;
    if (run.routed === run.total) oursDone++;
    if (peer.routed === peer.total) peerDone++;
    oursConn += run.total > 0 ? run.routed / run.total : 1;
    peerConn += peer.total > 0 ? peer.routed / peer.total : 1;
  }
  out['designs benched'] = n;
  out['ours: designs 100% routed'] = `${oursDone}/${n}`;
  out['capacity-autorouter: designs 100% routed'] = `${peerDone}/${n}`;
  out['ours: mean completion %'] = Math.round((1000 * oursConn) / Math.max(1, n)) / 10;
  out['capacity-autorouter: mean completion %'] = Math.round((1000 * peerConn) / Math.max(1, n)) / 10;
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchLayout();
  for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(64)} ${v}`);
}
