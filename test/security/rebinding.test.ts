import { describe, expect, it } from 'vitest';
import { ESP32_YAML, httpApp, newRuntime } from '../helpers/harness.js';
import { conformanceSuiteAbsent, runConformanceScenario } from '../helpers/conformance.js';
import { startServer } from '../helpers/cli.js';
import { INITIALIZE, MCP_HEADERS, listenLoopback, rawRequest } from '../helpers/raw-http.js';

const DEV = { 'x-zaptrace-capabilities': 'release-export', 'content-type': 'application/json' };

/** The attack of a page on attacker.example whose name was rebound to 127.0.0.1 (MCP transports spec, "Security Warning"). */
function attacks(port: number, sessionId: string) {
  const parse = { method: 'POST', path: '/api/v1/tools/design_parse_str', body: JSON.stringify({ yaml_content: ESP32_YAML(), design_name: 'pwned' }) };
  const write = { ...DEV, 'x-zaptrace-session-id': sessionId };
  const loopback = `127.0.0.1:${port}`;
  return [
    { name: 'REST write, rebound Host and Origin', ...parse, headers: { ...write, host: 'attacker.example', origin: 'http://attacker.example' }, code: 'HOST_NOT_ALLOWED' },
    { name: 'REST write, rebound Host with our port', ...parse, headers: { ...write, host: `attacker.example:${port}` }, code: 'HOST_NOT_ALLOWED' },
    { name: 'REST write, loopback Host, foreign Origin', ...parse, headers: { ...write, host: loopback, origin: 'http://attacker.example' }, code: 'ORIGIN_NOT_ALLOWED' },
    { name: 'REST write, loopback Host, opaque Origin "null"', ...parse, headers: { ...write, host: loopback, origin: 'null' }, code: 'ORIGIN_NOT_ALLOWED' },
    { name: 'REST write, Origin on another loopback port', ...parse, headers: { ...write, host: loopback, origin: `http://127.0.0.1:${port === 1 ? 2 : 1}` }, code: 'ORIGIN_NOT_ALLOWED' },
    { name: 'REST write, loopback on another port in Host', ...parse, headers: { ...write, host: `127.0.0.1:${port === 1 ? 2 : 1}` }, code: 'HOST_NOT_ALLOWED' },
    { name: 'look-alike Host: trailing dot', ...parse, headers: { ...write, host: `localhost.:${port}` }, code: 'HOST_NOT_ALLOWED' },
    { name: 'look-alike Host: wildcard DNS name for 127.0.0.1', ...parse, headers: { ...write, host: `127.0.0.1.nip.io:${port}` }, code: 'HOST_NOT_ALLOWED' },
    { name: 'look-alike Origin: userinfo trick', ...parse, headers: { ...write, host: loopback, origin: `http://127.0.0.1:${port}@attacker.example` }, code: 'ORIGIN_NOT_ALLOWED' },
    { name: 'Origin with a non-web scheme', ...parse, headers: { ...write, host: loopback, origin: 'file://' }, code: 'ORIGIN_NOT_ALLOWED' },
    { name: 'malformed JSON body: refused before parsing', method: 'POST', path: '/api/v1/tools/design_parse_str', body: '{not json', headers: { ...write, host: 'attacker.example' }, code: 'HOST_NOT_ALLOWED' },
    { name: 'forged bearer token: refused before auth', ...parse, headers: { ...write, host: 'attacker.example', authorization: 'Bearer aaaaaaaaaa.bbbbbbbbbb.cccccccccc' }, code: 'HOST_NOT_ALLOWED' },
    { name: 'REST session create', method: 'POST', path: '/api/v1/sessions', body: '{}', headers: { ...DEV, host: 'attacker.example', origin: 'http://attacker.example' }, code: 'HOST_NOT_ALLOWED' },
    { name: 'MCP initialize, rebound Host and Origin', method: 'POST', path: '/mcp', body: INITIALIZE, headers: { ...MCP_HEADERS, ...DEV, host: 'attacker.example', origin: 'http://attacker.example' }, code: 'HOST_NOT_ALLOWED' },
    { name: 'MCP initialize, foreign Origin', method: 'POST', path: '/mcp', body: INITIALIZE, headers: { ...MCP_HEADERS, ...DEV, host: loopback, origin: 'https://attacker.example' }, code: 'ORIGIN_NOT_ALLOWED' },
    { name: 'SSE stream of the session, foreign Origin', method: 'GET', path: `/api/v1/sessions/${sessionId}/stream`, body: undefined, headers: { host: loopback, origin: 'http://attacker.example' }, code: 'ORIGIN_NOT_ALLOWED' },
    { name: 'metrics, rebound Host', method: 'GET', path: '/metrics', body: undefined, headers: { host: 'attacker.example' }, code: 'HOST_NOT_ALLOWED' },
  ];
}

describe('DNS rebinding: every HTTP surface checks Host and Origin before any work', () => {
  it('refuses a rebound page on REST, MCP and SSE in development mode; nothing reaches a session; each refusal is a security record', async () => {
    const { runtime } = await newRuntime();
    const { app, mcp } = await httpApp(runtime, { dev: true });
    const srv = await listenLoopback(app);
    try {
      const own = { host: `127.0.0.1:${srv.port}`, origin: `http://127.0.0.1:${srv.port}` };
      const created = await rawRequest(srv.base, '/api/v1/sessions', { method: 'POST', headers: { ...DEV, ...own }, body: '{}' });
      expect(created.status).toBe(201);
      const sessionId = created.json().session_id as string;
      const before = await runtime.readEvents(sessionId);
      const list = attacks(srv.port, sessionId);
      for (const a of list) {
        const res = await rawRequest(srv.base, a.path, { method: a.method, headers: a.headers, ...(a.body !== undefined ? { body: a.body } : {}) });
        expect({ attack: a.name, status: res.status, code: res.json().error?.code }).toEqual({ attack: a.name, status: 403, code: a.code });
        expect(res.json()).toMatchObject({ ok: false, error: { details: {}, request_id: expect.any(String) } });
      }
      expect(await runtime.readEvents(sessionId)).toEqual(before);
      expect((await runtime.store.sessions()).length).toBe(1);
      expect(mcp.sessions.size).toBe(0);
      const refusals = runtime.securityLog.entries().filter((r) => r.reason === 'HOST_NOT_ALLOWED' || r.reason === 'ORIGIN_NOT_ALLOWED');
      expect(refusals.map((r) => r.reason)).toEqual(list.map((a) => a.code));
      expect(refusals.every((r) => r.decision === 'deny' && r.principal.startsWith('unauthenticated:'))).toBe(true);

      // The same calls from the server's own origin, or from a non-browser client (no Origin), work.
      const parse = await rawRequest(srv.base, '/api/v1/tools/design_parse_str', { method: 'POST', headers: { ...DEV, 'x-zaptrace-session-id': sessionId, host: `localhost:${srv.port}`, origin: `http://localhost:${srv.port}` }, body: JSON.stringify({ yaml_content: ESP32_YAML(), design_name: 'esp' }) });
      expect(parse.status).toBe(200);
      const v6 = await rawRequest(srv.base, '/api/v1/health', { headers: { host: `[::1]:${srv.port}` } });
      expect(v6.status).toBe(200);
      const upper = await rawRequest(srv.base, '/api/v1/health', { headers: { host: `LOCALHOST:${srv.port}`, origin: `HTTP://LocalHost:${srv.port}` } });
      expect(upper.status).toBe(200);
      const init = await rawRequest(srv.base, '/mcp', { method: 'POST', headers: { ...MCP_HEADERS, ...DEV, host: `127.0.0.1:${srv.port}` }, body: INITIALIZE });
      expect(init.status).toBe(200);
      expect(mcp.sessions.size).toBe(1);
    } finally {
      await mcp.close();
      await srv.close();
    }
  });

  it('the real `zaptrace serve` process refuses the attack, answers its own names, and adds names given with --allowed-host', async () => {
    const { base, stop } = await startServer(['--dev-capability-headers', '--allowed-host', 'zaptrace.test']);
    try {
      const port = Number(new URL(base).port);
      const refusedRest = await rawRequest(base, '/api/v1/sessions', { method: 'POST', headers: { ...DEV, host: 'attacker.example', origin: 'http://attacker.example' }, body: '{}' });
      expect([refusedRest.status, refusedRest.json().error.code]).toEqual([403, 'HOST_NOT_ALLOWED']);
      const refusedMcp = await rawRequest(base, '/mcp', { method: 'POST', headers: { ...MCP_HEADERS, ...DEV, host: `127.0.0.1:${port}`, origin: 'http://attacker.example' }, body: INITIALIZE });
      expect([refusedMcp.status, refusedMcp.json().error.code]).toEqual([403, 'ORIGIN_NOT_ALLOWED']);
      const listed = await rawRequest(base, '/api/v1/sessions', { headers: { ...DEV, host: `127.0.0.1:${port}` } });
      expect(listed.json().sessions).toEqual([]);
      const own = await rawRequest(base, '/api/v1/sessions', { method: 'POST', headers: { ...DEV, host: `localhost:${port}`, origin: `http://localhost:${port}` }, body: '{}' });
      expect(own.status).toBe(201);
      const named = await rawRequest(base, '/api/v1/health', { headers: { host: 'zaptrace.test', origin: 'https://zaptrace.test' } });
      expect(named.status).toBe(200);
    } finally {
      stop();
    }
  });

  it.skipIf(conformanceSuiteAbsent && process.env['CI'] !== 'true')('passes the MCP conformance scenario dns-rebinding-protection against `zaptrace serve`', async () => {
    const { base, stop } = await startServer(['--dev-capability-headers']);
    try {
      const run = await runConformanceScenario(`${base}/mcp`, 'dns-rebinding-protection');
      expect(run.out).toMatch(/Passed: 2\/2, 0 failed/);
      expect(run.code).toBe(0);
    } finally {
      stop();
    }
  }, 90_000);
});
