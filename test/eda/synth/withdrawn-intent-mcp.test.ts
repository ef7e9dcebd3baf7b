import { describe, expect, it } from 'vitest';
import { synthesizeOverMcp } from '../../helpers/synth-mcp.js';

/**
 * An intent that names a withdrawn library part (docs/library.md, "Withdrawn parts") gets that part
 * reported unmet with the reason it was withdrawn, through synthesize_design over MCP; nothing stands
 * in for it. MAX17222EVKIT is an evaluation kit, withdrawn by hand, so it stays withdrawn.
 */
describe('synthesis: a withdrawn part named in an intent', () => {
  it('is unmet, with the reason it was withdrawn', { timeout: 60_000 }, async () => {
    const { elements, design } = await synthesizeOverMcp('STM32 board with a MAX17222EVKIT');
    const el = elements.find((e) => /max17222/i.test(e.element));
    expect(el).toMatchObject({ status: 'unmet' });
    expect(el!.note).toMatch(/withdrawn library part \(max17222evkit.*evaluation kit/i);
    expect(Object.values(design['components'] as Record<string, { part_id?: string | null }>).some((c) => /max17222/i.test(c.part_id ?? ''))).toBe(false);
  });
});
