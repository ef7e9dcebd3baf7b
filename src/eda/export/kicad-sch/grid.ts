/**
 * Schematic grid. KiCad's schematic editor connects items only where their connection points
 * coincide and its ERC flags points off the 1.27 mm (50 mil) grid (`endpoint_off_grid`), so every
 * coordinate we write is a multiple of 1.27 mm; symbols are placed on the coarser 2.54 mm pitch.
 */
export const GRID_MM = 1.27;
export const PIN_PITCH_MM = 2.54;

/** Rounds up to a multiple of `stepMm`, cleaning binary noise so 2.54 * 3 prints as 7.62. */
export function snapUp(valueMm: number, stepMm: number): number {
  return clean(Math.ceil(valueMm / stepMm - 1e-9) * stepMm);
}

/** Rounds to the nearest multiple of `stepMm`. */
export function snap(valueMm: number, stepMm: number): number {
  return clean(Math.round(valueMm / stepMm) * stepMm);
}

/** Removes float noise below a micrometre (KiCad stores nanometres; we print 6 decimals). */
export function clean(valueMm: number): number {
  const r = Math.round(valueMm * 10000) / 10000;
  return Object.is(r, -0) ? 0 : r;
}

/** Is `valueMm` on the 1.27 mm grid (within half a micrometre)? */
export function onGrid(valueMm: number): boolean {
  const k = valueMm / GRID_MM;
  return Math.abs(k - Math.round(k)) * GRID_MM < 5e-4;
}
