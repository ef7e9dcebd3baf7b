import type { Design } from '../../model/design.js';
import type { PartLookup } from '../../model/part.js';
import { compareRefs, csvRecords, quote, textCell } from './csv.js';
import { componentValue } from './value.js';
import { orderPart } from './choose.js';

export { textCell, quote, compareRefs } from './csv.js';

/**
 * Bill of materials (docs/exports.md, "BOM"). Components are grouped by (value, footprint, MPN, manufacturer,
 * DNP). The value is the one every export writes (value.ts: ICs carry their part number); the
 * MPN and maker are chosen by choose.ts (the design's, a series part for chip resistors and
 * MLCCs, the library's), never a placeholder. DNP parts stay in the BOM, flagged, so the buyer sees them (they are left out of
 * the pick-and-place file instead).
 */
export interface BomLine {
  refs: string[];
  quantity: number;
  value: string;
  footprint: string;
  mpn: string | null;
  manufacturer: string | null;
  dnp: boolean;
  /** Where the MPN comes from (design, library, the series rule that built it) or why there is none (choose.ts). */
  source?: string;
  /** False for a line without an MPN that needs one; board features (holes, test points) need none. */
  orderable?: boolean;
}

export function bomLines(design: Design, lookupPart?: PartLookup): BomLine[] {
  const groups = new Map<string, BomLine>();
  for (const id of Object.keys(design.components).sort()) {
    const comp = design.components[id]!;
    const part = lookupPart?.(comp);
    const value = componentValue(comp, part);
    const footprint = comp.footprint ?? part?.footprint ?? '';
    const ordered = orderPart(design, comp, part, value, footprint);
    const { mpn, manufacturer } = ordered;
    const key = JSON.stringify([value, footprint, mpn, manufacturer, comp.dnp]);
    const orderable = ordered.boardFeature || mpn !== null;
    const line = groups.get(key) ?? { refs: [], quantity: 0, value, footprint, mpn, manufacturer, dnp: comp.dnp, source: ordered.source, orderable };
    line.refs.push(comp.ref);
    line.quantity += 1;
    groups.set(key, line);
  }
  const lines = [...groups.values()];
  for (const l of lines) l.refs.sort(compareRefs);
  // Fitted lines first, then by first reference (natural order), then the grouping fields.
  return lines.sort(
    (a, b) =>
      Number(a.dnp) - Number(b.dnp) ||
      compareRefs(a.refs[0] ?? '', b.refs[0] ?? '') ||
      JSON.stringify([a.value, a.footprint, a.mpn, a.manufacturer]).localeCompare(JSON.stringify([b.value, b.footprint, b.mpn, b.manufacturer])),
  );
}

export const BOM_CSV_HEADER = ['Refs', 'Quantity', 'Value', 'Footprint', 'MPN', 'Manufacturer', 'DNP'] as const;

/** RFC 4180 CSV (CRLF records, header first) with the formula-injection guard on text cells. */
export function writeBomCsv(lines: readonly BomLine[]): string {
  const rows = [BOM_CSV_HEADER.map((h) => quote(h))];
  for (const l of lines) {
    rows.push([
      textCell(l.refs.join(' ')),
      quote(String(l.quantity)),
      textCell(l.value),
      textCell(l.footprint),
      textCell(l.mpn ?? ''),
      textCell(l.manufacturer ?? ''),
      quote(l.dnp ? 'DNP' : ''),
    ]);
  }
  return csvRecords(rows);
}

/** The BOM as a JSON document (string, 2-space indented, trailing newline). */
export function bomJson(lines: readonly BomLine[]): string {
  return JSON.stringify({ format: 'zaptrace-bom', version: 1, lines }, null, 2) + '\n';
}
