import { workerData } from 'node:worker_threads';
import { isZapTraceError } from '../kernel/errors.js';
import { loadLibrary } from '../eda/library/index.js';
import { mapPinsToPads, resolveFootprint } from '../eda/footprints/index.js';
import { synthesizeDesign } from '../eda/synth/index.js';
import type { HeavyOutcome, HeavyTaskMessage } from '../runtime/heavy-work.js';
import { heavyTasks, type HeavyEnv } from './heavy-tasks.js';

/**
 * The worker-thread entry the pool (runtime/heavy-pool.ts) loads, compiled to dist/tools/heavy-worker.js.
 * It builds the pure EDA services once per thread (the shipped library plus the user directories the
 * server was started with) and answers each task with an outcome object rather than a thrown error,
 * so the error code survives the thread boundary.
 */
export interface HeavyWorkerData {
  libraryDirs: string[];
}

type Base = Omit<HeavyEnv, 'progress'>;
let base: Base | null = null;

function servicesOnce(): Base {
  if (base) return base;
  const data = (workerData ?? { libraryDirs: [] }) as HeavyWorkerData;
  const library = loadLibrary({ extraDirs: data.libraryDirs });
  base = { library, resolveFootprint, mapPins: mapPinsToPads, synthesize: (intent) => synthesizeDesign(intent, { library }) };
  return base;
}

type AnyTask = (args: unknown, env: HeavyEnv) => unknown;

export default function runTask(message: HeavyTaskMessage): HeavyOutcome {
  const port = message.progress;
  try {
    const task = (heavyTasks as unknown as Record<string, AnyTask | undefined>)[message.task];
    if (!task) return { ok: false, error: { code: 'NOT_FOUND', message: `no heavy task ${message.task.slice(0, 60)}`, details: {} } };
    const env: HeavyEnv = { ...servicesOnce(), progress: (progress, total, text) => port?.postMessage({ progress, ...(total !== undefined ? { total } : {}), message: text }) };
    return { ok: true, value: task(message.args, env) };
  } catch (err) {
    if (isZapTraceError(err)) return { ok: false, error: { code: err.code, message: err.message, details: err.details } };
    return { ok: false, error: { code: 'INTERNAL_ERROR', message: err instanceof Error ? err.message.slice(0, 500) : 'worker failure', details: {} } };
  } finally {
    port?.close();
  }
}
