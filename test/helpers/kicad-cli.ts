import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * kicad-cli (KiCad 9) as the independent DRC oracle (issue 4). Tests that need it call
 * `requireKicadOrSkip()`: on a developer machine without KiCad they are skipped, in CI
 * (`CI=true`, where .ci/install-kicad.sh installs KiCad 9) a missing kicad-cli is a failure.
 * Arguments are built here and passed to execFile, never through a shell.
 */

export interface KicadViolationItem {
  description: string;
  pos?: { x: number; y: number };
  uuid?: string;
}

export interface KicadViolation {
  type: string;
  severity: string;
  description: string;
  items: KicadViolationItem[];
}

export interface KicadDrcResult {
  violations: KicadViolation[];
  unconnected: KicadViolation[];
  /** 0 clean, 5 violations found, 3 the board failed to load. */
  exitCode: number;
  /** The raw JSON report (undefined when the board did not load). */
  raw?: unknown;
  stderr: string;
}

let cached: boolean | undefined;

export function kicadCliAvailable(): boolean {
  if (cached === undefined) {
    try {
      execFileSync('kicad-cli', ['version'], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
      cached = true;
    } catch {
      cached = false;
    }
  }
  return cached;
}

/** True when tests should run; throws in CI when kicad-cli is missing. Use with describe.runIf. */
export function requireKicadOrSkip(): boolean {
  const has = kicadCliAvailable();
  if (!has && process.env.CI === 'true') throw new Error('kicad-cli is required in CI (run .ci/install-kicad.sh)');
  return has;
}

function run(file: string, args: string[], cwd: string, timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, HOME: cwd } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

interface RawReport {
  violations?: KicadViolation[];
  unconnected_items?: KicadViolation[];
}

/** Runs `kicad-cli pcb drc` on a board + project written into a fresh temp dir. */
export async function runKicadDrc(boardText: string, proText: string, timeoutMs = 120_000): Promise<KicadDrcResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'zaptrace-kicad-'));
  try {
    await writeFile(path.join(dir, 'board.kicad_pcb'), boardText, 'utf8');
    await writeFile(path.join(dir, 'board.kicad_pro'), proText, 'utf8');
    const args = ['pcb', 'drc', '--severity-error', '--exit-code-violations', '--format', 'json', '-o', 'out.json', 'board.kicad_pcb'];
    const res = await run('kicad-cli', args, dir, timeoutMs);
    let raw: RawReport | undefined;
    try {
      raw = JSON.parse(await readFile(path.join(dir, 'out.json'), 'utf8')) as RawReport;
    } catch {
      raw = undefined;
    }
    const out: KicadDrcResult = {
      violations: raw?.violations ?? [],
      unconnected: raw?.unconnected_items ?? [],
      exitCode: res.code,
      stderr: res.stderr,
    };
    if (raw !== undefined) out.raw = raw;
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs another kicad-cli pcb command (export pos/gerbers) on a board; returns the files it wrote. */
export async function runKicadExport(boardText: string, proText: string, args: (outDir: string) => string[], timeoutMs = 120_000): Promise<{ exitCode: number; files: Record<string, string> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'zaptrace-kicad-'));
  try {
    await writeFile(path.join(dir, 'board.kicad_pcb'), boardText, 'utf8');
    await writeFile(path.join(dir, 'board.kicad_pro'), proText, 'utf8');
    const res = await run('kicad-cli', args('out'), dir, timeoutMs);
    const files: Record<string, string> = {};
    const { readdir } = await import('node:fs/promises');
    try {
      for (const f of await readdir(path.join(dir, 'out'))) files[f] = await readFile(path.join(dir, 'out', f), 'utf8');
    } catch {
      // single-file outputs are written at the given path instead of a directory
      try {
        files.out = await readFile(path.join(dir, 'out'), 'utf8');
      } catch {
        // nothing written
      }
    }
    return { exitCode: res.code, files };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
