import { describe, expect, it } from 'vitest';
import { callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';

const NODE = 'ESP32 I2C sensor node with USB-C power and a BME280';
const MODULE = '3.3 V LDO module from a 5 V barrel jack with power LED and two mounting holes';
const TWO = [{ name: 'P1', type: 'passive' }, { name: 'P2', type: 'passive' }];
type Cap = { ref: string; retained_pct: number | null; effective_f: number | null; ratio: number | null };

describe('electrical reads of a design', () => {
  it('MCP: dc_bias_check meets Murata\'s 10 µF / 10 V X5R figures at 5 V (0805 keeps 5.0 µF, 1206 keeps 9.3 µF) and flags ratings under twice the rail', async () => {
    const { runtime, client, sid } = await mcpSession();
    await callTool(client, 'synthesize_design', { session_id: sid, intent: MODULE, design_name: 'm' });
    const add = (ref: string, value: string, footprint: string) =>
      callTool(client, 'component_add', { session_id: sid, design_name: 'm', ref, type_name: 'CAP', value, footprint, pins: TWO, connections: { P1: '+5V', P2: 'GND' } });
    await add('C90', '10uF 10V X5R', 'C_0805_2012Metric');
    await add('C91', '10uF 10V X5R', 'C_1206_3216Metric');
    await add('C92', '10uF 6.3V X5R', 'C_0603_1608Metric');
    await add('C93', '1uF 4V X5R', 'C_0402_1005Metric');
    await add('C94', '100pF 50V C0G', 'C_0402_1005Metric');
    const n = (await runtime.readEvents(sid)).length;
    const d = (await callTool(client, 'dc_bias_check', { session_id: sid, design_name: 'm' })).data;
    expect((await runtime.readEvents(sid)).length).toBe(n);
    const five = (d.rails as { net: string; volts: number; capacitors: Cap[] }[]).find((r) => r.net === '+5V')!;
    expect(five.volts).toBe(5);
    const cap = Object.fromEntries(five.capacitors.map((c) => [c.ref, c]));
    expect(cap['C90']!.effective_f).toBeCloseTo(5.0e-6, 9);
    expect(cap['C91']!.effective_f).toBeCloseTo(9.3e-6, 9);
    expect(cap['C94']!.retained_pct).toBe(100);
    const rules = (d.findings as { rule: string; ref: string; severity: string }[]).map((f) => `${f.severity}:${f.rule}:${f.ref}`);
    expect(rules).toContain('warning:dc-bias-margin:C92');
    expect(rules).toContain('error:capacitor-overvoltage:C93');
    // At exactly half the rating (the 2× margin) no warning is raised.
    expect(rules.some((r) => r.endsWith(':C90') || r.endsWith(':C91'))).toBe(false);
    expect(d.design_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('MCP: electrical_analysis: LDO dissipation near its package figure, a resistor over its chip rating, a missing I2C pull-up', async () => {
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
    expect(calls.map((c) => [c.tool, c.arguments.value, c.arguments.connections.P2])).toEqual([['component_add', '4.7k', '+3V3'], ['component_add', '4.7k', '+3V3']]);
    expect(calls.map((c) => c.arguments.connections.P1).sort()).toEqual(['I2C_SCL', 'I2C_SDA']);
    for (const c of calls) expect((await callTool(client, c.tool, { session_id: sid, ...c.arguments })).data.error).toBeUndefined();
    const erc = (await callTool(client, 'erc_validate', { session_id: sid, design_name: 'node' })).data;
    const latest = (await callTool(client, 'erc_get_result', { session_id: sid, design_name: 'node' })).data;
    expect(erc.error).toBeUndefined();
    expect((latest.findings as { rule_id: string }[]).filter((f) => f.rule_id === 'i2c.pullup-missing')).toEqual([]);
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
