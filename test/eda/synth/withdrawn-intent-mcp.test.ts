import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../../helpers/harness.js';

/**
 * An intent that names a withdrawn library part (docs/library.md, "Withdrawn parts") gets that part
 * reported unmet with the reason it was withdrawn, through synthesize_design over MCP; nothing stands
 * in for it. MAX17222EVKIT is an evaluation kit, withdrawn by hand, so it stays withdrawn.
 */
describe('synthesis: a withdrawn part named in an intent', () => {
  it('is unmet, with the reason it was withdrawn', { timeout: 60_000 }, async () => {
    const { runtime } = await newRuntime();
    try {
      const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
      const r = (await callTool(client, 'synthesize_design', { design_name: 'b', intent: 'STM32 board with a MAX17222EVKIT' })).data;
      expect(r.error, JSON.stringify(r.error)).toBeUndefined();
      const el = (r.elements as { element: string; status: string; note?: string }[]).find((e) => /max17222/i.test(e.element));
      expect(el).toMatchObject({ status: 'unmet' });
      expect(el!.note).toMatch(/withdrawn library part \(max17222evkit.*evaluation kit/i);
      const d = (await callTool(client, 'design_inspect', { design_name: 'b' })).data.design as { components: Record<string, { part_id?: string | null }> };
      expect(Object.values(d.components).some((c) => /max17222/i.test(c.part_id ?? ''))).toBe(false);
    } finally {
      await runtime.close();
    }
  });
});
