import { describe, expect, it } from 'vitest';
import { callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';

/**
 * altium_import_fidelity on a PCB ASCII document written by hand here from the record keys the reader
 * documents (src/eda/import/altium-ascii.ts; docs/zaptrace-parity.md, "Altium"). Expected values are
 * worked out from the text: 1 mil = 0.0254 mm, Altium's Y points up so y flips, and the outline's
 * top-left corner (0, 1000 mil) becomes our origin: R1 at (500, 500) mil sits at (12.7, 12.7) mm, C1 at
 * (1500, 300) mil at (38.1, 17.78) mm. No Altium-written file was available to test against.
 */
const PCB = [
  '|RECORD=Board|KIND=Protel_Advanced_PCB|VERSION=5.01|VX0=0mil|VY0=0mil|KIND0=0|VX1=2000mil|VY1=0mil|KIND1=0|VX2=2000mil|VY2=1000mil|KIND2=0|VX3=0mil|VY3=1000mil|KIND3=0',
  '|RECORD=Net|ID=0|NAME=GND',
  '|RECORD=Net|ID=1|NAME=VCC',
  '|RECORD=Net|ID=2|NAME=LED_A',
  '|RECORD=Component|ID=0|LAYER=TOP|X=500mil|Y=500mil|ROTATION=0.000|PATTERN=R0805|SOURCEDESIGNATOR=R1|COMMENT=1k',
  '|RECORD=Component|ID=1|LAYER=TOP|X=1000mil|Y=500mil|ROTATION=90.000|PATTERN=LED_0805|SOURCEDESIGNATOR=D1|COMMENT=red',
  '|RECORD=Component|ID=2|LAYER=TOP|X=5.08mm|Y=17.78mm|ROTATION=270|PATTERN=PinHeader_1x02_P2.54mm_Vertical|SOURCEDESIGNATOR=J1|COMMENT=PWR',
  '|RECORD=Component|ID=3|LAYER=BOTTOM|X=1500mil|Y=300mil|ROTATION=180|PATTERN=C0805|SOURCEDESIGNATOR=C1|COMMENT=100n',
  '|RECORD=Pad|NAME=1|COMPONENT=0|NET=1|LAYER=TOP|X=460mil|Y=500mil',
  '|RECORD=Pad|NAME=2|COMPONENT=0|NET=2|LAYER=TOP|X=540mil|Y=500mil',
  '|RECORD=Pad|NAME=1|COMPONENT=1|NET=0|LAYER=TOP|X=1000mil|Y=460mil',
  '|RECORD=Pad|NAME=2|COMPONENT=1|NET=2|LAYER=TOP|X=1000mil|Y=540mil',
  '|RECORD=Pad|NAME=1|COMPONENT=2|NET=1|LAYER=MULTILAYER|X=200mil|Y=700mil',
  '|RECORD=Pad|NAME=2|COMPONENT=2|NET=0|LAYER=MULTILAYER|X=200mil|Y=600mil',
  '|RECORD=Pad|NAME=1|COMPONENT=3|NET=1|LAYER=BOTTOM|X=1540mil|Y=300mil',
  '|RECORD=Pad|NAME=2|COMPONENT=3|NET=0|LAYER=BOTTOM|X=1460mil|Y=300mil',
  '|RECORD=Pad|NAME=TP|COMPONENT=-1|NET=0|LAYER=TOP|X=1800mil|Y=900mil',
  '|RECORD=Track|NET=2|LAYER=TOP|X1=540mil|Y1=500mil|X2=1000mil|Y2=540mil|WIDTH=10mil|COMPONENT=-1',
  '|RECORD=Track|NET=0|LAYER=BOTTOM|X1=1200mil|Y1=400mil|X2=1460mil|Y2=300mil|WIDTH=0.5mm',
  '|RECORD=Track|NET=0|LAYER=MID1|X1=1200mil|Y1=400mil|X2=1200mil|Y2=200mil|WIDTH=8mil',
  '|RECORD=Track|COMPONENT=0|LAYER=TOPOVERLAY|X1=420mil|Y1=470mil|X2=580mil|Y2=470mil|WIDTH=5mil',
  '|RECORD=Track|LAYER=MECHANICAL1|X1=0mil|Y1=0mil|X2=100mil|Y2=0mil|WIDTH=5mil',
  '|RECORD=Via|NET=0|X=1200mil|Y=400mil|DIAMETER=24mil|HOLESIZE=12mil',
  '|RECORD=Polygon|NET=0|LAYER=BOTTOM',
].join('\r\n');

function checkReport(r: Record<string, any>) {
  expect(r.report.format).toBe('altium-ascii');
  expect(r.report.parts).toMatchObject({ source: 4, imported: 4, dropped: 0 });
  expect(r.report.nets.imported).toBe(3);
  expect(r.report.tracks).toMatchObject({ source: 3, imported: 3, dropped: 0 });
  expect(r.report.vias.imported).toBe(1);
  expect(r.report.zones.dropped).toBe(1); // the Polygon
  expect(r.report.outline).toMatchObject({ kind: 'polygon', vertices: 4 });
  expect(r.report.offset_mm).toEqual([0, -25.4]);
  const notes = r.report.notes.join(' ');
  for (const n of ['1 footprint graphic', '1 track(s) on non-copper', '1 free pad']) expect(notes).toContain(n);
}

describe('altium_import_fidelity', () => {
  it('MCP: parts, positions, rotation, side, nets, tracks and vias come through from the ASCII records; nothing is stored', async () => {
    const { runtime, client, sid } = await mcpSession('read');
    const before = (await runtime.readEvents(sid)).length;
    const r = (await callTool(client, 'altium_import_fidelity', { session_id: sid, pcbdoc_text: PCB, include_design: true })).data;
    expect(r.error).toBeUndefined();
    checkReport(r);
    const d = r.design;
    expect(d.placement.R1).toEqual({ x_mm: 12.7, y_mm: 12.7, rotation_deg: 0, side: 'top' });
    expect(d.placement.D1).toEqual({ x_mm: 25.4, y_mm: 12.7, rotation_deg: 90, side: 'top' });
    expect(d.placement.J1).toEqual({ x_mm: 5.08, y_mm: 7.62, rotation_deg: 270, side: 'top' });
    expect(d.placement.C1).toEqual({ x_mm: 38.1, y_mm: 17.78, rotation_deg: 180, side: 'bottom' });
    expect(d.board.width_mm).toBeCloseTo(50.8, 6);
    expect(d.board.height_mm).toBeCloseTo(25.4, 6);
    const nodes = (net: string) => d.nets[net].nodes.map((n: { component: string; pin: string }) => `${n.component}.${n.pin}`).sort();
    expect(nodes('GND')).toEqual(['C1.2', 'D1.1', 'J1.2']);
    expect(nodes('VCC')).toEqual(['C1.1', 'J1.1', 'R1.1']);
    expect(nodes('LED_A')).toEqual(['D1.2', 'R1.2']);
    expect(d.components.R1).toMatchObject({ value: '1k', footprint: 'R0805' });
    const t = d.routing.tracks.find((x: { layer: string }) => x.layer === 'F.Cu');
    expect(t).toMatchObject({ net: 'LED_A', start: [13.716, 12.7], end: [25.4, 11.684] });
    expect(t.width_mm).toBeCloseTo(0.254, 6);
    expect(d.routing.tracks.find((x: { layer: string }) => x.layer === 'B.Cu').width_mm).toBeCloseTo(0.5, 6);
    expect(d.routing.tracks.some((x: { layer: string }) => x.layer === 'In1.Cu')).toBe(true);
    expect(d.routing.vias[0]).toMatchObject({ net: 'GND', at: [30.48, 15.24] });
    expect(d.routing.vias[0].diameter_mm).toBeCloseTo(0.6096, 6);
    expect(d.routing.vias[0].drill_mm).toBeCloseTo(0.3048, 6);
    expect((await runtime.readEvents(sid)).length).toBe(before);
  });

  it('MCP: a binary PcbDoc, a document without a Board record and oversize text are INVALID_INPUT', async () => {
    const { client, sid } = await mcpSession('read');
    const err = async (pcbdoc_text: string) => (await callTool(client, 'altium_import_fidelity', { session_id: sid, pcbdoc_text })).data.error;
    const bin = await err('\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1' + '\u0000'.repeat(100));
    // A binary PcbDoc's OLE signature holds control characters, which the surfaces refuse in any text field.
    expect([bin.code, bin.details.path]).toEqual(['INVALID_INPUT', 'pcbdoc_text']);
    const none = await err('|RECORD=Net|ID=0|NAME=GND');
    expect([none.code, none.details.reason]).toEqual(['INVALID_INPUT', 'unsupported_document']);
    expect((await err('x'.repeat(8 * 1024 * 1024 + 1))).code).toBe('INVALID_INPUT');
  });

  it('REST: answered at read level with the same report', async () => {
    const { call } = await restSession('altium');
    const r = (await call('altium_import_fidelity', 'read', { pcbdoc_text: PCB }).expect(200)).body.result;
    checkReport(r);
    expect(r.design).toBeUndefined();
  });
});
