import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/eda/library/index.js';
import { ESP32_YAML, callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';

/**
 * Withdrawn parts through MCP (docs/library.md, "Withdrawn parts"): the evaluation kit
 * max17222evkit is a shipped record the library never offers. library_search does not list it,
 * library_get and component_add answer NOT_FOUND with details.withdrawn and the reason, and a refused
 * component_add changes nothing.
 */
const KIT = 'max17222evkit';

describe('withdrawn parts over MCP', () => {
  it('library_search and library_list_categories leave the kit out; library_get says it is withdrawn and why', async () => {
    const { client } = await mcpSession('read');
    for (const query of ['MAX17222', 'max17222evkit', 'boost 400mA 5V']) {
      const r = await callTool(client, 'library_search', { query, max_results: 100 });
      expect(r.isError, query).toBe(false);
      expect(r.data.results.map((h: { part: { id: string } }) => h.part.id), query).not.toContain(KIT);
    }
    const got = await callTool(client, 'library_get', { id: 'MAX17222EVKIT' });
    expect(got.isError).toBe(true);
    expect(got.data.error).toMatchObject({ code: 'NOT_FOUND', details: { path: 'id', withdrawn: true, id: KIT, reason: expect.stringMatching(/not a solderable part.*evaluation kit/) } });
    expect(got.data.error.message).toMatch(/withdrawn/);
    // An id that never existed stays a plain NOT_FOUND.
    const none = await callTool(client, 'library_get', { id: 'no-such-part-xyz' });
    expect(none.data.error.code).toBe('NOT_FOUND');
    expect(none.data.error.details.withdrawn).toBeUndefined();
    // An offered part is still served.
    expect((await callTool(client, 'library_get', { id: 'ne555p' })).data.part.id).toBe('ne555p');

    const cats = await callTool(client, 'library_list_categories', {});
    const lib = loadLibrary();
    expect(cats.data.total).toBe(lib.size);
    expect(cats.data.total + lib.withdrawnParts().length).toBeGreaterThan(cats.data.total);
    const power = cats.data.categories.find((c: { category: string }) => c.category === 'power').count;
    expect(power).toBe(lib.all().filter((p) => p.category === 'power').length);
  });

  it('component_add naming the kit (part_id or type_name) is refused and the design is unchanged', async () => {
    const { client, sid } = await mcpSession('sandbox-write');
    expect((await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'node' })).isError).toBe(false);
    const before = await callTool(client, 'design_inspect', { session_id: sid, design_name: 'node' });
    const asks = [
      { ref: 'U9', type_name: 'boost', part_id: KIT, path: 'part_id' },
      { ref: 'U9', type_name: 'MAX17222EVKIT', path: 'type_name' },
    ];
    for (const { path, ...ask } of asks) {
      const r = await callTool(client, 'component_add', { session_id: sid, design_name: 'node', ...ask, connections: { VIN: 'VCC_3V3', GND: 'GND' } });
      expect(r.isError, path).toBe(true);
      expect(r.data.error, path).toMatchObject({ code: 'NOT_FOUND', details: { path, withdrawn: true, id: KIT, reason: expect.stringMatching(/evaluation kit/) } });
      expect(r.data.error.message).toMatch(/withdrawn.*library_search/);
    }
    const after = await callTool(client, 'design_inspect', { session_id: sid, design_name: 'node' });
    expect(after.data.summary.design_hash).toBe(before.data.summary.design_hash);
    expect(Object.keys(after.data.design.components)).not.toContain('U9');
    // A verified part is still added the same way.
    const ok = await callTool(client, 'component_add', { session_id: sid, design_name: 'node', ref: 'U9', type_name: 'timer', part_id: 'ne555dr', connections: { VCC: 'VCC_3V3', GND: 'GND' } });
    expect(ok.isError).toBe(false);
  });

  it('design_parse_str of a design naming the kit keeps its own pins and returns the withdrawn warning', async () => {
    const { client, sid } = await mcpSession('sandbox-write');
    const yaml = ESP32_YAML().replace('type: "BME280"', `type: "${KIT.toUpperCase()}"`).replace(/(U2:[\s\S]*?)\n +footprint: "LGA-8"/, '$1');
    expect(yaml).toContain(KIT.toUpperCase());
    const r = await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: yaml, design_name: 'kit' });
    expect([r.isError, r.data.error]).toEqual([false, undefined]);
    const warned = r.data.warnings.filter((w: { message: string }) => /withdrawn/.test(w.message));
    expect(warned).toEqual([{ path: 'components.U2', message: expect.stringMatching(/U2 names library part max17222evkit, which is withdrawn/) }]);
    const d = (await callTool(client, 'design_inspect', { session_id: sid, design_name: 'kit' })).data.design;
    expect(d.components.U2.footprint).toBeNull();
    expect(Object.keys(d.components.U2.pins)).toContain('VDD');
  });

  it('REST answers the same: library_get 404 with the withdrawn details, component_add refused with no design event', async () => {
    const { runtime, sid, call } = await restSession('withdrawn parts test');
    const got = await call('library_get', 'read', { id: KIT }).expect(404);
    expect(got.body.error).toMatchObject({ code: 'NOT_FOUND', details: { withdrawn: true, id: KIT, reason: expect.stringMatching(/evaluation kit/) } });
    await call('design_parse_str', 'preview-write', { yaml_content: ESP32_YAML(), design_name: 'node' }).expect(200);
    const n = (await runtime.readEvents(sid)).length;
    const add = await call('component_add', 'sandbox-write', { design_name: 'node', ref: 'U9', type_name: 'boost', part_id: KIT, connections: {} }).expect(404);
    expect(add.body.error.details).toMatchObject({ path: 'part_id', withdrawn: true, id: KIT });
    // Only the authorization audit follows: no design change.
    expect((await runtime.readEvents(sid)).slice(n).map((e) => e.type)).toEqual(['ToolAuthorized']);
  });
});
