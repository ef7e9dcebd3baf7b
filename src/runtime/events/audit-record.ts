import type { AuditData } from './catalog.js';
import type { AnyEvent } from './types.js';

/**
 * The audit record an event holds, or null (contract.md, "Audit evidence"; docs/event-log.md, "Audit
 * records"): a ToolAuthorized or ToolDenied event is one by itself; an allowed call's first event carries
 * the rest of its record in `audit`, and the envelope gives the surface, session, principal, actor and
 * request id. Both come out in the same shape, so the audit view and its readers need not know which.
 */
export function auditRecordOf(e: AnyEvent): AuditData | null {
  if (e.type === 'ToolAuthorized' || e.type === 'ToolDenied') return e.data as AuditData;
  const a = e.audit;
  if (a === undefined) return null;
  return {
    surface: e.actor.surface,
    session_id: e.session_id,
    principal: e.actor.principal,
    actor: e.actor.actor,
    tool: a.tool,
    capability: a.capability,
    granted: a.granted,
    decision: a.decision,
    reason: a.reason,
    request_id: e.request_id,
    outcome: a.outcome,
    ...(a.subject !== undefined ? { subject: a.subject } : {}),
  };
}
