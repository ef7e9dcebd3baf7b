import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';
import { checkedAndApproved } from '../helpers/review.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';
import { kicadArtifacts } from '../../src/tools/artifact-builders.js';
import { services } from '../eda/export/parity/parity.js';
import type { Design } from '../../src/eda/model/design.js';
import { buildBoardGeometry } from '../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../src/eda/footprints/index.js';

/**
 * kicad_to_easyeda_pro (docs/zaptrace-parity.md, "EasyEDA Pro"). The archive is opened here with fflate and each
 * record parsed by the published grammar `{head}||{body}` (github.com/easyeda/easyeda-pro-format-skill,
 * SKILL.md); every expected value is computed here from the design: 1 mil = 0.0254 mm exactly, Y flips.
 */
const TINY = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8');
const MM = 0.0254;

type Rec = { head: { type: string; id?: string; ticket?: number }; body: Record<string, any> };
function records(zipBytes: Uint8Array): { names: string[]; recs: Rec[]; index: any } {
  const files = unzipSync(zipBytes);
  const names = Object.keys(files).sort();
  const pcb = names.find((n) => n.endsWith('.epcb2'))!;
  const lines = strFromU8(files[pcb]!).split('\n');
  const recs = lines.map((l, i) => {
    const text = i < lines.length - 1 ? l.replace(/\|$/, '') : l;
    const cut = text.indexOf('||');
    return { head: JSON.parse(text.slice(0, cut)), body: JSON.parse(text.slice(cut + 2)) };
  });
  return { names, recs, index: JSON.parse(strFromU8(files[names.find((n) => n.endsWith('.eprj3'))!]!)) };
}

/** Compares the written records with the design they came from. */
function checkAgainst(design: Design, recs: Rec[]) {
  expect(recs[0]!.head).toEqual({ type: 'DOCHEAD' });
  expect(recs[0]!.body.docType).toBe('PCB');
  const tickets = recs.slice(1).map((r) => r.head.ticket!);
  expect(tickets).toEqual([...tickets].sort((a, b) => a - b));
  expect(new Set(recs.slice(1).map((r) => r.head.id)).size).toBe(recs.length - 1);
  const comps = recs.filter((r) => r.head.type === 'COMPONENT');
  const attrs = recs.filter((r) => r.head.type === 'ATTR');
  const refOf = new Map(attrs.filter((a) => a.body.key === 'Designator').map((a) => [a.body.parentId, a.body.value]));
  const placed = Object.entries(design.placement);
  expect(comps).toHaveLength(placed.length);
  for (const [id, p] of placed) {
    const ref = design.components[id]!.ref;
    const c = comps.find((r) => refOf.get(r.head.id) === ref)!;
    expect(c, ref).toBeDefined();
    expect(c.body.x * MM).toBeCloseTo(p.x_mm, 5);
    expect(-c.body.y * MM).toBeCloseTo(p.y_mm, 5);
    expect(c.body.angle).toBe(p.rotation_deg);
    expect(c.body.layerId).toBe(p.side === 'bottom' ? 2 : 1);
  }
  // Connectivity: the REF.pin sets per net name, from PAD_NET records, equal the design's.
  const byNet = (pairs: [string, string][]) => {
    const m = new Map<string, string[]>();
    for (const [net, key] of pairs) m.set(net, [...(m.get(net) ?? []), key]);
    return Object.fromEntries([...m].map(([k, v]) => [k, v.sort()]));
  };
  const written = byNet(recs.filter((r) => r.head.type === 'PAD_NET').map((r) => [r.body.padNet, `${refOf.get(r.body.componentId)}.${r.body.padNum}`]));
  // Expected from our board geometry (the pads our KiCad writer draws), a code path the writer does not share.
  const g = buildBoardGeometry(design, resolveFootprint, mapPinsToPads);
  const expected = byNet([...new Set(g.pads.filter((p) => p.net !== null).map((p) => `${design.nets[p.net!]?.name ?? p.net}\0${p.ref}.${p.padNumber}`))].map((k) => k.split('\0') as [string, string]));
  expect(written).toEqual(expected);
  const lines = recs.filter((r) => r.head.type === 'LINE');
  expect(lines).toHaveLength(design.routing.tracks.length);
  design.routing.tracks.forEach((t, i) => {
    const l = lines[i]!.body;
    expect([l.startX * MM, -l.startY * MM, l.endX * MM, -l.endY * MM, l.width * MM].map((v) => +v.toFixed(4))).toEqual([t.start[0], t.start[1], t.end[0], t.end[1], t.width_mm].map((v) => +v.toFixed(4)));
    expect(l.layerId).toBe(t.layer === 'F.Cu' ? 1 : 2);
    expect(l.netName).toBe(design.nets[t.net]?.name ?? t.net);
  });
  const vias = recs.filter((r) => r.head.type === 'VIA');
  expect(vias).toHaveLength(design.routing.vias.length);
  design.routing.vias.forEach((v, i) => {
    expect(vias[i]!.body.holeDiameter * MM).toBeCloseTo(v.drill_mm, 4);
    expect(vias[i]!.body.centerX * MM).toBeCloseTo(v.at[0], 4);
  });
  const outline = recs.filter((r) => r.head.type === 'POLY' && r.body.polyType === 'BOARD_OUTLINE');
  expect(outline).toHaveLength(1);
  expect(outline[0]!.body.layerId).toBe(11);
}

async function routedLed(client: Client, sid: string): Promise<Design> {
  expect((await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: TINY, design_name: 'led' })).data.error).toBeUndefined();
  await callTool(client, 'place_components', { session_id: sid, design_name: 'led', seed: 3 });
  await callTool(client, 'route_nets', { session_id: sid, design_name: 'led' });
  return (await callTool(client, 'design_inspect', { session_id: sid, design_name: 'led' })).data.design as Design;
}

describe('kicad_to_easyeda_pro', () => {
  it('MCP: a routed design is written as a zipped project whose records carry its parts, positions, pad nets, tracks and vias; same bytes twice; no event', async () => {
    const { runtime, workspaceDir, client, sid } = await mcpSession();
    const design = await routedLed(client, sid);
    expect(design.routing.tracks.length).toBeGreaterThan(0);
    const before = (await runtime.readEvents(sid)).length;
    const r = (await callTool(client, 'kicad_to_easyeda_pro', { session_id: sid, design_name: 'led', output_path: 'out/led.epro' })).data;
    expect(r.error).toBeUndefined();
    expect(r.counts.parts).toBe(Object.keys(design.placement).length);
    expect(r.counts.tracks).toBe(design.routing.tracks.length);
    const bytes = readFileSync(join(workspaceDir, 'out/led.epro'));
    const { names, recs, index } = records(bytes);
    expect(names).toEqual(r.files.slice().sort());
    expect(Object.values(index.profile.pcbs)).toHaveLength(1);
    checkAgainst(design, recs);
    await callTool(client, 'kicad_to_easyeda_pro', { session_id: sid, design_name: 'led', output_path: 'out/led.epro' });
    expect(readFileSync(join(workspaceDir, 'out/led.epro')).equals(bytes)).toBe(true);
    // Only the interceptor's audit of the two calls: nothing about the design.
    expect((await runtime.readEvents(sid)).slice(before).map((e) => e.type)).toEqual(['ToolAuthorized', 'ToolAuthorized']);
  });

  it('MCP: a KiCad project in the workspace (our own KiCad export of the design) gives the same placement and connectivity', async () => {
    const { workspaceDir, client, sid } = await mcpSession();
    const design = await routedLed(client, sid);
    mkdirSync(join(workspaceDir, 'kp'), { recursive: true });
    for (const f of kicadArtifacts(design, services, 'board')) writeFileSync(join(workspaceDir, 'kp', f.name), f.data);
    const r = (await callTool(client, 'kicad_to_easyeda_pro', { session_id: sid, project_path: 'kp/board.kicad_pro', output_path: 'kp/board.zip' })).data;
    expect(r.error).toBeUndefined();
    expect(r.import_report.parts.imported).toBe(Object.keys(design.components).length);
    checkAgainst(design, records(readFileSync(join(workspaceDir, 'kp/board.zip'))).recs);
  });

  it('MCP: bad input is INVALID_INPUT or NOT_FOUND, leaks no path and writes nothing', async () => {
    const { workspaceDir, client, sid } = await mcpSession();
    await routedLed(client, sid);
    const err = async (args: Record<string, unknown>) => (await callTool(client, 'kicad_to_easyeda_pro', { session_id: sid, ...args })).data.error;
    expect((await err({ design_name: 'led', project_path: 'a.kicad_pcb', output_path: 'x.epro' })).code).toBe('INVALID_INPUT');
    expect((await err({ output_path: 'x.epro' })).code).toBe('INVALID_INPUT');
    expect((await err({ design_name: 'led', output_path: 'x.txt' })).code).toBe('INVALID_INPUT');
    expect((await err({ design_name: 'led', output_path: '../x.epro' })).code).toBe('INVALID_INPUT');
    const missing = await err({ project_path: 'none.kicad_pcb', output_path: 'x.epro' });
    expect(missing.code).toBe('NOT_FOUND');
    expect(JSON.stringify(missing)).not.toContain(workspaceDir);
    expect((await err({ design_name: 'nope', output_path: 'x.epro' })).code).toBe('NOT_FOUND');
    expect(['x.epro', 'x.txt'].some((f) => existsSync(join(workspaceDir, f)))).toBe(false);
  });

  it('MCP: a file a release wrote is refused (PATH_RELEASED) and kept byte for byte', async () => {
    const { runtime, workspaceDir } = await newRuntime();
    const owner = await mcpClient(runtime, localPrincipal('release-export'));
    const c = (tool: string, args: Record<string, unknown> = {}) => callTool(owner, tool, { design_name: 'led', ...args });
    await checkedAndApproved(runtime, owner, 'led', TINY, 'APR-1');
    expect((await c('export_manufacturing', { approval_id: 'APR-1', output_dir: 'bundle' })).isError).toBe(false);
    const before = readFileSync(join(workspaceDir, 'bundle/led-fab.zip'));
    const res = await c('kicad_to_easyeda_pro', { output_path: 'bundle/led-fab.zip' });
    expect(res.data.error).toMatchObject({ code: 'PATH_RELEASED', details: { path: 'output_path' } });
    expect(readFileSync(join(workspaceDir, 'bundle/led-fab.zip')).equals(before)).toBe(true);
    expect((await c('kicad_to_easyeda_pro', { output_path: 'bundle/led.epro' })).data.error).toBeUndefined();
  });

  it('REST: refused at read level, written at sandbox-write', async () => {
    const { workspaceDir, call } = await restSession('easyeda pro');
    await call('design_parse_str', 'sandbox-write', { yaml_content: TINY, design_name: 'led' }).expect(200);
    await call('place_components', 'sandbox-write', { design_name: 'led', seed: 3 }).expect(200);
    expect((await call('kicad_to_easyeda_pro', 'read', { design_name: 'led', output_path: 'led.epro' })).status).toBe(403);
    const r = (await call('kicad_to_easyeda_pro', 'sandbox-write', { design_name: 'led', output_path: 'led.epro' }).expect(200)).body.result;
    expect(r.counts.parts).toBeGreaterThan(0);
    expect(records(readFileSync(join(workspaceDir, 'led.epro'))).recs.filter((x) => x.head.type === 'COMPONENT')).toHaveLength(r.counts.parts);
  });
});
