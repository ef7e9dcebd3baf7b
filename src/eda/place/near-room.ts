import type { Placement } from '../model/design.js';
import { footprintToWorld } from '../board/index.js';
import { padCentroid } from './model.js';
import { ROTATIONS, round6, type PlaceState } from './place-state.js';

/**
 * Room for a part's hard `near` partners (docs/placement.md, "Parts that place themselves"). A
 * part placed before the capacitors that must stand within 3 mm of its pins can take a spot
 * where another part already crowds the side those pins are on — the synthesized RP2040 motor
 * driver put its H-bridge with the supply pin 1.35 mm from the RP2040's courtyard, where no
 * 0603 fits, and the capacitor ended 4.5 mm away. The constructive pass therefore asks, for a
 * candidate position of such a part, whether each partner not yet placed still has a legal spot
 * that meets its constraint; the partners are tried one after another, each at the spot nearest
 * its pin, so they do not count the same room twice.
 */

/** Hard `near` constraints bound to part i whose own part is not placed yet (indexes into `st.cons`). */
export function pendingPartners(st: PlaceState, i: number): number[] {
  const out: number[] = [];
  for (const k of st.consOf[i]!) {
    const rc = st.cons[k]!;
    if (!rc.hard || rc.problem || !rc.near || rc.near.item !== i || rc.item === null || rc.item === i) continue;
    if (st.pos[rc.item] === null && !st.model.items[rc.item]!.fixed) out.push(k);
  }
  return out;
}

/** Origin offsets on the position grid within `reach` mm, nearest first (ties in a fixed order). */
function offsets(reach: number, step: number): [number, number][] {
  const n = Math.ceil(reach / step);
  const out: [number, number, number][] = [];
  for (let dy = -n; dy <= n; dy++) for (let dx = -n; dx <= n; dx++) if (Math.hypot(dx, dy) * step <= reach + 1e-9) out.push([dx * step, dy * step, Math.hypot(dx, dy)]);
  out.sort((a, b) => a[2] - b[2] || a[1] - b[1] || a[0] - b[0]);
  return out.map(([x, y]) => [x, y]);
}

/**
 * Whether, with part i at p, every partner of `partners` finds a legal spot meeting its
 * constraints. Leaves the state as it found it.
 */
export function roomForPartners(st: PlaceState, i: number, p: Placement, partners: readonly number[], step: number): boolean {
  const prev = st.pos[i] ?? null;
  st.set(i, p);
  const placed: number[] = [];
  let ok = true;
  for (const k of partners) {
    const rc = st.cons[k]!;
    const c = rc.item!;
    const it = st.model.items[c]!;
    const targets = (rc.near!.pin === null ? [padCentroid(st.model.items[i]!, p)] : (st.model.items[i]!.pinPads.get(rc.near!.pin) ?? []).map((q) => footprintToWorld(q, p)));
    // the pad centroid of a part need not be its origin: reach covers the offset in any rotation
    const origin: Placement = { x_mm: 0, y_mm: 0, rotation_deg: 0, side: 'top' };
    const off = padCentroid(it, origin);
    const reach = rc.near!.maxMm + Math.hypot(off[0], off[1]);
    let found: Placement | null = null;
    search: for (const t of targets) {
      const cx = Math.round(t[0] / step) * step;
      const cy = Math.round(t[1] / step) * step;
      for (const [dx, dy] of offsets(reach, step)) {
        for (const rotation_deg of ROTATIONS) {
          const q: Placement = { x_mm: round6(cx + dx), y_mm: round6(cy + dy), rotation_deg, side: 'top' };
          if (st.legal(c, q) && st.constraintsHold(c, q)) {
            found = q;
            break search;
          }
        }
      }
    }
    if (!found) {
      ok = false;
      break;
    }
    st.set(c, found);
    placed.push(c);
  }
  for (const c of placed.reverse()) st.set(c, null);
  st.set(i, prev);
  return ok;
}
