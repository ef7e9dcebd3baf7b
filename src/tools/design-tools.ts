import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { parseWithLibrary } from './part-footprints.js';
import { diffDesigns } from '../eda/diff/index.js';
import type { Design } from '../eda/model/design.js';
import { DesignName, requireDesign, sessionTool, looseObject, type Ctx } from './define.js';
import { designSummary, netList } from './design-views.js';
import { deriveDesignName } from './design-names.js';

const Format = z.enum(['yaml', 'json', 'auto']).default('auto');
const Summary = looseObject({ design_name: z.string(), design_hash: z.string(), components: z.number(), nets: z.number() });

/** A parse creates a new design and never overwrites one (contract.md, preview-write). */
function parsedEvent(ctx: Ctx, requested: string | undefined, design: Design, warnings: unknown[], source: { kind: 'text' | 'file'; path?: string; format?: string }) {
  // No name asked for: derive one from meta.name instead of refusing a title such as "ATtiny85 I/O Controller".
  const name = requested ?? deriveDesignName(design.meta.name, (n) => Object.hasOwn(ctx.state.designs, n));
  const check = DesignName.safeParse(name);
  if (!check.success) {
    throw new ZapTraceError('INVALID_INPUT', `"${name.slice(0, 80)}" is not usable as a design name; pass design_name`, { path: 'design_name' });
  }
  if (Object.hasOwn(ctx.state.designs, name)) {
    throw new ZapTraceError('INVALID_INPUT', `a design named "${name}" already exists in this session; a parse never overwrites it — choose another design_name`, { path: 'design_name' });
  }
  return { name, event: { type: 'DesignParsed', data: { design_name: name, design, source, warnings } } };
}

export const designTools = [
  sessionTool({
    name: 'design_parse_str',
    title: 'Parse a design from text',
    description: 'Parses a ZapTrace design (YAML or JSON) into a new design of the session. Never overwrites an existing design.',
    level: 'preview-write',
    input: {
      yaml_content: z.string().max(4 * 1024 * 1024).describe('The design as YAML or JSON text.'),
      design_name: DesignName.optional(),
      format: Format,
      strict: z.boolean().default(false).describe('Require kind + schema_version and reject unknown keys.'),
    },
    output: looseObject({ design_name: z.string(), design_hash: z.string(), warnings: z.array(z.unknown()) }),
    handler(input, ctx) {
      const { design, warnings } = parseWithLibrary(input.yaml_content, { format: input.format, strict: input.strict }, ctx.services.library);
      const { name, event } = parsedEvent(ctx, input.design_name, design, warnings, { kind: 'text', format: input.format });
      return { events: [event], after: (s) => ({ ...designSummary(name, requireDesign(s, name)), warnings }) };
    },
  }),
  sessionTool({
    name: 'design_parse_file',
    title: 'Parse a design file from the workspace',
    description: 'Reads a design file (path relative to the workspace root) and parses it into a new design of the session.',
    level: 'preview-write',
    input: {
      path: z.string().max(4096).describe('Workspace-relative path of a .yaml/.yml/.json design.'),
      design_name: DesignName.optional(),
      strict: z.boolean().default(false),
    },
    output: looseObject({ design_name: z.string(), design_hash: z.string(), warnings: z.array(z.unknown()) }),
    async handler(input, ctx) {
      const text = await ctx.services.workspace.readText(input.path, { maxBytes: 4 * 1024 * 1024 });
      const format = /\.json$/i.test(input.path) ? 'json' : 'auto';
      const { design, warnings } = parseWithLibrary(text, { format, strict: input.strict }, ctx.services.library);
      const { name, event } = parsedEvent(ctx, input.design_name, design, warnings, { kind: 'file', path: input.path, format });
      return { events: [event], after: (s) => ({ ...designSummary(name, requireDesign(s, name)), warnings }) };
    },
  }),
  sessionTool({
    name: 'design_list',
    title: 'List designs',
    description: 'Lists the designs of the session with their design-state hashes and sizes.',
    level: 'read',
    input: {},
    output: z.object({ designs: z.array(Summary) }),
    handler(_input, ctx) {
      const designs = Object.entries(ctx.state.designs)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, entry]) => designSummary(name, entry));
      return { result: { designs } };
    },
  }),
  sessionTool({
    name: 'design_inspect',
    title: 'Inspect a design',
    description: 'Returns a design in full (components, nets, board, placement, routing) with its design-state hash.',
    level: 'read',
    input: { design_name: DesignName },
    output: looseObject({ summary: Summary, design: z.record(z.string(), z.unknown()) }),
    handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      return { result: { summary: designSummary(input.design_name, entry), design: entry.design } };
    },
  }),
  sessionTool({
    name: 'design_list_nets',
    title: 'List nets',
    description: 'Lists the nets of a design with their nodes as REF.PIN.',
    level: 'read',
    input: { design_name: DesignName },
    output: z.object({ design_name: z.string(), nets: z.array(looseObject({ id: z.string(), name: z.string(), nodes: z.array(z.string()) })) }),
    handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      return { result: { design_name: input.design_name, nets: netList(entry.design) } };
    },
  }),
  sessionTool({
    name: 'design_at',
    title: 'A design as it was at a log position',
    description: 'Rebuilds a design from the session log as it was right after event seq (replay; nothing is re-run).',
    level: 'read',
    input: { design_name: DesignName, seq: z.number().int().min(1) },
    output: looseObject({ seq: z.number(), summary: Summary, design: z.record(z.string(), z.unknown()) }),
    async handler(input, ctx) {
      const past = await ctx.runtime.stateAt(ctx.sessionId!, input.seq);
      const entry = requireDesign(past, input.design_name);
      return { result: { seq: past.seq, summary: designSummary(input.design_name, entry), design: entry.design } };
    },
  }),
  sessionTool({
    name: 'design_diff',
    title: 'Semantic diff of two designs',
    description: 'Compares two designs of the session, or one design at two log positions (from_seq → to_seq, default: now).',
    level: 'read',
    input: {
      design_name: DesignName,
      other_design_name: DesignName.optional(),
      from_seq: z.number().int().min(1).optional(),
      to_seq: z.number().int().min(1).optional(),
    },
    output: looseObject({ identical: z.boolean() }),
    async handler(input, ctx) {
      const sid = ctx.sessionId!;
      const stateAt = async (seq: number | undefined) => (seq === undefined ? ctx.state : ctx.runtime.stateAt(sid, seq));
      let a: Design;
      let b: Design;
      if (input.other_design_name !== undefined) {
        a = requireDesign(await stateAt(input.from_seq), input.design_name).design;
        b = requireDesign(await stateAt(input.to_seq), input.other_design_name).design;
      } else {
        if (input.from_seq === undefined) {
          throw new ZapTraceError('INVALID_INPUT', 'give other_design_name, or from_seq (and optionally to_seq) to compare log positions', { path: 'from_seq' });
        }
        a = requireDesign(await stateAt(input.from_seq), input.design_name).design;
        b = requireDesign(await stateAt(input.to_seq), input.design_name).design;
      }
      return { result: diffDesigns(a, b) as unknown as { identical: boolean } };
    },
  }),
];

