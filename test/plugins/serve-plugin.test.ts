import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { MAIN, startServer } from '../helpers/cli.js';
import { tempDir } from '../helpers/harness.js';
import { FAB_DFM, TEST_PUB, isAlive, pluginPidsOf } from './plugin-fixtures.js';

/**
 * `zaptrace serve --plugin DIR=… --plugin-trust KEY.pem` as a process (docs/plugins.md, "Admitting a
 * plugin"): the example plugin's tool is called by an MCP SDK client over Streamable HTTP and over
 * REST, both audited under the plugin's subject; stopping the server stops the plugin process.
 */
const TINY = readFileSync('fixtures/designs/tiny-led.yaml', 'utf8');
const CHECK = 'plugin.fab-dfm.dfm_check';

describe('zaptrace serve with the example plugin', () => {
  it('admits it, announces it, serves it over MCP and REST, and ends its process on shutdown', async () => {
    const server = await startServer(['--workspace', tempDir('zt-ws-'), '--dev-capability-headers', '--plugin', `${FAB_DFM}=sandbox-write,evidence`, '--plugin-trust', TEST_PUB]);
    try {
      expect(server.stderr()).toContain(`plugin tool ${CHECK} [sandbox-write] runs as plugin:fab-dfm@1.0.0`);
      const [pid] = pluginPidsOf(server.child.pid!, 'fab-dfm');
      expect(pid).toBeDefined();

      const headers = { 'X-ZapTrace-Capabilities': 'sandbox-write' };
      const client = new Client({ name: 'zt-plugin-test', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(`${server.base}/mcp`), { requestInit: { headers } }));
      expect((await client.listTools()).tools.map((t) => t.name)).toContain(CHECK);
      const parsed = await client.callTool({ name: 'design_parse_str', arguments: { yaml_content: TINY, design_name: 'led' } });
      expect(parsed.isError).not.toBe(true);
      const viaMcp = await client.callTool({ name: CHECK, arguments: { design_name: 'led', options: { profile: 'example-fab' } } });
      expect(viaMcp.structuredContent).toMatchObject({ check: CHECK, plugin: 'plugin:fab-dfm@1.0.0', evidence: true, recorded: true });
      await client.close();

      const json = { ...headers, 'content-type': 'application/json' };
      const sid = ((await (await fetch(`${server.base}/api/v1/sessions`, { method: 'POST', headers: json, body: '{}' })).json()) as { session_id: string }).session_id;
      const post = (tool: string, body: unknown) => fetch(`${server.base}/api/v1/tools/${tool}`, { method: 'POST', headers: { ...json, 'x-zaptrace-session-id': sid }, body: JSON.stringify(body) });
      expect((await post('design_parse_str', { yaml_content: TINY, design_name: 'led' })).status).toBe(200);
      const viaRest = await post(CHECK, { design_name: 'led', options: { profile: 'coarse-fab' } });
      expect(viaRest.status).toBe(200);
      expect(((await viaRest.json()) as { result: unknown }).result).toMatchObject({ check: CHECK, plugin: 'plugin:fab-dfm@1.0.0' });
      const audit = (await (await fetch(`${server.base}/api/v1/audit/events`, { headers: { ...headers, 'x-zaptrace-session-id': sid } })).json()) as { events: Record<string, unknown>[] };
      expect(audit.events.at(-1)).toMatchObject({ tool: CHECK, principal: 'dev:loopback', subject: 'plugin:fab-dfm@1.0.0', surface: 'rest', outcome: 'ok' });

      const exited = new Promise((r) => server.child.once('exit', r));
      server.stop();
      await exited;
      await new Promise((r) => setTimeout(r, 200));
      expect(isAlive(pid!)).toBe(false);
    } finally {
      server.stop();
    }
  }, 90_000);

  it('zaptrace mcp (stdio) admits it too: the plugin speaks on its own pipe, never on the MCP channel', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [MAIN, 'mcp', '--workspace', tempDir('zt-ws-'), '--grant', 'sandbox-write', '--plugin', `${FAB_DFM}=sandbox-write`, '--plugin-trust', TEST_PUB],
      stderr: 'pipe',
    });
    const client = new Client({ name: 'zt-plugin-stdio', version: '1.0.0' });
    await client.connect(transport);
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toContain(CHECK);
      await client.callTool({ name: 'design_parse_str', arguments: { yaml_content: TINY, design_name: 'led' } });
      const res = await client.callTool({ name: CHECK, arguments: { design_name: 'led' } });
      expect(res.structuredContent).toMatchObject({ check: CHECK, plugin: 'plugin:fab-dfm@1.0.0', evidence: false, recorded: true });
    } finally {
      await client.close();
    }
  }, 60_000);
});
