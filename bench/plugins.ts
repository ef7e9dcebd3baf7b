import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { composeRuntime } from '../src/compose.js';
import { parsePluginArg } from '../src/runtime/plugins/admission.js';
import { publicKeyFromPem } from '../src/runtime/plugins/manifest.js';
import type { Runtime } from '../src/runtime/runtime.js';

/**
 * What a plugin call costs (docs/plugins.md): the example fab-capability check of a routed board,
 * against DRC of the same board in the same run as the floor (both record one evidence event), and
 * start-up with admission (hashing, signature, spawning the contained process). Run directly:
 * `npx tsx bench/plugins.ts`, or `npm run bench -- plugins`.
 */
const ROOT = resolve(import.meta.dirname, '..');
const CALLS = 30;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeCalls(runtime: Runtime, call: (tool: string, input: Record<string, unknown>) => Promise<unknown>, tool: string, input: Record<string, unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    await call(tool, input);
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function benchPlugins(): Promise<Record<string, number | string>> {
  const t0 = performance.now();
  const runtime = await composeRuntime({
    workspaceDir: mkdtempSync(join(tmpdir(), 'zt-bench-')),
    plugins: { admissions: [parsePluginArg(`${join(ROOT, 'examples/plugins/fab-dfm')}=sandbox-write`)], trusted: [publicKeyFromPem(readFileSync(join(ROOT, 'examples/plugins/test-keys/TEST-ONLY-publisher.pub.pem'), 'utf8'))] },
  });
  const startMs = performance.now() - t0;
  try {
    const principal = { id: 'bench', authSource: 'stdio' as const, grant: 'sandbox-write' as const };
    const sessionId = await runtime.createSession(principal, { surface: 'cli', actor: 'bench', requestId: 'r' });
    const call = (tool: string, input: Record<string, unknown>) => runtime.invoke({ tool, input, sessionId, call: { principal, surface: 'cli', actor: 'bench', reason: '', requestId: 'r' } });
    await call('design_parse_str', { yaml_content: readFileSync(join(ROOT, 'fixtures/designs/tiny-led.yaml'), 'utf8'), design_name: 'led' });
    await call('place_components', { design_name: 'led', seed: 3 });
    await call('route_nets', { design_name: 'led' });
    const plugin = await timeCalls(runtime, call, 'plugin.fab-dfm.dfm_check', { design_name: 'led' });
    const drc = await timeCalls(runtime, call, 'drc_run', { design_name: 'led' });
    const list = await timeCalls(runtime, call, 'design_list', {});
    return {
      'start-up with one plugin admitted (ms)': Math.round(startMs),
      [`plugin.fab-dfm.dfm_check, tiny-led routed, median of ${CALLS} (ms)`]: plugin.toFixed(2),
      [`drc_run on the same board, median of ${CALLS} (ms) [floor]`]: drc.toFixed(2),
      [`design_list (interceptor only), median of ${CALLS} (ms)`]: list.toFixed(2),
      'plugin check / drc_run': (plugin / drc).toFixed(2),
    };
  } finally {
    await runtime.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [k, v] of Object.entries(await benchPlugins())) console.log(`${k.padEnd(64)} ${v}`);
}
