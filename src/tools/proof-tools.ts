import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import type { Design } from '../eda/model/design.js';
import { PROOF_CHECK_IDS, proofCatalogue, type ProofCheck } from '../eda/plan/proof.js';
import { DesignName, looseObject, requireDesign, sessionTool, type Ctx } from './define.js';
import { designText, runHeavy } from './heavy.js';
import { deriveDesignName, metaNameOf } from './design-names.js';
import { chooseChecks, proofSummary } from './proof-checks.js';

/**
 * Proof runs of the Python ZapTrace (docs/zaptrace-parity.md, "Proofs"): a named set of checks on a
 * design as it is, ERC and DRC recorded as evidence bound to the evaluated hash (eda/plan/proof.ts).
 * `proof_run` takes a workspace design file, parses it into a new design and proves that; the parse and
 * the checks run in the worker pool (docs/heavy-work.md), like every other heavy tool.
 */
const Out = looseObject({});
const Checks = z.array(z.enum(PROOF_CHECK_IDS)).min(1).max(4).optional().describe('Checks to run; default: every one that applies.');
const Path = z.string().max(4096).describe('Workspace-relative path of a .yaml/.yml/.json design.');

/** A workspace design file's text; it is parsed in the worker pool (heavy-tasks.ts), not on the event loop. */
async function readDesignFile(ctx: Ctx, path: string) {
  const text = await ctx.services.workspace.readText(path, { maxBytes: 4 * 1024 * 1024 });
  return { text, format: /\.json$/i.test(path) ? ('json' as const) : ('auto' as const) };
}

/** Runs the checks on a session design (whose state hash is `hash`) in the worker pool; ERC/DRC come back as ValidationRecorded drafts. */
async function prove(ctx: Ctx, name: string, design: Design, hash: string, asked: ProofCheck[] | undefined) {
  const checks = chooseChecks(design, asked);
  const { reports, analysis } = await runHeavy(ctx, 'proof_design', { design: designText(design), checks }, { basis: { [name]: hash } });
  return proofSummary(name, hash, reports, analysis);
}

export const proofTools = [
  sessionTool({
    name: 'proof_list_checks',
    title: 'Proof checks',
    description: 'The checks a proof can run (ERC and DRC recorded as evidence), and with `path` which apply to that workspace design.',
    level: 'read',
    input: { path: Path.optional() },
    output: Out,
    async handler(input, ctx) {
      if (input.path === undefined) return { result: { checks: proofCatalogue() } };
      const listed = await runHeavy(ctx, 'proof_file_checks', { ...(await readDesignFile(ctx, input.path)), hash_format: ctx.state.design_hash_format });
      return { result: { path: input.path, ...listed } };
    },
  }),
  sessionTool({
    name: 'proof_run',
    title: 'Prove a workspace design',
    description: 'Parses a workspace design file into a NEW design and runs the proof checks on it; ERC/DRC recorded with its hash.',
    level: 'sandbox-write',
    input: { path: Path, design_name: DesignName.optional().describe('Name of the new design; derived from meta.name when absent.'), checks: Checks },
    output: Out,
    async handler(input, ctx) {
      const file = await readDesignFile(ctx, input.path);
      // Named before the parse, from the text's meta.name (as pipeline_run does), so the worker's
      // result is appended only if no design of that name appeared meanwhile (basis null).
      const name = input.design_name ?? deriveDesignName(metaNameOf(file.text) ?? 'design', (n) => Object.hasOwn(ctx.state.designs, n));
      if (!DesignName.safeParse(name).success) throw new ZapTraceError('INVALID_INPUT', 'meta.name is not usable as a design name; pass design_name', { path: 'design_name' });
      if (Object.hasOwn(ctx.state.designs, name)) throw new ZapTraceError('INVALID_INPUT', `a design named "${name}" already exists; proof_run creates a new one`, { path: 'design_name' });
      const proved = await runHeavy(ctx, 'proof_file', { ...file, hash_format: ctx.state.design_hash_format, ...(input.checks ? { checks: input.checks } : {}) }, { basis: { [name]: null } });
      // proved.hash is the state hash the parsed design will have once appended (docs/design-hash.md): evidence names it.
      const hash = proved.hash;
      const { events, summary } = proofSummary(name, hash, proved.reports, proved.analysis);
      const parsed = { type: 'DesignParsed', data: { design_name: name, design: proved.design, source: { kind: 'file', path: input.path, format: file.format }, warnings: proved.warnings } };
      return { events: [parsed, ...events], after: (s) => ({ ...summary, design_hash: requireDesign(s, name).hash, evaluated_hash: hash }) };
    },
  }),
  sessionTool({
    name: 'proof_run_design',
    title: 'Prove a design',
    description: 'Runs the proof checks on a session design as it is now; ERC/DRC recorded as evidence bound to its hash.',
    level: 'sandbox-write',
    input: { design_name: DesignName, checks: Checks },
    output: Out,
    async handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const { events, summary } = await prove(ctx, input.design_name, entry.design, entry.hash, input.checks);
      return events.length ? { events, after: () => summary } : { result: summary };
    },
  }),
];
