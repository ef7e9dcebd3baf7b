import { describe, expect, it } from 'vitest';
import { LoggingMessageNotificationSchema, type LoggingMessageNotification } from '@modelcontextprotocol/sdk/types.js';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

/**
 * MCP log messages are sent only once the client chose a level with logging/setLevel (MCP spec,
 * "Logging"; src/surfaces/mcp/client-log.ts): a client that never asked pays no log notification per
 * tool call. Once asked, it gets that level and above (mcp-agent-features.test.ts checks the levels).
 */
describe('MCP log messages follow logging/setLevel', () => {
  it('sends none before the client sets a level, then that level and above', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write', 'local:alice'));
    const messages: LoggingMessageNotification['params'][] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void messages.push(n.params));
    const session_id = (await callTool(client, 'session_create')).data['session_id'] as string;
    await callTool(client, 'design_list', { session_id });
    expect((await callTool(client, 'design_inspect', { session_id, design_name: 'nope' })).isError).toBe(true);
    expect(messages).toEqual([]);

    await client.setLoggingLevel('info');
    await callTool(client, 'design_list', { session_id });
    const bad = await callTool(client, 'design_inspect', { session_id, design_name: 'nope' });
    const events = messages.map((m) => [m.level, (m.data as { event: string }).event]);
    expect(events).toEqual([['info', 'tool_ok'], ['warning', 'tool_error']]);
    expect(messages[0]!.data).toMatchObject({ tool: 'design_list', session_id });
    expect(messages[1]!.data).toMatchObject({ tool: 'design_inspect', code: 'NOT_FOUND', request_id: bad.data['error'].request_id });
  });
});
