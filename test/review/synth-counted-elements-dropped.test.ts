import { describe, expect, it } from 'vitest';
import { synthesizeOverMcp } from '../helpers/synth-mcp.js';

/**
 * Counts and kinds the intent states must be honoured or reported (docs/synthesis.md, "Named
 * elements": nothing the intent names is dropped without a word). "six mounting holes" gives H1..H6,
 * but "three LEDs" gives one LED, and "four push buttons" on an RP2040 gives none: the element is
 * reported placed by SW1 (RESET) and SW2 (BOOTSEL), the switches every RP2040 board has anyway.
 * Counted elements now need as many carriers as asked for, reset and boot switches are not user
 * buttons, and a shortfall is reported unmet with what the board has (src/eda/synth/elements.ts).
 */
interface Comp { ref: string; type: string; value?: string | null; part_id?: string | null; footprint?: string | null }

async function synth(intent: string) {
  const { elements, design } = await synthesizeOverMcp(intent);
  return { elements, comps: Object.values(design['components'] as Record<string, Comp>) };
}
const isLed = (c: Comp) => /\bled\b/i.test(`${c.type} ${c.part_id ?? ''} ${c.footprint ?? ''}`);
// A user button: a switch that is not the MCU's reset or boot-mode switch.
const isUserButton = (c: Comp) => /^SW\d/.test(c.ref) && !/reset|boot/i.test(c.value ?? '');

describe('review: counted elements of an intent', () => {
  it('control: six mounting holes are six holes on the board', async () => {
    const { comps } = await synth('six mounting holes on an STM32 board');
    expect(comps.filter((c) => /^H\d/.test(c.ref)).length).toBe(6);
  });
  it('three LEDs are three LEDs on the board, or the LED element is reported unmet', async () => {
    const { elements, comps } = await synth('ATtiny85 board with three LEDs');
    const led = elements.find((e) => /led/i.test(e.element));
    expect(led).toBeDefined();
    if (led!.status === 'placed') expect(comps.filter(isLed).length).toBeGreaterThanOrEqual(3);
  });
  it('four push buttons are four user switches, not the RESET and BOOTSEL switches, or the element is unmet', async () => {
    const { elements, comps } = await synth('RP2040 board with four push buttons');
    const button = elements.find((e) => /button/i.test(e.element));
    expect(button).toBeDefined();
    if (button!.status === 'placed') expect(comps.filter(isUserButton).length).toBeGreaterThanOrEqual(4);
  });
});
