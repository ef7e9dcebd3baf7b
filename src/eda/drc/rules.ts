import type { DrcRuleInfo } from './types.js';

/** Bumped whenever a rule's meaning or default threshold changes (recorded with every result). */
export const DRC_RULESET_VERSION = 'zaptrace-drc-3';

/** The rule catalogue (drc_list_rules). Order is the order findings are reported in. */
export const DRC_RULES = [
  { id: 'DRC_MISSING_FOOTPRINT', severity: 'error', title: 'Footprint cannot be resolved', description: 'A component names no footprint or one the library cannot resolve; its copper is unknown, so the board cannot be checked.', kicad: [] },
  { id: 'DRC_UNPLACED', severity: 'error', title: 'Component not placed', description: 'A component with a footprint has no placement, so it has no copper on the board.', kicad: [] },
  { id: 'DRC_UNMAPPED_PIN', severity: 'error', title: 'Net pin without pad', description: 'A pin that a net uses maps onto no pad of the footprint, so the connection cannot exist in copper.', kicad: [] },
  { id: 'DRC_UNKNOWN_NET', severity: 'error', title: 'Track or via on an unknown net', description: 'A track or via names a net that is not in the design.', kicad: [] },
  { id: 'DRC_INVALID_LAYER', severity: 'error', title: 'Copper on a layer the board lacks', description: 'A track lies on a copper layer the board stack does not have.', kicad: [] },
  { id: 'DRC_CLEARANCE', severity: 'error', title: 'Copper clearance', description: 'Copper objects of different nets on a shared layer are closer than the larger of their net classes\u2019 clearances (and the board minimum).', kicad: ['clearance', 'hole_clearance'] },
  { id: 'DRC_SHORT', severity: 'error', title: 'Short circuit', description: 'Copper objects of different nets touch or overlap.', kicad: ['shorting_items', 'tracks_crossing'] },
  { id: 'DRC_UNCONNECTED', severity: 'error', title: 'Unconnected items', description: 'The copper of a net falls into more than one island: union-find over touching copper per layer, joined through vias and through-hole pads.', kicad: ['unconnected_items'] },
  { id: 'DRC_TRACK_WIDTH', severity: 'error', title: 'Track width', description: 'A track is narrower than the board\u2019s minimum track width, or than its net class\u2019s track width away from its own pads (a neck-down into a pad row is allowed within 1.5 mm of them).', kicad: ['track_width'] },
  { id: 'DRC_VIA_DIAMETER', severity: 'error', title: 'Via diameter', description: 'A via is smaller than the board\u2019s minimum via diameter.', kicad: ['via_diameter'] },
  { id: 'DRC_ANNULAR_RING', severity: 'error', title: 'Via annular ring', description: 'A via\u2019s annular ring, (diameter \u2212 drill)/2, is below the minimum.', kicad: ['annular_width'] },
  { id: 'DRC_HOLE_SIZE', severity: 'error', title: 'Hole size', description: 'A via or pad drill is below the minimum hole size.', kicad: ['drill_out_of_range'] },
  { id: 'DRC_HOLE_TO_HOLE', severity: 'error', title: 'Hole to hole', description: 'Two drilled holes (vias, pads) are closer, edge to edge, than the minimum.', kicad: ['hole_to_hole'] },
  { id: 'DRC_EDGE_CLEARANCE', severity: 'error', title: 'Copper to board edge', description: 'Copper is closer to the board outline than the copper-to-edge clearance, or lies outside the board.', kicad: ['copper_edge_clearance'] },
  { id: 'DRC_COURTYARD_OVERLAP', severity: 'error', title: 'Courtyard overlap', description: 'The courtyards of two footprints on the same side overlap.', kicad: ['courtyards_overlap'] },
  { id: 'DRC_OUTSIDE_BOARD', severity: 'error', title: 'Component outside the board', description: 'A footprint\u2019s courtyard is not entirely inside the board outline.', kicad: [] },
  { id: 'DRC_KEEPOUT', severity: 'error', title: 'Track or via in a keep-out', description: 'A track or via lies inside a design keep-out (antenna, mounting hole, cut-out) on a copper layer it covers.', kicad: ['items_not_allowed'] },
  { id: 'DRC_ZONE_OVERLAP', severity: 'error', title: 'Pours of different nets overlap', description: 'Two copper pours of different nets on the same layer overlap.', kicad: ['zones_intersect'] },
  { id: 'DRC_ZONE_NOT_FILLED', severity: 'info', title: 'Copper pour not filled', description: 'Copper pours are written as unfilled zones; they take no part in clearance or connectivity until filled in KiCad.', kicad: [] },
] as const satisfies readonly DrcRuleInfo[];

export type DrcRuleId = (typeof DRC_RULES)[number]['id'];

export function listDrcRules(): DrcRuleInfo[] {
  return DRC_RULES.map((r) => ({ ...r, kicad: [...r.kicad] }));
}

const BY_ID = new Map<string, DrcRuleInfo>(DRC_RULES.map((r) => [r.id, r]));
export function drcRule(id: DrcRuleId): DrcRuleInfo {
  return BY_ID.get(id)!;
}
