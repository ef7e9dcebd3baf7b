/**
 * Files a release export wrote are kept: every lower-level write aimed at one (export_svg,
 * export_report) answers 409 PATH_RELEASED, for every principal sharing the workspace and after a
 * restart; the bundle's manifest is signed and `zaptrace verify-release` checks it.
 */
import { copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { callTool, httpApp, localPrincipal, mcpClient, tempDir } from '../helpers/harness.js';
import { checkedAndApproved } from '../helpers/review.js';
import { runCli } from '../helpers/cli.js';
import { composeRuntime } from '../../src/compose.js';
import { steppingClock } from '../../src/kernel/clock.js';
import { sha256Hex } from '../../src/kernel/hash.js';
import { createMemoryEventStore } from '../../src/runtime/store/memory-store.js';
import { ephemeralLogSigner, type LogSigner } from '../../src/runtime/store/log-key.js';
import type { EventStore } from '../../src/runtime/store/event-store.js';

const TINY = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8');

async function runtimeOn(workspaceDir: string, signer: LogSigner, store?: EventStore) {
  return composeRuntime({ workspaceDir, clock: steppingClock(), logSigner: signer, ...(store ? { store } : {}) });
}

/** A released design: built and checked by the owner, approved by a reviewer, exported to `dirs`. */
async function released(dirs: { kicad?: string; bundle?: string }) {
  const workspaceDir = tempDir('zt-ws-');
  const signer = ephemeralLogSigner();
  const runtime = await runtimeOn(workspaceDir, signer);
  const owner = await mcpClient(runtime, localPrincipal('release-export'));
  const c = (tool: string, args: Record<string, unknown> = {}) => callTool(owner, tool, { design_name: 'led', ...args });
  await checkedAndApproved(runtime, owner, 'led', TINY, 'APR-1');
  if (dirs.kicad) expect((await c('export_kicad', { approval_id: 'APR-1', output_dir: dirs.kicad })).isError).toBe(false);
  if (dirs.bundle) expect((await c('export_manufacturing', { approval_id: 'APR-1', output_dir: dirs.bundle })).isError).toBe(false);
  return { workspaceDir, signer, runtime, owner, c };
}

const hashes = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, sha256Hex(readFileSync(join(dir, f)))]));

async function expectKept(client: Client, sessionArgs: Record<string, unknown>, targets: string[]) {
  for (const target of targets) {
    for (const tool of ['export_svg', 'export_report']) {
      const res = await callTool(client, tool, { ...sessionArgs, design_name: 'led', output_path: target });
      expect(res.data.error, `${tool} → ${target}`).toMatchObject({ code: 'PATH_RELEASED', details: { path: 'output_path' } });
    }
  }
}

describe('released files are never overwritten by a lower-level write', () => {
  it('MCP: export_svg and export_report aimed at released files get PATH_RELEASED, audited as denials; other names still work', async () => {
    const { workspaceDir, owner, c } = await released({ kicad: 'fab', bundle: 'bundle' });
    const fab = join(workspaceDir, 'fab');
    expect(readdirSync(fab).sort()).toEqual(['led.kicad_pcb', 'led.kicad_pro', 'led.kicad_sch', 'manifest.json', 'manifest.sig']);
    const before = hashes(fab);
    const bundleBefore = hashes(join(workspaceDir, 'bundle'));
    await expectKept(owner, {}, ['fab/led.kicad_pcb', 'fab/manifest.json', 'fab/manifest.sig', 'fab/./led.kicad_sch', 'FAB/Led.Kicad_Pro', 'bundle/led-fab.zip', 'bundle/manifest.json']);
    expect(hashes(fab)).toEqual(before);
    expect(hashes(join(workspaceDir, 'bundle'))).toEqual(bundleBefore);
    expect((await c('export_svg', { output_path: 'fab/picture.svg' })).isError).toBe(false);
    const audit = (await callTool(owner, 'audit_list_events', { tool: 'export_svg', limit: 100 })).data.events as { decision: string; outcome: string }[];
    expect(audit.filter((e) => e.outcome === 'PATH_RELEASED').every((e) => e.decision === 'deny')).toBe(true);
    expect(audit.filter((e) => e.outcome === 'PATH_RELEASED')).toHaveLength(7);
    // A new release is a release: it may replace the files of an earlier one, with a new signed manifest.
    expect((await c('export_kicad', { approval_id: 'APR-1', output_dir: 'fab' })).isError).toBe(false);
  });

  it('another principal in the same workspace, and the same workspace after a restart, are refused too', async () => {
    const { workspaceDir, signer, runtime } = await released({ kicad: 'fab' });
    const stranger = await mcpClient(runtime, localPrincipal('sandbox-write', 'local:stranger'));
    await callTool(stranger, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
    await expectKept(stranger, {}, ['fab/led.kicad_pcb', 'fab/manifest.json']);

    // Restart: a new process over the same logs and workspace learns the released set from ArtifactsExported.
    const store = createMemoryEventStore();
    for (const sid of await runtime.store.sessions()) await store.append(sid, await runtime.readEvents(sid), 0);
    const restarted = await runtimeOn(workspaceDir, signer, store);
    const fresh = await mcpClient(restarted, localPrincipal('sandbox-write', 'local:later'));
    await callTool(fresh, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
    await expectKept(fresh, {}, ['fab/led.kicad_pcb', 'fab/manifest.sig']);
    expect(JSON.parse(readFileSync(join(workspaceDir, 'fab/manifest.json'), 'utf8')).design_name).toBe('led');
  });

  it('REST: export_report onto a released file is 409 PATH_RELEASED and the file is unchanged', async () => {
    const { workspaceDir, runtime } = await released({ kicad: 'fab' });
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const dev = { 'X-ZapTrace-Capabilities': 'sandbox-write' };
    const sid = (await agent.post('/api/v1/sessions').set(dev).expect(201)).body.session_id;
    const post = (tool: string, body: Record<string, unknown>) => agent.post(`/api/v1/tools/${tool}`).set(dev).set('X-ZapTrace-Session-Id', sid).send(body);
    expect((await post('design_parse_str', { yaml_content: TINY, design_name: 'led' })).status).toBe(200);
    const before = readFileSync(join(workspaceDir, 'fab/led.kicad_pcb'));
    for (const target of ['fab/led.kicad_pcb', 'fab/manifest.json']) {
      const res = await post('export_report', { design_name: 'led', output_path: target });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'PATH_RELEASED', details: { path: 'output_path' } });
      expect(JSON.stringify(res.body)).not.toContain(workspaceDir);
    }
    expect(readFileSync(join(workspaceDir, 'fab/led.kicad_pcb')).equals(before)).toBe(true);
    expect((await post('export_report', { design_name: 'led', output_path: 'notes/led.md' })).status).toBe(200);
  });
});

describe('zaptrace verify-release (the CLI process)', () => {
  it('accepts an intact KiCad release and manufacturing bundle, and fails on a changed or missing file, a bad signature or the wrong key', async () => {
    const { workspaceDir, signer } = await released({ kicad: 'fab', bundle: 'bundle' });
    const keyFile = join(tempDir('zt-key-'), 'log.pub.pem');
    writeFileSync(keyFile, signer.publicKeyPem);
    const otherKey = join(tempDir('zt-key-'), 'other.pub.pem');
    writeFileSync(otherKey, ephemeralLogSigner().publicKeyPem);
    const verify = (dir: string, key?: string) => {
      const res = runCli(['verify-release', dir, ...(key ? ['--log-pubkey', key] : [])]);
      return { code: res.code, report: JSON.parse(res.stdout || '{}') as { ok: boolean; signature: string; key: string; problems: string[]; files: { path: string; status: string }[] } };
    };

    const fab = join(workspaceDir, 'fab');
    const good = verify(fab, keyFile);
    expect(good.code).toBe(0);
    expect(good.report).toMatchObject({ ok: true, signature: 'valid', key: 'given' });
    expect(good.report.files.map((f) => f.path).sort()).toEqual(['led.kicad_pcb', 'led.kicad_pro', 'led.kicad_sch']);
    expect(verify(fab).report).toMatchObject({ ok: true, key: 'embedded' });
    expect(verify(fab, otherKey)).toMatchObject({ code: 1, report: { ok: false, signature: 'invalid' } });

    const bundle = join(workspaceDir, 'bundle');
    const zipGood = verify(bundle, keyFile);
    expect(zipGood.code).toBe(0);
    expect(zipGood.report.files.some((f) => f.path === 'led-fab.zip!led.kicad_pcb')).toBe(true);

    // Tampering on disk, as someone with file access would: each is caught and named.
    const copy = (dir: string) => {
      const to = tempDir('zt-rel-');
      for (const f of readdirSync(dir)) copyFileSync(join(dir, f), join(to, f));
      return to;
    };
    const changed = copy(fab);
    writeFileSync(join(changed, 'led.kicad_pcb'), `${readFileSync(join(changed, 'led.kicad_pcb'), 'utf8')} `);
    expect(verify(changed, keyFile)).toMatchObject({ code: 1, report: { ok: false, signature: 'valid', files: expect.arrayContaining([{ path: 'led.kicad_pcb', status: 'changed' }]) } });
    const missing = copy(fab);
    rmSync(join(missing, 'led.kicad_pro'));
    expect(verify(missing, keyFile).report.files).toContainEqual({ path: 'led.kicad_pro', status: 'missing' });
    const forged = copy(fab);
    const manifest = JSON.parse(readFileSync(join(forged, 'manifest.json'), 'utf8'));
    manifest.approval.principal = 'local:someone-else';
    writeFileSync(join(forged, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    expect(verify(forged, keyFile)).toMatchObject({ code: 1, report: { signature: 'invalid' } });
    const unsigned = copy(fab);
    rmSync(join(unsigned, 'manifest.sig'));
    expect(verify(unsigned, keyFile)).toMatchObject({ code: 1, report: { signature: 'missing' } });
    const zipBroken = copy(bundle);
    const zip = readFileSync(join(zipBroken, 'led-fab.zip'));
    zip[100] = zip[100]! ^ 0xff;
    writeFileSync(join(zipBroken, 'led-fab.zip'), zip);
    expect(verify(zipBroken, keyFile).report.files).toContainEqual({ path: 'led-fab.zip', status: 'changed' });
  });
});

