import { mkdtempSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeRuntime } from '../src/compose.js';
import type { CallContext } from '../src/runtime/principal.js';
import type { Runtime } from '../src/runtime/runtime.js';
import { createFileEventStore } from '../src/runtime/store/file-store.js';

/**
 * Durable writes with many sessions (docs/log-integrity.md): 100 sessions issue commands concurrently,
 * each waiting for its previous answer, in process through the whole interceptor. Every command the
 * file store answers is synced to disk. The floor is the same number of parallel write+fdatasync
 * rounds on bare files, measured in the same run.
 */
const SESSIONS = 100;
const PER_SESSION = 60;
const call: CallContext = { principal: { id: 'bench', authSource: 'config', grant: 'sandbox-write' }, surface: 'cli', actor: 'bench', reason: '', requestId: 'bench' };
const DESIGN = "meta: {name: d}\nboard: {width_mm: 40, height_mm: 30, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";

async function commandsPerSecond(runtime: Runtime): Promise<number> {
  const sids: string[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const sid = await runtime.createSession(call.principal, { surface: 'cli', actor: 'bench', requestId: 'b' });
    await runtime.invoke({ tool: 'design_parse_str', input: { yaml_content: DESIGN, design_name: 'd' }, call, sessionId: sid });
    sids.push(sid);
  }
  const t0 = performance.now();
  await Promise.all(
    sids.map(async (sid) => {
      for (let i = 0; i < PER_SESSION; i++) {
        const ref = `X${i >> 1}`;
        const add = i % 2 === 0;
        await runtime.invoke({ tool: add ? 'component_add' : 'component_remove', input: add ? { design_name: 'd', ref, type_name: 'RES', value: '1k' } : { design_name: 'd', ref }, call, sessionId: sid });
      }
    }),
  );
  return (SESSIONS * PER_SESSION) / ((performance.now() - t0) / 1000);
}

/** Parallel append + fdatasync of one line to each of 100 files, rounds per second × 100. */
async function bareSyncFloor(dir: string): Promise<number> {
  const files = await Promise.all(Array.from({ length: SESSIONS }, (_, i) => open(join(dir, `f${i}`), 'a')));
  const line = Buffer.from(`${'x'.repeat(1200)}\n`);
  const rounds = 30;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) await Promise.all(files.map(async (f) => (await f.write(line), await f.datasync())));
  const perS = (rounds * SESSIONS) / ((performance.now() - t0) / 1000);
  await Promise.all(files.map((f) => f.close()));
  return perS;
}

export async function benchStore(): Promise<Record<string, number | string>> {
  const memory = await commandsPerSecond(await composeRuntime({ workspaceDir: mkdtempSync(join(tmpdir(), 'zt-bench-')) }));
  const dir = mkdtempSync(join(tmpdir(), 'zt-bench-store-'));
  const store = createFileEventStore(dir);
  const durable = await commandsPerSecond(await composeRuntime({ workspaceDir: mkdtempSync(join(tmpdir(), 'zt-bench-')), store }));
  store.close();
  const floor = await bareSyncFloor(mkdtempSync(join(tmpdir(), 'zt-bench-floor-')));
  return {
    [`commands_per_s, ${SESSIONS} concurrent sessions, in memory`]: Math.round(memory),
    [`commands_per_s, ${SESSIONS} concurrent sessions, --store (each answer fdatasync'd)`]: Math.round(durable),
    'ratio --store / in memory': (durable / memory).toFixed(2),
    [`floor: bare write+fdatasync lines/s, ${SESSIONS} files in parallel`]: Math.round(floor),
    'ratio --store commands / bare synced lines': (durable / floor).toFixed(2),
    UV_THREADPOOL_SIZE: process.env['UV_THREADPOOL_SIZE'] ?? '4 (default)',
  };
}
