import { seededRng } from '../../kernel/rng.js';
import { invalidInput } from '../../kernel/errors.js';
import type { Design, Keepout, Placement, PlacementConstraint } from '../model/design.js';
import { routingGridOf, type FootprintResolver, type PinPadMapper } from '../board/index.js';
import { DEFAULT_NEAR_MM, evaluateConstraint, matchDecoupling, resolveConstraints, type ConstraintKind, type ResolvedConstraint } from './constraints.js';
import { antennaKeepouts, placeMountingHoles } from './edge-parts.js';
import { buildPlaceModel, type PlaceModel } from './model.js';
import { alignToRoutingGrid } from './grid-align.js';
import { PlaceState } from './place-state.js';
import { bestPosition, constructiveOrder } from './constructive.js';
import { anneal } from './anneal.js';

/**
 * zt-place-1 (docs/placement.md, "Algorithm"): constructive placement (parts in connectivity order, biggest and most
 * connected first, each at the legal grid position that adds the least wire length) followed by
 * simulated annealing (shift, rotate, swap) on the half-perimeter wire length, with every move
 * checked for legality: inside the outline by the edge clearance, courtyards apart by the
 * clearance plus a routing channel, clear of keep-outs, and the `edge`/`near` constraints held.
 * Deterministic for a seed: all randomness comes from seededRng and all orders are sorted.
 */

export interface PlaceOptions {
  seed?: number;
  /** Courtyard-to-courtyard clearance, default 0.25 mm. */
  clearanceMm?: number;
  /** Courtyard-to-board-edge clearance, default 0.5 mm. */
  edgeClearanceMm?: number;
  /** Extra spacing between courtyards left for routing, default 1 mm. */
  channelMm?: number;
  /**
   * When some part finds no legal position, retry the whole placement packed from the board's
   * corner, then with a narrower routing channel (halved, quartered, none), before reporting it
   * unplaced; the channel and anchor used are in `parameters`. Default true.
   */
  fallback?: boolean;
  allowBottom?: boolean;
  /** Annealing moves; default 400 per movable part (capped at 60 000). */
  iterations?: number;
  /** Position grid, default 0.25 mm. */
  stepMm?: number;
  mapPins?: PinPadMapper;
}

export interface PlaceResult {
  placement: Record<string, Placement>;
  /** Total half-perimeter wire length of all nets, mm (lower is better). */
  score: number;
  algorithm: 'zt-place-1';
  seed: number;
  unplaced: { component: string; reason: string }[];
  /**
   * Every constraint, stated or implied by the parts (`kind` says which), met or not; an unmet
   * `hard` one is a violation the release gate refuses.
   */
  constraintReport: ConstraintReportEntry[];
  /** Copper keep-outs the placement implies (antennas), to replace the placer's earlier ones. */
  keepouts: Keepout[];
  parameters: {
    clearanceMm: number;
    edgeClearanceMm: number;
    /** The channel the returned placement was made with (smaller than asked after a fallback). */
    channelMm: number;
    /** Every channel tried, in order; more than one entry means the asked channel did not fit. */
    channelsTriedMm: number[];
    /** Where unconnected parts were seeded: the board centre, or the top-left corner (fallback). */
    anchor: 'centre' | 'corner';
    stepMm: number;
    iterations: number;
    allowBottom: boolean;
  };
}

export interface ConstraintReportEntry {
  constraint: PlacementConstraint;
  kind: ConstraintKind;
  hard: boolean;
  satisfied: boolean;
  detail: string;
}

export function placeComponents(design: Design, resolve: FootprintResolver, options: PlaceOptions = {}): PlaceResult {
  const seed = options.seed ?? 1;
  const clearance = options.clearanceMm ?? 0.25;
  const edgeClr = options.edgeClearanceMm ?? 0.5;
  const channel = options.channelMm ?? 1;
  const step = options.stepMm ?? 0.25;
  const allowBottom = options.allowBottom ?? false;
  for (const [k, v] of Object.entries({ clearanceMm: clearance, edgeClearanceMm: edgeClr, channelMm: channel })) {
    if (!(Number.isFinite(v) && v >= 0)) throw invalidInput(`${k} must be a non-negative number`, ['options', k]);
  }
  if (!(Number.isFinite(step) && step > 0)) throw invalidInput('stepMm must be positive', ['options', 'stepMm']);
  const model = buildPlaceModel(design, resolve, options.mapPins);
  const cons = resolveConstraints(design, model);
  const channels = options.fallback === false ? [channel] : [...new Set([channel, channel / 2, channel / 4, 0].map(round3))];
  const tried: number[] = [];
  let result: PlaceResult | null = null;
  // Fallback order: the asked channel seeded from the board centre, then the same channel packed
  // from the top-left corner (a centred first part can split the board into strips too narrow for
  // a big part, e.g. a DIP-8 and a 6 mm switch on a 25 × 20 mm board), then narrower channels.
  search: for (const ch of channels) {
    tried.push(ch);
    for (const anchor of options.fallback === false ? (['centre'] as const) : (['centre', 'corner'] as const)) {
      const attempt = placeOnce(design, model, cons, { seed, clearance, edgeClr, channel: ch, step, allowBottom, anchor, ...(options.iterations !== undefined ? { iterations: options.iterations } : {}) });
      // Parts the board has no room for are the only reason to retry; a part with no footprint
      // stays unplaced whatever the channel.
      const crowded = attempt.unplaced.some((u) => u.reason.startsWith('no legal position'));
      if (!result || attempt.unplaced.length < result.unplaced.length) result = attempt;
      if (!crowded) break search;
    }
  }
  result!.parameters.channelsTriedMm = tried;
  result!.keepouts = antennaKeepouts(design, model, result!.placement, edgeClr);
  return result!;
}

interface AttemptOptions {
  seed: number;
  clearance: number;
  edgeClr: number;
  channel: number;
  step: number;
  allowBottom: boolean;
  /** Where a part with no placed neighbours goes: the board centre or its top-left corner. */
  anchor: 'centre' | 'corner';
  iterations?: number;
}

/** One complete placement (constructive seed + annealing) with one routing channel. */
function placeOnce(design: Design, model: PlaceModel, cons: ResolvedConstraint[], o: AttemptOptions): PlaceResult {
  const { seed, clearance, edgeClr, channel, step, allowBottom } = o;
  const rng = seededRng(seed);
  const gap = clearance + channel;
  const st = new PlaceState(model, design, cons, gap, edgeClr, o.anchor);
  st.nearGap = clearance;

  // Locked parts first, as given (reported if they break the rules, never moved).
  model.items.forEach((it, i) => {
    if (it.fixed && it.placement) st.set(i, it.placement);
  });
  const inCorners = new Set(placeMountingHoles(st, cons));
  const unplaced = [...model.unplaceable];
  if (!allowBottom) st.startOccupancy(step);
  for (const i of constructiveOrder(model, cons)) {
    if (model.items[i]!.fixed || inCorners.has(i)) continue;
    const best = bestPosition(st, i, step, allowBottom);
    if (best) st.set(i, best);
    else unplaced.push({ component: model.items[i]!.id, reason: 'no legal position left on the board (board too small or too crowded)' });
  }

  st.occupancy = null;
  const movable = model.items.map((_, i) => i).filter((i) => !model.items[i]!.fixed && !inCorners.has(i) && st.pos[i] !== null);
  const iterations = o.iterations ?? Math.min(60_000, 400 * movable.length);
  anneal(st, movable, iterations, step, rng, allowBottom);
  alignToRoutingGrid(st, model.items, movable, routingGridOf(design.board));

  const placement: Record<string, Placement> = {};
  model.items.forEach((it, i) => {
    const p = st.pos[i];
    if (p) placement[it.id] = p;
  });
  const at = (i: number) => st.pos[i] ?? null;
  return {
    placement,
    score: round3(st.totalCost()),
    algorithm: 'zt-place-1',
    seed,
    unplaced: unplaced.sort((a, b) => (a.component < b.component ? -1 : a.component > b.component ? 1 : 0)),
    constraintReport: matchDecoupling(model, cons, at).map((rc) => ({ constraint: rc.source, kind: rc.kind, hard: rc.hard, ...evaluateConstraint(model, rc, at, edgeClr) })),
    keepouts: [],
    parameters: { clearanceMm: clearance, edgeClearanceMm: edgeClr, channelMm: channel, channelsTriedMm: [channel], anchor: o.anchor, stepMm: step, iterations, allowBottom },
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export { DEFAULT_NEAR_MM };
