import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';
import { buildBoardGeometry } from '../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../src/eda/footprints/index.js';
import type { Design } from '../../src/eda/model/design.js';

/**
 * Parts that place themselves (docs/placement.md): connectors at an edge facing out, antennas at an
 * edge with a copper keep-out. Only the footprints the placer knows by name (ESP32 WROOM/S3/C3-MINI)
 * or by "antenna" in their text get the antenna rule, and only USB/jack/RJ45/SMA text the connector
 * rule, so on boards synthesis builds itself:
 * - the nRF52840 BLE sensor's Raytac MDBT50Q module (chip antenna at one end; Raytac MDBT50Q spec,
 *   "Layout guide": module at the board edge, no copper under or beside the antenna) stands 8-9 mm
 *   inside the board with no keep-out, and the release gate has nothing to refuse;
 * - wire-to-board connectors (the JST-PH battery lead, the RS-485 screw terminal) stand mid-board,
 *   where no wire can reach them without crossing parts.
 * Synthesized with synthesize_design and placed with place_components (seed 1) over MCP.
 * Fixed (src/eda/place/part-roles.ts): a module whose library description or type names a 2.4 GHz
 * radio (or "chip antenna", or `properties.antenna: "integrated"`) gets the antenna rule, its
 * antenna end read as the land-free end of its body; wire-to-board connectors (terminal blocks,
 * JST housings, battery leads) get the edge-connector rule.
 */
async function placed(intent: string): Promise<{ design: Design; edgeGap: (ref: string) => number }> {
  const { runtime } = await newRuntime();
  try {
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    expect((await callTool(client, 'synthesize_design', { design_name: 'b', intent })).data.error).toBeUndefined();
    expect((await callTool(client, 'place_components', { design_name: 'b', seed: 1 })).data.error).toBeUndefined();
    const design = (await callTool(client, 'design_inspect', { design_name: 'b' })).data.design as Design;
    const g = buildBoardGeometry(design, resolveFootprint, mapPinsToPads);
    const { width_mm: w, height_mm: h } = design.board as { width_mm: number; height_mm: number };
    const edgeGap = (ref: string) => {
      const f = g.footprints.find((x) => x.ref === ref);
      expect(f, ref).toBeDefined();
      const [x0, y0, x1, y1] = f!.courtyardWorld as unknown as [number, number, number, number];
      return Math.min(x0, y0, w - x1, h - y1);
    };
    return { design, edgeGap };
  } finally {
    await runtime.close();
  }
}
const refOf = (d: Design, re: RegExp) => Object.values(d.components).find((c) => re.test(`${c.part_id ?? ''} ${c.footprint ?? ''}`))!.ref;

describe('review: edge parts the placer does not know', () => {
  it('control: the ESP32 module and the USB-C receptacle of an ESP32 board are at an edge', async () => {
    const { design, edgeGap } = await placed('ESP32 I2C sensor with BME280');
    expect(edgeGap(refOf(design, /ESP32-WROOM-32/))).toBeLessThanOrEqual(1);
    expect(edgeGap(refOf(design, /usb-c/i))).toBeLessThanOrEqual(1);
  });
  it('the MDBT50Q module of the nRF52840 BLE sensor is at a board edge with an antenna keep-out', async () => {
    const { design, edgeGap } = await placed('nRF52840 BLE temperature sensor');
    const ref = refOf(design, /mdbt50q/i);
    expect(edgeGap(ref)).toBeLessThanOrEqual(1);
    expect(JSON.stringify(design.keepouts ?? [])).toContain(ref);
  });
  it('the JST-PH battery connector of the nRF52840 BLE sensor is at a board edge', async () => {
    const { design, edgeGap } = await placed('nRF52840 BLE temperature sensor');
    expect(edgeGap(refOf(design, /jst-ph|JST_PH/i))).toBeLessThanOrEqual(1);
  });
  it('the RS-485 screw terminal of the STM32 RS-485 node is at a board edge', async () => {
    const { design, edgeGap } = await placed('STM32 RS-485 node');
    expect(edgeGap(refOf(design, /terminal/i))).toBeLessThanOrEqual(1);
  });
});
