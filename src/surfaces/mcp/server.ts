import { randomUUID } from 'node:crypto';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { Subscription } from 'rxjs';
import { ZapTraceError, toErrorEnvelope } from '../../kernel/errors.js';
import type { CallContext } from '../../runtime/principal.js';
import type { Runtime } from '../../runtime/runtime.js';
import { toolCatalog } from '../tool-catalog.js';
import { mcpToolList } from './tool-list.js';
import type { McpConnection } from './connection.js';
import { parseIdempotencyKey } from '../../runtime/idempotency.js';
import { readResource, resourceTemplates, sessionOfUri, AUDIT_URI, SECURITY_URI } from './resources.js';

export const SERVER_INFO = { name: 'zaptrace', version: '0.1.0' };

/**
 * The MCP surface: a thin translator over the registry. Tool calls go straight to
 * runtime.invoke, so capability checks, validation and audit happen in one place for every surface;
 * the SDK's own argument validation is not used (it would answer before the interceptor).
 */
export function createMcpServer(runtime: Runtime, conn: McpConnection): Server {
  const server = new Server(SERVER_INFO, {
    capabilities: { tools: {}, resources: { subscribe: true, listChanged: false }, logging: {} },
    instructions:
      'ZapTrace: capability-gated PCB design runtime. Every write is an event in a hash-chained session log. Read tools are public; writes need a grant (read < preview-write < sandbox-write < approved-commit < release-export). A failed call returns isError with structuredContent {ok:false,error:{code,message,details,request_id}}. session_id defaults to this connection\'s session. Lengths are in mm unless a name says otherwise.',
  });
  const catalog = toolCatalog(runtime);
  const subscriptions = new Map<string, Subscription>();

  const toolList = mcpToolList(catalog);
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: toolList }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const args = (request.params.arguments ?? {}) as Record<string, unknown>;
    const meta = (args['_zaptrace'] ?? {}) as Record<string, unknown>;
    const requestId = typeof meta['request_id'] === 'string' ? meta['request_id'].slice(0, 100) : randomUUID();
    try {
      const principal = conn.principalFor(extra.authInfo?.extra);
      const progressToken = request.params._meta?.progressToken;
      const call: CallContext = {
        principal,
        surface: 'mcp',
        actor: typeof meta['actor'] === 'string' ? meta['actor'].slice(0, 200) : (extra.authInfo?.extra?.['actor'] as string | undefined) ?? 'mcp-client',
        reason: typeof meta['reason'] === 'string' ? meta['reason'].slice(0, 500) : (extra.authInfo?.extra?.['reason'] as string | undefined) ?? '',
        requestId,
        ...idempotencyKeyOfMeta(request.params._meta),
        signal: extra.signal,
        ...(progressToken !== undefined
          ? {
              onProgress: (progress: number, total: number | undefined, message: string) => {
                void extra.sendNotification({ method: 'notifications/progress', params: { progressToken, progress, ...(total !== undefined ? { total } : {}), message } });
              },
            }
          : {}),
      };
      const { _zaptrace: _meta, ...input } = args;
      const tool = runtime.tool(request.params.name);
      let sessionId: string | null = null;
      if (tool && tool.session === 'required') {
        sessionId = typeof input['session_id'] === 'string' ? input['session_id'] : await conn.defaultSession(principal, requestId);
      }
      const result = await runtime.invoke({ tool: request.params.name, input, call, sessionId });
      const head = await witnessOf(runtime, sessionId ?? sessionCreatedBy(request.params.name, result));
      return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result as Record<string, unknown>, ...(head ? { _meta: { [LOG_HEAD_META]: head } } : {}) };
    } catch (err) {
      const envelope = toErrorEnvelope(err, requestId);
      await runtime.securityLog.flush(); // a denial is answered once its security record is durable
      return { content: [{ type: 'text', text: JSON.stringify(envelope) }], structuredContent: envelope as unknown as Record<string, unknown>, isError: true };
    }
  });

  server.setRequestHandler(ListResourcesRequestSchema, async () => ({
    resources: [
      { uri: AUDIT_URI, name: 'audit-events', title: 'Audit events of this connection session', mimeType: 'application/json' },
      { uri: SECURITY_URI, name: 'security-events', title: 'Security record: denials, refusals, rejected tokens (audit claim only; ?after=SEQ&limit=N)', mimeType: 'application/json' },
    ],
  }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({ resourceTemplates: resourceTemplates() }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
    const principal = conn.principalFor(extra.authInfo?.extra);
    return readResource(runtime, conn, principal, request.params.uri);
  });
  server.setRequestHandler(SubscribeRequestSchema, async (request, extra) => {
    const principal = conn.principalFor(extra.authInfo?.extra);
    const uri = request.params.uri;
    const sessionId = await sessionOfUri(runtime, conn, principal, uri);
    if (!subscriptions.has(uri)) {
      // rxjs live stream → resources/updated notifications (architecture.md: projections -> rxjs stream -> MCP resource updates).
      subscriptions.set(uri, runtime.store.stream(sessionId).subscribe(() => void server.sendResourceUpdated({ uri }).catch(() => undefined)));
    }
    return {};
  });
  server.setRequestHandler(UnsubscribeRequestSchema, async (request) => {
    subscriptions.get(request.params.uri)?.unsubscribe();
    subscriptions.delete(request.params.uri);
    return {};
  });
  server.onclose = () => {
    for (const s of subscriptions.values()) s.unsubscribe();
    subscriptions.clear();
  };
  return server;
}

export { ZapTraceError };

/** Result `_meta` key carrying the session's latest signed head (a witness the client may keep). */
export const LOG_HEAD_META = 'zaptrace/log-head';

/** The request `_meta.idempotency_key` of a tool call (the MCP twin of REST's Idempotency-Key). */
function idempotencyKeyOfMeta(meta: Record<string, unknown> | undefined): { idempotencyKey?: string } {
  const key = parseIdempotencyKey(meta?.['idempotency_key'], '_meta.idempotency_key');
  return key === undefined ? {} : { idempotencyKey: key };
}

function sessionCreatedBy(tool: string, result: unknown): string | null {
  const id = tool === 'session_create' ? (result as { session_id?: unknown } | null)?.session_id : undefined;
  return typeof id === 'string' ? id : null;
}

async function witnessOf(runtime: Runtime, sessionId: string | null) {
  if (sessionId === null || runtime.store.quarantineOf(sessionId)) return null;
  try {
    return await runtime.store.signedHead(sessionId);
  } catch {
    return null;
  }
}
