import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../../helpers/harness.js';
import { buildBoardGeometry, type Rect } from '../../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import { Design } from '../../../src/eda/model/design.js';
import { BOARD_SIZE_RULE, contentBoardSize } from '../../../src/eda/place/board-size.js';

/**
 * A board that states no size gets an outline sized to its parts (src/eda/place/board-size.ts,
 * docs/placement.md "Board size"), and that outline places, routes and passes DRC through MCP;
 * a stated size is kept. Courtyard areas are measured here from the board geometry.
 */

const PARTS = `
kind: zaptrace.design
schema_version: 1
meta: {name: SizeNode}
BOARD
components:
  U1: {ref: U1, type: ESP32-WROOM-32, footprint: ESP32-WROOM-32, pins: {GND: {type: power, net: GND}, VCC: {type: power, net: VCC_3V3}, GPIO21: {type: bidirectional, net: SDA}, GPIO22: {type: bidirectional, net: SCL}}}
  U2: {ref: U2, type: BME280, footprint: LGA-8, pins: {VDD: {type: power, net: VCC_3V3}, GND: {type: power, net: GND}, SDA: {type: bidirectional, net: SDA}, SCK: {type: input, net: SCL}}}
  U3: {ref: U3, type: AMS1117-3.3, footprint: SOT-223, pins: {INPUT: {type: power, net: VBUS}, OUTPUT: {type: output, net: VCC_3V3}, GND: {type: power, net: GND}}}
  C1: {ref: C1, type: CAP, value: 100nF, footprint: "0603", pins: {P1: {type: passive, net: VCC_3V3}, P2: {type: passive, net: GND}}}
  R1: {ref: R1, type: RES, value: 4.7k, footprint: "0603", pins: {P1: {type: passive, net: VCC_3V3}, P2: {type: passive, net: SDA}}}
  J1: {ref: J1, type: USB-C-16P, footprint: USB-C-16P-SMD, pins: {VBUS: {type: power, net: VBUS}, GND: {type: power, net: GND}}}
  H1: {ref: H1, type: Mounting hole M3, footprint: MountingHole_3.2mm_M3}
  H2: {ref: H2, type: Mounting hole M3, footprint: MountingHole_3.2mm_M3}
nets:
  VBUS: {id: VBUS, name: VBUS, type: power, nodes: [J1.VBUS, U3.INPUT]}
  VCC_3V3: {id: VCC_3V3, name: VCC_3V3, type: power, nodes: [U3.OUTPUT, U1.VCC, U2.VDD, C1.P1, R1.P1]}
  GND: {id: GND, name: GND, type: ground, nodes: [J1.GND, U3.GND, U1.GND, U2.GND, C1.P2]}
  SDA: {id: SDA, name: SDA, type: data, nodes: [U1.GPIO21, U2.SDA, R1.P2]}
  SCL: {id: SCL, name: SCL, type: clock, nodes: [U1.GPIO22, U2.SCK]}
copper_pours:
  gnd_bottom: {net: GND, layer: B.Cu}
`;

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
    const r = await laidOut(PARTS.replace('BOARD', ''));
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
    const r = await laidOut(PARTS.replace('BOARD', 'board: {width_mm: 50, height_mm: 40, layers: 2}'));
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
