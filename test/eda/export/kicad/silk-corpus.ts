import { mapPinsToPads, resolveFootprint } from '../../../../src/eda/footprints/index.js';
import { loadLayoutCorpus, type LayoutCase } from '../../../../src/eda/place/layout-corpus.js';
import { exportForKicad, runLayout } from '../../../../src/eda/place/layout-run.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inTempDir, runTool } from '../../../helpers/external-tool.js';
import type { KicadViolation } from '../../../helpers/kicad-cli.js';
import { planReferenceTexts } from '../../../../src/eda/export/kicad/silk-text.js';
import { boardOutline } from '../../../../src/eda/model/design.js';

/**
 * Silkscreen figures of the exported corpus boards: every corpus design placed and routed by our
 * pipeline (seed 1), written as .kicad_pcb and checked by `kicad-cli pcb drc` at every severity
 * (silk_overlap and silk_over_copper are warnings in KiCad's defaults, so `--severity-error`
 * would not show them). Shared by silk-text.test.ts and by
 *   npx tsx test/eda/export/kicad/silk-corpus.ts [--detail]
 * which prints the counts quoted in docs/drc.md.
 */
export const SILK_TYPES = ['silk_overlap', 'silk_over_copper', 'silk_edge_clearance', 'text_height', 'text_thickness'] as const;

/** `kicad-cli pcb drc --severity-all` on a board + project in a fresh temp dir (execFile, no shell). */
export async function drcAllSeverities(board: string, project: string): Promise<{ exitCode: number; violations: KicadViolation[] }> {
  return inTempDir('zaptrace-silk-', { 'board.kicad_pcb': board, 'board.kicad_pro': project }, async (dir) => {
    const res = await runTool('kicad-cli', ['pcb', 'drc', '--severity-all', '--exit-code-violations', '--format', 'json', '-o', 'out.json', 'board.kicad_pcb'], dir, 180_000);
    let violations: KicadViolation[] = [];
    try {
      violations = (JSON.parse(await readFile(path.join(dir, 'out.json'), 'utf8')) as { violations?: KicadViolation[] }).violations ?? [];
    } catch {
      violations = [];
    }
    return { exitCode: res.code, violations };
  });
}

export interface SilkRow {
  name: string;
  counts: Record<string, number>;
  loaded: boolean;
  details: string[];
  /** References that found no clear silk spot and went to the fab layer. */
  onFab: string[];
  references: number;
}

export async function silkFigures(c: LayoutCase): Promise<SilkRow> {
  const run = runLayout(c.design, { resolve: resolveFootprint, mapPins: mapPinsToPads, seed: 1 });
  const { board, project } = exportForKicad(run);
  const k = await drcAllSeverities(board, project);
  const counts: Record<string, number> = {};
  const details: string[] = [];
  for (const v of k.violations) {
    if (!(SILK_TYPES as readonly string[]).includes(v.type)) continue;
    counts[v.type] = (counts[v.type] ?? 0) + 1;
    details.push(`${v.type}: ${v.items.map((i) => i.description).join(' | ')}`);
  }
  const plan = planReferenceTexts(run.geometry, boardOutline(run.design.board));
  return { name: c.name, counts, loaded: k.exitCode === 0 || k.exitCode === 5, details, onFab: plan.fab, references: plan.byComponent.size };
}

export const corpusCases = (): LayoutCase[] => loadLayoutCorpus();

if (import.meta.url === `file://${process.argv[1]}`) {
  const total: Record<string, number> = { references: 0, onFab: 0 };
  const cases = corpusCases();
  for (const c of cases) {
    const row = await silkFigures(c);
    for (const [t, n] of Object.entries(row.counts)) total[t] = (total[t] ?? 0) + n;
    total['references']! += row.references;
    total['onFab']! += row.onFab.length;
    console.log(`${row.name}${row.loaded ? '' : ' (did not load)'}: ${JSON.stringify(row.counts)} references ${row.references}, on fab [${row.onFab.join(' ')}]`);
    if (process.argv.includes('--detail')) for (const d of row.details) console.log(`  ${d}`);
  }
  console.log(JSON.stringify({ boards: cases.length, ...total }));
}
