import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/harness.js';
import { canMountTmpfs, fillDisk, mountSmallTmpfs } from '../helpers/full-disk.js';
import { killStoreServers, SMALL_DESIGN, storeServer, type StoreServer } from '../helpers/store-server.js';

/**
 * Pipelined commits (src/runtime/session-commit.ts) under kill -9 of a real `zaptrace serve --store`:
 * one session with many commands in flight at once, each building on events not yet durable. After
 * the restart every acknowledged command is in the log, the stored file verifies (chain and every
 * signed head, `zaptrace audit verify`), a keyed retry of an acknowledged command appends nothing,
 * and the session goes on (contract.md, "The log can be trusted").
 */
const figures: string[] = [];
afterAll(() => {
  killStoreServers();
  if (figures.length) console.log(`pipelined kill figures:\n  ${figures.join('\n  ')}`);
});

const IN_FLIGHT = 32;

/** Waves of IN_FLIGHT keyed component_add calls into one session until the server goes away. */
async function waves(server: StoreServer, sid: string, prefix: string, stop: { now: boolean }) {
  const acked: string[] = [];
  for (let w = 0; w < 200 && !stop.now; w++) {
    const refs = Array.from({ length: IN_FLIGHT }, (_, i) => `${prefix}${w}_${i}`);
    const answers = await Promise.all(
      refs.map(async (ref) => {
        try {
          const res = await server.addResistor(sid, ref, { 'idempotency-key': `k-${ref}` });
          await res.arrayBuffer();
          return res.status;
        } catch {
          return 0; // the server went away: not acknowledged
        }
      }),
    );
    answers.forEach((status, i) => status === 200 && acked.push(refs[i]!));
    if (answers.includes(0)) break;
  }
  return acked;
}

describe('pipelined commits: kill -9 of zaptrace serve with one session\'s commands in flight', () => {
  it('every acknowledged command survives, the log verifies, keyed retries append nothing, and the session goes on', async () => {
    const dir = tempDir('zt-pipekill-');
    const ws = tempDir();
    let server = await storeServer(dir, ws);
    const sid = await server.session();
    expect((await server.tool(sid, 'design_parse_str', { yaml_content: SMALL_DESIGN, design_name: 'demo' })).status).toBe(200);
    const keyPem = await (await fetch(`${server.base}/api/v1/log-key`)).text();
    const acked: string[] = [];
    for (let round = 0; round < 2; round++) {
      const stop = { now: false };
      const run = waves(server, sid, `K${round}_`, stop);
      await new Promise((r) => setTimeout(r, 500 + round * 200));
      await server.kill9();
      stop.now = true;
      acked.push(...(await run));
      server = await storeServer(dir, ws);
    }
    const present = await server.refs(sid);
    const missing = acked.filter((r) => !present.has(r));
    figures.push(`kill -9 x2, ${IN_FLIGHT} in flight in one session: ${acked.length} acknowledged, ${acked.length - missing.length} present, ${missing.length} lost`);
    expect(acked.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    const status = JSON.parse(runCli(['store', 'status', '--store', dir]).stdout) as { quarantined: unknown[] };
    expect(status.quarantined).toEqual([]);

    // Keyed retries of acknowledged commands: their first outcome, nothing appended.
    const before = (await server.events(sid)).trimEnd().split('\n').length;
    for (const ref of acked.slice(-8)) {
      const res = await server.addResistor(sid, ref, { 'idempotency-key': `k-${ref}` });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    expect((await server.events(sid)).trimEnd().split('\n').length).toBe(before);

    // The session goes on, in flight again.
    const more = await Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => server.addResistor(sid, `N${i}`).then((r) => r.status)));
    expect(new Set(more)).toEqual(new Set([200]));
    await server.stop();

    const work = tempDir();
    const key = join(work, 'log.pem');
    writeFileSync(key, keyPem);
    const file = join(dir, `${sid}.jsonl`);
    expect(readFileSync(file, 'utf8').length).toBeGreaterThan(0);
    const verified = runCli(['audit', 'verify', file, '--log-pubkey', key]);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
  });
});

/** The design's hash as a server shows it (the live projection, or the one rebuilt from the log after a restart). */
async function designHash(server: StoreServer, sid: string): Promise<string> {
  const res = await fetch(`${server.base}/api/v1/designs/demo`, { headers: server.headers(sid) });
  const hash = ((await res.json()) as { summary: { design_hash: string } }).summary.design_hash;
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  return hash;
}

/** A real full filesystem (test/helpers/full-disk.ts), as in test/surfaces/store-faults.test.ts. */
describe.skipIf(!canMountTmpfs && process.env['CI'] !== 'true')('pipelined commits on a full disk through zaptrace serve', () => {
  it('every refusal in flight is 503 STORE_UNAVAILABLE with Retry-After and left nothing; the live design equals the log replayed after kill -9; the log verifies', async () => {
    const { mnt, dir } = mountSmallTmpfs();
    try {
      const ws = tempDir();
      let server = await storeServer(dir, ws);
      const sid = await server.session();
      expect((await server.tool(sid, 'design_parse_str', { yaml_content: SMALL_DESIGN, design_name: 'demo' })).status).toBe(200);
      const keyPem = await (await fetch(`${server.base}/api/v1/log-key`)).text();
      const filler = fillDisk(mnt);
      const acked: string[] = [];
      const refused: string[] = [];
      const wave = async (prefix: string) => {
        const refs = Array.from({ length: IN_FLIGHT }, (_, i) => `${prefix}${i}`);
        const answers = await Promise.all(refs.map(async (ref) => {
          const res = await server.addResistor(sid, ref);
          const body = (await res.json()) as { error?: { code: string } };
          return { ref, status: res.status, code: body.error?.code, retry: res.headers.get('retry-after') };
        }));
        for (const a of answers) {
          if (a.status === 200) acked.push(a.ref);
          else {
            expect(a).toMatchObject({ status: 503, code: 'STORE_UNAVAILABLE' });
            expect(Number(a.retry)).toBeGreaterThan(0);
            refused.push(a.ref);
          }
        }
      };
      for (let w = 0; w < 4; w++) await wave(`F${w}_`);
      expect(refused.length).toBeGreaterThan(0);
      rmSync(filler);
      const ackedWhileFull = acked.length;
      for (let w = 0; w < 2; w++) await wave(`G${w}_`);
      expect(acked.length - ackedWhileFull).toBe(2 * IN_FLIGHT);
      const live = await designHash(server, sid);
      const liveRefs = await server.refs(sid);
      await server.kill9();
      server = await storeServer(dir, ws);
      const present = await server.refs(sid);
      figures.push(`full disk, ${IN_FLIGHT} in flight in one session: ${acked.length} acknowledged, ${refused.length} refused 503; after kill -9 ${acked.filter((r) => present.has(r)).length} acknowledged present, ${refused.filter((r) => present.has(r)).length} refused present`);
      expect(acked.filter((r) => !present.has(r))).toEqual([]);
      expect(refused.filter((r) => present.has(r) || liveRefs.has(r))).toEqual([]);
      // The projection served before the kill (rolled back after each failed flush) is the log's.
      expect(await designHash(server, sid)).toBe(live);
      expect(server.stderr()).not.toMatch(/session_quarantined|tail_repaired/);
      await server.stop();
      const key = join(tempDir(), 'log.pem');
      writeFileSync(key, keyPem);
      const verified = runCli(['audit', 'verify', join(dir, `${sid}.jsonl`), '--log-pubkey', key]);
      expect(verified.code).toBe(0);
    } finally {
      execFileSync('umount', ['-l', mnt]);
    }
  });
});
