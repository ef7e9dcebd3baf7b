import type { CopperModel } from './copper.js';
import type { DesignRules } from './design-rules.js';
import { gapBetween } from './geometry.js';
import { TOUCH_EPS_MM } from './copper-checks.js';

/**
 * Land clearance: the clearance a footprint needs between its own pads when its lands are closer
 * than the board's minimum clearance by design (fine-pitch LGAs such as KiCad 9's
 * Package_LGA:LGA-16_3x3mm_P0.5mm_LayoutBorder3x5y, 0.15 mm between lands). It is the smallest
 * gap between two of its pads, never below the fabrication floor, and it applies only between
 * pads of that one footprint: a track or another footprint's pad near them keeps its net-class
 * clearance. kicad-cli resolves it the same way from a custom rule scoped to the footprint's own
 * pads (docs/drc.md, "Land clearance"); a footprint-level `(clearance …)` override would not do,
 * because KiCad then applies it to every item near the pads, tracks included.
 */

/** The smallest clearance a land gap may set: a common fab's standard 4 mil process (0.1 mm). */
export const FAB_FLOOR_CLEARANCE_MM = 0.1;

/** Gaps are rounded down to 0.1 µm so a float gap of 0.1499999 mm never fails against itself. */
const floorTo = (n: number): number => Math.floor(n * 1e4 + 1e-6) / 1e4;

/** Component id → its land clearance (mm), for the components whose lands are closer than the board minimum. */
export function landClearances(model: CopperModel, rules: DesignRules): Map<string, number> {
  const padsOf = new Map<string, number[]>();
  model.items.forEach((it, i) => {
    if (it.kind !== 'pad' || it.npth || it.component === undefined) return;
    const l = padsOf.get(it.component) ?? [];
    l.push(i);
    padsOf.set(it.component, l);
  });
  const boardClearance = Math.max(rules.minClearanceMm, rules.defaultClass.clearanceMm);
  const out = new Map<string, number>();
  for (const [component, pads] of padsOf) {
    let smallest = Infinity;
    for (let x = 0; x < pads.length; x++) {
      const a = model.items[pads[x]!]!;
      for (let y = x + 1; y < pads.length; y++) {
        const b = model.items[pads[y]!]!;
        if ((a.layerMask & b.layerMask) === 0 || a.padKey === b.padKey) continue;
        const gap = gapBetween(a.shape, b.shape).distance;
        // Touching pads are one conductor (a short if their nets differ), not a land gap.
        if (gap > TOUCH_EPS_MM) smallest = Math.min(smallest, gap);
      }
    }
    if (smallest < boardClearance - TOUCH_EPS_MM) out.set(component, Math.max(FAB_FLOOR_CLEARANCE_MM, floorTo(smallest)));
  }
  return out;
}
