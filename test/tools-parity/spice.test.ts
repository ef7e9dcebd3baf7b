import { describe, expect, it } from 'vitest';
import { externalTool, runTool } from '../helpers/external-tool.js';
import { callTool, corpusText, localPrincipal, mcpClient, newRuntime, tempDir } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ngspice = externalTool('ngspice', ['--version'], '.ci/install-ngspice.sh installs the Debian package ngspice');
const hasNgspice = ngspice.requireOrSkip();

/** A 5 V divider (1k/1k, 0603) with a 100 Ω 0402 load straight across the rail: 250 mW on a 62.5 mW part. */
const DIVIDER = (load: boolean) => `
meta: {name: "divider", version: "0.1.0"}
board: {width_mm: 20, height_mm: 20, layers: 2}
components:
  R1: {id: R1, ref: R1, type: RES, value: "1k", footprint: "0603", pins: {P1: {type: passive, net: VCC_5V}, P2: {type: passive, net: MID}}}
  R2: {id: R2, ref: R2, type: RES, value: "1k", footprint: "0603", pins: {P1: {type: passive, net: MID}, P2: {type: passive, net: GND}}}
  C1: {id: C1, ref: C1, type: CAP, value: "100nF 4V", footprint: "0402", pins: {P1: {type: passive, net: VCC_5V}, P2: {type: passive, net: GND}}}
${load ? '  R3: {id: R3, ref: R3, type: RES, value: "100", footprint: "0402", pins: {P1: {type: passive, net: VCC_5V}, P2: {type: passive, net: GND}}}' : ''}
nets:
  VCC_5V: {id: VCC_5V, name: VCC_5V, type: power, nodes: ["R1.P1", "C1.P1"${load ? ', "R3.P1"' : ''}]}
  MID: {id: MID, name: MID, type: analog, nodes: ["R1.P2", "R2.P1"]}
  GND: {id: GND, name: GND, type: ground, nodes: ["R2.P2", "C1.P2"${load ? ', "R3.P2"' : ''}]}
`;

describe('SPICE netlist and the DC operating point gate', () => {
  it('MCP: export_spice writes R, C, L with rails from net names; ngspice loads it (switching regulator corpus design)', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('preview-write'));
    await callTool(client, 'design_parse_str', { yaml_content: corpusText('zaptrace/designs/templates/switching_regulator_module.yaml'), design_name: 'reg' });
    const out = await callTool(client, 'export_spice', { design_name: 'reg' });
    expect(out.data.error).toBeUndefined();
    const text = out.data.netlist as string;
    expect(text).toContain('R_R1 VOUT_3V3 VOUT_FB 60400');
    expect(text).toContain('L_L1 SW_NODE VOUT_3V3 4.7e-6');
    expect(text).toMatch(/^V_VIN_12V VIN_12V 0 DC 12$/m);
    expect(text).toMatch(/^V_VOUT_3V3 VOUT_3V3 0 DC 3.3$/m);
    expect(out.data.unmodelled.map((u: { ref: string }) => u.ref).sort()).toEqual(['J1', 'J2', 'U1']);
    if (!hasNgspice) return;
    const dir = tempDir('zt-spice-');
    writeFileSync(join(dir, 'reg.cir'), text);
    const run = await runTool('ngspice', ['-b', 'reg.cir'], dir, 30_000);
    expect(run.code).toBe(0);
    // The feedback divider: 3.3 V · 19.1k / (60.4k + 19.1k) = 0.79283 V (hand).
    expect(Number(/vout_fb\s+(\S+)/.exec(run.stdout)?.[1])).toBeCloseTo(0.79283, 4);
  });

  it.runIf(hasNgspice)('MCP: simulation_gate passes a divider (2.5 V, 2.5 mA) and fails an overloaded 0402 and an under-rated capacitor, recording evidence bound to the hash', async () => {
    const { runtime, client, sid } = await mcpSession();
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: DIVIDER(false).replace('100nF 4V', '100nF 16V'), design_name: 'ok' });
    const good = await callTool(client, 'simulation_gate', { session_id: sid, design_name: 'ok' });
    expect(good.data.error).toBeUndefined();
    expect(good.data.passed).toBe(true);
    expect(good.data.node_voltages.mid).toBeCloseTo(2.5, 6);
    expect(good.data.rails).toEqual([expect.objectContaining({ net: 'VCC_5V', volts: 5, current_ma: 2.5, power_mw: 12.5 })]);
    expect(good.data.resistors.find((r: { ref: string }) => r.ref === 'R1')).toMatchObject({ volts: 2.5, power_mw: 6.25, rating_mw: 100 });
    const okHash = good.data.evaluated_hash;

    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: DIVIDER(true), design_name: 'hot' });
    const bad = await callTool(client, 'simulation_gate', { session_id: sid, design_name: 'hot' });
    expect(bad.data.passed).toBe(false);
    expect(bad.data.findings.map((f: { rule: string; ref: string }) => `${f.rule}:${f.ref}`).sort()).toEqual(['capacitor-overvoltage:C1', 'resistor-overpower:R3']);
    expect(bad.data.rails[0].current_ma).toBeCloseTo(52.5, 3); // 2.5 mA + 50 mA (hand)

    const recorded = (await runtime.readEvents(sid)).filter((e) => e.type === 'SimulationRecorded').map((e) => e.data as { design_name: string; passed: boolean; evaluated_hash: string });
    expect(recorded.map((r) => [r.design_name, r.passed])).toEqual([['ok', true], ['hot', false]]);
    expect(recorded[0]!.evaluated_hash).toBe(okHash);
    expect((await callTool(client, 'design_inspect', { session_id: sid, design_name: 'ok' })).data.summary.design_hash).toBe(okHash);
  });

  it('refuses a design with no known rail voltage, appending nothing', async () => {
    const { runtime, client, sid } = await mcpSession();
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: DIVIDER(false).replaceAll('VCC_5V', 'VCC'), design_name: 'd' });
    const n = (await runtime.readEvents(sid)).filter((e) => !e.type.startsWith('Tool')).length;
    const res = await callTool(client, 'simulation_gate', { session_id: sid, design_name: 'd' });
    expect(res.data.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'supplies' } });
    expect((await runtime.readEvents(sid)).filter((e) => !e.type.startsWith('Tool')).length).toBe(n);
    const exported = await callTool(client, 'export_spice', { session_id: sid, design_name: 'd', supplies: { VCC: 3.3 } });
    expect(exported.data.netlist).toMatch(/^V_VCC VCC 0 DC 3.3$/m);
  });

  it.runIf(hasNgspice)('REST: export_spice and simulation_gate over HTTP', async () => {
    const { call } = await restSession('spice test');
    await call('design_parse_str', 'preview-write', { yaml_content: DIVIDER(false), design_name: 'd' }).expect(200);
    expect((await call('export_spice', 'read', { design_name: 'd' }).expect(200)).body.result.netlist).toContain('R_R2 MID 0 1000');
    const gate = (await call('simulation_gate', 'sandbox-write', { design_name: 'd' }).expect(200)).body.result;
    expect(gate.findings.map((f: { rule: string }) => f.rule)).toEqual(['capacitor-overvoltage']); // 5 V on "100nF 4V"
    expect((await call('simulation_gate', 'read', { design_name: 'd' })).status).toBe(403);
  });
});
