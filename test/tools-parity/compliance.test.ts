import { describe, expect, it } from 'vitest';
import { ESP32_YAML, callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';

describe('compliance_checklist', () => {
  it('MCP: the corpus node needs radio rules, has ESD on VBUS, lacks Type-C Rd until one is added; an unprotected header is flagged', async () => {
    const { client, sid } = await mcpSession();
    const call = (tool: string, args: object) => callTool(client, tool, { session_id: sid, design_name: 'esp', ...args });
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
    const first = (await call('compliance_checklist', {})).data;
    const applies = Object.fromEntries(first.checklist.map((i: { topic: string; applies: boolean }) => [i.topic.split(':')[0], i.applies]));
    expect(applies).toMatchObject({ Radio: true, Batteries: false, USB: true, 'RoHS 2011/65/EU': true });
    // VBUS (VCC_5V) carries the TVS D1: no ESD finding; the Type-C connector shows no CC pins at all.
    expect(first.findings.map((f: { rule: string; message: string }) => `${f.rule}:${f.message.split(':')[0]}`)).toEqual(['usb-c-cc:J1 CC1', 'usb-c-cc:J1 CC2']);

    expect((await call('net_add', { name: 'CC1' })).data.error).toBeUndefined();
    expect((await call('component_add', { ref: 'R9', type_name: 'RES', value: '5.1k', footprint: 'R_0402_1005Metric', pins: [{ name: '1', type: 'passive' }, { name: '2', type: 'passive' }], connections: { '1': 'CC1', '2': 'GND' } })).data.error).toBeUndefined();
    // The corpus's J1 has no CC pins: replace it by a Type-C receptacle that brings CC1 out (CC2 left open).
    expect((await call('component_remove', { ref: 'J1' })).data.error).toBeUndefined();
    const pins = ['VBUS', 'GND', 'CC1', 'CC2'].map((name) => ({ name, type: 'passive' }));
    expect((await call('component_add', { ref: 'J1', type_name: 'USB-C-16P', footprint: 'USB-C-16P-SMD', pins, connections: { VBUS: 'VCC_5V', GND: 'GND', CC1: 'CC1' } })).data.error).toBeUndefined();
    expect((await call('component_add', { ref: 'J9', type_name: 'header', footprint: 'PinHeader_1x02_P2.54mm_Vertical', pins: [{ name: '1', type: 'passive' }, { name: '2', type: 'passive' }], connections: { '1': 'I2C_SDA', '2': 'GND' } })).data.error).toBeUndefined();
    const second = (await call('compliance_checklist', {})).data;
    // CC2 still lacks its Rd; CC1 and the header's I2C_SDA leave the board without an ESD part.
    expect(second.findings.map((f: { rule: string; message: string }) => `${f.rule}:${f.message.split(' ').slice(0, 2).join(' ')}`).sort()).toEqual(['connector-without-esd:CC1 leaves', 'connector-without-esd:I2C_SDA leaves', 'usb-c-cc:J1 CC2:']);
    expect(second.design_hash).not.toBe(first.design_hash);
  });

  it('REST: read level', async () => {
    const { call } = await restSession('compliance test');
    await call('design_parse_str', 'preview-write', { yaml_content: ESP32_YAML(), design_name: 'esp' }).expect(200);
    const res = await call('compliance_checklist', 'read', { design_name: 'esp' }).expect(200);
    expect(res.body.result.checklist.length).toBe(5);
  });
});
