import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { composeRuntime } from '../../src/compose.js';
import { steppingClock } from '../../src/kernel/clock.js';
import type { Level } from '../../src/runtime/capability.js';
import { verifySecurityChain, type SecurityRecord } from '../../src/runtime/security-log.js';
import { createHttpApp } from '../../src/surfaces/http/app.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/surfaces/http/auth.js';
import { runCli, startServer } from '../helpers/cli.js';
import { ESP32_YAML, grantKeys, readJsonResource, tempDir } from '../helpers/harness.js';
import { listenLoopback, rawRequest } from '../helpers/raw-http.js';

function grant(key: KeyObject, sub: string, cap: Level, audit = false): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ cap, ...(audit ? { audit: true } : {}) }).setProtectedHeader({ alg: 'EdDSA' }).setSubject(sub).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setIssuedAt(now).setExpirationTime(now + 600).sign(key);
}

describe('security record: every denial is a persistent, chained record only auditors read', () => {
  it('records rejected tokens, 429s, foreign sessions, capability and release-gate refusals, host refusals; serves them to audit grants over REST and MCP; counts them in /metrics', async () => {
    const keys = grantKeys();
    const store = tempDir('zt-sec-');
    const file = join(store, 'security.jsonl');
    const runtime = await composeRuntime({ workspaceDir: tempDir('zt-ws-'), clock: steppingClock(), securityLogFile: file });
    const pub = createPublicKey(keys.publicPem);
    const { app, mcp } = createHttpApp(runtime, { devCapabilityHeaders: false, grantPublicKey: pub, rateLimit: { ratePerSecond: 10_000, burst: 10_000 } });
    const tight = createHttpApp(runtime, { devCapabilityHeaders: false, grantPublicKey: pub, rateLimit: { ratePerSecond: 0.001, burst: 1 } });
    const srv = await listenLoopback(app);
    const tightSrv = await listenLoopback(tight.app);
    try {
      const alice = `Bearer ${await grant(keys.privateKey, 'alice', 'release-export')}`;
      const bob = `Bearer ${await grant(keys.privateKey, 'bob', 'preview-write')}`;
      const mallory = `Bearer ${await grant(keys.privateKey, 'mallory', 'release-export')}`;
      const auditor = `Bearer ${await grant(keys.privateKey, 'auditor', 'read', true)}`;
      const otherKeyToken = `Bearer ${await grant(grantKeys().privateKey, 'alice', 'release-export')}`;
      const json = { 'content-type': 'application/json' };
      const post = (base: string, path: string, auth: string, body: unknown, extra: Record<string, string> = {}) => rawRequest(base, path, { method: 'POST', headers: { ...json, authorization: auth, ...extra }, body: JSON.stringify(body) });

      const sessionId = (await post(srv.base, '/api/v1/sessions', alice, {})).json().session_id as string;
      expect((await post(srv.base, '/api/v1/tools/design_parse_str', alice, { yaml_content: ESP32_YAML(), design_name: 'esp' }, { 'x-zaptrace-session-id': sessionId })).status).toBe(200);
      const bobSession = (await post(srv.base, '/api/v1/sessions', bob, {})).json().session_id as string;

      const attempts: { name: string; res: () => Promise<{ status: number; json(): any }>; reason: string; principal: string }[] = [
        { name: 'forged token', res: () => post(srv.base, '/api/v1/sessions', 'Bearer aaaaaaaaaa.bbbbbbbbbb.cccccccccc', {}), reason: 'AUTH_REQUIRED', principal: 'unauthenticated:127.0.0.1' },
        { name: 'token signed by another key', res: () => post(srv.base, '/api/v1/sessions', otherKeyToken, {}), reason: 'AUTH_REQUIRED', principal: 'unauthenticated:127.0.0.1' },
        { name: "another principal's session log", res: () => rawRequest(srv.base, `/api/v1/sessions/${sessionId}/events`, { headers: { authorization: mallory } }), reason: 'OBJECT_NOT_AUTHORIZED', principal: 'token:mallory' },
        { name: 'unknown session id', res: () => post(srv.base, '/api/v1/tools/design_list', mallory, {}, { 'x-zaptrace-session-id': 'zs_nosuchsession00000000000' }), reason: 'OBJECT_NOT_AUTHORIZED', principal: 'token:mallory' },
        { name: 'write above the grant', res: () => post(srv.base, '/api/v1/tools/component_remove', bob, { design_name: 'esp', ref: 'U1' }, { 'x-zaptrace-session-id': bobSession }), reason: 'OPERATION_NOT_AUTHORIZED', principal: 'token:bob' },
        { name: 'release export without approval', res: () => post(srv.base, '/api/v1/tools/export_kicad', alice, { design_name: 'esp', approval_id: 'made-up', output_dir: 'fab' }, { 'x-zaptrace-session-id': sessionId }), reason: 'RELEASE_GATE_', principal: 'token:alice' },
        { name: 'security record without the audit claim', res: () => rawRequest(srv.base, '/api/v1/security/events', { headers: { authorization: alice } }), reason: 'OPERATION_NOT_AUTHORIZED', principal: 'token:alice' },
        { name: 'rebound Host', res: () => rawRequest(srv.base, '/api/v1/sessions', { headers: { host: 'attacker.example' } }), reason: 'HOST_NOT_ALLOWED', principal: 'unauthenticated:127.0.0.1' },
      ];
      const answers = [];
      for (const a of attempts) answers.push({ a, res: await a.res() }); // sequential: the record order is the attempt order
      for (const { a, res } of answers) {
        expect({ attack: a.name, code: res.json().error.code.startsWith(a.reason) }).toEqual({ attack: a.name, code: true });
      }
      // Rate limit: the second request inside the burst window is refused with 429 and recorded.
      expect((await rawRequest(tightSrv.base, '/api/v1/health', { headers: { authorization: bob } })).status).toBe(200);
      expect((await rawRequest(tightSrv.base, '/api/v1/health', { headers: { authorization: bob } })).status).toBe(429);

      const records = runtime.securityLog.entries();
      const expected = [...attempts.map((a) => ({ reason: a.reason, principal: a.principal })), { reason: 'RATE_LIMITED', principal: 'token:bob' }];
      expect(records.map((r) => ({ reason: r.reason.startsWith('RELEASE_GATE_') ? 'RELEASE_GATE_' : r.reason, principal: r.principal }))).toEqual(expected);
      expect(records.every((r) => r.decision === 'deny' && r.request_id !== '' && r.surface === 'rest')).toBe(true);
      expect(records.find((r) => r.reason === 'OBJECT_NOT_AUTHORIZED')!.object).toBe(sessionId);
      expect(verifySecurityChain(records)).toMatchObject({ ok: true, records: expected.length });

      // The victim's session holds none of Mallory's attempts; the gate refusal sits in Alice's own log as a denial.
      const aliceLog = await runtime.readEvents(sessionId);
      expect(aliceLog.some((e) => e.actor.principal !== 'token:alice')).toBe(false);
      const gate = aliceLog.filter((e) => (e.data as { tool?: string }).tool === 'export_kicad');
      expect(gate.map((e) => [e.type, (e.data as { decision: string }).decision, (e.data as { outcome: string }).outcome.startsWith('RELEASE_GATE_')])).toEqual([['ToolDenied', 'deny', true]]);

      // Auditors read the record over REST, paged...
      const page1 = await rawRequest(srv.base, '/api/v1/security/events?limit=4', { headers: { authorization: auditor } });
      expect(page1.status).toBe(200);
      expect(page1.json().records.map((r: SecurityRecord) => r.seq)).toEqual([1, 2, 3, 4]);
      expect(page1.json().next_after).toBe(4);
      const page2 = await rawRequest(srv.base, '/api/v1/security/events?after=4&limit=1000', { headers: { authorization: auditor } });
      expect(page2.json().records.map((r: SecurityRecord) => r.seq)).toEqual(records.slice(4).map((r) => r.seq));
      expect(page2.json().next_after).toBeNull();
      expect(['INVALID_INPUT', 'UNPROCESSABLE']).toContain((await rawRequest(srv.base, '/api/v1/security/events?limit=lots', { headers: { authorization: auditor } })).json().error.code);

      // ...and over MCP; the same resource refuses a grant without the claim.
      const mcpClient = async (auth: string) => {
        const c = new Client({ name: 'sec', version: '1' });
        await c.connect(new StreamableHTTPClientTransport(new URL(`${srv.base}/mcp`), { requestInit: { headers: { Authorization: auth } } }));
        return c;
      };
      const auditClient = await mcpClient(auditor);
      const viaMcp = await readJsonResource(auditClient, 'zaptrace://security/events?after=0&limit=1000');
      expect(viaMcp.records.map((r: SecurityRecord) => r.hash)).toEqual(records.map((r) => r.hash));
      const aliceClient = await mcpClient(alice);
      await expect(aliceClient.readResource({ uri: 'zaptrace://security/events' })).rejects.toThrow(/audit claim/);
      expect(runtime.securityLog.entries().at(-1)).toMatchObject({ reason: 'OPERATION_NOT_AUTHORIZED', principal: 'token:alice', surface: 'mcp', tool: 'security/events' });

      // Metrics count denials by reason code, requests and open MCP sessions.
      const metrics = await rawRequest(srv.base, '/metrics');
      expect(metrics.headers['content-type']).toContain('text/plain');
      expect(metrics.text).toContain('zaptrace_denials_total{reason="AUTH_REQUIRED"} 2');
      expect(metrics.text).toContain('zaptrace_denials_total{reason="OPERATION_NOT_AUTHORIZED"} 3');
      expect(metrics.text).toContain('zaptrace_denials_total{reason="HOST_NOT_ALLOWED"} 1');
      expect(metrics.text).toContain('zaptrace_mcp_sessions_open 2');
      expect(metrics.text).toMatch(/zaptrace_http_requests_total\{surface="rest",status="403"\} \d+/);
      await auditClient.close();
      await aliceClient.close();

      // The file holds the same chain, and `zaptrace audit verify-security` checks it and finds a rewrite.
      await runtime.securityLog.flush();
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as SecurityRecord).hash)).toEqual(runtime.securityLog.entries().map((r) => r.hash));
      const good = runCli(['audit', 'verify-security', file]);
      expect([good.code, JSON.parse(good.stdout).ok]).toEqual([0, true]);
      const forged = lines.map((l, i) => (i === 2 ? l.replace('"token:mallory"', '"token:someone-else"') : l));
      const forgedFile = join(store, 'forged.jsonl');
      writeFileSync(forgedFile, `${forged.join('\n')}\n`);
      const bad = runCli(['audit', 'verify-security', forgedFile]);
      expect(bad.code).toBe(1);
      expect(JSON.parse(bad.stdout).first_broken).toMatchObject({ seq: 3, reason: expect.stringMatching(/hash/) });
    } finally {
      await mcp.close();
      await tight.mcp.close();
      await srv.close();
      await tightSrv.close();
    }
  }, 60_000);

  it('`zaptrace serve --store DIR` keeps security.jsonl across restarts and the chain continues', async () => {
    const keys = grantKeys();
    const dir = tempDir('zt-store-');
    const keyFile = join(dir, '..', `grant-${Date.now()}.pem`);
    writeFileSync(keyFile, keys.publicPem);
    const deny = async () => {
      const { base, child, stop } = await startServer(['--store', dir, '--grant-key', keyFile]);
      try {
        const res = await rawRequest(base, '/api/v1/sessions', { method: 'POST', headers: { authorization: 'Bearer aaaaaaaaaa.bbbbbbbbbb.cccccccccc', 'content-type': 'application/json' }, body: '{}' });
        expect(res.status).toBe(401);
      } finally {
        const exited = new Promise((r) => child.once('exit', r));
        stop();
        await exited;
      }
    };
    await deny();
    await deny();
    const file = join(dir, 'security.jsonl');
    const records = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as SecurityRecord);
    expect(records.map((r) => [r.seq, r.reason, r.decision])).toEqual([
      [1, 'AUTH_REQUIRED', 'deny'],
      [2, 'AUTH_REQUIRED', 'deny'],
    ]);
    expect(records[1]!.prev_hash).toBe(records[0]!.hash);
    const verdict = runCli(['audit', 'verify-security', file]);
    expect([verdict.code, JSON.parse(verdict.stdout).records]).toEqual([0, 2]);
  }, 60_000);
});
