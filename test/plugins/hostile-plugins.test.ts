import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Runtime } from '../../src/runtime/runtime.js';
import { callTool, localPrincipal, mcpClient, readJsonResource, tempDir } from '../helpers/harness.js';
import { SMALL_DESIGN, copyPlugin, hostile, isAlive, pluginPids, resign, runtimeWithPlugins } from './plugin-fixtures.js';

/**
 * Hostile plugins are contained (docs/plugins.md, "Containment"): each fixture under
 * examples/plugins/hostile is admitted and called through an MCP SDK client; whatever it does, the
 * call ends in a structured error or a checked result, the process is killed when it overruns,
 * nothing it returned unchecked reaches the session, and each misbehaviour is a security record
 * under the plugin's own principal.
 */
let runtime: Runtime;
let workspaceDir: string;
let client: Client;
let sessionId: string;

async function recorded(): Promise<number> {
  return (await runtime.readEvents(sessionId)).filter((e) => e.type === 'PluginCheckRecorded').length;
}

async function lastAudit() {
  const events = (await runtime.readEvents(sessionId)).filter((e) => e.type === 'ToolAuthorized' || e.type === 'ToolDenied');
  return events[events.length - 1]!.data as Record<string, unknown>;
}

function lastSecurityRecord() {
  const all = runtime.securityLog.entries();
  return all[all.length - 1]!;
}

const call = (plugin: string, tool: string, options: Record<string, unknown>) => callTool(client, `plugin.${plugin}.${tool}`, { design_name: 'small', options });

beforeAll(async () => {
  ({ runtime, workspaceDir } = await runtimeWithPlugins(['snoop', 'hang', 'flood', 'malformed'].map((n) => `${hostile(n)}=sandbox-write`)));
  client = await mcpClient(runtime, localPrincipal('sandbox-write'));
  const parsed = await callTool(client, 'design_parse_str', { yaml_content: SMALL_DESIGN, format: 'json', design_name: 'small' });
  expect(parsed.data).toMatchObject({ design_name: 'small' });
  sessionId = (await readJsonResource(client, 'zaptrace://audit/events')).session_id;
  expect(typeof sessionId).toBe('string');
}, 60_000);

afterAll(async () => {
  await runtime?.close();
});

describe('a plugin that reads, writes or runs outside its folder', () => {
  it('is refused by the permission model at every attempt, sees an empty environment, and may write only its scratch folder', async () => {
    const secretDir = tempDir('zt-secret-');
    const secret = join(secretDir, 'log-signing-key.pem');
    writeFileSync(secret, 'TOPSECRET-KEY-MATERIAL');
    const target = join(secretDir, 'pwned.txt');
    const res = await call('snoop', 'probe', { read_path: secret, write_path: target });
    expect(res.isError).toBe(false);
    const byRule = Object.fromEntries((res.data.findings as { rule: string; message: string }[]).map((f) => [f.rule, f.message]));
    expect(byRule).toEqual({
      read_outside: 'refused: ERR_ACCESS_DENIED',
      read_parent: 'refused: ERR_ACCESS_DENIED',
      write_outside: 'refused: ERR_ACCESS_DENIED',
      write_own_folder: 'refused: ERR_ACCESS_DENIED',
      child_process: 'refused: ERR_ACCESS_DENIED',
      worker: 'refused: ERR_ACCESS_DENIED',
      environment: 'variables: 0',
      write_scratch: 'allowed: written',
    });
    expect(JSON.stringify(res.data)).not.toContain('TOPSECRET');
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(hostile('snoop'), 'planted.mjs'))).toBe(false);
    expect(res.data).toMatchObject({ passed: true, plugin: 'plugin:snoop@0.0.1', recorded: true });

    // The workspace too, when the operator did not admit it (and the manifest did not ask).
    writeFileSync(join(workspaceDir, 'board.yaml'), 'WORKSPACE-CONTENT');
    const ws = await call('snoop', 'probe', { read_path: join(workspaceDir, 'board.yaml'), write_path: join(workspaceDir, 'planted.txt') });
    expect(ws.data.findings.slice(0, 3).map((f: { message: string }) => f.message)).toEqual(['refused: ERR_ACCESS_DENIED', 'refused: ERR_ACCESS_DENIED', 'refused: ERR_ACCESS_DENIED']);
    expect(existsSync(join(workspaceDir, 'planted.txt'))).toBe(false);
  });
});

describe('a plugin admitted to read the workspace', () => {
  it('reads it and still writes nothing there', async () => {
    const dir = copyPlugin(hostile('snoop'));
    resign(dir, (m) => {
      m.filesystem.workspace = 'read';
    });
    const started = await runtimeWithPlugins([`${dir}=sandbox-write,workspace`]);
    try {
      writeFileSync(join(started.workspaceDir, 'fab-profile.txt'), 'min track 0.1');
      const c = await mcpClient(started.runtime, localPrincipal('sandbox-write'));
      await callTool(c, 'design_parse_str', { yaml_content: SMALL_DESIGN, format: 'json', design_name: 'small' });
      const res = await callTool(c, 'plugin.snoop.probe', { design_name: 'small', options: { read_path: join(started.workspaceDir, 'fab-profile.txt'), write_path: join(started.workspaceDir, 'planted.txt') } });
      const byRule = Object.fromEntries((res.data.findings as { rule: string; message: string }[]).map((f) => [f.rule, f.message]));
      expect(byRule['read_outside']).toBe('allowed: min track 0.1');
      expect(byRule['write_outside']).toBe('refused: ERR_ACCESS_DENIED');
      expect(existsSync(join(started.workspaceDir, 'planted.txt'))).toBe(false);
    } finally {
      await started.runtime.close();
    }
  }, 30_000);
});

describe('a plugin that hangs', () => {
  for (const mode of ['silent', 'spin']) {
    it(`(${mode}) is stopped at its call limit with DEADLINE_EXCEEDED, killed, and replaced by a fresh process on the next call`, async () => {
      const before = await recorded();
      const [pid] = pluginPids('hang');
      expect(pid).toBeDefined();
      const started = performance.now();
      const res = await call('hang', 'stall', { mode });
      expect(res.isError).toBe(true);
      expect(res.data.error).toMatchObject({ code: 'DEADLINE_EXCEEDED', details: { reason: 'PLUGIN_TIMEOUT', plugin: 'plugin:hang@0.0.1' } });
      expect(performance.now() - started).toBeLessThan(10_000); // the manifest allows 1 s per call
      expect(isAlive(pid!)).toBe(false);
      expect(lastSecurityRecord()).toMatchObject({ principal: 'plugin:hang@0.0.1', reason: 'PLUGIN_TIMEOUT', tool: 'plugin.hang.stall' });
      expect(await lastAudit()).toMatchObject({ tool: 'plugin.hang.stall', subject: 'plugin:hang@0.0.1', outcome: 'DEADLINE_EXCEEDED' });
      expect(await recorded()).toBe(before);

      const again = await call('hang', 'stall', { mode: 'answer' });
      expect(again.isError).toBe(false);
      const [fresh] = pluginPids('hang');
      expect(fresh).not.toBe(pid);
      expect(again.data.findings[0].message).toBe(`pid ${fresh}`);
    }, 30_000);
  }
});

describe('a cancelled plugin call', () => {
  it('stops the plugin process (no stale work goes on) and the next call gets a fresh one', async () => {
    // A copy allowed 30 s per call, so only the cancellation can stop it here.
    const dir = copyPlugin(hostile('hang'));
    resign(dir, (m) => {
      m.limits.call_seconds = 30;
    });
    const own = (await runtimeWithPlugins([`${dir}=sandbox-write`])).runtime;
    try {
      const c = await mcpClient(own, localPrincipal('sandbox-write'));
      await callTool(c, 'design_parse_str', { yaml_content: SMALL_DESIGN, format: 'json', design_name: 'small' });
      const [pid] = pluginPids('plugin');
      const abort = new AbortController();
      setTimeout(() => abort.abort(), 300);
      await expect(c.callTool({ name: 'plugin.hang.stall', arguments: { design_name: 'small', options: { mode: 'silent' } } }, undefined, { signal: abort.signal })).rejects.toThrow();
      for (let i = 0; i < 50 && isAlive(pid!); i++) await new Promise((r) => setTimeout(r, 100));
      expect(isAlive(pid!)).toBe(false);
      expect(own.securityLog.entries()).toEqual([]); // the caller cancelled: nothing to hold against the plugin
      expect((await callTool(c, 'plugin.hang.stall', { design_name: 'small', options: { mode: 'answer' } })).isError).toBe(false);
      expect(pluginPids('plugin')).toHaveLength(1);
    } finally {
      await own.close();
    }
  }, 30_000);
});

describe('a plugin that floods or breaks the protocol', () => {
  const cases = [
    { mode: 'line', reason: 'PLUGIN_OUTPUT_LIMIT' },
    { mode: 'endless', reason: 'PLUGIN_OUTPUT_LIMIT' },
    { mode: 'junk', reason: 'PLUGIN_PROTOCOL' },
    { mode: 'memory', reason: 'PLUGIN_EXITED' },
  ];
  for (const c of cases) {
    it(`(${c.mode}) is stopped with PLUGIN_FAILED ${c.reason}; nothing is recorded; the next call gets a fresh process`, async () => {
      const before = await recorded();
      const [pid] = pluginPids('flood');
      const res = await call('flood', 'spew', { mode: c.mode });
      expect(res.isError).toBe(true);
      expect(res.data.error).toMatchObject({ code: 'PLUGIN_FAILED', details: { reason: c.reason, plugin: 'plugin:flood@0.0.1' } });
      expect(JSON.stringify(res.data).length).toBeLessThan(2000);
      expect(isAlive(pid!)).toBe(false);
      expect(lastSecurityRecord()).toMatchObject({ principal: 'plugin:flood@0.0.1', reason: c.reason });
      expect(await recorded()).toBe(before);
      const ok = await call('flood', 'spew', { mode: 'none' });
      expect(ok.isError).toBe(false);
    }, 60_000);
  }

  it('(stderr) megabytes on stderr are drained and dropped; the answer still counts', async () => {
    const res = await call('flood', 'spew', { mode: 'stderr' });
    expect(res.isError).toBe(false);
    expect(res.data).toMatchObject({ passed: true, recorded: true });
  });
});

describe('a plugin that returns malformed results', () => {
  const modes = ['wrong-type', 'extra-field', 'passed-with-errors', 'bidi', 'control', 'too-many', 'bad-severity', 'not-finite'].map((mode) => ({ mode, reason: 'PLUGIN_RESULT_INVALID' }));
  // structuredContent: null is not even an MCP tool result (MCP spec, "Tools": structuredContent is an object).
  modes.push({ mode: 'none', reason: 'PLUGIN_PROTOCOL' });
  for (const { mode, reason } of modes) {
    it(`(${mode}) is refused with PLUGIN_FAILED ${reason} before anything reaches the session`, async () => {
      const before = await recorded();
      const res = await call('malformed', 'report', { mode });
      expect(res.isError).toBe(true);
      expect(res.data.error).toMatchObject({ code: 'PLUGIN_FAILED', details: { reason, plugin: 'plugin:malformed@0.0.1' } });
      expect(JSON.stringify(res.data)).not.toMatch(/[\u202e\u001b]/);
      expect(await recorded()).toBe(before);
      expect(lastSecurityRecord()).toMatchObject({ principal: 'plugin:malformed@0.0.1', reason });
    });
  }

  it("passes on the plugin's own error only as plain text (a bidi control drops it)", async () => {
    const res = await call('malformed', 'report', { mode: 'tool-error' });
    expect(res.data.error).toMatchObject({ code: 'PLUGIN_FAILED', details: { reason: 'PLUGIN_TOOL_ERROR' } });
    expect(res.data.error.message).toBe('plugin plugin:malformed@0.0.1 reported an error');
  });

  it('records a well-formed report, bound to the evaluated design-state hash', async () => {
    const res = await call('malformed', 'report', { mode: 'valid' });
    expect(res.isError).toBe(false);
    const events = (await runtime.readEvents(sessionId)).filter((e) => e.type === 'PluginCheckRecorded');
    expect(events[events.length - 1]!.data).toMatchObject({ check: 'plugin.malformed.report', plugin: 'plugin:malformed@0.0.1', evaluated_hash: res.data.evaluated_hash, evidence: false });
  });
});
