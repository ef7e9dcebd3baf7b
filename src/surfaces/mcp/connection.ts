import type { Principal, Surface } from '../../runtime/principal.js';
import type { Runtime } from '../../runtime/runtime.js';

/**
 * One MCP connection: its principal and its default session, created on first need (contract.md:
 * "MCP calls name the session in the tool input or use the connection's default session").
 */
export interface McpConnection {
  surface: Surface;
  /** The principal of the current request (stdio: fixed; HTTP: from that request's credentials). */
  principalFor(authExtra: Record<string, unknown> | undefined): Principal;
  defaultSession(principal: Principal, requestId: string): Promise<string>;
  /** The default session if one exists already. */
  currentSession(): string | null;
}

export function createMcpConnection(runtime: Runtime, fixed: Principal | null): McpConnection {
  let sessionId: string | null = null;
  let creating: Promise<string> | null = null;
  return {
    surface: 'mcp',
    principalFor(extra) {
      const p = extra?.['principal'] as Principal | undefined;
      if (p) return p;
      if (fixed) return fixed;
      throw new Error('MCP request without principal');
    },
    async defaultSession(principal, requestId) {
      if (sessionId) return sessionId;
      creating ??= runtime.createSession(principal, { surface: 'mcp', actor: 'mcp-connection', requestId });
      sessionId = await creating;
      return sessionId;
    },
    currentSession: () => sessionId,
  };
}
