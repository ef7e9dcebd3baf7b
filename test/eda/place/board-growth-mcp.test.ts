import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../../helpers/harness.js';
import { sensorNodeYaml } from '../../helpers/sensor-node.js';
import { buildBoardGeometry } from '../../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import type { Design } from '../../../src/eda/model/design.js';

/**
 * Parts added after the first placement, through MCP (docs/placement.md, "Board size"): a board
 * sized to its content grows at the next place_components; a board the user stated (design text
 * or a KiCad file) is kept, and the parts without room are named, never put off the board.
 * Everything is judged on the design read back with design_inspect: courtyards and pads from the
 * board geometry, against the outline.
 */

type Client = Awaited<ReturnType<typeof mcpClient>>;

/** A module with a supply pin and ground, wired to the sensor node's 3.3 V rail. */
async function addModule(client: Client, design: string, ref: string) {
  const r = await callTool(client, 'component_add', {
    design_name: design,
    ref,
    type_name: 'ESP32-WROOM-32',
    footprint: 'ESP32-WROOM-32',
    pins: [{ name: 'VCC', type: 'power_in', number: '2' }, { name: 'GND', type: 'power_in', number: '1' }],
    connections: { VCC: 'VCC_3V3', GND: 'GND' },
  });
  expect(r.isError, JSON.stringify(r.data)).toBe(false);
}

async function addCap(client: Client, design: string, ref: string) {
  const r = await callTool(client, 'component_add', {
    design_name: design,
    ref,
    type_name: 'CAP',
    value: '100nF',
    footprint: '0603',
    pins: [{ name: 'P1', type: 'passive' }, { name: 'P2', type: 'passive' }],
    connections: { P1: 'VCC_3V3', P2: 'GND' },
  });
  expect(r.isError, JSON.stringify(r.data)).toBe(false);
}

/** Courtyards and pads of every placed part lie inside the outline (by the edge clearance). */
function onBoard(design: Design): string[] {
  const g = buildBoardGeometry(design, resolveFootprint, mapPinsToPads);
  const { width_mm: w, height_mm: h } = design.board;
  const off: string[] = [];
  for (const f of g.footprints) {
    const [x0, y0, x1, y1] = f.courtyardWorld;
    if (x0 < 0.5 - 1e-6 || y0 < 0.5 - 1e-6 || x1 > w - 0.5 + 1e-6 || y1 > h - 0.5 + 1e-6) off.push(`${f.ref} courtyard`);
  }
  for (const p of g.pads) if (p.center[0] < 0 || p.center[1] < 0 || p.center[0] > w || p.center[1] > h) off.push(`${p.ref}.${p.pin} pad`);
  return off;
}

const inspect = async (client: Client, design: string) => (await callTool(client, 'design_inspect', { design_name: design })).data.design as Design;

describe('board size when parts are added after placement, through MCP', () => {
  it('a board sized to its content grows at the next placement and every part lands on it', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    expect((await callTool(client, 'design_parse_str', { yaml_content: sensorNodeYaml('Grow', ''), design_name: 'grow' })).isError).toBe(false);
    const first = await callTool(client, 'place_components', { design_name: 'grow', seed: 1 });
    expect(first.data.unplaced).toEqual([]);
    expect(first.data.board_origin).toBe('content');
    const before = (await inspect(client, 'grow')).board;

    for (const ref of ['U10', 'U11']) await addModule(client, 'grow', ref);
    for (const ref of ['C10', 'C11']) await addCap(client, 'grow', ref);
    const placed = await callTool(client, 'place_components', { design_name: 'grow', seed: 1 });
    expect(placed.isError).toBe(false);
    expect(placed.data.unplaced).toEqual([]);
    expect(placed.data.board_too_small).toBeUndefined();
    const design = await inspect(client, 'grow');
    expect(design.board.width_mm * design.board.height_mm).toBeGreaterThan(before.width_mm * before.height_mm);
    expect(design.board.width_mm).toBeGreaterThanOrEqual(before.width_mm);
    expect(design.board.height_mm).toBeGreaterThanOrEqual(before.height_mm);
    expect(placed.data.board_grown).toMatchObject({ width_mm: design.board.width_mm, height_mm: design.board.height_mm });
    expect(Object.keys(design.placement).sort()).toEqual(Object.keys(design.components).sort());
    expect(onBoard(design)).toEqual([]);

    // Nothing added: the next placement keeps the grown board, which is still the content's.
    const again = await callTool(client, 'place_components', { design_name: 'grow', seed: 2 });
    expect(again.data.board_origin).toBe('content');
    expect(again.data.board_grown).toBeUndefined();
    expect((await inspect(client, 'grow')).board).toMatchObject({ width_mm: design.board.width_mm, height_mm: design.board.height_mm });

    // The user sets the size: from then on placement keeps it.
    expect((await callTool(client, 'board_update', { design_name: 'grow', width_mm: design.board.width_mm, height_mm: design.board.height_mm })).isError).toBe(false);
    await addModule(client, 'grow', 'U12');
    await addModule(client, 'grow', 'U13');
    const stated = await callTool(client, 'place_components', { design_name: 'grow', seed: 1 });
    expect(stated.data.board_origin).toBe('stated');
    expect((await inspect(client, 'grow')).board).toMatchObject({ width_mm: design.board.width_mm, height_mm: design.board.height_mm });
    await client.close();
  }, 180_000);

  it('a stated board is kept: the parts that do not fit are named and none is put off the board', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    expect((await callTool(client, 'design_parse_str', { yaml_content: sensorNodeYaml('Fixed', 'board: {width_mm: 50, height_mm: 40, layers: 2}'), design_name: 'fixed' })).isError).toBe(false);
    expect((await callTool(client, 'place_components', { design_name: 'fixed', seed: 1 })).data.unplaced).toEqual([]);
    // Three more 18 × 25.5 mm modules cannot join the first on 50 × 40 mm.
    for (const ref of ['U10', 'U11', 'U12']) await addModule(client, 'fixed', ref);
    const placed = await callTool(client, 'place_components', { design_name: 'fixed', seed: 1 });
    expect(placed.isError).toBe(false);
    expect(placed.data.board_origin).toBe('stated');
    const design = await inspect(client, 'fixed');
    expect(design.board).toMatchObject({ width_mm: 50, height_mm: 40 });
    const tooSmall = placed.data.board_too_small as { code: string; parts: string[]; board: unknown; needed: { width_mm: number; height_mm: number }; message: string };
    expect(tooSmall.code).toBe('BOARD_TOO_SMALL');
    expect(tooSmall.board).toEqual({ width_mm: 50, height_mm: 40 });
    const unplaced = (placed.data.unplaced as { component: string }[]).map((u) => u.component).sort();
    expect(unplaced.length).toBeGreaterThan(0);
    expect([...tooSmall.parts].sort()).toEqual(unplaced);
    for (const ref of unplaced) expect(tooSmall.message).toContain(ref);
    expect(tooSmall.needed.width_mm * tooSmall.needed.height_mm).toBeGreaterThan(50 * 40);
    const fit = (placed.data.violations as { kind: string; hard: boolean; constraint: { component: string } }[]).filter((v) => v.kind === 'board-fit');
    expect(fit.map((v) => v.constraint.component).sort()).toEqual(unplaced);
    expect(fit.every((v) => v.hard)).toBe(true);
    // The parts left out have no position at all; the rest stand inside the outline.
    for (const ref of unplaced) expect(design.placement[ref]).toBeUndefined();
    expect(onBoard(design)).toEqual([]);
    await client.close();
  }, 180_000);

  it('a board imported from a KiCad file keeps its Edge.Cuts size when parts are added', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const pcb = '(kicad_pcb (version 20241229) (generator "t") (net 0 "") (gr_rect (start 0 0) (end 30 24) (layer "Edge.Cuts")))';
    const imported = await callTool(client, 'kicad_import_project', { pcb_text: pcb, design_name: 'kicad' });
    expect(imported.isError, JSON.stringify(imported.data)).toBe(false);
    for (const net of ['VCC_3V3', 'GND']) expect((await callTool(client, 'net_add', { design_name: 'kicad', name: net, type: net === 'GND' ? 'ground' : 'power' })).isError).toBe(false);
    await addModule(client, 'kicad', 'U1');
    await addCap(client, 'kicad', 'C1');
    await addModule(client, 'kicad', 'U2');
    const placed = await callTool(client, 'place_components', { design_name: 'kicad', seed: 1 });
    expect(placed.data.board_origin).toBe('stated');
    const design = await inspect(client, 'kicad');
    expect([design.board.width_mm, design.board.height_mm]).toEqual([30, 24]);
    expect(placed.data.board_too_small.parts).toContain('U2');
    expect(onBoard(design)).toEqual([]);
    await client.close();
  }, 180_000);
});
