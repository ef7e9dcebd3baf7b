import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startServer } from '../helpers/cli.js';
import { routingBoardJson } from '../helpers/generated-designs.js';
import { callRest, createSession, devHeaders } from '../helpers/http-server.js';

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

/** Polls /readyz (bounded) until the worker pool reports running work. */
async function untilWorking(base: string): Promise<number> {
  let running = 0;
  for (let i = 0; i < 400 && running === 0; i++) {
    await new Promise((r) => setTimeout(r, 25));
    running = (((await (await fetch(`${base}/readyz`)).json()) as { pool?: { running: number } }).pool?.running ?? 0);
  }
  return running;
}

async function routeSession(base: string, actor: string): Promise<{ sid: string; who: Record<string, string> }> {
  const who = devHeaders(actor);
  const sid = await createSession(base, who);
  expect((await callRest(base, who, sid, 'design_parse_str', { yaml_content: routingBoardJson(150, 15), design_name: 'r' })).status).toBe(200);
  return { sid, who };
}

describe('operations: probes, rate-limit flag and graceful SIGTERM (zaptrace serve as a process)', () => {
  it('answers /healthz and /readyz without credentials or rate limit; SIGTERM lets an in-flight route finish, then exits 0', { timeout: 120_000 }, async () => {
    const server = await startServer(['--dev-capability-headers', '--grace-seconds', '30', '--rate-limit', '0.1/3']);
    const code = exited(server.child);
    try {
      for (let i = 0; i < 5; i++) {
        const live = await fetch(`${server.base}/healthz`);
        expect([live.status, await live.json()]).toEqual([200, { ok: true, status: 'live' }]);
      }
      const ready = await fetch(`${server.base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ ok: true, status: 'ready', checks: { store: 'ok', workers: 'ok', draining: false } });

      // --rate-limit 0.1/3: a fourth request in a row from one principal is refused.
      const limited = devHeaders('limited');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.base}/api/v1/sessions`, { headers: limited })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);

      const { sid, who } = await routeSession(server.base, 'router');
      const inFlight = callRest(server.base, who, sid, 'route_nets', { design_name: 'r', time_limit_ms: 3_000 });
      expect(await untilWorking(server.base)).toBe(1);
      server.stop(); // SIGTERM while the router runs
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.body.result.completion.total).toBeGreaterThan(0);
      expect(await code).toBe(0);
      expect(server.stderr()).toContain('stopped cleanly');
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it('past --grace-seconds, SIGTERM stops the work, answers it 503 SERVER_BUSY with Retry-After, and exits 0', { timeout: 120_000 }, async () => {
    const server = await startServer(['--dev-capability-headers', '--grace-seconds', '1']);
    const code = exited(server.child);
    try {
      const { sid, who } = await routeSession(server.base, 'router');
      const inFlight = callRest(server.base, who, sid, 'route_nets', { design_name: 'r', time_limit_ms: 60_000 });
      expect(await untilWorking(server.base)).toBe(1);
      server.stop();
      const answer = await inFlight;
      expect(answer.status).toBe(503);
      expect(answer.body.error!.code).toBe('SERVER_BUSY');
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await code).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});
