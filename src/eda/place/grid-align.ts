import type { Placement } from '../model/design.js';
import { footprintToWorld, type RoutingGrid } from '../board/index.js';
import type { PlaceItem } from './model.js';

/**
 * Fine-pitch lands on routing-grid lines. zt-route-1 runs tracks along grid lines; a 0.4 or
 * 0.5 mm pitch land whose centre falls between two lines can only be entered off-centre, too
 * close to its neighbours for the clearance. After placement each part with such lands is
 * nudged (by at most half a grid pitch per axis) to the legal position that puts the most of
 * them on a line across their narrow side — what a designer does by placing QFNs on grid.
 */

/** Lands at most this wide (narrow side, mm) are the ones a track can only enter on-centre. */
const FINE_LAND_MM = 0.45;
const EPS = 1e-6;

interface Movable {
  readonly pos: (Placement | null)[];
  legal(i: number, p: Placement): boolean;
  constraintsHold(i: number, p: Placement): boolean;
  set(i: number, p: Placement | null): void;
}

function onLine(v: number, origin: number, pitch: number): boolean {
  const k = (v - origin) / pitch;
  return Math.abs(k - Math.round(k)) * pitch < EPS;
}

/** How many fine lands of the item sit centred on a grid line across their narrow side at p. */
function alignedLands(item: PlaceItem, p: Placement, grid: RoutingGrid): number {
  let n = 0;
  for (const pad of item.footprint.pads) {
    const narrow = Math.min(pad.size[0], pad.size[1]);
    if (narrow > FINE_LAND_MM || pad.size[0] === pad.size[1]) continue;
    // Narrow side in world axes: local x when the pad is taller than wide, swapped by quarter turns.
    const turns = Math.round((((pad.rotation_deg + p.rotation_deg) % 360) + 360) % 360 / 90) % 2;
    const narrowAlongX = (pad.size[0] < pad.size[1]) !== (turns === 1);
    const [x, y] = footprintToWorld(pad.at, p);
    if (narrowAlongX ? onLine(x, grid.originX, grid.pitchMm) : onLine(y, grid.originY, grid.pitchMm)) n++;
  }
  return n;
}

export function alignToRoutingGrid(st: Movable, items: readonly PlaceItem[], movable: readonly number[], grid: RoutingGrid): void {
  const g = grid.pitchMm;
  // Quarter-pitch steps reach the phases of 0.4/0.5/0.65/0.8 mm pitch rows on a 0.1 mm grid.
  const shifts = [0, -0.25, 0.25, -0.5, 0.5].map((k) => Math.round(k * g * 1e6) / 1e6);
  for (const i of movable) {
    const p = st.pos[i];
    if (!p) continue;
    const item = items[i]!;
    let best = p;
    let bestScore = alignedLands(item, p, grid);
    let bestShift = 0;
    for (const dx of shifts) {
      for (const dy of shifts) {
        if (dx === 0 && dy === 0) continue;
        const q: Placement = { ...p, x_mm: Math.round((p.x_mm + dx) * 1e6) / 1e6, y_mm: Math.round((p.y_mm + dy) * 1e6) / 1e6 };
        const score = alignedLands(item, q, grid);
        const shift = Math.abs(dx) + Math.abs(dy);
        if (score < bestScore || (score === bestScore && shift >= bestShift)) continue;
        if (!st.legal(i, q) || !st.constraintsHold(i, q)) continue;
        best = q;
        bestScore = score;
        bestShift = shift;
      }
    }
    if (best !== p) st.set(i, best);
  }
}
