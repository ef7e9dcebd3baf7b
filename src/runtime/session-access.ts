import { ZapTraceError } from '../kernel/errors.js';
import type { AnyEvent } from './events/types.js';

/**
 * Who may use a session besides its owner (contract.md, "Approvals are human and independent":
 * "Sessions stay owner-only: the owner names reviewers, who may read and approve but never edit").
 *
 * A reviewer may call every read tool and the two approval tools; any other tool is refused with
 * OPERATION_NOT_AUTHORIZED (not OBJECT_NOT_AUTHORIZED: the reviewer may see the session, so the
 * refusal can say why) and audited as a ToolDenied in the session.
 */
export const REVIEWER_TOOLS: ReadonlySet<string> = new Set(['design_commit', 'design_transaction_commit']);

export function reviewerRefusal(tool: { name: string; level: string }): ZapTraceError | null {
  if (tool.level === 'read' || REVIEWER_TOOLS.has(tool.name)) return null;
  return new ZapTraceError('OPERATION_NOT_AUTHORIZED', `a reviewer may read this session and approve it (${[...REVIEWER_TOOLS].join(', ')}), not call ${tool.name}`, {
    role: 'reviewer',
    required_role: 'owner',
  });
}

export interface SessionAccess {
  /** Is `principal` a reviewer the owner named in this session? */
  isReviewer(sessionId: string, principal: string): Promise<boolean>;
  /** Keeps the reviewer cache current with events this process appended. */
  observe(sessionId: string, events: readonly AnyEvent[]): void;
}

/**
 * Reviewer lists per session, read from ReviewerAdded events without folding the log (a probe by
 * a stranger costs one read, never a replay) and cached; appends keep the cache current.
 */
export function createSessionAccess(readEvents: (sessionId: string) => Promise<readonly AnyEvent[]>): SessionAccess {
  const cache = new Map<string, Set<string>>();
  const collect = (events: readonly AnyEvent[], into: Set<string>) => {
    for (const e of events) if (e.type === 'ReviewerAdded') into.add((e.data as { principal: string }).principal);
  };
  return {
    async isReviewer(sessionId, principal) {
      let set = cache.get(sessionId);
      if (!set) {
        set = new Set();
        collect(await readEvents(sessionId), set);
        cache.set(sessionId, set);
      }
      return set.has(principal);
    },
    observe(sessionId, events) {
      const set = cache.get(sessionId);
      if (set) collect(events, set);
    },
  };
}
