import type { Level } from './capability.js';
import { impliedLevels } from './capability.js';
import { shareEnvelopeMember } from './events/stored-line.js';
import type { CallAudit, EventActor } from './events/types.js';
import type { CallContext } from './principal.js';

/** Distinct actors or audit records remembered before the caches start over (callers are few; a flood must not grow memory). */
const MAX_SHARED = 4096;

/** An unambiguous key of several texts: each is prefixed by its length. */
const keyOf = (...parts: string[]) => parts.map((p) => `${p.length}:${p}`).join('');

function remembered<T extends object>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MAX_SHARED) cache.clear();
    value = shareEnvelopeMember(make());
    cache.set(key, value);
  }
  return value;
}

/**
 * The event actor and the audit record of a call (contract.md, "Audit evidence") as shared frozen
 * objects, one per distinct content: every call of one principal through one surface, and of one
 * tool with one grant and reason, carries the same objects, whose JSON text sealing then reuses
 * (events/stored-line.ts) instead of serialising them for every event.
 */
export function createEnvelopeParts() {
  const actors = new Map<string, EventActor>();
  const audits = new Map<string, CallAudit>();
  return {
    actorOf(call: CallContext): EventActor {
      const { principal } = call;
      return remembered(actors, keyOf(principal.id, call.actor, call.surface, principal.authSource), () => ({
        principal: principal.id,
        actor: call.actor,
        surface: call.surface,
        auth_source: principal.authSource,
      }));
    },
    auditOf(call: CallContext, tool: { name: string; level: Level; subject?: string | undefined }): CallAudit {
      const grant = call.principal.grant ?? '';
      return remembered(audits, keyOf(tool.name, tool.level, grant, call.reason, tool.subject ?? ''), () => ({
        tool: tool.name,
        capability: tool.level,
        granted: Object.freeze(impliedLevels(call.principal.grant)) as Level[],
        decision: 'allow',
        reason: call.reason,
        outcome: 'ok',
        ...(tool.subject !== undefined ? { subject: tool.subject } : {}),
      }));
    },
  };
}
