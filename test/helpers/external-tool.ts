import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Independent tools used as oracles (kicad-cli, gerbv, rsvg-convert). A test that needs one calls
 * `requireOrSkip()` with describe.runIf: skipped on a developer machine without the tool, a failure
 * in CI (`CI=true`, where .ci/install-kicad.sh installs them). Arguments are built by the tests and
 * passed to execFile, never through a shell; every run has a timeout and its own HOME.
 */
export function externalTool(command: string, versionArgs: string[], ciHint: string) {
  let cached: boolean | undefined;
  const available = (): boolean => {
    if (cached === undefined) {
      try {
        execFileSync(command, versionArgs, { stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
        cached = true;
      } catch {
        cached = false;
      }
    }
    return cached;
  };
  const requireOrSkip = (): boolean => {
    const has = available();
    if (!has && process.env['CI'] === 'true') throw new Error(`${command} is required in CI (${ciHint})`);
    return has;
  };
  return { available, requireOrSkip };
}

export function runTool(file: string, args: string[], cwd: string, timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, HOME: cwd } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Writes `files` into a fresh temp directory, runs `work` there, and removes the directory. */
export async function inTempDir<T>(prefix: string, files: Record<string, string>, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text, 'utf8');
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
