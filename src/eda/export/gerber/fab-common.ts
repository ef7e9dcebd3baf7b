import type { Design, Point } from '../../model/design.js';
import type { BoardGeometry, BoardPad } from '../../board/index.js';
import type { Pad } from '../../model/footprint.js';

/**
 * Conventions shared by every manufacturing file (docs/exports.md):
 * - units mm;
 * - the board's y axis points down (design model), Gerber/Excellon/pick-and-place use y up, so every
 *   file writes y as −y (the origin stays the board's top-left corner, as KiCad's plotter and its
 *   .pos export do). The board therefore lies in x ∈ [0, w], y ∈ [−h, 0] in all files.
 */
export const GENERATOR = { vendor: 'ZapTrace', application: 'zaptrace', version: '0.1.0' } as const;

/** Board point (y down) → file point (y up). */
export function toFileXY(p: Point): Point {
  return [p[0], p[1] === 0 ? 0 : -p[1]];
}

/** A file-name stem from the design name: letters, digits, `_` and `-` only, never empty. */
export function fileStem(design: Design): string {
  const stem = design.meta.name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  return stem.length > 0 ? stem.slice(0, 80) : 'board';
}

/** A board pad together with the footprint pad it came from (paste flag, slot, side). */
export interface PadWithSource {
  pad: BoardPad;
  source: Pad;
  placement: { x_mm: number; y_mm: number; rotation_deg: 0 | 90 | 180 | 270; side: 'top' | 'bottom' };
}

/**
 * Joins `geometry.pads` with the footprint pads they were built from. `buildBoardGeometry` emits a
 * placed footprint's pads in footprint order, so the i-th board pad of a component is the i-th
 * pad of its footprint.
 */
export function padsWithSource(geometry: BoardGeometry): PadWithSource[] {
  const byComponent = new Map<string, BoardPad[]>();
  for (const pad of geometry.pads) {
    const list = byComponent.get(pad.component) ?? [];
    list.push(pad);
    byComponent.set(pad.component, list);
  }
  const out: PadWithSource[] = [];
  for (const placed of geometry.footprints) {
    const pads = byComponent.get(placed.component) ?? [];
    placed.footprint.pads.forEach((source, i) => {
      const pad = pads[i];
      if (pad) out.push({ pad, source, placement: placed.placement });
    });
  }
  return out;
}

/** Fixed-precision decimal without a trailing "-0". */
export function fixed(value: number, digits: number): string {
  const s = value.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}
