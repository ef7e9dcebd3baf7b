import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { parseWithLibrary } from './part-footprints.js';
import { runErc } from '../eda/erc/index.js';
import { runDrc } from '../eda/drc/index.js';
import { placeComponents } from '../eda/place/index.js';
import { routeNets } from '../eda/route/index.js';
import { buildBoardGeometry } from '../eda/board/index.js';
import type { Design } from '../eda/model/design.js';
import type { EventDraft } from '../runtime/events/types.js';
import type { SessionState } from '../runtime/projections/session-state.js';
import { DesignName, looseObject, sessionTool, type Ctx } from './define.js';
import { foldDrafts } from './scratch.js';

type StageResult = {
  stage: string;
  ok: boolean;
  ms: number;
  detail: Record<string, unknown>;
  [extra: string]: unknown;
};

/** Where the candidate comes from: design text, a workspace file, or an intent (synthesis hook). */
async function sourceDesign(ctx: Ctx, input: { source?: string | undefined; path?: string | undefined; intent?: string | undefined }): Promise<{ design: Design; kind: string; extra: Record<string, unknown> }> {
  const given = [input.source, input.path, input.intent].filter((v) => v !== undefined).length;
  if (given !== 1) throw new ZapTraceError('INVALID_INPUT', 'give exactly one of source (design text), path (workspace file) or intent', { path: 'source' });
  if (input.source !== undefined) return { design: parseWithLibrary(input.source, {}, ctx.services.library).design, kind: 'parse', extra: {} };
  if (input.path !== undefined) return { design: parseWithLibrary(await ctx.services.workspace.readText(input.path, { maxBytes: 4 * 1024 * 1024 }), {}, ctx.services.library).design, kind: 'parse-file', extra: { path: input.path } };
  if (!ctx.services.synthesize) throw new ZapTraceError('INVALID_INPUT', 'synthesis from intent is not available in this build', { path: 'intent' });
  const out = ctx.services.synthesize(input.intent!);
  return { design: out.design, kind: 'synthesize', extra: { template: out.template, choices: out.choices, assumptions: out.assumptions } };
}

export const pipelineTools = [
  sessionTool({
    name: 'pipeline_run',
    title: 'Run the design pipeline on a new candidate',
    description:
      'Parse (or synthesize) → ERC → place → route → DRC → ERC of the final state on a NEW candidate design; every stage result is an event, so replay shows each step. Sends progress notifications. Writes no file: exports go through the release gate.',
    level: 'preview-write',
    input: {
      design_name: DesignName.describe('Name of the new candidate design.'),
      source: z.string().max(4 * 1024 * 1024).optional(),
      path: z.string().max(4096).optional(),
      intent: z.string().max(2000).optional(),
      seed: z.number().int().min(0).max(2 ** 31).default(1),
      output_dir: z.string().max(1024).optional().describe('Refused: the pipeline never writes files.'),
    },
    output: looseObject({ design_name: z.string(), stages: z.array(looseObject({ stage: z.string(), ok: z.boolean(), ms: z.number() })), design_hash: z.string(), ok: z.boolean() }),
    async handler(input, ctx) {
      if (input.output_dir !== undefined) {
        throw new ZapTraceError('INVALID_INPUT', 'pipeline_run writes no file (it is preview-write); export an approved design with the release-export tools', { path: 'output_dir' });
      }
      if (Object.hasOwn(ctx.state.designs, input.design_name)) throw new ZapTraceError('INVALID_INPUT', `a design named "${input.design_name}" already exists; the pipeline only creates new candidates`, { path: 'design_name' });
      const name = input.design_name;
      const stages: StageResult[] = [];
      const drafts: EventDraft[] = [];
      const at = ctx.state.head_hash ?? '';
      let scratch: SessionState = ctx.state;
      const progress = (i: number, message: string) => ctx.call.onProgress?.(i, 6, message);
      const stage = async (stageName: string, run: () => Promise<{ events: EventDraft[]; ok: boolean; detail: Record<string, unknown> }> | { events: EventDraft[]; ok: boolean; detail: Record<string, unknown> }) => {
        progress(stages.length, stageName);
        const t0 = performance.now();
        const out = await run();
        drafts.push(...out.events);
        scratch = foldDrafts(scratch, out.events, at);
        stages.push({ stage: stageName, ok: out.ok, ms: Number((performance.now() - t0).toFixed(2)), detail: out.detail });
        return out.ok;
      };
      const current = () => scratch.designs[name]!;
      const services = ctx.services;

      await stage('source', async () => {
        const src = await sourceDesign(ctx, input);
        return { ok: true, detail: { kind: src.kind, components: Object.keys(src.design.components).length, ...src.extra }, events: [{ type: 'DesignParsed', data: { design_name: name, design: src.design, source: { kind: 'pipeline' }, warnings: [] } }] };
      });
      await stage('erc', () => {
        const r = runErc(current().design, { lookupPart: services.library.lookup, footprintExists: (n) => services.resolveFootprint(n) !== undefined });
        return { ok: r.passed, detail: { counts: r.counts }, events: [{ type: 'ValidationRecorded', data: { design_name: name, check: 'erc', ruleset_version: r.ruleset_version, evaluated_hash: current().hash, passed: r.passed, counts: r.counts, findings: r.findings } }] };
      });
      const placed = await stage('place', () => {
        const r = placeComponents(current().design, services.resolveFootprint, { seed: input.seed, mapPins: services.mapPins });
        return {
          ok: r.unplaced.length === 0,
          detail: { placed: Object.keys(r.placement).length, unplaced: r.unplaced },
          events: [{ type: 'ComponentsPlaced', data: { design_name: name, placement: r.placement, algorithm: r.algorithm, seed: r.seed, score: r.score, unplaced: r.unplaced, constraint_report: r.constraintReport } }],
        };
      });
      if (placed || Object.keys(current().design.placement).length > 0) {
        await stage('route', () => {
          const r = routeNets(current().design, services.resolveFootprint, { seed: input.seed, mapPins: services.mapPins });
          return {
            ok: r.completion.complete,
            detail: { completion: r.completion, unrouted: r.connections.filter((c) => c.status === 'unrouted').length },
            events: [{ type: 'NetsRouted', data: { design_name: name, routing: { tracks: r.tracks, vias: r.vias }, router: r.router, seed: r.seed, parameters: r.parameters, completion: r.completion, connections: r.connections } }],
          };
        });
        await stage('drc', () => {
          const r = runDrc(current().design, buildBoardGeometry(current().design, services.resolveFootprint, services.mapPins));
          return { ok: r.passed, detail: { counts: r.counts }, events: [{ type: 'ValidationRecorded', data: { design_name: name, check: 'drc', ruleset_version: r.ruleset_version, evaluated_hash: current().hash, passed: r.passed, counts: r.counts, findings: r.findings } }] };
        });
        // Placement and routing change the design-state hash, so the first ERC no longer speaks for
        // the final state; record ERC evidence for exactly the state the pipeline leaves behind.
        await stage('erc-final', () => {
          const r = runErc(current().design, { lookupPart: services.library.lookup, footprintExists: (n) => services.resolveFootprint(n) !== undefined });
          return { ok: r.passed, detail: { counts: r.counts }, events: [{ type: 'ValidationRecorded', data: { design_name: name, check: 'erc', ruleset_version: r.ruleset_version, evaluated_hash: current().hash, passed: r.passed, counts: r.counts, findings: r.findings } }] };
        });
      }
      progress(6, 'done');
      const finalHash = current().hash;
      return { events: drafts, after: () => ({ design_name: name, design_hash: finalHash, ok: stages.every((s) => s.ok), stages }) };
    },
  }),
];
