import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRuntime } from '../../src/runtime/runtime.js';
import { createMemoryEventStore } from '../../src/runtime/store/memory-store.js';
import { createSecurityLog } from '../../src/runtime/security-log.js';
import { systemClock } from '../../src/kernel/clock.js';
import { cryptoIds } from '../../src/kernel/ids.js';
import { allTools } from '../../src/tools/index.js';
import { LEVELS } from '../../src/runtime/capability.js';
import { CORPUS } from '../helpers/harness.js';

/** Where our level differs from ZapTrace's on purpose (documented in docs/capabilities.md). */
const DOCUMENTED_DIFFERENCES: Record<string, string> = {};

describe('the tool registry', () => {
  it('gives every tool a known level', () => {
    for (const t of allTools()) expect(LEVELS).toContain(t.level);
  });

  it('refuses to start with a tool that has no known level', () => {
    const bad = { name: 'x', title: 'x', description: 'x', level: 'root' as never, session: 'none' as const, input: z.object({}), output: z.object({}), handler: () => ({ result: {} }) };
    expect(() => createRuntime({ store: createMemoryEventStore(), clock: systemClock, ids: cryptoIds, tools: [bad], services: {}, securityLog: createSecurityLog() })).toThrow(/capability level/);
  });

  it("matches ZapTrace's capability level for every tool name the two share", () => {
    const matrix = JSON.parse(readFileSync(`${CORPUS}/zaptrace/policy/tool-policy-matrix.json`, 'utf8')) as { tools: { name: string; capability: string }[] };
    const theirs = new Map(matrix.tools.map((t) => [t.name, t.capability]));
    const shared = allTools().filter((t) => theirs.has(t.name));
    expect(shared.length).toBeGreaterThan(25);
    const mismatches = shared.filter((t) => theirs.get(t.name) !== t.level && !DOCUMENTED_DIFFERENCES[t.name]).map((t) => `${t.name}: ours ${t.level}, ZapTrace ${theirs.get(t.name)}`);
    expect(mismatches).toEqual([]);
  });
});
