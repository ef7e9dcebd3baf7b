import { cpSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import { createFileEventStore } from '../../src/runtime/store/file-store.js';
import { callTool, localPrincipal, mcpClient, tempDir } from '../helpers/harness.js';

/**
 * docs/zaptrace-parity.md (board_plan): board_plan, a tool without a session, returns the design_hash
 * its board gets from synthesize_design in a session created now (design-hash format 2). A session
 * created before format 2 keeps format 1 for good (docs/design-hash.md, "Formats"), and the two formats
 * differ for any record of more than 64 keys, so there the same board hashes otherwise; the doc says so.
 * The intent below synthesizes 67 components. test/runtime/fixtures/design-hash-format-1 holds a session
 * written by the code before format 2.
 */
const FIXTURE = resolve(process.cwd(), 'test/runtime/fixtures/design-hash-format-1');
const INTENT = 'RP2040 board with 40 LEDs and 20 push buttons and six mounting holes';

describe('board_plan design_hash and the session formats', () => {
  it('board_plan reports the hash synthesize_design gives in a session created now; a format-1 session hashes that board otherwise', async () => {
    const dir = tempDir('zt-rv-plan-');
    cpSync(FIXTURE, dir, { recursive: true });
    const legacy = readdirSync(dir).find((f) => f.endsWith('.jsonl'))!.replace(/\.jsonl$/, '');
    const store = createFileEventStore(dir);
    const runtime = await composeRuntime({ workspaceDir: tempDir('zt-ws-'), store, workerThreads: 1 });
    const owner = await mcpClient(runtime, localPrincipal('release-export', 'local:fixture-owner'));
    try {
      const fresh = (await callTool(owner, 'session_create', {})).data['session_id'] as string;
      const inFresh = await callTool(owner, 'synthesize_design', { session_id: fresh, design_name: 'b', intent: INTENT });
      const inLegacy = await callTool(owner, 'synthesize_design', { session_id: legacy, design_name: 'b', intent: INTENT });
      expect(inFresh.isError, JSON.stringify(inFresh.data)).toBe(false);
      expect(inLegacy.isError, JSON.stringify(inLegacy.data)).toBe(false);
      const inspected = await callTool(owner, 'design_inspect', { session_id: legacy, design_name: 'b' });
      expect(Object.keys(inspected.data['design']['components'] as object).length).toBeGreaterThan(64);
      // The same board hashes differently in the two sessions (format 1 against format 2).
      expect(inLegacy.data['design_hash']).not.toBe(inFresh.data['design_hash']);

      // Control: without a session board_plan answers format 2, which a session created now gives.
      const planned = await callTool(owner, 'board_plan', { intent: INTENT });
      expect(planned.isError).toBe(false);
      expect(planned.data['design_hash']).toBe(inFresh.data['design_hash']);

    } finally {
      await owner.close();
      await runtime.close();
      store.close();
    }
  }, 60_000);
});
