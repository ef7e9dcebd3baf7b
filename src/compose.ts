import { cryptoIds, type Ids } from './kernel/ids.js';
import { systemClock, type Clock } from './kernel/clock.js';
import { createRuntime, type Runtime } from './runtime/runtime.js';
import { createMemoryEventStore } from './runtime/store/memory-store.js';
import type { EventStore } from './runtime/store/event-store.js';
import { createSecurityLog } from './runtime/security-log.js';
import { createWorkspace } from './runtime/workspace/index.js';
import { allTools } from './tools/index.js';
import { loadLibrary } from './eda/library/index.js';
import { mapPinsToPads, resolveFootprint } from './eda/footprints/index.js';
import { synthesizeDesign } from './eda/synth/index.js';
import type { Services } from './tools/services.js';
import { ephemeralLogSigner, type LogSigner } from './runtime/store/log-key.js';

export interface ComposeOptions {
  workspaceDir: string;
  /** User library directories added to the shipped library at start-up. */
  libraryDirs?: string[];
  store?: EventStore;
  clock?: Clock;
  ids?: Ids;
  securityLogFile?: string;
  /** Signs batch heads and release manifests; an in-memory key when absent. */
  logSigner?: LogSigner;
}

/** The composition root: the one place that wires ports, adapters, services and tools. */
export async function composeRuntime(options: ComposeOptions): Promise<Runtime> {
  const workspace = await createWorkspace(options.workspaceDir);
  const library = loadLibrary({ extraDirs: options.libraryDirs ?? [] });
  const services: Services = {
    workspace,
    library,
    resolveFootprint,
    mapPins: mapPinsToPads,
    logSigner: options.logSigner ?? ephemeralLogSigner(),
    synthesize: (intent) => synthesizeDesign(intent, { library }),
  };
  return createRuntime<Services>({
    store: options.store ?? createMemoryEventStore(),
    clock: options.clock ?? systemClock,
    ids: options.ids ?? cryptoIds,
    tools: allTools(),
    services,
    securityLog: createSecurityLog({ now: () => (options.clock ?? systemClock).now(), ...(options.securityLogFile ? { file: options.securityLogFile } : {}) }),
  });
}
