import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';

/**
 * easyeda_std_roundtrip on fixtures/import/easyeda-std-led.json, a board written by hand from the
 * EasyEDA Standard PCB format (docs/import.md). Expected values are worked out from the file: lengths
 * are 10 mil units (0.254 mm) and the outline's corner (4000, 3000) becomes our origin, so R1 at
 * (4050, 3040) sits at (50 × 0.254, 40 × 0.254) = (12.7, 10.16) mm; LED1 turned 90° clockwise in
 * EasyEDA is 270° counter-clockwise in ours; C1's pads are on layer 2, so it is on the bottom.
 */
const FIXTURE = readFileSync('fixtures/import/easyeda-std-led.json', 'utf8');

function checkResult(r: Record<string, any>) {
  expect(r.report.parts).toEqual({ source: 4, imported: 4, dropped: 0, reasons: {} });
  expect(r.report.nets.imported).toBe(3);
  expect(r.report.tracks).toEqual({ source: 5, imported: 5, dropped: 0, reasons: {} });
  expect(r.report.vias.imported).toBe(1);
  expect(r.report.zones.dropped).toBe(1); // the COPPERAREA
  expect(r.report.offset_mm).toEqual([1016, 762]);
  for (const k of ['parts', 'nets', 'positions', 'tracks', 'vias']) expect([k, r.roundtrip[k].matched]).toEqual([k, r.roundtrip[k].before]);
  expect(r.roundtrip.parts.before).toBe(4);
  expect(r.roundtrip.nets.before).toBe(3);
}

describe('easyeda_std_roundtrip', () => {
  it('MCP: parts, nets, positions, rotation and side come through, and survive writing back; nothing is stored', async () => {
    const { runtime, client, sid } = await mcpSession('read');
    const before = (await runtime.readEvents(sid)).length;
    const r = (await callTool(client, 'easyeda_std_roundtrip', { session_id: sid, json_text: FIXTURE, include_design: true })).data;
    expect(r.error).toBeUndefined();
    checkResult(r);
    const d = r.design;
    expect(d.placement.R1).toEqual({ x_mm: 12.7, y_mm: 10.16, rotation_deg: 0, side: 'top' });
    expect(d.placement.LED1).toEqual({ x_mm: 25.4, y_mm: 10.16, rotation_deg: 270, side: 'top' });
    expect(d.placement.C1).toEqual({ x_mm: 38.1, y_mm: 22.86, rotation_deg: 180, side: 'bottom' });
    expect(d.board.width_mm).toBeCloseTo(50.8, 6);
    expect(d.board.height_mm).toBeCloseTo(30.48, 6);
    const nodes = (net: string) => d.nets[net].nodes.map((n: { component: string; pin: string }) => `${n.component}.${n.pin}`).sort();
    expect(nodes('GND')).toEqual(['C1.2', 'J1.2', 'LED1.2']);
    expect(nodes('N1')).toEqual(['LED1.1', 'R1.2']);
    expect(d.components.LED1.value).toBe('red');
    expect(d.components.R1.footprint).toBe('R0805');
    expect(d.routing.vias[0]).toEqual({ net: 'GND', at: [30.48, 15.24], diameter_mm: 0.6096, drill_mm: 0.3048 });
    expect((await runtime.readEvents(sid)).length).toBe(before);
  });

  it('MCP: bad input is INVALID_INPUT and appends nothing', async () => {
    const { runtime, client, sid } = await mcpSession('read');
    const before = (await runtime.readEvents(sid)).length;
    const call = async (json_text: string) => (await callTool(client, 'easyeda_std_roundtrip', { session_id: sid, json_text })).data.error;
    expect((await call('{"head": {"docType": "3"}, "shape": [')).code).toBe('INVALID_INPUT');
    const sch = await call(JSON.stringify({ head: { docType: '1' }, shape: [] }));
    expect([sch.code, sch.details.reason]).toEqual(['INVALID_INPUT', 'unsupported_document']);
    expect((await call(JSON.stringify({ head: { docType: '3' }, shape: [1, 2] }))).code).toBe('INVALID_INPUT');
    expect((await runtime.readEvents(sid)).length).toBe(before);
  });

  it('REST: allowed at the read level, with the same figures', async () => {
    const { call } = await restSession('easyeda import test');
    const r = (await call('easyeda_std_roundtrip', 'read', { json_text: FIXTURE }).expect(200)).body.result;
    checkResult(r);
    expect(r.design).toBeUndefined();
  });
});
