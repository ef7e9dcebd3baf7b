import { request as httpRequest } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import { steppingClock } from '../../src/kernel/clock.js';
import type { AnyEvent } from '../../src/runtime/events/types.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { callTool, httpApp, localPrincipal, mcpClient, newRuntime, tempDir } from '../helpers/harness.js';
import { gridBoardJson, routingBoardJson } from '../helpers/generated-designs.js';
import { callRest, createSession, devHeaders, listenLoopback, type Listening } from '../helpers/http-server.js';
import { auditRecordOf } from '../../src/runtime/events/audit-record.js';

/** Polls (bounded: 200 × 50 ms) until `check` holds. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 200 && !check(value); i++) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

const auditOf = (events: AnyEvent[], tool: string) =>
  events
    .map(auditRecordOf)
    .filter((a) => a !== null && a.tool === tool)
    .map((a) => a!.outcome);

/** A route that would run for a minute (routingBoardJson needs well over that to finish). */
const LONG_ROUTE = { design_name: 'r', time_limit_ms: 60_000 };

describe('cancellation, deadlines and stale results of heavy work', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = (await newRuntime()).runtime;
  });
  afterAll(async () => {
    runtime.heavyWork?.cancelAll();
    await runtime.close();
  });

  it('MCP: a client that aborts callTool stops the router; the call is audited CANCELLED and no NetsRouted is appended', { timeout: 120_000 }, async () => {
    const client = await mcpClient(runtime, localPrincipal('sandbox-write', 'local:cancel'));
    const sid = (await callTool(client, 'session_create')).data.session_id as string;
    expect((await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: routingBoardJson(150, 15), design_name: 'r' })).isError).toBe(false);

    const abort = new AbortController();
    let progressed = 0;
    const call = client.callTool({ name: 'route_nets', arguments: { session_id: sid, ...LONG_ROUTE } }, undefined, {
      signal: abort.signal,
      timeout: 120_000,
      // Abort once the router reports from its worker thread: the work is really running.
      onprogress: () => {
        progressed += 1;
        abort.abort('the user changed their mind');
      },
    });
    await expect(call).rejects.toThrow();
    expect(progressed).toBeGreaterThan(0);

    const events = await eventually(() => runtime.readEvents(sid), (es) => auditOf(es, 'route_nets').length > 0);
    expect(auditOf(events, 'route_nets')).toEqual(['CANCELLED']);
    expect(events.some((e) => e.type === 'NetsRouted')).toBe(false);
    expect(runtime.heavyWork!.stats().running).toBe(0);
    // The session goes on: the design is unrouted and editable.
    const inspect = await callTool(client, 'design_inspect', { session_id: sid, design_name: 'r' });
    expect(inspect.data.summary.tracks).toBe(0);
    await client.close();
  });

  it('MCP over Streamable HTTP: notifications/cancelled from the client stops the router the same way', { timeout: 120_000 }, async () => {
    const http: Listening = await listenLoopback((await httpApp(runtime, { dev: true })).app);
    const client = new Client({ name: 'zt-cancel', version: '1.0.0' });
    try {
      await client.connect(new StreamableHTTPClientTransport(new URL(`${http.base}/mcp`), { requestInit: { headers: { 'X-ZapTrace-Actor': 'mcp-http-canceller', 'X-ZapTrace-Capabilities': 'sandbox-write' } } }));
      const created = await client.callTool({ name: 'session_create', arguments: {} });
      const sid = (created.structuredContent as { session_id: string }).session_id;
      expect((await client.callTool({ name: 'design_parse_str', arguments: { session_id: sid, yaml_content: routingBoardJson(150, 15), design_name: 'r' } })).isError).toBeFalsy();
      const abort = new AbortController();
      const call = client.callTool({ name: 'route_nets', arguments: { session_id: sid, ...LONG_ROUTE } }, undefined, { signal: abort.signal, timeout: 120_000, onprogress: () => abort.abort('stop') });
      await expect(call).rejects.toThrow();
      const events = await eventually(() => runtime.readEvents(sid), (es) => auditOf(es, 'route_nets').length > 0);
      expect(auditOf(events, 'route_nets')).toEqual(['CANCELLED']);
      expect(events.some((e) => e.type === 'NetsRouted')).toBe(false);
      expect(runtime.heavyWork!.stats().running).toBe(0);
    } finally {
      await client.close();
      await http.close();
    }
  });

  it('REST: a client that destroys its socket stops the work; audited CANCELLED, nothing appended', { timeout: 120_000 }, async () => {
    const http: Listening = await listenLoopback((await httpApp(runtime, { dev: true })).app);
    try {
      const who = devHeaders('rest-canceller');
      const sid = await createSession(http.base, who);
      expect((await callRest(http.base, who, sid, 'design_parse_str', { yaml_content: routingBoardJson(150, 15), design_name: 'r' })).status).toBe(200);

      const body = JSON.stringify(LONG_ROUTE);
      const req = httpRequest(`${http.base}/api/v1/tools/route_nets`, { method: 'POST', headers: { ...who, 'X-ZapTrace-Session-Id': sid, 'content-length': Buffer.byteLength(body) } });
      let answered = false;
      req.on('response', () => (answered = true));
      req.on('error', () => undefined); // the socket we destroy
      req.end(body);
      // Wait until the router is running in a worker, then hang up.
      await eventually(async () => runtime.heavyWork!.stats().running, (n) => n > 0);
      expect(runtime.heavyWork!.stats().running).toBe(1);
      req.destroy();

      const events = await eventually(() => runtime.readEvents(sid), (es) => auditOf(es, 'route_nets').length > 0);
      expect(auditOf(events, 'route_nets')).toEqual(['CANCELLED']);
      expect(events.some((e) => e.type === 'NetsRouted')).toBe(false);
      expect(runtime.heavyWork!.stats().running).toBe(0);
      expect(answered).toBe(false);
    } finally {
      await http.close();
    }
  });

  it('a result computed from a design that changed meanwhile is refused with STALE_STATE and not appended', { timeout: 120_000 }, async () => {
    const client = await mcpClient(runtime, localPrincipal('sandbox-write', 'local:stale'));
    const sid = (await callTool(client, 'session_create')).data.session_id as string;
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: routingBoardJson(150, 15), design_name: 'r' });
    const edit: { done?: Promise<{ isError: boolean }> } = {};
    const routed = client.callTool({ name: 'route_nets', arguments: { session_id: sid, design_name: 'r', time_limit_ms: 3_000 } }, undefined, {
      timeout: 120_000,
      // While the router works in its thread the session takes other commands: edit the same design.
      onprogress: () => {
        edit.done ??= callTool(client, 'component_add', { session_id: sid, design_name: 'r', ref: 'X1', type_name: 'RES', value: '1k' });
      },
    });
    const res = await routed;
    expect((await edit.done)?.isError).toBe(false);
    expect(res.isError).toBe(true);
    expect((res.structuredContent as { error: { code: string } }).error.code).toBe('STALE_STATE');
    const events = await runtime.readEvents(sid);
    expect(events.some((e) => e.type === 'NetsRouted')).toBe(false);
    expect(auditOf(events, 'route_nets')).toEqual(['STALE_STATE']);
    await client.close();
  });

  it('two concurrent calls with one idempotency key append one result: the second answers with the first outcome', { timeout: 120_000 }, async () => {
    const http: Listening = await listenLoopback((await httpApp(runtime, { dev: true })).app);
    try {
      const who = devHeaders('retrier');
      const sid = await createSession(http.base, who);
      expect((await callRest(http.base, who, sid, 'design_parse_str', { yaml_content: gridBoardJson(4_000, 'g'), design_name: 'g' })).status).toBe(200);
      const keyed = { ...who, 'Idempotency-Key': 'erc-once-1' };
      const [a, b] = await Promise.all([0, 1].map(() => callRest(http.base, keyed, sid, 'erc_validate', { design_name: 'g' })));
      expect([a!.status, b!.status]).toEqual([200, 200]);
      expect(b!.body.result).toEqual(a!.body.result);
      const events = await runtime.readEvents(sid);
      expect(events.filter((e) => e.type === 'ValidationRecorded')).toHaveLength(1);
      expect(auditOf(events, 'erc_validate')).toEqual(['ok']);
    } finally {
      await http.close();
    }
  });

  it('a call past --max-tool-seconds is stopped with DEADLINE_EXCEEDED (504 over REST)', { timeout: 120_000 }, async () => {
    const tight = await composeRuntime({ workspaceDir: tempDir('zt-ws-'), clock: steppingClock(), maxToolSeconds: 0.5 });
    const http = await listenLoopback((await httpApp(tight, { dev: true })).app);
    try {
      const who = devHeaders('deadline');
      const sid = await createSession(http.base, who);
      expect((await callRest(http.base, who, sid, 'design_parse_str', { yaml_content: gridBoardJson(20_000, 'big'), design_name: 'big' })).status).toBe(200);
      const res = await callRest(http.base, who, sid, 'drc_run', { design_name: 'big' });
      expect(res.status).toBe(504);
      expect(res.body.error!.code).toBe('DEADLINE_EXCEEDED');
      const events = await tight.readEvents(sid);
      expect(auditOf(events, 'drc_run')).toEqual(['DEADLINE_EXCEEDED']);
      expect(events.some((e) => e.type === 'ValidationRecorded')).toBe(false);
      expect(tight.heavyWork!.stats().running).toBe(0);
    } finally {
      await http.close();
      await tight.close();
    }
  });
});
