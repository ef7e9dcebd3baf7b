import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { DesignName, looseObject, sessionTool, type Ctx } from './define.js';
import { routerBudgetMs, runHeavy } from './heavy.js';
import type { PipelineArgs, StageName } from './pipeline-stages.js';
import { deriveDesignName, INTENT_NAME_WORDS, metaNameOf } from './design-names.js';

/** Where the candidate comes from: design text, a workspace file (read here, on the main thread), or an intent. */
async function sourceOf(ctx: Ctx, input: { source?: string | undefined; path?: string | undefined; intent?: string | undefined }): Promise<PipelineArgs['from']> {
  const given = [input.source, input.path, input.intent].filter((v) => v !== undefined).length;
  if (given !== 1) throw new ZapTraceError('INVALID_INPUT', 'give exactly one of source (design text), path (workspace file) or intent', { path: 'source' });
  if (input.source !== undefined) return { kind: 'parse', text: input.source, extra: {} };
  if (input.path !== undefined) return { kind: 'parse-file', text: await ctx.services.workspace.readText(input.path, { maxBytes: 4 * 1024 * 1024 }), extra: { path: input.path } };
  if (!ctx.services.synthesize) throw new ZapTraceError('INVALID_INPUT', 'synthesis from intent is not available in this build', { path: 'intent' });
  return { kind: 'synthesize', intent: input.intent! };
}

/** ZapTrace's pipeline_run takes no name: use the intent's first words, or the design text's meta.name. */
function derivedName(ctx: Ctx, from: PipelineArgs['from']): string {
  const taken = (n: string) => Object.hasOwn(ctx.state.designs, n);
  if (from.kind === 'synthesize') return deriveDesignName(from.intent, taken, INTENT_NAME_WORDS);
  if (from.kind === 'design') return deriveDesignName('design', taken);
  return deriveDesignName(metaNameOf(from.text) ?? 'design', taken);
}

/**
 * Runs the pipeline (or the `only` stages of it) on a NEW candidate in the worker pool; the caller
 * appends `drafts`. Shared by pipeline_run and its variants (synth-variant-tools.ts).
 */
export async function runPipeline(ctx: Ctx, name: string, from: PipelineArgs['from'], seed: number, only?: StageName[], measure: Pick<PipelineArgs, 'areaUse'> = {}) {
  const args: PipelineArgs = {
    name,
    from,
    seed,
    ...(only ? { only } : {}),
    ...measure,
    // The router inside the pipeline gets half of what is left: the other stages need time too.
    routeBudgetMs: routerBudgetMs(60_000, ctx.remainingMs() / 2),
    base: { session_id: ctx.state.session_id, seq: ctx.state.seq, head_hash: ctx.state.head_hash, design_hash_format: ctx.state.design_hash_format },
  };
  return runHeavy(ctx, 'pipeline', args, { basis: { [name]: null } });
}

export const pipelineTools = [
  sessionTool({
    name: 'pipeline_run',
    title: 'Run the design pipeline on a new candidate',
    description:
      'Parse (or synthesize) → ERC → place → route → DRC → ERC of the final state on a NEW candidate design; every stage result is an event, so replay shows each step. Sends progress notifications. Writes no file: exports go through the release gate.',
    level: 'preview-write',
    input: {
      design_name: DesignName.optional().describe('Name of the new candidate design; derived from the design or intent when absent.'),
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
      const from = await sourceOf(ctx, input);
      const name = input.design_name ?? derivedName(ctx, from);
      if (Object.hasOwn(ctx.state.designs, name)) throw new ZapTraceError('INVALID_INPUT', `a design named "${name}" already exists; the pipeline only creates new candidates`, { path: 'design_name' });
      const out = await runPipeline(ctx, name, from, input.seed);
      return { events: out.drafts, after: () => ({ design_name: name, design_hash: out.finalHash, ok: out.stages.every((s) => s.ok), stages: out.stages }) };
    },
  }),
];
