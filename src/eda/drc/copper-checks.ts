import type { DesignRules } from './design-rules.js';
import type { CopperModel } from './copper.js';
import { fmt, layersOfMask } from './copper.js';
import { gapBetween, type Vec } from './geometry.js';
import { boxIndex, UnionFind } from './spatial.js';
import type { DrcFinding } from './types.js';

/**
 * Pairwise copper checks over spatial-index candidates: clearance between different nets, shorts
 * (different nets touching), and connectivity (same-net copper touching on a shared layer is
 * joined in a union-find; vias and through-hole pads carry every layer, so they join layers).
 * The islands are then compared with the netlist: a net whose copper lies in more than one
 * island is unconnected.
 */

/** Touching tolerance: 1 nm, far below any manufacturing size, above float noise. */
export const TOUCH_EPS_MM = 1e-6;

const mid = (a: Vec, b: Vec): Vec => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
const round = (n: number): number => Math.round(n * 1e6) / 1e6;

export interface CopperCheckResult {
  findings: DrcFinding[];
  pairsChecked: number;
  uf: UnionFind;
}

/**
 * `landClearance`: component id → the clearance between that footprint's own pads
 * (src/eda/drc/land-clearance.ts); every other pair keeps its net-class clearance.
 */
export function checkCopper(model: CopperModel, rules: DesignRules, landClearance: ReadonlyMap<string, number> = new Map()): CopperCheckResult {
  const { items, layers } = model;
  const findings: DrcFinding[] = [];
  const uf = new UnionFind(items.length);
  const maxClass = Math.max(rules.minClearanceMm, rules.holeClearanceMm, rules.defaultClass.clearanceMm, ...rules.classes.map((c) => c.clearanceMm));
  const index = boxIndex(items.map((it) => it.bounds));
  let pairsChecked = 0;

  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    for (const j of index.near(a.bounds, maxClass)) {
      if (j <= i) continue;
      const b = items[j]!;
      const shared = a.layerMask & b.layerMask;
      if (shared === 0) continue;
      pairsChecked++;
      const sameNet = a.net !== null && a.net === b.net;
      const samePad = a.padKey !== undefined && a.padKey === b.padKey;
      if (sameNet && !a.npth && !b.npth) {
        // Only touching matters for connectivity; skip the distance when already joined.
        if (uf.find(i) === uf.find(j)) continue;
        if (gapBetween(a.shape, b.shape).distance <= TOUCH_EPS_MM) uf.union(i, j);
        continue;
      }
      if (samePad) continue;
      const gap = gapBetween(a.shape, b.shape);
      const hole = a.npth || b.npth;
      const ownLands = a.component !== undefined && a.component === b.component ? landClearance.get(a.component) : undefined;
      // A non-plated hole keeps copper at the hole clearance; a footprint's own lands beside its
      // own locating holes are the library's geometry, held to the board minimum.
      const sameComponent = a.component !== undefined && a.component === b.component;
      const required = hole ? (sameComponent ? rules.minClearanceMm : rules.holeClearanceMm) : (ownLands ?? rules.clearanceBetween(a.net, b.net));
      const layer = layersOfMask(shared, layers)[0];
      const at = mid(gap.a, gap.b);
      const nets = [...new Set([a.netName, b.netName])];
      const location = { x_mm: round(at[0]), y_mm: round(at[1]), ...(layer !== undefined ? { layer } : {}) };
      if (gap.distance <= TOUCH_EPS_MM && !hole && a.net !== null && b.net !== null) {
        findings.push({
          rule_id: 'DRC_SHORT',
          severity: 'error',
          message: `${a.label} and ${b.label} touch: nets ${a.netName} and ${b.netName} are shorted`,
          location,
          items: [a.label, b.label],
          nets,
          measured_mm: round(gap.distance),
        });
        continue;
      }
      if (gap.distance < required - TOUCH_EPS_MM) {
        findings.push({
          rule_id: 'DRC_CLEARANCE',
          severity: 'error',
          message: `${a.label} and ${b.label}: clearance ${fmt(Math.max(0, gap.distance))} mm, required ${fmt(required)} mm`,
          location,
          items: [a.label, b.label],
          nets,
          measured_mm: round(gap.distance),
          required_mm: required,
        });
      }
    }
  }
  return { findings, pairsChecked, uf };
}

/** Nets whose copper (pads, tracks, vias) lies in more than one island. */
export function checkConnectivity(model: CopperModel, uf: UnionFind, netNames: (id: string) => string): DrcFinding[] {
  const byNet = new Map<string, number[]>();
  model.items.forEach((it, i) => {
    if (it.net === null || it.npth) return;
    const l = byNet.get(it.net) ?? [];
    l.push(i);
    byNet.set(it.net, l);
  });
  const findings: DrcFinding[] = [];
  for (const net of [...byNet.keys()].sort()) {
    const members = byNet.get(net)!;
    // Island root → members, in item order (pads first, so an island is named by a pad if it has one).
    const islands = new Map<number, number[]>();
    for (const i of members) {
      const r = uf.find(i);
      const l = islands.get(r) ?? [];
      l.push(i);
      islands.set(r, l);
    }
    if (islands.size <= 1) continue;
    const groups = [...islands.values()];
    const name = netNames(net);
    const second = model.items[groups[1]![0]!]!;
    const at = second.shape.core[0]!;
    const describe = (g: number[]): string => {
      const labels = g.map((i) => model.items[i]!.label);
      return labels.length <= 3 ? labels.join(' + ') : `${labels.slice(0, 3).join(' + ')} + ${labels.length - 3} more`;
    };
    findings.push({
      rule_id: 'DRC_UNCONNECTED',
      severity: 'error',
      message: `net ${name} is split into ${groups.length} copper islands: ${groups.map((g) => `[${describe(g)}]`).join(', ')}`,
      location: { x_mm: round(at[0]), y_mm: round(at[1]) },
      items: groups.map((g) => model.items[g[0]!]!.label),
      nets: [name],
    });
  }
  return findings;
}
