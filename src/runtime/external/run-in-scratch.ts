import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Runs an installed program (ngspice, kicad-cli) on input files in a fresh scratch directory that is
 * removed afterwards, never through a shell, with a bounded time and output, no inherited environment
 * beyond PATH and the scratch directory as HOME (so no user start-up file such as .spiceinit is read).
 * Paths of the scratch directory never reach a result: callers get exit code, text and output bytes.
 */
export interface ScratchRun {
  code: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  missing: boolean;
  outputs: Record<string, Uint8Array | null>;
}

export async function runInScratch(program: string, args: (dir: string) => string[], inputs: Record<string, string>, outputs: string[], timeoutMs: number): Promise<ScratchRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'zt-ext-'));
  try {
    for (const [name, text] of Object.entries(inputs)) await writeFile(path.join(dir, name), text);
    const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8' };
    const res = await new Promise<{ code: number; stdout: string; stderr: string; timedOut: boolean; missing: boolean }>((resolve) => {
      execFile(program, args(dir), { cwd: dir, env, timeout: Math.max(1, timeoutMs), maxBuffer: 8 * 1024 * 1024, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { killed?: boolean; code?: unknown }) | null;
        resolve({
          code: e ? (typeof e.code === 'number' ? e.code : -1) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
          timedOut: e?.killed === true,
          missing: e?.code === 'ENOENT',
        });
      });
    });
    const out: Record<string, Uint8Array | null> = {};
    for (const name of outputs) out[name] = await readFile(path.join(dir, name)).catch(() => null);
    return { ...res, outputs: out };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
