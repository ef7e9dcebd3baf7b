import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { ZapTraceError } from '../../kernel/errors.js';
import type { Principal } from '../../runtime/principal.js';
import type { Runtime } from '../../runtime/runtime.js';
import { createMcpConnection } from './connection.js';
import { createMcpServer } from './server.js';

interface Entry {
  transport: StreamableHTTPServerTransport;
  owner: string;
}

/**
 * MCP Streamable HTTP at /mcp. The principal is authenticated per HTTP request by the same code as
 * REST; an MCP session is bound to the principal that initialised it, and any other principal gets
 * OBJECT_NOT_AUTHORIZED for it.
 */
export function createMcpHttpHandler(runtime: Runtime, options: { maxSessions?: number } = {}) {
  const sessions = new Map<string, Entry>();
  const maxSessions = options.maxSessions ?? 1000;

  return {
    sessions,
    async handle(req: IncomingMessage, res: ServerResponse, body: unknown, principal: Principal, claims: { actor: string; reason: string }): Promise<void> {
      (req as IncomingMessage & { auth?: unknown }).auth = { token: '', clientId: principal.id, scopes: [], extra: { principal, ...claims } };
      const id = req.headers['mcp-session-id'];
      const sessionId = Array.isArray(id) ? id[0] : id;
      if (sessionId !== undefined) {
        const entry = sessions.get(sessionId);
        if (!entry || entry.owner !== principal.id) throw new ZapTraceError('OBJECT_NOT_AUTHORIZED', 'MCP session not found or not yours', {});
        await entry.transport.handleRequest(req, res, body);
        return;
      }
      if (req.method !== 'POST' || !isInitializeRequest(body)) {
        throw new ZapTraceError('INVALID_INPUT', 'send an initialize request first (no Mcp-Session-Id header)', {});
      }
      if (sessions.size >= maxSessions) throw new ZapTraceError('RATE_LIMITED', 'too many open MCP sessions', {});
      const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (sid) => {
          sessions.set(sid, { transport, owner: principal.id });
        },
      });
      transport.onclose = () => {
        if (transport.sessionId) sessions.delete(transport.sessionId);
      };
      const server = createMcpServer(runtime, createMcpConnection(runtime, null));
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
    },
    async close() {
      for (const { transport } of sessions.values()) await transport.close().catch(() => undefined);
      sessions.clear();
    },
  };
}
