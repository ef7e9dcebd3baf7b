import type { Component } from '../../model/design.js';
import type { LibraryPart } from '../../model/part.js';

/**
 * The Value of a component as every export writes it (schematic symbol, board footprint, BOM):
 * the design's value, else the library part's value ("100nF"), else the part number, which is
 * what an IC's value field carries in KiCad's own libraries ("NE555P", "MAX3485ESA+"), else the
 * part's name or the component type. Never empty: KiCad's parity check compares the schematic's
 * and the board's Value fields, and an empty BOM value cannot be ordered.
 */
export function componentValue(comp: Pick<Component, 'value' | 'mpn' | 'type'>, part?: LibraryPart): string {
  const v = comp.value?.trim();
  if (v) return v;
  if (part?.value_text) return part.value_text;
  const mpn = comp.mpn?.trim() || part?.mpn.trim();
  if (mpn) return mpn;
  return part?.name.trim() || comp.type;
}
