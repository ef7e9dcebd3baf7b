import type { DesignRules } from './design-rules.js';
import { fmt, layersOfMask, type CopperItem, type CopperModel } from './copper.js';
import type { Bounds, Vec } from './geometry.js';
import { boxIndex } from './spatial.js';
import type { DrcFinding } from './types.js';

/**
 * DRC_TRACK_WIDTH for net classes (docs/drc.md, "Our DRC": DRC_TRACK_WIDTH is a single-item minimum;
 * the classes come from `resolveDesignRules`): a track of a net in a recorded class other than the
 * default must be at least the class's track width. The board minimum is checked in board-checks.ts.
 *
 * Neck-down: the router may narrow a class track towards the board minimum only close to a pad of
 * its own net (src/eda/route/core.ts, NECK_REACH_MM = 1 mm around the pad's box, snapped to its grid),
 * so a fine-pitch pin row can be entered or passed. A neck is a run of narrow tracks (joined end to
 * end) no longer than NECK_RUN_MM whose whole length lies within NECK_ALLOWANCE_MM of the boxes of
 * its own net's pads: those are not reported. The allowance is the router's reach plus half a
 * millimetre for its grid snapping and entry segments; a run may cross both sides of that reach. A
 * longer narrow run (a thin bus along a row of its own pull-ups) is reported however close to its
 * pads it runs (test/review/drc-neck-exemption-hides-long-track.test.ts).
 */
export const NECK_ALLOWANCE_MM = 1.5;
export const NECK_RUN_MM = 2 * NECK_ALLOWANCE_MM;

const EPS = 1e-6;
const round = (n: number): number => Math.round(n * 1e6) / 1e6;

export function checkClassWidths(model: CopperModel, rules: DesignRules): DrcFinding[] {
  const pads = model.items.filter((it) => it.kind === 'pad' && it.net !== null);
  const padIndex = boxIndex(pads.map((p) => p.bounds));
  const narrow: { item: CopperItem; width: number; cls: { name: string; trackWidthMm: number } }[] = [];
  for (const it of model.items) {
    if (it.kind !== 'track') continue;
    const cls = rules.classOfNet(it.net);
    if (cls === rules.defaultClass) continue;
    const width = it.shape.r * 2;
    // Below the board minimum board-checks.ts reports it already, with the board's number.
    if (width >= cls.trackWidthMm - EPS || width < rules.minTrackWidthMm - EPS) continue;
    narrow.push({ item: it, width, cls });
  }
  const runs = narrowRuns(narrow.map((n) => n.item));
  const runLength = runs.map((run) => run.reduce((sum, i) => sum + segmentLength(narrow[i]!.item), 0));
  const runOf = new Map<number, number>();
  runs.forEach((run, r) => run.forEach((i) => runOf.set(i, r)));
  const out: DrcFinding[] = [];
  narrow.forEach(({ item: it, width, cls }, i) => {
    const own = padIndex.near(it.bounds, NECK_ALLOWANCE_MM).map((k) => pads[k]!).filter((p) => p.net === it.net);
    if (runLength[runOf.get(i)!]! <= NECK_RUN_MM + EPS && isNeck(it, own)) return;
    const c = it.shape.core[0]!;
    const layer = layersOfMask(it.layerMask, model.layers)[0];
    out.push({
      rule_id: 'DRC_TRACK_WIDTH',
      severity: 'error',
      message: `${it.label} is ${fmt(width)} mm wide, net class ${cls.name} requires ${fmt(cls.trackWidthMm)} mm`,
      location: { x_mm: c[0], y_mm: c[1], ...(layer !== undefined ? { layer } : {}) },
      items: [it.label],
      nets: [it.netName],
      measured_mm: round(width),
      required_mm: cls.trackWidthMm,
    });
  });
  return out;
}

/** Narrow tracks of one net joined end to end (on any layer: a via joins them at a shared point), as lists of indexes. */
function narrowRuns(tracks: readonly CopperItem[]): number[][] {
  const parent = tracks.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byPoint = new Map<string, number>();
  tracks.forEach((t, i) => {
    for (const p of [t.shape.core[0]!, t.shape.core[1] ?? t.shape.core[0]!]) {
      const key = `${t.net}\u0000${Math.round(p[0] * 1000)}\u0000${Math.round(p[1] * 1000)}`;
      const other = byPoint.get(key);
      if (other === undefined) byPoint.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, number[]>();
  tracks.forEach((_, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()];
}

function segmentLength(track: CopperItem): number {
  const a = track.shape.core[0]!;
  const b = track.shape.core[1] ?? a;
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

/** Whether the track's centre line lies wholly inside the union of its own pads' boxes grown by the allowance. */
function isNeck(track: CopperItem, ownPads: CopperItem[]): boolean {
  const a = track.shape.core[0]!;
  const b = track.shape.core[1] ?? a;
  const spans = ownPads.map((p) => clip(a, b, grow(p.bounds, NECK_ALLOWANCE_MM))).filter((s): s is [number, number] => s !== null);
  spans.sort((p, q) => p[0] - q[0]);
  let covered = 0;
  for (const [t0, t1] of spans) {
    if (t0 > covered + EPS) return false;
    covered = Math.max(covered, t1);
  }
  return covered >= 1 - EPS;
}

const grow = (b: Bounds, m: number): Bounds => [b[0] - m, b[1] - m, b[2] + m, b[3] + m];

/** The parameter range [t0, t1] ⊆ [0, 1] of segment a→b inside the box (Liang–Barsky), or null. */
function clip(a: Vec, b: Vec, box: Bounds): [number, number] | null {
  let t0 = 0;
  let t1 = 1;
  const d: Vec = [b[0] - a[0], b[1] - a[1]];
  for (let axis = 0; axis < 2; axis++) {
    const lo = box[axis]!;
    const hi = box[axis + 2]!;
    const p = a[axis]!;
    const v = d[axis]!;
    if (Math.abs(v) < 1e-12) {
      if (p < lo || p > hi) return null;
      continue;
    }
    let u0 = (lo - p) / v;
    let u1 = (hi - p) / v;
    if (u0 > u1) [u0, u1] = [u1, u0];
    t0 = Math.max(t0, u0);
    t1 = Math.min(t1, u1);
    if (t0 > t1) return null;
  }
  return [t0, t1];
}
