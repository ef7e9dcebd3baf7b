import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBoardGeometry } from '../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../src/eda/footprints/index.js';
import { renderBoardSvg } from '../../src/eda/render/index.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { httpApp, newRuntime } from '../helpers/harness.js';
import { gridBoardJson, routingBoardJson, smallBoardJson } from '../helpers/generated-designs.js';
import { callRest, createSession, devHeaders, listenLoopback, type Listening } from '../helpers/http-server.js';
import { auditRecordOf } from '../../src/runtime/events/audit-record.js';

const PARTS = 20_000;

/**
 * Heavy work runs in worker threads (runtime/heavy-pool.ts): while one client renders a 20,000-part
 * board and routes another, a second client's reads of its own sessions keep being answered. The
 * test counts answers that arrive while the heavy calls are still pending; it asserts no timings.
 */
describe('the server stays responsive during heavy work (REST on 127.0.0.1)', () => {
  let runtime: Runtime;
  let http: Listening;
  const designer = devHeaders('designer');
  const router = devHeaders('router');
  const reader = devHeaders('reader', 'preview-write');

  beforeAll(async () => {
    runtime = (await newRuntime()).runtime;
    http = await listenLoopback((await httpApp(runtime, { dev: true })).app);
  });
  afterAll(async () => {
    runtime.heavyWork?.cancelAll(); // only if an assertion failed mid-way
    await http.close();
    await runtime.close();
  });

  it('answers reads of other sessions, and of the busy sessions, while a 20,000-part render and a long route run; both results are correct', { timeout: 180_000 }, async () => {
    const big = await createSession(http.base, designer);
    expect((await callRest(http.base, designer, big, 'design_parse_str', { yaml_content: gridBoardJson(PARTS, 'big'), design_name: 'big' })).status).toBe(200);
    const routed = await createSession(http.base, router);
    expect((await callRest(http.base, router, routed, 'design_parse_str', { yaml_content: routingBoardJson(150, 15, 'r'), design_name: 'r' })).status).toBe(200);
    const others: string[] = [];
    for (let i = 0; i < 3; i++) {
      const sid = await createSession(http.base, reader);
      expect((await callRest(http.base, reader, sid, 'design_parse_str', { yaml_content: smallBoardJson(`s${i}`), design_name: 's' })).status).toBe(200);
      others.push(sid);
    }

    let renderPending = true;
    let routePending = true;
    const render = callRest(http.base, designer, big, 'render_svg', { design_name: 'big' }).finally(() => (renderPending = false));
    const route = callRest(http.base, router, routed, 'route_nets', { design_name: 'r', time_limit_ms: 6_000 }).finally(() => (routePending = false));

    let duringRender = 0;
    let duringRoute = 0;
    let sameSessionDuringRoute = 0;
    for (let i = 0; (renderPending || routePending) && i < 20_000; i++) {
      const sid = others[i % others.length]!;
      const read = await callRest(http.base, reader, sid, 'design_inspect', { design_name: 's' });
      expect(read.status).toBe(200);
      expect(read.body.result.summary.components).toBe(8);
      if (renderPending) duringRender += 1;
      if (routePending) {
        duringRoute += 1;
        // The routing session itself is not locked while its router works in a thread.
        if (i % 10 === 0 && (await callRest(http.base, router, routed, 'design_inspect', { design_name: 'r' })).status === 200 && routePending) sameSessionDuringRoute += 1;
      }
    }
    expect(duringRender).toBeGreaterThan(5);
    expect(duringRoute).toBeGreaterThan(5);
    expect(sameSessionDuringRoute).toBeGreaterThan(0);

    const pictured = await render;
    expect(pictured.status).toBe(200);
    const svg = pictured.body.result.svg as string;
    expect(svg.split('stroke="none" data-ref="').length - 1).toBe(PARTS);
    const design = (await runtime.state(big)).designs['big']!.design;
    expect(svg).toBe(renderBoardSvg(design, buildBoardGeometry(design, resolveFootprint, mapPinsToPads), { drcFindings: [] }));

    const done = await route;
    expect(done.status).toBe(200);
    const state = await runtime.state(routed);
    expect(done.body.result.design_hash).toBe(state.designs['r']!.hash);
    expect(done.body.result.completion.total).toBeGreaterThan(0);
    expect(state.designs['r']!.design.routing.tracks.length).toBeGreaterThan(0);
    const events = await runtime.readEvents(routed);
    expect(events.filter((e) => e.type === 'NetsRouted')).toHaveLength(1);
    expect(events.map(auditRecordOf).filter((a) => a?.tool === 'route_nets').map((a) => a!.outcome)).toEqual(['ok']);
  });
});
