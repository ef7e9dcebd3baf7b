import { describe, expect, it } from 'vitest';
import { callTool } from '../../helpers/harness.js';
import { synthesizeOverMcp } from '../../helpers/synth-mcp.js';

/**
 * Counted LEDs and buttons (src/eda/synth/compose.ts, `userIoOnMcu`), through MCP: each extra LED or
 * button goes on its own spare MCU pin (never SWD, USB, crystal, reset or boot pins), the board passes
 * ERC, and a count the MCU has no pins for is reported unmet with the reason.
 */
interface Comp { ref: string; value?: string | null; properties: Record<string, unknown> }
interface Net { name: string; nodes: { component: string; pin: string }[] }
type Board = { components: Record<string, Comp>; nets: Record<string, Net> };

async function synth(intent: string) {
  const { elements, design, extra } = await synthesizeOverMcp(intent, async (client) => (await callTool(client, 'erc_validate', { design_name: 'b' })).data as { findings: { severity: string }[] });
  return { elements, design: design as unknown as Board, erc: extra };
}

/** The MCU pin each net named like `prefix<n>` is driven from. */
const mcuPins = (d: Board, re: RegExp) => {
  const mcu = Object.values(d.components).find((c) => c.properties['synth_block'] === 'mcu')!;
  return Object.values(d.nets)
    .filter((n) => re.test(n.name))
    .map((n) => n.nodes.find((x) => x.component === mcu.ref)?.pin);
};

describe('synthesis: counted LEDs and buttons on spare MCU pins', () => {
  it('an STM32 board with four status LEDs and two buttons gets them, each on its own pin', { timeout: 60_000 }, async () => {
    const { elements, design, erc } = await synth('STM32 board with 4 status LEDs and two buttons');
    expect(elements.find((e) => /LEDs/.test(e.element))).toMatchObject({ status: 'placed' });
    expect(elements.find((e) => /buttons/.test(e.element))).toMatchObject({ status: 'placed' });
    const leds = Object.values(design.components).filter((c) => c.properties['synth_block'] === 'led' && /^D/.test(c.ref));
    expect(leds).toHaveLength(4);
    const pins = [...mcuPins(design, /^LED\d+_DRV$/), ...mcuPins(design, /^BTN\d+$/)];
    expect(pins.length).toBe(5); // three added LEDs beside the template's status LED, and two buttons
    expect(pins.every((p) => p !== undefined && !/^PA1[1-4]$|^PC1[45]$/.test(p))).toBe(true);
    expect(new Set(pins).size).toBe(pins.length);
    expect(erc.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('an ATtiny85 board asked for more LEDs than it has pins reports the element unmet and why', { timeout: 60_000 }, async () => {
    const { elements } = await synth('ATtiny85 board with eight LEDs');
    const led = elements.find((e) => /LEDs/.test(e.element))!;
    expect(led.status).toBe('unmet');
    expect(led.note).toMatch(/spare pins? for the \d+ more LEDs/);
  });
});
