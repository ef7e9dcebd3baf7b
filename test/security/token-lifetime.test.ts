import { createPublicKey, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createHttpApp } from '../../src/surfaces/http/app.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/surfaces/http/auth.js';
import { startServer } from '../helpers/cli.js';
import { grantKeys, newRuntime, tempDir } from '../helpers/harness.js';
import { listenLoopback, rawRequest } from '../helpers/raw-http.js';

const nowS = () => Math.floor(Date.now() / 1000);

/** A grant token with exactly the time claims given (`iat: null` leaves it out). */
function token(key: KeyObject, sub: string, times: { iat: number | null; exp: number }, extra: Record<string, unknown> = {}): Promise<string> {
  const jwt = new SignJWT({ cap: 'preview-write', ...extra }).setProtectedHeader({ alg: 'EdDSA' }).setSubject(sub).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setExpirationTime(times.exp);
  if (times.iat !== null) jwt.setIssuedAt(times.iat);
  return jwt.sign(key);
}

async function eventually(check: () => boolean, tries = 100, everyMs = 100): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return false;
}

describe('grant token lifetime', () => {
  it('refuses tokens that live longer than the maximum (default 24 h), however the claims are arranged, and records each refusal', async () => {
    const keys = grantKeys();
    const { runtime } = await newRuntime();
    const { app } = createHttpApp(runtime, { devCapabilityHeaders: false, grantPublicKey: createPublicKey(keys.publicPem) });
    const srv = await listenLoopback(app);
    try {
      const t = nowS();
      const cases = [
        { name: 'exp two days after iat', times: { iat: t, exp: t + 2 * 86_400 }, ok: false },
        { name: 'no iat, exp two days ahead', times: { iat: null, exp: t + 2 * 86_400 }, ok: false },
        { name: 'iat back-dated a year, exp in an hour', times: { iat: t - 365 * 86_400, exp: t + 3600 }, ok: false },
        { name: 'iat future-dated by ten days, exp an hour after it', times: { iat: t + 10 * 86_400, exp: t + 10 * 86_400 + 3600 }, ok: false },
        { name: 'exactly 24 h', times: { iat: t, exp: t + 86_400 }, ok: true },
        { name: 'no iat, exp in an hour', times: { iat: null, exp: t + 3600 }, ok: true },
      ];
      for (const c of cases) {
        const res = await rawRequest(srv.base, '/api/v1/sessions', { method: 'POST', headers: { authorization: `Bearer ${await token(keys.privateKey, 'alice', c.times)}`, 'content-type': 'application/json' }, body: '{}' });
        expect({ case: c.name, status: res.status }).toEqual({ case: c.name, status: c.ok ? 201 : 401 });
        if (!c.ok) expect(res.json().error.code).toBe('AUTH_REQUIRED');
      }
      const refused = runtime.securityLog.entries().filter((r) => r.reason === 'AUTH_REQUIRED');
      expect(refused).toHaveLength(cases.filter((c) => !c.ok).length);
      expect(refused.every((r) => r.decision === 'deny' && r.principal === 'unauthenticated:127.0.0.1' && r.surface === 'rest')).toBe(true);
    } finally {
      await srv.close();
    }
  });

  it('`zaptrace serve --max-token-ttl` sets the maximum', async () => {
    const keys = grantKeys();
    const keyFile = join(tempDir(), 'grant.pub.pem');
    writeFileSync(keyFile, keys.publicPem);
    const { base, stop } = await startServer(['--grant-key', keyFile, '--max-token-ttl', '60']);
    try {
      const t = nowS();
      const long = await rawRequest(base, '/api/v1/sessions', { method: 'POST', headers: { authorization: `Bearer ${await token(keys.privateKey, 'alice', { iat: t, exp: t + 600 })}`, 'content-type': 'application/json' }, body: '{}' });
      expect([long.status, long.json().error.code]).toEqual([401, 'AUTH_REQUIRED']);
      const short = await rawRequest(base, '/api/v1/sessions', { method: 'POST', headers: { authorization: `Bearer ${await token(keys.privateKey, 'alice', { iat: t, exp: t + 30 })}`, 'content-type': 'application/json' }, body: '{}' });
      expect(short.status).toBe(201);
    } finally {
      stop();
    }
  });

  it('ends a REST event stream and an MCP session when the token that opened them expires', async () => {
    const keys = grantKeys();
    const { runtime } = await newRuntime();
    const { app, mcp } = createHttpApp(runtime, { devCapabilityHeaders: false, grantPublicKey: createPublicKey(keys.publicPem) });
    const srv = await listenLoopback(app);
    try {
      const t = nowS();
      const brief = `Bearer ${await token(keys.privateKey, 'alice', { iat: t, exp: t + 2 })}`;
      const created = await rawRequest(srv.base, '/api/v1/sessions', { method: 'POST', headers: { authorization: brief, 'content-type': 'application/json' }, body: '{}' });
      const sessionId = created.json().session_id as string;

      // REST SSE: the response ends by itself once the token has expired.
      const stream = await fetch(`${srv.base}/api/v1/sessions/${sessionId}/stream`, { headers: { authorization: brief } });
      expect(stream.status).toBe(200);
      let text = '';
      const reader = stream.body!.getReader();
      for (let i = 0; i < 100; i++) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += new TextDecoder().decode(chunk.value);
      }
      expect(text).toContain('event: SessionCreated');
      expect(nowS()).toBeGreaterThanOrEqual(t + 2);

      // MCP: the session (and its open GET stream) closes at the token's exp; a fresh token cannot revive it.
      const t2 = nowS();
      const short = `Bearer ${await token(keys.privateKey, 'alice', { iat: t2, exp: t2 + 2 })}`;
      const transport = new StreamableHTTPClientTransport(new URL(`${srv.base}/mcp`), { requestInit: { headers: { Authorization: short } } });
      const client = new Client({ name: 'brief', version: '1' });
      await client.connect(transport);
      const mcpSession = transport.sessionId!;
      expect(mcp.sessions.has(mcpSession)).toBe(true);
      expect(await eventually(() => !mcp.sessions.has(mcpSession))).toBe(true);
      expect(nowS()).toBeGreaterThanOrEqual(t2 + 2);
      const fresh = `Bearer ${await keys.token('alice', 'preview-write')}`;
      const revived = await rawRequest(srv.base, '/mcp', { method: 'POST', headers: { authorization: fresh, 'mcp-session-id': mcpSession, 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'tools/list', params: {} }) });
      expect(revived.json().error.code).toBe('OBJECT_NOT_AUTHORIZED');
      await client.close().catch(() => undefined);
    } finally {
      await mcp.close();
      await srv.close();
    }
  }, 30_000);
});
