import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';
import { buildBoardGeometry } from '../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../src/eda/footprints/index.js';
import type { Design } from '../../src/eda/model/design.js';

/**
 * Hot parts away from sensors (docs/placement.md, "thermal": sensors 10 mm from heat sources). Heat
 * sources are regulators and parts with a stated dissipation_w only, so the ESP32-WROOM-32 module
 * (about 0.3 W average with Wi-Fi on, 0.8 W while transmitting: Espressif ESP32-WROOM-32 data sheet,
 * "RF power consumption", 240 mA at 3.3 V) is not one. On the synthesized ESP32 BME280 board the
 * BME280 (Bosch BME280 handling instructions: keep away from heat sources) sits 2.1 mm from the
 * module while the board is 74 x 56 mm, so the humidity and temperature it reads are the module's.
 * Fixed (src/eda/place/part-roles.ts, thermalRoleOf): a module whose type or description names a
 * radio (Wi-Fi, Bluetooth, 802.15.4, cellular, LoRa) is a heat source.
 */
async function gapMm(intent: string, a: RegExp, b: RegExp): Promise<number> {
  const { runtime } = await newRuntime();
  try {
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    expect((await callTool(client, 'synthesize_design', { design_name: 'b', intent })).data.error).toBeUndefined();
    expect((await callTool(client, 'place_components', { design_name: 'b', seed: 1 })).data.error).toBeUndefined();
    const d = (await callTool(client, 'design_inspect', { design_name: 'b' })).data.design as Design;
    const g = buildBoardGeometry(d, resolveFootprint, mapPinsToPads);
    const find = (re: RegExp) => g.footprints.find((f) => re.test(d.components[f.component]!.part_id ?? ''))!.courtyardWorld as unknown as number[];
    const [a0, a1, a2, a3] = find(a);
    const [b0, b1, b2, b3] = find(b);
    return Math.hypot(Math.max(0, b0! - a2!, a0! - b2!), Math.max(0, b1! - a3!, a1! - b3!));
  } finally {
    await runtime.close();
  }
}

describe('review: a sensor beside a Wi-Fi module', () => {
  it('control: the BME280 is kept 10 mm from the AMS1117 regulator', async () => {
    expect(await gapMm('ESP32 weather station with BME280', /bme280/, /ams1117/)).toBeGreaterThanOrEqual(10);
  });
  it('the BME280 is kept 10 mm from the ESP32-WROOM-32 module', async () => {
    expect(await gapMm('ESP32 weather station with BME280', /bme280/, /esp32-wroom/)).toBeGreaterThanOrEqual(10);
  });
});
