import type { Placement } from '../model/design.js';
import { footprintToWorld } from '../board/index.js';
import type { ResolvedConstraint } from './constraints.js';
import type { PlaceModel } from './model.js';
import { DECOUPLING_NEAR_MM, EDGES, nearTarget, rotationFacing } from './constraints.js';
import { VIOLATION_WEIGHT } from './anneal.js';
import { padCentroid } from './model.js';
import { ROTATIONS, edgeOf, round6, snapToEdge, wantsAnyEdge, type PlaceState } from './place-state.js';
import { partnersToLeaveRoomFor, roomForPartners } from './near-room.js';

/** Candidate positions of one part tested for its partners' room (`./near-room.ts`), at most. */
const ROOM_CHECKS = 40;
/** How far (mm) past the first legal ring the search goes on looking for a position with that room. */
const ROOM_SEARCH_MM = 6;

/** The constructive pass of zt-place-1: the order parts are placed in, and each part's best legal position. */

/**
 * Connectivity order: constrained-to-edge parts first (their room is scarce), then a greedy
 * walk — the most connected big part, then always the part with most connections to those
 * placed — with `near` parts held back until their target is placed.
 */
export function constructiveOrder(model: PlaceModel, cons: ResolvedConstraint[]): number[] {
  const n = model.items.length;
  const weight: Map<number, number>[] = model.items.map(() => new Map());
  for (const net of model.nets) {
    const items = [...new Set(net.terminals.map((t) => t.item))];
    const w = 1 / Math.max(1, items.length - 1);
    for (const a of items) for (const b of items) if (a !== b) weight[a]!.set(b, (weight[a]!.get(b) ?? 0) + w);
  }
  const waitsFor = new Map<number, number>();
  const nearRank = new Map<number, number>();
  const edgeItems = new Set<number>();
  for (const c of cons) {
    if (c.item === null || c.problem) continue;
    if (c.edge && c.edge !== 'any') edgeItems.add(c.item);
    if (c.near?.item !== null && c.near?.item !== undefined && c.near.item !== c.item) {
      waitsFor.set(c.item, c.near.item);
      // the tightest first: a hard bound to a single pad, then a pin with several pads, then soft ones
      const pads = c.near.pin === null ? 2 : c.near.pad !== null ? 1 : (model.items[c.near.item]!.pinPads.get(c.near.pin)?.length ?? 2);
      const loose = c.kind === 'decoupling' && c.near.maxMm > DECOUPLING_NEAR_MM;
      nearRank.set(c.item, Math.max(nearRank.get(c.item) ?? 0, loose ? 1 : pads === 1 ? 3 : 2));
    }
  }
  const placed = new Set<number>();
  const order: number[] = [];
  const degree = (i: number) => [...weight[i]!.values()].reduce((a, b) => a + b, 0);
  // Key parts that never change, and each part's link to the placed ones — summed afresh, in the
  // weight map's order, whenever a neighbour is placed (the same sum a full recount gives).
  const size = model.items.map((it, i) => degree(i) * it.area);
  const link = new Float64Array(n);
  const keyOf = (i: number): number[] => {
    const target = waitsFor.get(i);
    const ready = target === undefined || placed.has(target) ? 1 : 0;
    // a part bound `near` its placed target goes next, before others take the room beside it
    const nearReady = target !== undefined && placed.has(target) ? (nearRank.get(i) ?? 1) : 0;
    return [ready, edgeItems.has(i) ? 1 : 0, nearReady, link[i]!, size[i]!, -i];
  };
  while (order.length < n) {
    let best = -1;
    let bestKey: number[] = [];
    for (let i = 0; i < n; i++) {
      if (placed.has(i)) continue;
      const key = keyOf(i);
      if (best < 0 || compareKeys(key, bestKey) > 0) {
        best = i;
        bestKey = key;
      }
    }
    placed.add(best);
    order.push(best);
    for (const j of weight[best]!.keys()) {
      let sum = 0;
      for (const [k, w] of weight[j]!) if (placed.has(k)) sum += w;
      link[j] = sum;
    }
  }
  return order;
}

function compareKeys(a: number[], b: number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return 0;
}

/** Where the part would like to be: the mean of the placed pads it connects to, else the board centre. */
function idealPoint(st: PlaceState, i: number): [number, number] {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (const k of st.netsOf[i]!) {
    for (const t of st.model.nets[k]!.terminals) {
      if (t.item === i) continue;
      const p = st.pos[t.item];
      if (!p) continue;
      const w = footprintToWorld(st.model.items[t.item]!.pads[t.pad]!.local, p);
      sx += w[0];
      sy += w[1];
      n++;
    }
  }
  // A part bound `near` a pin starts its search at that pin's pad (the one nearest its nets when
  // the pin has several): the ring search samples far rings sparsely, and rings counted from the
  // target's origin skipped the rows beside a module's edge pad where the capacitors fit.
  for (const k of st.consOf[i]!) {
    const rc = st.cons[k]!;
    if (rc.item !== i || rc.near?.item === null || rc.near?.item === undefined) continue;
    const targets = nearTarget(st.model, rc, (j) => st.pos[j] ?? null);
    if (!targets || targets.length === 0) continue;
    if (n === 0) return [targets[0]![0], targets[0]![1]];
    const mx = sx / n;
    const my = sy / n;
    return [...targets].sort((a, b) => Math.hypot(a[0] - mx, a[1] - my) - Math.hypot(b[0] - mx, b[1] - my))[0]!;
  }
  const b = st.model.outlineBox;
  if (n > 0) return [sx / n, sy / n];
  return st.anchor === 'corner' ? [b[0], b[1]] : [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
}

/**
 * Ring search around the ideal point on a coarse grid (about a quarter of the part's smaller
 * courtyard side), keeping the candidate that adds the least wire length, then a refinement on
 * the fine grid around it.
 */
export function bestPosition(st: PlaceState, i: number, step: number, allowBottom: boolean): Placement | null {
  if (!wantsAnyEdge(st, i) || st.edgeChoice.has(i)) return bestPositionOn(st, i, step, allowBottom);
  // Some edge of our choosing: the cheapest of the four (ties to the first in EDGES order).
  let best: { p: Placement; edge: (typeof EDGES)[number]; cost: number } | null = null;
  for (const edge of EDGES) {
    st.edgeChoice.set(i, edge);
    const p = bestPositionOn(st, i, step, allowBottom);
    if (!p || !st.constraintsHold(i, p)) continue;
    const prev = st.pos[i] ?? null;
    st.pos[i] = p;
    const cost = st.costOf([i]);
    st.pos[i] = prev;
    if (!best || cost < best.cost - 1e-9) best = { p, edge, cost };
  }
  if (best) {
    st.edgeChoice.set(i, best.edge);
    return best.p;
  }
  // No edge has room: placed anywhere, and the report says the edge constraint failed.
  st.edgeChoice.delete(i);
  return bestPositionOn(st, i, step, allowBottom);
}

function bestPositionOn(st: PlaceState, i: number, step: number, allowBottom: boolean): Placement | null {
  const [ix, iy] = idealPoint(st, i);
  const it = st.model.items[i]!;
  const b = st.model.outlineBox;
  const minSide = Math.min(it.courtyard[2] - it.courtyard[0], it.courtyard[3] - it.courtyard[1]);
  const coarse = Math.max(step, Math.floor(minSide / 4 / step) * step);
  const edge = edgeOf(st, i);
  const facing = edge ? st.facingOf(i) : null;
  const sides: ('top' | 'bottom')[] = allowBottom && !facing ? ['top', 'bottom'] : ['top'];
  const rotations = facing && edge ? [rotationFacing(facing, edge)] : ROTATIONS;
  let best: Placement | null = null;
  let bestCost = Infinity;
  // Hard `near` partners not placed yet (decoupling capacitors of this IC, or of the IC this
  // capacitor serves): a position that leaves them no spot meeting their constraint is taken only
  // when no other holds (near-room.ts).
  const partners = partnersToLeaveRoomFor(st, i);
  let room: Placement | null = null;
  let roomCost = Infinity;
  let roomChecks = 0;
  const consider = (x: number, y: number, strict: boolean): boolean => {
    let any = false;
    if (!allowBottom && !edge && st.quickReject(i, x, y)) return false;
    const rx = round6(x);
    const ry = round6(y);
    for (const side of sides) {
      for (const rotation_deg of rotations) {
        if (!edge && !allowBottom && st.quickRejectAt(i, rx, ry, rotation_deg, side)) continue;
        let p: Placement = { x_mm: rx, y_mm: ry, rotation_deg, side };
        if (edge) p = snapToEdge(st, i, p, edge);
        if (!st.legal(i, p)) continue;
        if (strict && !st.constraintsHold(i, p)) continue;
        any = true;
        const prev = st.pos[i] ?? null;
        st.pos[i] = p;
        // without the constraints as rules, the nearest miss still wins over a far one
        const cost = st.costOf([i]) + (side === 'bottom' ? 1 : 0) + (strict ? 0 : VIOLATION_WEIGHT * st.violation(i, p));
        st.pos[i] = prev;
        if (cost < bestCost - 1e-9) {
          bestCost = cost;
          best = p;
        }
        // Among positions that hold the constraints, the cheapest that leaves the partners room.
        if (strict && partners.length > 0 && cost < roomCost - 1e-9 && roomChecks < ROOM_CHECKS) {
          roomChecks++;
          if (roomForPartners(st, i, p, partners, step)) {
            roomCost = cost;
            room = p;
          }
        }
      }
    }
    return any;
  };
  // First with constraints as hard rules, then without (the report says so); far rings are
  // sampled sparsely, and only an exhaustive last pass may declare the board full.
  const modes = [
    { strict: true, sparse: true, g: coarse },
    { strict: false, sparse: true, g: coarse },
    { strict: false, sparse: false, g: step },
  ];
  const bound = strictCentres(st, i);
  for (const { strict, sparse, g } of modes) {
    // Held to a pin, the strict search looks around each of the pin's pads out to the distance
    // allowed (nowhere else can hold it); otherwise one ring search around the ideal point.
    const centres = strict && bound ? bound.centres : [[ix, iy] as const];
    const maxRing = strict && bound ? Math.ceil(bound.reachMm / g) + 1 : Math.ceil(Math.max(b[2] - b[0], b[3] - b[1]) / g) + 1;
    for (const [ox, oy] of centres) {
      const cx = Math.round(ox / g) * g;
      const cy = Math.round(oy / g) * g;
      let foundAtRing = -1;
      let roomAtRing = -1;
      const seekRoom = strict && partners.length > 0;
      const extraRings = Math.ceil(ROOM_SEARCH_MM / g);
      const hadRoom = room !== null;
      for (let ring = 0; ring <= maxRing; ring++) {
        if (seekRoom && roomAtRing >= 0 && ring > roomAtRing + 3) break;
        if (seekRoom && roomAtRing < 0 && foundAtRing >= 0 && (ring > foundAtRing + 3 + extraRings || roomChecks >= ROOM_CHECKS)) break;
        if (!seekRoom && foundAtRing >= 0 && ring > foundAtRing + 3) break;
        if (sparse && ring > 24 && ring % Math.floor(ring / 12) !== 0) continue;
        forRing(ring, (dx, dy) => {
          if (consider(cx + dx * g, cy + dy * g, strict) && foundAtRing < 0) foundAtRing = ring;
          if (room && !hadRoom && roomAtRing < 0) roomAtRing = ring;
        });
      }
    }
    // A part moved off its cheapest spot for its partners' room keeps the coarse spot found:
    // refining it on the fine grid pulls it back towards whatever crowded it until the partners
    // just fit, with no channel left around them (the motor driver's flash supply, C7 to U3.VCC,
    // then found no route).
    if (room && room !== best) return room;
    if (best) {
      const chosen: Placement = best;
      if (g > step) {
        const k = Math.round(g / step);
        const before = roomChecks;
        roomChecks = ROOM_CHECKS; // the refinement judges wire length alone; its pick is checked once below
        for (let dy = -k; dy <= k; dy++) for (let dx = -k; dx <= k; dx++) consider(chosen.x_mm + dx * step, chosen.y_mm + dy * step, strict);
        roomChecks = before;
      }
      if (room && best !== room && !roomForPartners(st, i, best, partners, step)) return room;
      return best;
    }
  }
  return null;
}

/**
 * The pads a part bound `near` one placed pin must stand by, and how far its origin may be from
 * them (the distance allowed plus its pad centroid's offset from its origin), or null when the
 * part has no such single binding.
 */
function strictCentres(st: PlaceState, i: number): { centres: (readonly [number, number])[]; reachMm: number } | null {
  const bindings = st.consOf[i]!.map((k) => st.cons[k]!).filter((rc) => rc.item === i && !rc.problem && rc.near && rc.near.item !== null && rc.near.item !== i);
  if (bindings.length !== 1) return null;
  const rc = bindings[0]!;
  const targets = nearTarget(st.model, rc, (j) => st.pos[j] ?? null);
  if (!targets || targets.length === 0) return null;
  const off = padCentroid(st.model.items[i]!, { x_mm: 0, y_mm: 0, rotation_deg: 0, side: 'top' });
  return { centres: targets.map((t) => [t[0], t[1]] as const), reachMm: rc.near!.maxMm + Math.hypot(off[0], off[1]) };
}

/** Visits the offsets of the square ring at Chebyshev distance r, in a fixed order (no arrays made). */
function forRing(r: number, visit: (dx: number, dy: number) => void): void {
  if (r === 0) {
    visit(0, 0);
    return;
  }
  for (let k = -r; k <= r; k++) {
    visit(k, -r);
    visit(k, r);
    if (k !== -r && k !== r) {
      visit(-r, k);
      visit(r, k);
    }
  }
}
