import { loadCorpusDesigns } from '../../../../src/eda/erc/corpus-report.js';
import { loadLibrary } from '../../../../src/eda/library/index.js';
import { resolveFootprint } from '../../../../src/eda/footprints/index.js';
import { runErc, type ErcReport } from '../../../../src/eda/erc/index.js';
import { writeKicadSch } from '../../../../src/eda/export/kicad-sch/index.js';
import { writeKicadPro } from '../../../../src/eda/export/kicad/index.js';
import { netlistNets } from './sexpr-read.js';
import { runKicadErc, type ErcViolation } from './kicad-erc.js';

/**
 * The ZapTrace corpus (17 designs, as in docs/reports/erc-corpus.md) through our schematic writer
 * and KiCad 9: does each file load, what does KiCad's ERC say (errors and warnings), and does
 * KiCad's netlist hold exactly our connectivity? Shared by corpus.test.ts and by
 *   npx tsx test/eda/export/kicad-sch/corpus.ts
 * which prints the Markdown table kept in docs/schematic.md.
 */
export interface CorpusRow {
  name: string;
  components: number;
  nets: number;
  writeMs: number;
  loaded: boolean;
  exitCode: number;
  kicadErrors: ErcViolation[];
  kicadWarnings: ErcViolation[];
  ours: ErcReport;
  /** KiCad's named nets ("<label>" → "REF.PIN" list), power flags left out. */
  kicadNets: Map<string, string[]>;
  schText: string;
}

export async function runSchCorpus(): Promise<CorpusRow[]> {
  const library = loadLibrary();
  const footprintExists = (name: string) => resolveFootprint(name) !== undefined;
  const rows: CorpusRow[] = [];
  for (const { name, design } of loadCorpusDesigns()) {
    const t0 = performance.now();
    const schText = writeKicadSch(design, { lookupPart: library.lookup });
    const writeMs = performance.now() - t0;
    const r = await runKicadErc(schText, writeKicadPro(design), { allSeverities: true, netlist: true });
    const kicadNets = new Map<string, string[]>();
    for (const [n, nodes] of netlistNets(r.netlist ?? '(export)')) if (!n.startsWith('unconnected-')) kicadNets.set(n, nodes.filter((x) => !x.startsWith('#')));
    rows.push({
      name,
      components: Object.keys(design.components).length,
      nets: Object.keys(design.nets).length,
      writeMs,
      loaded: r.loaded,
      exitCode: r.exitCode,
      kicadErrors: r.violations.filter((v) => v.severity === 'error'),
      kicadWarnings: r.violations.filter((v) => v.severity !== 'error'),
      ours: runErc(design, { lookupPart: library.lookup, footprintExists }),
      kicadNets,
      schText,
    });
  }
  return rows;
}

const tally = (vs: ErcViolation[]): string => {
  const m = new Map<string, number>();
  for (const v of vs) m.set(v.type, (m.get(v.type) ?? 0) + 1);
  return [...m].sort().map(([k, n]) => `${k} ×${n}`).join(', ') || '—';
};

export function renderTable(rows: CorpusRow[]): string {
  const lines = [
    '| design | parts | nets | loads | KiCad errors | KiCad warnings | our ERC errors |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const oursErr = r.ours.findings.filter((f) => f.severity === 'error').map((f) => f.rule_id);
    lines.push(`| ${r.name} | ${r.components} | ${r.nets} | ${r.loaded ? 'yes' : '**no**'} | ${tally(r.kicadErrors)} | ${tally(r.kicadWarnings)} | ${oursErr.length === 0 ? '—' : [...new Set(oursErr)].join(', ')} |`);
  }
  const loaded = rows.filter((r) => r.loaded).length;
  const clean = rows.filter((r) => r.loaded && r.kicadErrors.length === 0).length;
  lines.push('', `Loaded: **${loaded}/${rows.length}**. ERC-clean in KiCad's view (0 errors with \`--severity-error\`): **${clean}/${rows.length}**.`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await runSchCorpus();
  console.log(renderTable(rows));
  const slowest = rows.reduce((m, r) => Math.max(m, r.writeMs), 0);
  console.log(`\nSlowest write: ${slowest.toFixed(1)} ms`);
}
