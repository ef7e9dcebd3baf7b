import { randomUUID } from 'node:crypto';
import type { Principal } from '../../runtime/principal.js';
import type { Runtime } from '../../runtime/runtime.js';
import type { McpConnection } from './connection.js';

/** MCP caps a completion answer at 100 values (MCP spec, "Completion"). */
const MAX_VALUES = 100;

/** Shortest typed prefix worth a library search; shorter ones would list the whole library. */
const MIN_PART_QUERY = 2;

interface CompletionQuery {
  argument: { name: string; value: string };
  context?: { arguments?: Record<string, string> | undefined } | undefined;
}

/**
 * completion/complete for prompt arguments and resource-template variables (MCP spec, "Completion"):
 * session ids, design names, component refs, net names, library parts and footprints. Only the caller's
 * own sessions and their designs are offered: completion must not reveal what the caller could not read.
 * Library parts and footprints are public (their tools need only the read level).
 */
export async function complete(runtime: Runtime, conn: McpConnection, principal: Principal, query: CompletionQuery) {
  const prefix = query.argument.value.slice(0, 200);
  const found = await candidates(runtime, conn, principal, query.argument.name, prefix, query.context?.arguments ?? {});
  // Ranked values (library search) keep their order; the others match by prefix, sorted.
  const values = found.ranked ? [...new Set(found.values)] : [...new Set(found.values)].filter((v) => v.startsWith(prefix)).sort();
  return { completion: { values: values.slice(0, MAX_VALUES), total: values.length, hasMore: values.length > MAX_VALUES } };
}

interface Candidates {
  values: string[];
  ranked: boolean;
}

const byPrefix = (values: string[]): Candidates => ({ values, ranked: false });

async function candidates(runtime: Runtime, conn: McpConnection, principal: Principal, argument: string, prefix: string, context: Record<string, string>): Promise<Candidates> {
  switch (argument) {
    case 'session_id':
      return byPrefix((await runtime.listSessions(principal)).map((s) => s.session_id));
    case 'design_name':
      return byPrefix((await ownSessions(runtime, conn, principal, context)).flatMap((s) => s.designs));
    case 'ref':
    case 'net':
      return byPrefix(await designNames(runtime, conn, principal, context, argument));
    case 'part_id':
      return prefix.length < MIN_PART_QUERY ? byPrefix([]) : { values: await libraryParts(runtime, principal, prefix), ranked: true };
    case 'footprint':
      return byPrefix(await footprints(runtime, principal));
    default:
      return byPrefix([]);
  }
}

/** The session the context names (or the connection's), if the caller owns it; else all their sessions. */
async function ownSessions(runtime: Runtime, conn: McpConnection, principal: Principal, context: Record<string, string>) {
  const sessions = await runtime.listSessions(principal);
  const wanted = context['session_id'] ?? conn.currentSession();
  return wanted ? sessions.filter((s) => s.session_id === wanted) : sessions;
}

/** Refs or net names of the design the context names, in a session the caller owns. */
async function designNames(runtime: Runtime, conn: McpConnection, principal: Principal, context: Record<string, string>, what: 'ref' | 'net'): Promise<string[]> {
  const designName = context['design_name'];
  if (!designName) return [];
  const session = (await ownSessions(runtime, conn, principal, context)).find((s) => s.designs.includes(designName));
  if (!session) return [];
  const entry = (await runtime.state(session.session_id)).designs[designName];
  if (!entry) return [];
  return what === 'ref' ? Object.values(entry.design.components).map((c) => c.ref) : Object.values(entry.design.nets).map((n) => n.name);
}

/** Library parts go through library_search like any call, so ranking (values, typos) is the tool's own. */
async function libraryParts(runtime: Runtime, principal: Principal, query: string): Promise<string[]> {
  const out = (await runtime.invoke({ tool: 'library_search', input: { query, max_results: 20 }, call: completionCall(principal), sessionId: null })) as {
    results: { part: { id: string } }[];
  };
  return out.results.map((r) => r.part.id);
}

async function footprints(runtime: Runtime, principal: Principal): Promise<string[]> {
  const out = (await runtime.invoke({ tool: 'footprint_list_packages', input: {}, call: completionCall(principal), sessionId: null })) as {
    packages: { name: string }[];
  };
  return out.packages.map((p) => p.name);
}

function completionCall(principal: Principal) {
  return { principal, surface: 'mcp' as const, actor: 'mcp-completion', reason: '', requestId: randomUUID() };
}
