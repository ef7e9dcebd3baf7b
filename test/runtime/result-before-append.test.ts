import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRuntime } from '../../src/runtime/runtime.js';
import { createMemoryEventStore } from '../../src/runtime/store/memory-store.js';
import { createFileEventStore } from '../../src/runtime/store/file-store.js';
import { createSecurityLog } from '../../src/runtime/security-log.js';
import { systemClock } from '../../src/kernel/clock.js';
import { cryptoIds } from '../../src/kernel/ids.js';
import { sessionTool } from '../../src/tools/define.js';
import type { EventStore } from '../../src/runtime/store/event-store.js';
import type { CallContext } from '../../src/runtime/principal.js';
import { tempDir } from '../helpers/harness.js';

/**
 * A call's result derived from the state after its events (a handler's `after`) is computed before
 * those events are appended: if it throws, the call fails as a handler failure does (a ToolAuthorized
 * event with the error code, contract.md "Audit evidence") and none of its events is kept. Otherwise
 * a caller could be told a call failed while its events stood in the log.
 */
const call: CallContext = { principal: { id: 'local:owner', authSource: 'config', grant: 'sandbox-write' }, surface: 'cli', actor: 'test', reason: '', requestId: 'r1' };

const noteTool = sessionTool({
  name: 'note_add',
  title: 'Note',
  description: 'Appends a review note; its answer reads the note back from the state.',
  level: 'sandbox-write',
  input: { text: z.string().max(100) },
  output: z.object({ seq: z.number() }),
  handler(input) {
    return {
      events: [{ type: 'SnapshotLabeled', data: { design_name: 'none', label: input.text, at_seq: 0, design_hash: '', note: '' } }],
      after: (s: { seq: number }) => {
        if (input.text === 'explode') throw new Error('result function failed');
        return { seq: s.seq };
      },
    };
  },
});

async function runtimeOn(store: EventStore) {
  // The tool reads no services.
  const runtime = createRuntime({ store, clock: systemClock, ids: cryptoIds, tools: [noteTool], services: {} as never, securityLog: createSecurityLog() });
  const sid = await runtime.createSession(call.principal, { surface: 'cli', actor: 'test', requestId: 'c' });
  return { runtime, sid };
}

describe.each([
  ['memory', () => createMemoryEventStore()],
  ['file', () => createFileEventStore(tempDir('zt-after-'))],
] as const)('a result function that throws (%s store)', (_name, makeStore) => {
  it('fails the call, keeps none of its events, and audits the failure', async () => {
    const store = makeStore();
    const { runtime, sid } = await runtimeOn(store);
    const ok = (await runtime.invoke({ tool: 'note_add', input: { session_id: sid, text: 'first' }, call, sessionId: sid })) as { seq: number };
    expect(ok.seq).toBe(2);
    await expect(runtime.invoke({ tool: 'note_add', input: { session_id: sid, text: 'explode' }, call, sessionId: sid })).rejects.toThrow(/result function failed/);
    const events = await runtime.readEvents(sid);
    expect(events.map((e) => e.type)).toEqual(['SessionCreated', 'SnapshotLabeled', 'ToolAuthorized']);
    expect(events[2]!.data).toMatchObject({ tool: 'note_add', decision: 'allow', outcome: 'INTERNAL_ERROR' });
    // The session goes on: the next call builds on the log as it is.
    const after = (await runtime.invoke({ tool: 'note_add', input: { session_id: sid, text: 'again' }, call, sessionId: sid })) as { seq: number };
    expect(after.seq).toBe(4);
    expect((await runtime.state(sid)).seq).toBe(4);
    await runtime.close();
  });

  it('with an idempotency key: fails the call, keeps none of its events and no recorded outcome, and audits the failure', async () => {
    const store = makeStore();
    const { runtime, sid } = await runtimeOn(store);
    const keyed = { ...call, idempotencyKey: 'k1' };
    await expect(runtime.invoke({ tool: 'note_add', input: { session_id: sid, text: 'explode' }, call: keyed, sessionId: sid })).rejects.toThrow(/result function failed/);
    const events = await runtime.readEvents(sid);
    expect(events.map((e) => e.type)).toEqual(['SessionCreated', 'ToolAuthorized']);
    expect(events[1]!.data).toMatchObject({ tool: 'note_add', decision: 'allow', outcome: 'INTERNAL_ERROR' });
    // The session goes on: the next keyed call builds on the log as it is.
    const retried = (await runtime.invoke({ tool: 'note_add', input: { session_id: sid, text: 'fine' }, call: { ...call, idempotencyKey: 'k2' }, sessionId: sid })) as { seq: number };
    expect(retried.seq).toBe(3);
    await runtime.close();
  });
});
