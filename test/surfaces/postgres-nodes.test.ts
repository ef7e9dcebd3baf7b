import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import type { AnyEvent } from '../../src/runtime/events/types.js';
import type { Principal } from '../../src/runtime/principal.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { createPostgresEventStore, type PostgresEventStore } from '../../src/runtime/store/postgres-store.js';
import { parseLog, verifyParsedLog } from '../../src/runtime/store/verify-log.js';
import { freshDatabase, postgresAvailable } from '../helpers/postgres.js';
import { tempDir } from '../helpers/harness.js';

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

  it('refuses a database whose schema is newer than the code', async () => {
    const other = await freshDatabase();
    try {
      const n = await node(other.url);
      await n.store.close();
      const client = new pg.Client({ connectionString: other.url });
      await client.connect();
      await client.query('UPDATE zt_schema SET version = 99');
      await client.end();
      await expect(createPostgresEventStore({ url: other.url })).rejects.toThrow(/schema is version 99, newer than this code/);
    } finally {
      await other.drop();
    }
  });
});
