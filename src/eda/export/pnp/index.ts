import type { Design } from '../../model/design.js';
import type { BoardGeometry } from '../../board/index.js';
import { fixed } from '../gerber/fab-common.js';
import { compareRefs, csvRecords, quote, textCell } from '../bom/csv.js';

/**
 * Pick-and-place (centroid) file (docs/exports.md, "Pick-and-place"). One CSV row per placed component that has at least one
 * copper pad (SMD or plated through-hole; a footprint of unplated holes only, e.g. a mounting hole,
 * is nothing to place). DNP components are left out: the machine must not place them (the BOM
 * still lists them, flagged). Positions follow KiCad's .pos convention: mm from the board's
 * top-left origin with Y negated (y up), rotation in degrees CCW as placed, side top/bottom.
 * RFC 4180 quoting with the formula-injection guard on text cells.
 */
export const PNP_CSV_HEADER = ['Ref', 'Val', 'Package', 'PosX', 'PosY', 'Rot', 'Side'] as const;

export function writePickAndPlace(design: Design, geometry: BoardGeometry): string {
  const rows: { ref: string; cells: string[] }[] = [];
  for (const placed of geometry.footprints) {
    const comp = design.components[placed.component];
    if (!comp || comp.dnp) continue;
    if (!placed.footprint.pads.some((p) => p.kind !== 'np_thru_hole')) continue;
    const { x_mm, y_mm, rotation_deg, side } = placed.placement;
    rows.push({
      ref: comp.ref,
      cells: [
        textCell(comp.ref),
        textCell(comp.value ?? ''),
        textCell(placed.footprint.name),
        quote(fixed(x_mm, 4)),
        quote(fixed(y_mm === 0 ? 0 : -y_mm, 4)),
        quote(fixed(rotation_deg, 4)),
        quote(side),
      ],
    });
  }
  rows.sort((a, b) => compareRefs(a.ref, b.ref));
  return csvRecords([PNP_CSV_HEADER.map((h) => quote(h)), ...rows.map((r) => r.cells)]);
}
