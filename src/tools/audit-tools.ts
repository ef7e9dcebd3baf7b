import { z } from 'zod';
import { auditRecordOf } from '../runtime/events/audit-record.js';
import type { AnyEvent } from '../runtime/events/types.js';
import { sessionTool, looseObject } from './define.js';

export const AuditQuery = {
  tool: z.string().max(100).optional(),
  decision: z.enum(['allow', 'deny']).optional(),
  since: z.iso.datetime().optional().describe('ISO timestamp; only events at or after it.'),
  after_seq: z.number().int().min(0).default(0).describe('Cursor: return events with seq greater than this.'),
  limit: z.number().int().min(1).max(1000).default(100),
};

export interface AuditFilter {
  tool?: string | undefined;
  decision?: 'allow' | 'deny' | undefined;
  since?: string | undefined;
  after_seq: number;
  limit: number;
}

/** Events read from the log at a time while paging the audit view. */
const AUDIT_CHUNK = 2000;

/**
 * The audit view: audit events of the session log, filtered and paginated by seq cursor. The log is
 * read from the cursor on, a chunk at a time, until the page is full: a page costs what it reads
 * from the cursor, never the whole log (the file store reads events back from disk).
 */
export async function queryAudit(read: (range: { from: number; to: number }) => Promise<readonly AnyEvent[]>, q: AuditFilter) {
  const since = q.since ? Date.parse(q.since) : undefined;
  const matches: Record<string, unknown>[] = [];
  let next: number | null = null;
  for (let from = q.after_seq + 1; next === null; from += AUDIT_CHUNK) {
    const events = await read({ from, to: from + AUDIT_CHUNK - 1 });
    for (const e of events) {
      const d = auditRecordOf(e);
      if (d === null) continue;
      if (q.tool !== undefined && d.tool !== q.tool) continue;
      if (q.decision !== undefined && d.decision !== q.decision) continue;
      if (since !== undefined && Date.parse(e.at) < since) continue;
      if (matches.length === q.limit) {
        next = (matches[matches.length - 1] as { seq: number }).seq;
        break;
      }
      matches.push({ seq: e.seq, timestamp: e.at, event_type: e.type, hash: e.hash, ...d });
    }
    if (events.length < AUDIT_CHUNK) break;
  }
  return { events: matches, next_after_seq: next };
}

export const auditTools = [
  sessionTool({
    name: 'audit_list_events',
    title: 'Audit trail',
    description: 'Who did what, when and why in this session: every non-read call, allowed or denied, with its outcome. Filters: tool, decision, since; paginated by after_seq.',
    level: 'read',
    input: AuditQuery,
    output: z.object({ events: z.array(looseObject({ seq: z.number() })), next_after_seq: z.number().nullable() }),
    async handler(input, ctx) {
      return { result: await queryAudit((range) => ctx.runtime.readEvents(ctx.sessionId!, range), input) };
    },
  }),
  sessionTool({
    name: 'session_events',
    title: 'The session log',
    description: 'The append-only, hash-chained event log of the session, paginated (from_seq, limit).',
    level: 'read',
    input: { from_seq: z.number().int().min(1).default(1), limit: z.number().int().min(1).max(1000).default(200) },
    output: z.object({ events: z.array(looseObject({ seq: z.number(), type: z.string(), hash: z.string() })), next_from_seq: z.number().nullable() }),
    async handler(input, ctx) {
      const events = await ctx.runtime.readEvents(ctx.sessionId!, { from: input.from_seq, to: input.from_seq + input.limit });
      const page = events.slice(0, input.limit);
      return { result: { events: page as never, next_from_seq: events.length > input.limit ? input.from_seq + input.limit : null } };
    },
  }),
];
