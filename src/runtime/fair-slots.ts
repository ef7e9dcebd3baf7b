import { ZapTraceError } from '../kernel/errors.js';

export interface FairSlotsOptions {
  /** Tasks that may run at once (the pool's threads). */
  slots: number;
  /** Tasks one owner may run at once; the rest of the threads stay for other owners. */
  perOwnerRunning: number;
  /** Tasks one owner may have waiting; more are refused with SERVER_BUSY. */
  perOwnerWaiting: number;
}

export interface FairSlots {
  /**
   * Resolves with a release function when `owner` may start a task. Rejects with SERVER_BUSY when
   * the owner already has `perOwnerWaiting` tasks waiting, and with `signal.reason` if it aborts first.
   */
  acquire(owner: string, signal: AbortSignal): Promise<() => void>;
  running(): number;
  waiting(): number;
}

interface Waiter {
  owner: string;
  seq: number;
  grant: () => void;
}

/**
 * Admission to the worker threads, fair between principals (contract.md "Always answering": one
 * caller's heavy work never stalls another's). An owner never holds more than `perOwnerRunning`
 * threads, so with two or more threads a newcomer finds one free or next to free; when a thread
 * frees, the waiting owner running the fewest tasks goes next (first come among equals).
 */
export function createFairSlots(options: FairSlotsOptions): FairSlots {
  const runningBy = new Map<string, number>();
  const waiters: Waiter[] = [];
  let running = 0;
  let seq = 0;

  const runs = (owner: string) => runningBy.get(owner) ?? 0;

  function start(owner: string): () => void {
    running += 1;
    runningBy.set(owner, runs(owner) + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      running -= 1;
      const left = runs(owner) - 1;
      if (left === 0) runningBy.delete(owner);
      else runningBy.set(owner, left);
      dispatch();
    };
  }

  function dispatch(): void {
    while (running < options.slots) {
      let best: Waiter | null = null;
      for (const w of waiters) {
        if (runs(w.owner) >= options.perOwnerRunning) continue;
        if (!best || runs(w.owner) < runs(best.owner) || (runs(w.owner) === runs(best.owner) && w.seq < best.seq)) best = w;
      }
      if (!best) return;
      waiters.splice(waiters.indexOf(best), 1);
      best.grant();
    }
  }

  return {
    acquire(owner, signal) {
      if (signal.aborted) return Promise.reject(signal.reason);
      if (waiters.length === 0 && running < options.slots && runs(owner) < options.perOwnerRunning) return Promise.resolve(start(owner));
      if (waiters.filter((w) => w.owner === owner).length >= options.perOwnerWaiting) {
        return Promise.reject(new ZapTraceError('SERVER_BUSY', `you already have ${options.perOwnerWaiting} heavy calls waiting for a worker; retry later`, { retry_after_seconds: 2 }));
      }
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          owner,
          seq: seq++,
          grant: () => {
            signal.removeEventListener('abort', onAbort);
            resolve(start(owner));
          },
        };
        const onAbort = () => {
          const at = waiters.indexOf(waiter);
          if (at >= 0) waiters.splice(at, 1);
          reject(signal.reason);
          dispatch();
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiters.push(waiter);
        dispatch();
      });
    },
    running: () => running,
    waiting: () => waiters.length,
  };
}
