import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import { createMemoryEventStore } from '../../src/runtime/store/memory-store.js';
import { callTool, localPrincipal, mcpClient, tempDir } from '../helpers/harness.js';

/**
 * Pipelined commits (session-commit.ts): a command refused by the store before it was accepted (here
 * the in-memory store at its event limit, SERVER_BUSY) while an earlier command of the session is
 * still in flight must not make the runtime forget that earlier command's idempotency record: a keyed
 * retry of it must get its first outcome and append nothing (contract.md, "The log can be trusted").
 */
const SMALL = "meta: {name: demo}\nboard: {width_mm: 20, height_mm: 10, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";

const keyed = (client: Client, name: string, args: Record<string, unknown>, key: string) =>
  client.callTool({ name, arguments: args, _meta: { idempotency_key: key } }).then((r) => ({ isError: r.isError === true, data: r.structuredContent as Record<string, any> }));

describe('pipelined commits: a refusal beside a command in flight', () => {
  it('a keyed command accepted just before a refused one keeps its recorded outcome', async () => {
    // Room for the setup and exactly one more keyed component_add (the component with its audit record, and the key record).
    const probe = createMemoryEventStore();
    const probeRuntime = await composeRuntime({ workspaceDir: tempDir(), store: probe });
    const probeClient = await mcpClient(probeRuntime, localPrincipal('sandbox-write'));
    const probeSid = (await callTool(probeClient, 'session_create')).data.session_id as string;
    await callTool(probeClient, 'design_parse_str', { session_id: probeSid, yaml_content: SMALL, design_name: 'demo' });
    const setupEvents = (await probe.read(probeSid)).length;
    await probeClient.close();
    await probeRuntime.close();

    const store = createMemoryEventStore({ maxEvents: setupEvents + 2 });
    const runtime = await composeRuntime({ workspaceDir: tempDir(), store });
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const sid = (await callTool(client, 'session_create')).data.session_id as string;
    expect((await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: SMALL, design_name: 'demo' })).isError).toBe(false);
    const addA = { session_id: sid, design_name: 'demo', ref: 'RA', type_name: 'RES', value: '1k' };
    const [a, b] = await Promise.all([
      keyed(client, 'component_add', addA, 'key-a'),
      callTool(client, 'component_add', { session_id: sid, design_name: 'demo', ref: 'RB', type_name: 'RES', value: '1k' }),
    ]);
    expect(a.isError).toBe(false);
    expect(b.data.error.code).toBe('SERVER_BUSY');
    const before = (await store.read(sid)).length;
    expect(await keyed(client, 'component_add', addA, 'key-a')).toEqual(a);
    expect((await store.read(sid)).length).toBe(before);
    await client.close();
    await runtime.close();
  });
});
