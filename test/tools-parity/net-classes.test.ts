import { describe, expect, it } from 'vitest';
import { ESP32_YAML, callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';

const classes = (data: Record<string, any>) => Object.fromEntries((data.nets as { name: string; class: string }[]).map((n) => [n.name, n.class]));

describe('net classes: classified with the ERC netlist view, recorded, used by the router', () => {
  it('MCP: board_classify_nets records power/ground/signal on the corpus node, then pairs, RF and clocks; a repeat assigns nothing', async () => {
    const { runtime, client, sid } = await mcpSession();
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
    for (const name of ['USB_DP', 'USB_DM', 'RF_ANT', 'XTAL_IN', 'LED_DRIVE']) await callTool(client, 'net_add', { session_id: sid, design_name: 'esp', name });
    const c = await callTool(client, 'board_classify_nets', { session_id: sid, design_name: 'esp' });
    expect(c.isError).toBe(false);
    expect(classes(c.data)).toEqual({
      GND: 'ground', VCC_3V3: 'power', VCC_5V: 'power', I2C_SDA: 'signal', I2C_SCL: 'signal',
      USB_DP: 'differential', USB_DM: 'differential', RF_ANT: 'rf', XTAL_IN: 'high_speed', LED_DRIVE: 'signal',
    });
    const events = await runtime.readEvents(sid);
    const recorded = events.filter((e) => e.type === 'NetClassesAssigned');
    expect(recorded).toHaveLength(1);
    expect((recorded[0]!.data as { net_classes: Record<string, { track_width_mm: number }> }).net_classes['power']!.track_width_mm).toBe(0.4);
    // The design now carries the classes: the nets list shows them and the design hash moved.
    const nets = await callTool(client, 'design_list_nets', { session_id: sid, design_name: 'esp' });
    expect(JSON.stringify(nets.data)).toContain('"class":"ground"');
    const again = await callTool(client, 'design_classify_nets', { session_id: sid, design_name: 'esp' });
    expect(again.data.assigned).toBe(0);
    expect((await runtime.readEvents(sid)).filter((e) => e.type === 'NetClassesAssigned')).toHaveLength(1);
    const over = await callTool(client, 'design_classify_nets', { session_id: sid, design_name: 'esp', overwrite: true });
    expect(over.data.assigned).toBe(10);
  });

  it('MCP: design_route_smart classifies then routes; board_summarize_nets reports classes, lengths and widths per class', async () => {
    const { client, sid } = await mcpSession();
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
    const unplaced = await callTool(client, 'design_route_smart', { session_id: sid, design_name: 'esp' });
    expect(unplaced.isError).toBe(true);
    await callTool(client, 'place_components', { session_id: sid, design_name: 'esp', seed: 1 });
    const r = await callTool(client, 'design_route_smart', { session_id: sid, design_name: 'esp', seed: 1 });
    expect(r.isError).toBe(false);
    expect(r.data.classes_assigned).toBe(5);
    expect(r.data.completion.routed).toBeGreaterThan(0);
    const s = await callTool(client, 'board_summarize_nets', { session_id: sid, design_name: 'esp' });
    const byName = Object.fromEntries((s.data.nets as { name: string }[]).map((n) => [n.name, n])) as Record<string, any>;
    expect(byName['GND']).toMatchObject({ class: 'ground', class_width_mm: 0.4, nodes: 9 });
    expect(byName['I2C_SDA']).toMatchObject({ class: 'signal', class_width_mm: 0.2, nodes: 4 });
    for (const n of Object.values(byName)) {
      if (n.routed_length_mm === null) continue;
      expect(n.routed_length_mm).toBeGreaterThan(0);
      // Tracks never exceed their class width (they may neck down at fine-pitch pads).
      expect([n.name, Math.max(...n.track_widths_mm) <= n.class_width_mm]).toEqual([n.name, true]);
    }
    expect(byName['VCC_3V3'].track_widths_mm).toContain(0.4);
  }, 120_000);

  it('MCP: a rail typed "signal" gets signal width from route_nets but power width once classified (design_route_smart); replay agrees', async () => {
    const { client, sid } = await mcpSession();
    const mistyped = ESP32_YAML().replace('VCC_5V:    {id: "VCC_5V",   name: "VCC_5V",   type: "power"', 'VCC_5V:    {id: "VCC_5V",   name: "VCC_5V",   type: "signal"');
    expect(mistyped).not.toBe(ESP32_YAML());
    const widest = async (design: string) =>
      Math.max(...((await callTool(client, 'board_summarize_nets', { session_id: sid, design_name: design })).data.nets as { name: string; track_widths_mm: number[] }[]).find((n) => n.name === 'VCC_5V')!.track_widths_mm);
    for (const d of ['plain', 'smart']) {
      await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: mistyped, design_name: d });
      await callTool(client, 'place_components', { session_id: sid, design_name: d, seed: 1 });
    }
    await callTool(client, 'route_nets', { session_id: sid, design_name: 'plain', seed: 1 });
    const smart = await callTool(client, 'design_route_smart', { session_id: sid, design_name: 'smart', seed: 1 });
    expect(await widest('plain')).toBe(0.2);
    expect(await widest('smart')).toBe(0.4);
    // The classes and routes are in the log: rebuilding the design from it gives the live hash.
    const seq = (await callTool(client, 'session_events', { session_id: sid, limit: 1000 })).data.events.at(-1).seq;
    const replayed = await callTool(client, 'design_at', { session_id: sid, design_name: 'smart', seq });
    expect(replayed.data.summary.design_hash).toBe(smart.data.design_hash);
  }, 120_000);

  it('REST: summarize is read-level and appends nothing; classification needs sandbox-write', async () => {
    const { runtime, sid, call } = await restSession('net class test');
    await call('design_parse_str', 'preview-write', { yaml_content: ESP32_YAML(), design_name: 'esp' }).expect(200);
    const n = (await runtime.readEvents(sid)).length;
    const s = await call('board_summarize_nets', 'read', { design_name: 'esp' }).expect(200);
    expect(s.body.result.nets).toHaveLength(5);
    expect((await runtime.readEvents(sid)).length).toBe(n);
    expect((await call('board_classify_nets', 'read', { design_name: 'esp' })).status).toBe(403);
    const ok = await call('board_classify_nets', 'sandbox-write', { design_name: 'esp' }).expect(200);
    expect(ok.body.result.counts).toEqual({ ground: 1, power: 2, signal: 2 });
  });
});
