import { describe, expect, it } from 'vitest';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { CallToolResultSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { createMcpConnection } from '../../src/surfaces/mcp/connection.js';
import { createMcpServer } from '../../src/surfaces/mcp/server.js';
import { localPrincipal, newRuntime } from '../helpers/harness.js';

/**
 * tools/call answered straight from the transport (src/surfaces/mcp/direct-tool-calls.ts), seen as raw
 * JSON-RPC: the same response shapes as the SDK's dispatch, the same order with requests the SDK
 * dispatches, and every message it does not take left to the SDK.
 */
async function rawConnection() {
  const { runtime } = await newRuntime();
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = createMcpServer(runtime, createMcpConnection(runtime, localPrincipal('sandbox-write', 'local:raw')));
  const errors: Error[] = [];
  server.onerror = (e) => void errors.push(e);
  await server.connect(serverSide);
  const received: Record<string, any>[] = [];
  const waiting = new Map<string | number, (m: Record<string, any>) => void>();
  clientSide.onmessage = (m: JSONRPCMessage) => {
    const msg = m as Record<string, any>;
    received.push(msg);
    if ('id' in msg && !('method' in msg)) waiting.get(msg['id'])?.(msg);
  };
  await clientSide.start();
  const send = (m: Record<string, unknown>) => void clientSide.send(m as JSONRPCMessage);
  const answerTo = (id: string | number) => new Promise<Record<string, any>>((resolve) => waiting.set(id, resolve));
  const request = (id: string | number, method: string, params?: Record<string, unknown>) => {
    const answer = answerTo(id);
    send({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) });
    return answer;
  };
  await request(0, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } });
  send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  return { request, send, answerTo, received, errors };
}

describe('MCP tools/call answered directly from the transport', () => {
  it('answers {result, jsonrpc, id} in the CallToolResult shape, for string and integer ids', async () => {
    const { request } = await rawConnection();
    for (const id of ['call-a', 7]) {
      const res = await request(id, 'tools/call', { name: 'session_create', arguments: {} });
      expect(Object.keys(res)).toEqual(['result', 'jsonrpc', 'id']);
      expect(res['id']).toBe(id);
      const result = CallToolResultSchema.parse(res['result']);
      expect(result.content[0]).toEqual({ type: 'text', text: JSON.stringify(result.structuredContent) });
      expect(result.structuredContent?.['session_id']).toMatch(/^zs_/);
    }
  });

  it('answers -32602 for a call without a tool name and -32601 for an unknown method, as before', async () => {
    const { request } = await rawConnection();
    expect(await request(1, 'tools/call', { arguments: {} })).toMatchObject({ jsonrpc: '2.0', id: 1, error: { code: -32602 } });
    expect(await request(2, 'tools/call', { name: 'design_list', arguments: 'no' })).toMatchObject({ id: 2, error: { code: -32602 } });
    expect(await request(3, 'no/such_method', {})).toMatchObject({ id: 3, error: { code: -32601 } });
  });

  it('leaves a message the JSON-RPC request schema refuses to the SDK: no answer, an error reported', async () => {
    const { request, send, received, errors } = await rawConnection();
    send({ jsonrpc: '2.0', id: 'bad', method: 'tools/call', params: { name: 'design_list', arguments: {} }, extra: true });
    send({ jsonrpc: '2.0', id: 1.5, method: 'tools/call', params: { name: 'design_list', arguments: {} } });
    await request('after', 'ping');
    expect(received.filter((m) => m['id'] === 'bad' || m['id'] === 1.5)).toEqual([]);
    expect(errors.map((e) => e.message).filter((m) => m.startsWith('Unknown message type'))).toHaveLength(2);
  });

  it('keeps the order of requests sent together: a level set just before a call applies to it', async () => {
    const { answerTo, send, received } = await rawConnection();
    const answered = answerTo(2);
    send({ jsonrpc: '2.0', id: 1, method: 'logging/setLevel', params: { level: 'debug' } });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'session_create', arguments: {} } });
    await answered;
    const log = received.filter((m) => m['method'] === 'notifications/message').map((m) => m['params']['data']['event']);
    expect(log).toEqual(['tool_call', 'tool_ok']);
  });
});
