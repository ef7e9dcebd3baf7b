import { describe, expect, it } from 'vitest';
import { headProblem } from '../../src/runtime/store/signed-head.js';
import { composeRuntime } from '../../src/compose.js';
import { localPrincipal, mcpClient, newRuntime, tempDir } from '../helpers/harness.js';

const SMALL = "meta: {name: demo}\nboard: {width_mm: 20, height_mm: 10, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";

describe('MCP: idempotency keys in _meta and the signed head in every result', () => {
  it('a retried tool call with the same _meta.idempotency_key appends nothing and answers the same; another body is refused', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const created = await client.callTool({ name: 'session_create', arguments: {} });
    const sid = (created.structuredContent as { session_id: string }).session_id;
    // The in-memory store signs heads in rounds a millisecond apart (docs/log-integrity.md), so a
    // result's witness is the latest signed head: after a round it covers the session_create before.
    expect(created._meta?.['zaptrace/log-head'] ?? null).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const parsed = await client.callTool({ name: 'design_parse_str', arguments: { session_id: sid, yaml_content: SMALL, design_name: 'demo' } });
    const witness = parsed._meta?.['zaptrace/log-head'] as { seq: number } | undefined;
    expect(witness?.seq).toBe(1);
    expect(headProblem(witness, runtime.store.publicKeyPem)).toBeNull();

    const add = { name: 'component_add', arguments: { session_id: sid, design_name: 'demo', ref: 'R2', type_name: 'RES', value: '1k' }, _meta: { idempotency_key: 'add-r2' } };
    const first = await client.callTool(add);
    const seqAfterFirst = (await runtime.readEvents(sid)).length;
    const again = await client.callTool(add);
    expect(again.isError).not.toBe(true);
    expect(again.structuredContent).toEqual(first.structuredContent);
    expect((await runtime.readEvents(sid)).length).toBe(seqAfterFirst);
    expect((await runtime.readEvents(sid)).filter((e) => e.type === 'IdempotencyRecorded')).toHaveLength(1);

    const other = await client.callTool({ ...add, arguments: { ...add.arguments, ref: 'R3' } });
    expect(other.isError).toBe(true);
    expect((other.structuredContent as { error: { code: string } }).error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // A failed keyed call answers the same failure again without a second audit event.
    const bad = { name: 'component_remove', arguments: { session_id: sid, design_name: 'demo', ref: 'NOPE' }, _meta: { idempotency_key: 'rm-nope' } };
    const firstFail = await client.callTool(bad);
    const n = (await runtime.readEvents(sid)).length;
    const secondFail = await client.callTool(bad);
    expect(secondFail.structuredContent).toMatchObject({ ok: false, error: { code: (firstFail.structuredContent as { error: { code: string } }).error.code } });
    expect((await runtime.readEvents(sid)).length).toBe(n);

    const badKey = await client.callTool({ ...add, _meta: { idempotency_key: 'has space' } });
    expect((badKey.structuredContent as { error: { code: string; details: { path: string } } }).error).toMatchObject({ code: 'INVALID_INPUT', details: { path: '_meta.idempotency_key' } });
  });

  it('a key expires after 24 hours: the same call then runs again', async () => {
    let now = Date.parse('2026-01-01T00:00:00.000Z');
    const clock = { now: () => new Date(now) };
    const runtime = await composeRuntime({ workspaceDir: tempDir(), clock });
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const sid = ((await client.callTool({ name: 'session_create', arguments: {} })).structuredContent as { session_id: string }).session_id;
    await client.callTool({ name: 'design_parse_str', arguments: { session_id: sid, yaml_content: SMALL, design_name: 'demo' } });
    const board = { name: 'board_update', arguments: { session_id: sid, design_name: 'demo', width_mm: 30 }, _meta: { idempotency_key: 'widen' } };
    await client.callTool(board);
    const afterFirst = (await runtime.readEvents(sid)).length;
    now += 23 * 3600_000;
    await client.callTool(board);
    expect((await runtime.readEvents(sid)).length).toBe(afterFirst);
    now += 2 * 3600_000;
    const late = await client.callTool(board);
    expect(late.isError).not.toBe(true);
    expect((await runtime.readEvents(sid)).length).toBeGreaterThan(afterFirst);
  });
});
