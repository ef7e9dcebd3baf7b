import { describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';

/**
 * DRC enforces net-class track widths (docs/drc.md, "Our DRC": DRC_TRACK_WIDTH; src/eda/drc/class-widths.ts),
 * through MCP: `board_classify_nets` records VCC_3V3 in the power class (0.4 mm tracks by default, the
 * width test/tools-parity/net-classes.test.ts reads from the recorded event; 0.5 mm when the call says
 * so), and `drc_run` then reports a narrower VCC_3V3 track running 9 mm between two 0402 resistors,
 * though the board minimum (0.15 mm) allows it.
 */
type Finding = { rule_id: string; nets: string[]; measured_mm?: number; required_mm?: number };

/** R1 and R2 (0402, pads at ±0.48 mm) 10 mm apart; VCC_3V3 joins R1 pad 2 to R2 pad 1 with one track of `width`, or none. */
function board(name: string, width: number | null): string {
  return JSON.stringify({
    meta: { name },
    board: { width_mm: 30, height_mm: 20, layers: 2, min_trace_width_mm: 0.15 },
    components: {
      R1: { type: 'RES', footprint: '0402', pins: { P1: { net: 'SENSE_A' }, P2: { net: 'VCC_3V3' } } },
      R2: { type: 'RES', footprint: '0402', pins: { P1: { net: 'VCC_3V3' }, P2: { net: 'SENSE_B' } } },
    },
    placement: { R1: [10, 10], R2: [20, 10] },
    ...(width === null ? {} : { routing: { traces: [{ net_id: 'VCC_3V3', layer: 'F.Cu', start: [10.48, 10], end: [19.52, 10], width }] } }),
  });
}

/** Parses the board and records its classes with board_classify_nets (`widths` overriding the class widths); VCC_3V3 is power at `classWidth`. */
async function classified(client: Client, sid: string, name: string, width: number | null, classWidth = 0.4, widths?: Record<string, number>) {
  expect((await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: board(name, width), design_name: name })).isError).toBe(false);
  const c = await callTool(client, 'board_classify_nets', { session_id: sid, design_name: name, ...(widths ? { track_width_mm: widths } : {}) });
  expect(c.isError).toBe(false);
  expect((c.data.nets as { name: string; class: string }[]).find((n) => n.name === 'VCC_3V3')?.class).toBe('power');
  const nets = await callTool(client, 'board_summarize_nets', { session_id: sid, design_name: name });
  expect((nets.data.nets as { name: string; class_width_mm: number }[]).find((n) => n.name === 'VCC_3V3')?.class_width_mm).toBe(classWidth);
}

async function drc(client: Client, sid: string, name: string) {
  const r = await callTool(client, 'drc_run', { session_id: sid, design_name: name });
  expect(r.isError).toBe(false);
  return { passed: r.data.passed as boolean, widths: (r.data.findings as Finding[]).filter((f) => f.rule_id === 'DRC_TRACK_WIDTH') };
}

describe('DRC enforces net-class track widths (MCP)', () => {
  it('a 0.2 mm track on a power-class net is reported against the class width 0.4 mm; before the class is recorded it is not', { timeout: 60_000 }, async () => {
    const { runtime, client, sid } = await mcpSession();
    try {
      expect((await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: board('thin', 0.2), design_name: 'thin' })).isError).toBe(false);
      const before = await drc(client, sid, 'thin');
      expect(before.widths).toEqual([]);
      expect(before.passed).toBe(true);

      expect((await callTool(client, 'board_classify_nets', { session_id: sid, design_name: 'thin' })).isError).toBe(false);
      const after = await drc(client, sid, 'thin');
      expect(after.passed).toBe(false);
      expect(after.widths).toHaveLength(1);
      expect(after.widths[0]).toMatchObject({ nets: ['VCC_3V3'], measured_mm: 0.2, required_mm: 0.4 });
    } finally {
      await runtime.close();
    }
  });

  it('a 0.4 mm track on the same net passes, and so does the router’s own route after classification', { timeout: 120_000 }, async () => {
    const { runtime, client, sid } = await mcpSession();
    try {
      await classified(client, sid, 'wide', 0.4);
      const wide = await drc(client, sid, 'wide');
      expect(wide.widths).toEqual([]);
      expect(wide.passed).toBe(true);

      await classified(client, sid, 'routed', null);
      const routed = await callTool(client, 'route_nets', { session_id: sid, design_name: 'routed', seed: 1 });
      expect(routed.isError).toBe(false);
      const summary = await callTool(client, 'board_summarize_nets', { session_id: sid, design_name: 'routed' });
      const vcc = (summary.data.nets as { name: string; track_widths_mm: number[] }[]).find((n) => n.name === 'VCC_3V3')!;
      expect(vcc.track_widths_mm.length).toBeGreaterThan(0);
      const result = await drc(client, sid, 'routed');
      expect(result.widths).toEqual([]);
      expect(result.passed).toBe(true);
    } finally {
      await runtime.close();
    }
  });

  it('a power class of 0.5 mm set through board_classify_nets: DRC reports 0.2 mm and 0.4 mm tracks against 0.5 mm, passes 0.5 mm and the router’s route; a bad width is refused', { timeout: 120_000 }, async () => {
    const { runtime, client, sid } = await mcpSession();
    try {
      for (const [name, width] of [['w02', 0.2], ['w04', 0.4]] as const) {
        await classified(client, sid, name, width, 0.5, { power: 0.5 });
        const r = await drc(client, sid, name);
        expect(r.passed).toBe(false);
        expect(r.widths).toHaveLength(1);
        expect(r.widths[0]).toMatchObject({ nets: ['VCC_3V3'], measured_mm: width, required_mm: 0.5 });
      }
      await classified(client, sid, 'w05', 0.5, 0.5, { power: 0.5 });
      expect(await drc(client, sid, 'w05')).toEqual({ passed: true, widths: [] });

      await classified(client, sid, 'routed', null, 0.5, { power: 0.5 });
      expect((await callTool(client, 'route_nets', { session_id: sid, design_name: 'routed', seed: 1 })).isError).toBe(false);
      const summary = await callTool(client, 'board_summarize_nets', { session_id: sid, design_name: 'routed' });
      expect((summary.data.nets as { name: string; track_widths_mm: number[] }[]).find((n) => n.name === 'VCC_3V3')!.track_widths_mm).toContain(0.5);
      expect(await drc(client, sid, 'routed')).toEqual({ passed: true, widths: [] });

      expect((await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: board('bad', null), design_name: 'bad' })).isError).toBe(false);
      const bad = await callTool(client, 'board_classify_nets', { session_id: sid, design_name: 'bad', track_width_mm: { power: 0 } });
      expect(bad.isError).toBe(true);
      expect(bad.data.error.code).toBe('UNPROCESSABLE');
      const unknown = await callTool(client, 'board_classify_nets', { session_id: sid, design_name: 'bad', track_width_mm: { mains: 1 } });
      expect(unknown.data.error.code).toBe('INVALID_INPUT');
      expect((await runtime.readEvents(sid)).filter((e) => e.type === 'NetClassesAssigned' && (e.data as { design_name: string }).design_name === 'bad')).toEqual([]);
    } finally {
      await runtime.close();
    }
  });
});
