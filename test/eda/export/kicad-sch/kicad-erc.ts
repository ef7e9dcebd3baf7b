import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inTempDir, runTool } from '../../../helpers/external-tool.js';

/**
 * kicad-cli (KiCad 9) as the independent ERC oracle for our `.kicad_sch` (docs/schematic.md), mirroring
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

const run = (args: string[], cwd: string, timeoutMs: number) => runTool('kicad-cli', args, cwd, timeoutMs);

interface RawErc {
  sheets?: { violations?: ErcViolation[] }[];
}

export async function runKicadErc(
  schText: string,
  proText: string,
  opts: { allSeverities?: boolean; netlist?: boolean; timeoutMs?: number } = {},
): Promise<KicadErcResult> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  return inTempDir('zaptrace-kicad-sch-', { 'board.kicad_sch': schText, 'board.kicad_pro': proText }, async (dir) => {
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
  });
}
