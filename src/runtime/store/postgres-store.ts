import pg from 'pg';
import { Subject, filter, type Observable } from 'rxjs';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ZapTraceError } from '../../kernel/errors.js';
import type { SecurityRecord, SecuritySink } from '../security-log.js';
import { sha256Hex } from '../../kernel/hash.js';
import { GENESIS_HASH } from '../events/chain.js';
import { firstBrokenLink } from '../../kernel/hash-chain.js';
import type { AnyEvent } from '../events/types.js';
import { hashOfStoredText, storedLineOf } from '../events/stored-line.js';
import type { EventStore, QuarantinedSession, Snapshot } from './event-store.js';
import { logSignerFromPem, newLogKeyPem, type LogSigner } from './log-key.js';
import { migrate } from './postgres-schema.js';
import { headProblem, type SignedHead } from './signed-head.js';
import { createFlushQueue, groupForFlush, type PendingAppend } from './group-commit.js';

/**
 * The PostgreSQL event store (docs/postgres.md): several runtime nodes share one database. Events
 * are rows keyed by (session_id, seq), so two writers can never fork a chain: the second insert of a
 * seq violates the key, rolls back to its savepoint and answers STALE_STATE. Appends that arrive
 * while a flush is in flight share the next transaction (group commit), one signed head per session
 * per flush. Each commit NOTIFYs `zaptrace_events`; every node LISTENs, catches up the sessions it
 * holds, and replays the new events to its subscribers. A session is verified (chain and last signed
 * head) the first time a node touches it; a failure quarantines it on that node.
 */
export interface PostgresStoreOptions {
  url: string;
  /** A log key shared by the nodes; default: the database's own (zt_log_keys), created once. */
  signer?: LogSigner;
  log?: (entry: Record<string, unknown>) => void;
  now?: () => Date;
}

interface Tip {
  seq: number;
  hash: string;
  lastHead: SignedHead | null;
  first: AnyEvent | null;
}

const CHANNEL = 'zaptrace_events';
const RETRY_SECONDS = 5;
const unavailable = () =>
  new ZapTraceError('STORE_UNAVAILABLE', 'the event store (PostgreSQL) could not make this write durable; nothing was recorded, retry later', { retry_after_seconds: RETRY_SECONDS });

export type PostgresEventStore = EventStore & {
  close(): Promise<void>;
  ready(): Promise<boolean>;
  /** Where this node's security records go: a chain of its own, in the shared database. */
  securitySink(): SecuritySink;
};

export async function createPostgresEventStore(options: PostgresStoreOptions): Promise<PostgresEventStore> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  const pool = new pg.Pool({ connectionString: options.url, max: 10, connectionTimeoutMillis: 5000 });
  pool.on('error', () => undefined); // an idle client's broken connection: the pool replaces it
  await migrate(pool);
  const signer = options.signer ?? (await databaseSigner(pool));
  const tips = new Map<string, Tip>();
  const loading = new Map<string, Promise<Tip | null>>();
  const quarantined = new Map<string, QuarantinedSession>();
  const accepted = new Map<string, { seq: number; hash: string }>();
  const live = new Subject<AnyEvent>();
  let closed = false;

  /** Every query: a database that cannot answer is STORE_UNAVAILABLE (503, retry later), never a 500. */
  async function query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    try {
      return await pool.query<R>(text, values);
    } catch (err) {
      throw err instanceof ZapTraceError ? err : unavailable();
    }
  }

  const assertServed = (sessionId: string) => {
    const q = quarantined.get(sessionId);
    if (q) throw new ZapTraceError('SESSION_QUARANTINED', `the stored log of this session failed verification at seq ${q.line}: ${q.reason}`, { line: q.line, reason: q.reason });
  };

  /** Events of a range with the stored lines they were parsed from (the bytes their hashes cover). */
  async function rows(sessionId: string, from: number, to: number): Promise<{ events: AnyEvent[]; lines: string[] }> {
    const { rows: found } = await query<{ line: string }>('SELECT line FROM zt_events WHERE session_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq', [sessionId, from, to]);
    const lines = found.map((r) => r.line);
    return { events: lines.map((l) => JSON.parse(l) as AnyEvent), lines };
  }

  /** Checks events continue a chain from (seq, hash), each hashed from its stored line; returns the problem or null. */
  function chainProblem({ events, lines }: { events: readonly AnyEvent[]; lines: readonly string[] }, seq: number, hash: string, sessionId: string): { seq: number; reason: string } | null {
    const broken = firstBrokenLink(events, {
      after: { seq, hash },
      noun: 'event',
      check: (e) => (e.session_id !== sessionId ? 'event belongs to another session' : null),
      recompute: (e, i) => hashOfStoredText(e, lines[i]!),
    });
    return broken ? { seq: seq + broken.index + 1, reason: broken.reason } : null;
  }

  async function lastHeadOf(sessionId: string): Promise<SignedHead | null> {
    const { rows: h } = await query<{ head: SignedHead }>('SELECT head FROM zt_heads WHERE session_id = $1 ORDER BY seq DESC LIMIT 1', [sessionId]);
    return h[0]?.head ?? null;
  }

  /** First touch of a session on this node: verify its whole chain and its last signed head. */
  async function load(sessionId: string): Promise<Tip | null> {
    const stored = await rows(sessionId, 1, 2 ** 31 - 1);
    const { events } = stored;
    if (events.length === 0) return null;
    const head = await lastHeadOf(sessionId);
    let problem = chainProblem(stored, 0, GENESIS_HASH, sessionId);
    const last = events[events.length - 1]!;
    if (!problem && (!head || head.seq !== last.seq || head.hash !== last.hash)) problem = { seq: head ? head.seq : 1, reason: 'the last events are not covered by a signed head' };
    if (!problem && head) {
      const bad = headProblem(head, signer.publicKeyPem);
      if (bad) problem = { seq: head.seq, reason: bad };
    }
    if (problem) {
      const owner = (events[0]?.data as { owner?: string } | undefined)?.owner ?? null;
      quarantined.set(sessionId, { line: problem.seq, reason: problem.reason, owner: typeof owner === 'string' ? owner : null });
      log({ level: 'error', event: 'store.session_quarantined', session_id: sessionId, seq: problem.seq, reason: problem.reason });
      return null;
    }
    return { seq: last.seq, hash: last.hash, lastHead: head, first: Object.freeze(events[0]!) };
  }

  async function tipOf(sessionId: string): Promise<Tip | null> {
    assertServed(sessionId);
    const known = tips.get(sessionId);
    if (known) return known;
    let p = loading.get(sessionId);
    if (!p) {
      p = load(sessionId).finally(() => loading.delete(sessionId));
      loading.set(sessionId, p);
    }
    const tip = await p;
    assertServed(sessionId);
    if (tip && !tips.has(sessionId)) tips.set(sessionId, tip);
    return tips.get(sessionId) ?? null;
  }

  /** Another node appended: fetch what this node has not seen, check it continues the chain, publish it. */
  async function catchUp(sessionId: string): Promise<void> {
    const tip = tips.get(sessionId);
    if (!tip) return;
    const stored = await rows(sessionId, tip.seq + 1, 2 ** 31 - 1);
    const { events } = stored;
    if (events.length === 0) return;
    if (tips.get(sessionId) !== tip) return; // moved meanwhile (a local flush or another catch-up)
    const problem = chainProblem(stored, tip.seq, tip.hash, sessionId);
    if (problem) {
      tips.delete(sessionId);
      quarantined.set(sessionId, { line: problem.seq, reason: problem.reason, owner: null });
      return;
    }
    const last = events[events.length - 1]!;
    tips.set(sessionId, { seq: last.seq, hash: last.hash, lastHead: await lastHeadOf(sessionId), first: tip.first });
    accepted.delete(sessionId);
    for (const e of events) live.next(Object.freeze(e));
  }

  async function flush(batch: PendingAppend[]): Promise<void> {
    const { ids, appendsOf, eventsOf, heads } = groupForFlush(batch, signer, now().toISOString());
    const stale = new Set<string>();
    let client: pg.PoolClient | undefined;
    try {
      client = await pool.connect();
      await client.query('BEGIN');
      // One statement for every session of the batch, whatever its size. ON CONFLICT skips a seq another
      // node wrote first; a session with any row skipped has its own rows of this batch deleted again
      // (they are uncommitted and would chain onto a row that is not theirs) and answers STALE_STATE.
      const rowsOf = ids.flatMap((id) => eventsOf(id).map((e) => ({ id, e })));
      const inserted = await client.query<{ session_id: string; seq: number }>(
        `INSERT INTO zt_events (session_id, seq, hash, line)
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[])
         ON CONFLICT (session_id, seq) DO NOTHING RETURNING session_id, seq`,
        [rowsOf.map((r) => r.id), rowsOf.map((r) => r.e.seq), rowsOf.map((r) => r.e.hash), rowsOf.map((r) => storedLineOf(r.e))],
      );
      const got = new Map<string, number>();
      for (const r of inserted.rows) got.set(r.session_id, (got.get(r.session_id) ?? 0) + 1);
      for (const id of ids) if ((got.get(id) ?? 0) !== eventsOf(id).length) stale.add(id);
      if (stale.size > 0) {
        const undo = inserted.rows.filter((r) => stale.has(r.session_id));
        await client.query('DELETE FROM zt_events e USING unnest($1::text[], $2::int[]) AS u(session_id, seq) WHERE e.session_id = u.session_id AND e.seq = u.seq', [undo.map((r) => r.session_id), undo.map((r) => r.seq)]);
      }
      const kept = ids.map((id, i) => ({ id, head: heads[i]! })).filter((k) => !stale.has(k.id));
      await client.query('INSERT INTO zt_heads (session_id, seq, head) SELECT * FROM unnest($1::text[], $2::int[], $3::jsonb[])', [kept.map((k) => k.id), kept.map((k) => k.head.seq), kept.map((k) => JSON.stringify(k.head))]);
      await client.query('SELECT pg_notify($1, x) FROM unnest($2::text[]) AS x', [CHANNEL, kept.map((k) => `${k.id}:${k.head.seq}`)]);
      await client.query('COMMIT');
    } catch {
      await client?.query('ROLLBACK').catch(() => undefined);
      client?.release(true);
      client = undefined;
      for (const id of ids) accepted.delete(id);
      for (const p of batch) p.reject(unavailable());
      return;
    } finally {
      client?.release();
    }
    ids.forEach((id, i) => {
      const ps = appendsOf(id);
      if (stale.has(id)) {
        accepted.delete(id);
        void catchUp(id).catch(() => tips.delete(id));
        for (const p of ps) p.reject(new ZapTraceError('STALE_STATE', 'another node appended to this session first; re-read and retry', {}));
        return;
      }
      const evs = eventsOf(id);
      const last = evs[evs.length - 1]!;
      const before = tips.get(id);
      tips.set(id, { seq: last.seq, hash: last.hash, lastHead: heads[i]!, first: before?.first ?? evs[0]! });
      for (const p of ps) {
        for (const e of p.events) live.next(e);
        p.resolve(heads[i]!);
      }
    });
  }

  const queue = createFlushQueue(flush);

  const listener = await listen(options.url, (sessionId) => void catchUp(sessionId).catch(() => tips.delete(sessionId)), () => {
    // Notifications may have been missed while the connection was down: forget what is cached.
    tips.clear();
    accepted.clear();
  }, () => closed);

  const store: PostgresEventStore = {
    async append(sessionId, events, expectedSeq) {
      const tip = await tipOf(sessionId).catch((err: unknown) => {
        if (err instanceof ZapTraceError) throw err;
        throw unavailable();
      });
      const current = accepted.get(sessionId) ?? (tip ? { seq: tip.seq, hash: tip.hash } : { seq: 0, hash: GENESIS_HASH });
      if (current.seq !== expectedSeq) throw new ZapTraceError('STALE_STATE', 'the session log moved on; re-read and retry', { expected_seq: expectedSeq, actual_seq: current.seq });
      if (events.length === 0) return tip?.lastHead ?? null;
      let prev = current.hash;
      events.forEach((e, i) => {
        if (e.seq !== current.seq + i + 1 || e.prev_hash !== prev || e.session_id !== sessionId) throw new ZapTraceError('STALE_STATE', 'events do not extend the session head', { seq: e.seq });
        prev = e.hash;
      });
      accepted.set(sessionId, { seq: current.seq + events.length, hash: prev });
      return new Promise<SignedHead>((resolve, reject) => queue.push({ sessionId, events, resolve, reject }));
    },
    async read(sessionId, range = {}) {
      const tip = await tipOf(sessionId);
      if (!tip) return [];
      const from = Math.max(1, range.from ?? 1);
      const to = Math.min(tip.seq, range.to ?? tip.seq);
      if (to < from) return [];
      if (from === 1 && to === 1 && tip.first) return [tip.first];
      const stored = await rows(sessionId, from, to);
      const { events } = stored;
      // Each event re-hashed and linked; the range is anchored at genesis or, at its end, at the verified tip.
      const anchor = from === 1 ? GENESIS_HASH : (events[0]?.prev_hash ?? '');
      const drifted = to === tip.seq && events[events.length - 1]?.hash !== tip.hash;
      const problem = chainProblem(stored, from - 1, anchor, sessionId) ?? (drifted ? { seq: to, reason: 'changed in the database' } : null);
      if (problem || events.length !== to - from + 1) {
        quarantined.set(sessionId, { line: problem?.seq ?? from, reason: problem?.reason ?? 'events missing from the database', owner: null });
        assertServed(sessionId);
      }
      return events.map((e) => Object.freeze(e));
    },
    stream(sessionId?: string): Observable<AnyEvent> {
      return sessionId === undefined ? live.asObservable() : live.pipe(filter((e) => e.session_id === sessionId));
    },
    async sessions() {
      const { rows: found } = await query<{ session_id: string }>('SELECT DISTINCT session_id FROM zt_events WHERE seq = 1');
      return found.map((r) => r.session_id);
    },
    async head(sessionId) {
      // Read-your-writes across nodes: the database's head, not only what NOTIFY has brought so far.
      let tip = await tipOf(sessionId);
      if (!tip) return null;
      const { rows: latest } = await query<{ seq: number }>('SELECT max(seq) AS seq FROM zt_events WHERE session_id = $1', [sessionId]);
      if ((latest[0]?.seq ?? 0) > tip.seq) {
        await catchUp(sessionId);
        assertServed(sessionId);
        tip = tips.get(sessionId) ?? tip;
      }
      return { seq: tip.seq, hash: tip.hash };
    },
    async signedHead(sessionId) {
      return (await tipOf(sessionId))?.lastHead ?? null;
    },
    async coveringHead(sessionId) {
      return (await tipOf(sessionId))?.lastHead ?? null;
    },
    async saveSnapshot(sessionId, snapshot) {
      const sig = signer.sign(`zaptrace/snapshot/v1\n${sessionId}\n${snapshot.seq}\n${snapshot.hash}\n${sha256Hex(snapshot.payload)}`);
      await query('INSERT INTO zt_snapshots (session_id, seq, hash, payload, sig) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [sessionId, snapshot.seq, snapshot.hash, snapshot.payload, sig]);
    },
    async loadSnapshot(sessionId, atMost = 2 ** 31 - 1): Promise<Snapshot | null> {
      const { rows: found } = await query<{ seq: number; hash: string; payload: string; sig: string; event_hash: string | null }>(
        `SELECT s.seq, s.hash, s.payload, s.sig, e.hash AS event_hash FROM zt_snapshots s LEFT JOIN zt_events e ON e.session_id = s.session_id AND e.seq = s.seq
         WHERE s.session_id = $1 AND s.seq <= $2 ORDER BY s.seq DESC LIMIT 4`,
        [sessionId, atMost],
      );
      for (const s of found) {
        const intact = signer.verify(`zaptrace/snapshot/v1\n${sessionId}\n${s.seq}\n${s.hash}\n${sha256Hex(s.payload)}`, s.sig);
        if (intact && s.event_hash === s.hash) return { seq: s.seq, hash: s.hash, payload: s.payload };
        log({ level: 'warn', event: 'store.snapshot_ignored', session_id: sessionId, seq: s.seq });
      }
      return null;
    },
    publicKeyPem: signer.publicKeyPem,
    sharedByNodes: true,
    signer,
    quarantineOf: (sessionId) => quarantined.get(sessionId) ?? null,
    status: () => ({ quarantined: [...quarantined.entries()].map(([session_id, q]) => ({ session_id, ...q })), repairs: [] }),
    securitySink() {
      const node = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
      return {
        async append(records) {
          await pool.query('INSERT INTO zt_security (node, seq, record) SELECT $1, * FROM unnest($2::int[], $3::jsonb[])', [node, records.map((r) => r.seq), records.map((r) => JSON.stringify(r))]);
        },
        async readAll() {
          const { rows: found } = await pool.query<{ record: SecurityRecord }>('SELECT record FROM zt_security WHERE node = $1 ORDER BY seq', [node]);
          return found.map((r) => r.record);
        },
      };
    },
    async ready() {
      try {
        await query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      closed = true;
      await listener.close();
      await pool.end();
    },
  };
  return store;
}

/** The log key kept in the database, created by the first node that needs it. */
async function databaseSigner(pool: pg.Pool): Promise<LogSigner> {
  await pool.query('INSERT INTO zt_log_keys (name, private_pem) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', ['default', newLogKeyPem()]);
  const { rows } = await pool.query<{ private_pem: string }>('SELECT private_pem FROM zt_log_keys WHERE name = $1', ['default']);
  return logSignerFromPem(rows[0]!.private_pem);
}

/** LISTEN on a dedicated connection, reconnecting with back-off; `onGap` after every reconnect. */
async function listen(url: string, onEvent: (sessionId: string) => void, onGap: () => void, isClosed: () => boolean) {
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  const connect = async (delayMs: number): Promise<void> => {
    if (isClosed()) return;
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (msg) => {
      const sessionId = msg.payload?.split(':')[0];
      if (sessionId) onEvent(sessionId);
    });
    const retry = () => {
      if (client === c) client = null;
      if (isClosed()) return;
      timer = setTimeout(() => void connect(Math.min(delayMs * 2, 5000)), delayMs);
    };
    c.on('error', () => undefined);
    c.on('end', retry);
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
      client = c;
      onGap();
    } catch {
      c.removeListener('end', retry);
      await c.end().catch(() => undefined);
      retry();
    }
  };
  await connect(250);
  return {
    async close() {
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => undefined);
      }
    },
  };
}
