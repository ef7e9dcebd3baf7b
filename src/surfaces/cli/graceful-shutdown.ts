import type { Server } from 'node:http';
import type { Runtime } from '../../runtime/runtime.js';
import type { Operations } from '../http/operations.js';

export interface ShutdownParts {
  server: Server;
  operations: Operations;
  runtime: Runtime;
  mcp: { close(): Promise<void> };
}

export interface ShutdownOptions {
  /** `--grace-seconds`: how long in-flight work may take to finish before it is stopped. */
  graceMs: number;
  log(line: string): void;
  exit(code: number): void;
}

const POLL_MS = 50;
/** After stopping work, how long its callers get to receive their answers. */
const SETTLE_MS = 3_000;

/**
 * SIGTERM/SIGINT on `zaptrace serve`: stop accepting connections and report not-ready, let
 * in-flight requests and worker tasks finish within the grace period, stop what is still running
 * (its callers get SERVER_BUSY with Retry-After and their calls are audited with that outcome),
 * close MCP sessions, the worker pool and the store's writer lock, and exit 0. Appends are durable
 * when acknowledged (the file store fsyncs each batch), so there is no write buffer to flush.
 */
export function installGracefulShutdown(parts: ShutdownParts, options: ShutdownOptions): void {
  let started = false;
  const onSignal = (signal: string) => {
    if (started) return;
    started = true;
    void shutdown(parts, options, signal).then(
      () => options.exit(0),
      (err: unknown) => {
        options.log(`shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
        options.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
}

async function shutdown({ server, operations, runtime, mcp }: ShutdownParts, options: ShutdownOptions, signal: string): Promise<void> {
  const busy = () => operations.inFlight() + (runtime.heavyWork?.stats().running ?? 0);
  options.log(`${signal}: no new connections; finishing ${busy()} in-flight request(s) within ${Math.round(options.graceMs / 1000)} s`);
  operations.startDraining();
  server.close();
  server.closeIdleConnections();
  if (!(await quiet(busy, options.graceMs))) {
    options.log(`grace period over: stopping ${busy()} request(s) still running`);
    runtime.heavyWork?.cancelAll();
    await quiet(busy, SETTLE_MS);
  }
  server.closeAllConnections();
  await mcp.close();
  await runtime.close();
  const store = runtime.store as { close?: () => void };
  store.close?.();
  options.log('stopped cleanly');
}

/** Waits until nothing is in flight (seen twice in a row, so an answer being written is not cut), or the time is up. */
async function quiet(busy: () => number, withinMs: number): Promise<boolean> {
  const until = performance.now() + withinMs;
  let calm = 0;
  while (performance.now() < until) {
    calm = busy() === 0 ? calm + 1 : 0;
    if (calm >= 2) return true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return busy() === 0;
}
