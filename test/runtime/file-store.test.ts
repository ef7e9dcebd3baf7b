import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import { createFileEventStore } from '../../src/runtime/store/file-store.js';
import { verifyChain } from '../../src/runtime/events/chain.js';
import { replay } from '../../src/runtime/projections/session-state.js';
import { callTool, ESP32_YAML, localPrincipal, mcpClient, tempDir } from '../helpers/harness.js';
import { startServer } from '../helpers/cli.js';

async function sessionOnDisk(dir: string) {
  const store = createFileEventStore(dir);
  const runtime = await composeRuntime({ workspaceDir: tempDir(), store });
  const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
  const sid = (await callTool(client, 'session_create')).data.session_id as string;
  await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
  await callTool(client, 'component_remove', { session_id: sid, design_name: 'esp', ref: 'TP1' });
  store.close(); // the writer lock: one store per directory
  return { runtime, sid };
}

describe('file event store', () => {
  it('keeps every acknowledged event across a restart and rebuilds the same state', async () => {
    const dir = tempDir('zt-store-');
    const { runtime, sid } = await sessionOnDisk(dir);
    const live = await runtime.state(sid);
    const reopened = createFileEventStore(dir);
    const events = await reopened.read(sid);
    expect(events.map((e) => e.type)).toContain('ComponentRemoved');
    expect(verifyChain(events).ok).toBe(true);
    expect(replay(events)).toEqual(live);
  });

  it('cuts a torn last line (crash mid-append) and keeps the chain valid', async () => {
    const dir = tempDir('zt-store-');
    const { sid } = await sessionOnDisk(dir);
    const file = join(dir, `${sid}.jsonl`);
    const intact = readFileSync(file, 'utf8');
    appendFileSync(file, '{"seq":99,"type":"Compo');
    const reopened = createFileEventStore(dir);
    expect(reopened.status().repairs.map((r) => r.session_id)).toEqual([sid]);
    expect(readFileSync(file, 'utf8')).toBe(intact);
    expect(verifyChain(await reopened.read(sid)).ok).toBe(true);
  });

  it('refuses a stale append and ignores files that are not session logs', async () => {
    const dir = tempDir('zt-store-');
    const { sid } = await sessionOnDisk(dir);
    writeFileSync(join(dir, '../../etc-passwd.jsonl'.replace(/\//g, '_')), 'junk');
    const store = createFileEventStore(dir);
    const events = await store.read(sid);
    await expect(store.append(sid, [events[0]!], 0)).rejects.toMatchObject({ code: 'STALE_STATE' });
    expect(await store.sessions()).toEqual([sid]);
  });

  it('serve --store keeps sessions across a server restart', async () => {
    const dir = tempDir('zt-store-');
    const headers = { 'content-type': 'application/json', 'x-zaptrace-capabilities': 'preview-write' };
    const first = await startServer(['--dev-capability-headers', '--store', dir, '--workspace', tempDir()]);
    const sid = ((await (await fetch(`${first.base}/api/v1/sessions`, { method: 'POST', headers })).json()) as { session_id: string }).session_id;
    const parsed = await fetch(`${first.base}/api/v1/tools/design_parse_str`, { method: 'POST', headers: { ...headers, 'x-zaptrace-session-id': sid }, body: JSON.stringify({ yaml_content: ESP32_YAML(), design_name: 'esp' }) });
    expect(parsed.status).toBe(200);
    first.stop();
    await new Promise((r) => first.child.once('exit', r));
    const second = await startServer(['--dev-capability-headers', '--store', dir, '--workspace', tempDir()]);
    const design = await fetch(`${second.base}/api/v1/designs/esp`, { headers: { 'x-zaptrace-session-id': sid } });
    expect(design.status).toBe(200);
    expect(Object.keys(((await design.json()) as { design: { components: object } }).design.components)).toHaveLength(12);
    second.stop();
  });
});
