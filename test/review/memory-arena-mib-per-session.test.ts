/**
 * Defect: memory-only mode reserves a whole 1 MiB off-heap chunk for every session, however few lines
 * it holds (src/runtime/store/line-arena.ts: one LineArena per session in log-store.ts keepInMemory,
 * first push allocates Buffer.allocUnsafe(max(1 MiB, bytes))). A session of one SessionCreated line
 * (~300 bytes) costs 1 MiB of accounted external memory; the `--max-memory-events` cap (2,000,000
 * events) therefore no longer bounds memory (2 M one-event sessions = 2 TB reserved), and every new
 * session adds 1 MiB of external-memory pressure to V8's GC heuristics.
 * Found by: creating sessions through runtime.createSession and reading process.memoryUsage();
 * a LineArena-only loop (tsx) slowed from 0.17 ms to ~2 ms per new session by 120,000 sessions.
 * Breaks: contract.md "Always answering" ("Queues, sessions, memory ... are bounded") and
 * docs/log-integrity.md "Bounded memory" ("one byte per ASCII character is what a line costs").
 */
import { describe, expect, it } from 'vitest';
import { localPrincipal, newRuntime } from '../helpers/harness.js';

describe('memory-only store: a small session costs about its lines, not a 1 MiB chunk', () => {
  it('64 one-event sessions add far less than 64 MiB of array-buffer memory', async () => {
    const { runtime } = await newRuntime();
    const principal = localPrincipal('sandbox-write');
    // Warm up whatever the runtime allocates once.
    await runtime.createSession(principal, { surface: 'rest', actor: 'warm', requestId: 'warm' });
    const before = process.memoryUsage().arrayBuffers;
    for (let i = 0; i < 64; i++) await runtime.createSession(principal, { surface: 'rest', actor: 'a', requestId: `r${i}` });
    const grown = process.memoryUsage().arrayBuffers - before;
    // 64 lines of a few hundred bytes each: even a generous 64 KiB per session is 4 MiB.
    expect(grown).toBeLessThan(4 * 2 ** 20);
  });
});
