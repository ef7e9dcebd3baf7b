import { corpusBoards, renderParityTable, runParity, synthesizedBoards, type ParityRow } from '../test/eda/export/parity/parity.js';

/**
 * Schematic ↔ board parity per board (docs/schematic.md, "Parity with the board"): every corpus
 * design and every synthesis template kind, exported by the export tools' builder and checked by
 * `kicad-cli pcb drc --schematic-parity`; also KiCad's schematic ERC errors. Needs kicad-cli.
 */
export async function benchParity(): Promise<Record<string, number | string>> {
  const rows: ParityRow[] = [];
  for (const b of [...corpusBoards(), ...synthesizedBoards()]) rows.push(await runParity(b.name, b.design));
  console.log(renderParityTable(rows));
  const out: Record<string, number | string> = {};
  for (const r of rows) out[`parity issues: ${r.name}`] = r.loaded ? `${r.parity.length} (design faults ${r.faults.length}; KiCad sch ERC errors ${r.ercErrors.length})` : 'did not load';
  out['boards with 0 parity issues'] = `${rows.filter((r) => r.loaded && r.parity.length === 0).length}/${rows.length}`;
  out['parity issues beyond design faults'] = rows.reduce((a, r) => a + Math.max(0, r.parity.length - r.faults.length), 0);
  return out;
}
