import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { ESP32_YAML, callTool, httpApp, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

const statusOf = (data: Record<string, unknown>) => Object.fromEntries((data['stages'] as { stage: string; status: string }[]).map((s) => [s.stage, s.status]));

describe('pipeline_status: each stage judged against the current design hash', () => {
  it('MCP: walks place → route → ERC → DRC, and an edit makes the checks stale', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const sid = (await callTool(client, 'session_create', {})).data.session_id;
    const status = async () => (await callTool(client, 'pipeline_status', { session_id: sid, design_name: 'esp' })).data;
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
    const fresh = await status();
    expect(statusOf(fresh)).toMatchObject({ place: 'pending', route: 'pending', erc: 'pending', drc: 'pending', approval: 'pending' });
    expect(fresh.next).toBe('place_components');

    await callTool(client, 'place_components', { session_id: sid, design_name: 'esp', seed: 1 });
    expect((await status()).next).toBe('route_nets');
    const routed = await callTool(client, 'route_nets', { session_id: sid, design_name: 'esp', seed: 1 });
    expect(routed.data.error).toBeUndefined();
    const afterRoute = statusOf(await status());
    expect(afterRoute['route']).toBe(routed.data.completion?.complete === false ? 'failed' : 'done');

    const erc = await callTool(client, 'erc_validate', { session_id: sid, design_name: 'esp' });
    const drc = await callTool(client, 'drc_run', { session_id: sid, design_name: 'esp' });
    const checked = statusOf(await status());
    expect(checked['erc']).toBe(erc.data.passed ? 'done' : 'failed');
    expect(checked['drc']).toBe(drc.data.passed ? 'done' : 'failed');

    await callTool(client, 'component_remove', { session_id: sid, design_name: 'esp', ref: 'TP2' });
    const edited = statusOf(await status());
    expect(edited).toMatchObject({ erc: 'stale', drc: 'stale', approval: 'pending' });
  }, 120_000);

  it('REST: read level, nothing appended; unknown design is 404', async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const dev = (cap: string) => ({ 'X-ZapTrace-Capabilities': cap, 'X-ZapTrace-Actor': 'test-agent', 'X-ZapTrace-Reason': 'status test' });
    const sid = (await agent.post('/api/v1/sessions').set(dev('')).expect(201)).body.session_id as string;
    await agent.post('/api/v1/tools/design_parse_str').set(dev('preview-write')).set('X-ZapTrace-Session-Id', sid).send({ yaml_content: ESP32_YAML(), design_name: 'esp' }).expect(200);
    const n = (await runtime.readEvents(sid)).length;
    const res = await agent.post('/api/v1/tools/pipeline_status').set(dev('read')).set('X-ZapTrace-Session-Id', sid).send({ design_name: 'esp' }).expect(200);
    expect(res.body.result.next).toBe('place_components');
    expect((await runtime.readEvents(sid)).length).toBe(n);
    expect((await agent.post('/api/v1/tools/pipeline_status').set(dev('read')).set('X-ZapTrace-Session-Id', sid).send({ design_name: 'zzz' })).status).toBe(404);
  });
});
