import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { merkleHash } from '../kernel/merkle-hash.js';
import type { Design } from '../eda/model/design.js';
import { dcBias } from '../eda/plan/dc-bias.js';
import { electricalAnalysis } from '../eda/plan/electrical.js';
import { notApplicable, PROOF_CHECK_IDS, PROOF_CHECKS, proofCatalogue, type ProofCheck } from '../eda/plan/proof.js';
import type { EventDraft } from '../runtime/events/types.js';
import { DesignName, looseObject, requireDesign, sessionTool, type Ctx } from './define.js';
import { designText, runHeavy } from './heavy.js';
import { parseWithLibrary } from './part-footprints.js';
import { deriveDesignName } from './design-names.js';
import { validationRecorded } from './validation-draft.js';

/**
 * Proof runs of the Python ZapTrace (docs/zaptrace-parity.md, "Proofs"): a named set of checks on a
 * design as it is, ERC and DRC recorded as evidence bound to the evaluated hash (eda/plan/proof.ts).
 * `proof_run` takes a workspace design file, parses it into a new design and proves that.
 */
const Out = looseObject({});
const Checks = z.array(z.enum(PROOF_CHECK_IDS)).min(1).max(4).optional().describe('Checks to run; default: every one that applies.');
const Path = z.string().max(4096).describe('Workspace-relative path of a .yaml/.yml/.json design.');

async function readDesign(ctx: Ctx, path: string) {
  const text = await ctx.services.workspace.readText(path, { maxBytes: 4 * 1024 * 1024 });
  const format = /\.json$/i.test(path) ? ('json' as const) : ('auto' as const);
  return { format, ...parseWithLibrary(text, { format, strict: false }, ctx.services.library) };
}

/** Runs the checks on `design` (whose state hash is `hash`); ERC/DRC come back as ValidationRecorded drafts. */
async function prove(ctx: Ctx, name: string, design: Design, hash: string, asked: ProofCheck[] | undefined, basis: string | null) {
  const chosen = asked ?? PROOF_CHECKS.map((c) => c.id).filter((id) => notApplicable(id, design) === null);
  for (const id of chosen) {
    const why = notApplicable(id, design);
    if (why) throw new ZapTraceError('INVALID_INPUT', `${id} cannot judge this design: ${why}`, { path: 'checks', check: id });
  }
  const events: EventDraft[] = [];
  const results: Record<string, unknown>[] = [];
  const wantErc = chosen.includes('erc');
  const wantDrc = chosen.includes('drc');
  if (wantErc || wantDrc) {
    const text = designText(design);
    const opts = { basis: { [name]: basis } };
    const reports = wantErc && wantDrc ? await runHeavy(ctx, 'checks', { design: text }, opts) : wantErc ? { erc: await runHeavy(ctx, 'erc', { design: text }, opts) } : { drc: await runHeavy(ctx, 'drc', { design: text }, opts) };
    for (const [check, r] of Object.entries(reports) as ['erc' | 'drc', { ruleset_version: string; passed: boolean; counts: { error: number; warning: number; info: number }; findings: unknown[] }][]) {
      events.push(validationRecorded(name, check, r, hash));
      results.push({ id: check, passed: r.passed, recorded: true, counts: r.counts });
    }
  }
  const lookup = ctx.services.library.lookup;
  if (chosen.includes('electrical')) {
    const a = electricalAnalysis(design, lookup);
    results.push({ id: 'electrical', passed: a.passed, recorded: false, counts: a.counts, findings: a.findings.filter((f) => f.severity !== 'info') });
  }
  if (chosen.includes('dc_bias')) {
    const b = dcBias(design, lookup);
    const counts = { error: b.findings.filter((f) => f.severity === 'error').length, warning: b.findings.filter((f) => f.severity === 'warning').length };
    results.push({ id: 'dc_bias', passed: counts.error === 0, recorded: false, counts, findings: b.findings.filter((f) => f.severity !== 'info') });
  }
  const order = (id: unknown) => PROOF_CHECK_IDS.indexOf(id as ProofCheck);
  results.sort((a, b) => order(a['id']) - order(b['id']));
  return { events, summary: { design_name: name, design_hash: hash, passed: results.every((r) => r['passed'] === true), checks: results } };
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
      const { design } = await readDesign(ctx, input.path);
      return { result: { path: input.path, design_hash: merkleHash(design), checks: proofCatalogue(design) } };
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
      const { design, warnings, format } = await readDesign(ctx, input.path);
      const name = input.design_name ?? deriveDesignName(design.meta.name, (n) => Object.hasOwn(ctx.state.designs, n));
      if (!DesignName.safeParse(name).success) throw new ZapTraceError('INVALID_INPUT', 'meta.name is not usable as a design name; pass design_name', { path: 'design_name' });
      if (Object.hasOwn(ctx.state.designs, name)) throw new ZapTraceError('INVALID_INPUT', `a design named "${name}" already exists; proof_run creates a new one`, { path: 'design_name' });
      // The state hash the parsed design will have once appended (docs/design-hash.md): evidence names it.
      const hash = merkleHash(design);
      const { events, summary } = await prove(ctx, name, design, hash, input.checks, null);
      const parsed = { type: 'DesignParsed', data: { design_name: name, design, source: { kind: 'file', path: input.path, format }, warnings } };
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
      const { events, summary } = await prove(ctx, input.design_name, entry.design, entry.hash, input.checks, entry.hash);
      return events.length ? { events, after: () => summary } : { result: summary };
    },
  }),
];
