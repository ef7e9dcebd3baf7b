import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, type JSONRPCMessage, type MessageExtraInfo, type RequestId, type ServerNotification } from '@modelcontextprotocol/sdk/types.js';

/** What the tools/call handler uses of a request's context (a subset of the SDK's RequestHandlerExtra). */
export interface ToolCallExtra {
  authInfo?: AuthInfo | undefined;
  /** Read only when needed: on the direct path it is made on first read (CallAbort). */
  readonly signal: AbortSignal;
  sendNotification(notification: ServerNotification): Promise<void>;
}

export type ToolCallHandler = (params: unknown, extra: ToolCallExtra) => Promise<Record<string, unknown>>;

/**
 * tools/call, the hot path, answered without the SDK Protocol's dispatch. For every incoming message
 * that dispatch tries up to four zod schemas (result, error, request, notification: the failures each
 * build an error object), then the task schema on the params, before our handler runs — about as much
 * CPU per call as our whole server side (docs/design-hash.md, "Command rates"). A message is taken here
 * only when it is plainly a well-formed tools/call request by the checks that dispatch would make (MCP
 * schema, JSONRPCRequest: jsonrpc "2.0", an id that is a string or a safe integer, no other member;
 * params an object, `_meta` an object whose progressToken is a string or integer, no task and no
 * related task, which this server does not support); every other message, and any tools/call in doubt,
 * goes to the SDK as before (where `fallbackRequestHandler` answers it with the same handler).
 *
 * What the SDK's dispatch does for a request is done the same way here: the handler starts two
 * microtasks later, so requests keep their order with those the SDK dispatches (a logging/setLevel
 * sent just before a call still applies to it); each call has its own AbortSignal, aborted by
 * notifications/cancelled for its id (as the SDK's own handler does, not for a falsy id) or by the
 * connection closing; a cancelled call sends no response; the response is `{result, jsonrpc, id}` or
 * `{jsonrpc, id, error: {code, message, data?}}` on the transport the request came from, and
 * notifications go out related to the request (on Streamable HTTP, on its stream).
 */
export function answerToolCallsDirectly(server: Server, handle: ToolCallHandler): void {
  const sdkConnect = server.connect.bind(server);
  server.connect = async (transport: Transport) => {
    await sdkConnect(transport);
    interpose(server, transport, handle);
  };
}

function interpose(server: Server, transport: Transport, handle: ToolCallHandler): void {
  const sdkOnMessage = transport.onmessage;
  const sdkOnClose = transport.onclose;
  if (!sdkOnMessage) return;
  const inFlight = new Map<RequestId, CallAbort>();

  const answer = (id: RequestId, params: Record<string, unknown>, authInfo: AuthInfo | undefined) => {
    const abort = new CallAbort();
    inFlight.set(id, abort);
    const extra = new DirectCallExtra(server, id, authInfo, abort);
    void run(id, params, extra, abort);
  };

  const run = async (id: RequestId, params: Record<string, unknown>, extra: ToolCallExtra, abort: CallAbort) => {
    // The SDK starts a handler after two microtask turns (protocol.js, `_onrequest`); so does this path.
    await undefined;
    await undefined;
    let response: JSONRPCMessage;
    try {
      const result = await handle(params, extra);
      response = { result, jsonrpc: '2.0', id } as JSONRPCMessage;
    } catch (err) {
      const error = err as { code?: unknown; message?: string; data?: unknown };
      const code = Number.isSafeInteger(error.code) ? (error.code as number) : ErrorCode.InternalError;
      const body = error.data !== undefined ? { code, message: error.message ?? 'Internal error', data: error.data } : { code, message: error.message ?? 'Internal error' };
      response = { jsonrpc: '2.0', id, error: body };
    }
    try {
      if (!abort.aborted) await transport.send(response);
    } catch (error) {
      server.onerror?.(new Error(`Failed to send response: ${String(error)}`));
    } finally {
      if (inFlight.get(id) === abort) inFlight.delete(id);
    }
  };

  transport.onmessage = (message: JSONRPCMessage, extra?: MessageExtraInfo) => {
    const call = plainToolCall(message);
    if (call) return answer(call.id, call.params, extra?.authInfo);
    const cancelled = cancelledCall(message);
    if (cancelled) inFlight.get(cancelled.requestId)?.abort(cancelled.reason);
    sdkOnMessage.call(transport, message, extra);
  };
  transport.onclose = () => {
    sdkOnClose?.call(transport);
    for (const abort of inFlight.values()) abort.abort();
    inFlight.clear();
  };
}

/**
 * A call's AbortSignal, made only when something asks for it: most tool calls never look at theirs (the
 * runtime reads it for heavy work and plugin calls), and a Node AbortController is among the costlier
 * objects a call would otherwise allocate. Aborted before it exists, it is made aborted, with the reason.
 */
class CallAbort {
  aborted = false;
  private controller: AbortController | undefined;
  private reason: unknown;

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.controller?.abort(reason);
  }
}

/** The handler's view of one directly answered call; `signal` stays lazy (CallAbort). */
class DirectCallExtra implements ToolCallExtra {
  constructor(
    private readonly server: Server,
    private readonly id: RequestId,
    readonly authInfo: AuthInfo | undefined,
    private readonly abort: CallAbort,
  ) {}

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** An own arrow function, so a caller may hand it on unbound. */
  readonly sendNotification = async (notification: ServerNotification): Promise<void> => {
    if (this.abort.aborted) return;
    await this.server.notification(notification, { relatedRequestId: this.id });
  };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRequestId = (v: unknown): v is RequestId => typeof v === 'string' || Number.isSafeInteger(v);
const RELATED_TASK = 'io.modelcontextprotocol/related-task';

/** A tools/call request the SDK's JSONRPCRequest schema would accept and hand to its handler unchanged; otherwise null. */
function plainToolCall(message: unknown): { id: RequestId; params: Record<string, unknown> } | null {
  if (!isPlainObject(message) || message['method'] !== 'tools/call' || message['jsonrpc'] !== '2.0') return null;
  const id = message['id'];
  const params = message['params'];
  if (!isRequestId(id) || !isPlainObject(params) || 'task' in params) return null;
  if (Object.keys(message).length !== 4) return null; // the schema is strict: jsonrpc, id, method, params and nothing else
  const meta = params['_meta'];
  if (meta !== undefined) {
    if (!isPlainObject(meta) || RELATED_TASK in meta) return null;
    const token = meta['progressToken'];
    if (token !== undefined && !isRequestId(token)) return null;
  }
  return { id, params };
}

/** The request a well-formed notifications/cancelled names, when the SDK's own handler would act on it. */
function cancelledCall(message: unknown): { requestId: RequestId; reason: string | undefined } | null {
  if (!isPlainObject(message) || message['method'] !== 'notifications/cancelled' || message['jsonrpc'] !== '2.0' || !isPlainObject(message['params'])) return null;
  const { requestId, reason } = message['params'];
  if (!requestId || !isRequestId(requestId) || (reason !== undefined && typeof reason !== 'string')) return null;
  return { requestId, reason };
}
