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
 * so a fine-pitch pin row can be entered. A narrow track whose whole length lies within
 * NECK_ALLOWANCE_MM of the boxes of its own net's pads is such a neck and is not reported; the
 * allowance is the router's reach plus half a millimetre for its grid snapping and entry segments.
 */
export const NECK_ALLOWANCE_MM = 1.5;

const EPS = 1e-6;
const round = (n: number): number => Math.round(n * 1e6) / 1e6;

export function checkClassWidths(model: CopperModel, rules: DesignRules): DrcFinding[] {
  const pads = model.items.filter((it) => it.kind === 'pad' && it.net !== null);
  const padIndex = boxIndex(pads.map((p) => p.bounds));
  const out: DrcFinding[] = [];
  for (const it of model.items) {
    if (it.kind !== 'track') continue;
    const cls = rules.classOfNet(it.net);
    if (cls === rules.defaultClass) continue;
    const width = it.shape.r * 2;
    // Below the board minimum board-checks.ts reports it already, with the board's number.
    if (width >= cls.trackWidthMm - EPS || width < rules.minTrackWidthMm - EPS) continue;
    const own = padIndex.near(it.bounds, NECK_ALLOWANCE_MM).map((i) => pads[i]!).filter((p) => p.net === it.net);
    if (isNeck(it, own)) continue;
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
  }
  return out;
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
