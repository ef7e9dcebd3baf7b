import { placeComponents } from '../eda/place/index.js';
import { hardViolations } from '../eda/place/verify.js';
import { routeNets } from '../eda/route/index.js';
import { runDrc } from '../eda/drc/index.js';
import { runErc } from '../eda/erc/index.js';
import { buildBoardGeometry } from '../eda/board/index.js';
import type { Design } from '../eda/model/design.js';
import type { DesignHashFormat } from '../kernel/merkle-hash.js';
import type { EventDraft } from '../runtime/events/types.js';
import { emptySessionState, type SessionState } from '../runtime/projections/session-state.js';
import { parseWithLibrary } from './part-footprints.js';
import { foldDrafts } from './scratch.js';
import { validationRecorded } from './validation-draft.js';
import { areaUsePct } from './area-use.js';
import type { HeavyEnv } from './heavy-env.js';

export type StageResult = {
  stage: string;
  ok: boolean;
  ms: number;
  detail: Record<string, unknown>;
  [extra: string]: unknown;
};

export interface PipelineArgs {
  name: string;
  /** Design text (from `source` or a workspace file the main thread read) or an intent to synthesize. */
  from: { kind: 'parse' | 'parse-file'; text: string; extra: Record<string, unknown> } | { kind: 'synthesize'; intent: string } | { kind: 'design'; design: DesignText; extra: Record<string, unknown> };
  /** The stages to run after the source, in pipeline order; all when absent (pipeline_run). */
  only?: StageName[];
  seed: number;
  /** The router's own time budget inside the call's deadline. */
  routeBudgetMs: number;
  /** Where the session's log stands: the scratch state numbers stages as they will be appended. */
  base: { session_id: string; seq: number; head_hash: string | null; design_hash_format: DesignHashFormat };
  /** Also measure the final board's area use (synthesize_board_score), here rather than by refolding the drafts on the main thread. */
  areaUse?: boolean;
}

export interface PipelineOutcome {
  drafts: EventDraft[];
  stages: StageResult[];
  finalHash: string;
  /** With `areaUse`: courtyard area of the final board's placed parts over its area, %. */
  areaUsePct?: number;
}

const STAGE_NAMES = ['erc', 'place', 'route', 'drc', 'erc-final'] as const;
export type StageName = (typeof STAGE_NAMES)[number];
/** A design crossing the thread boundary as JSON text (tools/heavy-tasks.ts). */
type DesignText = string;

/**
 * Parse (or synthesize) → ERC → place → route → DRC → ERC of the final state on a new candidate,
 * as one task in a worker thread. Every stage's result is an event draft; the scratch state folds
 * them with the log's own reducers so each check records the hash of the state it evaluated.
 */
export function runPipelineStages(args: PipelineArgs, env: HeavyEnv): PipelineOutcome {
  const { name } = args;
  const stages: StageResult[] = [];
  const drafts: EventDraft[] = [];
  const at = args.base.head_hash ?? '';
  let scratch: SessionState = { ...emptySessionState(args.base.session_id), seq: args.base.seq, head_hash: args.base.head_hash, design_hash_format: args.base.design_hash_format };
  const total = (args.only ?? STAGE_NAMES).length + 1; // + the source stage
  const stage = (stageName: string, run: () => { events: EventDraft[]; ok: boolean; detail: Record<string, unknown> }) => {
    if (stageName !== 'source' && args.only && !args.only.includes(stageName as StageName)) return false;
    env.progress(stages.length, total, stageName);
    const t0 = performance.now();
    const out = run();
    drafts.push(...out.events);
    scratch = foldDrafts(scratch, out.events, at);
    stages.push({ stage: stageName, ok: out.ok, ms: Number((performance.now() - t0).toFixed(2)), detail: out.detail });
    return out.ok;
  };
  const current = () => scratch.designs[name]!;
  const erc = (design: Design) => runErc(design, { lookupPart: env.library.lookup, footprintExists: (n) => env.resolveFootprint(n) !== undefined });
  const ercStage = () => {
    const r = erc(current().design);
    return { ok: r.passed, detail: { counts: r.counts }, events: [validationRecorded(name, 'erc', r, current().hash)] };
  };

  stage('source', () => {
    const from = args.from;
    const src =
      from.kind === 'synthesize' ? synthesized(from.intent, env) : from.kind === 'design' ? { design: JSON.parse(from.design) as Design, kind: from.kind, extra: from.extra } : { design: parseWithLibrary(from.text, {}, env.library).design, kind: from.kind, extra: from.extra };
    return {
      ok: true,
      detail: { kind: src.kind, components: Object.keys(src.design.components).length, ...src.extra },
      events: [{ type: 'DesignParsed', data: { design_name: name, design: src.design, source: { kind: 'pipeline' }, warnings: [] } }],
    };
  });
  stage('erc', ercStage);
  const placed = stage('place', () => {
    const r = placeComponents(current().design, env.resolveFootprint, { seed: args.seed, mapPins: env.mapPins });
    // An unmet hard constraint is what the release gate refuses (docs/placement.md, "Violations"):
    // the stage names it and is not ok, so the agent hears of it here rather than at export.
    const violations = hardViolations(r.constraintReport);
    return {
      ok: r.unplaced.length === 0 && violations.length === 0,
      detail: { placed: Object.keys(r.placement).length, unplaced: r.unplaced, violations },
      events: [{ type: 'ComponentsPlaced', data: { design_name: name, placement: r.placement, algorithm: r.algorithm, seed: r.seed, score: r.score, unplaced: r.unplaced, constraint_report: r.constraintReport, keepouts: r.keepouts } }],
    };
  });
  if (placed || Object.keys(current().design.placement).length > 0) {
    stage('route', () => {
      const r = routeNets(current().design, env.resolveFootprint, { seed: args.seed, mapPins: env.mapPins, timeLimitMs: args.routeBudgetMs });
      return {
        ok: r.completion.complete,
        detail: { completion: r.completion, unrouted: r.connections.filter((c) => c.status === 'unrouted').length },
        events: [{ type: 'NetsRouted', data: { design_name: name, routing: { tracks: r.tracks, vias: r.vias }, router: r.router, seed: r.seed, parameters: r.parameters, completion: r.completion, connections: r.connections } }],
      };
    });
    stage('drc', () => {
      const r = runDrc(current().design, buildBoardGeometry(current().design, env.resolveFootprint, env.mapPins));
      return { ok: r.passed, detail: { counts: r.counts }, events: [validationRecorded(name, 'drc', r, current().hash)] };
    });
    // Placement and routing change the design-state hash, so the first ERC no longer speaks for
    // the final state; record ERC evidence for exactly the state the pipeline leaves behind.
    stage('erc-final', ercStage);
  }
  env.progress(total, total, 'done');
  return { drafts, stages, finalHash: current().hash, ...(args.areaUse ? { areaUsePct: areaUsePct(current().design, env.resolveFootprint) } : {}) };
}

function synthesized(intent: string, env: HeavyEnv) {
  const out = env.synthesize(intent);
  return { design: out.design, kind: 'synthesize', extra: { template: out.template, choices: out.choices, assumptions: out.assumptions, elements: out.elements, unmet: out.unmet } };
}
