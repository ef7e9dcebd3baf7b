import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import { replay } from '../../src/runtime/projections/session-state.js';
import type { AnyEvent } from '../../src/runtime/events/types.js';
import { createFileEventStore } from '../../src/runtime/store/file-store.js';
import { loadOrCreateLogSigner } from '../../src/runtime/store/log-key.js';
import { createPostgresEventStore } from '../../src/runtime/store/postgres-store.js';
import { runCli } from '../helpers/cli.js';
import { callTool, httpApp, localPrincipal, mcpClient, newRuntime, tempDir } from '../helpers/harness.js';
import { freshDatabase, postgresAvailable } from '../helpers/postgres.js';

/**
 * The versioned event hash (src/runtime/events/stored-line.ts, docs/event-log.md "Hash chain"): lines
 * written before format 2 (no `log_format`, hash over canonical JSON) keep verifying the old way;
 * format-2 lines are hashed as the exact bytes stored. The fixture in fixtures/format-1 is a store
 * directory written by the code before format 2 (its key is a test key, used nowhere else).
 */
const FIXTURE = resolve(process.cwd(), 'test/runtime/fixtures/format-1');
const OWNER = 'fixture-owner';

function fixtureStore(): { dir: string; sid: string; file: string; pubkey: string } {
  const dir = tempDir('zt-format-');
  cpSync(FIXTURE, dir, { recursive: true });
  const name = readdirSync(dir).find((f) => f.endsWith('.jsonl'))!;
  const pubkey = join(tempDir(), 'log.pem');
  writeFileSync(pubkey, loadOrCreateLogSigner(join(dir, 'log-signing-key.pem')).publicKeyPem);
  return { dir, sid: name.replace(/\.jsonl$/, ''), file: join(dir, name), pubkey };
}

const auditVerify = (file: string, pubkey: string) => {
  const res = runCli(['audit', 'verify', file, '--log-pubkey', pubkey]);
  return { code: res.code, out: JSON.parse(res.stdout || '{}') as { ok: boolean; events: number; problem?: { line: number; reason: string } } };
};

const eventLines = (text: string) => text.split('\n').filter((l) => l !== '' && !l.startsWith('{"head"'));

/** The same text with one byte of line `index` (0-based) changed, at the first occurrence of `from` after `after`. */
function flipped(text: string, index: number, after: string, from: string, to: string): string {
  const lines = text.split('\n');
  const line = lines[index]!;
  const at = line.indexOf(from, line.indexOf(after));
  expect(at).toBeGreaterThan(0);
  lines[index] = `${line.slice(0, at)}${to}${line.slice(at + from.length)}`;
  return lines.join('\n');
}

async function appendThroughMcp(dir: string, sid: string, refs: string[]) {
  const store = createFileEventStore(dir);
  const runtime = await composeRuntime({ workspaceDir: tempDir(), store });
  const client = await mcpClient(runtime, localPrincipal('sandbox-write', OWNER));
  for (const ref of refs) {
    const res = await callTool(client, 'component_add', { session_id: sid, design_name: 'd', ref, type_name: 'RES', value: '1 kΩ', connections: { '1': 'VCC' } });
    expect(res.isError, JSON.stringify(res.data)).toBe(false);
  }
  const state = await runtime.state(sid);
  await client.close();
  store.close();
  return state;
}

describe('versioned event hash: format-1 logs keep verifying, format-2 lines hash their stored bytes', () => {
  it('a format-1 store file verifies, is served after a restart, and continues in format 2 without changing a byte', async () => {
    const { dir, sid, file, pubkey } = fixtureStore();
    const before = readFileSync(file, 'utf8');
    expect(before).not.toContain('log_format');
    expect(auditVerify(file, pubkey)).toMatchObject({ code: 0, out: { ok: true, events: 11 } });

    const live = await appendThroughMcp(dir, sid, ['R7', 'R8']);
    // Served again after a second restart (its state replayed from the mixed file), and still appending.
    const later = await appendThroughMcp(dir, sid, ['R9']);
    expect(Object.keys(later.designs['d']!.design.components)).toEqual(expect.arrayContaining(['R1', 'R2', 'R7', 'R8', 'R9']));
    expect(later.seq).toBe(live.seq + 1); // one event per allowed call (docs/event-log.md, "Audit events")

    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true); // old lines are never rewritten
    const added = eventLines(after.slice(before.length));
    expect(added).toHaveLength(3);
    for (const line of added) expect(line).toMatch(/^\{"seq":\d+,"log_format":2,.*,"hash":"[0-9a-f]{64}"\}$/);
    expect(auditVerify(file, pubkey)).toMatchObject({ code: 0, out: { ok: true, events: 14 } });

    const reopened = createFileEventStore(dir);
    expect(reopened.quarantineOf(sid)).toBeNull();
    const events = await reopened.read(sid);
    expect(events.map((e) => e.log_format ?? 1)).toEqual([...Array(11).fill(1), ...Array(3).fill(2)]);
    expect(replay(events).designs['d']!.hash).toBe(later.designs['d']!.hash);
    reopened.close();
  });

  it('the audit view shows a log written before audit records rode on events the same way, old calls and new alike', async () => {
    const { dir, sid, file } = fixtureStore();
    const old = readFileSync(file, 'utf8').split('\n').filter((l) => l.includes('"type":"ToolAuthorized"') || l.includes('"type":"ToolDenied"')).length;
    expect(old).toBe(6);
    await appendThroughMcp(dir, sid, ['R7']);
    const store = createFileEventStore(dir);
    const runtime = await composeRuntime({ workspaceDir: tempDir(), store });
    const client = await mcpClient(runtime, localPrincipal('read', OWNER));
    const audit = (await callTool(client, 'audit_list_events', { session_id: sid, limit: 1000 })).data.events as Record<string, unknown>[];
    // One record per audited call: the six old ones (a ToolAuthorized or ToolDenied event each) and the new call's, on its event.
    const types = audit.map((r) => r['event_type']);
    expect(types.filter((t) => t === 'ToolAuthorized')).toHaveLength(5);
    expect(types.filter((t) => t === 'ToolDenied')).toHaveLength(1);
    expect(types[types.length - 1]).toBe('ComponentAdded');
    for (const r of audit) expect(Object.keys(r).sort()).toEqual(Object.keys(audit[audit.length - 1]!).sort());
    expect(audit[audit.length - 1]).toMatchObject({ event_type: 'ComponentAdded', tool: 'component_add', decision: 'allow', outcome: 'ok', principal: OWNER });
    expect(audit.filter((r) => r['event_type'] === 'ToolDenied').map((r) => r['decision'])).toEqual(['deny']);
    expect(audit).toHaveLength(old + 1);
    await client.close();
    store.close();
  });

  it('a flipped byte is caught in either format, by audit verify and by the store on open', async () => {
    const { dir, sid, file, pubkey } = fixtureStore();
    await appendThroughMcp(dir, sid, ['R7']);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const old = lines.findIndex((l) => l.includes('"type":"DesignParsed"'));
    const fresh = lines.findIndex((l) => l.includes('"log_format":2') && l.includes('"type":"ComponentAdded"'));
    expect(old).toBeGreaterThan(0);
    expect(fresh).toBeGreaterThan(old);

    const cases = [
      { name: 'format 1, a value', line: old, text: flipped(text, old, '"R1"', '10k', '20k'), reason: /hash does not match/ },
      { name: 'format 2, a value', line: fresh, text: flipped(text, fresh, '"component"', '"R7"', '"R6"'), reason: /hash does not match/ },
      { name: 'format 2, the hash itself', line: fresh, text: flipped(text, fresh, '"hash":"', '"hash":"', '"hash":"0'), reason: /./ },
      { name: 'format 2, the format marker', line: fresh, text: flipped(text, fresh, '"seq"', '"log_format":2', '"log_format":3'), reason: /unknown log_format/ },
    ];
    for (const c of cases) {
      const res = auditVerify(writeCopy(c.text), pubkey);
      expect(res.code, c.name).toBe(1);
      expect(res.out.problem?.line, c.name).toBe(c.line + 1);
      expect(res.out.problem?.reason, c.name).toMatch(c.reason);

      const copy = tempDir('zt-format-flip-');
      cpSync(dir, copy, { recursive: true });
      writeFileSync(join(copy, `${sid}.jsonl`), c.text);
      const store = createFileEventStore(copy);
      expect(store.quarantineOf(sid)?.line, c.name).toBe(c.line + 1);
      store.close();
      expect(readFileSync(join(copy, `${sid}.jsonl`), 'utf8'), c.name).toBe(c.text); // left byte for byte
    }
  });

  it('the hash covers the stored bytes, not an event object: the same event with its keys reordered no longer verifies', async () => {
    const { dir, sid, file, pubkey } = fixtureStore();
    await appendThroughMcp(dir, sid, ['R7']);
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"log_format":2'));
    const event = JSON.parse(lines[at]!) as AnyEvent;
    // Same keys and values, sorted as a canonicaliser would: equal as objects, different as bytes.
    const sorted = Object.fromEntries(Object.entries(event).filter(([k]) => k !== 'hash').sort(([a], [b]) => (a < b ? -1 : 1)));
    const reordered = [...lines];
    reordered[at] = JSON.stringify({ ...sorted, hash: event.hash });
    expect(JSON.parse(reordered[at]!)).toEqual(event);
    const res = auditVerify(writeCopy(reordered.join('\n')), pubkey);
    expect(res.out).toMatchObject({ ok: false, problem: { line: at + 1, reason: expect.stringMatching(/hash/) } });
  });

  it('memory store: a new session exported over REST verifies with the log key and holds format-2 lines only', async () => {
    const { runtime } = await newRuntime();
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const dev = (cap: string) => ({ 'X-ZapTrace-Capabilities': cap, 'X-ZapTrace-Actor': 'format-test' });
    const sid = (await agent.post('/api/v1/sessions').set(dev('')).expect(201)).body.session_id as string;
    const yaml = "meta: {name: m}\nboard: {width_mm: 40, height_mm: 30, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: '10kΩ', footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";
    await agent.post('/api/v1/tools/design_parse_str').set(dev('preview-write')).set('X-ZapTrace-Session-Id', sid).send({ yaml_content: yaml, design_name: 'm' }).expect(200);
    for (const ref of ['R2', 'R3']) {
      await agent.post('/api/v1/tools/component_add').set(dev('sandbox-write')).set('X-ZapTrace-Session-Id', sid).send({ design_name: 'm', ref, type_name: 'RES', value: '4k7 ±1%', connections: { '1': 'A' } }).expect(200);
    }
    const exported = (await agent.get(`/api/v1/sessions/${sid}/events`).set(dev('')).expect(200)).text;
    const pem = (await agent.get('/api/v1/log-key').expect(200)).text;
    const events = eventLines(exported);
    expect(events.length).toBe(4);
    for (const line of events) expect(line).toContain('"log_format":2');
    const pubkey = join(tempDir(), 'log.pem');
    writeFileSync(pubkey, pem);
    expect(auditVerify(writeCopy(exported), pubkey)).toMatchObject({ code: 0, out: { ok: true, events: 4 } });
    const at = exported.split('\n').findIndex((l) => l.includes('"ref":"R3"') && l.includes('ComponentAdded'));
    expect(auditVerify(writeCopy(flipped(exported, at, '"R3"', '4k7', '4k8')), pubkey).out).toMatchObject({ ok: false, problem: { line: at + 1 } });
  });
});

const pgAvailable = await postgresAvailable();
if (!pgAvailable && process.env['CI'] === 'true') throw new Error('PostgreSQL is required under CI=true (127.0.0.1:5432)');

describe.skipIf(!pgAvailable)('versioned event hash on the PostgreSQL store', () => {
  it('format-1 rows verify on load, new events append in format 2, another node reads both back, and a changed byte in either is quarantined', async () => {
    const { dir, sid, file } = fixtureStore();
    const signer = loadOrCreateLogSigner(join(dir, 'log-signing-key.pem'));
    const db = await freshDatabase();
    const a = await createPostgresEventStore({ url: db.url, signer });
    const sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    try {
      // The fixture's lines, as a format-1 node would have stored them, with their signed heads.
      const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
      for (const line of lines) {
        const v = JSON.parse(line) as AnyEvent & { head?: { seq: number } };
        if (v.head) await sql.query('INSERT INTO zt_heads (session_id, seq, head) VALUES ($1, $2, $3)', [sid, v.head.seq, JSON.stringify(v.head)]);
        else await sql.query('INSERT INTO zt_events (session_id, seq, hash, line) VALUES ($1, $2, $3, $4)', [sid, v.seq, v.hash, line]);
      }
      const runtime = await composeRuntime({ workspaceDir: tempDir(), store: a });
      const client = await mcpClient(runtime, localPrincipal('sandbox-write', OWNER));
      const res = await callTool(client, 'component_add', { session_id: sid, design_name: 'd', ref: 'R7', type_name: 'RES', value: '1 kΩ', connections: { '1': 'VCC' } });
      expect(res.isError, JSON.stringify(res.data)).toBe(false);
      expect(a.quarantineOf(sid)).toBeNull();
      const live = await runtime.state(sid);
      await client.close();

      const stored = (await sql.query<{ seq: number; line: string }>('SELECT seq, line FROM zt_events WHERE session_id = $1 ORDER BY seq', [sid])).rows;
      expect(stored.map((r) => r.line.includes('"log_format":2'))).toEqual([...Array(11).fill(false), true]);

      const b = await createPostgresEventStore({ url: db.url, signer });
      const events = await b.read(sid);
      expect(b.quarantineOf(sid)).toBeNull();
      expect(events).toHaveLength(12);
      expect(replay(events).designs['d']!.hash).toBe(live.designs['d']!.hash);
      await b.close();

      for (const [seq, from, to] of [
        [3, '10k', '20k'],
        [12, '"R7"', '"R6"'],
      ] as const) {
        const original = stored[seq - 1]!.line;
        await sql.query('UPDATE zt_events SET line = $3 WHERE session_id = $1 AND seq = $2', [sid, seq, original.replace(from, to)]);
        const c = await createPostgresEventStore({ url: db.url, signer });
        await expect(c.read(sid)).rejects.toMatchObject({ code: 'SESSION_QUARANTINED' });
        expect(c.quarantineOf(sid)).toMatchObject({ line: seq, reason: expect.stringMatching(/hash does not match/) });
        await c.close();
        await sql.query('UPDATE zt_events SET line = $3 WHERE session_id = $1 AND seq = $2', [sid, seq, original]);
      }
    } finally {
      await sql.end();
      await a.close();
      await db.drop();
    }
  });
});

function writeCopy(text: string): string {
  const f = join(tempDir(), 'log.jsonl');
  writeFileSync(f, text);
  return f;
}
