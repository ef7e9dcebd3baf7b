import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

/**
 * "Passives chosen by value, tolerance, voltage and package from a real series" (docs/exports.md,
 * "BOM: manufacturer and MPN"). Found once: export_bom_json kept the value and package but dropped
 * what else the value said, and still called the line orderable. Now each line is either a part of
 * that spec or not orderable with the reason:
 * - "1nF C0G" 0402 becomes CL05B102KB5NNNC, an X7R part (Samsung CL part numbering: B = X7R,
 *   C = C0G); the line's own source says X7R;
 * - "10k 0.1%" 0603 becomes RC0603FR-0710KL, a 1 % part;
 * - "0.1R" 1206 becomes RC1206FR-070R1L, but the Yageo RC series covers 1 ohm to 10 Mohm (Yageo
 *   RC_L data sheet, resistance code rule from 1R; tolerance code B = 0.1 %); 100 mohm is a
 *   low-ohmic series (e.g. Yageo RL).
 */
interface Line { refs: string[]; value: string; footprint: string; mpn: string | null; source: string; orderable: boolean }
const two = (ref: string, type: string, value: string, footprint: string, a: string, b: string) => ({ ref, type, value, footprint, pins: { '1': { type: 'passive', net: a }, '2': { type: 'passive', net: b } } });
const DESIGN = JSON.stringify({
  meta: { name: 'passives', description: 'passives with tolerance and dielectric' },
  board: { width_mm: 40, height_mm: 30, layers: 2 },
  components: {
    J1: { ref: 'J1', type: 'Screw terminal 2P', footprint: 'TerminalBlock_1x02_P5.00mm', pins: { '1': { type: 'passive', net: '+5V' }, '2': { type: 'passive', net: 'GND' } } },
    C4: two('C4', 'CAP', '1nF C0G', '0402', 'SENSE', 'GND'),
    R1: two('R1', 'RES', '0.1R', '1206', '+5V', 'LOAD'),
    R2: two('R2', 'RES', '10k 0.1%', '0603', 'SENSE', 'GND'),
    R3: two('R3', 'RES', '10k', '0603', 'LOAD', 'SENSE'),
  },
});

async function lines(): Promise<Line[]> {
  const { runtime } = await newRuntime();
  try {
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    expect((await callTool(client, 'design_parse_str', { design_name: 'p', yaml_content: DESIGN })).data.error).toBeUndefined();
    return (await callTool(client, 'export_bom_json', { design_name: 'p' })).data.lines as Line[];
  } finally {
    await runtime.close();
  }
}
const line = (ls: Line[], ref: string) => ls.find((l) => l.refs.includes(ref))!;

describe('review: what a passive value asks for beyond value and package', () => {
  it('control: a plain 10k 0603 is a Yageo RC 1 % part', async () => {
    expect(line(await lines(), 'R3').mpn).toBe('RC0603FR-0710KL');
  });
  it('a 1nF C0G capacitor is not offered as an X7R part', async () => {
    const l = line(await lines(), 'C4');
    if (l.orderable) expect(`${l.source} ${l.mpn}`).toMatch(/C0G|NP0/i);
    else expect(l.source).toMatch(/no MLCC on record for 1 nF C0G 0402/);
  });
  it('a 10k 0.1 % resistor is not offered as a 1 % part', async () => {
    const l = line(await lines(), 'R2');
    expect(l.orderable).toBe(true);
    expect(/0\.1\s?%/.test(l.source) || /^RC\d{4}B/.test(l.mpn ?? '')).toBe(true);
    expect(l.mpn).toBe('RT0603BRD0710KL');
  });
  it('a 0.1 ohm resistor is not given an MPN outside the RC series range (1 ohm to 10 Mohm)', async () => {
    const l = line(await lines(), 'R1');
    if (l.orderable) expect(l.mpn).not.toMatch(/^RC\d{4}/);
    else expect(l.source).toMatch(/outside the Yageo RC range/);
  });
});
