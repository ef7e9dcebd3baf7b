/**
 * Names that are also members of Object.prototype, and numbers at the edge of float64: ordinary
 * strings and refused numbers (422 with the field path), never a 500 — through MCP and REST.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { callTool, httpApp, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

const TINY = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8');
const PROTOTYPE_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const dev = (cap: string) => ({ 'X-ZapTrace-Capabilities': cap });

describe('names that are Object.prototype members are ordinary names', () => {
  it('MCP: each name parses, reads, places, checks and renders as its own design; unknown ones are NOT_FOUND', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    for (const name of PROTOTYPE_NAMES) {
      expect((await callTool(client, 'design_inspect', { design_name: name })).data.error.code).toBe('NOT_FOUND');
      expect((await callTool(client, 'place_components', { design_name: name })).data.error.code).toBe('NOT_FOUND');
      const parsed = await callTool(client, 'design_parse_str', { yaml_content: TINY, design_name: name });
      expect(parsed.isError).toBe(false);
      expect(parsed.data.design_name).toBe(name);
      expect((await callTool(client, 'design_inspect', { design_name: name })).data.summary.design_name).toBe(name);
      expect((await callTool(client, 'place_components', { design_name: name, seed: 3 })).data.unplaced).toEqual([]);
      expect((await callTool(client, 'drc_run', { design_name: name })).isError).toBe(false);
      expect((await callTool(client, 'drc_get_result', { design_name: name })).data.design_name).toBe(name);
      expect((await callTool(client, 'render_report', { design_name: name })).isError).toBe(false);
    }
    expect((await callTool(client, 'design_list')).data.designs.map((d: { design_name: string }) => d.design_name).sort()).toEqual([...PROTOTYPE_NAMES].sort());
    const proto = await callTool(client, 'design_inspect', { design_name: '__proto__' });
    expect(proto.data.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'design_name' } });
  });

  it('MCP: component, pin and net names never reach an inherited member', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    await callTool(client, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
    const before = (await callTool(client, 'design_inspect', { design_name: 'led' })).data.summary.design_hash;
    const removed = await callTool(client, 'component_remove', { design_name: 'led', component_id: 'toString' });
    expect(removed.data.error).toMatchObject({ code: 'NOT_FOUND', details: { path: 'component_id' } });
    const toNet = await callTool(client, 'component_add', { design_name: 'led', ref: 'R9', type_name: 'resistor', connections: { '1': 'toString' } });
    expect(toNet.data.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'connections.1' } });
    for (const [field, args] of [
      ['ref', { ref: 'constructor' }],
      ['pins.0.name', { ref: 'R9', pins: [{ name: '__proto__' }] }],
    ] as const) {
      const res = await callTool(client, 'component_add', { design_name: 'led', type_name: 'resistor', ...args });
      expect(res.data.error?.code, field).toBe('INVALID_INPUT');
    }
    // A "__proto__" connection key is dropped on the way in or refused; it never connects or pollutes.
    const sneaky = await callTool(client, 'component_add', { design_name: 'led', ref: 'R8', type_name: 'resistor', connections: JSON.parse('{"__proto__":"GND"}') });
    expect(sneaky.isError ? sneaky.data.error.code : 'added').toMatch(/^(INVALID_INPUT|added)$/);
    const nets = (await callTool(client, 'design_list_nets', { design_name: 'led' })).data.nets as { nodes: string[] }[];
    expect(nets.flatMap((n) => n.nodes).filter((n) => n.startsWith('R8.'))).toEqual([]);
    expect(({} as Record<string, unknown>)['GND']).toBeUndefined();
    if (!sneaky.isError) await callTool(client, 'component_remove', { design_name: 'led', ref: 'R8' });
    expect((await callTool(client, 'net_add', { design_name: 'led', name: 'constructor' })).data.error.code).toBe('INVALID_INPUT');
    const wire = await callTool(client, 'net_connect', { design_name: 'led', net: 'hasOwnProperty', connect: ['R1.1'] });
    expect(wire.data.error.code).toBe('NOT_FOUND');
    // An ordinary name that is an inherited member elsewhere works as a component id.
    expect((await callTool(client, 'component_add', { design_name: 'led', ref: 'toString', type_name: 'resistor', footprint: 'R_0603' })).isError).toBe(false);
    const after = (await callTool(client, 'design_inspect', { design_name: 'led' })).data;
    expect(after.summary.design_hash).not.toBe(before);
    expect(Object.keys(after.design.components).sort()).toEqual(['d1', 'j1', 'r1', 'toString']);
  });

  it('MCP: nets and components named toString, valueOf or hasOwnProperty go through placement, routing, checks, pictures and exports', async () => {
    const { runtime } = await newRuntime({ allowSelfApproval: true });
    const client = await mcpClient(runtime, localPrincipal('release-export'));
    const c = (tool: string, args: Record<string, unknown> = {}) => callTool(client, tool, { design_name: 'led', ...args });
    await callTool(client, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
    for (const net of ['toString', 'hasOwnProperty']) expect((await c('net_add', { name: net })).isError).toBe(false);
    expect((await c('component_add', { ref: 'valueOf', type_name: 'resistor', value: '1k', footprint: 'R_0603', connections: { '1': 'toString', '2': 'hasOwnProperty' } })).isError).toBe(false);
    const nets = (await c('design_list_nets')).data.nets as { name: string; nodes: string[] }[];
    expect(nets.find((n) => n.name === 'toString')?.nodes).toEqual(['valueOf.1']);
    // Unplaced, the component is reported as such (not read from an inherited member).
    expect((await c('render_svg')).isError).toBe(false);
    expect((await c('drc_run')).isError).toBe(false);
    for (const [tool, args] of [
      ['place_components', { seed: 3 }],
      ['route_nets', { seed: 0 }],
      ['erc_validate', {}],
      ['drc_run', {}],
      ['render_svg', {}],
      ['render_report', {}],
      ['export_bom_csv', {}],
      ['design_diff', { other_design_name: 'led' }],
    ] as const) {
      const res = await c(tool, args);
      expect(res.data.error, tool).toBeUndefined();
    }
    expect((await c('design_commit', { approval_id: 'A', statement: 'odd names checked' })).isError).toBe(false);
    for (const tool of ['export_kicad', 'export_pick_and_place', 'export_gerber']) {
      const res = await c(tool, { approval_id: 'A', output_dir: tool });
      // The gate may refuse on evidence, never with a 500.
      expect(res.data.error?.code ?? 'ok', tool).not.toBe('INTERNAL_ERROR');
    }
  });

  it('REST: the same names through /tools and GET /designs/:name; no 500 anywhere', async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const sid = (await agent.post('/api/v1/sessions').set(dev('')).expect(201)).body.session_id;
    const post = (tool: string, body: Record<string, unknown>) => agent.post(`/api/v1/tools/${tool}`).set(dev('sandbox-write')).set('X-ZapTrace-Session-Id', sid).send(body);
    for (const name of [...PROTOTYPE_NAMES, '__proto__']) {
      const missing = await agent.get(`/api/v1/designs/${name}`).set('X-ZapTrace-Session-Id', sid).set(dev(''));
      expect(missing.status, name).toBe(404);
      expect((await post('design_inspect', { design_name: name })).status).toBe(name === '__proto__' ? 400 : 404);
    }
    for (const name of PROTOTYPE_NAMES) {
      expect((await post('design_parse_str', { yaml_content: TINY, design_name: name })).status).toBe(200);
      const got = await agent.get(`/api/v1/designs/${name}`).set('X-ZapTrace-Session-Id', sid).set(dev(''));
      expect(got.status).toBe(200);
      expect(got.body.summary.design_name).toBe(name);
      expect((await post('place_components', { design_name: name, seed: 3 })).status).toBe(200);
    }
  });
});

describe('prototype-polluting bodies over REST', () => {
  it('__proto__ and constructor.prototype keys anywhere in a body are refused with 400 and pollute nothing', async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const sid = (await agent.post('/api/v1/sessions').set(dev('')).expect(201)).body.session_id;
    const raw = (tool: string, body: string) => agent.post(`/api/v1/tools/${tool}`).set(dev('sandbox-write')).set('X-ZapTrace-Session-Id', sid).set('Content-Type', 'application/json').send(body);
    expect((await raw('design_parse_str', JSON.stringify({ yaml_content: TINY, design_name: 'led' }))).status).toBe(200);
    for (const [tool, body] of [
      ['design_list', '{"__proto__":{"polluted":1}}'],
      ['component_add', '{"design_name":"led","ref":"R9","type_name":"r","connections":{"__proto__":"GND"}}'],
      ['component_add', '{"design_name":"led","ref":"R8","type_name":"r","pins":[{"name":"1","__proto__":{"polluted":1}}]}'],
      ['design_transaction_preview', '{"design_name":"led","operation":"component_add","params":{"__proto__":{"polluted":1},"ref":"R7","type_name":"r"}}'],
      ['design_transaction_preview', '{"design_name":"led","operation":"board_update","params":{"constructor":{"prototype":{"polluted":1}},"width_mm":40}}'],
      ['board_update', '{"design_name":"led","width_mm":40,"constructor":{"prototype":{"polluted":1}}}'],
    ] as const) {
      const res = await raw(tool, body);
      expect(res.status, body).toBe(400);
      expect(res.body.error.code).toBe('INVALID_INPUT');
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((await agent.get('/api/v1/designs/led').set(dev('')).set('X-ZapTrace-Session-Id', sid)).body.summary.components).toBe(3);
  });
});

describe('coordinates and sizes are finite and bounded', () => {
  const hostile: [string, string, string, string][] = [
    ['a placement at 1e308 mm', 'r1: [14, 10]', 'r1: [1e308, 10]', 'placement.r1.x_mm'],
    ['a track end at -1e308 mm', 'start: [15, 10]', 'start: [-1e308, 10]', 'routing.tracks[0].start[0]'],
    ['a board 1e308 mm wide', 'width_mm: 30', 'width_mm: 1e308', 'board.width_mm'],
    ['a board 2.5 m wide', 'width_mm: 30', 'width_mm: 2500', 'board.width_mm'],
  ];

  it('MCP: parse, edits and transaction previews answer UNPROCESSABLE with the field path; the log is unchanged', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    for (const [what, from, to, path] of hostile) {
      const res = await callTool(client, 'design_parse_str', { yaml_content: TINY.replace(from, to), design_name: 'x' });
      expect(res.data.error, what).toMatchObject({ code: 'UNPROCESSABLE', details: { path } });
    }
    expect((await callTool(client, 'design_list')).data.designs).toEqual([]);
    await callTool(client, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
    for (const width of [1e308, 2000.5, -1]) {
      const res = await callTool(client, 'board_update', { design_name: 'led', width_mm: width });
      expect(res.data.error).toMatchObject({ code: 'UNPROCESSABLE', details: { path: 'width_mm' } });
    }
    const tx = await callTool(client, 'design_transaction_preview', { design_name: 'led', operation: 'board_update', params: { height_mm: 1e308 } });
    expect(tx.data.error).toMatchObject({ code: 'UNPROCESSABLE', details: { path: 'params.height_mm' } });
    const place = await callTool(client, 'place_components', { design_name: 'led', clearance_mm: 1e308 });
    expect(place.data.error).toMatchObject({ code: 'UNPROCESSABLE', details: { path: 'clearance_mm' } });
    expect((await callTool(client, 'design_inspect', { design_name: 'led' })).data.design.board.width_mm).toBe(30);
  });

  it('REST: the same numbers get 422 with the field path', async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const sid = (await agent.post('/api/v1/sessions').set(dev('')).expect(201)).body.session_id;
    const post = (tool: string, body: Record<string, unknown>) => agent.post(`/api/v1/tools/${tool}`).set(dev('sandbox-write')).set('X-ZapTrace-Session-Id', sid).send(body);
    for (const [what, from, to, path] of hostile) {
      const res = await post('design_parse_str', { yaml_content: TINY.replace(from, to), design_name: 'x' });
      expect(res.status, what).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'UNPROCESSABLE', details: { path } });
    }
    expect((await post('design_parse_str', { yaml_content: TINY, design_name: 'led' })).status).toBe(200);
    const board = await post('board_update', { design_name: 'led', height_mm: 1e308 });
    expect(board.status).toBe(422);
    expect(board.body.error.details.path).toBe('height_mm');
    // JSON has no Infinity; 1e999 parses to it and is refused the same way.
    const inf = await agent
      .post('/api/v1/tools/board_update')
      .set(dev('sandbox-write'))
      .set('X-ZapTrace-Session-Id', sid)
      .set('Content-Type', 'application/json')
      .send('{"design_name":"led","width_mm":1e999}');
    expect(inf.status).toBe(422);
    expect(inf.body.error.details.path).toBe('width_mm');
  });
});

describe('every tool and every input field', () => {
  it('prototype names, ±1e308 and odd objects in any field of any tool never give INTERNAL_ERROR (MCP)', async () => {
    const { runtime } = await newRuntime({ allowSelfApproval: true });
    const client = await mcpClient(runtime, localPrincipal('release-export'));
    const { tools } = await client.listTools();
    const fresh = async () => {
      const sid = (await callTool(client, 'session_create')).data.session_id as string;
      await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: TINY, design_name: 'led' });
      await callTool(client, 'place_components', { session_id: sid, design_name: 'led', seed: 3 });
      return sid;
    };
    let sid = await fresh();
    const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
    const internal: string[] = [];
    let calls = 0;
    for (const tool of tools) {
      if (tool.name === 'session_create') continue;
      const props = (tool.inputSchema as { properties?: Record<string, { type?: string }> }).properties ?? {};
      for (const [field, schema] of Object.entries(props)) {
        if (field === 'session_id') continue;
        const values: unknown[] =
          schema.type === 'number' || schema.type === 'integer' ? [1e308, -1e308, 1.5, 0] : schema.type === 'array' ? [names, [{ name: 'constructor' }]] : schema.type === 'object' ? [{ constructor: 'x', toString: 'y' }] : names;
        for (const value of values) {
          const args: Record<string, unknown> = { session_id: sid, design_name: 'led', [field]: value };
          if (tool.name.startsWith('export_') && field !== 'approval_id') args['approval_id'] = 'A';
          const res = await callTool(client, tool.name, args);
          calls += 1;
          if (res.isError && res.data.error.code === 'INTERNAL_ERROR') internal.push(`${tool.name}.${field}=${JSON.stringify(value)}`);
        }
      }
      if (calls > 60) {
        sid = await fresh(); // edits accumulate; start each tool group from a clean, placed design
        calls = 0;
      }
    }
    expect(internal).toEqual([]);
  }, 120_000);
});
