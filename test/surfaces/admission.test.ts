import { describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import { steppingClock } from '../../src/kernel/clock.js';
import type { EventStore } from '../../src/runtime/store/event-store.js';
import { createMemoryEventStore } from '../../src/runtime/store/memory-store.js';
import { parseRateLimit } from '../../src/surfaces/http/rate-limit.js';
import { callTool, httpApp, localPrincipal, mcpClient, newRuntime, tempDir } from '../helpers/harness.js';
import { routingBoardJson, smallBoardJson } from '../helpers/generated-designs.js';
import { callRest, createSession, devHeaders, listenLoopback } from '../helpers/http-server.js';

/** The memory store, except that appends wait while the test holds the gate (a slow disk, on demand). */
function gatedStore() {
  // A slow disk answers appends later, so the store keeps only the asynchronous append (no appendNow).
  const { appendNow: _keptAtOnce, ...inner } = createMemoryEventStore();
  let held: Promise<void> | null = null;
  let open: () => void = () => undefined;
  let waiting = 0;
  const store: EventStore = {
    ...inner,
    async append(...args: Parameters<EventStore['append']>) {
      if (held) {
        waiting += 1;
        await held;
        waiting -= 1;
      }
      return inner.append(...args);
    },
  };
  return {
    store,
    hold: () => {
      held = new Promise<void>((resolve) => (open = resolve));
    },
    release: () => {
      held = null;
      open();
    },
    waiting: () => waiting,
  };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
}

describe('bounded admission', () => {
  it('a session queues at most --queue-bound commands; the rest get 503 SERVER_BUSY with Retry-After, and the queued ones complete', { timeout: 60_000 }, async () => {
    const gate = gatedStore();
    const runtime = await composeRuntime({ workspaceDir: tempDir('zt-ws-'), clock: steppingClock(), store: gate.store, queueBound: 2 });
    const http = await listenLoopback((await httpApp(runtime, { dev: true })).app);
    try {
      const who = devHeaders('queue');
      const sid = await createSession(http.base, who);
      expect((await callRest(http.base, who, sid, 'design_parse_str', { yaml_content: smallBoardJson(), design_name: 's' })).status).toBe(200);

      gate.hold();
      const add = (ref: string) => callRest(http.base, who, sid, 'component_add', { design_name: 's', ref, type_name: 'RES', value: '1k' });
      const first = add('X0'); // takes the session's turn and waits in the store
      await until(() => gate.waiting() === 1);
      const rest = ['X1', 'X2', 'X3', 'X4', 'X5'].map((ref) => add(ref).then((r) => ({ ref, ...r })));
      // Two wait for their turn; three find the queue full. The refusals arrive while the gate is still held.
      const settled: { ref: string; status: number; headers: Headers; body: { error?: { code: string } } }[] = [];
      rest.forEach((p) => void p.then((r) => settled.push(r)));
      await until(() => settled.length === 3);
      expect(gate.waiting()).toBe(1);
      expect(settled.map((r) => [r.status, r.body.error?.code])).toEqual([
        [503, 'SERVER_BUSY'],
        [503, 'SERVER_BUSY'],
        [503, 'SERVER_BUSY'],
      ]);
      for (const r of settled) expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

      gate.release();
      expect((await first).status).toBe(200);
      const all = await Promise.all(rest);
      expect(all.filter((r) => r.status === 200)).toHaveLength(2);
      const design = (await runtime.state(sid)).designs['s']!.design;
      expect(Object.keys(design.components).filter((id) => id.startsWith('X')).length).toBe(3);
    } finally {
      await http.close();
      await runtime.close();
    }
  });

  it('rate-limits per principal with 429, Retry-After and the IETF RateLimit fields; in dev mode each X-ZapTrace-Actor is its own principal', { timeout: 60_000 }, async () => {
    const { runtime } = await newRuntime();
    const http = await listenLoopback((await httpApp(runtime, { dev: true, rateLimit: { ratePerSecond: 0.5, burst: 2 } })).app);
    try {
      const list = (headers: Record<string, string>) => fetch(`${http.base}/api/v1/sessions`, { headers });
      const alice = devHeaders('alice');
      const a1 = await list(alice);
      expect(a1.status).toBe(200);
      expect(a1.headers.get('ratelimit-policy')).toBe('"default";q=2;w=4');
      expect(a1.headers.get('ratelimit')).toMatch(/^"default";r=1;t=\d+$/);
      expect((await list(alice)).status).toBe(200);
      const a3 = await list(alice);
      expect(a3.status).toBe(429);
      expect(((await a3.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
      expect(Number(a3.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(a3.headers.get('ratelimit')).toMatch(/^"default";r=0;t=[1-9]\d*$/);

      // Another developer on the same dev server has a bucket of their own...
      expect((await list(devHeaders('bob'))).status).toBe(200);
      // ...and a caller without an actor header is dev:loopback, as before.
      const anonymous = { 'X-ZapTrace-Capabilities': 'sandbox-write', 'content-type': 'application/json' };
      const sid = await createSession(http.base, anonymous);
      const odd = await createSession(http.base, devHeaders('Mallory <script>'));
      const owners = await Promise.all([sid, odd].map(async (s) => ((await runtime.readEvents(s))[0]!.data as { owner: string }).owner));
      expect(owners).toEqual(['dev:loopback', 'dev:Mallory_script']);
    } finally {
      await http.close();
      await runtime.close();
    }
  });

  it('shares the worker threads fairly: one principal running long routes leaves a thread for another', { timeout: 120_000 }, async () => {
    const runtime = await composeRuntime({ workspaceDir: tempDir('zt-ws-'), clock: steppingClock(), workerThreads: 2 });
    try {
      const hog = await mcpClient(runtime, localPrincipal('sandbox-write', 'local:hog'));
      const other = await mcpClient(runtime, localPrincipal('sandbox-write', 'local:other'));
      const routes: Promise<unknown>[] = [];
      const settled: string[] = [];
      for (let i = 0; i < 3; i++) {
        const sid = (await callTool(hog, 'session_create')).data.session_id as string;
        await callTool(hog, 'design_parse_str', { session_id: sid, yaml_content: routingBoardJson(150, 15), design_name: 'r' });
        routes.push(callTool(hog, 'route_nets', { session_id: sid, design_name: 'r', time_limit_ms: 60_000 }).then(() => settled.push(`route${i}`)));
      }
      await until(() => runtime.heavyWork!.stats().running === 3);
      const sid = (await callTool(other, 'session_create')).data.session_id as string;
      await callTool(other, 'design_parse_str', { session_id: sid, yaml_content: smallBoardJson(), design_name: 's' });
      const drc = await callTool(other, 'drc_run', { session_id: sid, design_name: 's' });
      // The other principal's check ran to the end while all three long routes were still pending.
      expect(drc.isError).toBe(false);
      expect(settled).toEqual([]);
      runtime.heavyWork!.cancelAll();
      await Promise.all(routes);
      await Promise.all([hog.close(), other.close()]);
    } finally {
      await runtime.close();
    }
  });

  it('parses --rate-limit RATE[/BURST]', () => {
    expect(parseRateLimit('100/400')).toEqual({ ratePerSecond: 100, burst: 400 });
    expect(parseRateLimit('20')).toEqual({ ratePerSecond: 20, burst: 80 });
    expect(parseRateLimit('0.5/2')).toEqual({ ratePerSecond: 0.5, burst: 2 });
    for (const bad of ['', '0', '-1/5', '10/0', 'ten', '10/2.5', '10/5/5']) expect(parseRateLimit(bad)).toBeNull();
  });
});
