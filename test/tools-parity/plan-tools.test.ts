import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';

const NODE = 'ESP32 I2C sensor node with USB-C power and a BME280';
const GROUPS = ['supply', 'rails', 'interfaces', 'mcu', 'sensors', 'mechanical', 'environment'];
type Req = { id: string; group: string; text: string };
type Result = { id: string; status: string; evidence: string };

/** RFC 8785 for the plain values requirements hold (strings, integers, short decimals): sorted keys, no spaces. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const byId = (rs: Result[]) => Object.fromEntries(rs.map((r) => [r.id, r]));

describe('requirements frozen by hash and reviewed against a design', () => {
  it('MCP: requirements_parse groups what the intent names, and the hash is SHA-256 of their canonical JSON', async () => {
    const { client } = await mcpSession('read');
    const r = (await callTool(client, 'requirements_parse', { intent: `${NODE}, -20 to 70 °C` })).data;
    const ids = Object.fromEntries((r.requirements as Req[]).map((q) => [q.id, q.group]));
    expect(ids).toMatchObject({ 'source:usb-c': 'supply', 'supply:input-v': 'supply', 'interface:i2c': 'interfaces', 'mcu:esp32': 'mcu', 'sensor:bme280': 'sensors', 'environment:temperature': 'environment' });
    for (const q of r.requirements as Req[]) expect(GROUPS).toContain(q.group);
    expect((r.requirements as { id: string; range_c?: number[] }[]).find((q) => q.id === 'environment:temperature')?.range_c).toEqual([-20, 70]);
    expect(r.requirements_hash).toBe(sha256(canonical({ version: 1, requirements: r.requirements })));
    expect((await callTool(client, 'requirements_parse', { intent: `${NODE}, -20 to 70 °C` })).data.requirements_hash).toBe(r.requirements_hash);
    expect((await callTool(client, 'requirements_parse', { intent: `${NODE}, -40 to 85 °C` })).data.requirements_hash).not.toBe(r.requirements_hash);
    const odd = (await callTool(client, 'requirements_parse', { intent: 'RP2040 motor driver with a toaster, 4 mounting holes' })).data;
    expect(odd.not_understood).toEqual(['toaster']);
    expect((odd.requirements as { id: string; count?: number }[]).find((q) => q.id === 'mechanics:holes')?.count).toBe(4);
    // A contradiction synthesis would refuse is reported beside the requirements, not dropped.
    const both = (await callTool(client, 'requirements_parse', { intent: 'ESP32 board with an LDO and a buck from 12 V' })).data;
    expect(both.conflicts).toEqual([expect.stringContaining('both an LDO and a buck')]);
    expect((both.requirements as Req[]).map((q) => q.id)).toEqual(expect.arrayContaining(['regulator:ldo', 'regulator:buck']));
  });

  it('MCP: requirements_review judges each requirement on the synthesized node, bound to both hashes; an edit turns one unmet', async () => {
    const { client, sid } = await mcpSession();
    const made = await callTool(client, 'synthesize_design', { session_id: sid, intent: NODE, design_name: 'node' });
    const frozen = (await callTool(client, 'requirements_parse', { intent: `${NODE}, industrial` })).data;
    const review = (await callTool(client, 'requirements_review', { session_id: sid, design_name: 'node', requirements: frozen.requirements, requirements_hash: frozen.requirements_hash })).data;
    expect([review.requirements_hash, review.design_hash]).toEqual([frozen.requirements_hash, made.data.design_hash]);
    const r = byId(review.results);
    for (const id of ['source:usb-c', 'supply:input-v', 'interface:i2c', 'interface:i2c-speed', 'mcu:esp32', 'sensor:bme280']) expect([id, r[id]?.status]).toEqual([id, 'met']);
    // The BME280's library range (-40..85 C) covers industrial; the ESP32 and the LDO state none, so the verdict stays open.
    expect(r['environment:temperature']).toMatchObject({ status: 'unknown' });
    expect(review.counts).toEqual({ met: 6, unmet: 0, unknown: 1 });
    // UM10204 at 400 kHz with 2 devices (35 pF by synthesis's estimate): Rmin = (3.3 − 0.4) V / 3 mA = 967 Ω,
    // Rmax = 300 ns / (0.8473 · 35 pF) = 10.1 kΩ; the 4.7 kΩ pull-ups lie inside. At 1 MHz (120 ns) Rmax is 4.05 kΩ.
    expect(r['interface:i2c-speed']?.evidence).toContain(`range ${Math.round(2.9 / 3e-3)}–${Math.round(300e-9 / (0.8473 * 35e-12))} Ω at 35 pF`);
    const fmPlus = (await callTool(client, 'requirements_review', { session_id: sid, design_name: 'node', intent: `${NODE}, 1 MHz I2C` })).data;
    expect(byId(fmPlus.results)['interface:i2c-speed']).toMatchObject({ status: 'unmet', evidence: expect.stringContaining(`–${Math.round(120e-9 / (0.8473 * 35e-12))} Ω`) });

    // An automotive range is narrower than the BME280's rating: unmet, naming the part.
    const auto = (await callTool(client, 'requirements_review', { session_id: sid, design_name: 'node', intent: `${NODE}, automotive` })).data;
    const bme = /carried by (\w+)/.exec(r['sensor:bme280']!.evidence)![1]!;
    expect(byId(auto.results)['environment:temperature']).toMatchObject({ status: 'unmet', evidence: expect.stringContaining(`${bme} (-40..85 C)`) });

    await callTool(client, 'component_remove', { session_id: sid, design_name: 'node', ref: bme });
    const after = (await callTool(client, 'requirements_review', { session_id: sid, design_name: 'node', requirements: frozen.requirements, requirements_hash: frozen.requirements_hash })).data;
    expect(after.requirements_hash).toBe(frozen.requirements_hash);
    expect(after.design_hash).not.toBe(made.data.design_hash);
    expect(byId(after.results)['sensor:bme280']).toMatchObject({ status: 'unmet' });
    expect(after.passed).toBe(false);

    const changed = [...frozen.requirements, { id: 'mcu:rp2040', group: 'mcu', text: 'RP2040' }];
    const stale = await callTool(client, 'requirements_review', { session_id: sid, design_name: 'node', requirements: changed, requirements_hash: frozen.requirements_hash });
    expect(stale.data.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'requirements_hash' } });
    const bad = await callTool(client, 'requirements_review', { session_id: sid, design_name: 'node', requirements: [{ id: 'x', group: 'toys', text: 'x' }] });
    expect(bad.data.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'requirements' } });
  });
});

describe('board and power-tree plans from an intent', () => {
  it('MCP: power_tree_plan sums the cited loads and sizes the LDO by (Vin − Vout)·I and its library dropout', async () => {
    const { client } = await mcpSession('read');
    // The dropout the library part carries (1.1 V, from the AMS1117 datasheet) is the one the tree uses.
    const ldo = (await callTool(client, 'library_get', { id: 'ams1117-3.3' })).data;
    const dropout = ldo.part?.properties?.dropout_voltage_v ?? ldo.properties?.dropout_voltage_v;
    expect(dropout).toBe(1.1);
    const t = (await callTool(client, 'power_tree_plan', { intent: 'LoRa gateway ESP32' })).data;
    const rail = (n: string) => (t.rails as { net: string; current_a: number; volts: number; loads: { source: string }[] }[]).find((x) => x.net === n)!;
    // ESP32 module 500 mA (Espressif hardware design guidelines) + SX1276 120 mA at +20 dBm (Semtech datasheet).
    expect(rail('+3V3').current_a).toBeCloseTo(0.5 + 0.12, 6);
    expect(rail('+3V3').loads.map((l) => l.source).join(' ')).toMatch(/Espressif.*Semtech|Semtech.*Espressif/);
    expect(rail('+5V').current_a).toBeCloseTo(rail('+3V3').current_a, 6);
    const u = t.regulators[0];
    expect(u).toMatchObject({ kind: 'ldo', input: '+5V', output: '+3V3', vin: 5, vout: 3.3, rating_a: 1, dropout_v: dropout, load_complete: true });
    expect(u.dissipation_w).toBeCloseTo((5 - 3.3) * 0.62, 3);
    expect(u.headroom_v).toBeCloseTo(5 - 3.3 - dropout, 6);
    expect(t.sources).toEqual([expect.objectContaining({ net: '+5V' })]);

    // The BLE node's MCP73831 charges at 1000 V / R_PROG from VBUS (Microchip DS20001984, eq. 5-1); 2.2 kΩ → 455 mA.
    const ble = (await callTool(client, 'power_tree_plan', { intent: 'ESP32 BLE node with Li-Po battery' })).data;
    const vbus = (ble.rails as { net: string; loads: { current_a: number; source: string }[] }[]).find((x) => x.net === 'VBUS')!;
    const charge = vbus.loads.find((l) => /MCP73831/.test(l.source))!;
    const rprog = (await callTool(client, 'calc_lipo_charge', { charge_current_ma: charge.current_a * 1000 })).data;
    expect(rprog.rprog_exact_ohm).toBeCloseTo(2200, 0);

    const buck = (await callTool(client, 'power_tree_plan', { intent: '12 V to 3.3 V buck switching regulator module' })).data;
    // The output is what the buck's feedback divider sets (MP2307: 0.925 V × (1 + Rtop/Rbottom)), within 0.5 % of the rail's name.
    expect(buck.regulators[0]).toMatchObject({ kind: 'buck', input: '+12V', output: '+3V3', vin: 12, vout: expect.closeTo(3.3, 1), dissipation_w: null });
    const vout = buck.regulators[0].vout as number;
    expect(Math.abs(vout - 3.3) / 3.3).toBeLessThan(0.005);
    const i3 = (buck.rails as { net: string; current_a: number }[]).find((x) => x.net === '+3V3')!.current_a;
    const i12 = (buck.rails as { net: string; current_a: number }[]).find((x) => x.net === '+12V')!.current_a;
    expect(i3).toBeGreaterThan(0);
    // Input current = output power over 90 % efficiency, at 12 V (to 1 %: the plan rounds currents to the µA).
    expect(Math.abs(i12 - (vout * i3) / (0.9 * 12)) / i12).toBeLessThan(0.01);
    // The module's green power LED: (Vout − 2.2 V) through its series resistor (green Vf, synth/values.ts).
    const led = (buck.rails as { net: string; loads: { ref: string; current_a: number; source: string }[] }[]).find((x) => x.net === '+3V3')!.loads.find((l) => /^D\d+\+R\d+$/.test(l.ref))!;
    const ohms = Number(/\/ (\d+)$/.exec(led.source)![1]);
    expect(led.current_a).toBeCloseTo((vout - 2.2) / ohms, 6);
  });

  it('MCP: board_plan gives the synthesized board\'s blocks, size and layers without creating a design', async () => {
    const { runtime, client, sid } = await mcpSession();
    const n = (await runtime.readEvents(sid)).length;
    const plan = (await callTool(client, 'board_plan', { intent: NODE })).data;
    expect((await runtime.readEvents(sid)).length).toBe(n);
    const made = (await callTool(client, 'synthesize_design', { session_id: sid, intent: NODE, design_name: 'node' })).data;
    // The plan names the hash the board has once synthesize_design creates it.
    expect(plan.design_hash).toBe(made.design_hash);
    expect(plan.board_mm).toEqual([made.board.width_mm, made.board.height_mm]);
    expect(plan.layers).toBe(made.board.layers);
    expect(plan.part_count).toBe(made.components);
    const parts = (plan.blocks as { block: string; parts: string[] }[]).flatMap((b) => b.parts);
    expect(new Set(parts).size).toBe(made.components);
    expect(plan.blocks.map((b: { block: string }) => b.block)).toEqual(expect.arrayContaining(['usb-c-sink', 'ldo', 'mcu', 'sensor']));
    expect(plan.power_tree.regulators[0].part).toBe('ams1117-3.3');
    // The BME280 has no current figure: the regulator's load is a lower bound, and says so.
    expect(plan.power_tree.regulators[0].load_complete).toBe(false);
  });

  it('MCP: synthesize_power_tree creates a new design of only the power blocks\' parts', async () => {
    const { client, sid } = await mcpSession();
    const plan = (await callTool(client, 'board_plan', { intent: NODE })).data;
    const power = (plan.blocks as { block: string; parts: string[] }[]).filter((b) => ['power-input', 'usb-c-sink', 'battery', 'ldo', 'buck', 'charger', 'power-output'].includes(b.block)).flatMap((b) => b.parts).sort();
    const made = (await callTool(client, 'synthesize_power_tree', { session_id: sid, intent: NODE })).data;
    expect(made.design_name).toBe('power tree ESP32 I2C sensor node');
    expect(made.components).toBe(power.length);
    const nets = (await callTool(client, 'design_list_nets', { session_id: sid, design_name: made.design_name })).data;
    const refs = new Set((nets.nets as { nodes: string[] }[]).flatMap((x) => x.nodes.map((y) => y.split('.')[0]!)));
    expect([...refs].every((r) => power.includes(r))).toBe(true);
    expect(refs.has('U2')).toBe(false);
    // The answer's tree is the full board's: the loads the regulator was sized for.
    expect(made.power_tree.regulators[0].load_a).toBe(plan.power_tree.regulators[0].load_a);
    expect((await callTool(client, 'synthesize_power_tree', { session_id: sid, intent: NODE })).data.design_name).toBe('power tree ESP32 I2C sensor node 2');
  });

  it('REST: plans and reviews answer at read and append nothing; synthesize_power_tree needs preview-write', async () => {
    const { runtime, sid, call } = await restSession('plan test');
    await call('synthesize_design', 'preview-write', { intent: NODE, design_name: 'node' }).expect(200);
    const n = (await runtime.readEvents(sid)).length;
    const parsed = await call('requirements_parse', 'read', { intent: NODE }).expect(200);
    const review = await call('requirements_review', 'read', { design_name: 'node', intent: NODE, requirements_hash: parsed.body.result.requirements_hash }).expect(200);
    expect(review.body.result.counts.unmet).toBe(0);
    expect((await call('board_plan', 'read', { intent: 'LoRa gateway ESP32' }).expect(200)).body.result.template).toBe('esp32-lora-gateway');
    expect((await call('power_tree_plan', 'read', { intent: 'LoRa gateway ESP32' }).expect(200)).body.result.regulators).toHaveLength(1);
    expect((await runtime.readEvents(sid)).length).toBe(n);
    expect((await call('synthesize_power_tree', 'read', { intent: NODE })).status).toBe(403);
    expect((await call('synthesize_power_tree', 'preview-write', { intent: NODE, design_name: 'pwr' })).status).toBe(200);
    expect((await call('requirements_review', 'read', { design_name: 'nope', intent: NODE })).status).toBe(404);
  });
});
