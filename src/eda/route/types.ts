/**
 * The router's own problem form (docs/routing.md): pads as shaped obstacles with nets, point
 * lists to join per net, one or more copper layers. `routeNets` builds it from a Design, and
 * tscircuit's SimpleRouteJson is imported into it, so both are routed by the same core.
 */

export type XY = [number, number];

export interface RouteClass {
  traceWidthMm: number;
  clearanceMm: number;
  viaDiameterMm: number;
  viaDrillMm: number;
}

export type ObstacleShapeInput =
  | { kind: 'rect'; center: XY; size: XY; rotationDeg?: number; /** Rounded corners (KiCad roundrect). */ cornerRadiusMm?: number }
  | { kind: 'oval'; center: XY; size: XY; rotationDeg?: number }
  | { kind: 'circle'; center: XY; diameterMm: number };

export interface RouteObstacle {
  shape: ObstacleShapeInput;
  /** Layer names the copper occupies (through-hole: all). */
  layers: string[];
  /** Net name, or null for copper on no net (always an obstacle). */
  net: string | null;
  /** Drill of a hole in it (through-hole pad, NPTH), for via hole-to-hole clearance. */
  drillMm?: number | null;
  /** A non-plated hole: tracks keep `copperToHoleMm` from it. */
  npth?: boolean;
}

export interface RoutePoint {
  x: number;
  y: number;
  /** Layer the point is reachable on; for a through-hole pad give all its layers in `layers`. */
  layer: string;
  layers?: string[];
  /** Index of the obstacle (pad) the point lies on; found by containment when absent. */
  obstacle?: number;
  /** A label for reports, e.g. "U1.VCC". */
  label?: string;
}

export interface RouteConnectionInput {
  net: string;
  points: RoutePoint[];
}

export interface RouteKeepout {
  polygon: XY[];
  /** Layers it applies to; empty = all. */
  layers: string[];
  noTracks: boolean;
  noVias: boolean;
}

export interface RouteProblem {
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
  /** Board outline; the bounds rectangle when absent. */
  outline?: XY[];
  /** Copper layer names, front to back. */
  layers: string[];
  obstacles: RouteObstacle[];
  connections: RouteConnectionInput[];
  /** Default class. */
  traceWidthMm: number;
  clearanceMm: number;
  viaDiameterMm: number;
  viaDrillMm: number;
  /** Per-net class overrides, keyed by net name. */
  netClasses?: Record<string, RouteClass>;
  keepouts?: RouteKeepout[];
  /** Copper-to-board-edge clearance; default: the default class clearance. */
  edgeClearanceMm?: number;
  /** Hole-to-hole clearance for vias against drilled holes; default 0.25 mm (KiCad's default rule). */
  holeClearanceMm?: number;
  /** Copper to a non-plated hole's edge; default 0.25 mm (KiCad 9's default `hole_clearance`). */
  copperToHoleMm?: number;
  /**
   * Neck-down width: near its own pads a net whose class track does not fit between fine-pitch
   * lands may narrow to this width (same clearance), as a board designer necks a power track
   * into a 0.5 mm pitch pin. Absent: tracks keep their class width everywhere.
   */
  neckWidthMm?: number;
}

export interface RouteOptions {
  gridMm?: number;
  seed?: number;
  /**
   * Approximate time limit, turned into a work budget (`EXPANSIONS_PER_MS` search expansions per
   * ms) so that the result never depends on the clock; `workBudget` sets the count directly.
   */
  timeLimitMs?: number;
  /** Total search expansions allowed for the run (overrides `timeLimitMs`). */
  workBudget?: number;
  /** Rip-up-and-reroute rounds after the first pass. */
  maxRipupRounds?: number;
  /** Cost of a via in mm of track. */
  viaCostMm?: number;
  onProgress?: (done: number, total: number, message: string) => void;
}

export interface RoutedTrack {
  net: string;
  layer: string;
  start: XY;
  end: XY;
  widthMm: number;
}

export interface RoutedVia {
  net: string;
  at: XY;
  diameterMm: number;
  drillMm: number;
}

/**
 * `timeout`: the work budget ran out; `off-board`: the pad has no spot inside the outline (at the
 * copper-to-edge clearance) where a track could end, so the problem does not fit its board.
 */
export type UnroutedReason = 'blocked' | 'timeout' | 'pad-unreachable' | 'off-board';

export interface ConnectionStatus {
  net: string;
  /** Indexes into the net's merged point list (the order of `connections` of that net). */
  from: number;
  to: number;
  fromLabel: string;
  toLabel: string;
  status: 'routed' | 'unrouted';
  reason?: UnroutedReason;
}

export interface RouteResult {
  tracks: RoutedTrack[];
  vias: RoutedVia[];
  connections: ConnectionStatus[];
  completion: { routed: number; total: number; complete: boolean };
  router: 'zt-route-1';
  parameters: {
    gridMm: number;
    viaCostMm: number;
    maxRipupRounds: number;
    timeLimitMs: number | null;
    /** Search expansions allowed (null: unlimited) and used. */
    workBudget: number | null;
    workUsed: number;
    ripupRoundsUsed: number;
    neckWidthMm: number | null;
  };
  /** Points whose pad has no room inside the outline: the problem does not fit its board. */
  offBoard: { net: string; label: string }[];
  seed: number;
}
