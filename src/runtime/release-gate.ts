import { ZapTraceError } from '../kernel/errors.js';
import { checkIndependentApproval, type ApprovalPolicy } from './approval-policy.js';
import { authorsOf } from './projections/authorship.js';
import { own } from '../kernel/own.js';
import { rfShortfalls } from '../eda/erc/rf-essentials.js';
import { mapPinsToPads, resolveFootprint } from '../eda/footprints/index.js';
import { hardViolations, placementReport } from '../eda/place/verify.js';
import type { Approval, SessionState, ValidationResult } from './projections/session-state.js';

export interface GateEvidence {
  design_hash: string;
  approval: Approval;
  /** Principals who authored the released state (none of them approved it, unless self-approval is allowed). */
  authors: readonly string[];
  self_approval_allowed: boolean;
  erc: { seq: number; evaluated_hash: string; ruleset_version: string };
  drc: { seq: number; evaluated_hash: string; ruleset_version: string };
  /** Plugin checks the operator admitted as release evidence (docs/plugins.md, "Release evidence"); absent when none. */
  plugins?: { check: string; plugin: string; publisher_key: string; seq: number; evaluated_hash: string; ruleset_version: string }[];
}

const CHECKS = ['erc', 'drc'] as const;

/**
 * The release gate (contract.md, "The release gate"), after the capability check the interceptor did:
 * 2. approval_id names a design_commit of this design whose hash is the current hash;
 * 3. a passing ERC and a passing DRC whose OWN evaluated hash is the current hash — each result
 *    carries the hash it checked, so re-running one check never refreshes another.
 * 2b. the approval is independent: its approver authored no change of the state (contract.md,
 *    "Approvals are human and independent"), unless the server allows self-approval.
 * 3b. every radio chip has its RF essentials: crystal, antenna match, decoupling (rf-essentials.ts).
 * 3d. every hard placement constraint of a placed board holds (eda/place/verify.ts).
 * The output path (4.) is checked by the workspace before any write.
 */
export function checkReleaseGate(state: SessionState, designName: string, approvalId: string, policy: ApprovalPolicy = { allowSelfApproval: false }, pluginChecks: readonly string[] = []): GateEvidence {
  const entry = own(state.designs, designName);
  if (!entry) throw new ZapTraceError('NOT_FOUND', `no design named "${designName}" in this session`, { path: 'design_name' });
  const current = entry.hash;
  const id = approvalId.trim();
  if (id === '') throw new ZapTraceError('RELEASE_GATE_APPROVAL_REQUIRED', 'a release export needs the approval_id of a design_commit of this exact state', { path: 'approval_id' });
  const approvals = state.approvals.filter((a) => a.approval_id === id && a.design_name === designName);
  const approval = approvals.find((a) => a.design_hash === current);
  if (!approval) {
    if (approvals.length > 0) {
      throw new ZapTraceError('RELEASE_GATE_APPROVAL_STALE', `approval ${id} was given for another state of ${designName}; the design changed since — review and design_commit again`, {
        approved_hash: approvals[approvals.length - 1]!.design_hash,
        current_hash: current,
      });
    }
    throw new ZapTraceError('RELEASE_GATE_APPROVAL_REQUIRED', `no design_commit with approval_id ${id} for ${designName}`, { path: 'approval_id' });
  }
  // Checked again here, not only at design_commit: the approval may predate the rule or a restart without the opt-out.
  const authors = authorsOf(state, designName);
  checkIndependentApproval(policy, approval.principal, authors, designName);
  const evidence: Partial<Record<'erc' | 'drc', ValidationResult>> = {};
  for (const check of CHECKS) {
    const result = own(state.evidence, designName)?.[check];
    const name = check.toUpperCase();
    if (!result) throw new ZapTraceError('RELEASE_GATE_EVIDENCE_MISSING', `no ${name} result for ${designName}`, { check });
    if (result.evaluated_hash !== current) {
      throw new ZapTraceError('RELEASE_GATE_EVIDENCE_STALE', `the ${name} result evaluated another state of ${designName}; run it again`, { check, evaluated_hash: result.evaluated_hash, current_hash: current });
    }
    if (!result.passed) throw new ZapTraceError('RELEASE_GATE_EVIDENCE_FAILED', `${name} failed on this state (${result.counts.error} errors)`, { check, counts: result.counts });
    evidence[check] = result;
  }
  // 3b. A radio chip without its crystal, antenna match and decoupling cannot work, whatever ERC and
  //     DRC say about the copper (eda/erc/rf-essentials.ts cites the vendors' reference circuits).
  const rf = rfShortfalls(entry.design);
  if (rf.length > 0) {
    const what = rf.map((x) => `${x.ref} (${x.part}): ${x.missing.join(', ')}`).join('; ');
    throw new ZapTraceError('RELEASE_GATE_EVIDENCE_FAILED', `RF essentials missing: ${what}`, { check: 'rf', missing: rf });
  }
  // 3d. Stated and part-implied placement constraints (connectors and antennas at an edge facing
  //     out, antenna keep-outs free of copper, holes in corners, decoupling near its pin): a board
  //     that breaks one is refused even when ERC and DRC pass (docs/placement.md, "Violations").
  if (Object.keys(entry.design.placement).length > 0) {
    const unmet = hardViolations(placementReport(entry.design, resolveFootprint, mapPinsToPads));
    if (unmet.length > 0) {
      const what = unmet.slice(0, 5).map((u) => `${u.constraint.component}: ${u.constraint.reason} (${u.detail})`).join('; ');
      const violations = unmet.slice(0, 50).map((u) => ({ component: u.constraint.component, kind: u.kind, reason: u.constraint.reason, detail: u.detail }));
      throw new ZapTraceError('RELEASE_GATE_EVIDENCE_FAILED', `placement constraints unmet: ${what}${unmet.length > 5 ? ` and ${unmet.length - 5} more` : ''}`, { check: 'placement', violations });
    }
  }
  const pick = (r: ValidationResult) => ({ seq: r.seq, evaluated_hash: r.evaluated_hash, ruleset_version: r.ruleset_version });
  const plugins = checkPluginEvidence(state, designName, current, pluginChecks);
  return { design_hash: current, approval, authors, self_approval_allowed: policy.allowSelfApproval, erc: pick(evidence.erc!), drc: pick(evidence.drc!), ...(plugins.length > 0 ? { plugins } : {}) };
}

/**
 * 3c. Each plugin check the operator admitted as release evidence (`--plugin DIR=LEVEL,evidence`, and
 * `evidence: true` in its signed manifest) needs a passing result recorded as evidence whose own
 * evaluated hash is the current one, exactly like ERC and DRC (docs/plugins.md, "Release evidence").
 */
function checkPluginEvidence(state: SessionState, designName: string, current: string, checks: readonly string[]): NonNullable<GateEvidence['plugins']> {
  const out: NonNullable<GateEvidence['plugins']> = [];
  for (const check of checks) {
    const result = own(own(state.evidence, designName)?.plugins ?? {}, check);
    if (!result || !result.evidence) throw new ZapTraceError('RELEASE_GATE_EVIDENCE_MISSING', `no ${check} result recorded as release evidence for ${designName}`, { check });
    if (result.evaluated_hash !== current) {
      throw new ZapTraceError('RELEASE_GATE_EVIDENCE_STALE', `the ${check} result evaluated another state of ${designName}; run it again`, { check, evaluated_hash: result.evaluated_hash, current_hash: current });
    }
    if (!result.passed) throw new ZapTraceError('RELEASE_GATE_EVIDENCE_FAILED', `${check} failed on this state (${result.counts.error} errors)`, { check, counts: result.counts });
    out.push({ check, plugin: result.plugin, publisher_key: result.publisher_key, seq: result.seq, evaluated_hash: result.evaluated_hash, ruleset_version: result.ruleset_version });
  }
  return out;
}
