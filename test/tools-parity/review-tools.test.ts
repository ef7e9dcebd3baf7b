import { describe, expect, it } from 'vitest';
import { ESP32_YAML, callTool, corpusText } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';

const STM32 = () => corpusText('zaptrace/designs/templates/stm32_rs485_node.yaml');

describe('reviews bound to the design-state hash', () => {
  it('MCP: testability finds the corpus node\'s test points on I2C and flags rails without one; each answer carries the hash it judged', async () => {
    const { client, sid } = await mcpSession();
    const parsed = await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
    const t = await callTool(client, 'testability_report', { session_id: sid, design_name: 'esp' });
    expect(t.data.design_hash).toBe(parsed.data.design_hash);
    const byNet = Object.fromEntries(t.data.nets.map((n: { net: string }) => [n.net, n]));
    expect(byNet['I2C_SDA']).toMatchObject({ test_points: ['TP1'], probeable: true });
    expect(byNet['VCC_5V']).toMatchObject({ connectors: ['J1'], probeable: true });
    // VCC_3V3 reaches no test point and no connector in this design.
    expect(t.data.findings.map((f: { rule: string; message: string }) => `${f.rule}:${f.message.split(' ')[0]}`)).toEqual(['rail-without-test-point:VCC_3V3']);
    expect(t.data.coverage_pct).toBe(80);
    expect(t.data.bring_up.length).toBeGreaterThanOrEqual(4);

    // After an edit the same review names the new hash.
    await callTool(client, 'component_remove', { session_id: sid, design_name: 'esp', ref: 'TP1' });
    const again = await callTool(client, 'testability_report', { session_id: sid, design_name: 'esp' });
    expect(again.data.design_hash).not.toBe(parsed.data.design_hash);
    expect(again.data.coverage_pct).toBe(60);
  });

  it('MCP: mechanical review of the placed corpus node: no mounting holes (warning), every part measured against the edge', async () => {
    const { client, sid } = await mcpSession();
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
    const before = await callTool(client, 'mechanical_review', { session_id: sid, design_name: 'esp' });
    expect(before.data.findings.map((f: { rule: string }) => f.rule)).toContain('no-mounting-holes');
    await callTool(client, 'place_components', { session_id: sid, design_name: 'esp', seed: 1 });
    const m = await callTool(client, 'mechanical_review', { session_id: sid, design_name: 'esp' });
    expect(m.data.parts).toHaveLength(12);
    expect(m.data.board_mm).toEqual([50, 40]);
    for (const p of m.data.parts as { ref: string; edge_gap_mm: number; connector: boolean }[]) {
      const flagged = m.data.findings.some((f: { refs: string[] }) => f.refs.includes(p.ref));
      expect([p.ref, flagged]).toEqual([p.ref, p.edge_gap_mm < 0 || (!p.connector && p.edge_gap_mm < 0.5)]);
    }
    expect(m.data.passed).toBe(m.data.findings.every((f: { severity: string }) => f.severity !== 'error'));
  });

  it('MCP: security review reports a UART brought out on a header; the sensor node exposes none', async () => {
    const { client, sid } = await mcpSession();
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
    expect((await callTool(client, 'security_review', { session_id: sid, design_name: 'esp' })).data).toMatchObject({ passed: true, exposed: [] });
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: STM32(), design_name: 'stm' });
    // The corpus's STM32 node keeps its UART on the MCU: nothing exposed until a header brings it out.
    expect((await callTool(client, 'security_review', { session_id: sid, design_name: 'stm' })).data.exposed).toEqual([]);
    const added = await callTool(client, 'component_add', {
      session_id: sid, design_name: 'stm', ref: 'J9', type_name: 'header', footprint: 'PinHeader_1x03_P2.54mm_Vertical',
      pins: [{ name: '1', type: 'passive' }, { name: '2', type: 'passive' }, { name: '3', type: 'passive' }],
      connections: { '1': 'UART_TX', '2': 'UART_RX', '3': 'GND' },
    });
    expect(added.data.error).toBeUndefined();
    const s = await callTool(client, 'security_review', { session_id: sid, design_name: 'stm' });
    expect(s.data.exposed).toEqual([
      { interface: 'UART console', net: 'UART_TX', reachable_at: ['J9'] },
      { interface: 'UART console', net: 'UART_RX', reachable_at: ['J9'] },
    ]);
    expect(s.data.findings).toEqual([expect.objectContaining({ severity: 'warning', rule: 'debug-port-exposed', refs: ['J9'] })]);
    expect(s.data.passed).toBe(true);
  });

  it('REST: the three reviews answer with the read level and append nothing', async () => {
    const { runtime, sid, call } = await restSession('review test');
    await call('design_parse_str', 'preview-write', { yaml_content: ESP32_YAML(), design_name: 'esp' }).expect(200);
    const n = (await runtime.readEvents(sid)).length;
    for (const tool of ['mechanical_review', 'testability_report', 'security_review']) {
      const res = await call(tool, 'read', { design_name: 'esp' });
      expect([tool, res.status, typeof res.body.result.design_hash]).toEqual([tool, 200, 'string']);
    }
    expect((await runtime.readEvents(sid)).length).toBe(n);
    expect((await call('security_review', 'read', { design_name: 'nope' })).status).toBe(404);
  });
});
