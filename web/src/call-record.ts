import type { LogEvent } from './api.js';

/** What the page shows of a call: the audit record of docs/event-log.md, "Audit events". */
export interface CallRecord {
  tool: string;
  capability: string;
  decision: string;
  outcome: string;
  reason: string;
}

const text = (v: unknown) => String(v ?? '');

/**
 * The call record an event holds, or null: a ToolAuthorized or ToolDenied event is one by itself, and an
 * allowed call's first event carries it in `audit` (the server's auditRecordOf reads the log the same way).
 */
export function callRecordOf(e: LogEvent | undefined): CallRecord | null {
  if (!e) return null;
  const d = e.type === 'ToolAuthorized' || e.type === 'ToolDenied' ? e.data : e.audit;
  if (!d) return null;
  return { tool: text(d['tool']), capability: text(d['capability']), decision: text(d['decision']), outcome: text(d['outcome']), reason: text(d['reason']) };
}
