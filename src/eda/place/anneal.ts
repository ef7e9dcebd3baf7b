import type { Rng } from '../../kernel/rng.js';
import type { Placement } from '../model/design.js';
import { spacingAt } from './model.js';
import { ROTATIONS, edgeOf, round6, snapToEdge, type PlaceState } from './place-state.js';

/**
 * Simulated annealing of zt-place-1 (shift, rotate, swap) on the half-perimeter wire length;
 * every move is checked with `PlaceState.legal` and `constraintsHold` before it is kept.
 */
/** Wire length (mm) a millimetre of constraint violation is worth in the annealer's cost. */
export const VIOLATION_WEIGHT = 20;

export function anneal(st: PlaceState, movable: number[], iterations: number, step: number, rng: Rng, allowBottom: boolean): void {
  if (movable.length === 0 || iterations <= 0) return;
  const b = st.model.outlineBox;
  const span = Math.max(b[2] - b[0], b[3] - b[1]);
  const netCount = Math.max(1, st.model.nets.length);
  const t0 = Math.max(0.5, (st.totalCost() / netCount) * 0.5);
  const t1 = 0.01;
  let bestCost = st.totalCost();
  let best = st.pos.slice();
  let cost = bestCost;
  for (let it = 0; it < iterations; it++) {
    const frac = it / iterations;
    const temp = t0 * Math.pow(t1 / t0, frac);
    const radius = Math.max(step, (span / 3) * (1 - frac));
    const i = movable[rng.int(movable.length)]!;
    const cur = st.pos[i]!;
    const kind = rng.next();
    const edge = edgeOf(st, i);
    let moved: number[];
    let next: Placement[];
    if (kind < 0.15 && movable.length > 1 && !edge) {
      // swap origins with another movable part
      const j = movable[rng.int(movable.length)]!;
      if (j === i || edgeOf(st, j)) continue;
      const pj = st.pos[j]!;
      moved = [i, j];
      next = [
        { x_mm: pj.x_mm, y_mm: pj.y_mm, rotation_deg: cur.rotation_deg, side: cur.side },
        { x_mm: cur.x_mm, y_mm: cur.y_mm, rotation_deg: pj.rotation_deg, side: pj.side },
      ];
    } else if (kind < 0.3) {
      // a part whose mating side faces out keeps its rotation and side
      if (edge && st.facingOf(i)) continue;
      const rot = ROTATIONS[(ROTATIONS.indexOf(cur.rotation_deg) + 1 + rng.int(3)) % 4]!;
      const side = allowBottom && rng.next() < 0.1 ? (cur.side === 'top' ? 'bottom' : 'top') : cur.side;
      let p: Placement = { x_mm: cur.x_mm, y_mm: cur.y_mm, rotation_deg: rot, side };
      if (edge) p = snapToEdge(st, i, p, edge);
      moved = [i];
      next = [p];
    } else {
      const dx = Math.round(((rng.next() * 2 - 1) * radius) / step) * step;
      const dy = Math.round(((rng.next() * 2 - 1) * radius) / step) * step;
      if (dx === 0 && dy === 0) continue;
      let p: Placement = { x_mm: round6(cur.x_mm + dx), y_mm: round6(cur.y_mm + dy), rotation_deg: cur.rotation_deg, side: cur.side };
      if (edge) p = snapToEdge(st, i, p, edge);
      moved = [i];
      next = [p];
    }
    const before = st.costOf(moved);
    const old: Placement[] = [];
    let vBefore = 0;
    let hBefore = 0;
    for (let n = 0; n < moved.length; n++) {
      old.push(st.pos[moved[n]!]!);
      vBefore += st.violation(moved[n]!, old[n]!);
      hBefore += st.violation(moved[n]!, old[n]!, true);
    }
    // legality of every moved part against the others (and each other)
    for (let n = 0; n < moved.length; n++) st.pos[moved[n]!] = next[n]!;
    let ok = true;
    for (let n = 0; n < moved.length && ok; n++) {
      const k = moved[n]!;
      st.index.remove(k);
    }
    for (let n = 0; n < moved.length && ok; n++) {
      const k = moved[n]!;
      ok = st.legal(k, next[n]!);
      if (ok) st.index.insert(k, spacingAt(st.model.items[k]!, next[n]!));
    }
    let vAfter = Infinity;
    let hAfter = Infinity;
    if (ok) {
      vAfter = 0;
      hAfter = 0;
      for (let n = 0; n < moved.length; n++) {
        vAfter += st.violation(moved[n]!, next[n]!);
        hAfter += st.violation(moved[n]!, next[n]!, true);
      }
    }
    // Constraints may only get closer to holding, and the hard ones on their own: a soft one
    // (a bulk capacitor, a sensor's distance from heat) never gains at a hard one's cost — the
    // LoRa gateway's first capacitor had walked from 2.85 to 3.2 mm of its pin so that the second,
    // then soft, could come closer.
    if (vAfter > vBefore + 1e-9 || hAfter > hBefore + 1e-9) ok = false;
    const after = ok ? st.costOf(moved) + VIOLATION_WEIGHT * vAfter : Infinity;
    const delta = after - (before + VIOLATION_WEIGHT * vBefore);
    if (ok && (delta <= 0 || rng.next() < Math.exp(-delta / temp))) {
      cost += delta;
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best = st.pos.slice();
      }
      continue;
    }
    for (let n = 0; n < moved.length; n++) st.set(moved[n]!, old[n]!);
  }
  best.forEach((p, k) => {
    if (st.pos[k] !== p) st.set(k, p);
  });
}
