#!/usr/bin/env node
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { composeRuntime } from './compose.js';
import { createFileEventStore } from './runtime/store/file-store.js';
import { createMemoryEventStore } from './runtime/store/memory-store.js';
import { loadOrCreateLogSigner } from './runtime/store/log-key.js';
import { buildProgram } from './surfaces/cli/program.js';
import { scrubMessage } from './kernel/errors.js';

const program = buildProgram({
  compose: (workspaceDir, libraryDirs, storeDir, logKeyFile, options = {}) => {
    const allowSelfApproval = options.allowSelfApproval === true;
    const memory = options.memory;
    const limits = {
      ...(options.maxToolSeconds !== undefined ? { maxToolSeconds: options.maxToolSeconds } : {}),
      ...(options.queueBound !== undefined ? { queueBound: options.queueBound } : {}),
      ...(memory ? { maxCachedSessions: memory.maxCachedSessions, snapshotEvery: memory.snapshotEvery } : {}),
    };
    if (!storeDir) {
      const signer = logKeyFile ? loadOrCreateLogSigner(logKeyFile) : undefined;
      const store = createMemoryEventStore({ ...(signer ? { signer } : {}), ...(memory ? { maxEvents: memory.maxMemoryEvents } : {}) });
      return composeRuntime({ workspaceDir, libraryDirs, allowSelfApproval, ...limits, store });
    }
    const store = createFileEventStore(storeDir, { ...(logKeyFile ? { logKeyFile } : {}), log: (entry) => process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`) });
    process.once('exit', () => store.close());
    return composeRuntime({ workspaceDir, libraryDirs, allowSelfApproval, ...limits, store, securityLogFile: join(storeDir, 'security.jsonl') });
  },
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
    return;
  }
  process.stderr.write(`zaptrace: ${scrubMessage(err instanceof Error ? err.message : String(err))}\n`);
  process.exitCode = 2;
});
