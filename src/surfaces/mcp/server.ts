import { randomUUID } from 'node:crypto';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  ErrorCode,
  ListResourcesRequestSchema,
  McpError,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { AGENT_CAPABILITIES, asResourceRequest, registerAgentFeatures } from './agent-features.js';
import { imageContent } from './board-image.js';
import { answerToolCallsDirectly, type ToolCallExtra } from './direct-tool-calls.js';
import { createClientLog, type ClientLog } from './client-log.js';
import type { Subscription } from 'rxjs';
import { ZapTraceError, toErrorEnvelope } from '../../kernel/errors.js';
import type { CallContext, Principal } from '../../runtime/principal.js';
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
    capabilities: { tools: {}, resources: { subscribe: true, listChanged: false }, logging: {}, ...AGENT_CAPABILITIES },
    instructions:
      'ZapTrace: capability-gated PCB design runtime. Every write is an event in a hash-chained session log. Read tools are public; writes need a grant (read < preview-write < sandbox-write < approved-commit < release-export). A failed call returns isError with structuredContent {ok:false,error:{code,message,details,request_id}}. session_id defaults to this connection\'s session. Lengths are in mm unless a name says otherwise.',
  });
  const catalog = toolCatalog(runtime);
  const subscriptions = new Map<string, Subscription>();
  const log = createClientLog();
  registerAgentFeatures(server, runtime, conn, log);

  const toolList = mcpToolList(catalog);
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: toolList }));

  const callTool = async (request: ToolCall, extra: ToolCallExtra) => {
    const name = request.params.name;
    const args = request.params.arguments ?? {};
    const meta = (args['_zaptrace'] ?? {}) as Record<string, unknown>;
    const requestId = typeof meta['request_id'] === 'string' ? meta['request_id'].slice(0, 100) : randomUUID();
    // extra.sendNotification is a per-request arrow function on both paths (the SDK's, DirectCallExtra): it can be handed on as it is.
    const send = extra.sendNotification;
    try {
      const principal = conn.principalFor(extra.authInfo?.extra);
      // Log messages are built only when the client asked for their level (client-log.ts).
      if (log.enabled('debug')) log.emit(send, 'debug', { event: 'tool_call', tool: name, request_id: requestId });
      const call = new McpCall(
        principal,
        typeof meta['actor'] === 'string' ? meta['actor'].slice(0, 200) : (extra.authInfo?.extra?.['actor'] as string | undefined) ?? 'mcp-client',
        typeof meta['reason'] === 'string' ? meta['reason'].slice(0, 500) : (extra.authInfo?.extra?.['reason'] as string | undefined) ?? '',
        requestId,
        extra,
      );
      const idempotencyKey = idempotencyKeyOfMeta(request.params._meta);
      if (idempotencyKey !== undefined) call.idempotencyKey = idempotencyKey;
      const progressToken = request.params._meta?.progressToken;
      if (progressToken !== undefined) call.onProgress = progressForwarder(send, log, name, requestId, progressToken);
      const { _zaptrace: _meta, ...input } = args;
      const tool = runtime.tool(name);
      let sessionId: string | null = null;
      if (tool && tool.session === 'required') {
        sessionId = typeof input['session_id'] === 'string' ? input['session_id'] : await conn.defaultSession(principal, requestId);
      }
      const startedAt = performance.now();
      const result = await runtime.invoke({ tool: name, input, call, sessionId });
      const head = await witnessOf(runtime, sessionId ?? sessionCreatedBy(name, result));
      const text: TextContent = { type: 'text', text: JSON.stringify(result) };
      const content = name === 'render_svg' ? [text, ...(await pictureOf(result))] : [text];
      if (log.enabled('info')) log.emit(send, 'info', { event: 'tool_ok', tool: name, request_id: requestId, session_id: sessionId, ms: Math.round(performance.now() - startedAt), ...(head ? { seq: head.seq } : {}) });
      // The CallToolResult shape, keys in the order they always had on the wire.
      return head ? { content, structuredContent: result as Record<string, unknown>, _meta: { [LOG_HEAD_META]: head } } : { content, structuredContent: result as Record<string, unknown> };
    } catch (err) {
      const envelope = toErrorEnvelope(err, requestId);
      const level = envelope.error.code === 'INTERNAL_ERROR' ? 'error' : 'warning';
      log.emit(send, level, { event: 'tool_error', tool: name, request_id: requestId, code: envelope.error.code, message: envelope.error.message });
      await runtime.securityLog.flush(); // a denial is answered once its security record is durable
      return { content: [{ type: 'text', text: JSON.stringify(envelope) }], structuredContent: envelope as unknown as Record<string, unknown>, isError: true };
    }
  };
  // tools/call, the hot path, is answered straight from the transport for every well-formed call
  // (direct-tool-calls.ts), and otherwise by the fallback handler (a public hook of the SDK's Protocol)
  // rather than setRequestHandler: that one makes the SDK parse every call's request twice and its
  // result once with zod, on top of the client's own parse. The request is checked here against the
  // same shape (MCP schema, CallToolRequest: params.name a string, params.arguments an object when
  // given; -32602 otherwise) and the result is built in the shape CallToolResult requires, so what goes
  // on the wire is unchanged. Any other method without a handler is still -32601.
  const answerToolCall = (params: unknown, extra: ToolCallExtra) => callTool(toolCallOf(params), extra);
  answerToolCallsDirectly(server, answerToolCall);
  server.fallbackRequestHandler = async (request, extra) => {
    if (request.method !== 'tools/call') throw new McpError(ErrorCode.MethodNotFound, 'Method not found');
    return answerToolCall(request.params, extra);
  };

  server.setRequestHandler(ListResourcesRequestSchema, async () => ({
    resources: [
      { uri: AUDIT_URI, name: 'audit-events', title: 'Audit events of this connection session', mimeType: 'application/json' },
      { uri: SECURITY_URI, name: 'security-events', title: 'Security record: denials, refusals, rejected tokens (audit claim only; ?after=SEQ&limit=N)', mimeType: 'application/json' },
    ],
  }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({ resourceTemplates: resourceTemplates() }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request, extra) => {
    const principal = conn.principalFor(extra.authInfo?.extra);
    return asResourceRequest(request.params.uri, () => readResource(runtime, conn, principal, request.params.uri));
  });
  server.setRequestHandler(SubscribeRequestSchema, async (request, extra) => {
    const principal = conn.principalFor(extra.authInfo?.extra);
    const uri = request.params.uri;
    const sessionId = await asResourceRequest(uri, () => sessionOfUri(runtime, conn, principal, uri));
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

/**
 * The CallContext of one tools/call. Its `signal` is read through, not copied: on the direct path the
 * signal is made only when the runtime asks for it (direct-tool-calls.ts, CallAbort). A class, so that
 * getter sits on the prototype: an object literal with a getter of its own is built on V8's slow path,
 * about 0.6 µs a call (docs/design-hash.md, "What the MCP surface adds to a command").
 */
class McpCall implements CallContext {
  readonly surface = 'mcp' as const;
  declare idempotencyKey?: string;
  declare onProgress?: NonNullable<CallContext['onProgress']>;
  /** The request's context, held in a private slot: not an own property anyone could log or copy with the call. */
  readonly #extra: ToolCallExtra;

  constructor(
    readonly principal: Principal,
    readonly actor: string,
    readonly reason: string,
    readonly requestId: string,
    extra: ToolCallExtra,
  ) {
    this.#extra = extra;
  }

  get signal(): AbortSignal {
    return this.#extra.signal;
  }
}

interface ToolCall {
  params: { name: string; arguments?: Record<string, unknown>; _meta?: { progressToken?: string | number; [k: string]: unknown } };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The params of a tools/call request, checked as the MCP schema's CallToolRequest checks them. */
function toolCallOf(params: unknown): ToolCall {
  if (!isPlainObject(params) || typeof params['name'] !== 'string') throw new McpError(ErrorCode.InvalidParams, 'Invalid tools/call request: params.name must be a string');
  const args = params['arguments'];
  if (args !== undefined && !isPlainObject(args)) throw new McpError(ErrorCode.InvalidParams, 'Invalid tools/call request: params.arguments must be an object');
  // params._meta and its progressToken need no check here: the SDK's Protocol only hands on a message
  // that passes its JSONRPCRequestSchema, which already requires both to be well formed.
  return { params: params as ToolCall['params'] };
}

/** Result `_meta` key carrying the session's latest signed head (a witness the client may keep). */
export const LOG_HEAD_META = 'zaptrace/log-head';

/** The request `_meta.idempotency_key` of a tool call (the MCP twin of REST's Idempotency-Key). */
function idempotencyKeyOfMeta(meta: Record<string, unknown> | undefined): string | undefined {
  return meta === undefined ? undefined : parseIdempotencyKey(meta['idempotency_key'], '_meta.idempotency_key');
}

/** render_svg also answers a PNG an agent with vision can look at (MCP spec, "Tools": image content). */
async function pictureOf(result: unknown) {
  const svg = (result as { svg?: unknown } | null)?.svg;
  return typeof svg === 'string' ? [await imageContent(svg)] : [];
}

interface TextContent {
  type: 'text';
  text: string;
}

/** MCP progress notifications of one call, with a debug log message each when the client asked for them. */
function progressForwarder(send: ToolCallExtra['sendNotification'], log: ClientLog, tool: string, requestId: string, progressToken: string | number): NonNullable<CallContext['onProgress']> {
  let lastProgress = -1;
  return (progress, total, message) => {
    // MCP requires progress to increase with each notification; a task that restarts its count is not forwarded.
    if (progress <= lastProgress) return;
    lastProgress = progress;
    if (log.enabled('debug')) log.emit(send, 'debug', { event: 'progress', tool, request_id: requestId, progress, ...(total !== undefined ? { total } : {}), message });
    void send({ method: 'notifications/progress', params: { progressToken, progress, ...(total !== undefined ? { total } : {}), message } });
  };
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
