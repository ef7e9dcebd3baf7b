import { seededRng, type Rng } from '../../kernel/rng.js';
import { invalidInput } from '../../kernel/errors.js';
import type { Design, Placement, PlacementConstraint } from '../model/design.js';
import { footprintToWorld, routingGridOf, type FootprintResolver, type PinPadMapper, type Rect } from '../board/index.js';
import { DEFAULT_NEAR_MM, edgeGap, evaluateConstraint, nearDistance, resolveConstraints, type ResolvedConstraint } from './constraints.js';
import { buildPlaceModel, courtyardAt, rectInsidePolygon, rectOverlapsPolygon, type PlaceModel } from './model.js';
import { RectIndex } from './spatial.js';
import { alignToRoutingGrid } from './grid-align.js';

/**
 * zt-place-1 (issue 4): constructive placement (parts in connectivity order, biggest and most
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
  constraintReport: { constraint: PlacementConstraint; satisfied: boolean; detail: string }[];
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

const ROTATIONS = [0, 90, 180, 270] as const;

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

  // Locked parts first, as given (reported if they break the rules, never moved).
  model.items.forEach((it, i) => {
    if (it.fixed && it.placement) st.set(i, it.placement);
  });
  const unplaced = [...model.unplaceable];
  for (const i of constructiveOrder(model, cons)) {
    if (model.items[i]!.fixed) continue;
    const best = bestPosition(st, i, step, allowBottom);
    if (best) st.set(i, best);
    else unplaced.push({ component: model.items[i]!.id, reason: 'no legal position left on the board (board too small or too crowded)' });
  }

  const movable = model.items.map((_, i) => i).filter((i) => !model.items[i]!.fixed && st.pos[i] !== null);
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
    constraintReport: cons.map((rc) => ({ constraint: rc.source, ...evaluateConstraint(model, rc, at, edgeClr) })),
    parameters: { clearanceMm: clearance, edgeClearanceMm: edgeClr, channelMm: channel, channelsTriedMm: [channel], anchor: o.anchor, stepMm: step, iterations, allowBottom },
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Current positions, the overlap index and the wire-length bookkeeping. */
class PlaceState {
  readonly pos: (Placement | null)[];
  readonly index: RectIndex;
  readonly netsOf: number[][];
  readonly consOf: number[][];
  /** The outline is its own bounding box: the cheap bounds test is exact. */
  readonly rectOutline: boolean;

  constructor(
    readonly model: PlaceModel,
    readonly design: Design,
    readonly cons: ResolvedConstraint[],
    readonly gap: number,
    readonly edgeClr: number,
    readonly anchor: 'centre' | 'corner' = 'centre',
  ) {
    this.pos = model.items.map(() => null);
    const ob = model.outlineBox;
    this.rectOutline =
      model.outline.length === 4 && model.outline.every(([x, y]) => (x === ob[0] || x === ob[2]) && (y === ob[1] || y === ob[3]));
    this.index = new RectIndex(5, model.outlineBox[0], model.outlineBox[1]);
    this.netsOf = model.items.map(() => []);
    model.nets.forEach((n, k) => {
      for (const t of n.terminals) if (!this.netsOf[t.item]!.includes(k)) this.netsOf[t.item]!.push(k);
    });
    this.consOf = model.items.map(() => []);
    cons.forEach((c, k) => {
      if (c.item !== null) this.consOf[c.item]!.push(k);
      if (c.near?.item !== null && c.near?.item !== undefined && c.near.item !== c.item) this.consOf[c.near.item]!.push(k);
    });
  }

  set(i: number, p: Placement | null): void {
    this.pos[i] = p;
    if (p) this.index.insert(i, courtyardAt(this.model.items[i]!, p));
    else this.index.remove(i);
  }

  /** Half-perimeter of a net over its placed terminals. */
  netCost(k: number): number {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const t of this.model.nets[k]!.terminals) {
      const p = this.pos[t.item];
      if (!p) continue;
      const w = footprintToWorld(this.model.items[t.item]!.pads[t.pad]!.local, p);
      if (w[0] < x0) x0 = w[0];
      if (w[0] > x1) x1 = w[0];
      if (w[1] < y0) y0 = w[1];
      if (w[1] > y1) y1 = w[1];
    }
    return x1 >= x0 ? x1 - x0 + (y1 - y0) : 0;
  }

  costOf(items: number[]): number {
    const nets = new Set<number>();
    for (const i of items) for (const k of this.netsOf[i]!) nets.add(k);
    let c = 0;
    for (const k of nets) c += this.netCost(k);
    return c;
  }

  totalCost(): number {
    let c = 0;
    for (let k = 0; k < this.model.nets.length; k++) c += this.netCost(k);
    return c;
  }

  /** Whether item i may stand at p given every other placed part (ignoring those in `ignore`). */
  legal(i: number, p: Placement, ignore: readonly number[] = []): boolean {
    const it = this.model.items[i]!;
    const r = courtyardAt(it, p);
    const m = this.model;
    const b = m.outlineBox;
    const e = this.edgeClr - 1e-9;
    if (r[0] < b[0] + e || r[1] < b[1] + e || r[2] > b[2] - e || r[3] > b[3] - e) return false;
    const clash = (j: number): boolean => {
      if (j === i || ignore.includes(j)) return false;
      return this.pos[j]!.side === p.side || it.throughHole || m.items[j]!.throughHole;
    };
    if (this.index.any(r, this.gap, clash)) return false;
    if (!this.rectOutline) {
      const inset: Rect = [r[0] - e, r[1] - e, r[2] + e, r[3] + e];
      if (!rectInsidePolygon(inset, m.outline)) return false;
    }
    for (const ko of this.design.keepouts) if (ko.no_footprints && rectOverlapsPolygon(r, ko.polygon)) return false;
    return true;
  }

  /** Whether the constraints touching item i hold with i at p (others as they are). */
  constraintsHold(i: number, p: Placement): boolean {
    const at = (k: number) => (k === i ? p : (this.pos[k] ?? null));
    for (const k of this.consOf[i]!) {
      const rc = this.cons[k]!;
      if (rc.problem) continue;
      if (rc.edge && rc.item === i) {
        const g = edgeGap(this.model.outlineBox, courtyardAt(this.model.items[i]!, p), rc.edge);
        if (Math.abs(g - this.edgeClr) > 1e-6) return false;
      }
      if (rc.near) {
        const d = nearDistance(this.model, rc, at);
        if (d !== null && d > rc.near.maxMm + 1e-9) return false;
      }
    }
    return true;
  }
}

/**
 * Connectivity order: constrained-to-edge parts first (their room is scarce), then a greedy
 * walk — the most connected big part, then always the part with most connections to those
 * placed — with `near` parts held back until their target is placed.
 */
function constructiveOrder(model: PlaceModel, cons: ResolvedConstraint[]): number[] {
  const n = model.items.length;
  const weight: Map<number, number>[] = model.items.map(() => new Map());
  for (const net of model.nets) {
    const items = [...new Set(net.terminals.map((t) => t.item))];
    const w = 1 / Math.max(1, items.length - 1);
    for (const a of items) for (const b of items) if (a !== b) weight[a]!.set(b, (weight[a]!.get(b) ?? 0) + w);
  }
  const waitsFor = new Map<number, number>();
  const edgeItems = new Set<number>();
  for (const c of cons) {
    if (c.item === null || c.problem) continue;
    if (c.edge) edgeItems.add(c.item);
    if (c.near?.item !== null && c.near?.item !== undefined && c.near.item !== c.item) waitsFor.set(c.item, c.near.item);
  }
  const placed = new Set<number>();
  const order: number[] = [];
  const degree = (i: number) => [...weight[i]!.values()].reduce((a, b) => a + b, 0);
  while (order.length < n) {
    let best = -1;
    let bestKey: number[] = [];
    for (let i = 0; i < n; i++) {
      if (placed.has(i)) continue;
      const target = waitsFor.get(i);
      const ready = target === undefined || placed.has(target) ? 1 : 0;
      let link = 0;
      for (const [j, w] of weight[i]!) if (placed.has(j)) link += w;
      const key = [ready, edgeItems.has(i) ? 1 : 0, link, degree(i) * model.items[i]!.area, -i];
      if (best < 0 || compareKeys(key, bestKey) > 0) {
        best = i;
        bestKey = key;
      }
    }
    placed.add(best);
    order.push(best);
  }
  return order;
}

function compareKeys(a: number[], b: number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return 0;
}

/** Where the part would like to be: the mean of the placed pads it connects to, else the board centre. */
function idealPoint(st: PlaceState, i: number): [number, number] {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (const k of st.netsOf[i]!) {
    for (const t of st.model.nets[k]!.terminals) {
      if (t.item === i) continue;
      const p = st.pos[t.item];
      if (!p) continue;
      const w = footprintToWorld(st.model.items[t.item]!.pads[t.pad]!.local, p);
      sx += w[0];
      sy += w[1];
      n++;
    }
  }
  for (const k of st.consOf[i]!) {
    const rc = st.cons[k]!;
    if (rc.item === i && rc.near?.item !== null && rc.near?.item !== undefined) {
      const p = st.pos[rc.near.item];
      if (p) return [p.x_mm, p.y_mm];
    }
  }
  const b = st.model.outlineBox;
  if (n > 0) return [sx / n, sy / n];
  return st.anchor === 'corner' ? [b[0], b[1]] : [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
}

/** The origin that puts the courtyard exactly at the edge clearance of the named edge. */
function snapToEdge(st: PlaceState, i: number, p: Placement, edge: 'left' | 'right' | 'top' | 'bottom'): Placement {
  const r = courtyardAt(st.model.items[i]!, p);
  const g = edgeGap(st.model.outlineBox, r, edge) - st.edgeClr;
  if (edge === 'left') return { ...p, x_mm: p.x_mm - g };
  if (edge === 'right') return { ...p, x_mm: p.x_mm + g };
  if (edge === 'top') return { ...p, y_mm: p.y_mm - g };
  return { ...p, y_mm: p.y_mm + g };
}

function edgeOf(st: PlaceState, i: number): 'left' | 'right' | 'top' | 'bottom' | null {
  for (const k of st.consOf[i]!) {
    const rc = st.cons[k]!;
    if (rc.item === i && rc.edge && !rc.problem) return rc.edge;
  }
  return null;
}

/**
 * Ring search around the ideal point on a coarse grid (about a quarter of the part's smaller
 * courtyard side), keeping the candidate that adds the least wire length, then a refinement on
 * the fine grid around it.
 */
function bestPosition(st: PlaceState, i: number, step: number, allowBottom: boolean): Placement | null {
  const [ix, iy] = idealPoint(st, i);
  const it = st.model.items[i]!;
  const b = st.model.outlineBox;
  const minSide = Math.min(it.courtyard[2] - it.courtyard[0], it.courtyard[3] - it.courtyard[1]);
  const coarse = Math.max(step, Math.floor(minSide / 4 / step) * step);
  const edge = edgeOf(st, i);
  const sides: ('top' | 'bottom')[] = allowBottom ? ['top', 'bottom'] : ['top'];
  let best: Placement | null = null;
  let bestCost = Infinity;
  const consider = (x: number, y: number, strict: boolean): boolean => {
    let any = false;
    for (const side of sides) {
      for (const rotation_deg of ROTATIONS) {
        let p: Placement = { x_mm: round6(x), y_mm: round6(y), rotation_deg, side };
        if (edge) p = snapToEdge(st, i, p, edge);
        if (!st.legal(i, p)) continue;
        if (strict && !st.constraintsHold(i, p)) continue;
        any = true;
        const prev = st.pos[i] ?? null;
        st.pos[i] = p;
        const cost = st.costOf([i]) + (side === 'bottom' ? 1 : 0);
        st.pos[i] = prev;
        if (cost < bestCost - 1e-9) {
          bestCost = cost;
          best = p;
        }
      }
    }
    return any;
  };
  // First with constraints as hard rules, then without (the report says so); far rings are
  // sampled sparsely, and only an exhaustive last pass may declare the board full.
  const modes = [
    { strict: true, sparse: true, g: coarse },
    { strict: false, sparse: true, g: coarse },
    { strict: false, sparse: false, g: step },
  ];
  for (const { strict, sparse, g } of modes) {
    const cx = Math.round(ix / g) * g;
    const cy = Math.round(iy / g) * g;
    const maxRing = Math.ceil(Math.max(b[2] - b[0], b[3] - b[1]) / g) + 1;
    let foundAtRing = -1;
    for (let ring = 0; ring <= maxRing; ring++) {
      if (foundAtRing >= 0 && ring > foundAtRing + 3) break;
      if (sparse && ring > 24 && ring % Math.floor(ring / 12) !== 0) continue;
      for (const [dx, dy] of ringOffsets(ring)) {
        if (consider(cx + dx * g, cy + dy * g, strict) && foundAtRing < 0) foundAtRing = ring;
      }
    }
    if (best) {
      const chosen: Placement = best;
      if (g > step) {
        const k = Math.round(g / step);
        for (let dy = -k; dy <= k; dy++) for (let dx = -k; dx <= k; dx++) consider(chosen.x_mm + dx * step, chosen.y_mm + dy * step, strict);
      }
      return best;
    }
  }
  return null;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function ringOffsets(r: number): [number, number][] {
  if (r === 0) return [[0, 0]];
  const out: [number, number][] = [];
  for (let k = -r; k <= r; k++) {
    out.push([k, -r], [k, r]);
    if (k !== -r && k !== r) out.push([-r, k], [r, k]);
  }
  return out;
}

function anneal(st: PlaceState, movable: number[], iterations: number, step: number, rng: Rng, allowBottom: boolean): void {
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
        { ...cur, x_mm: pj.x_mm, y_mm: pj.y_mm },
        { ...pj, x_mm: cur.x_mm, y_mm: cur.y_mm },
      ];
    } else if (kind < 0.3) {
      const rot = ROTATIONS[(ROTATIONS.indexOf(cur.rotation_deg) + 1 + rng.int(3)) % 4]!;
      const side = allowBottom && rng.next() < 0.1 ? (cur.side === 'top' ? 'bottom' : 'top') : cur.side;
      let p: Placement = { ...cur, rotation_deg: rot, side };
      if (edge) p = snapToEdge(st, i, p, edge);
      moved = [i];
      next = [p];
    } else {
      const dx = Math.round(((rng.next() * 2 - 1) * radius) / step) * step;
      const dy = Math.round(((rng.next() * 2 - 1) * radius) / step) * step;
      if (dx === 0 && dy === 0) continue;
      let p: Placement = { ...cur, x_mm: round6(cur.x_mm + dx), y_mm: round6(cur.y_mm + dy) };
      if (edge) p = snapToEdge(st, i, p, edge);
      moved = [i];
      next = [p];
    }
    const before = st.costOf(moved);
    const old = moved.map((k) => st.pos[k]!);
    // legality of every moved part against the others (and each other)
    moved.forEach((k, n) => (st.pos[k] = next[n]!));
    let ok = true;
    for (let n = 0; n < moved.length && ok; n++) {
      const k = moved[n]!;
      st.index.remove(k);
    }
    for (let n = 0; n < moved.length && ok; n++) {
      const k = moved[n]!;
      ok = st.legal(k, next[n]!) && st.constraintsHold(k, next[n]!);
      if (ok) st.index.insert(k, courtyardAt(st.model.items[k]!, next[n]!));
    }
    const after = ok ? st.costOf(moved) : Infinity;
    const delta = after - before;
    if (ok && (delta <= 0 || rng.next() < Math.exp(-delta / temp))) {
      cost += delta;
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best = st.pos.slice();
      }
      continue;
    }
    moved.forEach((k, n) => st.set(k, old[n]!));
  }
  best.forEach((p, k) => {
    if (st.pos[k] !== p) st.set(k, p);
  });
}

export { DEFAULT_NEAR_MM };
