import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { callTool, localPrincipal, mcpClient, newRuntime, readJsonResource, tempDir } from '../helpers/harness.js';
import { createMemoryEventStore } from '../../src/runtime/store/memory-store.js';
import { composeRuntime } from '../../src/compose.js';
import { steppingClock } from '../../src/kernel/clock.js';
import { kicadCliAvailable, runKicadDrc } from '../helpers/kicad-cli.js';
import { approveAsReviewer } from '../helpers/review.js';

const TINY = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8');

async function readyBoard() {
  const { runtime, workspaceDir } = await newRuntime();
  const client = await mcpClient(runtime, localPrincipal('release-export'));
  const c = (name: string, args: Record<string, unknown> = {}) => callTool(client, name, { design_name: 'led', ...args });
  await callTool(client, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
  expect((await c('place_components', { seed: 3 })).data.unplaced).toEqual([]);
  expect((await c('route_nets')).data.completion.complete).toBe(true);
  // Approval by a second principal the owner names (contract.md: approvals are independent).
  const approve = (approvalId: string) => approveAsReviewer(runtime, client, 'led', approvalId);
  return { runtime, workspaceDir, client, c, approve };
}

const written = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

describe('release gate through MCP', () => {
  it('parse → place → route → ERC → DRC → commit → export succeeds and records the manifest', async () => {
    const { workspaceDir, client, c, approve } = await readyBoard();
    expect((await c('erc_validate')).data.passed).toBe(true);
    expect((await c('drc_run')).data.passed).toBe(true);
    const commit = await approve('APR-1');
    const out = await c('export_kicad', { approval_id: 'APR-1', output_dir: 'fab' });
    expect(out.isError).toBe(false);
    expect(out.data.files.map((f: { path: string }) => f.path).sort()).toEqual(['fab/led.kicad_pcb', 'fab/led.kicad_pro', 'fab/led.kicad_sch', 'fab/manifest.json', 'fab/manifest.sig']);
    const manifest = JSON.parse(readFileSync(join(workspaceDir, 'fab/manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ design_hash: commit.data.design_hash, design_hash_format: 2, approval: { approval_id: 'APR-1', principal: 'local:reviewer', self_approval: false }, authors: ['local:test'], self_approval_allowed: false });
    expect(manifest.approval.statement).toMatch(/reviewed led/);
    expect(manifest.evidence.erc.evaluated_hash).toBe(commit.data.design_hash);
    expect(manifest.files.find((f: { path: string }) => f.path === 'led.kicad_pcb').sha256).toMatch(/^[0-9a-f]{64}$/);
    const audit = await readJsonResource(client, 'zaptrace://audit/events');
    expect(audit.events.at(-1)).toMatchObject({ tool: 'export_kicad', decision: 'allow', outcome: 'ok', capability: 'release-export' });
  });

  it('exports one manufacturing ZIP with every artifact and its manifest; replaying the log gives the same bytes', async () => {
    const { runtime, workspaceDir, client, c, approve } = await readyBoard();
    await c('erc_validate');
    await c('drc_run');
    await approve('APR-1');
    const sid = (await callTool(client, 'session_list')).data.sessions[0].session_id;
    const logBefore = await runtime.readEvents(sid);
    const a = await c('export_manufacturing', { approval_id: 'APR-1', output_dir: 'fab-a' });
    expect(a.data.error).toBeUndefined();
    const zipA = readFileSync(join(workspaceDir, 'fab-a/led-fab.zip'));
    const entries = unzipSync(new Uint8Array(zipA));
    const names = Object.keys(entries).sort();
    for (const want of ['manifest.json', 'led.kicad_pcb', 'led.kicad_pro', 'README.txt', 'led-pos.csv', 'led-bom.csv', 'led-bom.json']) expect(names).toContain(want);
    expect(names.filter((n) => n.endsWith('.gbr')).length).toBeGreaterThanOrEqual(9);
    expect(names.some((n) => n.endsWith('.gbrjob'))).toBe(true);
    expect(names.filter((n) => n.endsWith('.drl'))).toHaveLength(2);
    const inner = JSON.parse(new TextDecoder().decode(entries['manifest.json']!));
    expect(inner.design_hash).toBe(a.data.design_hash);
    expect(inner.files).toHaveLength(names.length - 1);

    // Replay: a fresh runtime fed the same log exports byte-identical files.
    const store = createMemoryEventStore();
    await store.append(sid, logBefore, 0);
    const ws2 = tempDir('zt-ws-');
    const replayed = await composeRuntime({ workspaceDir: ws2, store, clock: steppingClock() });
    const client2 = await mcpClient(replayed, localPrincipal('release-export'));
    const b = await callTool(client2, 'export_manufacturing', { session_id: sid, design_name: 'led', approval_id: 'APR-1', output_dir: 'fab-a' });
    expect(b.data.error).toBeUndefined();
    expect(readFileSync(join(ws2, 'fab-a/led-fab.zip')).equals(zipA)).toBe(true);
    const bom = await c('export_bom_json');
    expect(bom.data.lines.length).toBeGreaterThan(0);
  });

  it.runIf(kicadCliAvailable() || process.env['CI'] === 'true')('kicad-cli finds the exported board clean (0 errors, 0 unconnected)', async () => {
    const { workspaceDir, c, approve } = await readyBoard();
    await c('erc_validate');
    await c('drc_run');
    await approve('APR-1');
    await c('export_kicad', { approval_id: 'APR-1', output_dir: 'fab' });
    const res = await runKicadDrc(readFileSync(join(workspaceDir, 'fab/led.kicad_pcb'), 'utf8'), readFileSync(join(workspaceDir, 'fab/led.kicad_pro'), 'utf8'));
    expect(res.violations).toEqual([]);
    expect(res.unconnected).toEqual([]);
  });

  it('refuses every way to break the gate with its own code, writes nothing, and audits each refusal', async () => {
    const { runtime, workspaceDir, client, c, approve } = await readyBoard();
    const attempt = (args: Record<string, unknown>) => c('export_kicad', { output_dir: 'fab', ...args });
    const code = async (args: Record<string, unknown>) => (await attempt(args)).data.error.code as string;

    // Same principal, lower grant, same session: denied before the gate.
    const sid = (await callTool(client, 'session_list')).data.sessions[0].session_id;
    const low = await mcpClient(runtime, localPrincipal('approved-commit', 'local:test'));
    const denied = await callTool(low, 'export_kicad', { session_id: sid, design_name: 'led', approval_id: 'x' });
    expect(denied.data.error).toMatchObject({ code: 'OPERATION_NOT_AUTHORIZED', details: { required_capability: 'release-export' } });

    expect(await code({ approval_id: '' })).toBe('RELEASE_GATE_APPROVAL_REQUIRED');
    expect(await code({ approval_id: 'APR-unknown' })).toBe('RELEASE_GATE_APPROVAL_REQUIRED');
    // The author approving its own state is refused, so its approval_id opens nothing.
    expect((await c('design_commit', { approval_id: 'APR-SELF', statement: 'I checked my own work' })).data.error.code).toBe('SELF_APPROVAL');
    expect(await code({ approval_id: 'APR-SELF' })).toBe('RELEASE_GATE_APPROVAL_REQUIRED');
    await approve('APR-1');
    expect(await code({ approval_id: 'APR-1' })).toBe('RELEASE_GATE_EVIDENCE_MISSING');

    // The re-stamp attack: ERC passes on state A, the design changes to B, DRC passes on B.
    await c('erc_validate');
    await c('board_update', { width_mm: 41 });
    await c('drc_run');
    await approve('APR-2');
    const restamp = await attempt({ approval_id: 'APR-2' });
    expect(restamp.data.error.code).toBe('RELEASE_GATE_EVIDENCE_STALE');
    expect(restamp.data.error.details.check).toBe('erc');

    // An approval of an older state no longer opens the gate.
    expect(await code({ approval_id: 'APR-1' })).toBe('RELEASE_GATE_APPROVAL_STALE');

    // Failed evidence: a planted short makes DRC fail on the current state.
    await c('erc_validate');
    const inspect = (await c('design_inspect')).data.design;
    const [t0] = inspect.routing.tracks;
    const other = inspect.routing.tracks.find((t: { net: string }) => t.net !== t0.net);
    await c('component_add', { ref: 'TP9', type_name: 'TESTPOINT', footprint: 'TestPoint_Pad_1.0mm', connections: {} });
    const drc = await c('drc_run');
    expect(drc.data.passed).toBe(false);
    await approve('APR-3');
    await c('erc_validate');
    expect(other).toBeDefined();
    expect(await code({ approval_id: 'APR-3' })).toMatch(/^RELEASE_GATE_EVIDENCE_(FAILED|STALE)$/);

    // A path outside the workspace, on an otherwise open gate.
    await c('component_remove', { ref: 'TP9' });
    await c('erc_validate');
    await c('drc_run');
    await approve('APR-4');
    expect(await code({ approval_id: 'APR-4', output_dir: '../escape' })).toBe('INVALID_INPUT');
    expect(await code({ approval_id: 'APR-4', output_dir: '/tmp/escape' })).toBe('INVALID_INPUT');

    expect(written(join(workspaceDir, 'fab'))).toEqual([]);
    const audit = await readJsonResource(client, 'zaptrace://audit/events');
    const refusals = audit.events.filter((e: { tool: string; outcome: string }) => e.tool === 'export_kicad' && e.outcome !== 'ok');
    expect(refusals.map((e: { outcome: string }) => e.outcome)).toEqual([
      'OPERATION_NOT_AUTHORIZED',
      'RELEASE_GATE_APPROVAL_REQUIRED',
      'RELEASE_GATE_APPROVAL_REQUIRED',
      'RELEASE_GATE_APPROVAL_REQUIRED',
      'RELEASE_GATE_EVIDENCE_MISSING',
      'RELEASE_GATE_EVIDENCE_STALE',
      'RELEASE_GATE_APPROVAL_STALE',
      expect.stringMatching(/^RELEASE_GATE_EVIDENCE_(FAILED|STALE)$/),
      'INVALID_INPUT',
      'INVALID_INPUT',
    ]);
    expect(refusals[0].decision).toBe('deny');
  });
});
