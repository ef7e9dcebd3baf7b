import { describe, expect, it } from 'vitest';
import { callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';

/**
 * The router keeps the vias of one path apart by the hole-to-hole clearance (test/eda/route/via-spacing.test.ts
 * checks the router alone), proven here through the tools: `route_nets` on a parsed board whose one net
 * has to dip under a thin front-layer keep-out through a 1.3 mm back-layer window (the geometry of that
 * test), then `drc_run`, whose DRC_HOLE_TO_HOLE (docs/drc.md, 0.25 mm by default) must find nothing.
 * Before the router remembered its own vias it dropped the two 0.4 mm apart here (0.1 mm between drills).
 */
const rect = (x0: number, x1: number): [number, number][] => [[x0, -1], [x1, -1], [x1, 9], [x0, 9]];

/** R1 and R2 (0402) 8 mm apart on a 14 × 8 mm board; net S joins R1 pad 2 to R2 pad 1. */
function dipBoard(): string {
  return JSON.stringify({
    meta: { name: 'dip' },
    board: { width_mm: 14, height_mm: 8, layers: 2 },
    components: {
      R1: { type: 'RES', footprint: '0402', pins: { P1: { net: 'A' }, P2: { net: 'S' } } },
      R2: { type: 'RES', footprint: '0402', pins: { P1: { net: 'S' }, P2: { net: 'B' } } },
    },
    placement: { R1: [3, 4], R2: [11, 4] },
    keepouts: [
      // a strip the front layer's tracks may not cross; vias may stand in it
      { id: 'strip', polygon: rect(6.99, 7.01), layers: ['F.Cu'], no_tracks: true, no_vias: false, no_footprints: false },
      // the back layer is open only in a 1.3 mm window round the strip, so S dips there
      { id: 'west', polygon: rect(-1, 6.25), layers: ['B.Cu'], no_tracks: true, no_vias: true, no_footprints: false },
      { id: 'east', polygon: rect(7.55, 15), layers: ['B.Cu'], no_tracks: true, no_vias: true, no_footprints: false },
    ],
  });
}

describe('same-net via spacing through route_nets and drc_run (MCP)', () => {
  it('the dip under the strip takes two vias in the window, at least the hole-to-hole clearance apart, and DRC finds no hole-to-hole fault', { timeout: 120_000 }, async () => {
    const { runtime, client, sid } = await mcpSession();
    try {
      expect((await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: dipBoard(), design_name: 'dip' })).isError).toBe(false);
      const routed = await callTool(client, 'route_nets', { session_id: sid, design_name: 'dip', seed: 1 });
      expect(routed.isError).toBe(false);
      expect(routed.data.completion).toMatchObject({ complete: true });

      const drc = await callTool(client, 'drc_run', { session_id: sid, design_name: 'dip' });
      expect(drc.isError).toBe(false);
      const findings = drc.data.findings as { rule_id: string; severity: string }[];
      expect(findings.filter((f) => f.rule_id === 'DRC_HOLE_TO_HOLE')).toEqual([]);
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(drc.data.passed).toBe(true);

      const design = (await runtime.state(sid)).designs['dip']!.design;
      const vias = design.routing.vias;
      // the strip can only be passed on the back layer: one via down, one up, either side of it
      expect(vias).toHaveLength(2);
      const xs = vias.map((v) => v.at[0]).sort((p, q) => p - q);
      expect(xs[0]).toBeGreaterThan(6.25);
      expect(xs[0]).toBeLessThan(6.99);
      expect(xs[1]).toBeGreaterThan(7.01);
      expect(xs[1]).toBeLessThan(7.55);
      const [a, b] = vias as [(typeof vias)[number], (typeof vias)[number]];
      expect(Math.hypot(a.at[0] - b.at[0], a.at[1] - b.at[1]) - (a.drill_mm + b.drill_mm) / 2).toBeGreaterThanOrEqual(0.25 - 1e-9);
    } finally {
      await runtime.close();
    }
  });
});
