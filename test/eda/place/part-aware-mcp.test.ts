import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../../helpers/harness.js';
import { approveAsReviewer } from '../../helpers/review.js';
import { sensorNodeYaml } from '../../helpers/sensor-node.js';
import { buildBoardGeometry, footprintToWorld, type Rect } from '../../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import type { Design, Point } from '../../../src/eda/model/design.js';

/**
 * Placement that knows parts, through MCP (docs/placement.md, "Parts that place themselves"): the
 * placer's report is checked against geometry computed here from the placed design, not against
 * the placer's own bookkeeping. Footprint facts used: USB-C-16P-SMD opens towards local +y (its
 * signal lands sit at y = −3.8 mm, body to +4.0 mm); ESP32-WROOM-32 carries its antenna at local −y.
 */

const NODE = sensorNodeYaml('AntennaNode', 'board: {width_mm: 50, height_mm: 40, layers: 2}');

type Edge = 'left' | 'right' | 'top' | 'bottom';
const OUTWARD: Record<Edge, Point> = { left: [-1, 0], right: [1, 0], top: [0, -1], bottom: [0, 1] };

function edgeOfRect(r: Rect, w: number, h: number): Edge | null {
  const gaps: [Edge, number][] = [
    ['left', r[0]],
    ['top', r[1]],
    ['right', w - r[2]],
    ['bottom', h - r[3]],
  ];
  const at = gaps.filter(([, g]) => Math.abs(g - 0.5) < 1e-3);
  return at.length > 0 ? at[0]![0] : null;
}

/** World direction of a footprint-local direction under the part's placement. */
function worldDir(design: Design, id: string, local: Point): Point {
  const p = design.placement[id]!;
  const o = footprintToWorld([0, 0], p);
  const q = footprintToWorld(local, p);
  return [q[0] - o[0], q[1] - o[1]];
}

function segmentHitsRect(a: Point, b: Point, half: number, r: Rect): boolean {
  // sampled along the segment: enough for a 1 mm-scale keep-out and 0.2 mm tracks
  const n = Math.max(2, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 0.05));
  for (let k = 0; k <= n; k++) {
    const x = a[0] + ((b[0] - a[0]) * k) / n;
    const y = a[1] + ((b[1] - a[1]) * k) / n;
    if (x > r[0] - half && x < r[2] + half && y > r[1] - half && y < r[3] + half) return true;
  }
  return false;
}

describe('placement that knows parts, through MCP', () => {
  it('puts the USB-C and the antenna at edges facing out, holes in corners, C1 by U1.VCC, the sensor away from the regulator, and routes clear of the antenna keep-out', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const c = (name: string, args: Record<string, unknown> = {}) => callTool(client, name, { design_name: 'node', ...args });
    expect((await callTool(client, 'design_parse_str', { yaml_content: NODE, design_name: 'node' })).isError).toBe(false);
    const placed = await c('place_components', { seed: 1 });
    expect(placed.data.unplaced).toEqual([]);
    const report = placed.data.constraint_report as { constraint: { component: string }; kind: string; hard: boolean; satisfied: boolean; detail: string }[];
    const kinds = report.map((r) => `${r.constraint.component}:${r.kind}`).sort();
    expect(kinds).toEqual(['C1:decoupling', 'H1:mounting-hole', 'H2:mounting-hole', 'J1:connector', 'U1:antenna', 'U2:thermal']);
    expect(placed.data.violations).toEqual([]);

    const routed = await c('route_nets', { seed: 1 });
    expect(routed.data.completion.complete).toBe(true);
    const design = (await c('design_inspect')).data.design as Design;
    const g = buildBoardGeometry(design, resolveFootprint, mapPinsToPads);
    const fp = (ref: string) => g.footprints.find((f) => f.ref === ref)!;
    const { width_mm: w, height_mm: h } = design.board;

    for (const [ref, local] of [['J1', [0, 1]], ['U1', [0, -1]]] as const) {
      const edge = edgeOfRect(fp(ref).courtyardWorld, w, h);
      expect(edge, `${ref} at an edge`).not.toBeNull();
      const d = worldDir(design, ref, [local[0], local[1]]);
      const out = OUTWARD[edge!];
      expect(d[0] * out[0] + d[1] * out[1], `${ref} faces out of the ${edge} edge`).toBeCloseTo(1, 6);
    }

    const corners = ['H1', 'H2'].map((ref) => {
      const p = design.placement[ref]!;
      return `${p.x_mm < w / 2 ? 'L' : 'R'}${p.y_mm < h / 2 ? 'T' : 'B'}:${Math.min(p.x_mm, w - p.x_mm).toFixed(2)},${Math.min(p.y_mm, h - p.y_mm).toFixed(2)}`;
    });
    expect(new Set(corners.map((k) => k.slice(0, 2))).size).toBe(2);
    for (const k of corners) expect(k.slice(3)).toBe('2.35,2.35');

    const vcc = g.pads.find((p) => p.ref === 'U1' && p.pin === 'VCC')!;
    const c1 = g.pads.filter((p) => p.ref === 'C1');
    const cx = c1.reduce((s, p) => s + p.center[0], 0) / c1.length;
    const cy = c1.reduce((s, p) => s + p.center[1], 0) / c1.length;
    expect(Math.hypot(cx - vcc.center[0], cy - vcc.center[1])).toBeLessThanOrEqual(3);

    const a = fp('U2').courtyardWorld;
    const b = fp('U3').courtyardWorld;
    expect(Math.hypot(Math.max(0, b[0] - a[2], a[0] - b[2]), Math.max(0, b[1] - a[3], a[1] - b[3]))).toBeGreaterThanOrEqual(10);

    const ko = design.keepouts.find((k) => k.id === 'placer_antenna_U1')!;
    expect(ko).toMatchObject({ layers: [], no_tracks: true, no_vias: true });
    const xs = ko.polygon.map((p) => p[0]);
    const ys = ko.polygon.map((p) => p[1]);
    const rect: Rect = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    // the keep-out covers the antenna end (local y = −10 mm) and reaches the board edge
    const tip = footprintToWorld([0, -10], design.placement['U1']!);
    expect(tip[0] > rect[0] && tip[0] < rect[2] && tip[1] > rect[1] && tip[1] < rect[3]).toBe(true);
    expect(rect[0] <= 1e-6 || rect[1] <= 1e-6 || rect[2] >= w - 1e-6 || rect[3] >= h - 1e-6).toBe(true);
    for (const t of design.routing.tracks) expect(segmentHitsRect(t.start, t.end, t.width_mm / 2, rect), `track of ${t.net} in the antenna keep-out`).toBe(false);
    for (const v of design.routing.vias) expect(segmentHitsRect(v.at, v.at, v.diameter_mm / 2, rect)).toBe(false);
    await client.close();
  });

  it('the release gate refuses a board whose hard placement constraint is unmet, and writes nothing', async () => {
    const tiny = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8').replace(
      /\nnets:/,
      '\nconstraints:\n  placement:\n    - {component: R1, near: D1.A, max_distance_mm: 0.1, reason: closer than any two parts can stand}\nnets:',
    );
    const { runtime, workspaceDir } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('release-export'));
    const c = (name: string, args: Record<string, unknown> = {}) => callTool(client, name, { design_name: 'led', ...args });
    await callTool(client, 'design_parse_str', { yaml_content: tiny, design_name: 'led' });
    const placed = await c('place_components', { seed: 3 });
    expect(placed.data.violations).toHaveLength(1);
    expect(placed.data.violations[0]).toMatchObject({ kind: 'design', hard: true, satisfied: false, constraint: { component: 'R1', near: 'D1.A' } });
    expect((await c('route_nets')).data.completion.complete).toBe(true);
    expect((await c('erc_validate')).data.passed).toBe(true);
    expect((await c('drc_run')).data.passed).toBe(true);
    await approveAsReviewer(runtime, client, 'led', 'APR-1');
    const out = await c('export_kicad', { approval_id: 'APR-1', output_dir: 'fab' });
    expect(out.data.error).toMatchObject({ code: 'RELEASE_GATE_EVIDENCE_FAILED', details: { check: 'placement' } });
    expect(out.data.error.details.violations[0]).toMatchObject({ component: 'R1', kind: 'design' });
    expect(out.data.error.message).not.toMatch(/\/work|\/tmp|at .*\.ts/);
    const fab = join(workspaceDir, 'fab');
    expect(existsSync(fab) ? readdirSync(fab) : []).toEqual([]);
    await client.close();
  });
});
