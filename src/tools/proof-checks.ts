import { ZapTraceError } from '../kernel/errors.js';
import type { Design } from '../eda/model/design.js';
import type { PartLookup } from '../eda/model/part.js';
import { dcBias } from '../eda/plan/dc-bias.js';
import { electricalAnalysis } from '../eda/plan/electrical.js';
import { notApplicable, PROOF_CHECK_IDS, PROOF_CHECKS, type ProofCheck } from '../eda/plan/proof.js';
import type { EventDraft } from '../runtime/events/types.js';
import { validationRecorded } from './validation-draft.js';

/**
 * The pure parts of a proof run (docs/zaptrace-parity.md, "Proofs"; eda/plan/proof.ts), shared by the
 * main thread (proof_run_design) and the worker task that parses and proves a workspace file
 * (heavy-tasks.ts `proof_file`), so both choose, judge and summarise checks the same way.
 */
export type CheckReport = { ruleset_version: string; passed: boolean; counts: { error: number; warning: number; info: number }; findings: unknown[] };
export type ProofReports = { erc?: CheckReport; drc?: CheckReport };
type Row = Record<string, unknown>;

/** The asked checks, or every one that applies; a check that cannot judge the design is refused. */
export function chooseChecks(design: Design, asked: ProofCheck[] | undefined): ProofCheck[] {
  const chosen = asked ?? PROOF_CHECKS.map((c) => c.id).filter((id) => notApplicable(id, design) === null);
  for (const id of chosen) {
    const why = notApplicable(id, design);
    if (why) throw new ZapTraceError('INVALID_INPUT', `${id} cannot judge this design: ${why}`, { path: 'checks', check: id });
  }
  return chosen;
}

/** The checks that are not recorded as evidence: electrical analysis and DC bias. */
export function analysisResults(design: Design, chosen: ProofCheck[], lookup: PartLookup): Row[] {
  const results: Row[] = [];
  if (chosen.includes('electrical')) {
    const a = electricalAnalysis(design, lookup);
    results.push({ id: 'electrical', passed: a.passed, recorded: false, counts: a.counts, findings: a.findings.filter((f) => f.severity !== 'info') });
  }
  if (chosen.includes('dc_bias')) {
    const b = dcBias(design, lookup);
    const counts = { error: b.findings.filter((f) => f.severity === 'error').length, warning: b.findings.filter((f) => f.severity === 'warning').length };
    results.push({ id: 'dc_bias', passed: counts.error === 0, recorded: false, counts, findings: b.findings.filter((f) => f.severity !== 'info') });
  }
  return results;
}

/** ERC/DRC as ValidationRecorded drafts bound to `hash`, and the summary of every check in catalogue order. */
export function proofSummary(name: string, hash: string, reports: ProofReports, analysis: Row[]) {
  const events: EventDraft[] = [];
  const results: Row[] = [];
  for (const [check, r] of Object.entries(reports) as ['erc' | 'drc', CheckReport][]) {
    events.push(validationRecorded(name, check, r, hash));
    results.push({ id: check, passed: r.passed, recorded: true, counts: r.counts });
  }
  results.push(...analysis);
  const order = (id: unknown) => PROOF_CHECK_IDS.indexOf(id as ProofCheck);
  results.sort((a, b) => order(a['id']) - order(b['id']));
  return { events, summary: { design_name: name, design_hash: hash, passed: results.every((r) => r['passed'] === true), checks: results } };
}
