import { z } from 'zod';

/**
 * ZapTrace design-v1 input shapes (corpus `schemas/design-v1.json`), as loose zod objects: they check
 * the types of the fields we read and give zod's issue path on a mismatch. Unknown keys are judged
 * separately (`noteKeys`), so one schema serves strict and lenient mode. `DROPPED_*` lists ZapTrace
 * fields that are valid input but have no place in the normalised model (warned, then ignored).
 */
const num = z.number().finite();
const str = z.string().max(100_000);
export const ZtPoint = z.tuple([num, num]);
const polygon = z.array(ZtPoint);

/** ZapTrace's pin types, plus the open-drain/open-collector/open-emitter and tri-state outputs a designer must be able to declare. */
export const ZT_PIN_TYPES = ['power', 'input', 'output', 'bidirectional', 'passive', 'no_connect', 'open_collector', 'open_drain', 'open_emitter', 'tristate'] as const;
export const ZT_NET_TYPES = ['power', 'signal', 'differential', 'clock', 'data', 'analog', 'ground'] as const;
export const ZT_NET_CLASSES = [
  'signal_low',
  'signal_high',
  'signal_analog',
  'power_low',
  'power_med',
  'power_high',
  'ground',
  'differential',
  'rf',
] as const;

export const ZtPin = z.looseObject({
  name: str.optional(),
  type: z.enum(ZT_PIN_TYPES).optional(),
  net: str.nullish(),
  description: str.optional(),
  current_domain: str.nullish(),
  /** Extension: pad number when it differs from the pin name. */
  number: z.union([str, num]).nullish(),
});
export const DROPPED_PIN = new Set(['position', 'voltage_level', 'pin_function']);

export const ZtComponent = z.looseObject({
  id: str.optional(),
  ref: str.optional(),
  type: str.optional(),
  value: z.union([str, num]).nullish(),
  footprint: str.nullish(),
  pins: z.record(z.string(), z.union([ZtPin, str, z.null()])).nullish(),
  mpn: str.nullish(),
  manufacturer: str.nullish(),
  voltage_supply: str.nullish(),
  properties: z.record(z.string(), z.json()).nullish(),
  position: ZtPoint.nullish(),
  dnp: z.boolean().optional(),
  lifecycle: z.enum(['active', 'nrnd', 'obsolete']).optional(),
  datasheet_url: str.nullish(),
  lcsc_id: str.nullish(),
  basic_part: z.boolean().nullish(),
  alternates: z.array(str).optional(),
  voltage_rating: num.nullish(),
  current_rating: num.nullish(),
  frequency_rating: num.nullish(),
  /** Extensions of the normalised model. */
  description: str.optional(),
  locked: z.boolean().optional(),
  part_id: str.nullish(),
});
/** Kept in `properties` under the same key, since they describe the part. */
export const COMPONENT_TO_PROPERTIES = [
  'lifecycle',
  'datasheet_url',
  'lcsc_id',
  'basic_part',
  'alternates',
  'voltage_rating',
  'current_rating',
  'frequency_rating',
] as const;
export const DROPPED_COMPONENT = new Set([
  'variants',
  'stock',
  'distributor_links',
  'price_usd',
  'supply_fetched_at',
  'symbol',
  'footprint_def',
]);

export const ZtNodeObject = z.looseObject({ component_ref: str, pin_name: z.union([str, num]) });
export const ZtNetConstraints = z.looseObject({
  impedance_target: num.nullish(),
  length_match_group: str.nullish(),
  max_length_mm: num.nullish(),
  diff_pair_partner: str.nullish(),
  diff_pair_gap_mm: num.nullish(),
  is_high_current: z.boolean().optional(),
  min_trace_width_mm: num.nullish(),
  return_path_net: str.nullish(),
  creepage_group: str.nullish(),
});
export const ZtNet = z.looseObject({
  id: str.optional(),
  name: str.optional(),
  type: z.enum(ZT_NET_TYPES).optional(),
  nodes: z.array(z.union([str, ZtNodeObject])).nullish(),
  constraints: ZtNetConstraints.nullish(),
});

export const ZtBoard = z.looseObject({
  width_mm: num.optional(),
  height_mm: num.optional(),
  layers: z.number().int().optional(),
  copper_pour_gnd: z.boolean().optional(),
  min_trace_width_mm: num.optional(),
  min_clearance_mm: num.optional(),
  min_via_diameter_mm: num.optional(),
  /** Extensions of the normalised model. */
  thickness_mm: num.optional(),
  min_via_drill_mm: num.optional(),
});
export const DROPPED_BOARD = new Set(['copper_pour_gnd']);

export const ZtBoardConstraints = z.looseObject({
  min_trace: num.optional(),
  min_clearance: num.optional(),
  min_hole: num.optional(),
  via_pad: num.optional(),
  via_hole: num.optional(),
  default_trace_signal: num.optional(),
  default_trace_power: num.optional(),
});
export const DROPPED_BOARD_CONSTRAINTS = new Set([
  'min_trace_power',
  'min_clearance_high_voltage',
  'min_annular_ring',
  'min_solder_mask_sliver',
]);
export const ZtMountingHole = z.looseObject({
  position: ZtPoint.optional(),
  diameter: num.optional(),
  plated: z.boolean().optional(),
});
export const ZtBoardDef = z.looseObject({
  width: num.optional(),
  height: num.optional(),
  layers: z.number().int().optional(),
  outline: polygon.optional(),
  cutouts: z.array(polygon).optional(),
  mounting_holes: z.array(ZtMountingHole).optional(),
  constraints: ZtBoardConstraints.optional(),
});
export const DROPPED_BOARD_DEF = new Set(['layer_stack', 'copper_pour_gnd']);

export const ZtTrace = z.looseObject({
  layer: str,
  start: ZtPoint,
  end: ZtPoint,
  width: num.optional(),
  net_id: str.optional(),
  via: z.boolean().optional(),
  via_diameter: num.optional(),
  via_hole: num.optional(),
});
export const ZtRouting = z.looseObject({
  traces: z.array(ZtTrace).optional(),
  vias: z.array(z.union([z.tuple([num, num, num, num]), z.tuple([num, num, num, num, str])])).optional(),
});
/** Computed summaries that are recomputed from tracks, not stored. */
export const DROPPED_ROUTING = new Set(['layers_used', 'total_trace_length_mm', 'net_count', 'routed_net_count']);

export const ZtPour = z.looseObject({
  layer: str.optional(),
  net_id: str.optional(),
  polygon: polygon.optional(),
});
export const DROPPED_POUR = new Set(['cutouts', 'thermal_reliefs', 'stitching_vias']);

export const ZtPlacementIntent = z.looseObject({
  component: str,
  edge: z.enum(['left', 'right', 'top', 'bottom']).nullish(),
  near: str.nullish(),
  max_distance_mm: num.nonnegative().nullish(),
  reason: str.optional(),
});
export const ZtRoutingIntent = z.looseObject({
  net: str,
  differential_pair: z.boolean().optional(),
  impedance_ohm: num.nonnegative().nullish(),
  length_match_mm: num.nonnegative().nullish(),
  copper_pour: z.boolean().optional(),
  stitching_vias: z.boolean().optional(),
  reason: str.optional(),
  /** Extension of the normalised model. */
  max_length_mm: num.positive().nullish(),
});
export const DROPPED_ROUTING_INTENT = new Set(['copper_pour', 'stitching_vias']);
export const ZtConstraints = z.looseObject({
  placement: z.array(ZtPlacementIntent).optional(),
  routing: z.array(ZtRoutingIntent).optional(),
});
export const DROPPED_CONSTRAINTS = new Set(['voltage_domains', 'manufacturing']);

export const ZtKeepout = z.looseObject({
  id: str,
  polygon,
  layers: z.array(str).optional(),
  no_tracks: z.boolean().optional(),
  no_vias: z.boolean().optional(),
  no_footprints: z.boolean().optional(),
});

export const ZtMeta = z.looseObject({
  name: str.optional(),
  version: z.union([str, num]).optional(),
  author: str.optional(),
  description: str.optional(),
  tags: z.array(str).optional(),
});
export const DROPPED_META = new Set(['revision']);

export const ZtDesign = z.looseObject({
  kind: str.optional(),
  schema_version: z.union([str, num]).optional(),
  meta: ZtMeta.optional(),
  components: z.record(z.string(), ZtComponent).nullish(),
  nets: z.record(z.string(), ZtNet).nullish(),
  board: ZtBoard.nullish(),
  board_def: ZtBoardDef.nullish(),
  placement: z.record(z.string(), ZtPoint).nullish(),
  routing: ZtRouting.nullish(),
  net_classes: z.record(z.string(), str).nullish(),
  copper_pours: z.record(z.string(), ZtPour).nullish(),
  constraints: ZtConstraints.nullish(),
  /** Extension: the normalised model's keepouts (the correctness corpus keeps them beside the design). */
  keepouts: z.array(ZtKeepout).nullish(),
});
export const DROPPED_DESIGN = new Set([
  'blocks',
  'drc_result',
  'prov_records',
  'import_losses',
  'sheets',
  'supply_chain',
  'manufacturing_records',
  'cable_harnesses',
  'enclosure',
  'multi_board',
]);

export type ZtDesign = z.infer<typeof ZtDesign>;
export type ZtComponent = z.infer<typeof ZtComponent>;
export type ZtPin = z.infer<typeof ZtPin>;
export type ZtNet = z.infer<typeof ZtNet>;

/** The keys a loose zod object declares, for `noteKeys`. */
export function shapeKeys(schema: { shape: Record<string, unknown> }, dropped: ReadonlySet<string> = new Set()): Set<string> {
  return new Set([...Object.keys(schema.shape), ...dropped]);
}
