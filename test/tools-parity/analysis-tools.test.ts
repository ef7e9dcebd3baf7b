import { describe, expect, it } from 'vitest';
import { callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';

const NODE = 'ESP32 I2C sensor node with USB-C power and a BME280';
const MODULE = '3.3 V LDO module from a 5 V barrel jack with power LED and two mounting holes';
const TWO = [{ name: 'P1', type: 'passive' }, { name: 'P2', type: 'passive' }];
type Cap = { ref: string; retained_pct: number | null; effective_f: number | null; ratio: number | null; reference: string | null; match: string | null };

describe('electrical reads of a design', () => {
  it('MCP: dc_bias_check reads each capacitor off Murata\'s measured curves and flags losses and thin rating margins', async () => {
    const { runtime, client, sid } = await mcpSession();
    await callTool(client, 'synthesize_design', { session_id: sid, intent: MODULE, design_name: 'm' });
    const add = (ref: string, value: string, footprint: string, rail: string) =>
      callTool(client, 'component_add', { session_id: sid, design_name: 'm', ref, type_name: 'CAP', value, footprint, pins: TWO, connections: { P1: rail, P2: 'GND' } });
    await add('C90', '10uF 10V X5R', 'C_0603_1608Metric', '+5V');
    await add('C91', '10uF 25V X5R', 'C_0805_2012Metric', '+3V3');
    await add('C92', '47uF 10V X5R', 'C_1206_3216Metric', '+5V');
    await add('C93', '1uF 4V X5R', 'C_0402_1005Metric', '+5V');
    await add('C94', '100pF 50V C0G', 'C_0402_1005Metric', '+5V');
    await add('C95', '10uF 6.3V X5R', 'C_0603_1608Metric', '+5V');
    const n = (await runtime.readEvents(sid)).length;
    const d = (await callTool(client, 'dc_bias_check', { session_id: sid, design_name: 'm' })).data;
    expect((await runtime.readEvents(sid)).length).toBe(n);
    const caps = Object.fromEntries((d.rails as { net: string; volts: number; capacitors: Cap[] }[]).flatMap((r) => r.capacitors.map((c) => [c.ref, { ...c, net: r.net, volts: r.volts }])));
    expect([caps['C90']!.volts, caps['C91']!.volts]).toEqual([5, 3.3]);
    // Murata SimSurfing, 25 °C, kept vs 0 V: GRT188R61A106KE13 (0603 10 µF 10 V) 3.115 of 8.177 µF at 5 V = 38.1 %;
    // GRM21BR61E106KA73 (0805 10 µF 25 V) 5.000 of 5.898 µF at 3.3 V = 84.8 %; GRM31CR61A476ME15 (1206 47 µF 10 V) 48.0 % at 5 V.
    expect(caps['C90']).toMatchObject({ match: 'exact', reference: expect.stringContaining('GRT188R61A106KE13') });
    expect(caps['C90']!.retained_pct).toBeCloseTo(38.1, 0);
    expect(caps['C91']).toMatchObject({ match: 'exact', reference: expect.stringContaining('GRM21BR61E106KA73') });
    expect(Math.abs(caps['C91']!.retained_pct! - 84.8)).toBeLessThan(1.5);
    expect(caps['C92']!.retained_pct).toBeCloseTo(48.0, 0);
    expect(caps['C92']!.effective_f).toBeCloseTo(47e-6 * 0.48, 7);
    expect(caps['C94']).toMatchObject({ retained_pct: 100, match: 'class-1' });
    expect(caps['C95']).toMatchObject({ match: 'nearest' });
    const rules = (d.findings as { rule: string; ref: string; severity: string }[]).map((f) => `${f.severity}:${f.rule}:${f.ref}`);
    expect(rules).toEqual(expect.arrayContaining(['warning:dc-bias-loss:C90', 'warning:dc-bias-loss:C92', 'error:capacitor-overvoltage:C93', 'warning:rating-margin:C95']));
    // Exactly half the rating (C92: 5 V on 10 V) is the 2× margin, not under it; C91 keeps most of its value.
    expect(rules.filter((r) => r.endsWith(':C91') || r.endsWith(':C94') || r === 'warning:rating-margin:C92')).toEqual([]);
    expect(d.design_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('MCP: electrical_analysis: LDO dissipation near its package figure, a resistor over its chip rating, missing I2C pull-ups, floating inputs', async () => {
    const { client, sid } = await mcpSession();
    await callTool(client, 'synthesize_design', { session_id: sid, intent: 'LoRa gateway ESP32', design_name: 'gw' });
    const a = (await callTool(client, 'electrical_analysis', { session_id: sid, design_name: 'gw' })).data;
    // (5 − 3.3) V × (0.5 + 0.12) A = 1.054 W, over 80 % of the 1.2 W synthesis allows the AMS1117 in SOT-223.
    expect(a.findings).toContainEqual(expect.objectContaining({ severity: 'warning', rule: 'ldo-dissipation', refs: ['U1'] }));
    expect(a.power_tree.regulators[0].dissipation_w).toBeCloseTo(1.7 * 0.62, 3);
    expect(a.passed).toBe(true);
    // 100 Ω across 5 V: 5² / 100 = 250 mW in an 0603 rated 100 mW (Yageo RC0603).
    await callTool(client, 'component_add', { session_id: sid, design_name: 'gw', ref: 'R99', type_name: 'RES', value: '100', footprint: 'R_0603_1608Metric', pins: TWO, connections: { P1: '+5V', P2: 'GND' } });
    const b = (await callTool(client, 'electrical_analysis', { session_id: sid, design_name: 'gw' })).data;
    expect(b.resistors).toContainEqual({ ref: 'R99', ohm: 100, volts: 5, power_mw: 250, rating_mw: 100 });
    expect(b.findings).toContainEqual(expect.objectContaining({ severity: 'error', rule: 'resistor-overpower', refs: ['R99'] }));
    expect(b.passed).toBe(false);

    await callTool(client, 'synthesize_design', { session_id: sid, intent: NODE, design_name: 'node' });
    const pulls = await i2cPullups(client, sid, 'node');
    expect(pulls).toHaveLength(2);
    for (const ref of pulls) await callTool(client, 'component_remove', { session_id: sid, design_name: 'node', ref });
    const c = (await callTool(client, 'electrical_analysis', { session_id: sid, design_name: 'node' })).data;
    expect((c.findings as { rule: string }[]).filter((f) => f.rule === 'i2c.pullup-missing')).toHaveLength(2);

    // Two gate inputs on a net nothing drives: ERC's floating-input rule, run by the pre-check.
    await callTool(client, 'net_add', { session_id: sid, design_name: 'node', name: 'FLOAT_IN' });
    for (const ref of ['U98', 'U99']) {
      const added = await callTool(client, 'component_add', {
        session_id: sid, design_name: 'node', ref, type_name: 'buffer', footprint: 'SOT-23-5',
        pins: [{ name: 'A', type: 'input' }, { name: 'VCC', type: 'power_in' }, { name: 'GND', type: 'power_in' }],
        connections: { A: 'FLOAT_IN', VCC: '+3V3', GND: 'GND' },
      });
      expect(added.data.error).toBeUndefined();
    }
    const f = (await callTool(client, 'electrical_analysis', { session_id: sid, design_name: 'node' })).data;
    expect(f.findings).toContainEqual(expect.objectContaining({ rule: 'net.undriven-input', refs: ['U98', 'U99'], message: expect.stringContaining('FLOAT_IN') }));
  });

  it('MCP: patch_suggest proposes component_add calls that, applied, clear the ERC findings; suggesting changes nothing', async () => {
    const { runtime, client, sid } = await mcpSession();
    await callTool(client, 'synthesize_design', { session_id: sid, intent: NODE, design_name: 'node' });
    expect((await callTool(client, 'patch_suggest', { session_id: sid, design_name: 'node' })).data.findings).toEqual([]);
    for (const ref of await i2cPullups(client, sid, 'node')) await callTool(client, 'component_remove', { session_id: sid, design_name: 'node', ref });
    const n = (await runtime.readEvents(sid)).length;
    const p = (await callTool(client, 'patch_suggest', { session_id: sid, design_name: 'node' })).data;
    expect((await runtime.readEvents(sid)).length).toBe(n);
    const i2c = (p.findings as { rule_id: string; patches: { tool: string; arguments: Record<string, any> }[] }[]).filter((f) => f.rule_id === 'i2c.pullup-missing');
    expect(i2c).toHaveLength(2);
    const calls = i2c.flatMap((f) => f.patches);
    // The repair synthesize_board_repair applies (4.7 kΩ to the IC's rail), as calls.
    expect(calls.map((c) => [c.tool, c.arguments.value])).toEqual([['component_add', '4.7k'], ['component_add', '4.7k']]);
    expect(calls.map((c) => Object.values(c.arguments.connections).sort())).toEqual(expect.arrayContaining([['+3V3', 'I2C_SDA'], ['+3V3', 'I2C_SCL']]));
    for (const c of calls) expect((await callTool(client, c.tool, { session_id: sid, ...c.arguments })).data.error).toBeUndefined();
    const erc = (await callTool(client, 'erc_validate', { session_id: sid, design_name: 'node' })).data;
    const latest = (await callTool(client, 'erc_get_result', { session_id: sid, design_name: 'node' })).data;
    expect(erc.error).toBeUndefined();
    expect((latest.findings as { rule_id: string }[]).filter((f) => f.rule_id === 'i2c.pullup-missing')).toEqual([]);

    // A Type-C sink without its CC1 Rd: the patch is 5.1 kΩ from CC1 to ground (USB Type-C specification, Rd).
    const nets = (await callTool(client, 'design_list_nets', { session_id: sid, design_name: 'node' })).data.nets as { name: string; nodes: string[] }[];
    const rd = nets.find((x) => x.name === 'USB_CC1')!.nodes.map((y) => y.split('.')[0]!).find((r) => /^R\d+$/.test(r))!;
    await callTool(client, 'component_remove', { session_id: sid, design_name: 'node', ref: rd });
    const cc = ((await callTool(client, 'patch_suggest', { session_id: sid, design_name: 'node' })).data.findings as { rule_id: string; patches: { tool: string; arguments: Record<string, any> }[] }[]).filter((f) => f.rule_id.startsWith('usb-c.'));
    expect(cc.length).toBeGreaterThan(0);
    const rdCalls = cc.flatMap((f) => f.patches);
    expect(rdCalls.map((c) => [c.arguments.value, c.arguments.connections])).toEqual([['5.1k', { P1: 'USB_CC1', P2: 'GND' }]]);
    for (const c of rdCalls) expect((await callTool(client, c.tool, { session_id: sid, ...c.arguments })).data.error).toBeUndefined();
    await callTool(client, 'erc_validate', { session_id: sid, design_name: 'node' });
    const after = (await callTool(client, 'erc_get_result', { session_id: sid, design_name: 'node' })).data;
    expect((after.findings as { rule_id: string }[]).filter((f) => f.rule_id.startsWith('usb-c.'))).toEqual([]);
  });

  it('REST: the three answer at read with the design hash and append nothing', async () => {
    const { runtime, sid, call } = await restSession('analysis test');
    const made = await call('synthesize_design', 'preview-write', { intent: MODULE, design_name: 'm' }).expect(200);
    const n = (await runtime.readEvents(sid)).length;
    for (const tool of ['dc_bias_check', 'electrical_analysis', 'patch_suggest']) {
      const res = await call(tool, 'read', { design_name: 'm' });
      expect([tool, res.status, res.body.result.design_hash]).toEqual([tool, 200, made.body.result.design_hash]);
    }
    expect((await runtime.readEvents(sid)).length).toBe(n);
    expect((await call('dc_bias_check', 'read', { design_name: 'nope' })).status).toBe(404);
  });
});

/** The resistors joining an I2C net to a supply rail, read from the net list. */
async function i2cPullups(client: Parameters<typeof callTool>[0], sid: string, design: string): Promise<string[]> {
  const nets = (await callTool(client, 'design_list_nets', { session_id: sid, design_name: design })).data.nets as { name: string; type: string; nodes: string[] }[];
  const refsOn = (name: string) => (nets.find((x) => x.name === name)?.nodes ?? []).map((y) => y.split('.')[0]!);
  const rail = refsOn('+3V3');
  return [...refsOn('I2C_SDA'), ...refsOn('I2C_SCL')].filter((r) => /^R\d+$/.test(r) && rail.includes(r));
}
