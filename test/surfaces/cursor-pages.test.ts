import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { callTool, ESP32_YAML, httpApp, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

/**
 * The audit view and the session log are read a page at a time by cursor (docs/event-log.md): following
 * `next_after_seq` (audit) or `next_from_seq` (events) from the first page to the last gives every record
 * once, in order, exactly what one large page gives, over REST and over MCP, filters included.
 */
const dev = (cap: string) => ({ 'X-ZapTrace-Capabilities': cap, 'X-ZapTrace-Actor': 'test-agent', 'X-ZapTrace-Reason': 'paging' });

type Page = { events: { seq: number; decision: string }[]; next_after_seq: number | null };

describe('cursor pagination of the audit view and the log', () => {
  it('pages followed by their cursors equal one large page, over REST and MCP', async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const sid = (await agent.post('/api/v1/sessions').set(dev('')).expect(201)).body.session_id as string;
    const post = (tool: string, cap: string, body: object) => agent.post(`/api/v1/tools/${tool}`).set(dev(cap)).set('X-ZapTrace-Session-Id', sid).send(body);
    await post('design_parse_str', 'preview-write', { yaml_content: ESP32_YAML(), design_name: 'esp' }).expect(200);
    for (let i = 0; i < 90; i++) {
      await post('component_add', 'sandbox-write', { design_name: 'esp', ref: `X${i}`, type_name: 'RES' }).expect(200);
      // A call beyond the caller's grant: denied, and audited as such.
      if (i % 9 === 0) await post('component_add', 'read', { design_name: 'esp', ref: `D${i}`, type_name: 'RES' }).expect(403);
    }
    const audit = async (query: string): Promise<Page> => (await agent.get(`/api/v1/audit/events?${query}`).set(dev('')).set('X-ZapTrace-Session-Id', sid).expect(200)).body as Page;
    const follow = async (query: string, limit: number, fetch: (q: string) => Promise<Page>) => {
      const out: Page['events'] = [];
      let after = 0;
      for (let pages = 0; pages < 100; pages++) {
        const page = await fetch(`${query}&limit=${limit}&after_seq=${after}`);
        expect(page.events.length).toBeLessThanOrEqual(limit);
        out.push(...page.events);
        if (page.next_after_seq === null) return out;
        expect(page.events).toHaveLength(limit);
        after = page.next_after_seq;
      }
      throw new Error('pages never ended');
    };

    const whole = (await audit('limit=1000')).events;
    expect(whole).toHaveLength(1 + 90 + 10);
    const paged = await follow('', 17, audit);
    expect(paged).toEqual(whole);
    expect(paged.map((e) => e.seq)).toEqual([...paged.map((e) => e.seq)].sort((a, b) => a - b));
    const denials = await follow('decision=deny', 4, audit);
    expect(denials).toEqual(whole.filter((e) => e.decision === 'deny'));
    expect(denials).toHaveLength(10);

    // The same view through an MCP client, paged by the tool's own cursor.
    const client = await mcpClient(runtime, localPrincipal('read', 'dev:test-agent'));
    const viaMcp = await follow('', 23, async (q) => {
      const args = Object.fromEntries(new URLSearchParams(q).entries());
      return (await callTool(client, 'audit_list_events', { session_id: sid, limit: Number(args['limit']), after_seq: Number(args['after_seq']) })).data as Page;
    });
    expect(viaMcp).toEqual(whole);

    // The log itself: session_events pages by from_seq, and equal the REST export without its head line.
    const exported = (await agent.get(`/api/v1/sessions/${sid}/events`).set(dev('')).expect(200)).text.trim().split('\n').map((l) => JSON.parse(l) as { seq?: number; head?: unknown });
    exported.pop();
    const logged: { seq: number }[] = [];
    let from: number | null = 1;
    for (let pages = 0; from !== null && pages < 100; pages++) {
      const page = (await callTool(client, 'session_events', { session_id: sid, from_seq: from, limit: 13 })).data as { events: { seq: number }[]; next_from_seq: number | null };
      logged.push(...page.events);
      from = page.next_from_seq;
    }
    expect(from).toBeNull();
    expect(logged.map((e) => e.seq)).toEqual(exported.map((e) => e.seq));
    const tail = (await agent.get(`/api/v1/sessions/${sid}/events?from=50`).set(dev('')).expect(200)).text.trim().split('\n').map((l) => JSON.parse(l) as { seq?: number });
    tail.pop();
    expect(tail.map((e) => e.seq)).toEqual(exported.filter((e) => e.seq! >= 50).map((e) => e.seq));
    await client.close();
  }, 60_000);
});
