import type { LayoutCase } from './layout-corpus.js';
import type { LayoutRun } from './layout-run.js';

/**
 * Rows of the layout corpus table (docs/reports/layout-corpus.md): one design through
 * place → route → DRC → kicad-cli, and the reasons it misses the "Done when" figures. The table is
 * written by `npx tsx bench/layout-corpus-report.ts`; the tests assert the same reasons.
 */
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

