import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { externalTool, inTempDir, runTool } from './external-tool.js';

/**
 * kicad-cli (KiCad 9) as the independent DRC oracle (docs/drc.md). Tests that need it call
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

const kicad = externalTool('kicad-cli', ['version'], 'run .ci/install-kicad.sh');

export const kicadCliAvailable = kicad.available;

/** True when tests should run; throws in CI when kicad-cli is missing. Use with describe.runIf. */
export const requireKicadOrSkip = kicad.requireOrSkip;

/** Error and unconnected counts, errors by violation type: the figures the reports tabulate. */
export function kicadFigures(result: KicadDrcResult): { errors: number; unconnected: number; types: Record<string, number> } {
  const types: Record<string, number> = {};
  for (const v of result.violations) types[v.type] = (types[v.type] ?? 0) + 1;
  return { errors: result.violations.length, unconnected: result.unconnected.length, types };
}

interface RawReport {
  violations?: KicadViolation[];
  unconnected_items?: KicadViolation[];
}

/**
 * Runs `kicad-cli pcb drc` on a board + project written into a fresh temp dir; `extraFiles` adds
 * siblings such as a `board.kicad_dru` custom-rules file.
 */
export async function runKicadDrc(boardText: string, proText: string, timeoutMs = 120_000, extraFiles: Record<string, string> = {}): Promise<KicadDrcResult> {
  return inTempDir('zaptrace-kicad-', { ...extraFiles, 'board.kicad_pcb': boardText, 'board.kicad_pro': proText }, async (dir) => {
    const args = ['pcb', 'drc', '--severity-error', '--exit-code-violations', '--format', 'json', '-o', 'out.json', 'board.kicad_pcb'];
    const res = await runTool('kicad-cli', args, dir, timeoutMs);
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
  });
}

/** Runs another kicad-cli pcb command (export pos/gerbers) on a board; returns the files it wrote. */
export async function runKicadExport(boardText: string, proText: string, args: (outDir: string) => string[], timeoutMs = 120_000): Promise<{ exitCode: number; files: Record<string, string> }> {
  return inTempDir('zaptrace-kicad-', { 'board.kicad_pcb': boardText, 'board.kicad_pro': proText }, async (dir) => {
    const res = await runTool('kicad-cli', args('out'), dir, timeoutMs);
    const files: Record<string, string> = {};
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
  });
}
