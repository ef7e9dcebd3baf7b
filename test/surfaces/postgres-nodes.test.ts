import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import type { AnyEvent } from '../../src/runtime/events/types.js';
import { computeEventHash } from '../../src/runtime/events/chain.js';
import type { Principal } from '../../src/runtime/principal.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { createPostgresEventStore, type PostgresEventStore } from '../../src/runtime/store/postgres-store.js';
import { parseLog, verifyParsedLog } from '../../src/runtime/store/verify-log.js';
import { execFileSync } from 'node:child_process';
import { freshDatabase, postgresAvailable } from '../helpers/postgres.js';
import { runCli } from '../helpers/cli.js';
import { SCHEMA_VERSION } from '../../src/runtime/store/postgres-schema.js';
import { tempDir } from '../helpers/harness.js';
import { killStoreServers, missingAcked, SMALL_DESIGN, storeServer, type StoreServer } from '../helpers/store-server.js';

const available = await postgresAvailable();
if (!available && process.env['CI'] === 'true') throw new Error('PostgreSQL is required under CI=true (127.0.0.1:5432)');

const SMALL = "meta: {name: demo}\nboard: {width_mm: 40, height_mm: 30, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";
const principal: Principal = { id: 'local:pg', authSource: 'config', grant: 'sandbox-write' };
const call = { principal, surface: 'cli' as const, actor: 'pg-test', reason: '', requestId: 'r' };

async function node(url: string): Promise<{ store: PostgresEventStore; runtime: Runtime }> {
  const store = await createPostgresEventStore({ url });
  return { store, runtime: await composeRuntime({ workspaceDir: tempDir(), store }) };
}

const add = (runtime: Runtime, sid: string, ref: string) =>
  runtime.invoke({ tool: 'component_add', input: { design_name: 'demo', ref, type_name: 'RES', value: '1k' }, call: { ...call, requestId: ref }, sessionId: sid });

async function until<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!available)('PostgreSQL event store: two nodes, one truth', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let a: Awaited<ReturnType<typeof node>>;
  let b: Awaited<ReturnType<typeof node>>;
  beforeAll(async () => {
    db = await freshDatabase();
    a = await node(db.url);
    b = await node(db.url); // migrations ran once; the second node finds the schema current
  });
  afterAll(async () => {
    await a?.store.close();
    await b?.store.close();
    await db?.drop();
  });

  it('a session created on node A is read and written on node B, and A sees B’s write', async () => {
    const sid = await a.runtime.createSession(principal, { surface: 'cli', actor: 't', requestId: 'c' });
    await a.runtime.invoke({ tool: 'design_parse_str', input: { yaml_content: SMALL, design_name: 'demo' }, call, sessionId: sid });
    expect(Object.keys((await b.runtime.state(sid)).designs)).toEqual(['demo']);
    await add(b.runtime, sid, 'R2');
    const seen = await until(async () => ((await a.runtime.state(sid)).designs['demo']!.component_count === 2 ? true : undefined), 2000);
    expect(seen).toBe(true);
    expect(b.store.publicKeyPem).toBe(a.store.publicKeyPem); // one log key, kept in the database
  });

  it('a subscriber on node B gets node A’s events within a second (LISTEN/NOTIFY)', async () => {
    const sid = await a.runtime.createSession(principal, { surface: 'cli', actor: 't', requestId: 'c' });
    await a.runtime.invoke({ tool: 'design_parse_str', input: { yaml_content: SMALL, design_name: 'demo' }, call, sessionId: sid });
    await b.runtime.state(sid); // B holds the session
    const got: AnyEvent[] = [];
    const sub = b.store.stream(sid).subscribe((e) => got.push(e));
    const t0 = performance.now();
    await add(a.runtime, sid, 'R3');
    const arrived = await until(async () => (got.some((e) => e.type === 'ComponentAdded') ? performance.now() - t0 : undefined), 1000);
    sub.unsubscribe();
    expect(arrived).toBeDefined();
    console.log(`NOTIFY latency A → B subscriber: ${arrived!.toFixed(1)} ms`);
  });

  it('concurrent writes to one session through both nodes form one linear chain holding every acknowledged command', async () => {
    const sid = await a.runtime.createSession(principal, { surface: 'cli', actor: 't', requestId: 'c' });
    await a.runtime.invoke({ tool: 'design_parse_str', input: { yaml_content: SMALL, design_name: 'demo' }, call, sessionId: sid });
    const acked: string[] = [];
    const conflicts: string[] = [];
    await Promise.all(
      [a, b].map(async (n, k) => {
        for (let i = 0; i < 40; i++) {
          const ref = `N${k}_${i}`;
          try {
            await add(n.runtime, sid, ref);
            acked.push(ref);
          } catch (err) {
            const code = (err as { code?: string }).code;
            expect(code).toBe('STALE_STATE');
            conflicts.push(ref);
          }
        }
      }),
    );
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ seq: number; line: string }>('SELECT seq, line FROM zt_events WHERE session_id = $1 ORDER BY seq', [sid]);
    const heads = await client.query<{ seq: number; head: unknown }>('SELECT seq, head FROM zt_heads WHERE session_id = $1 ORDER BY seq', [sid]);
    await client.end();
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_r, i) => i + 1));
    // The database's rows, laid out as a log file with the last signed head, verify like any export.
    const last = heads.rows[heads.rows.length - 1]!;
    const text = `${rows.map((r) => r.line).join('\n')}\n${JSON.stringify({ head: last.head })}\n`;
    expect(verifyParsedLog(parseLog(text), { publicKey: a.store.publicKeyPem, everySignature: true }).ok).toBe(true);
    const added = rows.map((r) => JSON.parse(r.line) as AnyEvent).filter((e) => e.type === 'ComponentAdded').map((e) => (e.data as { component: { ref: string } }).component.ref);
    expect(added.sort()).toEqual([...acked].sort());
    console.log(`two nodes, one session: ${acked.length} acknowledged, ${added.length} present, ${conflicts.length} answered STALE_STATE (409)`);
  });

  it('in one flush, a session another node wrote first answers STALE_STATE and leaves no row, while the others commit', async () => {
    const sx = await a.runtime.createSession(principal, { surface: 'cli', actor: 't', requestId: 'c' });
    const sy = await a.runtime.createSession(principal, { surface: 'cli', actor: 't', requestId: 'c' });
    const next = async (store: PostgresEventStore, sid: string, tag: string): Promise<AnyEvent[]> => {
      const head = (await store.head(sid))!;
      const template = (await store.read(sid, { from: 1, to: 1 }))[0]!;
      const first = { ...template, seq: head.seq + 1, id: `${tag}1`, type: 'Noted', data: { tag }, prev_hash: head.hash };
      const e1 = { ...first, hash: computeEventHash(first) };
      const second = { ...template, seq: head.seq + 2, id: `${tag}2`, type: 'Noted', data: { tag }, prev_hash: e1.hash };
      return [e1, { ...second, hash: computeEventHash(second) }];
    };
    const fromA = await next(a.store, sx, 'a');
    const fromAy = await next(a.store, sy, 'y');
    await b.store.append(sx, (await next(b.store, sx, 'b')).slice(0, 1), fromA[0]!.seq - 1); // B takes seq n+1 of X
    const results = await Promise.allSettled([a.store.append(sx, fromA, fromA[0]!.seq - 1), a.store.append(sy, fromAy, fromAy[0]!.seq - 1)]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { code: 'STALE_STATE' } });
    expect(results[1]).toMatchObject({ status: 'fulfilled' });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const x = await client.query<{ line: string }>('SELECT line FROM zt_events WHERE session_id = $1 ORDER BY seq', [sx]);
    await client.end();
    expect(x.rows.map((r) => (JSON.parse(r.line) as AnyEvent).id)).toEqual([expect.any(String), 'b1']); // A's a2 was undone with a1
  });

  it('refuses a database whose schema is newer than the code', async () => {
    const other = await freshDatabase();
    try {
      const first = runCli(['db', 'migrate', '--store', other.url]);
      expect(JSON.parse(first.stdout)).toEqual({ ok: true, schema_from: 0, schema_to: SCHEMA_VERSION });
      expect(JSON.parse(runCli(['db', 'migrate', '--store', other.url]).stdout)).toEqual({ ok: true, schema_from: SCHEMA_VERSION, schema_to: SCHEMA_VERSION });
      const n = await node(other.url);
      await n.store.close();
      const client = new pg.Client({ connectionString: other.url });
      await client.connect();
      await client.query('UPDATE zt_schema SET version = 99');
      await client.end();
      await expect(createPostgresEventStore({ url: other.url })).rejects.toThrow(/schema is version 99, newer than this code/);
      const refused = runCli(['db', 'migrate', '--store', other.url]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/schema is version 99, newer than this code/);
    } finally {
      await other.drop();
    }
  });
});

/** Stops or starts the machine's PostgreSQL cluster (facts.md: pg_ctlcluster). */
function cluster(action: 'stop' | 'start'): void {
  const version = execFileSync('ls', ['/etc/postgresql'], { encoding: 'utf8' }).trim().split('\n')[0]!;
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action], { stdio: 'ignore' });
}

describe.skipIf(!available)('PostgreSQL store through two `zaptrace serve` processes', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    killStoreServers();
    try {
      cluster('start'); // never leave the machine's database down
    } catch {
      // already running
    }
    await db?.drop();
  });

  async function seeded(server: StoreServer, n: number): Promise<string[]> {
    const sids: string[] = [];
    for (let i = 0; i < n; i++) {
      const sid = await server.session();
      expect((await server.tool(sid, 'design_parse_str', { yaml_content: SMALL_DESIGN, design_name: 'demo' })).status).toBe(200);
      sids.push(sid);
    }
    return sids;
  }

  it('node B serves a session node A created, its SSE stream shows A’s writes, and kill -9 of A loses nothing acknowledged', async () => {
    const ws = tempDir();
    const nodeA = await storeServer(db.url, ws);
    const nodeB = await storeServer(db.url, ws);
    const [sid] = await seeded(nodeA, 1);
    expect((await nodeB.addResistor(sid!, 'R2')).status).toBe(200);
    expect((await nodeA.refs(sid!)).has('R2')).toBe(true);

    const abort = new AbortController();
    const stream = await fetch(`${nodeB.base}/api/v1/sessions/${sid}/stream`, { headers: nodeB.headers(), signal: abort.signal });
    const reader = stream.body!.getReader();
    let text = '';
    const t0 = performance.now();
    expect((await nodeA.addResistor(sid!, 'R3')).status).toBe(200);
    while (!text.includes('"ref":"R3"') && performance.now() - t0 < 1000) {
      const chunk = await Promise.race([reader.read(), new Promise<{ value: undefined }>((r) => setTimeout(() => r({ value: undefined }), 1000))]);
      if (chunk.value) text += new TextDecoder().decode(chunk.value);
    }
    abort.abort();
    expect(text).toContain('"ref":"R3"');
    console.log(`SSE on node B saw node A's write after ${(performance.now() - t0).toFixed(0)} ms`);

    // kill -9 of A while both nodes take writes for their own sessions.
    const sidsA = await seeded(nodeA, 4);
    const ackedA = new Map<string, string[]>(sidsA.map((s) => [s, []]));
    const loadA = Promise.all(
      sidsA.map(async (s) => {
        for (let i = 0; i < 200; i++) {
          try {
            const res = await nodeA.addResistor(s, `K${i + 2}`);
            if (res.status === 200) ackedA.get(s)!.push(`K${i + 2}`);
          } catch {
            return;
          }
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 500));
    await nodeA.kill9();
    await loadA;
    const { total, missing } = await missingAcked(nodeB, ackedA);
    console.log(`kill -9 of node A under load: ${total} acknowledged, ${total - missing} present on node B`);
    expect(total).toBeGreaterThan(0);
    expect(missing).toBe(0);
    expect((await nodeB.addResistor(sidsA[0]!, 'AFTER')).status).toBe(200);

    // Security records live in the database too: a rejected token on node B.
    const forged = await fetch(`${nodeB.base}/api/v1/sessions`, { method: 'POST', headers: { ...nodeB.headers(), authorization: 'Bearer forged.token.value' } });
    expect(forged.status).toBe(401);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const recorded = await until(async () => {
      const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM zt_security WHERE record->>'reason' = 'AUTH_REQUIRED'");
      return Number(rows[0]!.n) > 0 ? true : undefined;
    }, 2000);
    await client.end();
    expect(recorded).toBe(true);
    await nodeB.stop();
  });

  it('PostgreSQL stopped and started under load: writes answer 503 STORE_UNAVAILABLE while it is down and succeed again without restarting the node', async () => {
    const node = await storeServer(db.url, tempDir());
    const sids = await seeded(node, 4);
    const statuses = new Map<number, number>();
    const acked = new Map<string, string[]>(sids.map((s) => [s, []]));
    let stop = false;
    const load = Promise.all(
      sids.map(async (s) => {
        for (let i = 0; i < 2000 && !stop; i++) {
          const res = await node.addResistor(s, `P${i + 2}`);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 200) acked.get(s)!.push(`P${i + 2}`);
          else {
            const body = (await res.json()) as { error: { code: string } };
            expect(['STORE_UNAVAILABLE', 'STALE_STATE', 'INVALID_INPUT']).toContain(body.error.code);
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    cluster('stop');
    const down = await node.addResistor(sids[0]!, 'DOWN');
    expect(down.status).toBe(503);
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await down.json()) as { error: { code: string } }).error.code).toBe('STORE_UNAVAILABLE');
    await new Promise((r) => setTimeout(r, 500));
    cluster('start');
    const after = await until(async () => ((await node.addResistor(sids[0]!, 'BACK')).status === 200 ? true : undefined), 20_000);
    stop = true;
    await load;
    expect(after).toBe(true);
    const { total, missing } = await missingAcked(node, acked);
    console.log(`PostgreSQL stopped and started under load: ${[...statuses].map(([k, v]) => `${v}x${k}`).join(' ')}; ${total} acknowledged, ${total - missing} present`);
    expect(missing).toBe(0);
    await node.stop();
  });
});
