import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { DESIGN_HASH_FORMAT, merkleHash } from '../kernel/merkle-hash.js';
import { parseRequirements, requirementsHash, type Requirement } from '../eda/plan/requirements.js';
import { reviewRequirements } from '../eda/plan/review.js';
import { planBoard } from '../eda/plan/board-plan.js';
import { powerOnly } from '../eda/plan/power-only.js';
import { powerTree } from '../eda/plan/power-tree.js';
import { DesignName, globalTool, looseObject, requireDesign, sessionTool, type Ctx } from './define.js';
import { runHeavy } from './heavy.js';
import { designSummary } from './design-views.js';
import { INTENT_NAME_WORDS, newDesignName } from './design-names.js';

/**
 * Requirements and plans of the Python ZapTrace (docs/zaptrace-parity.md, "Requirements and plans"):
 * read tools that build nothing, and synthesize_power_tree, which creates a new design. Plans come
 * from the board synthesis would build (runs in the worker pool like synthesize_design).
 */
const Out = looseObject({});
const Intent = z.string().min(1).max(1000).describe('What the board is for, in words.');

/** A frozen requirement as requirements_parse returns it. */
const RequirementIn = z.object({
  id: z.string().min(1).max(80),
  group: z.enum(['supply', 'rails', 'interfaces', 'mcu', 'sensors', 'mechanical', 'environment']),
  text: z.string().max(200),
  count: z.number().int().min(1).max(100).optional(),
  volts: z.number().min(0).max(1000).optional(),
  range_c: z.tuple([z.number().min(-273).max(500), z.number().min(-273).max(500)]).optional(),
  hz: z.number().min(1).max(1e9).optional(),
}).strict();

async function synthesized(ctx: Ctx, intent: string) {
  if (!ctx.services.synthesize) throw new ZapTraceError('INVALID_INPUT', 'synthesis is not available in this build', { path: 'intent' });
  return runHeavy(ctx, 'synthesize', { intent });
}

/** The requirements to review: given (and then checked against their hash when one is given too), or parsed from the text. */
function frozen(input: { intent?: string | undefined; requirements?: unknown[] | undefined; requirements_hash?: string | undefined }): { requirements: Requirement[]; hash: string } {
  let requirements: Requirement[];
  if (input.requirements) {
    const parsed = z.array(RequirementIn).max(200).safeParse(input.requirements);
    if (!parsed.success) throw new ZapTraceError('INVALID_INPUT', 'requirements are not in the shape requirements_parse returns', { path: 'requirements', issues: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message })) });
    requirements = parsed.data as Requirement[];
  } else if (input.intent) requirements = parseRequirements(input.intent).requirements;
  else throw new ZapTraceError('INVALID_INPUT', 'give requirements (from requirements_parse) or the intent text', { path: 'requirements' });
  const hash = requirementsHash(requirements);
  if (input.requirements_hash !== undefined && input.requirements_hash !== hash) {
    throw new ZapTraceError('INVALID_INPUT', 'requirements_hash does not match these requirements: they changed since they were frozen', { path: 'requirements_hash', expected: input.requirements_hash, actual: hash });
  }
  return { requirements, hash };
}

export const planTools = [
  globalTool({
    name: 'requirements_parse',
    title: 'Parse requirements',
    description: 'Intent text → requirements (supply, rails, interfaces, MCU, sensors, mechanical, environment) with ids and a requirements_hash that freezes them.',
    level: 'read',
    input: { intent: Intent },
    output: Out,
    handler: (input) => ({ result: { ...parseRequirements(input.intent) } }),
  }),
  sessionTool({
    name: 'requirements_review',
    title: 'Review requirements',
    description: 'Each requirement met/unmet/unknown on a design, with evidence; bound to requirements_hash and design_hash.',
    level: 'read',
    input: {
      design_name: DesignName,
      intent: Intent.optional(),
      requirements: z.array(z.unknown()).max(200).optional().describe('As requirements_parse returned them.'),
      requirements_hash: z.string().regex(/^[0-9a-f]{64}$/).optional().describe('Refuse if the requirements no longer hash to this.'),
    },
    output: Out,
    handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const { requirements, hash } = frozen(input);
      return { result: { requirements_hash: hash, design_hash: entry.hash, ...reviewRequirements(requirements, entry.design, ctx.services.library) } };
    },
  }),
  globalTool({
    name: 'board_plan',
    title: 'Plan a board',
    description: 'Intent → blocks with parts, board size, layers and power tree, from the board synthesis would build. Builds nothing.',
    level: 'read',
    input: { intent: Intent },
    output: Out,
    async handler(input, ctx) {
      const s = await synthesized(ctx, input.intent);
      // The hash the planned board would have as a design in a session created now (synthesize_design of the same intent reports it).
      return { result: { design_hash: merkleHash(s.design, DESIGN_HASH_FORMAT), ...planBoard(s, ctx.services.library.lookup) } };
    },
  }),
  globalTool({
    name: 'power_tree_plan',
    title: 'Plan a power tree',
    description: 'Intent → sources, regulators and rails (voltage, estimated current, LDO dropout and dissipation). Builds nothing.',
    level: 'read',
    input: { intent: Intent },
    output: Out,
    async handler(input, ctx) {
      const s = await synthesized(ctx, input.intent);
      return { result: { template: s.template, design_hash: merkleHash(s.design, DESIGN_HASH_FORMAT), ...powerTree(s.design, ctx.services.library.lookup) } };
    },
  }),
  sessionTool({
    name: 'synthesize_power_tree',
    title: 'Synthesize a power tree',
    description: 'Creates a NEW design holding only the power tree (sources, regulators, their parts and nets) of the board an intent describes.',
    level: 'preview-write',
    input: { intent: Intent, design_name: DesignName.optional().describe('Name of the new design; derived from the intent when absent.') },
    output: Out,
    async handler(input, ctx) {
      const name = newDesignName(ctx.state.designs, input.design_name, `power tree ${input.intent}`, INTENT_NAME_WORDS, 'synthesis only creates new designs');
      const s = await synthesized(ctx, input.intent);
      const design = powerOnly(s.design);
      // The loads are on the full board: its tree carries the currents the power parts were sized for.
      const tree = powerTree(s.design, ctx.services.library.lookup);
      return {
        events: [{ type: 'DesignParsed', data: { design_name: name, design, source: { kind: 'synthesis' }, warnings: [] } }],
        after: (st) => ({ ...designSummary(name, requireDesign(st, name)), template: s.template, power_tree: tree }),
      };
    },
  }),
];
