import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';
import { approveAsReviewer } from '../helpers/review.js';
import { inTempDir, runTool } from '../helpers/external-tool.js';
import { requireKicadOrSkip } from '../helpers/kicad-cli.js';

/**
 * "Default KiCad rules pass as well as the project's": the exported project used to set
 * min_hole_clearance 0.2 mm and the router kept to it, so tracks passed 0.21-0.24 mm from the
 * USB-C receptacle's NPTH locating holes, and kicad-cli pcb drc on the exported .kicad_pcb without
 * its .kicad_pro (KiCad 9's default board setup: hole clearance 0.25 mm) reported hole_clearance
 * errors on the synthesized ESP32 BME280 board (also the ESP32 BLE node, ESP32 INA226 monitor,
 * RP2040 keyboard, LoRa gateway). Now our DRC and router keep tracks 0.25 mm from any NPTH edge and
 * the project says 0.25 mm (src/eda/drc/design-rules.ts, src/eda/route/static-copper.ts;
 * test/eda/drc/hole-clearance).
 */
const hasKicad = requireKicadOrSkip();
interface Drc { violations: { type: string; severity: string; description: string; items: { description: string }[] }[] }
let pcb = '';
let pro = '';

async function kicadDrc(files: Record<string, string>): Promise<Drc> {
  return inTempDir('zt-review-drc-', files, async (dir) => {
    await runTool('kicad-cli', ['pcb', 'drc', '--severity-error', '--format', 'json', '-o', 'out.json', 'board.kicad_pcb'], dir, 120_000);
    return JSON.parse(await readFile(join(dir, 'out.json'), 'utf8')) as Drc;
  });
}
const errors = (d: Drc) => d.violations.filter((v) => v.severity === 'error').map((v) => `${v.type}: ${v.items.map((i) => i.description).join(' / ')}`);

describe.runIf(hasKicad)('review: exported board against KiCad default rules', () => {
  beforeAll(async () => {
    const { runtime, workspaceDir } = await newRuntime();
    try {
      const client = await mcpClient(runtime, localPrincipal('release-export'));
      await callTool(client, 'pipeline_run', { design_name: 'esp', intent: 'ESP32 I2C sensor with BME280', seed: 1 });
      expect((await approveAsReviewer(runtime, client, 'esp', 'ESP-1')).isError).toBe(false);
      const out = await callTool(client, 'export_kicad', { design_name: 'esp', approval_id: 'ESP-1', output_dir: 'fab' });
      expect(out.data.error, JSON.stringify(out.data.error)).toBeUndefined();
      pcb = readFileSync(join(workspaceDir, 'fab/esp.kicad_pcb'), 'utf8');
      pro = readFileSync(join(workspaceDir, 'fab/esp.kicad_pro'), 'utf8');
    } finally {
      await runtime.close();
    }
  }, 60_000);
  it('control: kicad-cli with the exported project rules reports no error', async () => {
    expect(errors(await kicadDrc({ 'board.kicad_pcb': pcb, 'board.kicad_pro': pro }))).toEqual([]);
  });
  it('kicad-cli with default board setup reports no error (USB-C NPTH hole clearance 0.25 mm)', async () => {
    expect(errors(await kicadDrc({ 'board.kicad_pcb': pcb }))).toEqual([]);
  });
});
