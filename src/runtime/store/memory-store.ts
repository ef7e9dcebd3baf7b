import type { EventStore } from './event-store.js';
import { ephemeralLogSigner, type LogSigner } from './log-key.js';
import { createLogStore } from './log-store.js';

/**
 * The embedded default: per-session arrays in memory, with the same chain checks, group commit and
 * signed heads as the durable adapters (the key lives only as long as the process).
 */
export function createMemoryEventStore(options: { signer?: LogSigner; maxEvents?: number } = {}): EventStore {
  return createLogStore({ signer: options.signer ?? ephemeralLogSigner(), ...(options.maxEvents !== undefined ? { maxMemoryEvents: options.maxEvents } : {}) });
}
