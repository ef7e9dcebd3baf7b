import type { Level } from './capability.js';
import { impliedLevels } from './capability.js';
import { shareEnvelopeMember } from './events/stored-line.js';
import type { CallAudit, EventActor } from './events/types.js';
import type { CallContext } from './principal.js';

interface ToolNaming {
  name: string;
  level: Level;
  subject?: string | undefined;
}

/** Principals whose actor object is kept (a bound: any number of principals may call). */
const ACTORS_KEPT = 4096;

/**
 * The event actor and the audit record of a call (contract.md, "Audit evidence") as shared frozen
 * objects: consecutive calls of one principal through one surface, and of one tool with one grant and
 * reason, carry the same objects, whose JSON text sealing then reuses (events/stored-line.ts) instead
 * of serialising them for every event. One object is remembered per principal id (at most ACTORS_KEPT)
 * and per tool (weakly), and reused only when every field that can differ is equal.
 */
export function createEnvelopeParts() {
  // By principal id, not object: the HTTP surfaces make a Principal per request.
  const actors = new Map<string, EventActor>();
  const audits = new WeakMap<ToolNaming, { grant: Level | null; audit: CallAudit }>();
  return {
    actorOf(call: CallContext): EventActor {
      const { principal } = call;
      const last = actors.get(principal.id);
      if (last && last.principal === principal.id && last.actor === call.actor && last.surface === call.surface && last.auth_source === principal.authSource) return last;
      const actor = shareEnvelopeMember<EventActor>({ principal: principal.id, actor: call.actor, surface: call.surface, auth_source: principal.authSource });
      if (actors.size >= ACTORS_KEPT) actors.clear();
      actors.set(principal.id, actor);
      return actor;
    },
    auditOf(call: CallContext, tool: ToolNaming): CallAudit {
      const grant = call.principal.grant;
      const last = audits.get(tool);
      // Keyed by the tool object, whose name, level and subject never change: only the call's grant and reason can.
      if (last && last.grant === grant && last.audit.reason === call.reason) return last.audit;
      const audit = shareEnvelopeMember<CallAudit>({
        tool: tool.name,
        capability: tool.level,
        granted: Object.freeze(impliedLevels(grant)) as Level[],
        decision: 'allow',
        reason: call.reason,
        outcome: 'ok',
        ...(tool.subject !== undefined ? { subject: tool.subject } : {}),
      });
      audits.set(tool, { grant, audit });
      return audit;
    },
  };
}
