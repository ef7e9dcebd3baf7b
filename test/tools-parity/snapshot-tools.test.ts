import { describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import { steppingClock } from '../../src/kernel/clock.js';
import { createMemoryEventStore } from '../../src/runtime/store/memory-store.js';
import { ESP32_YAML, callTool, localPrincipal, mcpClient, tempDir } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { restSession } from '../helpers/rest-session.js';


describe('snapshots over the log (design_snapshot, design_list_snapshots, design_rollback)', () => {
  it('MCP: label, edit, roll back to the label and forward to a seq; every state stays in the log and replays', async () => {
    const { runtime, client, sid } = await mcpSession();
    const parsed = await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
    const original = parsed.data.design_hash as string;

    const snap = await callTool(client, 'design_snapshot', { session_id: sid, design_name: 'esp', label: 'as-parsed', note: 'before edits' });
    expect(snap.data).toMatchObject({ label: 'as-parsed', design_hash: original });
    expect((await callTool(client, 'design_snapshot', { session_id: sid, design_name: 'esp', label: 'as-parsed' })).data.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'label' } });

    const removed = await callTool(client, 'component_remove', { session_id: sid, design_name: 'esp', ref: 'TP1' });
    expect(removed.data.error).toBeUndefined();
    const edited = (await callTool(client, 'design_inspect', { session_id: sid, design_name: 'esp' })).data.summary;
    expect(edited.components).toBe(11);
    const editedSeq = (await runtime.state(sid)).seq;

    const listed = await callTool(client, 'design_list_snapshots', { session_id: sid, design_name: 'esp' });
    expect(listed.data.snapshots).toEqual([expect.objectContaining({ label: 'as-parsed', at_seq: snap.data.at_seq, design_hash: original, note: 'before edits', by: 'local:test' })]);

    const back = await callTool(client, 'design_rollback', { session_id: sid, design_name: 'esp', label: 'as-parsed' });
    expect(back.data).toMatchObject({ design_hash: original, components: 12, changed: true, from_seq: snap.data.at_seq });
    // Rolling back again to the same state changes nothing and appends no event.
    const before = (await runtime.readEvents(sid)).length;
    expect((await callTool(client, 'design_rollback', { session_id: sid, design_name: 'esp', label: 'as-parsed' })).data.changed).toBe(false);
    expect((await runtime.readEvents(sid)).filter((e) => e.type === 'DesignRestored')).toHaveLength(1);
    expect((await runtime.readEvents(sid)).length).toBe(before + 1); // the audit record of the call only

    // Forward again, to the edited state, by seq: history is never deleted.
    const forward = await callTool(client, 'design_rollback', { session_id: sid, design_name: 'esp', seq: editedSeq });
    expect(forward.data).toMatchObject({ design_hash: edited.design_hash, components: 11, changed: true });
    const events = await runtime.readEvents(sid);
    expect(events.map((e) => e.type).filter((t) => !t.startsWith('Tool'))).toEqual(['SessionCreated', 'DesignParsed', 'SnapshotLabeled', 'ComponentRemoved', 'DesignRestored', 'DesignRestored']);

    // A fresh runtime replaying the (serialized) log reaches the same design hash.
    const store = createMemoryEventStore();
    await store.append(sid, JSON.parse(JSON.stringify(events)), 0);
    const replayed = await composeRuntime({ workspaceDir: tempDir(), store, clock: steppingClock() });
    expect((await replayed.state(sid)).designs['esp']!.hash).toBe(edited.design_hash);
    expect((await replayed.stateAt(sid, events.find((e) => e.type === 'DesignRestored')!.seq)).designs['esp']!.hash).toBe(original);
  });

  it('MCP: refuses what cannot be restored, with nothing appended; read grant cannot roll back', async () => {
    const { runtime, client, sid } = await mcpSession();
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
    const count = async () => (await runtime.readEvents(sid)).filter((e) => !e.type.startsWith('Tool')).length;
    const n = await count();
    expect((await callTool(client, 'design_rollback', { session_id: sid, design_name: 'esp', label: 'nope' })).data.error).toMatchObject({ code: 'NOT_FOUND', details: { path: 'label' } });
    expect((await callTool(client, 'design_rollback', { session_id: sid, design_name: 'esp', seq: 1 })).data.error).toMatchObject({ code: 'NOT_FOUND', details: { path: 'seq' } });
    expect((await callTool(client, 'design_rollback', { session_id: sid, design_name: 'esp', seq: 999 })).data.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'seq' } });
    expect((await callTool(client, 'design_rollback', { session_id: sid, design_name: 'esp', seq: 2, label: 'x' })).data.error.code).toBe('INVALID_INPUT');
    expect((await callTool(client, 'design_snapshot', { session_id: sid, design_name: 'esp', label: '../etc' })).data.error.code).toBe('INVALID_INPUT');
    expect(await count()).toBe(n);
    const reader = await mcpClient(runtime, localPrincipal('read'));
    expect((await callTool(reader, 'design_rollback', { session_id: sid, design_name: 'esp', seq: 2 })).data.error.code).toMatch(/NOT_AUTHORIZED/);
  });

  it('REST: snapshot, edit, list and roll back over HTTP', async () => {
    const { call } = await restSession('snapshot test');
    const parsed = (await call('design_parse_str', 'preview-write', { yaml_content: ESP32_YAML(), design_name: 'esp' }).expect(200)).body.result;
    await call('design_snapshot', 'sandbox-write', { design_name: 'esp', label: 'v1' }).expect(200);
    await call('component_remove', 'sandbox-write', { design_name: 'esp', ref: 'TP1' }).expect(200);
    const list = (await call('design_list_snapshots', 'read', { design_name: 'esp' }).expect(200)).body.result.snapshots;
    expect(list.map((s: { label: string }) => s.label)).toEqual(['v1']);
    const back = (await call('design_rollback', 'sandbox-write', { design_name: 'esp', label: 'v1' }).expect(200)).body.result;
    expect(back.design_hash).toBe(parsed.design_hash);
    expect((await call('design_rollback', 'read', { design_name: 'esp', label: 'v1' })).status).toBe(403);
  });
});
