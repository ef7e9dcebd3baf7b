import { bomLines, type BomLine } from '../../../src/eda/export/bom/index.js';
import { corpusBoards, services, synthesizedBoards } from './parity/parity.js';

/**
 * How orderable our BOMs are (docs/exports.md, "BOM: manufacturer and MPN"): for every corpus
 * design and every synthesis template kind, the lines with an MPN and a maker, the lines that
 * are board features (nothing to order), and the lines still without one. Shared by
 * bom-orderable.test.ts and `npx tsx test/eda/export/bom-orderable.ts [--detail]`.
 */
export interface BomFigures {
  name: string;
  lines: BomLine[];
  withMpn: number;
  features: number;
  missing: BomLine[];
}

export function bomFigures(): BomFigures[] {
  return [...corpusBoards(), ...synthesizedBoards()].map(({ name, design }) => {
    const lines = bomLines(design, services.library.lookup);
    const features = lines.filter((l) => l.mpn === null && l.orderable === true).length;
    const withMpn = lines.filter((l) => l.mpn !== null && l.manufacturer !== null).length;
    return { name, lines, withMpn, features, missing: lines.filter((l) => l.mpn === null && l.orderable !== true) };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = bomFigures();
  let all = 0;
  let mpn = 0;
  let feat = 0;
  for (const r of rows) {
    all += r.lines.length;
    mpn += r.withMpn;
    feat += r.features;
    console.log(`${r.name}: ${r.withMpn}/${r.lines.length - r.features} lines with MPN (+${r.features} board features)`);
    if (process.argv.includes('--detail')) for (const l of r.missing) console.log(`   missing: ${l.refs.join(' ')} ${l.value} ${l.footprint}`);
  }
  console.log(`TOTAL: ${mpn}/${all - feat} orderable lines have manufacturer + MPN; ${feat} board-feature lines`);
}
