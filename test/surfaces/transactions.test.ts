import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/runtime/projections/session-state.js';
import { callTool, localPrincipal, mcpClient, newRuntime, readJsonResource } from '../helpers/harness.js';
import { REVIEWER_ID, reviewerClient } from '../helpers/review.js';

const TINY = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8');

describe('transactions through MCP: preview / validate / commit / rollback', () => {
  it('previews on a candidate, leaves the design alone, validates and commits with an approval', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('approved-commit'));
    await callTool(client, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
    const before = (await callTool(client, 'design_inspect', { design_name: 'led' })).data.summary.design_hash;
    const preview = await callTool(client, 'design_transaction_preview', {
      design_name: 'led',
      operation: 'component_add',
      params: { ref: 'R9', type_name: 'RES', value: '1k', footprint: '0402', connections: { P1: 'GND' } },
      reason: 'extra pull-down',
    });
    expect(preview.isError).toBe(false);
    expect(preview.data.parent_hash).toBe(before);
    expect(preview.data.candidate_hash).not.toBe(before);
    expect(preview.data.diff.components.added.map((c: { ref: string }) => c.ref)).toEqual(['R9']);
    expect((await callTool(client, 'design_inspect', { design_name: 'led' })).data.summary.design_hash).toBe(before);

    const validated = await callTool(client, 'design_transaction_validate', { tx_id: preview.data.tx_id });
    expect(typeof validated.data.erc_passed).toBe('boolean');
    const noApproval = await callTool(client, 'design_transaction_commit', { tx_id: preview.data.tx_id, approval_id: '  ', statement: 'ok' });
    expect(noApproval.data.error.code).toBe('INVALID_INPUT');
    // Committing a transaction approves its candidate: its author (who previewed it) may not; a reviewer may.
    const self = await callTool(client, 'design_transaction_commit', { tx_id: preview.data.tx_id, approval_id: 'APR-TX', statement: 'mine, looks right' });
    expect(self.data.error.code).toBe('SELF_APPROVAL');
    const sid0 = (await callTool(client, 'session_list')).data.sessions[0].session_id;
    expect((await callTool(client, 'session_add_reviewer', { principal: REVIEWER_ID })).data.reviewers).toEqual([REVIEWER_ID]);
    const reviewer = await reviewerClient(runtime);
    const commit = await callTool(reviewer, 'design_transaction_commit', { session_id: sid0, tx_id: preview.data.tx_id, approval_id: 'APR-TX', statement: 'R9 pull-down checked against the diff' });
    expect(commit.data.design_hash).toBe(preview.data.candidate_hash);
    const after = (await callTool(client, 'design_inspect', { design_name: 'led' })).data;
    expect(after.summary.design_hash).toBe(preview.data.candidate_hash);
    expect(after.design.components.R9.ref).toBe('R9');
    const list = (await callTool(client, 'design_transaction_list')).data.transactions;
    expect(list[0]).toMatchObject({ status: 'committed', validation: { candidate_hash: preview.data.candidate_hash } });
    const sid = (await callTool(client, 'session_list')).data.sessions[0].session_id;
    const events = await runtime.readEvents(sid);
    expect(replay(events)).toEqual(await runtime.state(sid));
  });

  it('refuses a stale-parent commit and a commit without the grant, audits both, changes nothing', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('approved-commit'));
    await callTool(client, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
    const preview = await callTool(client, 'design_transaction_preview', { design_name: 'led', operation: 'board_update', params: { width_mm: 60 } });
    await callTool(client, 'board_update', { design_name: 'led', height_mm: 33 });
    const moved = (await callTool(client, 'design_inspect', { design_name: 'led' })).data.summary.design_hash;
    const stale = await callTool(client, 'design_transaction_commit', { tx_id: preview.data.tx_id, approval_id: 'APR', statement: 'checked' });
    expect(stale.data.error.code).toBe('STALE_STATE');
    expect((await callTool(client, 'design_inspect', { design_name: 'led' })).data.summary.design_hash).toBe(moved);

    const sid = (await callTool(client, 'session_list')).data.sessions[0].session_id;
    const low = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const preview2 = await callTool(client, 'design_transaction_preview', { design_name: 'led', operation: 'board_update', params: { width_mm: 61 } });
    const denied = await callTool(low, 'design_transaction_commit', { session_id: sid, tx_id: preview2.data.tx_id, approval_id: 'APR', statement: 'checked' });
    expect(denied.data.error.code).toBe('OPERATION_NOT_AUTHORIZED');
    const rolled = await callTool(low, 'design_transaction_rollback', { session_id: sid, tx_id: preview2.data.tx_id });
    expect(rolled.data.status).toBe('rolled_back');
    expect((await callTool(client, 'design_transaction_commit', { tx_id: preview2.data.tx_id, approval_id: 'APR', statement: 'checked' })).data.error.code).toBe('INVALID_INPUT');
    const audit = await readJsonResource(client, 'zaptrace://audit/events');
    const commits = audit.events.filter((e: { tool: string }) => e.tool === 'design_transaction_commit').map((e: { decision: string; outcome: string }) => `${e.decision}:${e.outcome}`);
    expect(commits).toEqual(['allow:STALE_STATE', 'deny:OPERATION_NOT_AUTHORIZED', 'allow:INVALID_INPUT']);
  });
});

describe('pipeline_run through MCP', () => {
  it('runs parse → ERC → place → route → DRC on a new candidate, every stage an event, with progress, writing no file', async () => {
    const { runtime, workspaceDir } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('preview-write'));
    const progress: number[] = [];
    const res = await client.callTool({ name: 'pipeline_run', arguments: { design_name: 'cand', source: TINY, seed: 3 } }, undefined, {
      onprogress: (p) => {
        progress.push(p.progress);
      },
    });
    const out = res.structuredContent as Record<string, any>;
    expect(res.isError).not.toBe(true);
    expect(out.stages.map((s: { stage: string }) => s.stage)).toEqual(['source', 'erc', 'place', 'route', 'drc', 'erc-final']);
    expect(out.ok).toBe(true);
    expect(progress.length).toBeGreaterThanOrEqual(5);
    const sid = (await callTool(client, 'session_list')).data.sessions[0].session_id;
    const types = (await runtime.readEvents(sid)).map((e) => e.type);
    expect(types.slice(-6)).toEqual(['DesignParsed', 'ValidationRecorded', 'ComponentsPlaced', 'NetsRouted', 'ValidationRecorded', 'ValidationRecorded']);
    const state = await runtime.state(sid);
    expect(state.evidence['cand']!.drc!.evaluated_hash).toBe(state.designs['cand']!.hash);
    expect(readdirSync(workspaceDir)).toEqual([]);

    const refused = await callTool(client, 'pipeline_run', { design_name: 'cand2', source: TINY, output_dir: 'out' });
    expect(refused.data.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'output_dir' } });
    const audit = await readJsonResource(client, 'zaptrace://audit/events');
    expect(audit.events.at(-1)).toMatchObject({ tool: 'pipeline_run', outcome: 'INVALID_INPUT' });
    expect(readdirSync(workspaceDir)).toEqual([]);
  });
});

describe('net edits through MCP', () => {
  it('adds nets, connects and disconnects pins, refuses shorts and unknown pins, and previews a net edit as a transaction', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    await callTool(client, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
    const nets = (await callTool(client, 'design_list_nets', { design_name: 'led' })).data.nets as { name: string; nodes: string[] }[];
    const [first] = nets;
    const pin = first!.nodes[0]!;
    expect((await callTool(client, 'net_add', { design_name: 'led', name: 'SPARE', type: 'signal' })).isError).toBe(false);
    expect((await callTool(client, 'net_add', { design_name: 'led', name: 'SPARE' })).data.error.code).toBe('INVALID_INPUT');
    const short = await callTool(client, 'net_connect', { design_name: 'led', net: 'SPARE', connect: [pin] });
    expect(short.data.error.message).toMatch(/short/);
    const unknown = await callTool(client, 'net_connect', { design_name: 'led', net: 'SPARE', connect: ['NOPE9.1'] });
    expect(unknown.data.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'connect.0' } });
    const preview = await callTool(client, 'design_transaction_preview', { design_name: 'led', operation: 'net_connect', params: { net: first!.name, disconnect: [pin] } });
    expect(preview.data.diff.nets.changed[0].nodes_removed).toEqual([pin]);
    await callTool(client, 'net_connect', { design_name: 'led', net: first!.name, disconnect: [pin] });
    const moved = await callTool(client, 'net_connect', { design_name: 'led', net: 'SPARE', connect: [pin] });
    expect(moved.isError).toBe(false);
    const after = (await callTool(client, 'design_list_nets', { design_name: 'led' })).data.nets as { name: string; nodes: string[] }[];
    expect(after.find((n) => n.name === 'SPARE')!.nodes).toEqual([pin]);
    expect(after.find((n) => n.name === first!.name)!.nodes).not.toContain(pin);
  });
});
