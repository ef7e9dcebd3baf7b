import { z } from 'zod';
import { approvalCounts } from '../runtime/approval-policy.js';
import { authorsOf } from '../runtime/projections/authorship.js';
import { own } from '../kernel/own.js';
import type { SvgDrcFinding } from '../eda/render/index.js';
import type { SessionState } from '../runtime/projections/session-state.js';
import { DesignName, looseObject, requireDesign, sessionTool, type Ctx } from './define.js';
import { designText, runHeavy } from './heavy.js';

const Picture = {
  design_name: DesignName,
  seq: z.number().int().min(1).optional().describe('Render the design as it was after this log position (replay).'),
  layers: z.array(z.string().max(40)).max(40).optional(),
};

async function stateFor(ctx: Ctx, seq: number | undefined): Promise<SessionState> {
  return seq === undefined ? ctx.state : ctx.runtime.stateAt(ctx.sessionId!, seq);
}

async function svgOf(ctx: Ctx, input: { design_name: string; seq?: number | undefined; layers?: string[] | undefined }): Promise<string> {
  const state = await stateFor(ctx, input.seq);
  const entry = requireDesign(state, input.design_name);
  const drc = own(state.evidence, input.design_name)?.drc;
  // DRC markers only when they describe the state being drawn.
  const drcFindings = drc && drc.evaluated_hash === entry.hash ? (drc.findings as SvgDrcFinding[]) : [];
  return runHeavy(ctx, 'render_svg', { design: designText(entry.design), drcFindings, ...(input.layers ? { layers: input.layers } : {}) });
}

async function reportOf(ctx: Ctx, input: { design_name: string; seq?: number | undefined }): Promise<string> {
  const state = await stateFor(ctx, input.seq);
  const entry = requireDesign(state, input.design_name);
  const ev = own(state.evidence, input.design_name) ?? {};
  return runHeavy(ctx, 'render_report', {
    designName: input.design_name,
    design: designText(entry.design),
    designHash: entry.hash,
    evidence: { ...(ev.erc ? { erc: ev.erc } : {}), ...(ev.drc ? { drc: ev.drc } : {}) },
    // Readiness counts only approvals the release gate would accept (independent, or under the opt-out).
    approvals: state.approvals.filter((a) => a.design_name === input.design_name && approvalCounts(ctx.services.approvalPolicy, a.principal, authorsOf(state, input.design_name))),
  });
}

const OutputPath = z.string().min(1).max(1024).describe('Workspace-relative file to write.');
const Written = looseObject({ path: z.string(), bytes: z.number(), sha256: z.string() });

export const renderTools = [
  sessionTool({
    name: 'render_svg',
    title: 'Board picture (inline)',
    description: 'A layered SVG of the board (copper per layer, pads, silkscreen, outline, unrouted airwires, DRC markers), at any log position; returned inline.',
    level: 'read',
    input: Picture,
    output: z.object({ design_name: z.string(), svg: z.string() }),
    handler: async (input, ctx) => ({ result: { design_name: input.design_name, svg: await svgOf(ctx, input) } }),
  }),
  sessionTool({
    name: 'export_svg',
    title: 'Write the board picture to the workspace',
    description: 'Writes the layered board SVG to a workspace file (atomic).',
    level: 'sandbox-write',
    input: { ...Picture, output_path: OutputPath },
    output: Written,
    handler: async (input, ctx) => ({ result: await ctx.services.workspace.writeAtomic(input.output_path, await svgOf(ctx, input), { field: 'output_path' }) }),
  }),
  sessionTool({
    name: 'render_report',
    title: 'Design report (inline)',
    description: 'Markdown report: parts, nets, checks with evidence freshness, approvals and release readiness; returned inline.',
    level: 'read',
    input: { design_name: DesignName, seq: Picture.seq },
    output: z.object({ design_name: z.string(), markdown: z.string() }),
    handler: async (input, ctx) => ({ result: { design_name: input.design_name, markdown: await reportOf(ctx, input) } }),
  }),
  sessionTool({
    name: 'export_report',
    title: 'Write the design report to the workspace',
    description: 'Writes the Markdown design report to a workspace file (atomic).',
    level: 'sandbox-write',
    input: { design_name: DesignName, seq: Picture.seq, output_path: OutputPath },
    output: Written,
    handler: async (input, ctx) => ({ result: await ctx.services.workspace.writeAtomic(input.output_path, await reportOf(ctx, input), { field: 'output_path' }) }),
  }),
];
