import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import { parsePluginArg } from '../../src/runtime/plugins/admission.js';
import { PluginStartRefused } from '../../src/tools/plugin-start.js';
import { parseSecurityLines } from '../../src/runtime/security-log.js';
import { runCli } from '../helpers/cli.js';
import { callTool, localPrincipal, mcpClient, tempDir } from '../helpers/harness.js';
import { FAB_DFM, TEST_PUB, copyPlugin, editManifest, fabDfmVariant, hostile, resign, runtimeWithPlugins } from './plugin-fixtures.js';

/**
 * Deny-by-default admission (docs/plugins.md, "Admitting a plugin"; contract.md, "What no tool does"):
 * every way a plugin can be wrong refuses start-up with its reason code, a message naming the plugin,
 * and a security record under the plugin's principal.
 */
async function refusal(args: string[], secretPaths?: string[]): Promise<{ code: string; message: string; record: Record<string, unknown> }> {
  const file = join(tempDir('zt-sec-'), 'security.jsonl');
  try {
    const { runtime } = await runtimeWithPlugins(args, { securityLogFile: file, ...(secretPaths ? { secretPaths } : {}) });
    await runtime.close();
  } catch (err) {
    expect(err).toBeInstanceOf(PluginStartRefused);
    const records = parseSecurityLines(readFileSync(file, 'utf8')).records;
    expect(records).toHaveLength(1);
    return { code: (err as PluginStartRefused).code, message: (err as Error).message, record: records[0] as unknown as Record<string, unknown> };
  }
  throw new Error(`admitted ${args.join(' ')}`);
}

describe('plugin admission: refused at start, with a clear message and a security record', () => {
  it('refuses an unsigned manifest', async () => {
    const r = await refusal([`${fabDfmVariant('unsigned')}=sandbox-write`]);
    expect(r.code).toBe('PLUGIN_UNSIGNED');
    expect(r.message).toContain('plugin:unsigned@1.0.0');
    expect(r.record).toMatchObject({ principal: 'plugin:unsigned@1.0.0', reason: 'PLUGIN_UNSIGNED', decision: 'deny', tool: 'plugin-admission' });
  });

  it('refuses a manifest signed by a key the operator does not trust', async () => {
    const r = await refusal([`${fabDfmVariant('unknown-key')}=sandbox-write`]);
    expect(r.code).toBe('PLUGIN_UNTRUSTED_KEY');
    expect(r.record).toMatchObject({ principal: 'plugin:unknown-key@1.0.0', reason: 'PLUGIN_UNTRUSTED_KEY' });
  });

  it('refuses a plugin whose file changed after signing (a verdict line changed)', async () => {
    const r = await refusal([`${fabDfmVariant('tampered')}=sandbox-write`]);
    expect(r.code).toBe('PLUGIN_FILE_CHANGED');
    expect(r.message).toMatch(/dfm\.mjs changed since it was signed/);
  });

  it('refuses a manifest edited after signing (a limit raised without a new signature)', async () => {
    const dir = copyPlugin(FAB_DFM);
    editManifest(dir, (m) => {
      m.limits.call_seconds = 30;
    });
    expect((await refusal([`${dir}=sandbox-write`])).code).toBe('PLUGIN_BAD_SIGNATURE');
  });

  it('refuses files the signature does not pin: a planted module, a missing file, a symbolic link', async () => {
    const planted = copyPlugin(FAB_DFM);
    writeFileSync(join(planted, 'extra.mjs'), 'export const x = 1;\n');
    const p = await refusal([`${planted}=sandbox-write`]);
    expect(p.code).toBe('PLUGIN_FILE_CHANGED');
    expect(p.message).toContain('extra.mjs is not listed');
    const linked = copyPlugin(FAB_DFM);
    mkdirSync(join(linked, 'more'));
    symlinkSync('/etc/hostname', join(linked, 'more', 'link'));
    expect((await refusal([`${linked}=sandbox-write`])).message).toContain('symbolic link');
    const missing = copyPlugin(FAB_DFM);
    rmSync(join(missing, 'profiles', 'coarse-fab.json'));
    expect((await refusal([`${missing}=sandbox-write`])).message).toContain('profiles/coarse-fab.json is missing');
  });

  it('refuses an escalation: a tool above the admitted level, the workspace when not admitted, approval or release levels, network hosts, limits over the operator\'s', async () => {
    const esc = hostile('escalation');
    const low = await refusal([esc]); // --plugin DIR admits read only
    expect(low.code).toBe('PLUGIN_OVER_ADMITTED');
    expect(low.message).toContain('tool check asks sandbox-write, the operator admitted at most read');
    expect(low.record).toMatchObject({ principal: 'plugin:escalation@0.0.1', reason: 'PLUGIN_OVER_ADMITTED' });
    expect((await refusal([`${esc}=sandbox-write`])).message).toContain('asks to read the workspace');

    const release = copyPlugin(FAB_DFM);
    resign(release, (m) => {
      m.tools[0].level = 'release-export';
    });
    const rel = await refusal([`${release}=sandbox-write`]);
    expect(rel.code).toBe('PLUGIN_MANIFEST_INVALID');
    expect(rel.message).toContain('tools.0.level');

    const net = copyPlugin(FAB_DFM);
    resign(net, (m) => {
      m.network = { hosts: ['api.example.com'] };
    });
    expect((await refusal([`${net}=sandbox-write`])).code).toBe('PLUGIN_NETWORK_REFUSED');

    const greedy = copyPlugin(FAB_DFM);
    resign(greedy, (m) => {
      m.limits.memory_mb = 4096;
    });
    expect((await refusal([`${greedy}=sandbox-write`])).message).toContain('4096 MB of memory');
  });

  it('refuses a plugin that could read the store or keys, and two plugins of one name', async () => {
    const dir = copyPlugin(FAB_DFM);
    expect((await refusal([`${dir}=sandbox-write`], [join(dir, 'store')])).message).toContain("holds the runtime's store or keys");
    expect((await refusal([`${FAB_DFM}=sandbox-write`, `${copyPlugin(FAB_DFM)}=sandbox-write`])).code).toBe('PLUGIN_DUPLICATE');
  });

  it('admits the escalation fixture only when both its level and the workspace are admitted, and never exposes the tool its manifest does not list', async () => {
    const { runtime } = await runtimeWithPlugins([`${hostile('escalation')}=sandbox-write,workspace`]);
    try {
      const names = runtime.tools().map((t) => t.name).filter((n) => n.startsWith('plugin.'));
      expect(names).toEqual(['plugin.escalation.check']);
      const client = await mcpClient(runtime, localPrincipal('release-export'));
      const listed = (await client.listTools()).tools.map((t) => t.name);
      expect(listed).toContain('plugin.escalation.check');
      expect(listed.some((n) => n.includes('release_now'))).toBe(false);
      const res = await callTool(client, 'plugin.escalation.release_now', {});
      expect(res.isError).toBe(true);
      expect(res.data.error.code).toBe('NOT_FOUND');
    } finally {
      await runtime.close();
    }
  });

  it('parses admissions: read by default, the level, evidence and workspace words, and refuses unknown words', () => {
    expect(parsePluginArg('plugins/a')).toEqual({ dir: 'plugins/a', maxLevel: 'read', evidence: false, workspace: false });
    expect(parsePluginArg('plugins/a=sandbox-write,evidence')).toEqual({ dir: 'plugins/a', maxLevel: 'sandbox-write', evidence: true, workspace: false });
    expect(() => parsePluginArg('plugins/a=release-export')).toThrow(/unknown admission/);
  });

  it('zaptrace serve refuses to start with a tampered plugin: exit code, message, record in the store', async () => {
    const store = tempDir('zt-store-');
    const res = runCli(['serve', '--port', '0', '--workspace', tempDir('zt-ws-'), '--store', store, '--plugin', `${fabDfmVariant('tampered')}=sandbox-write`, '--plugin-trust', TEST_PUB]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('plugin refused (PLUGIN_FILE_CHANGED): plugin:tampered@1.0.0');
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const records = parseSecurityLines(readFileSync(join(store, 'security.jsonl'), 'utf8')).records;
    expect(records.map((r) => [r.principal, r.reason])).toEqual([['plugin:tampered@1.0.0', 'PLUGIN_FILE_CHANGED']]);
  });

  it('without any --plugin nothing is admitted: the registry has no plugin tools', async () => {
    const runtime = await composeRuntime({ workspaceDir: tempDir('zt-ws-') });
    expect(runtime.tools().some((t) => t.name.startsWith('plugin.'))).toBe(false);
  });
});
