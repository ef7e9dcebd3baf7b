import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/surfaces/http/app.js';
import type { McpSessionLimits } from '../../src/surfaces/mcp/http-transport.js';
import { startServer } from '../helpers/cli.js';
import { grantKeys, newRuntime, type GrantKeys } from '../helpers/harness.js';
import { INITIALIZE, MCP_HEADERS, listenLoopback, rawRequest } from '../helpers/raw-http.js';

async function capped(limits: McpSessionLimits, keys: GrantKeys) {
  const { runtime } = await newRuntime();
  const { app, mcp } = createHttpApp(runtime, { devCapabilityHeaders: false, grantPublicKey: createPublicKey(keys.publicPem), rateLimit: { ratePerSecond: 10_000, burst: 10_000 }, mcpSessions: limits });
  const srv = await listenLoopback(app);
  return { runtime, mcp, srv };
}

const initialize = (base: string, auth?: string) => rawRequest(base, '/mcp', { method: 'POST', headers: { ...MCP_HEADERS, ...(auth ? { authorization: auth } : {}) }, body: INITIALIZE });
const toolsList = (base: string, sessionId: string, auth?: string) =>
  rawRequest(base, '/mcp', { method: 'POST', headers: { ...MCP_HEADERS, 'mcp-session-id': sessionId, ...(auth ? { authorization: auth } : {}) }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} }) });

/** Polls a condition a bounded number of times. */
async function eventually(check: () => Promise<boolean> | boolean, tries = 100, everyMs = 100): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return false;
}

describe('MCP Streamable HTTP sessions are bounded', () => {
  it('caps open sessions per principal and anonymous ones together, answers 429 with Retry-After, and DELETE frees the slot', async () => {
    const keys = grantKeys();
    const { runtime, mcp, srv } = await capped({ perPrincipal: 3, anonymousTotal: 2, idleMs: 600_000 }, keys);
    try {
      const alice = `Bearer ${await keys.token('alice', 'preview-write')}`;
      const opened: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await initialize(srv.base, alice);
        expect(res.status).toBe(200);
        opened.push(String(res.headers['mcp-session-id']));
      }
      const over = await initialize(srv.base, alice);
      expect(over.status).toBe(429);
      expect(over.json().error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 3 } });
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect(mcp.sessions.size).toBe(3);

      // Someone else's DELETE frees nothing.
      const mallory = `Bearer ${await keys.token('mallory', 'preview-write')}`;
      const foreignDelete = await rawRequest(srv.base, '/mcp', { method: 'DELETE', headers: { authorization: mallory, 'mcp-session-id': opened[0]! } });
      expect([foreignDelete.status, foreignDelete.json().error.code]).toEqual([403, 'OBJECT_NOT_AUTHORIZED']);
      expect((await initialize(srv.base, alice)).status).toBe(429);

      // The owner's DELETE ends the session and frees its slot at once.
      const del = await rawRequest(srv.base, '/mcp', { method: 'DELETE', headers: { authorization: alice, 'mcp-session-id': opened[0]! } });
      expect(del.status).toBe(200);
      expect(mcp.sessions.has(opened[0]!)).toBe(false);
      expect((await toolsList(srv.base, opened[0]!, alice)).json().error.code).toBe('OBJECT_NOT_AUTHORIZED');
      expect((await initialize(srv.base, alice)).status).toBe(200);
      expect((await toolsList(srv.base, opened[1]!, alice)).status).toBe(200);

      // Anonymous callers share one global cap, which does not touch authenticated principals.
      expect((await initialize(srv.base)).status).toBe(200);
      expect((await initialize(srv.base)).status).toBe(200);
      const anonOver = await initialize(srv.base);
      expect([anonOver.status, anonOver.json().error.code]).toEqual([429, 'RATE_LIMITED']);
      expect(anonOver.json().error.message).toMatch(/anonymous/);
      expect((await initialize(srv.base, mallory)).status).toBe(200);

      // Each refusal is a security record and shows in the metrics.
      expect(runtime.securityLog.entries().filter((r) => r.reason === 'RATE_LIMITED').map((r) => r.principal)).toEqual(['token:alice', 'token:alice', 'anon:127.0.0.1']);
      const metrics = await rawRequest(srv.base, '/metrics');
      expect(metrics.text).toContain(`zaptrace_mcp_sessions_open ${mcp.sessions.size}`);
      expect(metrics.text).toContain('zaptrace_denials_total{reason="RATE_LIMITED"} 3');
    } finally {
      await mcp.close();
      await srv.close();
    }
  });

  it('closes a session left idle for the configured time and frees its slot', async () => {
    const keys = grantKeys();
    const { mcp, srv } = await capped({ perPrincipal: 1, idleMs: 200 }, keys);
    try {
      const alice = `Bearer ${await keys.token('alice', 'preview-write')}`;
      const first = await initialize(srv.base, alice);
      const sessionId = String(first.headers['mcp-session-id']);
      expect((await toolsList(srv.base, sessionId, alice)).status).toBe(200);
      expect(await eventually(() => mcp.sessions.size === 0)).toBe(true);
      expect((await toolsList(srv.base, sessionId, alice)).json().error.code).toBe('OBJECT_NOT_AUTHORIZED');
      expect((await initialize(srv.base, alice)).status).toBe(200);
    } finally {
      await mcp.close();
      await srv.close();
    }
  });

  it('`zaptrace serve --mcp-idle-minutes` expires idle sessions in the real process', async () => {
    const { base, stop } = await startServer(['--mcp-idle-minutes', '0.005']);
    try {
      const res = await initialize(base);
      expect(res.status).toBe(200);
      const sessionId = String(res.headers['mcp-session-id']);
      expect((await rawRequest(base, '/metrics')).text).toContain('zaptrace_mcp_sessions_open 1');
      // Watch the gauge, not the session: a request to the session would keep it alive.
      expect(await eventually(async () => (await rawRequest(base, '/metrics')).text.includes('zaptrace_mcp_sessions_open 0'))).toBe(true);
      expect((await toolsList(base, sessionId)).json().error.code).toBe('OBJECT_NOT_AUTHORIZED');
    } finally {
      stop();
    }
  });
});
