import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { ZapTraceError } from '../../kernel/errors.js';
import type { Principal } from '../../runtime/principal.js';
import type { Runtime } from '../../runtime/runtime.js';
import { createMcpConnection } from './connection.js';
import { createMcpServer } from './server.js';
import { createSessionSlots, type McpSessionLimits } from './session-slots.js';

export type { McpSessionLimits } from './session-slots.js';

interface Entry {
  transport: StreamableHTTPServerTransport;
  owner: string;
  /** HTTP requests of this session still open (a GET event stream counts while it lasts). */
  inflight: number;
  idleTimer?: NodeJS.Timeout;
}

/** setTimeout keeps at most 2^31-1 ms; a longer wait is clamped and simply fires late-enough. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * MCP Streamable HTTP at /mcp. The principal is authenticated per HTTP request by the same code as
 * REST; an MCP session is bound to the principal that initialised it, and any other principal gets
 * OBJECT_NOT_AUTHORIZED for it. Sessions are bounded (contract.md, "Always answering": sessions are
 * bounded and every refusal says when to retry): per principal, anonymous ones together, and idle
 * ones expire; DELETE /mcp (MCP transports spec, "Session Management") frees the slot at once. A
 * session ends when the grant token that opened it expires.
 */
export function createMcpHttpHandler(runtime: Runtime, limits: McpSessionLimits = {}) {
  const sessions = new Map<string, Entry>();
  const slots = createSessionSlots(limits);

  function markBusy(entry: Entry, res: ServerResponse) {
    entry.inflight += 1;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    res.once('close', () => {
      entry.inflight -= 1;
      if (entry.inflight === 0) {
        entry.idleTimer = setTimeout(() => void entry.transport.close().catch(() => undefined), Math.min(slots.idleMs, MAX_TIMER_MS));
        entry.idleTimer.unref();
      }
    });
  }

  return {
    sessions,
    async handle(req: IncomingMessage, res: ServerResponse, body: unknown, principal: Principal, claims: { actor: string; reason: string }): Promise<void> {
      (req as IncomingMessage & { auth?: unknown }).auth = { token: '', clientId: principal.id, scopes: [], extra: { principal, ...claims } };
      const id = req.headers['mcp-session-id'];
      const sessionId = Array.isArray(id) ? id[0] : id;
      if (sessionId !== undefined) {
        const entry = sessions.get(sessionId);
        if (!entry || entry.owner !== principal.id) throw new ZapTraceError('OBJECT_NOT_AUTHORIZED', 'MCP session not found or not yours', {});
        markBusy(entry, res);
        await entry.transport.handleRequest(req, res, body);
        return;
      }
      if (req.method !== 'POST' || !isInitializeRequest(body)) {
        throw new ZapTraceError('INVALID_INPUT', 'send an initialize request first (no Mcp-Session-Id header)', {});
      }
      const refusal = slots.refusal(principal);
      if (refusal) {
        res.setHeader('Retry-After', String(refusal.retryAfterSeconds));
        throw new ZapTraceError('RATE_LIMITED', refusal.message, { retry_after_seconds: refusal.retryAfterSeconds, limit: refusal.limit });
      }
      const release = slots.take(principal);
      let expiry: NodeJS.Timeout | undefined;
      const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (sid) => {
          const entry: Entry = { transport, owner: principal.id, inflight: 0 };
          sessions.set(sid, entry);
          markBusy(entry, res);
          if (principal.expiresAt !== undefined) {
            expiry = setTimeout(() => void transport.close().catch(() => undefined), Math.min(Math.max(0, principal.expiresAt * 1000 - Date.now()), MAX_TIMER_MS));
            expiry.unref();
          }
        },
      });
      transport.onclose = () => {
        const entry = transport.sessionId ? sessions.get(transport.sessionId) : undefined;
        if (entry?.idleTimer) clearTimeout(entry.idleTimer);
        if (expiry) clearTimeout(expiry);
        if (transport.sessionId) sessions.delete(transport.sessionId);
        release();
      };
      const server = createMcpServer(runtime, createMcpConnection(runtime, null));
      try {
        await server.connect(transport);
        await transport.handleRequest(req, res, body);
      } finally {
        // An initialize that never produced a session holds no slot.
        if (!transport.sessionId || !sessions.has(transport.sessionId)) {
          release();
          void transport.close().catch(() => undefined);
        }
      }
    },
    async close() {
      for (const { transport } of [...sessions.values()]) await transport.close().catch(() => undefined);
      sessions.clear();
    },
  };
}
