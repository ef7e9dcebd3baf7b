/**
 * The fidelity report of an import (docs/import.md): for each kind of thing, how many the source held,
 * how many reached our design model, how many were dropped, and why (reason → count). Nothing is
 * dropped silently: every item of a counted kind ends in `imported` or in a reason.
 */
/** Type aliases, not interfaces, so a report is assignable to the tools' open-object output schemas. */
export type Tally = {
  source: number;
  imported: number;
  dropped: number;
  reasons: Record<string, number>;
};

export const tally = (): Tally => ({ source: 0, imported: 0, dropped: 0, reasons: {} });

export function drop(t: Tally, reason: string, n = 1): void {
  t.dropped += n;
  t.reasons[reason] = (t.reasons[reason] ?? 0) + n;
}

/** A note on an imported item that changed on the way (kept, but not exactly). */
export function note(t: Tally, reason: string, n = 1): void {
  t.reasons[reason] = (t.reasons[reason] ?? 0) + n;
}

export type FidelityReport = {
  format: string;
  files: string[];
  parts: Tally;
  nets: Tally;
  placement: Tally;
  tracks: Tally;
  vias: Tally;
  zones: Tally;
  outline: { kind: 'polygon' | 'bounding_box' | 'rectangle_from_parts' | 'none'; vertices: number; cutouts_dropped: number; curves_approximated: number; open_items: number; other_items_dropped: number };
  /** The source's coordinates minus this offset are ours (origin at the outline's top-left corner). */
  offset_mm: [number, number];
  notes: string[];
  /**
   * KiCad projects with both files: the board's nets (two or more pads) against the nets traced from the
   * schematic's wires and labels, as sets of REF.pad; `identical` counts nets found the same in both.
   */
  schematic_check: { board_nets: number; schematic_nets: number; identical: number } | null;
  /** What our own KiCad writer could not draw: parts whose footprint name our library does not build. */
  export_preview: { footprints_missing: number; missing_refs: string[]; pins_without_pad: number };
};
