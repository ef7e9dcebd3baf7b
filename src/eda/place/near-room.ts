import type { Placement } from '../model/design.js';
import { nearTarget } from './constraints.js';
import { courtyardAt, padCentroid } from './model.js';
import type { Rect } from '../board/index.js';
import { ROTATIONS, round6, type PlaceState } from './place-state.js';

/**
 * Room for the hard `near` partners still to come (docs/placement.md, "Parts that place
 * themselves"). A part placed before the capacitors that must stand within 3 mm of its pins can
 * take a spot where another part already crowds the side those pins are on — the synthesized
 * RP2040 motor driver put its H-bridge with the supply pin 1.35 mm from the RP2040's courtyard,
 * where no 0603 fits, and the capacitor ended 4.5 mm away. Likewise the first capacitor of a pin
 * can take the middle of the only free strip beside it, leaving the second none (the 868 MHz LoRa
 * gateway: two 0603s on the WROOM's VCC pad, the second 3.02 mm away). The constructive pass
 * therefore asks, for a candidate position of such a part or capacitor, whether each partner
 * not yet placed still has a legal spot that meets its constraint; the partners are tried one
 * after another, each taking its spot before the next looks, so they do not count the same room
 * twice.
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

/**
 * What placing part i must leave room for: its own pending partners, and — when i is itself
 * bound `near` a placed part — the other pending partners of that part (the capacitors still to
 * come around the same IC).
 */
export function partnersToLeaveRoomFor(st: PlaceState, i: number): number[] {
  const out = new Set(pendingPartners(st, i));
  const at = (j: number) => st.pos[j] ?? null;
  for (const k of st.consOf[i]!) {
    const rc = st.cons[k]!;
    if (!rc.hard || rc.problem || rc.item !== i || !rc.near || rc.near.item === null || rc.near.item === i) continue;
    if (st.pos[rc.near.item] === null) continue;
    const mine = nearTarget(st.model, rc, at) ?? [];
    const myReach = reachOf(st, i, rc.near.maxMm);
    const siblings: number[] = [];
    for (const s of pendingPartners(st, rc.near.item)) {
      const o = st.cons[s]!;
      if (o.item === i) continue;
      // Only capacitors whose room this one can take: their reach and ours overlap (an IC with
      // dozens of supply pins would otherwise test every capacitor against every other).
      const theirs = nearTarget(st.model, o, at) ?? [];
      const span = myReach + reachOf(st, o.item!, o.near!.maxMm);
      if (mine.some((a) => theirs.some((b) => Math.hypot(a[0] - b[0], a[1] - b[1]) <= span + st.gap))) siblings.push(s);
    }
    // Siblings that have no room even with this part left off gain nothing from its restraint.
    if (siblings.length > 0 && roomWithout(st, siblings)) for (const s of siblings) out.add(s);
  }
  return [...out].sort((a, b) => a - b);
}

/** How far from its target pad part c's courtyard can reach: the distance allowed, the centroid offset and the courtyard's half diagonal. */
function reachOf(st: PlaceState, c: number, maxMm: number): number {
  const it = st.model.items[c]!;
  const off = padCentroid(it, { x_mm: 0, y_mm: 0, rotation_deg: 0, side: 'top' });
  const [x0, y0, x1, y1] = it.courtyard;
  return maxMm + Math.hypot(off[0], off[1]) + Math.hypot(Math.max(-x0, x1), Math.max(-y0, y1));
}

/** Whether the partners fit with the parts as they stand now. */
function roomWithout(st: PlaceState, partners: readonly number[]): boolean {
  const lists = spotLists(st, partners, STEP_FOR_BASELINE);
  return lists !== null && packsAny(st, lists);
}
const STEP_FOR_BASELINE = 0.25;

/** Origin offsets on the position grid within `reach` mm, nearest first (ties in a fixed order); memoised per reach and step. */
const offsetMemo = new Map<string, [number, number][]>();
function offsets(reach: number, step: number): [number, number][] {
  const key = `${reach.toFixed(4)}|${step}`;
  const hit = offsetMemo.get(key);
  if (hit) return hit;
  const n = Math.ceil(reach / step);
  const out: [number, number, number][] = [];
  for (let dy = -n; dy <= n; dy++) for (let dx = -n; dx <= n; dx++) if (Math.hypot(dx, dy) * step <= reach + 1e-9) out.push([dx * step, dy * step, Math.hypot(dx, dy)]);
  out.sort((a, b) => a[2] - b[2] || a[1] - b[1] || a[0] - b[0]);
  const list = out.map(([x, y]): [number, number] => [x, y]);
  if (offsetMemo.size > 64) offsetMemo.clear();
  offsetMemo.set(key, list);
  return list;
}

/** A legal spot of a partner: its placement and world courtyard. */
interface Spot {
  p: Placement;
  court: Rect;
}

/**
 * Whether, with part i at p, every partner of `partners` finds a legal spot meeting its
 * constraints. Each partner's legal spots within reach are listed once (against the parts placed
 * so far); then the partners are packed greedily in several orders — each at the spot nearest its
 * pin, and swept from each side (partners pressed to one end leave the rest to the next: two
 * 0603s in the 4 mm strip under a WROOM's VCC pad fit only that way) — keeping the courtyard
 * clearance between partners. Leaves the state as it found it.
 */
export function roomForPartners(st: PlaceState, i: number, p: Placement, partners: readonly number[], step: number): boolean {
  if (partners.length === 0) return true;
  const prev = st.pos[i] ?? null;
  st.set(i, p);
  const lists = spotLists(st, partners, step);
  st.set(i, prev);
  return lists !== null && packsAny(st, lists);
}

/** Each partner's legal spots (against the parts placed now), or null when one has none. */
function spotLists(st: PlaceState, partners: readonly number[], step: number): { item: number; spots: Spot[] }[] | null {
  const lists: { item: number; spots: Spot[] }[] = [];
  for (const k of partners) {
    const rc = st.cons[k]!;
    const c = rc.item!;
    if (st.pos[c] !== null || lists.some((l) => l.item === c)) continue;
    const targets = nearTarget(st.model, rc, (j) => st.pos[j] ?? null);
    if (!targets || targets.length === 0) continue;
    const spots = spotsFor(st, c, targets, rc.near!.maxMm, step);
    if (spots.length === 0) return null;
    lists.push({ item: c, spots });
  }
  return lists;
}

/** Whether some greedy packing order fits every partner in the lists. */
function packsAny(st: PlaceState, lists: readonly { item: number; spots: Spot[] }[]): boolean {
  if (lists.length <= 1) return true;
  const centre = (s: Spot, axis: 0 | 1) => (s.court[axis] + s.court[axis + 2]!) / 2;
  const orders: ((a: Spot, b: Spot) => number)[] = [
    () => 0,
    (a, b) => centre(a, 0) - centre(b, 0),
    (a, b) => centre(b, 0) - centre(a, 0),
    (a, b) => centre(a, 1) - centre(b, 1),
    (a, b) => centre(b, 1) - centre(a, 1),
  ];
  for (const order of orders) {
    const sorted = lists.map((l) => ({ item: l.item, spots: [...l.spots].sort(order) }));
    if (packs(st, sorted) || packs(st, [...sorted].reverse())) return true;
  }
  return false;
}

/** One greedy packing: each partner takes its first spot clear of the partners packed before it. */
function packs(st: PlaceState, lists: readonly { item: number; spots: Spot[] }[]): boolean {
  const chosen: { item: number; court: Rect }[] = [];
  for (const l of lists) {
    const s = l.spots.find((x) => chosen.every((o) => clear(x.court, o.court, st.nearPartners[l.item]!.has(o.item) ? st.nearGap : st.gap)));
    if (!s) return false;
    chosen.push({ item: l.item, court: s.court });
  }
  return true;
}

/** Courtyards at least g apart (touching at exactly g is fine). */
const clear = (a: Rect, b: Rect, g: number) => b[0] >= a[2] + g - 1e-9 || a[0] >= b[2] + g - 1e-9 || b[1] >= a[3] + g - 1e-9 || a[1] >= b[3] + g - 1e-9;

/** Every legal spot of part c meeting its constraints within reach of the targets, nearest first. */
function spotsFor(st: PlaceState, c: number, targets: readonly (readonly [number, number])[], maxMm: number, step: number): Spot[] {
  const it = st.model.items[c]!;
  // the pad centroid of a part need not be its origin: reach covers the offset in any rotation
  const off = padCentroid(it, { x_mm: 0, y_mm: 0, rotation_deg: 0, side: 'top' });
  const reach = maxMm + Math.hypot(off[0], off[1]);
  const list = offsets(reach, step);
  // a part symmetric about its origin (a chip capacitor) has the same courtyard and pad centroid half a turn round
  const [x0, y0, x1, y1] = it.courtyard;
  const symmetric = Math.abs(x0 + x1) < 1e-9 && Math.abs(y0 + y1) < 1e-9 && Math.hypot(off[0], off[1]) < 1e-9;
  const rotations = symmetric ? ([0, 90] as const) : ROTATIONS;
  const out: Spot[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    const cx = Math.round(t[0] / step) * step;
    const cy = Math.round(t[1] / step) * step;
    for (const [dx, dy] of list) {
      for (const rotation_deg of rotations) {
        const q: Placement = { x_mm: round6(cx + dx), y_mm: round6(cy + dy), rotation_deg, side: 'top' };
        const key = `${q.x_mm},${q.y_mm},${rotation_deg}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (st.legal(c, q) && st.constraintsHold(c, q)) out.push({ p: q, court: courtyardAt(it, q) });
      }
    }
  }
  return out;
}
