import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESP32_YAML, callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';

type Check = { id: string; passed: boolean; recorded: boolean };
const typesOf = async (runtime: { readEvents(s: string): Promise<{ type: string }[]> }, sid: string) => (await runtime.readEvents(sid)).map((e) => e.type);

function writeBoard(workspaceDir: string): string {
  mkdirSync(join(workspaceDir, 'boards'), { recursive: true });
  writeFileSync(join(workspaceDir, 'boards', 'esp.yaml'), ESP32_YAML());
  return 'boards/esp.yaml';
}

describe('proofs: named checks on a design, ERC/DRC recorded against its hash', () => {
  it('MCP: proof_list_checks lists the checks, and for a workspace file which apply (DRC only once placed)', async () => {
    const { client, sid, workspaceDir } = await mcpSession('read');
    const path = writeBoard(workspaceDir);
    const all = (await callTool(client, 'proof_list_checks', { session_id: sid })).data;
    expect(all.checks.map((c: { id: string; records: boolean }) => [c.id, c.records])).toEqual([['erc', true], ['drc', true], ['electrical', false], ['dc_bias', false]]);
    const file = (await callTool(client, 'proof_list_checks', { session_id: sid, path })).data;
    expect(file.design_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(file.checks.find((c: { id: string }) => c.id === 'drc')).toMatchObject({ applicable: false, reason: expect.stringContaining('not placed') });
    expect(file.checks.filter((c: { applicable: boolean }) => c.applicable).map((c: { id: string }) => c.id)).toEqual(['erc', 'electrical', 'dc_bias']);
    expect((await callTool(client, 'proof_list_checks', { session_id: sid, path: 'boards/missing.yaml' })).isError).toBe(true);
  });

  it('MCP: proof_run parses the file into a new design and records ERC with the hash that design gets', async () => {
    const { runtime, client, sid, workspaceDir } = await mcpSession();
    const path = writeBoard(workspaceDir);
    const listed = (await callTool(client, 'proof_list_checks', { session_id: sid, path })).data;
    const before = (await typesOf(runtime, sid)).length;
    const p = (await callTool(client, 'proof_run', { session_id: sid, path, design_name: 'esp' })).data;
    expect(p.design_hash).toBe(p.evaluated_hash);
    expect(p.design_hash).toBe(listed.design_hash);
    const designs = (await callTool(client, 'design_list', { session_id: sid })).data.designs as { design_name: string; design_hash: string }[];
    expect(designs).toEqual([expect.objectContaining({ design_name: 'esp', design_hash: p.design_hash })]);
    expect((p.checks as Check[]).map((c) => [c.id, c.recorded])).toEqual([['erc', true], ['electrical', false], ['dc_bias', false]]);
    const added = (await typesOf(runtime, sid)).slice(before).filter((t) => t === 'DesignParsed' || t === 'ValidationRecorded');
    expect(added).toEqual(['DesignParsed', 'ValidationRecorded']);
    const erc = (await callTool(client, 'erc_get_result', { session_id: sid, design_name: 'esp' })).data;
    expect(erc).toMatchObject({ evaluated_hash: p.design_hash, fresh: true, passed: (p.checks as Check[])[0]!.passed });
    expect((await callTool(client, 'proof_run', { session_id: sid, path, design_name: 'esp' })).data.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'design_name' } });
  });

  it('MCP: proof_run_design proves the placed design with DRC too, and refuses DRC on an unplaced one', async () => {
    const { client, sid } = await mcpSession();
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
    const refused = await callTool(client, 'proof_run_design', { session_id: sid, design_name: 'esp', checks: ['drc'] });
    expect(refused.data.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'checks', check: 'drc' } });
    const placed = await callTool(client, 'place_components', { session_id: sid, design_name: 'esp', seed: 1 });
    const p = (await callTool(client, 'proof_run_design', { session_id: sid, design_name: 'esp' })).data;
    expect(p.design_hash).toBe(placed.data.design_hash);
    expect((p.checks as Check[]).map((c) => c.id)).toEqual(['erc', 'drc', 'electrical', 'dc_bias']);
    for (const check of ['erc', 'drc']) {
      const r = (await callTool(client, `${check}_get_result`, { session_id: sid, design_name: 'esp' })).data;
      expect([check, r.evaluated_hash, r.fresh, r.passed]).toEqual([check, p.design_hash, true, (p.checks as Check[]).find((c) => c.id === check)!.passed]);
    }
    expect(p.passed).toBe((p.checks as Check[]).every((c) => c.passed));
    const only = (await callTool(client, 'proof_run_design', { session_id: sid, design_name: 'esp', checks: ['electrical'] })).data;
    expect((only.checks as Check[]).map((c) => [c.id, c.recorded])).toEqual([['electrical', false]]);
  });

  it('REST: listing is read, proving needs sandbox-write', async () => {
    const { sid, call, workspaceDir, runtime } = await restSession('proof test');
    const path = writeBoard(workspaceDir);
    expect((await call('proof_list_checks', 'read', { path })).status).toBe(200);
    expect((await call('proof_run', 'read', { path })).status).toBe(403);
    expect((await call('proof_run_design', 'preview-write', { design_name: 'x' })).status).toBe(403);
    const ok = await call('proof_run', 'sandbox-write', { path, design_name: 'esp', checks: ['erc'] });
    expect([ok.status, ok.body.result.checks.map((c: Check) => c.id)]).toEqual([200, ['erc']]);
    expect((await typesOf(runtime, sid)).filter((t) => t === 'ValidationRecorded')).toHaveLength(1);
  });
});
