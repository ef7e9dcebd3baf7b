import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeRuntime } from './compiled.js';
import type { Runtime } from '../src/runtime/runtime.js';
import type { CallContext } from '../src/runtime/principal.js';

/**
 * One-component edit cost on small and large designs, through the full interceptor in process
 * (lookup, capability, zod, handler, event append, fold, design hash). Medians of interleaved
 * rounds, so both sizes see the same machine load.
 */
const call: CallContext = { principal: { id: 'bench', authSource: 'config', grant: 'release-export' }, surface: 'cli', actor: 'bench', reason: '', requestId: 'bench' };

export function generatedDesign(n: number): string {
  const components: Record<string, unknown> = {};
  const gnd: string[] = [];
  const vcc: string[] = [];
  for (let i = 1; i <= n; i++) {
    components[`R${i}`] = { ref: `R${i}`, type: 'R', pins: { P1: {}, P2: {} } };
    // Nets over the first 2,000 parts keep a 50,000-part design under the parser's 4 MiB input cap.
    if (i <= 2000) gnd.push(`R${i}.P1`);
    if (i <= 2000) vcc.push(`R${i}.P2`);
  }
  return JSON.stringify({ meta: { name: `gen-${n}` }, board: { width_mm: 300, height_mm: 300, layers: 2 }, components, nets: { GND: { type: 'ground', nodes: gnd }, VCC: { type: 'power', nodes: vcc } } });
}

/** The parser caps design text at 2 MiB: larger designs are parsed at 20,000 parts and grown by edits. */
const PARSED_AT_MOST = 20_000;

export async function sessionWith(runtime: Runtime, n: number): Promise<string> {
  const sid = await runtime.createSession(call.principal, { surface: 'cli', actor: 'bench', requestId: 'b' });
  await runtime.invoke({ tool: 'design_parse_str', input: { yaml_content: generatedDesign(Math.min(n, PARSED_AT_MOST)), design_name: 'd', format: 'json' }, call, sessionId: sid });
  for (let i = PARSED_AT_MOST + 1; i <= n; i++) await runtime.invoke({ tool: 'component_add', input: { design_name: 'd', ref: `R${i}`, type_name: 'R' }, call, sessionId: sid });
  return sid;
}

/**
 * Mean µs of one edit: adds then removes `count` components, so the design keeps its size. The new
 * ids sort after every parsed one (`X…` after `R…`); with `spread` they sort among the parsed ids
 * (`R<k>_…`). In design-hash format 2 both cost alike; in format 1 an id among the existing ones cost a
 * large design more (a bucket was rehashed from the edited entry on, docs/design-hash.md "Incremental").
 */
async function timeEdits(runtime: Runtime, sid: string, count: number, tag: string, spread: boolean): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const ref = spread ? `R${((i >> 1) * 7919) % PARSED_AT_MOST}_${tag}` : `X${tag}_${i >> 1}`;
    const add = i % 2 === 0;
    const input = add ? { design_name: 'd', ref, type_name: 'RES', value: '1k' } : { design_name: 'd', ref };
    await runtime.invoke({ tool: add ? 'component_add' : 'component_remove', input, call, sessionId: sid });
  }
  return ((performance.now() - t0) * 1000) / count;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export async function measureEditCost(sizes: readonly number[], rounds = 7, perRound = 300, spread = false): Promise<Map<number, number>> {
  const runtime = await composeRuntime({ workspaceDir: mkdtempSync(join(tmpdir(), 'zt-bench-')), ...(process.env.SNAP ? { snapshotEvery: Number(process.env.SNAP) } : {}) });
  const sids = new Map<number, string>();
  for (const n of sizes) sids.set(n, await sessionWith(runtime, n));
  // Warm-up long enough for the optimising compiler (as the command rows): a cold small design's edit looked slower than it is, and the ratios better.
  for (const [n, sid] of sids) await timeEdits(runtime, sid, 3000, `w${n}`, spread);
  const samples = new Map<number, number[]>(sizes.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [n, sid] of sids) samples.get(n)!.push(await timeEdits(runtime, sid, perRound, `r${r}`, spread));
  }
  await runtime.close();
  return new Map(sizes.map((n) => [n, median(samples.get(n)!)]));
}

if (process.argv[1]?.endsWith('edit-cost.ts')) {
  const m = await measureEditCost((process.argv[2] ?? '5,5000,50000').split(',').map(Number));
  for (const [n, us] of m) console.log(`${n} parts: ${us.toFixed(1)} µs/edit, ratio ${(us / m.get(5)!).toFixed(2)}`);
  process.exit(0);
}
