import { ZapTraceError } from '../kernel/errors.js';

/**
 * Approvals are independent (contract.md, "Approvals are human and independent"): the approving
 * principal must not have authored any change in the state it approves. A single-user development
 * setup may opt out with `--allow-self-approval`, which the banner and every release manifest state.
 */
export interface ApprovalPolicy {
  allowSelfApproval: boolean;
}

/**
 * Development-mode principals (`dev:<actor>`, surfaces/http/auth.ts) are named by an unauthenticated
 * header, so any caller can be any of them: they count as one identity here, and a development
 * server releases only with the explicit opt-out.
 */
function sameIdentity(a: string, b: string): boolean {
  return a === b || (a.startsWith('dev:') && b.startsWith('dev:'));
}

/** Would the release gate accept an approval by `approver` of a state these principals authored? */
export function approvalCounts(policy: ApprovalPolicy, approver: string, authors: readonly string[]): boolean {
  return policy.allowSelfApproval || !authors.some((author) => sameIdentity(author, approver));
}

/** Throws SELF_APPROVAL unless `approver` is independent of `authors` or the policy allows it; returns whether it was a self-approval. */
export function checkIndependentApproval(policy: ApprovalPolicy, approver: string, authors: readonly string[], designName: string): boolean {
  const self = authors.some((author) => sameIdentity(author, approver));
  if (self && !policy.allowSelfApproval) {
    throw new ZapTraceError('SELF_APPROVAL', `${approver} authored changes in this state of ${designName} and cannot approve it; the session owner names a reviewer with session_add_reviewer, who approves with design_commit`, {
      design_name: designName,
      approver,
    });
  }
  return self;
}
