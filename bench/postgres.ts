import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

/**
 * Several nodes on one PostgreSQL (docs/postgres.md): writes over HTTP on loopback from SESSIONS
 * concurrent sessions, spread over two `zaptrace serve` nodes, against one node on PostgreSQL and one
 * node on the file store, in the same run. Every acknowledged write is then looked for in its own
 * session, in order, and in no other session (lost, reordered, leaked).
 */
const SESSIONS = Number(process.env['ZT_BENCH_PG_SESSIONS'] ?? 100);
const WRITES = Number(process.env['ZT_BENCH_PG_WRITES'] ?? 30);
const ADMIN = process.env['ZAPTRACE_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const DESIGN = "meta: {name: d}\nboard: {width_mm: 40, height_mm: 30, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n";
const headers = (sid?: string) => ({ 'content-type': 'application/json', 'x-zaptrace-capabilities': 'sandbox-write', 'x-zaptrace-actor': 'bench', ...(sid ? { 'x-zaptrace-session-id': sid } : {}) });

async function serve(store: string): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [resolve('dist/cli.cjs'), 'serve', '--port', '0', '--dev-capability-headers', '--rate-limit', '100000/100000', '--store', store, '--workspace', mkdtempSync(join(tmpdir(), 'zt-bench-ws-'))], { stdio: ['ignore', 'ignore', 'pipe'] });
  const base = await new Promise<string>((ok, fail) => {
    let err = '';
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) ok(m[1]!);
    });
    child.once('exit', () => fail(new Error(err.slice(0, 300))));
  });
  return { base, child };
}

async function run(bases: string[]) {
  const sids: { sid: string; base: string }[] = [];
  const created = performance.now();
  for (let i = 0; i < SESSIONS; i++) {
    const base = bases[i % bases.length]!;
    const sid = ((await (await fetch(`${base}/api/v1/sessions`, { method: 'POST', headers: headers() })).json()) as { session_id: string }).session_id;
    await (await fetch(`${base}/api/v1/tools/design_parse_str`, { method: 'POST', headers: headers(sid), body: JSON.stringify({ yaml_content: DESIGN, design_name: 'd' }) })).arrayBuffer();
    sids.push({ sid, base });
  }
  const sessionsPerS = SESSIONS / ((performance.now() - created) / 1000);
  const latencies: number[] = [];
  const acked = new Map<string, string[]>();
  const t0 = performance.now();
  await Promise.all(
    sids.map(async ({ sid }, k) => {
      const mine: string[] = [];
      for (let i = 0; i < WRITES; i++) {
        // Writes alternate between nodes: every session is served by all of them.
        const base = bases[(k + i) % bases.length]!;
        const ref = `S${k}_${i}`;
        const t = performance.now();
        const res = await fetch(`${base}/api/v1/tools/component_add`, { method: 'POST', headers: headers(sid), body: JSON.stringify({ design_name: 'd', ref, type_name: 'RES' }) });
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        if (res.status === 200) mine.push(ref);
      }
      acked.set(sid, mine);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  let lost = 0;
  let reordered = 0;
  let leaked = 0;
  for (const { sid } of sids) {
    const text = await (await fetch(`${bases[0]}/api/v1/sessions/${sid}/events`, { headers: headers() })).text();
    const refs = text
      .split('\n')
      .filter((l) => l.includes('"type":"ComponentAdded"'))
      .map((l) => (JSON.parse(l) as { data: { component: { ref: string } } }).data.component.ref);
    const mine = acked.get(sid)!;
    lost += mine.filter((r) => !refs.includes(r)).length;
    const k = sid === sids[0]!.sid ? 0 : sids.findIndex((s) => s.sid === sid);
    leaked += refs.filter((r) => !r.startsWith(`S${k}_`)).length;
    const order = refs.map((r) => Number(r.split('_')[1]));
    reordered += order.filter((v, i) => i > 0 && v < order[i - 1]!).length;
  }
  latencies.sort((a, b) => a - b);
  const total = [...acked.values()].reduce((n, a) => n + a.length, 0);
  return {
    sessions_created_per_s: Math.round(sessionsPerS),
    writes_per_s: Math.round(total / seconds),
    p50_ms: latencies[Math.floor(latencies.length * 0.5)]!.toFixed(1),
    p99_ms: latencies[Math.floor(latencies.length * 0.99)]!.toFixed(1),
    acknowledged: total,
    refused: SESSIONS * WRITES - total,
    lost,
    reordered,
    leaked,
  };
}

export async function benchPostgres(): Promise<Record<string, number | string>> {
  const name = `zt_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = ADMIN.replace(/\/[^/]*$/, `/${name}`);
  const children: ChildProcess[] = [];
  const out: Record<string, number | string> = { load: `${SESSIONS} sessions x ${WRITES} writes over HTTP (component_add)` };
  try {
    const a = await serve(url);
    const b = await serve(url);
    children.push(a.child, b.child);
    const two = await run([a.base, b.base]);
    for (const [k, v] of Object.entries(two)) out[`2 nodes on PostgreSQL: ${k}`] = v;
    b.child.kill('SIGTERM');
    const one = await run([a.base]);
    for (const [k, v] of Object.entries(one)) out[`1 node on PostgreSQL: ${k}`] = v;
    a.child.kill('SIGTERM');
    const file = await serve(mkdtempSync(join(tmpdir(), 'zt-bench-file-')));
    children.push(file.child);
    const f = await run([file.base]);
    for (const [k, v] of Object.entries(f)) out[`1 node on the file store: ${k}`] = v;
    out['ratio 2 PostgreSQL nodes / 1 file-store node (writes/s)'] = (two.writes_per_s / f.writes_per_s).toFixed(2);
    out['ratio 1 PostgreSQL node / 1 file-store node (writes/s)'] = (one.writes_per_s / f.writes_per_s).toFixed(2);
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
  return out;
}
