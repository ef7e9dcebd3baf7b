import type { Design, NetClass } from '../model/design.js';
import { own } from '../../kernel/own.js';

/**
 * The design rules both our DRC and the exported KiCad project use, resolved from the design
 * (board minimums, net classes) plus options. Keeping one resolver means `writeKicadPro` and
 * `runDrc` can never disagree about a number, so a difference between our report and kicad-cli's
 * points at geometry, not at configuration (docs/drc.md; test/eda/drc/kicad-agreement.test.ts).
 */

export interface DrcOptions {
  /** Copper to board edge; default: the board's min clearance. */
  copperEdgeClearanceMm?: number;
  /** Via annular ring ((diameter − drill) / 2); default 0.1 mm (a common fab minimum). */
  minAnnularRingMm?: number;
  /** Smallest drilled hole; default: the board's min via drill. */
  minHoleMm?: number;
  /** Hole edge to hole edge; default 0.25 mm (KiCad's default `min_hole_to_hole`). */
  holeToHoleMm?: number;
  /** Gap courtyards of footprints on the same side must keep; default 0 (touching is allowed). */
  courtyardClearanceMm?: number;
  /**
   * Copper to a hole's edge (KiCad `min_hole_clearance` / `hole_clearance`); default 0.25 mm,
   * KiCad 9's default board setup, and never below the board's min clearance. Keeping to KiCad's
   * default means the board passes KiCad's DRC even where our project file is not beside it.
   */
  holeClearanceMm?: number;
}

/** KiCad 9's default copper-to-hole clearance (Board Setup → Constraints, `min_hole_clearance`). */
export const KICAD_DEFAULT_HOLE_CLEARANCE_MM = 0.25;

export interface ResolvedClass {
  name: string;
  trackWidthMm: number;
  clearanceMm: number;
  viaDiameterMm: number;
  viaDrillMm: number;
  /** Net-name patterns (KiCad netclass_patterns: `*` and `?` wildcards). */
  patterns: string[];
}

export interface DesignRules {
  minClearanceMm: number;
  minTrackWidthMm: number;
  minViaDiameterMm: number;
  minViaDrillMm: number;
  minAnnularRingMm: number;
  minHoleMm: number;
  holeToHoleMm: number;
  /** Copper of another net (or any copper, for a non-plated hole) to a hole's edge. */
  holeClearanceMm: number;
  copperEdgeClearanceMm: number;
  courtyardClearanceMm: number;
  defaultClass: ResolvedClass;
  classes: ResolvedClass[];
  /** Net id → class. Nets not in the design map to the default class. */
  classOfNet: (netId: string | null) => ResolvedClass;
  /** Required copper clearance between two objects of the given nets (KiCad: the larger class clearance). */
  clearanceBetween: (a: string | null, b: string | null) => number;
}

const DEFAULT_NAMES = ['Default', 'default'];

function toClass(name: string, c: NetClass): ResolvedClass {
  return {
    name,
    trackWidthMm: c.track_width_mm,
    clearanceMm: c.clearance_mm,
    viaDiameterMm: c.via_diameter_mm,
    viaDrillMm: c.via_drill_mm,
    patterns: [...c.nets],
  };
}

/** Glob with `*` and `?`, anchored, like KiCad's net class patterns. */
export function globMatch(pattern: string, text: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return re.test(text);
}

export function resolveDesignRules(design: Design, options: DrcOptions = {}): DesignRules {
  const b = design.board;
  const defaultKey = DEFAULT_NAMES.find((n) => design.net_classes[n] !== undefined);
  const defaultClass: ResolvedClass = defaultKey
    ? { ...toClass('Default', design.net_classes[defaultKey]!), patterns: [] }
    : {
        name: 'Default',
        trackWidthMm: b.min_trace_width_mm,
        clearanceMm: b.min_clearance_mm,
        viaDiameterMm: b.min_via_diameter_mm,
        viaDrillMm: b.min_via_drill_mm,
        patterns: [],
      };
  const classes = Object.keys(design.net_classes)
    .filter((n) => n !== defaultKey)
    .sort()
    .map((n) => toClass(n, design.net_classes[n]!));
  const byName = new Map(classes.map((c) => [c.name, c]));

  const cache = new Map<string, ResolvedClass>();
  const classOfNet = (netId: string | null): ResolvedClass => {
    if (netId === null) return defaultClass;
    const hit = cache.get(netId);
    if (hit) return hit;
    const net = own(design.nets, netId);
    let found = defaultClass;
    if (net) {
      if (net.class !== null && DEFAULT_NAMES.includes(net.class)) found = defaultClass;
      else {
        const explicit = net.class !== null ? byName.get(net.class) : undefined;
        found = explicit ?? classes.find((c) => c.patterns.some((p) => globMatch(p, net.name))) ?? defaultClass;
      }
    }
    cache.set(netId, found);
    return found;
  };

  return {
    minClearanceMm: b.min_clearance_mm,
    minTrackWidthMm: b.min_trace_width_mm,
    minViaDiameterMm: b.min_via_diameter_mm,
    minViaDrillMm: b.min_via_drill_mm,
    minAnnularRingMm: options.minAnnularRingMm ?? 0.1,
    minHoleMm: options.minHoleMm ?? b.min_via_drill_mm,
    holeToHoleMm: options.holeToHoleMm ?? 0.25,
    holeClearanceMm: Math.max(b.min_clearance_mm, options.holeClearanceMm ?? KICAD_DEFAULT_HOLE_CLEARANCE_MM),
    copperEdgeClearanceMm: options.copperEdgeClearanceMm ?? b.min_clearance_mm,
    courtyardClearanceMm: options.courtyardClearanceMm ?? 0,
    defaultClass,
    classes,
    classOfNet,
    clearanceBetween: (a, c) => Math.max(b.min_clearance_mm, classOfNet(a).clearanceMm, classOfNet(c).clearanceMm),
  };
}
