import { describe, expect, it } from 'vitest';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { CallToolResultSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { answerToolCallsDirectly, type ToolCallExtra } from '../../src/surfaces/mcp/direct-tool-calls.js';
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

describe('the per-call AbortSignal of a directly answered call', () => {
  /** A bare SDK Server whose tools/call handler waits until released and notes what its signal said. */
  async function serverWithWaitingTool() {
    const server = new Server({ name: 't', version: '1' }, { capabilities: { tools: {} } });
    const seen: { id: unknown; aborted: boolean; reason: unknown }[] = [];
    let release = () => undefined as void;
    const released = new Promise<void>((r) => (release = r));
    answerToolCallsDirectly(server, async (params: unknown, extra: ToolCallExtra) => {
      const id = (params as { name: string }).name;
      if (id === 'late-reader') await released; // reads its signal only after the cancellation came
      const signal = extra.signal;
      if (id === 'early-reader') await released;
      seen.push({ id, aborted: signal.aborted, reason: signal.reason });
      return { content: [] };
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const received: Record<string, any>[] = [];
    clientSide.onmessage = (m: JSONRPCMessage) => void received.push(m as Record<string, any>);
    await clientSide.start();
    const send = (m: Record<string, unknown>) => clientSide.send(m as JSONRPCMessage);
    return { seen, release, send, received, clientSide };
  }

  it('is aborted with the reason of notifications/cancelled, whether read before or after it came; no response is sent', async () => {
    const { seen, release, send, received } = await serverWithWaitingTool();
    await send({ jsonrpc: '2.0', id: 'a', method: 'tools/call', params: { name: 'early-reader' } });
    await send({ jsonrpc: '2.0', id: 'b', method: 'tools/call', params: { name: 'late-reader' } });
    await new Promise((r) => setTimeout(r, 5));
    await send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 'a', reason: 'stop a' } });
    await send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 'b', reason: 'stop b' } });
    release();
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual([
      { id: 'early-reader', aborted: true, reason: 'stop a' },
      { id: 'late-reader', aborted: true, reason: 'stop b' },
    ]);
    expect(received.filter((m) => m['id'] === 'a' || m['id'] === 'b')).toEqual([]);
  });

  it('is not aborted for a call that is not cancelled, and is aborted when the connection closes', async () => {
    const first = await serverWithWaitingTool();
    await first.send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'early-reader' } });
    first.release();
    await new Promise((r) => setTimeout(r, 5));
    expect(first.seen).toEqual([{ id: 'early-reader', aborted: false, reason: undefined }]);
    expect(first.received).toEqual([{ result: { content: [] }, jsonrpc: '2.0', id: 1 }]);

    const second = await serverWithWaitingTool();
    await second.send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'late-reader' } });
    await new Promise((r) => setTimeout(r, 5));
    await second.clientSide.close();
    second.release();
    await new Promise((r) => setTimeout(r, 5));
    expect(second.seen).toMatchObject([{ id: 'late-reader', aborted: true }]);
  });
});
