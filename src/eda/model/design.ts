import { z } from 'zod';

/**
 * The normalised design model: what every projection, check, router and exporter reads.
 * ZapTrace's YAML/JSON (looser, with map-form shorthands) is turned into this by `eda/parse`.
 *
 * Conventions (docs/design-model.md):
 * - lengths in millimetres, names carry the unit (`width_mm`);
 * - board coordinates: origin at the board's top-left corner, x to the right, y downwards
 *   (the KiCad board convention, so exports need no flip); rotations in degrees, counter-clockwise
 *   as seen from the top, as in KiCad;
 * - connectivity lives in `nets[*].nodes` only; a node names a component by its id (the map key)
 *   and a pin by its name. Pins carry type and pad number, never a net.
 */

export const PIN_TYPES = [
  'power_in',
  'power_out',
  'input',
  'output',
  'bidirectional',
  'tristate',
  'passive',
  'open_collector',
  'open_emitter',
  'no_connect',
  'unspecified',
] as const;
export const PinType = z.enum(PIN_TYPES);
export type PinType = z.infer<typeof PinType>;

export const NET_TYPES = ['power', 'ground', 'signal', 'differential', 'clock', 'data', 'analog'] as const;
export const NetType = z.enum(NET_TYPES);
export type NetType = z.infer<typeof NetType>;

const finite = z.number().finite();
/**
 * Every coordinate lies within ±4,000 mm: twice the largest board (2,000 mm), so a part may sit
 * off even a maximal board, while no geometry, grid or export can overflow.
 */
export const MAX_COORD_MM = 4000;
const coord = finite.min(-MAX_COORD_MM).max(MAX_COORD_MM);
/** Lengths that are not coordinates (distances, track lengths): bounded the same way. */
const length = finite.nonnegative().max(2 * MAX_COORD_MM);
export const Point = z.tuple([coord, coord]);
export type Point = z.infer<typeof Point>;
export const Polygon = z.array(Point).min(3).max(10_000);

export const CopperLayer = z.string().regex(/^(F|B|In(?:[1-9]|[12][0-9]|30))\.Cu$/, 'a copper layer such as F.Cu, B.Cu or In1.Cu');
export type CopperLayer = z.infer<typeof CopperLayer>;

const name = z.string().min(1).max(200);

export const Pin = z
  .object({
    name,
    type: PinType,
    /** Pad number on the footprint; defaults to the pin name when absent. */
    number: z.string().min(1).max(32).nullable().default(null),
    description: z.string().max(500).default(''),
  })
  .strict();
export type Pin = z.infer<typeof Pin>;

export const Component = z
  .object({
    id: name,
    ref: name,
    type: name,
    value: z.string().max(200).nullable().default(null),
    footprint: z.string().max(200).nullable().default(null),
    /** Library part id when the component was resolved against the library. */
    part_id: z.string().max(200).nullable().default(null),
    mpn: z.string().max(200).nullable().default(null),
    manufacturer: z.string().max(200).nullable().default(null),
    description: z.string().max(1000).default(''),
    dnp: z.boolean().default(false),
    /** A locked component keeps its placement; the placer never moves it. */
    locked: z.boolean().default(false),
    voltage_supply: z.string().max(50).default(''),
    pins: z.record(name, Pin).default({}),
    properties: z.record(z.string().max(200), z.json()).default({}),
  })
  .strict();
export type Component = z.infer<typeof Component>;

export const NetNode = z.object({ component: name, pin: name }).strict();
export type NetNode = z.infer<typeof NetNode>;

export const Net = z
  .object({
    id: name,
    name,
    type: NetType.default('signal'),
    nodes: z.array(NetNode).max(10_000).default([]),
    /** Net class name (see `net_classes`); null means the default class. */
    class: z.string().max(100).nullable().default(null),
    constraints: z.record(z.string(), z.json()).default({}),
  })
  .strict();
export type Net = z.infer<typeof Net>;

/**
 * Fabrication minimums assumed when a design states none: 0.15 mm (6 mil) track is within the
 * standard process of common prototype fabs, 0.2 mm clearance and 0.6/0.3 mm vias are KiCad's
 * defaults. Routing classes stay at 0.2 mm (signal) / 0.4 mm (power); the 0.15 mm minimum is
 * what a track may neck down to at fine-pitch pads.
 */
export const DEFAULT_FAB_RULES = { min_trace_width_mm: 0.15, min_clearance_mm: 0.2, min_via_diameter_mm: 0.6, min_via_drill_mm: 0.3 } as const;

export const Board = z
  .object({
    width_mm: finite.positive().max(2000),
    height_mm: finite.positive().max(2000),
    layers: z.number().int().min(1).max(32),
    /** Outline polygon; absent means the rectangle (0,0)-(width,height). */
    outline_mm: Polygon.nullable().default(null),
    thickness_mm: finite.positive().max(10).default(1.6),
    min_trace_width_mm: finite.positive().max(10).default(DEFAULT_FAB_RULES.min_trace_width_mm),
    min_clearance_mm: finite.positive().max(10).default(DEFAULT_FAB_RULES.min_clearance_mm),
    min_via_diameter_mm: finite.positive().max(10).default(DEFAULT_FAB_RULES.min_via_diameter_mm),
    min_via_drill_mm: finite.positive().max(10).default(DEFAULT_FAB_RULES.min_via_drill_mm),
  })
  .strict();
export type Board = z.infer<typeof Board>;

export const NetClass = z
  .object({
    track_width_mm: finite.positive().max(20),
    clearance_mm: finite.positive().max(20),
    via_diameter_mm: finite.positive().max(20),
    via_drill_mm: finite.positive().max(20),
    /** Net names or glob patterns (`USB_D*`). */
    nets: z.array(z.string().max(200)).default([]),
  })
  .strict();
export type NetClass = z.infer<typeof NetClass>;

export const PlacementConstraint = z
  .object({
    component: name,
    edge: z.enum(['left', 'right', 'top', 'bottom']).nullable().default(null),
    /** "REF" or "REF.PIN". */
    near: z.string().max(200).nullable().default(null),
    max_distance_mm: length.nullable().default(null),
    reason: z.string().max(500).default(''),
  })
  .strict();
export type PlacementConstraint = z.infer<typeof PlacementConstraint>;

export const RoutingConstraint = z
  .object({
    net: z.string().max(200),
    differential_pair: z.boolean().default(false),
    impedance_ohm: finite.positive().max(10_000).nullable().default(null),
    length_match_mm: finite.nonnegative().max(1_000_000).nullable().default(null),
    max_length_mm: finite.positive().max(1_000_000).nullable().default(null),
    reason: z.string().max(500).default(''),
  })
  .strict();
export type RoutingConstraint = z.infer<typeof RoutingConstraint>;

export const Keepout = z
  .object({
    id: name,
    polygon: Polygon,
    /** Copper layers it applies to; empty means all. */
    layers: z.array(CopperLayer).default([]),
    no_tracks: z.boolean().default(true),
    no_vias: z.boolean().default(true),
    no_footprints: z.boolean().default(true),
  })
  .strict();
export type Keepout = z.infer<typeof Keepout>;

export const CopperPour = z
  .object({ net: name, layer: CopperLayer, polygon: Polygon })
  .strict();
export type CopperPour = z.infer<typeof CopperPour>;

export const Placement = z
  .object({
    x_mm: coord,
    y_mm: coord,
    rotation_deg: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
    side: z.enum(['top', 'bottom']),
  })
  .strict();
export type Placement = z.infer<typeof Placement>;

export const Track = z
  .object({ net: name, layer: CopperLayer, start: Point, end: Point, width_mm: finite.positive().max(20) })
  .strict();
export type Track = z.infer<typeof Track>;

export const Via = z
  .object({
    net: name,
    at: Point,
    diameter_mm: finite.positive().max(20),
    drill_mm: finite.positive().max(20),
  })
  .strict();
export type Via = z.infer<typeof Via>;

export const Routing = z.object({ tracks: z.array(Track).default([]), vias: z.array(Via).default([]) }).strict();
export type Routing = z.infer<typeof Routing>;

export const Design = z
  .object({
    schema_version: z.literal(1).default(1),
    meta: z
      .object({
        name,
        version: z.string().max(50).default('0.1.0'),
        description: z.string().max(2000).default(''),
        author: z.string().max(200).default(''),
        tags: z.array(z.string().max(100)).max(100).default([]),
      })
      .strict(),
    board: Board,
    components: z.record(name, Component).default({}),
    nets: z.record(name, Net).default({}),
    net_classes: z.record(z.string().max(100), NetClass).default({}),
    constraints: z
      .object({
        placement: z.array(PlacementConstraint).default([]),
        routing: z.array(RoutingConstraint).default([]),
      })
      .strict()
      .default({ placement: [], routing: [] }),
    keepouts: z.array(Keepout).default([]),
    copper_pours: z.record(name, CopperPour).default({}),
    /** Filled by the placer (or given by the design); keyed by component id. */
    placement: z.record(name, Placement).default({}),
    /** Filled by the router (or given by the design). */
    routing: Routing.default({ tracks: [], vias: [] }),
  })
  .strict();
export type Design = z.infer<typeof Design>;

/** The board outline as a polygon, whether given or implied by width and height. */
export function boardOutline(board: Board): Point[] {
  if (board.outline_mm) return board.outline_mm;
  return [
    [0, 0],
    [board.width_mm, 0],
    [board.width_mm, board.height_mm],
    [0, board.height_mm],
  ];
}

/** Copper layer names of a board with `layers` copper layers, front to back. */
export function copperLayers(layers: number): string[] {
  if (layers <= 1) return ['F.Cu'];
  const inner = Array.from({ length: layers - 2 }, (_, i) => `In${i + 1}.Cu`);
  return ['F.Cu', ...inner, 'B.Cu'];
}

/** Pad number of a pin: its explicit number, else its name. */
export function padNumberOf(pin: Pin): string {
  return pin.number ?? pin.name;
}

/** Finds a component by reference designator; returns undefined when absent or ambiguous. */
export function componentByRef(design: Design, ref: string): Component | undefined {
  let found: Component | undefined;
  for (const c of Object.values(design.components)) {
    if (c.ref === ref) {
      if (found) return undefined;
      found = c;
    }
  }
  return found;
}
