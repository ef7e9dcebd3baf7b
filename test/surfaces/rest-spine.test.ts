import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { ESP32_YAML, grantKeys, httpApp, newRuntime } from '../helpers/harness.js';

const dev = (cap: string) => ({ 'X-ZapTrace-Capabilities': cap, 'X-ZapTrace-Actor': 'test-agent', 'X-ZapTrace-Reason': 'unit test' });

describe('REST surface (supertest on the koa app)', () => {
  it('serves health, the tool list with levels and an OpenAPI document from the same schemas', async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime);
    const agent = request(app.callback());
    expect((await agent.get('/api/v1/health').expect(200)).body.ok).toBe(true);
    const tools = (await agent.get('/api/v1/tools').expect(200)).body.tools as { name: string; level: string }[];
    expect(tools.find((t) => t.name === 'design_commit')?.level).toBe('approved-commit');
    const openapi = (await agent.get('/api/v1/openapi.json').expect(200)).body;
    expect(Object.keys(openapi.paths).filter((p) => p.startsWith('/api/v1/tools/')).sort()).toEqual(tools.map((t) => `/api/v1/tools/${t.name}`).sort());
  });

  it('requires a session header on writes, denies without capability, audits, and lets the owner read the trail', async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const noSession = await agent.post('/api/v1/tools/design_parse_str').set(dev('preview-write')).send({ yaml_content: ESP32_YAML() });
    expect(noSession.status).toBe(401);
    expect(noSession.body.error.code).toBe('SESSION_REQUIRED');

    const sid = (await agent.post('/api/v1/sessions').set(dev('')).expect(201)).body.session_id as string;
    expect(sid).toMatch(/^zs_[A-Za-z0-9_-]{27}$/);
    const denied = await agent.post('/api/v1/tools/design_parse_str').set(dev('')).set('X-ZapTrace-Session-Id', sid).send({ yaml_content: ESP32_YAML() });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: 'OPERATION_NOT_AUTHORIZED', details: { required_capability: 'preview-write' } });
    expect(denied.body.error.request_id).toBe(denied.headers['x-request-id']);

    const ok = await agent
      .post('/api/v1/tools/design_parse_str')
      .set(dev('preview-write'))
      .set('X-ZapTrace-Session-Id', sid)
      .set('X-Request-Id', 'req-123')
      .send({ yaml_content: ESP32_YAML(), design_name: 'esp' });
    expect(ok.status).toBe(200);
    expect(ok.body.result.components).toBe(12);

    const audit = await agent.get('/api/v1/audit/events').set(dev('')).set('X-ZapTrace-Session-Id', sid).expect(200);
    expect(audit.body.events).toHaveLength(2);
    expect(audit.body.events[1]).toMatchObject({ decision: 'allow', tool: 'design_parse_str', actor: 'test-agent', reason: 'unit test', request_id: 'req-123', principal: 'dev:test-agent', capability: 'preview-write', outcome: 'ok' });
    // The allowed call's record (carried by its DesignParsed event) has every field the denied call's ToolDenied has (contract.md, "Audit evidence").
    expect(audit.body.events[1]).toMatchObject({ event_type: 'DesignParsed', surface: 'rest', session_id: sid, granted: ['read', 'preview-write'] });
    expect(Object.keys(audit.body.events[1]).sort()).toEqual(Object.keys(audit.body.events[0]).sort());
    expect(audit.body.events[0].timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    const denies = await agent.get('/api/v1/audit/events?decision=deny&limit=1').set(dev('')).set('X-ZapTrace-Session-Id', sid).expect(200);
    expect(denies.body.events).toHaveLength(1);
    expect(denies.body.events[0].decision).toBe('deny');

    const design = await agent.get('/api/v1/designs/esp').set(dev('')).set('X-ZapTrace-Session-Id', sid).expect(200);
    expect(Object.keys(design.body.design.components)).toHaveLength(12);
    const past = await agent.get('/api/v1/designs/esp?at=1').set(dev('')).set('X-ZapTrace-Session-Id', sid);
    expect(past.status).toBe(404);
    await agent.post('/api/v1/tools/component_remove').set(dev('sandbox-write')).set('X-ZapTrace-Session-Id', sid).send({ design_name: 'esp', ref: 'TP1' }).expect(200);
    const parsedAt = design.body.seq as number;
    const then = await agent.get(`/api/v1/designs/esp?at=${parsedAt}`).set(dev('')).set('X-ZapTrace-Session-Id', sid).expect(200);
    expect(Object.keys(then.body.design.components)).toHaveLength(12);
    const now = await agent.get('/api/v1/designs/esp').set(dev('')).set('X-ZapTrace-Session-Id', sid).expect(200);
    expect(Object.keys(now.body.design.components)).toHaveLength(11);
    expect(then.body.summary.design_hash).not.toBe(now.body.summary.design_hash);

    const log = await agent.get(`/api/v1/sessions/${sid}/events`).set(dev('')).expect(200);
    expect(log.headers['content-type']).toContain('application/x-ndjson');
    const lines = log.text.trim().split('\n').map((l) => JSON.parse(l));
    // The export ends with the signed head that covers its last event (docs/log-integrity.md).
    const head = lines.pop();
    expect(head.head).toMatchObject({ session_id: sid, seq: 4 });
    // An allowed call's one event carries its audit record (docs/event-log.md, "Audit records"); a denied call is a ToolDenied.
    expect(lines.map((e) => e.type)).toEqual(['SessionCreated', 'ToolDenied', 'DesignParsed', 'ComponentRemoved']);
    expect(lines.map((e) => e.audit?.tool ?? null)).toEqual([null, null, 'design_parse_str', 'component_remove']);
    expect(lines[2].audit).toMatchObject({ capability: 'preview-write', decision: 'allow', outcome: 'ok', reason: 'unit test' });
  });

  it('without dev mode, capability headers grant nothing and anonymous callers stay read-only', async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime);
    const agent = request(app.callback());
    const sid = (await agent.post('/api/v1/sessions').expect(201)).body.session_id;
    const res = await agent.post('/api/v1/tools/design_parse_str').set(dev('release-export')).set('X-ZapTrace-Session-Id', sid).send({ yaml_content: ESP32_YAML() });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('OPERATION_NOT_AUTHORIZED');
  });

  it('signed Ed25519 grant tokens make distinct principals; forged or expired tokens are refused', async () => {
    const { runtime } = await newRuntime();
    const keys = grantKeys();
    const { app } = await httpApp(runtime, { keys });
    const agent = request(app.callback());
    const alice = `Bearer ${await keys.token('alice', 'sandbox-write')}`;
    const bob = `Bearer ${await keys.token('bob', 'release-export')}`;
    const sid = (await agent.post('/api/v1/sessions').set('Authorization', alice).expect(201)).body.session_id;
    await agent.post('/api/v1/tools/design_parse_str').set('Authorization', alice).set('X-ZapTrace-Session-Id', sid).send({ yaml_content: ESP32_YAML(), design_name: 'esp' }).expect(200);
    const stolen = await agent.post('/api/v1/tools/component_remove').set('Authorization', bob).set('X-ZapTrace-Session-Id', sid).send({ design_name: 'esp', ref: 'U1' });
    expect(stolen.status).toBe(403);
    expect(stolen.body.error.code).toBe('OBJECT_NOT_AUTHORIZED');
    const unknown = await agent.post('/api/v1/tools/component_remove').set('Authorization', bob).set('X-ZapTrace-Session-Id', 'zs_nope').send({ design_name: 'esp', ref: 'U1' });
    expect(unknown.body.error).toEqual({ ...stolen.body.error, request_id: unknown.body.error.request_id });
    expect((await agent.get('/api/v1/sessions').set('Authorization', bob).expect(200)).body.sessions).toEqual([]);
    await agent.get(`/api/v1/sessions/${sid}/events`).set('Authorization', bob).expect(403);

    const other = grantKeys();
    const forged = await agent.post('/api/v1/sessions').set('Authorization', `Bearer ${await other.token('alice', 'release-export')}`);
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('AUTH_REQUIRED');
    const expired = await agent.post('/api/v1/sessions').set('Authorization', `Bearer ${await keys.token('alice', 'release-export', { expSeconds: -60 })}`);
    expect(expired.status).toBe(401);
    const wrongIssuer = await agent.post('/api/v1/sessions').set('Authorization', `Bearer ${await keys.token('alice', 'release-export', { issuer: 'evil' })}`);
    expect(wrongIssuer.status).toBe(401);
  });

  it('answers oversized bodies with 413, malformed JSON with 400 and floods with 429', async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime, { dev: true, bodyLimitBytes: 10_000, rateLimit: { ratePerSecond: 1, burst: 5 } });
    const agent = request(app.callback());
    const big = await agent.post('/api/v1/tools/design_list').set(dev('')).send({ pad: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const bad = await agent.post('/api/v1/sessions').set(dev('')).set('Content-Type', 'application/json').send('{"a":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_INPUT');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await agent.get('/api/v1/health').set('X-Forwarded-For', `10.0.0.${i}`)).status);
    expect(statuses).toContain(429);
    const limited = await agent.get('/api/v1/health');
    expect(limited.body.error.code).toBe('RATE_LIMITED');
  });

  it('unknown routes and tools get the error envelope without host paths', async () => {
    const { runtime, workspaceDir } = await newRuntime();
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const route = await agent.get('/api/v1/nope').expect(404);
    expect(route.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const sid = (await agent.post('/api/v1/sessions').set(dev('preview-write')).expect(201)).body.session_id;
    const missing = await agent.post('/api/v1/tools/design_parse_file').set(dev('preview-write')).set('X-ZapTrace-Session-Id', sid).send({ path: 'nothing/here.yaml' });
    expect(missing.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(missing.body)).not.toContain(workspaceDir);
    expect(JSON.stringify(missing.body)).not.toMatch(/\n\s+at /);
  });
});

describe('live session stream (server-sent events)', () => {
  it('sends the backlog and then each new event to the owner, and nothing to others', async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime, { dev: true });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const h = { 'x-zaptrace-capabilities': 'preview-write', 'content-type': 'application/json' };
      const sid = ((await (await fetch(`${base}/api/v1/sessions`, { method: 'POST', headers: h })).json()) as { session_id: string }).session_id;
      const abort = new AbortController();
      const res = await fetch(`${base}/api/v1/sessions/${sid}/stream`, { signal: abort.signal });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      let text = '';
      const readUntil = async (needle: string) => {
        const deadline = Date.now() + 10_000;
        while (!text.includes(needle) && Date.now() < deadline) {
          const { value, done } = await reader.read();
          if (done) break;
          text += new TextDecoder().decode(value);
        }
      };
      await readUntil('event: SessionCreated');
      await fetch(`${base}/api/v1/tools/design_parse_str`, { method: 'POST', headers: { ...h, 'x-zaptrace-session-id': sid }, body: JSON.stringify({ yaml_content: ESP32_YAML(), design_name: 'esp' }) });
      await readUntil('event: DesignParsed');
      expect(text).toContain('event: DesignParsed');
      expect(text).toContain('"audit":{"tool":"design_parse_str"');
      abort.abort();
      const keys = grantKeys();
      void keys;
      const other = await fetch(`${base}/api/v1/sessions/zs_${'A'.repeat(27)}/stream`);
      expect(other.status).toBe(403);
    } finally {
      server.close();
    }
  });
});
