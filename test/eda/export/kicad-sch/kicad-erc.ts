import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * kicad-cli (KiCad 9) as the independent ERC oracle for our `.kicad_sch` (issue 5), mirroring
 * test/helpers/kicad-cli.ts (which runs DRC): the schematic and its `.kicad_pro` go into a fresh
 * temp dir, `kicad-cli sch erc --severity-error --exit-code-violations --format json` runs there
 * (exit 0 clean, 5 violations, 3 load failure), and optionally `kicad-cli sch export netlist`
 * gives KiCad's own view of the connectivity. Arguments go to execFile, never through a shell.
 */
export { requireKicadOrSkip } from '../../../helpers/kicad-cli.js';

export interface ErcViolation {
  type: string;
  severity: string;
  description: string;
  items: { description: string; pos?: { x: number; y: number } }[];
}

export interface KicadErcResult {
  exitCode: number;
  violations: ErcViolation[];
  /** The schematic loaded (an ERC report was written). */
  loaded: boolean;
  /** `kicad-cli sch export netlist` output (KiCad s-expression netlist) when asked for. */
  netlist?: string;
  stderr: string;
}

function run(args: string[], cwd: string, timeoutMs: number): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile('kicad-cli', args, { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, HOME: cwd } }, (err, _stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stderr: String(stderr) });
    });
  });
}

interface RawErc {
  sheets?: { violations?: ErcViolation[] }[];
}

export async function runKicadErc(
  schText: string,
  proText: string,
  opts: { allSeverities?: boolean; netlist?: boolean; timeoutMs?: number } = {},
): Promise<KicadErcResult> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const dir = await mkdtemp(path.join(tmpdir(), 'zaptrace-kicad-sch-'));
  try {
    await writeFile(path.join(dir, 'board.kicad_sch'), schText, 'utf8');
    await writeFile(path.join(dir, 'board.kicad_pro'), proText, 'utf8');
    const sev = opts.allSeverities ? [] : ['--severity-error'];
    const res = await run(['sch', 'erc', ...sev, '--exit-code-violations', '--format', 'json', '-o', 'out.json', 'board.kicad_sch'], dir, timeoutMs);
    let raw: RawErc | undefined;
    try {
      raw = JSON.parse(await readFile(path.join(dir, 'out.json'), 'utf8')) as RawErc;
    } catch {
      raw = undefined;
    }
    const out: KicadErcResult = {
      exitCode: res.code,
      violations: (raw?.sheets ?? []).flatMap((s) => s.violations ?? []),
      loaded: raw !== undefined,
      stderr: res.stderr,
    };
    if (opts.netlist && out.loaded) {
      await run(['sch', 'export', 'netlist', '--format', 'kicadsexpr', '-o', 'out.net', 'board.kicad_sch'], dir, timeoutMs);
      try {
        out.netlist = await readFile(path.join(dir, 'out.net'), 'utf8');
      } catch {
        // no netlist written
      }
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
