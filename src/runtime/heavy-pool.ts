import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ZapTraceError, type ErrorCode, ERROR_STATUS } from '../kernel/errors.js';
import { PING_TASK, type HeavyOutcome, type HeavyRunOptions, type HeavyTaskMessage, type HeavyWork } from './heavy-work.js';
import { createFairSlots } from './fair-slots.js';

export interface HeavyPoolOptions {
  /** Absolute path of the compiled worker entry (a .js file: worker threads do not load TypeScript). */
  workerFile: string;
  /** Passed to every worker (e.g. the user library directories the worker loads at start). */
  workerData?: unknown;
  /** Threads at most; default: the machine's cores (os.availableParallelism). */
  maxThreads?: number;
  /** Tasks waiting for a thread at most; more are refused with SERVER_BUSY. */
  maxQueue?: number;
  /** Heap of one worker (MiB); a task that needs more ends its thread, not the server (default 2048). */
  workerHeapMb?: number;
  /** Threads one principal may use at once; default all but one (so others always find one soon). */
  perOwnerThreads?: number;
  /** Heavy calls one principal may have waiting for a thread; more are SERVER_BUSY (default 16). */
  perOwnerWaiting?: number;
}

/** Why the combined signal fired: the caller's abort or our own deadline timer. */
type StopReason = 'cancelled' | 'deadline' | 'shutdown';

/**
 * The pool adapter over piscina. Aborting a task that already runs makes piscina terminate its
 * worker thread (and start a fresh one), so a cancelled or overdue router really stops computing
 * instead of finishing in the background.
 */
export function createHeavyPool(options: HeavyPoolOptions): HeavyWork {
  const maxThreads = Math.max(1, options.maxThreads ?? availableParallelism());
  const pool = new Piscina<HeavyTaskMessage, HeavyOutcome>({
    filename: options.workerFile,
    workerData: options.workerData,
    // Threads start on demand and leave after 30 s idle: an idle runtime (or each of a test suite's
    // many runtimes) holds no thread; a design snapshot is never kept between tasks.
    minThreads: 0,
    maxThreads,
    maxQueue: options.maxQueue ?? 256,
    idleTimeout: 30_000,
    // Workers run at a lower CPU priority (Linux nice is per thread; piscina applies it with
    // @napi-rs/nice): when every core is busy, the event loop still gets the CPU to answer requests.
    niceIncrement: 10,
    // With a heap limit, V8 running out of memory ends only that worker (ERR_WORKER_OUT_OF_MEMORY).
    resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? 2048 },
  });
  let closing = false;
  const slots = createFairSlots({
    slots: maxThreads,
    perOwnerRunning: Math.max(1, options.perOwnerThreads ?? maxThreads - 1),
    perOwnerWaiting: options.perOwnerWaiting ?? 16,
  });
  /** Running and queued tasks, so a shutdown past its grace period can stop them. */
  const inFlight = new Set<() => void>();

  async function run<T>(task: string, args: unknown, opts: HeavyRunOptions): Promise<T> {
    if (closing) throw new ZapTraceError('SERVER_BUSY', 'the server is shutting down; retry on another instance', { retry_after_seconds: 5 });
    if (opts.signal?.aborted) throw cancelledError();
    if (opts.deadlineMs <= 0) throw deadlineError(0);
    const stop = new AbortController();
    let reason: StopReason | null = null;
    const onCallerAbort = () => {
      reason ??= 'cancelled';
      stop.abort();
    };
    opts.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = setTimeout(() => {
      reason ??= 'deadline';
      stop.abort();
    }, opts.deadlineMs);
    const onShutdown = () => {
      reason ??= 'shutdown';
      stop.abort();
    };
    inFlight.add(onShutdown);
    const channel = opts.onProgress ? new MessageChannel() : null;
    if (channel && opts.onProgress) {
      const sink = opts.onProgress;
      channel.port1.on('message', (m: { progress: number; total?: number; message: string }) => {
        if (reason === null) sink(m.progress, m.total, m.message);
      });
    }
    try {
      const release = await slots.acquire(opts.owner ?? '', stop.signal);
      let outcome: HeavyOutcome;
      try {
        outcome = await pool.run(
          { task, args, ...(channel ? { progress: channel.port2 } : {}) },
          { signal: stop.signal, ...(channel ? { transferList: [channel.port2] } : {}) },
        );
      } finally {
        release();
      }
      if (reason !== null) throw stoppedError(reason, opts.deadlineMs);
      if (!outcome.ok) throw fromWorker(outcome.error);
      return outcome.value as T;
    } catch (err) {
      if (reason !== null) throw stoppedError(reason, opts.deadlineMs);
      if (err instanceof ZapTraceError) throw err;
      if ((err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new ZapTraceError('UNPROCESSABLE', 'this design needs more memory than one worker may use; split it or simplify the request', {});
      }
      if (err instanceof Error && /queue is at limit|all Workers are busy/i.test(err.message)) {
        throw new ZapTraceError('SERVER_BUSY', 'too much heavy work is queued; retry later', { retry_after_seconds: 2 });
      }
      throw err;
    } finally {
      clearTimeout(timer);
      inFlight.delete(onShutdown);
      opts.signal?.removeEventListener('abort', onCallerAbort);
      channel?.port1.close();
    }
  }

  return {
    run,
    async ready(timeoutMs) {
      try {
        return (await run<string>(PING_TASK, null, { deadlineMs: timeoutMs })) === 'pong';
      } catch {
        return false;
      }
    },
    cancelAll() {
      for (const stopTask of [...inFlight]) stopTask();
    },
    stats: () => ({ threads: pool.threads.length, maxThreads, running: inFlight.size, queued: slots.waiting(), completed: pool.completed }),
    async close() {
      closing = true;
      await pool.close();
    },
  };
}

/**
 * The compiled worker entry for a module beside the caller. Worker threads load JavaScript only, so
 * when the caller itself runs from TypeScript sources (vitest, tsx) the entry is taken from the build
 * output (`src/...` → `dist/...`, which `npm test` and `npm run bench` build first).
 */
export function compiledWorkerFile(relativeJs: string, callerUrl: string): string {
  const beside = fileURLToPath(new URL(relativeJs, callerUrl));
  if (!callerUrl.endsWith('.ts') && existsSync(beside)) return beside;
  const built = beside.replace(/([\\/])src([\\/])(?!.*[\\/]src[\\/])/, '$1dist$2');
  if (!existsSync(built)) throw new Error(`the worker entry ${relativeJs} is not built: run npm run build`);
  const sources = fileURLToPath(new URL('.', callerUrl)).replace(/([\\/])src([\\/])(?!.*[\\/]src[\\/]).*$/, '$1src$2');
  if (newestMtimeMs(sources) > statSync(built).mtimeMs) {
    // Running from sources with an older build: workers would run yesterday's EDA code. Say so loudly.
    process.emitWarning(`${built} is older than the TypeScript sources: heavy work runs the last build (run npm run build)`, 'StaleWorkerBuild');
  }
  return built;
}

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtimeMs(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stoppedError(reason: StopReason, deadlineMs: number): ZapTraceError {
  if (reason === 'deadline') return deadlineError(deadlineMs);
  if (reason === 'shutdown') return new ZapTraceError('SERVER_BUSY', 'the server is shutting down and stopped this work; nothing was changed — retry', { retry_after_seconds: 5 });
  return cancelledError();
}

function cancelledError(): ZapTraceError {
  return new ZapTraceError('CANCELLED', 'the caller cancelled the call; the work was stopped and nothing was changed', {});
}

function deadlineError(deadlineMs: number): ZapTraceError {
  return new ZapTraceError('DEADLINE_EXCEEDED', `the work did not finish within its ${Math.round(deadlineMs / 100) / 10} s deadline; it was stopped and nothing was changed`, {
    deadline_ms: deadlineMs,
  });
}

/** Rebuilds the worker's structured error; unknown codes become INTERNAL_ERROR (no worker text leaks). */
function fromWorker(error: { code: string; message: string; details: Record<string, unknown> }): Error {
  if (error.code in ERROR_STATUS && error.code !== 'INTERNAL_ERROR') return new ZapTraceError(error.code as ErrorCode, error.message, error.details);
  // A plain Error: the envelope shows only "internal error", the server log keeps the worker's text.
  return new Error(`heavy task failed in its worker: ${error.message}`);
}
