import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CompleteRequestSchema, GetPromptRequestSchema, ListPromptsRequestSchema, McpError, SetLevelRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { isZapTraceError } from '../../kernel/errors.js';
import type { Runtime } from '../../runtime/runtime.js';
import type { ClientLog } from './client-log.js';
import { complete } from './completions.js';
import type { McpConnection } from './connection.js';
import { getPrompt, listPrompts } from './prompts.js';

/** The capabilities these handlers serve, merged into the server's own. */
export const AGENT_CAPABILITIES = { prompts: { listChanged: false }, completions: {} };

/** Prompts, completions and the log level of one MCP connection. */
export function registerAgentFeatures(server: Server, runtime: Runtime, conn: McpConnection, log: ClientLog): void {
  server.setRequestHandler(ListPromptsRequestSchema, async () => ({ prompts: listPrompts() }));
  server.setRequestHandler(GetPromptRequestSchema, async (request) => getPrompt(request.params.name, request.params.arguments));
  server.setRequestHandler(CompleteRequestSchema, async (request, extra) =>
    complete(runtime, conn, conn.principalFor(extra.authInfo?.extra), { argument: request.params.argument, context: request.params.context }),
  );
  server.setRequestHandler(SetLevelRequestSchema, async (request) => {
    log.setLevel(request.params.level);
    return {};
  });
}

/** JSON-RPC code for an unknown resource (MCP spec, "Resources", Error Handling). */
export const RESOURCE_NOT_FOUND = -32002;

/**
 * Resource requests answer JSON-RPC errors, not the tool envelope: an unknown URI, or a session the
 * caller may not read (indistinguishable on purpose, as on every other surface), is -32002.
 */
export async function asResourceRequest<T>(uri: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isZapTraceError(err) && (err.code === 'NOT_FOUND' || err.code === 'OBJECT_NOT_AUTHORIZED')) {
      throw new McpError(RESOURCE_NOT_FOUND, 'Resource not found', { uri: uri.slice(0, 200) });
    }
    throw err;
  }
}
