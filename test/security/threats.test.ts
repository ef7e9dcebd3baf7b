/**
 * One attack per threat row of docs/threat-model.md, through MCP and through REST.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { HOSTILE_PATHS, SYMLINK_CASES, setupSymlinkCases } from '../fixtures/hostile-paths.js';
import { callTool, httpApp, localPrincipal, mcpClient, newRuntime, tempDir } from '../helpers/harness.js';

const TINY = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8');
const dev = (cap: string) => ({ 'X-ZapTrace-Capabilities': cap });

/** A session whose design has passed every gate condition but the output path. */
async function openGate(invoke: (tool: string, args: Record<string, unknown>) => Promise<{ isError: boolean; data: any }>) {
  await invoke('design_parse_str', { yaml_content: TINY, design_name: 'led' });
  await invoke('place_components', { design_name: 'led', seed: 3 });
  await invoke('route_nets', { design_name: 'led' });
  await invoke('erc_validate', { design_name: 'led' });
  await invoke('drc_run', { design_name: 'led' });
  await invoke('design_commit', { design_name: 'led', approval_id: 'APR', statement: 'checked' });
}

/** These rows attack paths and the gate's evidence, not approval: one principal approves under the development opt-out. */
const singleUser = () => newRuntime({ allowSelfApproval: true });

/** Hostile as a file to read, but legitimate directories to write into (the root, a trailing slash). */
const ROOT_ITSELF = new Set(['.', './', 'out/']);

function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

describe('threat model rows, attacked through both surfaces', () => {
  it('workspace escape: every hostile path and symlink case is refused for reading and writing (MCP)', async () => {
    const { runtime, workspaceDir } = await singleUser();
    const outside = tempDir('zt-outside-');
    setupSymlinkCases(workspaceDir, outside);
    const before = snapshot(outside);
    const client = await mcpClient(runtime, localPrincipal('release-export'));
    const invoke = (tool: string, args: Record<string, unknown>) => callTool(client, tool, args);
    await openGate(invoke);
    for (const h of HOSTILE_PATHS) {
      const read = await invoke('design_parse_file', { path: h.path, design_name: 'x' });
      expect(read.data.error?.code, `read ${h.why}`).toBe('INVALID_INPUT');
      if (ROOT_ITSELF.has(h.path)) continue;
      const write = await invoke('export_kicad', { design_name: 'led', approval_id: 'APR', output_dir: h.path });
      expect(write.data.error?.code, `write ${h.why}`).toBe('INVALID_INPUT');
      expect(JSON.stringify(read.data)).not.toContain(workspaceDir);
    }
    for (const s of SYMLINK_CASES) {
      const read = await invoke('design_parse_file', { path: s.readPath, design_name: 'x' });
      expect(read.isError, `read ${s.name}`).toBe(true);
      // Exports write fixed file names into a directory: aim the directory at the case's link.
      const dir = s.writePath.split('/').slice(0, -1).join('/');
      if (dir === '' || !lstatSync(join(workspaceDir, dir), { throwIfNoEntry: false })?.isSymbolicLink()) continue;
      const write = await invoke('export_kicad', { design_name: 'led', approval_id: 'APR', output_dir: dir });
      expect(write.isError, `write ${s.name}`).toBe(true);
    }
    // A planted link with the exported file's own name never writes through to its target.
    mkdirSync(join(workspaceDir, 'trap'));
    symlinkSync(join(outside, 'secret.txt'), join(workspaceDir, 'trap/led.kicad_pcb'));
    await invoke('export_kicad', { design_name: 'led', approval_id: 'APR', output_dir: 'trap' });
    expect(snapshot(outside)).toEqual(before);
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('outside secret\n');
  }, 120_000);

  it('workspace escape: the same corpus through REST', async () => {
    const { runtime, workspaceDir } = await singleUser();
    const outside = tempDir('zt-outside-');
    setupSymlinkCases(workspaceDir, outside);
    const before = snapshot(outside);
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const sid = (await agent.post('/api/v1/sessions').set(dev('')).expect(201)).body.session_id;
    const invoke = async (tool: string, args: Record<string, unknown>) => {
      const res = await agent.post(`/api/v1/tools/${tool}`).set(dev('release-export')).set('X-ZapTrace-Session-Id', sid).send(args);
      return { isError: !res.body.ok, data: res.body.ok ? res.body.result : res.body };
    };
    await openGate(invoke);
    for (const h of [...HOSTILE_PATHS.map((p) => p.path), ...SYMLINK_CASES.map((s) => s.readPath)]) {
      const read = await invoke('design_parse_file', { path: h, design_name: 'x' });
      expect(read.isError, h).toBe(true);
      if (ROOT_ITSELF.has(h)) continue;
      const write = await invoke('export_kicad', { design_name: 'led', approval_id: 'APR', output_dir: h });
      expect(write.isError, h).toBe(true);
      expect(JSON.stringify(write.data)).not.toContain(workspaceDir);
    }
    expect(snapshot(outside)).toEqual(before);
    // A legitimate file still works, so the refusals above are not a broken tool.
    mkdirSync(join(workspaceDir, 'designs'), { recursive: true });
    writeFileSync(join(workspaceDir, 'designs/ok.yaml'), TINY);
    expect((await invoke('design_parse_file', { path: 'designs/ok.yaml', design_name: 'ok' })).isError).toBe(false);
    expect((await invoke('export_kicad', { design_name: 'led', approval_id: 'APR', output_dir: 'fab/out' })).isError).toBe(false);
  }, 120_000);

  it('unsafe manufacturing export without approval or evidence is refused through REST as through MCP', async () => {
    const { runtime, workspaceDir } = await singleUser();
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const sid = (await agent.post('/api/v1/sessions').set(dev('')).expect(201)).body.session_id;
    const post = (tool: string, body: Record<string, unknown>, cap = 'release-export') => agent.post(`/api/v1/tools/${tool}`).set(dev(cap)).set('X-ZapTrace-Session-Id', sid).send(body);
    await post('design_parse_str', { yaml_content: TINY, design_name: 'led' });
    expect((await post('export_kicad', { design_name: 'led', approval_id: 'APR' }, 'approved-commit')).body.error.code).toBe('OPERATION_NOT_AUTHORIZED');
    expect((await post('export_kicad', { design_name: 'led', approval_id: '' })).body.error.code).toBe('RELEASE_GATE_APPROVAL_REQUIRED');
    await post('design_commit', { design_name: 'led', approval_id: 'APR', statement: 'checked' });
    const missing = await post('export_kicad', { design_name: 'led', approval_id: 'APR' });
    expect(missing.status).toBe(409);
    expect(missing.body.error.code).toBe('RELEASE_GATE_EVIDENCE_MISSING');
    expect(readdirSync(workspaceDir)).toEqual([]);
  });

  it('SSRF: no tool takes a URL, and URL-shaped paths are refused on both surfaces', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('preview-write'));
    const { tools } = await client.listTools();
    for (const t of tools) expect(JSON.stringify(t.inputSchema)).not.toMatch(/"format":"ur[il]"|"url"/i);
    for (const url of ['http://169.254.169.254/latest/meta-data', 'file:///etc/passwd', 'https://example.com/board.yaml']) {
      expect((await callTool(client, 'design_parse_file', { path: url })).data.error.code).toBe('INVALID_INPUT');
    }
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const sid = (await agent.post('/api/v1/sessions').set(dev('')).expect(201)).body.session_id;
    const res = await agent.post('/api/v1/tools/design_parse_file').set(dev('preview-write')).set('X-ZapTrace-Session-Id', sid).send({ path: 'http://127.0.0.1:22/' });
    expect(res.body.error.code).toBe('INVALID_INPUT');
  });

  it('unsafe subprocess: no tool runs commands, and smuggled arguments are rejected by the strict schemas', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('release-export'));
    const { tools } = await client.listTools();
    for (const t of tools) {
      expect(t.name).not.toMatch(/shell|exec|command|spawn|system|plugin/);
      expect(t.inputSchema.additionalProperties).toBe(false);
    }
    const smuggled = await callTool(client, 'design_list', { command: 'rm -rf /' });
    expect(smuggled.data.error.code).toBe('INVALID_INPUT');
    const { app } = await httpApp(runtime, { dev: true });
    const agent = request(app.callback());
    const sid = (await agent.post('/api/v1/sessions').set(dev('')).expect(201)).body.session_id;
    const res = await agent.post('/api/v1/tools/design_list').set(dev('read')).set('X-ZapTrace-Session-Id', sid).send({ exec: '/bin/sh' });
    expect(res.status).toBe(400);
  });
});
