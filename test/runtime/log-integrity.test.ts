import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import { computeEventHash } from '../../src/runtime/events/chain.js';
import type { AnyEvent } from '../../src/runtime/events/types.js';
import { createFileEventStore } from '../../src/runtime/store/file-store.js';
import { ephemeralLogSigner } from '../../src/runtime/store/log-key.js';
import { headProblem, signBatch } from '../../src/runtime/store/signed-head.js';
import { callTool, localPrincipal, mcpClient, tempDir } from '../helpers/harness.js';

const SMALL = "meta: {name: demo}\nboard: {width_mm: 20, height_mm: 10, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k, footprint: '0402'}\nnets:\n  A: {nodes: [R1.1]}\n  B: {nodes: [R1.2]}\n";

/** A store directory holding two sessions written through MCP; the store is closed (lock released). */
async function storeWithSessions(dir = tempDir('zt-integrity-')) {
  const store = createFileEventStore(dir);
  const runtime = await composeRuntime({ workspaceDir: tempDir(), store });
  const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
  const sids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const sid = (await callTool(client, 'session_create')).data.session_id as string;
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: SMALL, design_name: 'demo' });
    await callTool(client, 'component_add', { session_id: sid, design_name: 'demo', ref: 'R2', type_name: 'RES', value: '1k', footprint: '0402' });
    await callTool(client, 'export_kicad', { session_id: sid, design_name: 'demo', approval_id: 'none', output_dir: 'out' }); // denied: leaves a ToolDenied
    sids.push(sid);
  }
  await client.close();
  store.close();
  return { dir, sids, file: (sid: string) => join(dir, `${sid}.jsonl`) };
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

function reopen(dir: string) {
  const logged: Record<string, unknown>[] = [];
  const store = createFileEventStore(dir, { log: (e) => logged.push(e) });
  return { store, logged };
}

describe('file store: verify before serving', () => {
  it('cuts only a torn final line, records the repair, and keeps every signed batch', async () => {
    const { dir, sids, file } = await storeWithSessions();
    const intact = readFileSync(file(sids[0]!), 'utf8');
    appendFileSync(file(sids[0]!), '{"seq":99,"type":"Compo');
    const { store, logged } = reopen(dir);
    expect(readFileSync(file(sids[0]!), 'utf8')).toBe(intact);
    expect(store.status().repairs).toMatchObject([{ session_id: sids[0], cut_bytes: 23, cut_events: 0 }]);
    expect(logged).toContainEqual(expect.objectContaining({ event: 'store.tail_repaired', session_id: sids[0] }));
    expect((await store.read(sids[0]!)).length).toBe(lines(intact).filter((l) => !l.startsWith('{"head"')).length);
    store.close();
  });

  it('a torn batch (complete event lines, then a torn head line) is cut back to the last signed head', async () => {
    const { dir, sids, file } = await storeWithSessions();
    const text = readFileSync(file(sids[0]!), 'utf8');
    const all = lines(text);
    const lastBatchStart = all.slice(0, -1).map((l) => l.startsWith('{"head"')).lastIndexOf(true) + 1;
    const tornHead = all[all.length - 1]!.slice(0, 40);
    writeFileSync(file(sids[0]!), `${all.slice(0, -1).join('\n')}\n${tornHead}`);
    const { store } = reopen(dir);
    expect(store.quarantineOf(sids[0]!)).toBeNull();
    expect(readFileSync(file(sids[0]!), 'utf8')).toBe(`${all.slice(0, lastBatchStart).join('\n')}\n`);
    expect(store.status().repairs[0]).toMatchObject({ session_id: sids[0], cut_events: all.length - 1 - lastBatchStart });
    store.close();
  });

  const damages: [string, (ls: string[]) => string[]][] = [
    ['a blank middle line', (ls) => [...ls.slice(0, 2), '', ...ls.slice(2)]],
    ['an unparsable middle line', (ls) => [...ls.slice(0, 2), '{"seq":3,"type":', ...ls.slice(2)]],
    ['a valid-JSON junk line', (ls) => [...ls.slice(0, 2), '{"junk":true}', ...ls.slice(2)]],
    ['an edited byte', (ls) => ls.map((l) => l.replace('"value":"1k"', '"value":"2k"'))],
    ['a deleted middle event', (ls) => ls.filter((l) => !l.includes('"type":"DesignParsed"'))],
    ['a missing final newline followed by more writes', (ls) => [ls.slice(0, 3).join('\n') + ls.slice(3).join('\n')]],
  ];
  for (const [name, damage] of damages) {
    it(`quarantines a session with ${name}, leaves its file byte for byte, and serves the others`, async () => {
      const { dir, sids, file } = await storeWithSessions();
      const damaged = `${damage(lines(readFileSync(file(sids[0]!), 'utf8'))).join('\n')}\n`;
      writeFileSync(file(sids[0]!), damaged);
      const { store, logged } = reopen(dir);
      expect(readFileSync(file(sids[0]!), 'utf8')).toBe(damaged);
      expect(store.quarantineOf(sids[0]!)).toMatchObject({ line: expect.any(Number), reason: expect.any(String), owner: expect.anything() });
      await expect(store.read(sids[0]!)).rejects.toMatchObject({ code: 'SESSION_QUARANTINED', details: { line: expect.any(Number) } });
      await expect(store.append(sids[0]!, [], 0)).rejects.toMatchObject({ code: 'SESSION_QUARANTINED' });
      expect((await store.read(sids[1]!)).length).toBeGreaterThan(3);
      expect(logged).toContainEqual(expect.objectContaining({ event: 'store.session_quarantined', session_id: sids[0] }));
      store.close();
    });
  }

  it('quarantines forged appended events even with a recomputed chain, and a rewritten denial with a recomputed chain', async () => {
    const { dir, sids, file } = await storeWithSessions();
    // Forged appends: an approval and passing checks, chained correctly, no valid head.
    const text = readFileSync(file(sids[0]!), 'utf8');
    const events = lines(text).filter((l) => !l.startsWith('{"head"')).map((l) => JSON.parse(l) as AnyEvent);
    let prev = events[events.length - 1]!;
    const forged: string[] = [];
    for (const type of ['ValidationRecorded', 'DesignCommitted']) {
      const base = { ...prev, seq: prev.seq + 1, id: `f${prev.seq}`, type, data: { design_name: 'demo' }, prev_hash: prev.hash };
      const e = { ...base, hash: computeEventHash(base) };
      forged.push(JSON.stringify(e));
      prev = e;
    }
    appendFileSync(file(sids[0]!), `${forged.join('\n')}\n`);
    // A head signed by some other key does not cover them either.
    const fake = signBatch(ephemeralLogSigner(), [{ session_id: sids[0]!, seq: prev.seq, hash: prev.hash }], new Date().toISOString())[0]!;
    appendFileSync(file(sids[0]!), `${JSON.stringify({ head: fake })}\n`);

    // Rewritten denial in the other session, with the whole chain after it recomputed and heads retargeted.
    const other = lines(readFileSync(file(sids[1]!), 'utf8'));
    let chainPrev = '';
    const rewritten = other.map((l) => {
      const v = JSON.parse(l) as AnyEvent & { head?: { hash: string } };
      if (v.head) return JSON.stringify({ head: { ...v.head, hash: chainPrev } });
      const data = v.type === 'ToolDenied' ? { ...(v.data as object), decision: 'allow' } : v.data;
      const base = { ...v, data, type: v.type === 'ToolDenied' ? 'ToolAuthorized' : v.type, prev_hash: chainPrev || v.prev_hash };
      const e = { ...base, hash: computeEventHash(base) };
      chainPrev = e.hash;
      return JSON.stringify(e);
    });
    writeFileSync(file(sids[1]!), `${rewritten.join('\n')}\n`);

    const { store } = reopen(dir);
    expect(store.quarantineOf(sids[0]!)?.reason).toMatch(/signature|not covered/);
    expect(store.quarantineOf(sids[1]!)?.reason).toMatch(/signature|batch/);
    store.close();
  });
});

describe('file store: one writer, group commit, signed heads', () => {
  it('refuses a second writer on the same directory, naming the holder', async () => {
    const { dir } = await storeWithSessions();
    const first = createFileEventStore(dir);
    expect(() => createFileEventStore(dir)).toThrow(new RegExp(`in use by process ${process.pid}`));
    first.close();
    createFileEventStore(dir).close();
  });

  it('takes over the lock of a process that died (kill -9)', async () => {
    const { dir } = await storeWithSessions();
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    await new Promise((r) => child.once('spawn', r));
    writeFileSync(join(dir, 'store.lock'), JSON.stringify({ pid: child.pid, host: (await import('node:os')).hostname(), started: '', since: 'then' }));
    expect(() => createFileEventStore(dir)).toThrow(/in use by process/);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const logged: Record<string, unknown>[] = [];
    createFileEventStore(dir, { log: (e) => logged.push(e) }).close();
    expect(logged).toContainEqual(expect.objectContaining({ event: 'store.lock_taken_over', previous_pid: child.pid }));
  });

  it('concurrent appends of 100 sessions share batches: one signature per batch, each head verifies on its own', async () => {
    const dir = tempDir('zt-group-');
    const store = createFileEventStore(dir);
    const runtime = await composeRuntime({ workspaceDir: tempDir(), store });
    const principal = localPrincipal('sandbox-write');
    const sids = await Promise.all(Array.from({ length: 100 }, () => runtime.createSession(principal, { surface: 'cli', actor: 't', requestId: 'r' })));
    const heads = await Promise.all(sids.map((sid) => store.signedHead(sid)));
    const signatures = new Set(heads.map((h) => h!.sig));
    expect(signatures.size).toBeLessThan(100);
    for (const h of heads) expect(headProblem(h, store.publicKeyPem)).toBeNull();
    expect(headProblem({ ...heads[0]!, seq: 2 }, store.publicKeyPem)).toMatch(/batch/);
    store.close();
  });
});
