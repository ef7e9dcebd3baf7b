import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { callTool, corpusText, ESP32_YAML, localPrincipal, mcpClient, newRuntime, readJsonResource, tempDir } from '../helpers/harness.js';
import { MAIN, runCli, startServer } from '../helpers/cli.js';

async function exportedLog() {
  const { runtime } = await newRuntime();
  const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
  const sid = (await callTool(client, 'session_create')).data.session_id as string;
  await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' });
  await callTool(client, 'component_remove', { session_id: sid, design_name: 'esp', ref: 'TP1' });
  const lines = (await runtime.readEvents(sid)).map((e) => JSON.stringify(e));
  const file = join(tempDir(), 'session.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, lines };
}

describe('zaptrace CLI (as a process)', () => {
  const stops: (() => void)[] = [];
  afterAll(() => stops.forEach((s) => s()));

  it('audit verify --chain-only accepts an intact chain and names the first broken link of an edited one', async () => {
    const { file, lines } = await exportedLog();
    const ok = runCli(['audit', 'verify', file, '--chain-only']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).ok).toBe(true);
    const tampered = lines.slice();
    const index = tampered.findIndex((l) => l.includes('"decision":"allow"'));
    tampered[index] = tampered[index]!.replace('"decision":"allow"', '"decision":"allox"');
    writeFileSync(file, `${tampered.join('\n')}\n`);
    const bad = runCli(['audit', 'verify', file, '--chain-only']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).problem.line).toBe(index + 1);
  });

  it('replay --to N prints the designs as they were at N', async () => {
    const { file, lines } = await exportedLog();
    const parsedSeq = lines.findIndex((l) => l.includes('"type":"DesignParsed"')) + 1;
    const at = JSON.parse(runCli(['replay', file, '--to', String(parsedSeq)]).stdout);
    const now = JSON.parse(runCli(['replay', file]).stdout);
    expect(at.designs[0]).toMatchObject({ design_name: 'esp', components: 12 });
    expect(now.designs[0]).toMatchObject({ design_name: 'esp', components: 11 });
    expect(now.chain_ok).toBe(true);
    // An edited byte still replays (the designs as the file says) but the chain says it was changed.
    const edited = lines.map((l, i) => (i === parsedSeq ? l.replace('"decision":"allow"', '"decision":"allox"') : l));
    writeFileSync(file, `${edited.join('\n')}\n`);
    expect(JSON.parse(runCli(['replay', file]).stdout).chain_ok).toBe(false);
    writeFileSync(file, `${[...lines.slice(0, 3), '{"seq": 4,', ...lines.slice(3)].join('\n')}\n`);
    const junk = runCli(['replay', file]);
    expect(junk.code).not.toBe(0);
    expect(junk.stderr).toMatch(/line 4 is not JSON/);
  });

  it('refuses development mode on a non-loopback address', () => {
    const res = runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--dev-capability-headers']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/loopback/);
  });

  it('serves MCP over stdio to an SDK client: denied without grant, allowed with it, audited', async () => {
    const ws = tempDir();
    const transport = new StdioClientTransport({ command: process.execPath, args: [MAIN, 'mcp', '--workspace', ws, '--grant', 'preview-write'], stderr: 'pipe' });
    const client = new Client({ name: 'stdio-test', version: '1' });
    await client.connect(transport);
    stops.push(() => void client.close());
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(10);
    const parsed = await callTool(client, 'design_parse_str', { yaml_content: ESP32_YAML(), design_name: 'esp' });
    expect(parsed.isError).toBe(false);
    const denied = await callTool(client, 'component_remove', { design_name: 'esp', ref: 'U1' });
    expect(denied.data.error.code).toBe('OPERATION_NOT_AUTHORIZED');
    const audit = await readJsonResource(client, 'zaptrace://audit/events');
    expect(audit.events.map((e: { decision: string }) => e.decision)).toEqual(['allow', 'deny']);
    await client.close();
  });

  it('gives an MCP stdio connection no write grant unless one is configured', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [MAIN, 'mcp', '--workspace', tempDir()], stderr: 'pipe', env: { PATH: process.env['PATH'] ?? '' } });
    const client = new Client({ name: 'stdio-default', version: '1' });
    await client.connect(transport);
    const denied = await callTool(client, 'design_parse_str', { yaml_content: ESP32_YAML() });
    expect(denied.data.error).toMatchObject({ code: 'OPERATION_NOT_AUTHORIZED', details: { granted: ['read'] } });
    await client.close();
  });

  it('adds a user library directory at start-up (--library)', async () => {
    const lib = tempDir('zt-lib-');
    const record = corpusText('zaptrace/library/passive/cap-0402-100pf.yaml').replace('id: cap-0402-100pf', 'id: my-house-cap-0402').replace('name: Cap MLCC 0402 100pF', 'name: House cap 0402 100pF');
    writeFileSync(join(lib, 'house-cap.yaml'), record);
    const transport = new StdioClientTransport({ command: process.execPath, args: [MAIN, 'mcp', '--workspace', tempDir(), '--library', lib], stderr: 'pipe' });
    const client = new Client({ name: 'stdio-lib', version: '1' });
    await client.connect(transport);
    const got = await callTool(client, 'library_get', { id: 'my-house-cap-0402' });
    expect(got.data.part.name).toBe('House cap 0402 100pF');
    await client.close();
  });

  it('serves REST and MCP Streamable HTTP on one loopback server with the same principal rules', async () => {
    const server = await startServer(['--dev-capability-headers', '--workspace', tempDir()]);
    stops.push(server.stop);
    const health = await fetch(`${server.base}/api/v1/health`);
    expect(health.status).toBe(200);

    const anon = new Client({ name: 'http-test', version: '1' });
    await anon.connect(new StreamableHTTPClientTransport(new URL(`${server.base}/mcp`)));
    const denied = await callTool(anon, 'design_parse_str', { yaml_content: ESP32_YAML() });
    expect(denied.data.error.code).toBe('OPERATION_NOT_AUTHORIZED');
    await anon.close();

    const granted = new Client({ name: 'http-test', version: '1' });
    await granted.connect(
      new StreamableHTTPClientTransport(new URL(`${server.base}/mcp`), { requestInit: { headers: { 'X-ZapTrace-Capabilities': 'preview-write', 'X-ZapTrace-Actor': 'http-agent' } } }),
    );
    const ok = await callTool(granted, 'design_parse_str', { yaml_content: ESP32_YAML(), design_name: 'esp' });
    expect(ok.isError).toBe(false);
    const audit = await readJsonResource(granted, 'zaptrace://audit/events');
    expect(audit.events[0]).toMatchObject({ surface: 'mcp', actor: 'http-agent', decision: 'allow', principal: 'dev:http-agent' });
    await granted.close();
  });
});
