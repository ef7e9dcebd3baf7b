import type { Level } from './capability.js';
import { impliedLevels } from './capability.js';
import { shareEnvelopeMember } from './events/stored-line.js';
import type { CallAudit, EventActor } from './events/types.js';
import type { CallContext, Principal } from './principal.js';

interface ToolNaming {
  name: string;
  level: Level;
  subject?: string | undefined;
}

/**
 * The event actor and the audit record of a call (contract.md, "Audit evidence") as shared frozen
 * objects: consecutive calls of one principal through one surface, and of one tool with one grant and
 * reason, carry the same objects, whose JSON text sealing then reuses (events/stored-line.ts) instead
 * of serialising them for every event. One object is remembered per principal and per tool (weakly:
 * a principal that is gone takes its entry with it), and reused only when every field is equal.
 */
export function createEnvelopeParts() {
  const actors = new WeakMap<Principal, EventActor>();
  const audits = new WeakMap<ToolNaming, { grant: Level | null; audit: CallAudit }>();
  return {
    actorOf(call: CallContext): EventActor {
      const { principal } = call;
      const last = actors.get(principal);
      if (last && last.principal === principal.id && last.actor === call.actor && last.surface === call.surface && last.auth_source === principal.authSource) return last;
      const actor = shareEnvelopeMember<EventActor>({ principal: principal.id, actor: call.actor, surface: call.surface, auth_source: principal.authSource });
      actors.set(principal, actor);
      return actor;
    },
    auditOf(call: CallContext, tool: ToolNaming): CallAudit {
      const grant = call.principal.grant;
      const last = audits.get(tool);
      if (last && last.grant === grant && last.audit.capability === tool.level && last.audit.reason === call.reason && last.audit.subject === tool.subject) return last.audit;
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
