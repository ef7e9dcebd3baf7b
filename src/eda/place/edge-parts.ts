import type { Design, Keepout, Placement, Point } from '../model/design.js';
import { rectToWorld, type Rect } from '../board/index.js';
import { edgeAt, facedEdge, type ResolvedConstraint } from './constraints.js';
import { courtyardAt, type PlaceModel } from './model.js';
import { edgePartOf } from './part-roles.js';
import type { PlaceState } from './place-state.js';

/**
 * Placement steps for parts that belong to the board's rim (docs/placement.md, "Parts that place
 * themselves"): mounting holes go to the corners before anything else, and an antenna's copper
 * keep-out is derived from where it ended up. The keep-outs are ordinary `design.keepouts`
 * (no tracks, no vias, all copper layers), which the router already avoids.
 */

/** Corner order for holes: two holes go diagonally, four fill every corner. */
const CORNERS: [0 | 1, 0 | 1][] = [
  [0, 0],
  [1, 1],
  [1, 0],
  [0, 1],
];

/** Puts each mounting hole (in reference order) into a free corner; returns the items it placed. */
export function placeMountingHoles(st: PlaceState, cons: readonly ResolvedConstraint[]): number[] {
  const holes = cons
    .filter((rc) => rc.corner && rc.item !== null && !rc.problem && st.pos[rc.item] === null)
    .map((rc) => rc.item!)
    .sort((a, b) => st.model.items[a]!.ref.localeCompare(st.model.items[b]!.ref, 'en', { numeric: true }));
  const b = st.model.outlineBox;
  const e = st.edgeClr;
  const done: number[] = [];
  const free = [...CORNERS];
  for (const i of holes) {
    const c = st.model.items[i]!.courtyard;
    for (let k = 0; k < free.length; k++) {
      const [cx, cy] = free[k]!;
      const p: Placement = {
        x_mm: Math.round((cx === 0 ? b[0] + e - c[0] : b[2] - e - c[2]) * 1e6) / 1e6,
        y_mm: Math.round((cy === 0 ? b[1] + e - c[1] : b[3] - e - c[3]) * 1e6) / 1e6,
        rotation_deg: 0,
        side: 'top',
      };
      if (!st.legal(i, p)) continue;
      st.set(i, p);
      done.push(i);
      free.splice(k, 1);
      break;
    }
  }
  return done;
}

/** Prefix of the keep-outs the placer owns; placing again replaces them. */
export const PLACER_KEEPOUT_PREFIX = 'placer_antenna_';

/**
 * The copper keep-out of each placed antenna: its footprint's antenna region in board
 * coordinates, stretched to the board edge it faces (Espressif, "ESP32 Hardware Design
 * Guidelines", antenna placement: no copper under or beside the antenna on any layer).
 */
export function antennaKeepouts(design: Design, model: PlaceModel, placement: Record<string, Placement>, edgeClearanceMm: number): Keepout[] {
  const out: Keepout[] = [];
  const box = model.outlineBox;
  for (const it of model.items) {
    const p = placement[it.id];
    if (!p) continue;
    const role = edgePartOf(design, it.id, it.footprint);
    if (!role || role.kind !== 'antenna' || !role.keepout) continue;
    const r: Rect = [...rectToWorld(role.keepout, p)];
    const court = courtyardAt(it, p);
    const edge = role.facing ? facedEdge(box, court, edgeClearanceMm, role.facing, p) : edgeAt(box, court, edgeClearanceMm);
    if (edge === 'left') r[0] = box[0];
    if (edge === 'right') r[2] = box[2];
    if (edge === 'top') r[1] = box[1];
    if (edge === 'bottom') r[3] = box[3];
    const polygon: Point[] = [
      [r[0], r[1]],
      [r[2], r[1]],
      [r[2], r[3]],
      [r[0], r[3]],
    ].map(([x, y]) => [Math.round(x! * 1e4) / 1e4, Math.round(y! * 1e4) / 1e4] as Point);
    out.push({ id: `${PLACER_KEEPOUT_PREFIX}${it.ref}`, polygon, layers: [], no_tracks: true, no_vias: true, no_footprints: false });
  }
  return out;
}

/** The design's keep-outs with the placer's replaced by a new set. */
export function withPlacerKeepouts(keepouts: readonly Keepout[], placer: readonly Keepout[]): Keepout[] {
  return [...keepouts.filter((k) => !k.id.startsWith(PLACER_KEEPOUT_PREFIX)), ...placer];
}
