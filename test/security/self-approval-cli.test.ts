/**
 * The real processes: `zaptrace mcp` over stdio has one principal, so without the opt-out it can
 * never release its own work; `--allow-self-approval` (mcp and serve) is stated in the start-up
 * banner and recorded in the release manifest.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { callTool, tempDir } from '../helpers/harness.js';
import { MAIN } from '../helpers/cli.js';

const TINY = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8');

async function stdioSession(flags: string[]) {
  const workspace = tempDir('zt-ws-');
  const transport = new StdioClientTransport({ command: process.execPath, args: [MAIN, 'mcp', '--grant', 'release-export', '--workspace', workspace, ...flags], stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'stdio-test', version: '1' });
  await client.connect(transport);
  const c = (tool: string, args: Record<string, unknown> = {}) => callTool(client, tool, { design_name: 'led', ...args });
  await callTool(client, 'design_parse_str', { yaml_content: TINY, design_name: 'led' });
  await c('place_components', { seed: 3 });
  await c('route_nets');
  await c('erc_validate');
  await c('drc_run');
  return { client, c, workspace, stderr: () => stderr };
}

/** Starts `zaptrace serve` and returns what it printed up to "listening on". */
function serveBanner(flags: string[]): Promise<string> {
  const child = spawn(process.execPath, [MAIN, 'serve', '--host', '127.0.0.1', '--port', '0', '--workspace', tempDir('zt-ws-'), ...flags], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`serve did not start: ${err}`));
    }, 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (/listening on/.test(err)) {
        clearTimeout(timer);
        child.kill('SIGTERM');
        resolve(err);
      }
    });
    child.on('exit', () => reject(new Error(`serve exited: ${err}`)));
  });
}

describe('self-approval in the shipped processes', () => {
  it('`zaptrace mcp`: the single stdio principal cannot approve or release its own design', async () => {
    const { client, c, workspace, stderr } = await stdioSession([]);
    try {
      const commit = await c('design_commit', { approval_id: 'APR-1', statement: 'I reviewed my own board' });
      expect(commit.data.error.code).toBe('SELF_APPROVAL');
      expect((await c('export_kicad', { approval_id: 'APR-1', output_dir: 'fab' })).data.error.code).toBe('RELEASE_GATE_APPROVAL_REQUIRED');
      expect(() => readFileSync(join(workspace, 'fab/manifest.json'))).toThrow();
      expect(stderr()).not.toMatch(/SELF-APPROVAL/);
    } finally {
      await client.close();
    }
  }, 60_000);

  it('`zaptrace mcp --allow-self-approval`: the banner says so, and the manifest records it', async () => {
    const { client, c, workspace, stderr } = await stdioSession(['--allow-self-approval']);
    try {
      expect((await c('design_commit', { approval_id: 'APR-1', statement: 'single-user bench build' })).isError).toBe(false);
      expect((await c('export_kicad', { approval_id: 'APR-1', output_dir: 'fab' })).isError).toBe(false);
      const manifest = JSON.parse(readFileSync(join(workspace, 'fab/manifest.json'), 'utf8'));
      expect(manifest).toMatchObject({ self_approval_allowed: true, approval: { self_approval: true, statement: 'single-user bench build' } });
      expect(stderr()).toMatch(/SELF-APPROVAL ALLOWED/);
    } finally {
      await client.close();
    }
  }, 60_000);

  it('`zaptrace serve`: the banner states --allow-self-approval, and says nothing of it otherwise', async () => {
    expect(await serveBanner(['--allow-self-approval'])).toMatch(/SELF-APPROVAL ALLOWED \(--allow-self-approval\)/);
    expect(await serveBanner([])).not.toMatch(/SELF-APPROVAL/);
  }, 60_000);
});
