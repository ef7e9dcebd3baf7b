import type { Point } from '../model/design.js';
import { HERSHEY_SIMPLEX } from './stroke-font-data.js';

/**
 * Stroked text for plotted layers (silkscreen Gerbers): the Hershey simplex glyphs of
 * stroke-font-data.ts laid out as polylines in board coordinates (mm, y down), to be drawn with a
 * round aperture of the stroke width (docs/exports.md, "Silkscreen text").
 *
 * Sizing follows KiCad's text fields: `size` is the capital height, so a Hershey capital
 * (21 units) is scaled to `size`. The text is centred on `at` by its ink: horizontally on the ink
 * extent of the whole string, vertically on the capital height raised by 0.05 × size — where
 * kicad-cli 9.0 plots a centre-justified text's capitals (measured on its Gerbers: +0.036, +0.050
 * and +0.083 mm for sizes 0.8, 1 and 2 mm) — so our plot and kicad-cli's plot of the same
 * .kicad_pcb put each reference's bounding box in the same place (test/eda/export/gerber-silk).
 */
const KICAD_CENTRE_RAISE = 0.05;

interface Glyph {
  advance: number;
  strokes: [number, number][][];
}

const CAP_UNITS = 21;

const GLYPHS: ReadonlyMap<string, Glyph> = new Map(
  HERSHEY_SIMPLEX.map(([ch, advance, data]) => {
    const strokes = data.split('|').map((s) => {
      const n = s.split(' ').map(Number);
      const pts: [number, number][] = [];
      for (let i = 0; i + 1 < n.length; i += 2) pts.push([n[i]!, n[i + 1]!]);
      return pts;
    });
    return [ch, { advance, strokes }] as const;
  }),
);
/** Advance of a space (the font's space is 16 units wide). */
const SPACE_UNITS = 16;

export interface StrokeTextOptions {
  at: Point;
  /** Text angle, degrees counter-clockwise as seen from the top (0 reads left to right, 90 bottom to top). */
  angleDeg: number;
  /** Capital height, mm. */
  sizeMm: number;
  /** Mirrored in the text's own x axis: bottom-side text, which reads correctly from below. */
  mirrored: boolean;
}

/** The polylines (board coordinates, mm) that draw `text`. Unknown characters draw as "?". */
export function strokeText(text: string, o: StrokeTextOptions): Point[][] {
  // Lay out in font units, baseline at y = 0, y up.
  const lines: [number, number][][] = [];
  let pen = 0;
  for (const ch of text) {
    if (ch === ' ') {
      pen += SPACE_UNITS;
      continue;
    }
    const g = GLYPHS.get(ch) ?? GLYPHS.get('?')!;
    const mid = pen + g.advance / 2;
    for (const s of g.strokes) lines.push(s.map(([x, y]) => [x + mid, y]));
    pen += g.advance;
  }
  if (lines.length === 0) return [];
  let minX = Infinity;
  let maxX = -Infinity;
  for (const l of lines) for (const [x] of l) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
  }
  const cx = (minX + maxX) / 2;
  const k = o.sizeMm / CAP_UNITS;
  const r = (o.angleDeg * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  const sx = o.mirrored ? -1 : 1;
  return lines.map((l) =>
    l.map(([x, y]): Point => {
      // Text frame (y up, centred), mirrored if asked, rotated CCW, then into the y-down board frame.
      const u = sx * (x - cx) * k;
      const v = (y - CAP_UNITS / 2) * k + KICAD_CENTRE_RAISE * o.sizeMm;
      const ux = u * cos - v * sin;
      const uy = u * sin + v * cos;
      return [round6(o.at[0] + ux), round6(o.at[1] - uy)];
    }),
  );
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;
