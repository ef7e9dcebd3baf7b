import type { Design } from '../eda/model/design.js';
import type { Footprint } from '../eda/model/footprint.js';

/** Courtyard area of the placed parts over the board area, in % (one decimal): synthesize_board_score's figure. */
export function areaUsePct(d: Design, resolveFootprint: (name: string) => Footprint | undefined): number {
  let used = 0;
  for (const id of Object.keys(d.placement)) {
    const name = d.components[id]?.footprint;
    const fp = name ? resolveFootprint(name) : undefined;
    if (fp) used += (fp.courtyard[2] - fp.courtyard[0]) * (fp.courtyard[3] - fp.courtyard[1]);
  }
  return Number(((100 * used) / (d.board.width_mm * d.board.height_mm)).toFixed(1));
}
