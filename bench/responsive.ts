/**
 * Responsiveness under heavy work: a real `zaptrace serve` process; one client renders a
 * 20,000-part board and routes another while a second client reads its own sessions. Prints the
 * reads' p50/p99 idle and during the heavy work, and — the "before" figure — how long the same
 * render holds an event loop when it runs on it (what every read waited before the worker pool).
 */
import { buildBoardGeometry } from '../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../src/eda/footprints/index.js';
import { loadLibrary } from '../src/eda/library/index.js';
import { renderBoardSvg } from '../src/eda/render/index.js';
import { parseWithLibrary } from '../src/tools/part-footprints.js';
import { startServer } from '../test/helpers/cli.js';
import { gridBoardJson, routingBoardJson, smallBoardJson } from '../test/helpers/generated-designs.js';
import { callRest, createSession, devHeaders } from '../test/helpers/http-server.js';

const PARTS = 20_000;
const IDLE_READS = 300;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

export async function benchResponsive(): Promise<Record<string, number | string>> {
  const server = await startServer(['--dev-capability-headers', '--rate-limit', '100000/100000']);
  try {
    const designer = devHeaders('designer');
    const router = devHeaders('router');
    const reader = devHeaders('reader', 'preview-write');
    const big = await createSession(server.base, designer);
    await callRest(server.base, designer, big, 'design_parse_str', { yaml_content: gridBoardJson(PARTS, 'big'), design_name: 'big' });
    const routed = await createSession(server.base, router);
    await callRest(server.base, router, routed, 'design_parse_str', { yaml_content: routingBoardJson(150, 15, 'r'), design_name: 'r' });
    const others: string[] = [];
    for (let i = 0; i < 4; i++) {
      const sid = await createSession(server.base, reader);
      await callRest(server.base, reader, sid, 'design_parse_str', { yaml_content: smallBoardJson(`s${i}`), design_name: 's' });
      others.push(sid);
    }
    const read = async (i: number): Promise<number> => {
      const t0 = performance.now();
      const res = await callRest(server.base, reader, others[i % others.length]!, 'design_inspect', { design_name: 's' });
      if (res.status !== 200) throw new Error(`read answered ${res.status}`);
      return performance.now() - t0;
    };

    const idle: number[] = [];
    for (let i = 0; i < IDLE_READS; i++) idle.push(await read(i));

    let pending = 2;
    const t0 = performance.now();
    let renderMs = 0;
    let routeMs = 0;
    const render = callRest(server.base, designer, big, 'render_svg', { design_name: 'big' }).then((r) => {
      renderMs = performance.now() - t0;
      pending -= 1;
      return r;
    });
    const route = callRest(server.base, router, routed, 'route_nets', { design_name: 'r', time_limit_ms: 8_000 }).then((r) => {
      routeMs = performance.now() - t0;
      pending -= 1;
      return r;
    });
    const busy: number[] = [];
    for (let i = 0; pending > 0 && i < 100_000; i++) busy.push(await read(i));
    const [pictured, done] = await Promise.all([render, route]);
    if (pictured.status !== 200 || done.status !== 200) throw new Error(`heavy calls answered ${pictured.status}/${done.status}`);

    // Before the pool: the same render on an event loop (this process), every read queued behind it.
    const design = parseWithLibrary(gridBoardJson(PARTS, 'big'), {}, loadLibrary()).design;
    const b0 = performance.now();
    const svg = renderBoardSvg(design, buildBoardGeometry(design, resolveFootprint, mapPinsToPads), { drcFindings: [] });
    const blockedMs = performance.now() - b0;
    const same = svg === pictured.body.result.svg;

    idle.sort((a, b) => a - b);
    busy.sort((a, b) => a - b);
    return {
      'reads idle: count': idle.length,
      'reads idle: p50 / p99': `${ms(percentile(idle, 50))} / ${ms(percentile(idle, 99))}`,
      'reads during 20k render + route: count': busy.length,
      'reads during 20k render + route: p50 / p99': `${ms(percentile(busy, 50))} / ${ms(percentile(busy, 99))}`,
      'reads during heavy work: max': ms(busy[busy.length - 1] ?? NaN),
      'p99 target < 100 ms': percentile(busy, 99) < 100 ? 'met' : 'NOT met',
      'render_svg 20k parts in the worker, end to end': ms(renderMs),
      'route_nets (time_limit 8 s) in the worker, end to end': ms(routeMs),
      'before: the same render on the event loop blocks every read for': ms(blockedMs),
      'ratio: blocked read before / p99 read during heavy work': `${(blockedMs / percentile(busy, 99)).toFixed(1)}x`,
      'worker SVG identical to an in-process render': same ? 'yes' : 'NO',
    };
  } finally {
    server.stop();
  }
}
