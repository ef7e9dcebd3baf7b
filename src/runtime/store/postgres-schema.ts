import type { Pool, PoolClient } from 'pg';

/**
 * Versioned schema of the PostgreSQL event store (docs/postgres.md). Migrations run in order inside
 * one transaction under an advisory lock, so two nodes starting together migrate once. A database
 * whose schema is newer than this code is refused: an old node must not write into a log whose
 * format it does not know.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE zt_events (
     global_pos bigserial PRIMARY KEY,
     session_id text NOT NULL,
     seq integer NOT NULL,
     hash text NOT NULL,
     line text NOT NULL,
     UNIQUE (session_id, seq)
   );
   CREATE TABLE zt_heads (
     session_id text NOT NULL,
     seq integer NOT NULL,
     head jsonb NOT NULL,
     PRIMARY KEY (session_id, seq)
   );
   CREATE TABLE zt_snapshots (
     session_id text NOT NULL,
     seq integer NOT NULL,
     hash text NOT NULL,
     payload text NOT NULL,
     sig text NOT NULL,
     PRIMARY KEY (session_id, seq)
   );
   CREATE TABLE zt_log_keys (
     name text PRIMARY KEY,
     private_pem text NOT NULL
   );`,
  // Security records: one hash chain per node process (contract.md, "Audit evidence").
  `CREATE TABLE zt_security (
     node text NOT NULL,
     seq integer NOT NULL,
     record jsonb NOT NULL,
     global_pos bigserial,
     PRIMARY KEY (node, seq)
   );`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
/** pg_advisory_xact_lock key: "zapt" in ASCII. */
const MIGRATION_LOCK = 0x7a617074;

export class SchemaTooNewError extends Error {}

async function currentVersion(client: PoolClient): Promise<number> {
  await client.query('CREATE TABLE IF NOT EXISTS zt_schema (version integer NOT NULL)');
  const { rows } = await client.query<{ version: number }>('SELECT version FROM zt_schema');
  return rows[0]?.version ?? 0;
}

/** Brings the schema to SCHEMA_VERSION; returns the versions applied. */
export async function migrate(pool: Pool): Promise<{ from: number; to: number }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const from = await currentVersion(client);
    if (from > SCHEMA_VERSION) {
      throw new SchemaTooNewError(`the database schema is version ${from}, newer than this code (${SCHEMA_VERSION}); upgrade zaptrace before serving it`);
    }
    for (let v = from; v < SCHEMA_VERSION; v++) await client.query(MIGRATIONS[v]!);
    if (from === 0) await client.query('INSERT INTO zt_schema (version) VALUES ($1)', [SCHEMA_VERSION]);
    else if (from < SCHEMA_VERSION) await client.query('UPDATE zt_schema SET version = $1', [SCHEMA_VERSION]);
    await client.query('COMMIT');
    return { from, to: SCHEMA_VERSION };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
