import { describe, expect, it } from 'vitest';
import { CallToolResultSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

async function mcpErrorOf(work: Promise<unknown>): Promise<McpError> {
  const err = await work.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(McpError);
  return err as McpError;
}

/**
 * The server answers tools/call itself (src/surfaces/mcp/server.ts) instead of through the SDK's
 * setRequestHandler, so it checks the request as the MCP schema's CallToolRequest does: a malformed
 * call is -32602 and appends nothing; a method nobody handles is still -32601; a good call's result
 * passes the SDK's own CallToolResult schema.
 */
describe('tools/call requests through an SDK Client', () => {
  it('refuses malformed params with -32602 and unknown methods with -32601; a well-formed result passes CallToolResult', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const sid = (await callTool(client, 'session_create')).data['session_id'] as string;
    const before = (await runtime.readEvents(sid, {})).length;
    const bad: unknown[] = [
      { name: 7 },
      { arguments: { session_id: sid } },
      { name: 'design_list', arguments: ['x'] },
      { name: 'design_list', arguments: 'x' },
    ];
    for (const params of bad) {
      const err = await mcpErrorOf(client.request({ method: 'tools/call', params: params as { name: string } }, CallToolResultSchema, { timeout: 5000 }));
      expect(err.code).toBe(-32602);
    }
    expect((await runtime.readEvents(sid, {})).length).toBe(before);
    const unknown = await mcpErrorOf(client.request({ method: 'no/such_method' } as never, z.object({}), { timeout: 5000 }));
    expect(unknown.code).toBe(-32601);
    const raw = await client.request({ method: 'tools/call', params: { name: 'design_list', arguments: { session_id: sid }, _meta: { progressToken: 'p1' } } }, z.unknown());
    const parsed = CallToolResultSchema.safeParse(raw);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.isError).not.toBe(true);
    const text = (parsed.data?.content[0] as { text: string }).text;
    expect(JSON.parse(text)).toEqual(parsed.data?.structuredContent);
  });
});
