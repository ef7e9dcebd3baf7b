import { describe, expect, it } from 'vitest';
import { callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';

/**
 * DRC_KEEPOUT through the tools (docs/drc.md, src/eda/drc/keepout-checks.ts): a design whose given
 * track crosses a front-layer keep-out fails `drc_run` with the keep-out named; the same board routed
 * by `route_nets` goes round it (on the back layer) and passes.
 */
function board(withTrack: boolean): string {
  return JSON.stringify({
    meta: { name: 'ko' },
    board: { width_mm: 14, height_mm: 8, layers: 2 },
    components: {
      R1: { type: 'RES', footprint: '0402', pins: { P1: { net: 'A' }, P2: { net: 'S' } } },
      R2: { type: 'RES', footprint: '0402', pins: { P1: { net: 'S' }, P2: { net: 'B' } } },
    },
    placement: { R1: [3, 4], R2: [11, 4] },
    keepouts: [{ id: 'antenna', polygon: [[6.5, -1], [7.5, -1], [7.5, 9], [6.5, 9]], layers: ['F.Cu'], no_tracks: true, no_vias: true, no_footprints: false }],
    ...(withTrack ? { routing: { traces: [{ net_id: 'S', layer: 'F.Cu', start: [3.5, 4], end: [10.5, 4], width: 0.25 }] } } : {}),
  });
}

describe('keep-outs in drc_run and route_nets (MCP)', () => {
  it('a track drawn through the keep-out fails drc_run naming it; the routed board passes', { timeout: 120_000 }, async () => {
    const { runtime, client, sid } = await mcpSession();
    try {
      expect((await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: board(true), design_name: 'drawn' })).isError).toBe(false);
      const bad = await callTool(client, 'drc_run', { session_id: sid, design_name: 'drawn' });
      const keepout = (bad.data.findings as { rule_id: string; items: string[] }[]).filter((f) => f.rule_id === 'DRC_KEEPOUT');
      expect(keepout).toHaveLength(1);
      expect(keepout[0]!.items).toContain('keep-out antenna');
      expect(bad.data.passed).toBe(false);

      expect((await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: board(false), design_name: 'routed' })).isError).toBe(false);
      expect((await callTool(client, 'route_nets', { session_id: sid, design_name: 'routed', seed: 1 })).data.completion).toMatchObject({ complete: true });
      const good = await callTool(client, 'drc_run', { session_id: sid, design_name: 'routed' });
      expect((good.data.findings as { rule_id: string }[]).filter((f) => f.rule_id === 'DRC_KEEPOUT')).toEqual([]);
      expect(good.data.passed).toBe(true);
    } finally {
      await runtime.close();
    }
  });
});
