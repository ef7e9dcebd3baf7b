/**
 * Regenerates docs/reports/layout-corpus.md (issue 4, "Done when"): every positive corpus design
 * and a generated series of 10–200 parts through place → route → our DRC → .kicad_pcb → kicad-cli
 * DRC, one table row each.
 *
 *   npx tsx src/eda/place/corpus-report.ts [--out docs/reports/layout-corpus.md]
 *
 * Run from the repository root (the corpus is at ../shared/corpus). kicad-cli (KiCad 9) is run
 * through execFile with fixed arguments in a fresh temp dir; without it the kicad columns read "n/a".
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mapPinsToPads, resolveFootprint } from '../footprints/index.js';
import { generatedSeries, loadLayoutCorpus, type LayoutCase } from './layout-corpus.js';
import { exportForKicad, runLayout, type LayoutRun } from './layout-run.js';

export interface KicadFigures {
  errors: number;
  unconnected: number;
  types: Record<string, number>;
}

export interface LayoutRow {
  case: LayoutCase;
  run: LayoutRun;
  kicad: KicadFigures | null;
  /** Empty when the row meets every "Done when" figure. */
  misses: string[];
}

export function kicadAvailable(): boolean {
  try {
    execFileSync('kicad-cli', ['version'], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

interface KicadItem {
  type: string;
}

/** `kicad-cli pcb drc --severity-error` on the exported pair; counts by violation type. */
export async function kicadDrc(board: string, project: string): Promise<KicadFigures> {
  const dir = await mkdtemp(path.join(tmpdir(), 'zaptrace-layout-'));
  try {
    await writeFile(path.join(dir, 'board.kicad_pcb'), board, 'utf8');
    await writeFile(path.join(dir, 'board.kicad_pro'), project, 'utf8');
    const args = ['pcb', 'drc', '--severity-error', '--format', 'json', '-o', 'out.json', 'board.kicad_pcb'];
    await new Promise<void>((resolve) => execFile('kicad-cli', args, { cwd: dir, timeout: 180_000, env: { ...process.env, HOME: dir } }, () => resolve()));
    const raw = JSON.parse(await readFile(path.join(dir, 'out.json'), 'utf8')) as { violations?: KicadItem[]; unconnected_items?: KicadItem[] };
    const types: Record<string, number> = {};
    for (const v of raw.violations ?? []) types[v.type] = (types[v.type] ?? 0) + 1;
    return { errors: raw.violations?.length ?? 0, unconnected: raw.unconnected_items?.length ?? 0, types };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Why a row misses the "Done when" figures, one short phrase per reason. */
export function missesOf(run: LayoutRun, kicad: KicadFigures | null): string[] {
  const out: string[] = [];
  const missing = run.missingFootprints.map((m) => (m.footprint === null ? `${m.ref} names no footprint` : `${m.ref} footprint "${m.footprint}" not in the library`));
  if (missing.length > 0) out.push(`footprints: ${missing.join(', ')}`);
  const crowded = run.unplaced.filter((u) => u.reason.startsWith('no legal position'));
  if (crowded.length > 0) out.push(`placement: ${crowded.map((u) => u.component).join(', ')} found no legal position`);
  if (run.courtyardOverlaps > 0) out.push(`placement: ${run.courtyardOverlaps} courtyard overlaps`);
  const unmapped = run.unconnectable.filter((u) => u.reason === 'pin has no pad');
  if (unmapped.length > 0) out.push(`pins with no pad: ${unmapped.map((u) => u.node).join(', ')}`);
  if (run.unrouted.length > 0) {
    const byReason = new Map<string, Set<string>>();
    for (const u of run.unrouted) {
      const k = u.reason ?? 'unrouted';
      if (!byReason.has(k)) byReason.set(k, new Set());
      byReason.get(k)!.add(`${u.from}–${u.to}`);
    }
    out.push(`router: ${[...byReason].map(([r, s]) => `${s.size} ${r} (${[...s].slice(0, 3).join(', ')}${s.size > 3 ? ', …' : ''})`).join('; ')}`);
  }
  const drcOther = Object.entries(run.drcErrorRules).filter(([id]) => !['DRC_MISSING_FOOTPRINT', 'DRC_UNPLACED', 'DRC_UNCONNECTED', 'DRC_UNMAPPED_PIN'].includes(id));
  if (drcOther.length > 0) out.push(`our DRC: ${drcOther.map(([id, n]) => `${n} ${id}`).join(', ')}`);
  if (kicad && (kicad.errors > 0 || kicad.unconnected > 0) && out.length === 0) {
    out.push(`kicad-cli only: ${Object.entries(kicad.types).map(([t, n]) => `${n} ${t}`).join(', ') || ''} ${kicad.unconnected} unconnected`.trim());
  }
  return out;
}

export async function runLayoutCorpus(opts: { kicad?: boolean; only?: (c: LayoutCase) => boolean } = {}): Promise<LayoutRow[]> {
  const useKicad = opts.kicad ?? kicadAvailable();
  const cases = [...loadLayoutCorpus(), ...generatedSeries(resolveFootprint)].filter(opts.only ?? (() => true));
  const rows: LayoutRow[] = [];
  for (const c of cases) {
    const run = runLayout(c.design, { resolve: resolveFootprint, mapPins: mapPinsToPads, seed: 1 });
    let kicad: KicadFigures | null = null;
    if (useKicad) {
      const { board, project } = exportForKicad(run);
      kicad = await kicadDrc(board, project);
    }
    rows.push({ case: c, run, kicad, misses: missesOf(run, kicad) });
  }
  return rows;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const ms = (x: number) => String(Math.round(x));

export function renderReport(rows: LayoutRow[]): string {
  const clean = rows.filter((r) => r.misses.length === 0 && r.kicad !== null && r.kicad.errors === 0 && r.kicad.unconnected === 0 && r.run.drcErrors === 0);
  const out: string[] = [
    '# Layout corpus: place → route → DRC → kicad-cli',
    '',
    'Generated by `npx tsx src/eda/place/corpus-report.ts` (from the repository root; the corpus is at `../shared/corpus`). Do not edit by hand.',
    '',
    'Each row: `placeComponents` (zt-place-1, seed 1, 0.25 mm clearance, 0.5 mm edge clearance, 1 mm routing channel with the',
    'placer\u2019s fallback) → `routeNets` (zt-route-1, seed 1, default class table) → `runDrc` → `writeKicadPcb`/`writeKicadPro` →',
    '`kicad-cli pcb drc --severity-error` (KiCad 9). Overlaps are same-side courtyard pairs sharing area, measured on the board geometry.',
    '"Connections" counts net connections (spanning-tree edges) including nodes that have no pad on the board.',
    '',
    'Rows ending in `+lib` are the footprint-less corpus designs (analysis_fixture and the 4 inline cases) with library packages',
    'assigned by `src/eda/place/layout-corpus.ts` (U1 → QFN-32, U2 → SOIC-8, J1 → USB-C-16P-SMD, C1 → 0603); the as-given rows',
    'stay in the table as misses, with the missing footprints as their finding.',
    '',
    `**${clean.length} of ${rows.length} rows meet every figure** (placed, 0 overlaps, 100 % routed, 0 errors from our DRC and from kicad-cli, 0 unconnected).`,
    '',
    '| design | components | placed / unplaced | overlaps | routed / total | our DRC errors | kicad-cli errors | kicad-cli unconnected | place ms | route ms | DRC ms | channel mm | finding |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const k = r.kicad;
    out.push(
      `| ${cell(r.case.name)} | ${r.run.components} | ${r.run.placed} / ${r.run.components - r.run.placed} | ${r.run.courtyardOverlaps} | ${r.run.routed} / ${r.run.total} | ${r.run.drcErrors} | ${k ? k.errors : 'n/a'} | ${k ? k.unconnected : 'n/a'} | ${ms(r.run.placeMs)} | ${ms(r.run.routeMs)} | ${ms(r.run.drcMs)} | ${r.run.channelMm} | ${cell(r.misses.join('; ') || 'clean')} |`,
    );
  }
  out.push('', '## kicad-cli violation types per row', '');
  for (const r of rows) {
    if (!r.kicad || (r.kicad.errors === 0 && r.kicad.unconnected === 0)) continue;
    const types = Object.entries(r.kicad.types).map(([t, n]) => `${n} ${t}`);
    out.push(`- ${cell(r.case.name)}: ${types.join(', ') || 'no violations'}; ${r.kicad.unconnected} unconnected`);
  }
  out.push('', '## Our DRC error rules per row', '');
  for (const r of rows) {
    const e = Object.entries(r.run.drcErrorRules);
    if (e.length > 0) out.push(`- ${cell(r.case.name)}: ${e.map(([id, n]) => `${n} ${id}`).join(', ')}`);
  }
  out.push('');
  return out.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const i = argv.indexOf('--out');
  const outFile = path.resolve(process.cwd(), i >= 0 && argv[i + 1] ? argv[i + 1]! : 'docs/reports/layout-corpus.md');
  const rows = await runLayoutCorpus();
  writeFileSync(outFile, renderReport(rows), 'utf8');
  for (const r of rows) console.log(`${r.case.name.padEnd(64)} ${r.misses.length === 0 ? 'clean' : r.misses.join('; ')}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = await main(process.argv.slice(2));
}
