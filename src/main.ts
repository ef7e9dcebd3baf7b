#!/usr/bin/env node
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { composeRuntime } from './compose.js';
import { createFileEventStore } from './runtime/store/file-store.js';
import { buildProgram } from './surfaces/cli/program.js';
import { scrubMessage } from './kernel/errors.js';

const program = buildProgram({
  compose: (workspaceDir, libraryDirs, storeDir) => composeRuntime({ workspaceDir, libraryDirs, ...(storeDir ? { store: createFileEventStore(storeDir), securityLogFile: join(storeDir, 'security.jsonl') } : {}) }),
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
