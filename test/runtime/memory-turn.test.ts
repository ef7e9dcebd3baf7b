import { describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import { steppingClock } from '../../src/kernel/clock.js';
import { callTool, localPrincipal, mcpClient, tempDir } from '../helpers/harness.js';

/**
 * Memory-only mode keeps a commit's events the moment they pass the store's checks (session-commit.ts,
 * `keptAtOnce`), and the session's turn passes on right there, as it does when a durable store accepts
 * an append: a burst of one session's commands does not wait in the session's queue for commands that
 * are already done, so even a queue bound of 1 refuses none of them (docs/design-hash.md, "Command rates").
 */
const SMALL = "meta: {name: demo}\nboard: {width_mm: 20, height_mm: 10, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";
const BURST = 16;

describe('memory-only commits give the session turn on at once', () => {
  it('a burst of commands of one session over MCP all succeed with --queue-bound 1, appended in the order they arrived', async () => {
    const runtime = await composeRuntime({ workspaceDir: tempDir(), clock: steppingClock(), queueBound: 1 });
    try {
      const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
      const sid = (await callTool(client, 'session_create')).data.session_id as string;
      expect((await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: SMALL, design_name: 'demo' })).isError).toBe(false);
      const refs = Array.from({ length: BURST }, (_, i) => `X${i}`);
      const answers = await Promise.all(refs.map((ref) => callTool(client, 'component_add', { session_id: sid, design_name: 'demo', ref, type_name: 'RES', value: '1k' })));
      expect(answers.map((a) => (a.isError ? a.data.error.code : 'ok'))).toEqual(refs.map(() => 'ok'));
      const added = (await runtime.readEvents(sid)).filter((e) => e.type === 'ComponentAdded').map((e) => (e.data as { component: { ref: string } }).component.ref);
      expect(added).toEqual(refs);
      await client.close();
    } finally {
      await runtime.close();
    }
  });

  it('the same burst in process: every call answers ok, and each answer shows the design as its own command left it', async () => {
    const runtime = await composeRuntime({ workspaceDir: tempDir(), clock: steppingClock(), queueBound: 1 });
    try {
      const call = { principal: localPrincipal('sandbox-write'), surface: 'cli' as const, actor: 'test', reason: '', requestId: 'r' };
      const sid = await runtime.createSession(call.principal, { surface: 'cli', actor: 'test', requestId: 'r' });
      await runtime.invoke({ tool: 'design_parse_str', input: { yaml_content: SMALL, design_name: 'demo' }, call, sessionId: sid });
      const answers = await Promise.all(
        Array.from({ length: BURST }, (_, i) => runtime.invoke({ tool: 'component_add', input: { design_name: 'demo', ref: `X${i}`, type_name: 'RES', value: '1k' }, call, sessionId: sid })),
      );
      // R1 and the components added before and by each call.
      expect(answers.map((a) => (a as { components: number }).components)).toEqual(Array.from({ length: BURST }, (_, i) => i + 2));
    } finally {
      await runtime.close();
    }
  });
});
