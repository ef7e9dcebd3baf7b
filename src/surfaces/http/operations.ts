import type { Context, Next } from 'koa';
import type { Runtime } from '../../runtime/runtime.js';

/** How long a readiness probe waits for the store and for a worker before calling them down. */
const PROBE_TIMEOUT_MS = 2_000;

export interface Operations {
  /** GET /healthz and /readyz, answered before authentication and rate limiting; counts in-flight requests. */
  middleware(ctx: Context, next: Next): Promise<void>;
  /** Requests being handled right now (long-lived event streams excluded once their handler returned). */
  inFlight(): number;
  /** Resolves when no request is in flight. */
  idle(): Promise<void>;
  /** From now on /readyz answers 503: a load balancer stops sending work here. */
  startDraining(): void;
}

/**
 * Liveness and readiness for orchestrators (the Kubernetes probe convention: /healthz says the
 * process runs, /readyz says it can take work). Ready means the event store answers, the worker
 * pool answers a trivial task (or every thread is busy with work), and the server is not shutting down.
 */
export function createOperations(runtime: Runtime): Operations {
  let draining = false;
  let active = 0;
  let waiters: (() => void)[] = [];

  /** Every thread busy with work is up, not down: a probe task would only queue behind it. */
  async function workerState(): Promise<'ok' | 'busy' | 'not answering'> {
    const heavy = runtime.heavyWork;
    if (!heavy) return 'not answering';
    const stats = heavy.stats();
    if (stats.threads > 0 && stats.running >= stats.maxThreads) return 'busy';
    return (await heavy.ready(PROBE_TIMEOUT_MS)) ? 'ok' : 'not answering';
  }

  async function readiness() {
    const [store, workers] = await Promise.all([withTimeout(runtime.store.sessions().then(() => true), PROBE_TIMEOUT_MS), workerState()]);
    return { store: store ? 'ok' : 'unreachable', workers, draining };
  }

  return {
    async middleware(ctx, next) {
      if (ctx.method === 'GET' && ctx.path === '/healthz') {
        ctx.body = { ok: true, status: 'live' };
        return;
      }
      if (ctx.method === 'GET' && ctx.path === '/readyz') {
        const checks = await readiness();
        const ready = checks.store === 'ok' && checks.workers !== 'not answering' && !draining;
        ctx.status = ready ? 200 : 503;
        if (!ready) ctx.set('Retry-After', '5');
        ctx.body = { ok: ready, status: ready ? 'ready' : 'not ready', checks, ...(runtime.heavyWork ? { pool: runtime.heavyWork.stats() } : {}) };
        return;
      }
      active += 1;
      try {
        await next();
      } finally {
        active -= 1;
        if (active === 0) {
          const done = waiters;
          waiters = [];
          for (const w of done) w();
        }
      }
    },
    inFlight: () => active,
    idle: () => (active === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    startDraining() {
      draining = true;
    },
  };
}

async function withTimeout(work: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.catch(() => false), late]);
  } finally {
    clearTimeout(timer);
  }
}
