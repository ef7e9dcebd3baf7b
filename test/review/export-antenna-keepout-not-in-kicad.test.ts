import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';
import { approveAsReviewer } from '../helpers/review.js';

/**
 * The placer's antenna keep-out ("placer_antenna_<REF>": no tracks, no vias, all layers;
 * docs/placement.md, Espressif ESP32 Hardware Design Guidelines) used to live only in the ZapTrace
 * design: the gated .kicad_pcb export wrote copper pours as zones but no rule area for
 * design.keepouts, so an engineer who opened the released project in KiCad and added the usual
 * ground pour got copper under the antenna with KiCad DRC silent. The board writer
 * (src/eda/export/kicad/board.ts) now writes each keep-out as a KiCad rule area (no tracks, vias or
 * pours); test/eda/export/kicad/kicad-oracle shows kicad-cli loading it and flagging a track in it.
 */
let pcb = '';
let keepouts: { name?: string; id?: string }[] = [];

beforeAll(async () => {
  const { runtime, workspaceDir } = await newRuntime();
  try {
    const client = await mcpClient(runtime, localPrincipal('release-export'));
    await callTool(client, 'pipeline_run', { design_name: 'esp', intent: 'ESP32 I2C sensor with BME280', seed: 1 });
    keepouts = (await callTool(client, 'design_inspect', { design_name: 'esp' })).data.design.keepouts;
    expect((await approveAsReviewer(runtime, client, 'esp', 'ESP-2')).isError).toBe(false);
    const out = await callTool(client, 'export_kicad', { design_name: 'esp', approval_id: 'ESP-2', output_dir: 'fab' });
    expect(out.data.error, JSON.stringify(out.data.error)).toBeUndefined();
    pcb = readFileSync(join(workspaceDir, 'fab/esp.kicad_pcb'), 'utf8');
  } finally {
    await runtime.close();
  }
}, 60_000);

describe('review: antenna keep-out in the KiCad export', () => {
  it('control: the design carries a placer antenna keep-out for the ESP32 module', () => {
    expect(JSON.stringify(keepouts)).toContain('placer_antenna_');
  });
  it('the exported .kicad_pcb has a keep-out rule area (no tracks, vias, pours) for it', () => {
    const ruleAreas = pcb.match(/\(keepout\b/g) ?? [];
    expect(ruleAreas.length).toBeGreaterThan(0);
    expect(pcb).toMatch(/\(tracks not_allowed\)/);
    expect(pcb).toMatch(/\(copperpour not_allowed\)/);
  });
});
