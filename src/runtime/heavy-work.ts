import type { MessagePort } from 'node:worker_threads';

/**
 * The heavy-work port (architecture.md "Ports and adapters": heavy work runs in a worker pool
 * behind a port; deadlines and cancellation are the pool's job, not each tool's). A task is named
 * work over plain data — a snapshot of the design, never live session state — so the same pure
 * `eda/` functions run in a worker thread and the main thread keeps answering other callers.
 */
export type ProgressSink = (progress: number, total: number | undefined, message: string) => void;

export interface HeavyRunOptions {
  /** The caller went away (MCP notifications/cancelled, closed REST request): stop the work. */
  signal?: AbortSignal | undefined;
  /** Milliseconds the work may take from now; past it the work is stopped with DEADLINE_EXCEEDED. */
  deadlineMs: number;
  /** Progress reported by the task while it runs in the worker. */
  onProgress?: ProgressSink | undefined;
  /** Who asked (the principal id): threads are shared fairly between owners. */
  owner?: string | undefined;
}

export interface HeavyWorkStats {
  threads: number;
  maxThreads: number;
  /** Tasks accepted and not yet settled (running or waiting for a thread). */
  running: number;
  /** Tasks waiting for a thread (runtime/fair-slots.ts). */
  queued: number;
  completed: number;
}

export interface HeavyWork {
  /**
   * Runs `task` on `args` off the event loop. Rejects with a ZapTraceError: CANCELLED when `signal`
   * aborts, DEADLINE_EXCEEDED past the deadline (the worker is stopped in both cases), SERVER_BUSY
   * when the pool's queue is full, or the task's own error (INVALID_INPUT, NOT_FOUND …).
   */
  run<T>(task: string, args: unknown, options: HeavyRunOptions): Promise<T>;
  /** True when a worker answers a trivial task within `timeoutMs` (readiness probe). */
  ready(timeoutMs: number): Promise<boolean>;
  stats(): HeavyWorkStats;
  /** Stops every running and queued task with SERVER_BUSY (shutdown past its grace period). */
  cancelAll(): void;
  /** Stops taking work, lets running tasks finish, then ends the threads. */
  close(): Promise<void>;
}

/** What a worker sends back: an outcome, never a thrown Error (its class would not survive the thread boundary). */
export type HeavyOutcome = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details: Record<string, unknown> } };

/** What the pool hands a worker. */
export interface HeavyTaskMessage {
  task: string;
  args: unknown;
  /** Progress channel back to the main thread (a transferred MessagePort). */
  progress?: MessagePort | undefined;
}

/** The trivial task a readiness probe runs. */
export const PING_TASK = 'ping';
