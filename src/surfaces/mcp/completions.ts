import type { Principal } from '../../runtime/principal.js';
import type { Runtime } from '../../runtime/runtime.js';
import type { McpConnection } from './connection.js';

/** MCP caps a completion answer at 100 values (MCP spec, "Completion"). */
const MAX_VALUES = 100;

interface CompletionQuery {
  argument: { name: string; value: string };
  context?: { arguments?: Record<string, string> | undefined } | undefined;
}

/**
 * completion/complete for prompt arguments and resource-template variables. Only the caller's own
 * sessions and their designs are offered: completion must not reveal what the caller could not read.
 */
export async function complete(runtime: Runtime, conn: McpConnection, principal: Principal, query: CompletionQuery) {
  const prefix = query.argument.value.slice(0, 200);
  const values = await candidates(runtime, conn, principal, query.argument.name, query.context?.arguments ?? {});
  const matching = [...new Set(values)].filter((v) => v.startsWith(prefix)).sort();
  return { completion: { values: matching.slice(0, MAX_VALUES), total: matching.length, hasMore: matching.length > MAX_VALUES } };
}

async function candidates(runtime: Runtime, conn: McpConnection, principal: Principal, argument: string, context: Record<string, string>): Promise<string[]> {
  if (argument !== 'session_id' && argument !== 'design_name') return [];
  const sessions = await runtime.listSessions(principal);
  if (argument === 'session_id') return sessions.map((s) => s.session_id);
  const wanted = context['session_id'] ?? conn.currentSession();
  const scope = wanted ? sessions.filter((s) => s.session_id === wanted) : sessions;
  return scope.flatMap((s) => s.designs);
}
