import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeEventHash } from '../../src/runtime/events/chain.js';
import type { AnyEvent } from '../../src/runtime/events/types.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/harness.js';
import { canMountTmpfs, fillDisk, mountSmallTmpfs } from '../helpers/full-disk.js';
import { killStoreServers, missingAcked, SMALL_DESIGN, storeServer, type StoreServer } from '../helpers/store-server.js';

/**
 * Fault tests through the real process (contract.md, "The log can be trusted"): kill -9 under load,
 * a full filesystem, damaged and forged files, truncation against a witness, two servers on one
 * directory, retried requests. Each prints its figure (acknowledged vs present).
 */
const figures: string[] = [];
afterAll(() => {
  killStoreServers();
  if (figures.length) console.log(`store fault figures:\n  ${figures.join('\n  ')}`);
});

async function seededSessions(server: StoreServer, count: number): Promise<string[]> {
  const sids: string[] = [];
  for (let i = 0; i < count; i++) {
    const sid = await server.session();
    const res = await server.tool(sid, 'design_parse_str', { yaml_content: SMALL_DESIGN, design_name: 'demo' });
    expect(res.status).toBe(200);
    sids.push(sid);
  }
  return sids;
}

/** Bounded load: each worker adds resistors to its session until stopped, the count or the time runs out. */
async function load(server: StoreServer, sids: string[], opts: { perSession: number; ms: number; prefix: string }) {
  const acked = new Map<string, string[]>(sids.map((s) => [s, []]));
  const statuses = new Map<number, number>();
  const deadline = Date.now() + opts.ms;
  await Promise.all(
    sids.map(async (sid) => {
      for (let i = 0; i < opts.perSession && Date.now() < deadline; i++) {
        const ref = `${opts.prefix}${i + 2}`;
        try {
          const res = await server.addResistor(sid, ref);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 200) acked.get(sid)!.push(ref);
          else await res.arrayBuffer();
        } catch {
          return; // the server went away: nothing after this is acknowledged
        }
      }
    }),
  );
  return { acked, statuses };
}

describe('store faults through zaptrace serve --store', () => {
  it('kill -9 under load, three times: every acknowledged command survives', async () => {
    const dir = tempDir('zt-kill-');
    const ws = tempDir();
    let server = await storeServer(dir, ws);
    const sids = await seededSessions(server, 8);
    const allAcked = new Map<string, string[]>(sids.map((s) => [s, []]));
    for (let round = 0; round < 3; round++) {
      const run = load(server, sids, { perSession: 400, ms: 4000, prefix: `K${round}_` });
      await new Promise((r) => setTimeout(r, 400 + round * 150));
      await server.kill9();
      const { acked } = await run;
      for (const [sid, refs] of acked) allAcked.get(sid)!.push(...refs);
      server = await storeServer(dir, ws);
    }
    const { total, missing } = await missingAcked(server, allAcked);
    figures.push(`kill -9 x3 under load: ${total} acknowledged, ${total - missing} present, ${missing} lost`);
    expect(total).toBeGreaterThan(0);
    expect(missing).toBe(0);
    const status = JSON.parse(runCli(['store', 'status', '--store', dir]).stdout) as { quarantined: unknown[] };
    expect(status.quarantined).toEqual([]);
    await server.stop();
  });

  it('a second server on the same store directory refuses to start and names the holder', async () => {
    const dir = tempDir('zt-two-');
    const server = await storeServer(dir, tempDir());
    await expect(storeServer(dir, tempDir())).rejects.toThrow(new RegExp(`in use by process ${server.child.pid}`));
    await server.stop();
    const again = await storeServer(dir, tempDir());
    await again.stop();
  });

  it('quarantines a damaged session after a restart, answers SESSION_QUARANTINED naming the line, and serves the rest', async () => {
    const dir = tempDir('zt-quarantine-');
    const ws = tempDir();
    let server = await storeServer(dir, ws);
    const [bad, good] = await seededSessions(server, 2);
    await server.stop();
    const file = join(dir, `${bad}.jsonl`);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(2, 0, '{"not":"an event"}');
    const damaged = lines.join('\n');
    writeFileSync(file, damaged);
    server = await storeServer(dir, ws);
    const res = await fetch(`${server.base}/api/v1/designs/demo`, { headers: server.headers(bad) });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string; details: { line: number } } }).error).toMatchObject({ code: 'SESSION_QUARANTINED', details: { line: 3 } });
    expect((await server.addResistor(bad!, 'R9')).status).toBe(409);
    expect((await server.refs(good!)).has('R1')).toBe(true);
    const listed = (await (await fetch(`${server.base}/api/v1/sessions`, { headers: server.headers() })).json()) as { sessions: { session_id: string; quarantined?: boolean }[] };
    expect(listed.sessions.find((x) => x.session_id === bad)).toMatchObject({ quarantined: true });
    expect(listed.sessions.find((x) => x.session_id === good)?.quarantined).toBeUndefined();
    expect(server.stderr()).toMatch(/"event":"store.session_quarantined"/);
    expect(readFileSync(file, 'utf8')).toBe(damaged);
    await server.stop();
  });

  it('forged appended approvals and checks with a recomputed chain are quarantined, so the release gate never sees them', async () => {
    const dir = tempDir('zt-forge-');
    const ws = tempDir();
    let server = await storeServer(dir, ws);
    const [sid] = await seededSessions(server, 1);
    await server.stop();
    const file = join(dir, `${sid}.jsonl`);
    const events = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('{"seq"')).map((l) => JSON.parse(l) as AnyEvent);
    let prev = events[events.length - 1]!;
    const forged = ['ValidationRecorded', 'ValidationRecorded', 'DesignCommitted'].map((type) => {
      const base = { ...prev, seq: prev.seq + 1, type, data: { design_name: 'demo', check: 'erc', passed: true, approval_id: 'forged' }, prev_hash: prev.hash };
      prev = { ...base, hash: computeEventHash(base) };
      return JSON.stringify(prev);
    });
    appendFileSync(file, `${forged.join('\n')}\n`);
    server = await storeServer(dir, ws);
    const res = await server.tool(sid!, 'export_kicad', { design_name: 'demo', approval_id: 'forged', output_dir: 'rel' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('SESSION_QUARANTINED');
    await server.stop();
  });

  it('audit verify with the log key catches edits, recomputed chains, rewritten denials, forged appends, and (given a witness) truncation', async () => {
    const dir = tempDir('zt-verify-');
    const server = await storeServer(dir, tempDir());
    const [sid] = await seededSessions(server, 1);
    const denied = await server.tool(sid!, 'export_kicad', { design_name: 'demo', approval_id: 'x', output_dir: 'o' }, { 'x-zaptrace-capabilities': 'sandbox-write' });
    expect(denied.status).toBe(403);
    const add = await server.addResistor(sid!, 'R2');
    const witness = add.headers.get('x-zaptrace-log-head');
    expect(witness).toBeTruthy();
    const keyPem = await (await fetch(`${server.base}/api/v1/log-key`)).text();
    expect(keyPem).toMatch(/BEGIN PUBLIC KEY/);
    const head = (await (await fetch(`${server.base}/api/v1/sessions/${sid}/head`, { headers: server.headers(sid) })).json()) as { head: { seq: number } };
    const exported = await server.events(sid!);
    await server.stop();
    expect(runCli(['log-key', '--store', dir]).stdout.trim()).toBe(keyPem.trim());

    const work = tempDir();
    const key = join(work, 'log.pem');
    writeFileSync(key, keyPem);
    const witnessFile = join(work, 'witness.txt');
    writeFileSync(witnessFile, witness!);
    const verify = (text: string, extra: string[] = []) => {
      const f = join(work, `log-${Math.random().toString(36).slice(2)}.jsonl`);
      writeFileSync(f, text);
      const res = runCli(['audit', 'verify', f, '--log-pubkey', key, ...extra]);
      return { code: res.code, out: JSON.parse(res.stdout || '{}') as { ok: boolean; problem?: { line: number; reason: string }; witness?: string } };
    };
    const lines = exported.trimEnd().split('\n');
    expect(lines.length).toBe(head.head.seq + 1);
    expect(verify(exported, ['--witness', witnessFile])).toMatchObject({ code: 0, out: { ok: true, witness: 'consistent' } });
    // The raw store file verifies too, every batch signature included.
    expect(runCli(['audit', 'verify', join(dir, `${sid}.jsonl`), '--log-pubkey', key]).code).toBe(0);

    const edited = exported.replace('"value":"1k"', '"value":"2k"');
    expect(verify(edited).out).toMatchObject({ ok: false, problem: { reason: expect.stringMatching(/hash/) } });

    const recompute = (mutate: (e: AnyEvent) => AnyEvent) => {
      let prev = '';
      return `${lines
        .map((l) => {
          const v = JSON.parse(l) as AnyEvent & { head?: { hash: string } };
          if (v.head) return JSON.stringify({ head: { ...v.head, hash: prev } });
          const base = { ...mutate(v), prev_hash: prev || v.prev_hash };
          prev = computeEventHash(base);
          return JSON.stringify({ ...base, hash: prev });
        })
        .join('\n')}\n`;
    };
    const rewrittenDenial = recompute((e) => (e.type === 'ToolDenied' ? { ...e, type: 'ToolAuthorized', data: { ...(e.data as object), decision: 'allow' } } : e));
    expect(verify(rewrittenDenial).out.ok).toBe(false);
    expect(runCli(['audit', 'verify', join(work, 'x.jsonl'), '--chain-only']).code).not.toBe(0); // missing file: an error, not a pass
    const chainOnly = join(work, 'rewritten.jsonl');
    writeFileSync(chainOnly, rewrittenDenial);
    expect(JSON.parse(runCli(['audit', 'verify', chainOnly, '--chain-only']).stdout).ok).toBe(true); // why a chain alone proves little

    const last = JSON.parse(lines[lines.length - 2]!) as AnyEvent;
    const forgedBase = { ...last, seq: last.seq + 1, type: 'DesignCommitted', prev_hash: last.hash };
    const forged = `${exported}${JSON.stringify({ ...forgedBase, hash: computeEventHash(forgedBase) })}\n`;
    expect(verify(forged).out).toMatchObject({ ok: false, problem: { reason: expect.stringMatching(/not covered/) } });

    // Cutting lines off an export leaves events no head covers.
    expect(verify(`${lines.slice(0, 3).join('\n')}\n`).out.ok).toBe(false);
    // Truncating the store file at a batch boundary leaves a consistent, signed log: only a witness reveals it.
    const stored = readFileSync(join(dir, `${sid}.jsonl`), 'utf8').trimEnd().split('\n');
    const lastHeadBeforeEnd = stored.slice(0, -1).map((l) => l.startsWith('{"head"')).lastIndexOf(true);
    const truncated = `${stored.slice(0, lastHeadBeforeEnd + 1).join('\n')}\n`;
    expect(verify(truncated).out.ok).toBe(true);
    const cut = verify(truncated, ['--witness', witnessFile]);
    expect(cut.code).toBe(1);
    expect(cut.out.witness).toMatch(/truncated/);
    expect(runCli(['audit', 'verify', join(dir, `${sid}.jsonl`)]).code).toBe(2); // refuses to bless a chain without a key
  });

  it('retried writes with an Idempotency-Key are written once, also across a restart; without a key a retry appends again', async () => {
    const dir = tempDir('zt-idem-');
    const ws = tempDir();
    let server = await storeServer(dir, ws);
    const [sid] = await seededSessions(server, 1);
    const count = async () => (await server.events(sid!)).split('\n').filter((l) => l.startsWith('{"seq"')).length;

    // Requests cut off mid-flight, then retried with the same key until answered.
    let cutOff = 0;
    let writtenAnyway = 0;
    for (let i = 0; i < 30; i++) {
      const ref = `C${i + 2}`;
      const key = `key-${ref}`;
      const ctl = new AbortController();
      setTimeout(() => ctl.abort(), i % 6);
      try {
        await (await server.addResistor(sid!, ref, { 'idempotency-key': key }, ctl.signal)).arrayBuffer();
      } catch {
        cutOff++;
        if ((await server.refs(sid!)).has(ref)) writtenAnyway++;
      }
      const retry = await server.addResistor(sid!, ref, { 'idempotency-key': key });
      expect(retry.status).toBe(200);
    }
    const audit = (await server.events(sid!)).split('\n').filter((l) => l.includes('"tool":"component_add"'));
    expect(audit.length).toBe(30);
    figures.push(`idempotent retries: ${cutOff} of 30 cut off mid-flight, ${writtenAnyway} of those written anyway, 0 duplicates after retries`);

    const first = await server.addResistor(sid!, 'R50', { 'idempotency-key': 'same' });
    const before = await count();
    const again = await server.addResistor(sid!, 'R50', { 'idempotency-key': 'same' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, result: ((await first.json()) as { result: unknown }).result });
    expect(await count()).toBe(before);
    const other = await server.addResistor(sid!, 'R51', { 'idempotency-key': 'same' });
    expect(other.status).toBe(422);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    await server.stop();
    server = await storeServer(dir, ws);
    const afterRestart = await server.addResistor(sid!, 'R50', { 'idempotency-key': 'same' });
    expect(afterRestart.status).toBe(200);
    expect(await count()).toBe(before);

    const created1 = await fetch(`${server.base}/api/v1/sessions`, { method: 'POST', headers: server.headers(undefined, { 'idempotency-key': 'new-session' }) });
    const created2 = await fetch(`${server.base}/api/v1/sessions`, { method: 'POST', headers: server.headers(undefined, { 'idempotency-key': 'new-session' }) });
    expect(await created2.json()).toEqual(await created1.json());

    // Without a key, the retry of a cut-off write is a second command.
    const noKey1 = await server.tool(sid!, 'board_update', { design_name: 'demo', width_mm: 41 });
    const n1 = await count();
    const noKey2 = await server.tool(sid!, 'board_update', { design_name: 'demo', width_mm: 41 });
    expect([noKey1.status, noKey2.status]).toEqual([200, 200]);
    expect(await count()).toBeGreaterThan(n1);
    await server.stop();
  });
});

/** A real full filesystem: a small tmpfs this test mounts (test/helpers/full-disk.ts). */
describe.skipIf(!canMountTmpfs && process.env['CI'] !== 'true')('store on a full disk', () => {
  it('answers 503 STORE_UNAVAILABLE with Retry-After when full, recovers when space returns, and loses nothing acknowledged across a restart', async () => {
    const { mnt, dir } = mountSmallTmpfs();
    try {
      const ws = tempDir();
      let server = await storeServer(dir, ws);
      const sids = await seededSessions(server, 4);
      const filler = fillDisk(mnt);
      const full = await load(server, sids, { perSession: 25, ms: 15_000, prefix: 'F' });
      const unavailable = full.statuses.get(503) ?? 0;
      expect(unavailable).toBeGreaterThan(0);
      const probe = await server.addResistor(sids[0]!, 'PROBE1');
      if (probe.status === 503) expect(Number(probe.headers.get('retry-after'))).toBeGreaterThan(0);
      rmSync(filler);
      const recovered = await load(server, sids, { perSession: 10, ms: 15_000, prefix: 'G' });
      expect(recovered.statuses.get(200)).toBe(40);
      await server.kill9();
      server = await storeServer(dir, ws);
      const acked = new Map(sids.map((s) => [s, [...full.acked.get(s)!, ...recovered.acked.get(s)!]]));
      const { total, missing } = await missingAcked(server, acked);
      figures.push(`full disk: ${[...full.statuses].map(([s, n]) => `${n}x${s}`).join(' ')} while full; ${total} acknowledged, ${total - missing} present after restart`);
      expect(missing).toBe(0);
      expect(server.stderr()).not.toMatch(/session_quarantined|tail_repaired/);
      await server.stop();
    } finally {
      execFileSync('umount', ['-l', mnt]);
    }
  });
});
