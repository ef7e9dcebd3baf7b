import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { composeRuntime } from '../src/compose.js';
import { replay } from '../src/runtime/projections/session-state.js';
import type { Runtime } from '../src/runtime/runtime.js';
import type { CallContext } from '../src/runtime/principal.js';
import { createHttpApp } from '../src/surfaces/http/app.js';

const call: CallContext = { principal: { id: 'bench', authSource: 'config', grant: 'release-export' }, surface: 'cli', actor: 'bench', reason: '', requestId: 'bench' };

function generatedDesign(n: number): string {
  const components: Record<string, unknown> = {};
  const gnd: string[] = [];
  const vcc: string[] = [];
  for (let i = 1; i <= n; i++) {
    components[`R${i}`] = { ref: `R${i}`, type: 'RES', value: '10k', footprint: '0402', pins: { P1: { type: 'passive' }, P2: { type: 'passive' } } };
    gnd.push(`R${i}.P1`);
    vcc.push(`R${i}.P2`);
  }
  return JSON.stringify({ meta: { name: `gen-${n}` }, board: { width_mm: 300, height_mm: 300, layers: 2 }, components, nets: { GND: { type: 'ground', nodes: gnd }, VCC: { type: 'power', nodes: vcc } } });
}

async function sessionWith(runtime: Runtime, n: number): Promise<string> {
  const sid = await runtime.createSession(call.principal, { surface: 'cli', actor: 'bench', requestId: 'b' });
  await runtime.invoke({ tool: 'design_parse_str', input: { yaml_content: generatedDesign(n), design_name: 'd', format: 'json' }, call, sessionId: sid });
  return sid;
}

/** Mean time of one-component edits (an add, then the matching remove, so the design keeps its size). */
async function timeEdits(runtime: Runtime, sid: string, count: number, offset: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const ref = `X${offset + (i >> 1)}`;
    const input = i % 2 === 0 ? { design_name: 'd', ref, type_name: 'RES', value: '1k' } : { design_name: 'd', ref };
    await runtime.invoke({ tool: i % 2 === 0 ? 'component_add' : 'component_remove', input, call, sessionId: sid });
  }
  return (performance.now() - t0) / count;
}

export async function benchSpine(): Promise<Record<string, number | string>> {
  const runtime = await composeRuntime({ workspaceDir: mkdtempSync(join(tmpdir(), 'zt-bench-')) });
  const out: Record<string, number | string> = {};

  // Commands per second through the whole interceptor path (lookup, ownership, capability, zod, handler, audit + event append, fold).
  const small = await sessionWith(runtime, 5);
  await timeEdits(runtime, small, 1000, 0); // warm-up
  const perSmall = await timeEdits(runtime, small, 6000, 1000);
  out['commands_per_s (component_add, 5-part design)'] = Math.round(1000 / perSmall);

  // 5 vs 5,000 component edit cost.
  const big = await sessionWith(runtime, 5000);
  const fresh = await sessionWith(runtime, 5);
  await timeEdits(runtime, big, 200, 0);
  await timeEdits(runtime, fresh, 200, 0);
  const rounds = 3;
  let a = 0;
  let b = 0;
  for (let r = 0; r < rounds; r++) {
    a += await timeEdits(runtime, fresh, 400, 10_000 + r * 1000);
    b += await timeEdits(runtime, big, 400, 10_000 + r * 1000);
  }
  out['edit_us (5 parts)'] = Number(((a / rounds) * 1000).toFixed(1));
  out['edit_us (5,000 parts)'] = Number(((b / rounds) * 1000).toFixed(1));
  out['edit cost ratio 5,000 / 5'] = Number((b / a).toFixed(2));

  // Replay speed: fold the long small session's log.
  const events = await runtime.readEvents(small);
  const t0 = performance.now();
  const reps = 5;
  for (let i = 0; i < reps; i++) replay(events);
  out['replay_events_per_s'] = Math.round((events.length * reps) / ((performance.now() - t0) / 1000));

  // REST requests per second on loopback: bounded count, fixed concurrency.
  const { app } = createHttpApp(runtime, { devCapabilityHeaders: true, rateLimit: { ratePerSecond: 1e9, burst: 1e9 } });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/api/v1/tools/design_list`;
  const headers = { 'content-type': 'application/json', 'x-zaptrace-session-id': small, 'x-zaptrace-capabilities': 'read' };
  const total = 4000;
  const concurrency = 16;
  let sent = 0;
  const t1 = performance.now();
  // The bench principal owns `small`; the dev principal does not, so create its own session for REST.
  const devSid = ((await (await fetch(`http://127.0.0.1:${port}/api/v1/sessions`, { method: 'POST' })).json()) as { session_id: string }).session_id;
  headers['x-zaptrace-session-id'] = devSid;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < total) {
        sent++;
        const res = await fetch(url, { method: 'POST', headers, body: '{}' });
        await res.arrayBuffer();
      }
    }),
  );
  out['rest_requests_per_s (design_list, 16 concurrent)'] = Math.round(total / ((performance.now() - t1) / 1000));
  server.close();
  return out;
}
