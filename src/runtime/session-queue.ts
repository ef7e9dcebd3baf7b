import { ZapTraceError } from '../kernel/errors.js';

/** Gives the session back to the next queued command; calling it twice is harmless. */
export type Release = () => void;

export interface SessionQueueOptions {
  /** Commands one session may have waiting (the running one not counted); more are refused with SERVER_BUSY. */
  bound: number;
  /** Seconds a refused caller is told to wait (Retry-After). */
  retryAfterSeconds?: number;
}

export interface SessionQueue {
  /**
   * Waits for the session's turn. Refused with SERVER_BUSY when `bound` commands already wait
   * (unless `force`: a command taking its turn back after off-thread work is never refused). A wait
   * is not cancellable: a turn on the event loop is short, and a caller's cancellation stops the one
   * part of a call that is long, its off-thread work (call-turn.ts).
   */
  acquire(sessionId: string, options?: { force?: boolean }): Promise<Release>;
  /** The session's turn at once when nobody holds it; null otherwise, and nothing is queued. */
  tryAcquire(sessionId: string): Release | null;
  /** Runs `work` holding the session's turn (the classic per-session lock). */
  run<T>(sessionId: string, work: () => Promise<T>): Promise<T>;
  /** Commands waiting for this session right now. */
  waiting(sessionId: string): number;
}

interface Waiter {
  grant: () => void;
}

interface Lane {
  busy: boolean;
  waiters: Waiter[];
}

/**
 * One FIFO lane per session: commands of one session run one at a time in arrival order, so the
 * optimistic append only fails (STALE_STATE) when another process or an off-thread result raced it.
 * The lane is bounded (contract.md "Always answering": queues are bounded and every refusal says
 * when to retry), and a lane is forgotten when idle so idle sessions cost nothing here.
 */
export function createSessionQueue(options: SessionQueueOptions): SessionQueue {
  const lanes = new Map<string, Lane>();
  const retryAfter = options.retryAfterSeconds ?? 1;

  function releaseFor(sessionId: string, lane: Lane): Release {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = lane.waiters.shift();
      if (next) next.grant();
      else {
        lane.busy = false;
        if (lanes.get(sessionId) === lane) lanes.delete(sessionId);
      }
    };
  }

  function acquire(sessionId: string, opts: { force?: boolean } = {}): Promise<Release> {
    const held = tryAcquire(sessionId);
    if (held) return Promise.resolve(held);
    const lane = lanes.get(sessionId)!;
    if (!opts.force && lane.waiters.length >= options.bound) {
      return Promise.reject(
        new ZapTraceError('SERVER_BUSY', `this session already has ${options.bound} commands waiting; retry later`, { queue_bound: options.bound, retry_after_seconds: retryAfter }),
      );
    }
    return new Promise<Release>((resolve) => lane.waiters.push({ grant: () => resolve(releaseFor(sessionId, lane)) }));
  }

  function tryAcquire(sessionId: string): Release | null {
    let lane = lanes.get(sessionId);
    if (lane?.busy) return null;
    if (!lane) {
      lane = { busy: false, waiters: [] };
      lanes.set(sessionId, lane);
    }
    lane.busy = true;
    return releaseFor(sessionId, lane);
  }

  return {
    acquire,
    tryAcquire,
    async run(sessionId, work) {
      const release = await acquire(sessionId);
      try {
        return await work();
      } finally {
        release();
      }
    },
    waiting: (sessionId) => lanes.get(sessionId)?.waiters.length ?? 0,
  };
}
