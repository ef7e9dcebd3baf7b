import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { callTool, ESP32_YAML, grantKeys, httpApp, newRuntime, readJsonResource } from '../helpers/harness.js';

describe('MCP over HTTP uses the REST principal rules', () => {
  it('takes grants from signed tokens, binds an MCP session to its principal, and never trusts capability headers outside dev mode', async () => {
    const { runtime } = await newRuntime();
    const keys = grantKeys();
    const { app } = await httpApp(runtime, { keys });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = new URL(`http://127.0.0.1:${(server.address() as { port: number }).port}/mcp`);
    try {
      const alice = `Bearer ${await keys.token('alice', 'preview-write')}`;
      const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers: { Authorization: alice, 'X-ZapTrace-Actor': 'alice-agent' } } });
      const client = new Client({ name: 'alice', version: '1' });
      await client.connect(transport);
      const ok = await callTool(client, 'design_parse_str', { yaml_content: ESP32_YAML(), design_name: 'esp' });
      expect(ok.isError).toBe(false);
      const audit = await readJsonResource(client, 'zaptrace://audit/events');
      expect(audit.events[0]).toMatchObject({ principal: 'token:alice', actor: 'alice-agent', surface: 'mcp', decision: 'allow' });

      // Someone else replaying Alice's MCP session id with their own token is refused.
      const mallory = `Bearer ${await keys.token('mallory', 'release-export')}`;
      const hijack = await fetch(url, {
        method: 'POST',
        headers: { Authorization: mallory, 'Mcp-Session-Id': transport.sessionId!, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/call', params: { name: 'design_list', arguments: {} } }),
      });
      expect(hijack.status).toBe(403);
      expect(((await hijack.json()) as { error: { code: string } }).error.code).toBe('OBJECT_NOT_AUTHORIZED');

      // Without dev mode a capability header grants nothing.
      const anon = new Client({ name: 'anon', version: '1' });
      await anon.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: { 'X-ZapTrace-Capabilities': 'release-export' } } }));
      expect((await callTool(anon, 'design_parse_str', { yaml_content: ESP32_YAML() })).data.error.code).toBe('OPERATION_NOT_AUTHORIZED');
      await anon.close();
      await client.close();
    } finally {
      server.close();
    }
  });
});
