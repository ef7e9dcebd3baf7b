import { describe, expect, it } from 'vitest';
import { ESP32_YAML, callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';

const statusOf = (data: Record<string, unknown>) => Object.fromEntries((data['stages'] as { stage: string; status: string }[]).map((s) => [s.stage, s.status]));

describe('pipeline_status: each stage judged against the current design hash', () => {
  it('MCP: walks place → route → ERC → DRC, and an edit makes the checks stale', async () => {
    const { client, sid } = await mcpSession();
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
    const { runtime, sid, call } = await restSession('status test');
    await call('design_parse_str', 'preview-write', { yaml_content: ESP32_YAML(), design_name: 'esp' }).expect(200);
    const n = (await runtime.readEvents(sid)).length;
    const res = await call('pipeline_status', 'read', { design_name: 'esp' }).expect(200);
    expect(res.body.result.next).toBe('place_components');
    expect((await runtime.readEvents(sid)).length).toBe(n);
    expect((await call('pipeline_status', 'read', { design_name: 'zzz' })).status).toBe(404);
  });
});
