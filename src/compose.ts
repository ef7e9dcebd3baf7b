import { cryptoIds, type Ids } from './kernel/ids.js';
import { createReleasedFiles, guardReleasedWrites } from './runtime/released-files.js';
import { systemClock, type Clock } from './kernel/clock.js';
import { createRuntime, type Runtime } from './runtime/runtime.js';
import { createMemoryEventStore } from './runtime/store/memory-store.js';
import type { EventStore } from './runtime/store/event-store.js';
import { createSecurityLog, type SecuritySink } from './runtime/security-log.js';
import { createWorkspace } from './runtime/workspace/index.js';
import { allTools } from './tools/index.js';
import { loadLibrary } from './eda/library/index.js';
import { mapPinsToPads, resolveFootprint } from './eda/footprints/index.js';
import { synthesizeDesign } from './eda/synth/index.js';
import type { Services } from './tools/services.js';
import { compiledWorkerFile, createHeavyPool } from './runtime/heavy-pool.js';
import type { HeavyWorkerData } from './tools/heavy-worker.js';
import type { LogSigner } from './runtime/store/log-key.js';
import { startPlugins, type PluginOptions } from './tools/plugin-start.js';

export interface ComposeOptions {
  workspaceDir: string;
  /** User library directories added to the shipped library at start-up. */
  libraryDirs?: string[];
  store?: EventStore;
  clock?: Clock;
  ids?: Ids;
  securityLogFile?: string;
  /** Durable home of security records other than a file (the PostgreSQL store's table). */
  securitySink?: SecuritySink;
  /** Signs batch heads and release manifests; an in-memory key when absent. */
  logSigner?: LogSigner;
  /** Session projections kept in memory (`--max-cached-sessions`); default 1000. */
  maxCachedSessions?: number;
  /** A projection snapshot every N events of a session (`--snapshot-every`); default 1000. */
  snapshotEvery?: number;
  /** Deadline of every tool call (`--max-tool-seconds`); default 120. */
  maxToolSeconds?: number;
  /** Commands one session may have waiting (default 64). */
  queueBound?: number;
  /** Worker threads for heavy work; default: the machine's cores. */
  workerThreads?: number;
  /** Single-user development: an author may approve its own design (`--allow-self-approval`). */
  allowSelfApproval?: boolean;
  /** Plugins to admit (`--plugin`, `--plugin-trust`); none by default (docs/plugins.md). */
  plugins?: PluginOptions;
}

/** The composition root: the one place that wires ports, adapters, services and tools. */
export async function composeRuntime(options: ComposeOptions): Promise<Runtime> {
  const workspace = await createWorkspace(options.workspaceDir);
  const library = loadLibrary({ extraDirs: options.libraryDirs ?? [] });
  // One key signs log heads and release manifests: the store's own unless one is given.
  const store = options.store ?? createMemoryEventStore(options.logSigner ? { signer: options.logSigner } : {});
  // Released files are kept from lower-level writes; the set comes from the logs (runtime/released-files.ts).
  const released = createReleasedFiles(store);
  const services: Services = {
    workspace: guardReleasedWrites(workspace, released),
    releaseWriter: workspace,
    released,
    library,
    resolveFootprint,
    mapPins: mapPinsToPads,
    logSigner: options.logSigner ?? store.signer,
    approvalPolicy: { allowSelfApproval: options.allowSelfApproval === true },
    synthesize: (intent) => synthesizeDesign(intent, { library }),
  };
  const securityLog = createSecurityLog({
    now: () => (options.clock ?? systemClock).now(),
    ...(options.securityLogFile ? { file: options.securityLogFile } : {}),
    ...(options.securitySink ? { sink: options.securitySink } : {}),
  });
  // Admitted before anything serves: a refused plugin stops start-up with a security record.
  const plugins = options.plugins ? await startPlugins(options.plugins, workspace.root, securityLog) : null;
  if (plugins) services.releaseChecks = plugins.releaseChecks;
  const runtime = createRuntime<Services>({
    store,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? cryptoIds,
    tools: [...allTools(), ...(plugins?.tools ?? [])],
    services,
    heavyWork: createHeavyPool({
      workerFile: compiledWorkerFile('./tools/heavy-worker.js', import.meta.url),
      workerData: { libraryDirs: options.libraryDirs ?? [] } satisfies HeavyWorkerData,
      ...(options.workerThreads !== undefined ? { maxThreads: options.workerThreads } : {}),
    }),
    maxToolMs: (options.maxToolSeconds ?? 120) * 1000,
    ...(options.queueBound !== undefined ? { queueBound: options.queueBound } : {}),
    ...(options.maxCachedSessions !== undefined ? { maxCachedSessions: options.maxCachedSessions } : {}),
    ...(options.snapshotEvery !== undefined ? { snapshotEvery: options.snapshotEvery } : {}),
    securityLog,
  });
  if (plugins) {
    const closeRuntime = runtime.close;
    runtime.close = async () => {
      await closeRuntime();
      await plugins.close();
    };
  }
  return runtime;
}
