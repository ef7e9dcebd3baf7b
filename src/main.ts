#!/usr/bin/env node
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { composeRuntime } from './compose.js';
import { createFileEventStore } from './runtime/store/file-store.js';
import { createMemoryEventStore } from './runtime/store/memory-store.js';
import { loadOrCreateLogSigner } from './runtime/store/log-key.js';
import { buildProgram } from './surfaces/cli/program.js';
import { scrubMessage } from './kernel/errors.js';
import pg from 'pg';
import { createPostgresEventStore } from './runtime/store/postgres-store.js';
import { migrate } from './runtime/store/postgres-schema.js';

const isPostgresUrl = (store: string) => /^postgres(ql)?:\/\//.test(store);

const program = buildProgram({
  compose: async (workspaceDir, libraryDirs, storeDir, logKeyFile, options = {}) => {
    const allowSelfApproval = options.allowSelfApproval === true;
    const memory = options.memory;
    const limits = {
      ...(options.maxToolSeconds !== undefined ? { maxToolSeconds: options.maxToolSeconds } : {}),
      ...(options.queueBound !== undefined ? { queueBound: options.queueBound } : {}),
      ...(memory ? { maxCachedSessions: memory.maxCachedSessions, snapshotEvery: memory.snapshotEvery } : {}),
      ...(options.plugins ? { plugins: options.plugins } : {}),
    };
    if (!storeDir) {
      const signer = logKeyFile ? loadOrCreateLogSigner(logKeyFile) : undefined;
      const store = createMemoryEventStore({ ...(signer ? { signer } : {}), ...(memory ? { maxEvents: memory.maxMemoryEvents } : {}) });
      return composeRuntime({ workspaceDir, libraryDirs, allowSelfApproval, ...limits, store });
    }
    const log = (entry: Record<string, unknown>) => process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
    if (isPostgresUrl(storeDir)) {
      const signer = logKeyFile ? loadOrCreateLogSigner(logKeyFile) : undefined;
      const store = await createPostgresEventStore({ url: storeDir, log, ...(signer ? { signer } : {}) });
      return composeRuntime({ workspaceDir, libraryDirs, allowSelfApproval, ...limits, store, securitySink: store.securitySink() });
    }
    const store = createFileEventStore(storeDir, { ...(logKeyFile ? { logKeyFile } : {}), log });
    process.once('exit', () => store.close());
    return composeRuntime({ workspaceDir, libraryDirs, allowSelfApproval, ...limits, store, securityLogFile: join(storeDir, 'security.jsonl') });
  },
  migrate: async (url) => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      return await migrate(pool);
    } finally {
      await pool.end();
    }
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
