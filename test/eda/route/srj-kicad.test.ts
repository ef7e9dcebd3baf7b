import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSimpleRouteJson, routeProblem, type RouteProblem } from '../../../src/eda/route/index.js';
import { boundsCoveringPads, exportSrjKicad } from '../../../src/eda/route/srj-kicad.js';
import { importSimpleRouteTraces, routedByGeometry } from '../../../src/eda/route/srj-traces.js';
import { requireKicadOrSkip, runKicadDrc } from '../../helpers/kicad-cli.js';
import { SRJ_DIR } from './srj-harness.js';

/**
 * srj-kicad.ts (docs/reports/tscircuit-routing.md): a SimpleRouteJson problem plus routes as a .kicad_pcb/.kicad_pro that
 * kicad-cli loads and judges at 0.15 mm. circuit002 has no pad pairs closer than 0.15 mm, so the
 * board is judged without any waiver (the test helper writes board and project only).
 */

const load = (name: string): unknown => JSON.parse(readFileSync(path.join(SRJ_DIR, `${name}.simple-route.json`), 'utf8'));

function tinyProblem(): RouteProblem {
  return {
    bounds: { minX: 0, minY: 0, maxX: 10, maxY: 6 },
    layers: ['top', 'bottom'],
    obstacles: [
      { shape: { kind: 'rect', center: [2, 3], size: [1, 0.6] }, layers: ['top'], net: 'A' },
      { shape: { kind: 'rect', center: [8, 3], size: [1, 0.6] }, layers: ['top'], net: 'A' },
      { shape: { kind: 'oval', center: [5, 1], size: [1.2, 1.2] }, layers: ['top', 'bottom'], net: 'B' },
    ],
    connections: [{ net: 'A', points: [{ x: 2, y: 3, layer: 'top' }, { x: 8, y: 3, layer: 'top' }] }],
    traceWidthMm: 0.15,
    clearanceMm: 0.15,
    viaDiameterMm: 0.6,
    viaDrillMm: 0.3,
  };
}

describe('srj-kicad export', () => {
  it('writes pads on their nets, plated holes as through-hole pads, tracks, vias and the outline', () => {
    const p = tinyProblem();
    const files = exportSrjKicad(p, { tracks: [{ net: 'A', layer: 'bottom', start: [2, 3], end: [8, 3], widthMm: 0.15 }], vias: [{ net: 'A', at: [2, 3], diameterMm: 0.6, drillMm: 0.3 }] });
    expect(files.pcb).toMatch(/\(version 20241229\)/);
    expect(files.pcb.match(/\(pad "1" smd rect/g)?.length).toBe(2);
    expect(files.pcb).toMatch(/\(pad "1" thru_hole oval .*\(drill 0\.6\)/);
    expect(files.pcb).toMatch(/\(segment \(start 2 3\) \(end 8 3\) \(width 0\.15\) \(layer "?B\.Cu"?\) \(net 1\)\)/);
    expect(files.pcb).toMatch(/\(via \(at 2 3\) \(size 0\.6\) \(drill 0\.3\)/);
    expect(files.pcb).toMatch(/\(gr_rect\s+\(start 0 0\)\s+\(end 10 6\)/);
    const pro = JSON.parse(files.pro) as { board: { design_settings: { rules: Record<string, number> } } };
    expect(pro.board.design_settings.rules['min_clearance']).toBe(0.15);
    expect(pro.board.design_settings.rules['min_track_width']).toBe(0.15);
    expect(pro.board.design_settings.rules['min_copper_edge_clearance']).toBe(0.15);
    expect(files.dru).toBe('');
    expect(exportSrjKicad(p, { tracks: [], vias: [] }, { waivePadToPad: true }).dru).toMatch(/A\.Type == 'Pad' && B\.Type == 'Pad'/);
  });

  it('grows the bounds to hold every pad plus a margin', () => {
    const p = tinyProblem();
    p.obstacles.push({ shape: { kind: 'rect', center: [10, 3], size: [1, 1] }, layers: ['top'], net: null });
    expect(boundsCoveringPads(p, 0.15)).toEqual({ minX: 0, minY: 0, maxX: 10.65, maxY: 6 });
  });

  it('converts tscircuit traces to tracks and vias and measures routing from copper', () => {
    const p = tinyProblem();
    const traces = [
      {
        type: 'pcb_trace',
        pcb_trace_id: 't0',
        connection_name: 'A_mst0_0',
        route: [
          { route_type: 'wire', x: 2, y: 3, width: 0.15, layer: 'top' },
          { route_type: 'wire', x: 4, y: 3, width: 0.15, layer: 'top' },
          { route_type: 'via', x: 4, y: 3, from_layer: 'top', to_layer: 'bottom' },
          { route_type: 'wire', x: 4, y: 3, width: 0.15, layer: 'bottom' },
          { route_type: 'wire', x: 8, y: 3, width: 0.15, layer: 'bottom' },
        ],
      },
    ];
    const r = importSimpleRouteTraces(traces, {}, { A: 'A' }, p.layers);
    expect(r.tracks).toEqual([
      { net: 'A', layer: 'top', start: [2, 3], end: [4, 3], widthMm: 0.15 },
      { net: 'A', layer: 'bottom', start: [4, 3], end: [8, 3], widthMm: 0.15 },
    ]);
    expect(r.vias).toEqual([{ net: 'A', at: [4, 3], diameterMm: 0.6, drillMm: 0.3 }]);
    // the bottom track ends at the centre of a top-only pad: not joined
    expect(routedByGeometry(p, r).routed).toBe(0);
    const fixed = { ...r, vias: [...r.vias, { net: 'A', at: [8, 3] as [number, number], diameterMm: 0.6, drillMm: 0.3 }] };
    expect(routedByGeometry(p, fixed)).toEqual({ routed: 1, total: 1, padPadConflicts: 0 });
  });
});

describe.runIf(requireKicadOrSkip())('srj-kicad board judged by kicad-cli', () => {
  it('loads, and a routed dataset problem is DRC-clean at 0.15 mm', async () => {
    const { problem } = importSimpleRouteJson(load('circuit002'), { clearanceMm: 0.15 });
    const result = routeProblem(problem, { seed: 1 });
    expect(result.completion.complete).toBe(true);
    expect(routedByGeometry(problem, result).padPadConflicts).toBe(0);
    const files = exportSrjKicad(problem, result);
    const drc = await runKicadDrc(files.pcb, files.pro);
    expect(drc.raw, drc.stderr).toBeDefined();
    expect(drc.violations.map((v) => v.description)).toEqual([]);
    expect(drc.unconnected).toEqual([]);
  }, 120_000);

  it('a planted short and a missing track are found by kicad-cli', async () => {
    const { problem } = importSimpleRouteJson(load('circuit002'), { clearanceMm: 0.15 });
    const result = routeProblem(problem, { seed: 1 });
    const t = result.tracks[0]!;
    const foreign = problem.obstacles.find((o) => o.net !== null && o.net !== t.net && o.layers.includes(t.layer))!;
    const planted = { net: t.net, layer: t.layer, start: t.start, end: foreign.shape.center, widthMm: 0.15 };
    const drc = await runKicadDrc(exportSrjKicad(problem, { tracks: [...result.tracks.slice(1), planted], vias: result.vias }).pcb, exportSrjKicad(problem, result).pro);
    expect(drc.violations.some((v) => v.type === 'shorting_items' || v.type === 'clearance')).toBe(true);
    expect(drc.unconnected.length).toBeGreaterThan(0);
  }, 120_000);
});
