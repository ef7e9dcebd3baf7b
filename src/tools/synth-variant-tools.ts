import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import type { ElementStatus } from '../eda/synth/elements.js';
import { repairDesign } from '../eda/synth/repair.js';
import type { ErcFinding } from '../eda/erc/index.js';
import type { EventDraft } from '../runtime/events/types.js';
import { DesignName, globalTool, requireDesign, looseObject, sessionTool, type Ctx } from './define.js';
import type { BenchRow } from './synth-bench.js';
import { INTENT_NAME_WORDS, newDesignName } from './design-names.js';
import { designText, runHeavy } from './heavy.js';
import { runPipeline } from './pipeline-tools.js';
import type { PipelineOutcome, StageName, StageResult } from './pipeline-stages.js';
import { simulateDesign } from './sim-tools.js';
import { foldDrafts } from './scratch.js';

/**
 * ZapTrace's pipeline and synthesis variants, each one `runPipeline` (pipeline-tools.ts) with a
 * source and a stage selection, on a NEW candidate design: nothing here edits an existing design.
 */
const Seed = z.number().int().min(0).max(2 ** 31).default(1).describe('Layout seed.');
const Intent = z.string().min(1).max(2000).describe('What to build.');
const NewName = DesignName.optional().describe('Name of the new design; derived when absent.');
const Out = looseObject({ design_name: z.string(), design_hash: z.string() });

const newName = (ctx: Ctx, given: string | undefined, text: string, words = Infinity) => newDesignName(ctx.state.designs, given, text, words, 'this tool only creates new designs');

/** Synthesizes `intent` into a NEW design (named `given`, else from the intent) and runs the `only` stages (all when absent). */
async function synthesizeNewDesign(ctx: Ctx, intent: string, given: string | undefined, seed: number, only?: StageName[], measure: { areaUse?: boolean } = {}) {
  if (!ctx.services.synthesize) throw new ZapTraceError('INVALID_INPUT', 'synthesis is not available in this build', { path: 'intent' });
  const dn = newName(ctx, given, intent, INTENT_NAME_WORDS);
  const out = await runPipeline(ctx, dn, { kind: 'synthesize', intent }, seed, only, measure);
  return { dn, out };
}

const answer = (name: string, out: PipelineOutcome, extra: Record<string, unknown> = {}) => ({ design_name: name, design_hash: out.finalHash, ok: out.stages.every((s) => s.ok), stages: out.stages, ...extra });

function variant(name: string, title: string, description: string, only: StageName[] | undefined) {
  return sessionTool({
    name,
    title,
    description,
    level: 'preview-write',
    input: { intent: Intent, design_name: NewName, seed: Seed },
    output: Out,
    async handler(input, ctx) {
      const { dn, out } = await synthesizeNewDesign(ctx, input.intent, input.design_name, input.seed, only);
      return { events: out.drafts, result: answer(dn, out) };
    },
  });
}

const stageOf = (out: PipelineOutcome, s: string): StageResult | undefined => out.stages.filter((x) => x.stage === s).at(-1);
const lastCheck = (drafts: EventDraft[], check: 'erc' | 'drc') =>
  drafts.filter((d) => d.type === 'ValidationRecorded' && (d.data as { check: string }).check === check).at(-1)?.data as { counts: { error: number; warning: number }; findings: ErcFinding[] } | undefined;

export const synthVariantTools = [
  sessionTool({
    name: 'pipeline_run_stage',
    title: 'Run one pipeline stage',
    description: 'Runs one stage on a copy of a design, as a new candidate.',
    level: 'preview-write',
    input: { design_name: DesignName, stage: z.enum(['place', 'route', 'erc', 'drc', 'simulate']).describe('Stage to run.'), new_name: NewName, seed: Seed },
    output: Out,
    async handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const dn = newName(ctx, input.new_name, `${input.design_name} ${input.stage}`);
      if ((input.stage === 'route' || input.stage === 'drc') && Object.keys(entry.design.placement).length === 0) {
        throw new ZapTraceError('INVALID_INPUT', `${input.stage} needs a placed design: run stage "place" first`, { path: 'stage' });
      }
      if (input.stage === 'simulate') {
        const copy: EventDraft = { type: 'DesignParsed', data: { design_name: dn, design: entry.design, source: { kind: 'pipeline' }, warnings: [] } };
        const hash = foldDrafts(ctx.state, [copy], '').designs[dn]!.hash;
        const sim = await simulateDesign(ctx, dn, entry.design, hash, {});
        return { events: [copy, { type: 'SimulationRecorded', data: sim.data }], result: { design_name: dn, design_hash: hash, ok: sim.data.passed, stage: 'simulate', simulation: sim.result } };
      }
      const out = await runPipeline(ctx, dn, { kind: 'design', design: designText(entry.design), extra: { of: input.design_name } }, input.seed, [input.stage]);
      return { events: out.drafts, result: answer(dn, out) };
    },
  }),
  variant('synthesize_board', 'Synthesize, place and route', 'synthesize_design, then place and route, as one new design.', ['place', 'route']),
  variant('synthesize_and_check', 'Synthesize and ERC', 'synthesize_design, then ERC recorded on the new design.', ['erc']),
  variant('synthesize_board_and_check', 'Synthesize board and check', 'Synthesize, ERC, place, route, DRC, final ERC (pipeline_run from intent).', undefined),
  sessionTool({
    name: 'synthesize_board_repair',
    title: 'Repair a board',
    description: 'Adds missing decoupling caps and I2C/open-drain pull-ups ERC found, re-lays out a NEW copy; lists fixed and remaining.',
    level: 'preview-write',
    input: { design_name: DesignName, new_name: NewName, seed: Seed },
    output: Out,
    async handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const dn = newName(ctx, input.new_name, `${input.design_name} repaired`);
      // DRC speaks only of a placed board; an unplaced one is judged by ERC alone.
      const basis = { basis: { [input.design_name]: entry.hash } };
      const placed = Object.keys(entry.design.placement).length > 0;
      const before = placed ? await runHeavy(ctx, 'checks', { design: designText(entry.design) }, basis) : { erc: await runHeavy(ctx, 'erc', { design: designText(entry.design) }, basis), drc: null };
      const repaired = repairDesign(entry.design, before.erc.findings);
      const out = await runPipeline(ctx, dn, { kind: 'design', design: JSON.stringify(repaired.design), extra: { repaired_from: input.design_name } }, input.seed);
      const erc = lastCheck(out.drafts, 'erc');
      const drc = lastCheck(out.drafts, 'drc');
      return {
        events: out.drafts,
        result: answer(dn, out, {
          fixed: repaired.fixed,
          not_repairable: repaired.skipped,
          before: { erc: before.erc.counts, drc: before.drc?.counts ?? null },
          remaining: { erc: erc?.counts ?? null, drc: drc?.counts ?? null, erc_findings: (erc?.findings ?? []).filter((f) => f.severity !== 'info').map((f) => ({ rule_id: f.rule_id, message: f.message })) },
        }),
      };
    },
  }),
  sessionTool({
    name: 'synthesize_board_score',
    title: 'Synthesize and score a board',
    description: 'synthesize_board_and_check, then a 0–100 score: elements met, ERC/DRC clean, routed %, area use.',
    level: 'preview-write',
    input: { intent: Intent, design_name: NewName, seed: Seed },
    output: Out,
    async handler(input, ctx) {
      // The pipeline measures the final board's area use in its worker (pipeline-stages.ts); nothing is refolded here.
      const { dn, out } = await synthesizeNewDesign(ctx, input.intent, input.design_name, input.seed, undefined, { areaUse: true });
      const elements = (stageOf(out, 'source')?.detail['elements'] ?? []) as ElementStatus[];
      const met = elements.filter((e) => e.status === 'placed').length;
      const route = stageOf(out, 'route')?.detail['completion'] as { routed: number; total: number } | undefined;
      const erc = lastCheck(out.drafts, 'erc')?.counts;
      const drc = lastCheck(out.drafts, 'drc')?.counts;
      const parts = {
        elements_met: elements.length === 0 ? 1 : met / elements.length,
        erc_clean: erc?.error === 0 ? 1 : 0,
        drc_clean: drc?.error === 0 ? 1 : 0,
        routed: route && route.total > 0 ? route.routed / route.total : 0,
      };
      // Equal weights; area use is reported, not scored (a dense board is not better or worse by itself).
      const score = Math.round((100 * (parts.elements_met + parts.erc_clean + parts.drc_clean + parts.routed)) / 4);
      return {
        events: out.drafts,
        result: answer(dn, out, {
          score,
          figures: { elements: { met, unmet: elements.filter((e) => e.status === 'unmet').map((e) => e.element) }, erc: erc ?? null, drc: drc ?? null, routed_pct: Number((100 * parts.routed).toFixed(1)), area_use_pct: out.areaUsePct ?? null },
        }),
      };
    },
  }),
];

/** The committed intent set (fixtures/intents.yaml, scored by bench/synthesis-intents-report.ts); absent from a build without fixtures. */
let committed: string[] | null = null;
function committedIntents(): string[] {
  if (committed) return committed;
  try {
    const doc = parseYaml(readFileSync(new URL('../../fixtures/intents.yaml', import.meta.url), 'utf8')) as { intents?: unknown };
    committed = Array.isArray(doc.intents) ? doc.intents.filter((i): i is string => typeof i === 'string') : [];
  } catch {
    committed = [];
  }
  return committed;
}

const MAX_LAYOUT_INTENTS = 3;

export const synthesisBenchmarkTool = globalTool({
  name: 'synthesis_benchmark',
  title: 'Synthesis benchmark',
  description: 'Synthesizes intents (given, or the committed set) and reports ERC, unmet, and with layout place/route/DRC figures. Records nothing.',
  level: 'read',
  input: {
    intents: z.array(z.string().min(1).max(500)).max(10).optional().describe('Intents; default the committed set.'),
    limit: z.number().int().min(1).max(20).default(5).describe('How many committed intents.'),
    layout: z.boolean().default(false).describe('Also place, route, DRC (≤ 3 intents).'),
  },
  output: looseObject({ rows: z.array(z.unknown()) }),
  async handler(input, ctx) {
    if (!ctx.services.synthesize) throw new ZapTraceError('INVALID_INPUT', 'synthesis is not available in this build', { path: 'intents' });
    const intents = input.intents ?? committedIntents().slice(0, input.limit);
    if (intents.length === 0) throw new ZapTraceError('INVALID_INPUT', 'no committed intents on this server: pass intents', { path: 'intents' });
    // A read call is open to every caller: a full layout costs seconds per intent, so it is bounded harder.
    if (input.layout && intents.length > MAX_LAYOUT_INTENTS) throw new ZapTraceError('INVALID_INPUT', `layout runs take at most ${MAX_LAYOUT_INTENTS} intents per call`, { path: 'intents' });
    const rows: BenchRow[] = [];
    for (const intent of intents) rows.push(await runHeavy(ctx, 'bench_intent', { intent, layout: input.layout }));
    const ok = rows.filter((r) => r.error === null);
    const summary = {
      intents: rows.length,
      synthesized: ok.length,
      erc_clean: ok.filter((r) => r.ercErrors === 0).length,
      all_elements_met: ok.filter((r) => r.unmet === 0).length,
      ...(input.layout ? { placed: ok.filter((r) => r.placed).length, routed_100: ok.filter((r) => r.routed && r.routed.total > 0 && r.routed.routed === r.routed.total).length, drc_clean: ok.filter((r) => r.drcErrors === 0).length } : {}),
      ms: rows.reduce((a, r) => a + r.ms, 0),
    };
    return { result: { source: input.intents ? 'caller' : 'fixtures/intents.yaml', summary, rows } };
  },
});
