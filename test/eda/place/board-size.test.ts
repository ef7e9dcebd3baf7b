import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../../helpers/harness.js';
import { sensorNodeYaml } from '../../helpers/sensor-node.js';
import { buildBoardGeometry, type Rect } from '../../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import { Design } from '../../../src/eda/model/design.js';
import { BOARD_SIZE_RULE, contentBoardSize } from '../../../src/eda/place/board-size.js';

/**
 * A board that states no size gets an outline sized to its parts (src/eda/place/board-size.ts,
 * docs/placement.md "Board size"), and that outline places, routes and passes DRC through MCP;
 * a stated size is kept. Courtyard areas are measured here from the board geometry.
 */

const POUR = 'copper_pours:\n  gnd_bottom: {net: GND, layer: B.Cu}\n';

const area = (r: Rect) => (r[2] - r[0]) * (r[3] - r[1]);

async function laidOut(yaml: string) {
  const { runtime } = await newRuntime();
  const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
  const c = (name: string, args: Record<string, unknown> = {}) => callTool(client, name, { design_name: 'node', ...args });
  const parsed = await callTool(client, 'design_parse_str', { yaml_content: yaml, design_name: 'node' });
  expect(parsed.isError).toBe(false);
  const warnings = JSON.stringify(parsed.data);
  const board = ((await c('design_inspect')).data.design as Design).board;
  const placed = await c('place_components', { seed: 1 });
  const routed = await c('route_nets', { seed: 1 });
  const drc = await c('drc_run');
  const design = (await c('design_inspect')).data.design as Design;
  await client.close();
  return { warnings, board, placed: placed.data, routed: routed.data, drc: drc.data, design };
}

describe('board sized to its content', () => {
  it('a design with no board size gets an outline from its parts that places, routes and passes DRC', async () => {
    const r = await laidOut(sensorNodeYaml('SizeNode', '', POUR));
    expect(r.warnings).toMatch(/no board size given; sized to its content/);
    const { width_mm: w, height_mm: h } = r.board;
    // Not the schema default, and far smaller than it for eight parts.
    expect(w * h).toBeLessThan(0.6 * 100 * 80);
    expect(w).toBeGreaterThanOrEqual(h);
    expect(r.placed.unplaced).toEqual([]);
    expect(r.placed.violations).toEqual([]);
    expect(r.routed.completion.complete).toBe(true);
    expect(r.drc.passed).toBe(true);
    // The pour stated without a polygon follows the sized outline.
    expect(r.design.copper_pours['gnd_bottom']!.polygon).toEqual([[0, 0], [w, 0], [w, h], [0, h]]);
    // Courtyards measured on the placed board: inside the outline and filling a share in the rule's band.
    const g = buildBoardGeometry(r.design, resolveFootprint, mapPinsToPads);
    for (const f of g.footprints) {
      const [x0, y0, x1, y1] = f.courtyardWorld;
      expect(x0 >= 0 && y0 >= 0 && x1 <= w && y1 <= h, `${f.ref} inside the outline`).toBe(true);
    }
    const share = g.footprints.reduce((s, f) => s + area(f.courtyardWorld), 0) / (w * h);
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(BOARD_SIZE_RULE.utilisation);
  }, 120_000);

  it('a stated size is kept', async () => {
    const r = await laidOut(sensorNodeYaml('SizeNode', 'board: {width_mm: 50, height_mm: 40, layers: 2}', POUR));
    expect(r.warnings).not.toMatch(/sized to its content/);
    expect(r.board).toMatchObject({ width_mm: 50, height_mm: 40 });
    expect(r.design.copper_pours['gnd_bottom']!.polygon).toEqual([[0, 0], [50, 0], [50, 40], [0, 40]]);
    expect(r.placed.unplaced).toEqual([]);
  }, 120_000);

  it('edge parts set the size when their widths exceed the perimeter the area gives', () => {
    const jacks = Object.fromEntries(
      Array.from({ length: 80 }, (_, i) => [`J${i + 1}`, { id: `J${i + 1}`, ref: `J${i + 1}`, type: 'USB-C-16P', footprint: 'USB-C-16P-SMD', pins: {} }]),
    );
    const d = Design.parse({ meta: { name: 'jacks' }, board: { width_mm: 1, height_mm: 1, layers: 2 }, components: jacks });
    const s = contentBoardSize(d, resolveFootprint);
    expect(s.limitedBy).toBe('edges');
    const fp = resolveFootprint('USB-C-16P-SMD')!;
    const along = fp.courtyard[2] - fp.courtyard[0];
    expect(2 * (s.width_mm + s.height_mm)).toBeGreaterThanOrEqual(80 * (along + BOARD_SIZE_RULE.edgeGapMm));
    // Two parts of the same kind alone are bounded by area or the longest part, not by edges.
    const two = Design.parse({ meta: { name: 'two' }, board: { width_mm: 1, height_mm: 1, layers: 2 }, components: { J1: jacks['J1'], J2: jacks['J2'] } });
    expect(contentBoardSize(two, resolveFootprint).limitedBy).not.toBe('edges');
  });
});
