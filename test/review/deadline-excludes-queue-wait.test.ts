/**
 * Defect: a call's deadline now starts when it gets its session's turn, not when it arrives. The
 * interceptor's turn became a class today (src/runtime/call-turn.ts): `takeTurn` awaits the session
 * queue first and only then constructs the Turn, whose constructor reads performance.now(); before,
 * the deadline was taken before waiting. A call that queued behind a slow command therefore gets the
 * full --max-tool-seconds again for its heavy work, on top of the time it already waited.
 * Found by: reading the diff of call-turn.ts, then this test: a command holds the session's turn for
 * at least 400 ms (its append is held back by a gated store), an erc_validate call arrives meanwhile,
 * and the deadline its offloaded task is given is still the whole 2 s.
 * Breaks: docs/heavy-work.md, "Deadlines and cancellation" ("Every call has a deadline,
 * `serve --max-tool-seconds` ... counted from the call's arrival") and contract.md "Always answering".
 */
import { describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import { steppingClock } from '../../src/kernel/clock.js';
import { ZapTraceError } from '../../src/kernel/errors.js';
import type { EventStore } from '../../src/runtime/store/event-store.js';
import { createMemoryEventStore } from '../../src/runtime/store/memory-store.js';
import { ESP32_YAML, localPrincipal, tempDir } from '../helpers/harness.js';

const MAX_TOOL_SECONDS = 2;
const HELD_MS = 400;

describe('a call queued behind another keeps the deadline counted from its arrival', () => {
  it('the heavy work of a call that waited for its turn gets less than the whole deadline', { timeout: 30_000 }, async () => {
    const inner = createMemoryEventStore();
    let gate: Promise<void> | null = null;
    // A store without appendNow (as a durable one): an append waits for `gate` before it is accepted, so the command holds its turn.
    const { appendNow: _kept, ...durableLike } = inner;
    const store: EventStore = {
      ...durableLike,
      async append(sessionId, events, expectedSeq, onAccepted) {
        if (gate) await gate;
        return inner.append(sessionId, events, expectedSeq, onAccepted);
      },
    };
    const runtime = await composeRuntime({ workspaceDir: tempDir('zt-deadline-'), clock: steppingClock(), store, maxToolSeconds: MAX_TOOL_SECONDS });
    try {
      const given: number[] = [];
      const heavy = runtime.heavyWork as unknown as { run: (task: string, args: unknown, opts: { deadlineMs: number }) => Promise<unknown> };
      heavy.run = async (_task, _args, opts) => {
        given.push(opts.deadlineMs);
        throw new ZapTraceError('DEADLINE_EXCEEDED', 'stopped by the test', {});
      };
      const principal = localPrincipal('sandbox-write');
      const sid = await runtime.createSession(principal, { surface: 'mcp', actor: 't', requestId: 'c' });
      const call = (requestId: string) => ({ principal, surface: 'mcp' as const, actor: 't', reason: '', requestId });
      await runtime.invoke({ tool: 'design_parse_str', input: { yaml_content: ESP32_YAML(), design_name: 'a' }, call: call('p'), sessionId: sid });

      let open!: () => void;
      gate = new Promise<void>((resolve) => (open = resolve));
      const slow = runtime.invoke({ tool: 'component_add', input: { design_name: 'a', ref: 'R900', type_name: 'RES', value: '1k' }, call: call('slow'), sessionId: sid });
      await new Promise((resolve) => setTimeout(resolve, 20)); // the slow command now holds the turn, its append held
      const queued = runtime.invoke({ tool: 'erc_validate', input: { design_name: 'a' }, call: call('queued'), sessionId: sid }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, HELD_MS)); // the queued call has waited at least this long
      gate = null;
      open();
      await slow;
      await queued;

      expect(given).toHaveLength(1);
      // Counted from arrival, at least HELD_MS of the deadline is gone before the work starts.
      expect(given[0]!).toBeLessThanOrEqual(MAX_TOOL_SECONDS * 1000 - HELD_MS);
    } finally {
      await runtime.close();
    }
  });
});
