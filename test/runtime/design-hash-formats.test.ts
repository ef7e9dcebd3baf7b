import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import canonicalize from 'canonicalize';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { createFileEventStore, type FileEventStore } from '../../src/runtime/store/file-store.js';
import { loadOrCreateLogSigner } from '../../src/runtime/store/log-key.js';
import { runCli } from '../helpers/cli.js';
import { callTool, localPrincipal, mcpClient, tempDir } from '../helpers/harness.js';

/**
 * Design-hash formats (docs/design-hash.md; src/kernel/merkle-hash.ts): format 2 hashes objects of more
 * than 64 keys differently from format 1. A session records the format it was created in
 * (SessionCreated `design_hash_format`); one that records none was created in format 1 and keeps
 * hashing in it, so the approval and check results recorded in its log, which name hashes, still hold.
 *
 * fixtures/design-hash-format-1 is a store directory written by the code before format 2 (commit
 * 6af585b), through MCP: the owner `local:fixture-owner` created a session, parsed big-100.yaml (a header
 * and 99 resistors, so `components` and `placement` have 100 keys) as "big", placed it (seed 3), routed
 * it, ran ERC and DRC (both pass), named `local:fixture-reviewer` as reviewer, who approved the state as
 * APR-F1 with design_commit: 8 events. Its key is a test key, used nowhere else.
 */
const FIXTURE = resolve(process.cwd(), 'test/runtime/fixtures/design-hash-format-1');
const YAML = readFileSync(join(FIXTURE, 'big-100.yaml'), 'utf8');
const OWNER = 'local:fixture-owner';
const REVIEWER = 'local:fixture-reviewer';
const DESIGN = 'big';
const APPROVAL = 'APR-F1';

interface LoggedEvent {
  seq: number;
  type: string;
  data: Record<string, any>;
}

function fixtureStore(): { dir: string; sid: string; file: string; pubkey: string } {
  const dir = tempDir('zt-dh-format-');
  cpSync(FIXTURE, dir, { recursive: true });
  const name = readdirSync(dir).find((f) => f.endsWith('.jsonl'))!;
  const pubkey = join(tempDir(), 'log.pem');
  writeFileSync(pubkey, loadOrCreateLogSigner(join(dir, 'log-signing-key.pem')).publicKeyPem);
  return { dir, sid: name.replace(/\.jsonl$/, ''), file: join(dir, name), pubkey };
}

const fileEvents = (file: string): LoggedEvent[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('{"head"'))
    .map((l) => JSON.parse(l) as LoggedEvent);

const auditVerify = (file: string, pubkey: string) => {
  const res = runCli(['audit', 'verify', file, '--log-pubkey', pubkey]);
  return { code: res.code, out: JSON.parse(res.stdout || '{}') as { ok: boolean; events: number; problem?: unknown } };
};

/**
 * Format 1 as docs/design-hash.md defines it, computed here from its text alone (SHA-256 and RFC 8785),
 * so the test does not take the runtime's word for which format a hash is in.
 */
const H = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const jcs = (v: unknown) => canonicalize(v)!;
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function enc1(v: unknown): string {
  return v === null || typeof v !== 'object' ? `=${jcs(v)}` : `#${format1Hash(v)}`;
}
function smallObject1(obj: Record<string, unknown>, keys: string[]): string {
  return H(`o${[...keys].sort(byCodeUnits).map((k) => `${jcs(k)}:${enc1(obj[k])},`).join('')}`);
}
function format1Hash(v: unknown): string {
  if (v === null || typeof v !== 'object') return H(`l${jcs(v)}`);
  if (Array.isArray(v)) return H(`a${v.map((item) => `${enc1(item)},`).join('')}`);
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length <= 64) return smallObject1(obj, keys);
  const buckets: string[][] = Array.from({ length: 256 }, () => []);
  for (const k of keys) buckets[parseInt(H(jcs(k)).slice(0, 2), 16)]!.push(k);
  return H(`b${buckets.map((b) => (b.length === 0 ? H('e') : smallObject1(obj, b))).join('')}`);
}

async function open(dir: string, workspaceDir = tempDir('zt-ws-'), snapshotEvery?: number): Promise<{ store: FileEventStore; runtime: Runtime; owner: Client; reviewer: Client; workspaceDir: string }> {
  const store = createFileEventStore(dir);
  const runtime = await composeRuntime({ workspaceDir, store, workerThreads: 1, ...(snapshotEvery !== undefined ? { snapshotEvery } : {}) });
  const owner = await mcpClient(runtime, localPrincipal('release-export', OWNER));
  const reviewer = await mcpClient(runtime, localPrincipal('approved-commit', REVIEWER));
  return { store, runtime, owner, reviewer, workspaceDir };
}

async function shut(o: { store: FileEventStore; runtime: Runtime; owner: Client; reviewer: Client }) {
  await o.owner.close();
  await o.reviewer.close();
  await o.runtime.close();
  o.store.close();
}

async function ok(client: Client, tool: string, args: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await callTool(client, tool, args);
  expect(res.isError, `${tool}: ${JSON.stringify(res.data)}`).toBe(false);
  return res.data;
}

async function sessionEvents(client: Client, sid: string): Promise<LoggedEvent[]> {
  const page = await ok(client, 'session_events', { session_id: sid, limit: 1000 });
  expect(page['next_from_seq']).toBeNull();
  return page['events'] as LoggedEvent[];
}

const stageStatus = (status: Record<string, any>) => Object.fromEntries((status['stages'] as { stage: string; status: string }[]).map((s) => [s.stage, s.status]));

describe('design-hash formats: a session written before format 2 keeps hashing in format 1', () => {
  it('after the upgrade the old session still has its approval and fresh checks, passes the release gate, verifies, and an edit makes the approval stale', async () => {
    const { dir, sid, file, pubkey } = fixtureStore();
    const recorded = fileEvents(file);
    expect(recorded.map((e) => e.type)).toEqual(['SessionCreated', 'DesignParsed', 'ComponentsPlaced', 'NetsRouted', 'ValidationRecorded', 'ValidationRecorded', 'ReviewerAdded', 'DesignCommitted']);
    // Written by the old code: no format recorded, which means format 1.
    expect(recorded[0]!.data).toEqual({ owner: OWNER, auth_source: 'stdio' });
    expect(recorded[0]!.data).not.toHaveProperty('design_hash_format');
    const approved = recorded[7]!.data;
    expect(approved).toMatchObject({ design_name: DESIGN, approval_id: APPROVAL, approver: REVIEWER });
    const approvedHash = approved['design_hash'] as string;
    for (const e of recorded.slice(4, 6)) expect(e.data).toMatchObject({ design_name: DESIGN, evaluated_hash: approvedHash, passed: true });
    expect(auditVerify(file, pubkey)).toMatchObject({ code: 0, out: { ok: true, events: 8 } });

    const first = await open(dir);
    const { owner, reviewer } = first;
    const d = { session_id: sid, design_name: DESIGN };

    // The log as the new code serves it: SessionCreated still records no format.
    const served = await sessionEvents(owner, sid);
    expect(served.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(served[0]!.type).toBe('SessionCreated');
    expect(served[0]!.data).not.toHaveProperty('design_hash_format');

    // The current hash is the approved one, and it is format 1 by the documented definition.
    const inspected = await ok(owner, 'design_inspect', d);
    expect(inspected['summary']).toMatchObject({ design_hash: approvedHash, components: 100, placed: 100 });
    expect(Object.keys(inspected['design']['components'] as object)).toHaveLength(100);
    expect(format1Hash(inspected['design'])).toBe(approvedHash);

    // Readiness: every stage the gate needs is done at this hash, approval included.
    const status = await ok(owner, 'pipeline_status', d);
    expect(status['design_hash']).toBe(approvedHash);
    expect(stageStatus(status)).toMatchObject({ place: 'done', route: 'done', erc: 'done', drc: 'done', approval: 'done' });
    expect(status['next']).toBe('export_manufacturing');
    for (const tool of ['erc_get_result', 'drc_get_result']) {
      expect(await ok(reviewer, tool, d)).toMatchObject({ evaluated_hash: approvedHash, passed: true, fresh: true, current_hash: approvedHash });
    }

    // The release gate itself (contract.md, "The release gate") accepts the old approval and evidence.
    const exported = await ok(owner, 'export_pick_and_place', { ...d, approval_id: APPROVAL, output_dir: 'fab' });
    expect(exported['design_hash']).toBe(approvedHash);
    expect(exported['manifest']).toMatchObject({
      design_hash: approvedHash,
      design_hash_format: 1,
      approval: { approval_id: APPROVAL, principal: REVIEWER },
      evidence: { erc: { evaluated_hash: approvedHash }, drc: { evaluated_hash: approvedHash } },
    });

    // An edit moves the hash: the approval and both checks go stale, and the gate refuses.
    await ok(owner, 'component_add', { ...d, ref: 'R100', type_name: 'RES', value: '1k', footprint: 'R_0603', connections: { '1': 'MID' } });
    const edited = await ok(owner, 'pipeline_status', d);
    const editedHash = edited['design_hash'] as string;
    expect(editedHash).not.toBe(approvedHash);
    expect(stageStatus(edited)).toMatchObject({ erc: 'stale', drc: 'stale', approval: 'pending' });
    expect(await ok(owner, 'erc_get_result', d)).toMatchObject({ evaluated_hash: approvedHash, fresh: false, current_hash: editedHash });
    const refused = await callTool(owner, 'export_pick_and_place', { ...d, approval_id: APPROVAL, output_dir: 'fab2' });
    expect(refused.isError).toBe(true);
    expect(refused.data['error']).toMatchObject({ code: 'RELEASE_GATE_APPROVAL_STALE', details: { approved_hash: approvedHash, current_hash: editedHash } });
    // Still format 1 after the edit: a 101-component record, hashed as the docs define format 1.
    const afterEdit = await ok(owner, 'design_inspect', d);
    expect(Object.keys(afterEdit['design']['components'] as object)).toHaveLength(101);
    expect(format1Hash(afterEdit['design'])).toBe(editedHash);
    await shut(first);

    // The file still verifies (the old lines and those appended: the export, the edit, the refused
    // export's denial record), and a restart replays it to the same format-1 hash.
    const appended = fileEvents(file).slice(8);
    expect(appended.map((e) => e.type)).toEqual(['ArtifactsExported', 'ComponentAdded', 'ToolDenied']);
    expect(auditVerify(file, pubkey)).toMatchObject({ code: 0, out: { ok: true, events: 8 + appended.length } });
    expect(readFileSync(file, 'utf8').startsWith(readFileSync(join(FIXTURE, `${sid}.jsonl`), 'utf8'))).toBe(true);
    const second = await open(dir, first.workspaceDir);
    expect((await ok(second.owner, 'pipeline_status', d))['design_hash']).toBe(editedHash);
    expect((await ok(second.owner, 'design_at', { ...d, seq: 8 }))['summary']['design_hash']).toBe(approvedHash);
    await shut(second);
  });

  it('a snapshot of the old session, written by the new code, keeps it in format 1 across a restart', async () => {
    const { dir, sid, pubkey, file } = fixtureStore();
    const d = { session_id: sid, design_name: DESIGN };
    expect(existsSync(join(dir, 'snapshots')) ? readdirSync(join(dir, 'snapshots')) : []).toEqual([]);
    // A snapshot is written once the events since the last reach the session's component count
    // (src/runtime/state-cache.ts): 94 more events (add and remove a part, 47 times) at 100 to 101 parts.
    const first = await open(dir, undefined, 1);
    for (let i = 0; i < 47; i++) {
      await ok(first.owner, 'component_add', { ...d, ref: 'X1', type_name: 'RES', value: '1k', connections: { '1': 'MID' } });
      await ok(first.owner, 'component_remove', { ...d, ref: 'X1' });
    }
    const live = await ok(first.owner, 'pipeline_status', d);
    // The snapshot is written after its events are durable, without the caller waiting for it: wait here.
    const snapshotDir = join(dir, 'snapshots', sid);
    const snapshotFiles = () => (existsSync(snapshotDir) ? readdirSync(snapshotDir).filter((f) => /^\d+\.json$/.test(f)) : []);
    for (let waited = 0; snapshotFiles().length === 0 && waited < 200; waited++) await new Promise((r) => setTimeout(r, 50));
    expect(snapshotFiles().length).toBeGreaterThan(0);
    const snapshot = JSON.parse(readFileSync(join(snapshotDir, snapshotFiles()[0]!), 'utf8')) as { payload: string };
    expect((JSON.parse(snapshot.payload) as { state: { design_hash_format?: number } }).state.design_hash_format ?? 1).toBe(1);
    await shut(first);
    expect(auditVerify(file, pubkey)).toMatchObject({ code: 0, out: { ok: true, events: 8 + 94 } });

    const second = await open(dir, undefined, 1);
    const status = await ok(second.owner, 'pipeline_status', d);
    // Add and remove leave the design as approved, so the old approval and checks are current again.
    expect(status['design_hash']).toBe(live['design_hash']);
    expect(status['design_hash']).toBe(fileEvents(file)[7]!.data['design_hash']);
    expect(stageStatus(status)).toMatchObject({ erc: 'done', drc: 'done', approval: 'done' });
    // An edit after the restart still hashes in format 1.
    await ok(second.owner, 'component_add', { ...d, ref: 'X2', type_name: 'RES', value: '1k', connections: { '1': 'MID' } });
    const inspected = await ok(second.owner, 'design_inspect', d);
    expect(Object.keys(inspected['design']['components'] as object)).toHaveLength(101);
    expect(format1Hash(inspected['design'])).toBe(inspected['summary']['design_hash']);
    await shut(second);
  });

  it('a new session records design_hash_format 2, and the same 100-part design text hashes differently from format 1', async () => {
    const { dir, sid: oldSid } = fixtureStore();
    const o = await open(dir);
    // The old session's hash of the parsed text (format 1), as the new code replays it.
    const oldParsed = await ok(o.owner, 'design_at', { session_id: oldSid, design_name: DESIGN, seq: 2 });
    const format1 = oldParsed['summary']['design_hash'] as string;
    expect(format1Hash(oldParsed['design'])).toBe(format1);

    const sid = (await ok(o.owner, 'session_create', {}))['session_id'] as string;
    const events = await sessionEvents(o.owner, sid);
    expect(events[0]).toMatchObject({ seq: 1, type: 'SessionCreated', data: { owner: OWNER, design_hash_format: 2 } });

    const parsed = await ok(o.owner, 'design_parse_str', { session_id: sid, design_name: DESIGN, yaml_content: YAML });
    expect(parsed['components']).toBe(100);
    const inspected = await ok(o.owner, 'design_inspect', { session_id: sid, design_name: DESIGN });
    // The same design as the old session parsed, hashed in format 2: a different hash.
    expect(inspected['design']).toEqual(oldParsed['design']);
    expect(inspected['summary']['design_hash']).toBe(parsed['design_hash']);
    expect(parsed['design_hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(parsed['design_hash']).not.toBe(format1);
    await shut(o);

    // Format 2 survives a restart (recorded in the log, not a process default).
    const again = await open(dir);
    expect((await ok(again.owner, 'design_inspect', { session_id: sid, design_name: DESIGN }))['summary']['design_hash']).toBe(parsed['design_hash']);
    expect((await ok(again.owner, 'design_at', { session_id: oldSid, design_name: DESIGN, seq: 2 }))['summary']['design_hash']).toBe(format1);
    await shut(again);
  });
});
