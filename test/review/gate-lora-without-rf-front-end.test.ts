import { beforeAll, describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';
import { approveAsReviewer } from '../helpers/review.js';

/**
 * "RF designs refused by the gate without RF essentials" (contract.md, "The release gate" 3b): the
 * gate knows the essentials of the nRF52840 and ESP32 chips only (src/eda/erc/rf-essentials.ts).
 * The ESP32 LoRa gateway synthesis builds puts a bare SX1276 on the board with PA_BOOST wired straight
 * to an antenna feed pad and no receive input connected: no PA_BOOST matching / harmonic filter, no
 * RF switch, no RFI matching (Semtech SX1276/77/78/79 data sheet, "Application Information",
 * reference design). The gateway cannot receive, and it goes through pipeline_run, an independent
 * approval and export_kicad.
 *
 * Fixed: the gate now judges bare SX127x/SX126x/SX128x/CC1101/AT86RF2xx chips (crystal or TCXO, a
 * matched and filtered transmit path, the receive input reaching the antenna; rf-transceivers.ts),
 * and the LoRa template builds the Semtech single-antenna front end (PA_BOOST choke, DC block and
 * low-pass filter to a PE4259 switch, RFI_HF match, RXTX switch control; synth/lora-front-end.ts),
 * so the synthesized gateway has its front end and passes the gate.
 */
interface Comp { ref: string; part_id?: string | null; pins: Record<string, { name: string }> }
interface Net { name: string; nodes: { component: string; pin: string }[] }

let exported: { error?: { code: string; details?: { check?: string } } };
let design: { components: Record<string, Comp>; nets: Record<string, Net> };
let stages: string[];

beforeAll(async () => {
  const { runtime } = await newRuntime();
  try {
    const client = await mcpClient(runtime, localPrincipal('release-export'));
    const run = await callTool(client, 'pipeline_run', { design_name: 'lora', intent: 'ESP32 LoRa gateway', seed: 1 });
    stages = (run.data.stages as { stage: string; ok: boolean }[]).map((s) => `${s.stage}:${s.ok}`);
    design = (await callTool(client, 'design_inspect', { design_name: 'lora' })).data.design;
    expect((await approveAsReviewer(runtime, client, 'lora', 'LORA-1')).isError).toBe(false);
    exported = (await callTool(client, 'export_kicad', { design_name: 'lora', approval_id: 'LORA-1', output_dir: 'fab' })).data;
  } finally {
    await runtime.close();
  }
}, 60_000);

describe('review: a LoRa radio without its RF front end', () => {
  it('control: the gateway passes every pipeline stage (ERC and DRC cannot see RF)', () => {
    expect(stages).toEqual(['source:true', 'erc:true', 'place:true', 'route:true', 'drc:true', 'erc-final:true']);
  });
  it('the release gate refuses the SX1276 gateway, unless the radio has a matched transmit path and a connected receive input', () => {
    if (exported.error?.details?.check === 'rf') return;
    const sx = Object.entries(design.components).find(([, c]) => /sx127/i.test(c.part_id ?? ''));
    expect(sx).toBeDefined();
    const [id] = sx!;
    const netOf = (pin: RegExp) => Object.values(design.nets).filter((n) => n.nodes.some((x) => x.component === id && pin.test(x.pin)));
    // A matching network: some part on the PA_BOOST net that is neither the radio nor the antenna.
    const paParts = netOf(/^PA_BOOST$/).flatMap((n) => n.nodes.map((x) => design.components[x.component]!.ref)).filter((r) => !/^(U|AE|ANT)/.test(r));
    expect({ paMatch: paParts.length > 0, rxConnected: netOf(/^RFI/).length > 0 }).toEqual({ paMatch: true, rxConnected: true });
  });
  it('the synthesized gateway, front end included, passes the release gate and exports', () => {
    expect(exported.error).toBeUndefined();
  });
});
