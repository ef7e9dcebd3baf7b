import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

/**
 * An orderable BOM (docs/exports.md): manufacturer and MPN on every line, the package of the MPN
 * the package of the footprint. Two gaps found once through export_bom_json, both closed now (the
 * 47 uF 1206 is Samsung CL31A476MQHNNNE, the 32 MHz 3225 crystal Abracon ABM8-32.000MHZ-B2-T, and
 * a library part drawn on another package gets no MPN and "package mismatch: ..."):
 * - boards synthesis builds itself carry lines nobody can order: the coin-cell sensor board's
 *   47 uF 1206 capacitor and the LoRa gateway's 32 MHz crystal come out "no orderable part known".
 * - a library part on a footprint of another package keeps the library MPN and orderable: true.
 *   AMS1117-3.3 is made in SOT-223/TO-252/SOT-89 (AMS data sheet), never SOT-23-5; MAX3485ESA+T is
 *   the SO-8 part (Maxim ordering information: ESA = 8 SO, EPA = 8 PDIP) put on a DIP-8 footprint.
 */
interface Line { refs: string[]; value: string; footprint: string; mpn: string | null; manufacturer: string | null; source: string; orderable: boolean }

async function bom(source: { intent?: string; yaml?: string }): Promise<Line[]> {
  const { runtime } = await newRuntime();
  try {
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const made = source.intent
      ? await callTool(client, 'synthesize_design', { design_name: 'b', intent: source.intent })
      : await callTool(client, 'design_parse_str', { design_name: 'b', yaml_content: source.yaml! });
    expect(made.data.error, JSON.stringify(made.data.error)).toBeUndefined();
    const out = (await callTool(client, 'export_bom_json', { design_name: 'b' })).data;
    expect(out.error, JSON.stringify(out.error)).toBeUndefined();
    return out.lines as Line[];
  } finally {
    await runtime.close();
  }
}
// Mounting holes and antenna feed pads are copper, not parts.
const toOrder = (lines: Line[]) => lines.filter((l) => !/board feature/.test(l.source));
const unorderable = (lines: Line[]) => toOrder(lines).filter((l) => !l.mpn || !l.manufacturer).map((l) => `${l.refs.join(',')} ${l.value} ${l.footprint}`);

const MISMATCH = `
meta: {name: pkg-check, description: library parts on footprints of another package}
board: {width_mm: 40, height_mm: 30, layers: 2}
components:
  U1: {ref: U1, type: "AMS1117-3.3", footprint: "SOT-23-5", pins: {GND: {type: power, net: GND}, VIN: {type: power, net: "+5V"}, VOUT: {type: power, net: "+3V3"}}}
  U2: {ref: U2, type: "MAX3485", footprint: "DIP-8", pins: {VCC: {type: power, net: "+3V3"}, GND: {type: power, net: GND}, RO: {type: output, net: RX}, DI: {type: input, net: TX}, RE: {type: input, net: DE}, DE: {type: input, net: DE}, A: {type: bidirectional, net: A}, B: {type: bidirectional, net: B}}}
  U3: {ref: U3, type: "MAX3485", footprint: "SOIC-8", pins: {VCC: {type: power, net: "+3V3"}, GND: {type: power, net: GND}, RO: {type: output, net: RX2}, DI: {type: input, net: TX2}, RE: {type: input, net: DE2}, DE: {type: input, net: DE2}, A: {type: bidirectional, net: A}, B: {type: bidirectional, net: B}}}
`;

describe('review: BOM lines an engineer cannot order as drawn', () => {
  it('control: the synthesized RP2040 USB-C board has an MPN on every line', async () => {
    expect(unorderable(await bom({ intent: 'RP2040 board with USB-C and a QSPI flash' }))).toEqual([]);
  });
  it('the synthesized coin-cell sensor board has an MPN and maker on every line', async () => {
    expect(unorderable(await bom({ intent: 'I2C humidity sensor board powered by a CR2032 coin cell' }))).toEqual([]);
  });
  it('the synthesized ESP32 LoRa gateway has an MPN and maker on every line', async () => {
    expect(unorderable(await bom({ intent: 'ESP32 LoRa gateway' }))).toEqual([]);
  });
  it('control: MAX3485 on its own SO-8 footprint is the orderable MAX3485ESA+T', async () => {
    const u3 = (await bom({ yaml: MISMATCH })).find((l) => l.refs.includes('U3'))!;
    expect([u3.mpn, u3.orderable]).toEqual(['MAX3485ESA+T', true]);
  });
  it('an MPN whose package is not the footprint package is not offered as orderable', async () => {
    const lines = await bom({ yaml: MISMATCH });
    const bad = lines.filter((l) => (l.refs.includes('U1') || l.refs.includes('U2')) && l.orderable).map((l) => `${l.refs.join(',')} ${l.mpn} on ${l.footprint}`);
    expect(bad).toEqual([]);
    for (const ref of ['U1', 'U2']) expect(lines.find((l) => l.refs.includes(ref))!.source).toMatch(/^package mismatch: /);
  });
});
