import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { CallToolResultSchema, ErrorCode, ListToolsResultSchema, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { PluginRefused, verifyPluginFiles, type AdmittedPlugin } from './admission.js';
import { ContainedTransport, type ContainmentFailure } from './contained-process.js';

/**
 * The runtime as MCP client of one admitted plugin (docs/plugins.md, "Containment"). Calls run one at
 * a time; a call that overruns the manifest's `call_seconds`, floods output or breaks the protocol
 * kills the process, and the next call starts a fresh one after checking the files again (they may
 * have changed on disk since admission).
 */
export type PluginFailureCode = ContainmentFailure | 'PLUGIN_TIMEOUT' | 'PLUGIN_FILE_CHANGED' | 'PLUGIN_TOOL_MISSING' | 'PLUGIN_BUSY' | 'PLUGIN_CANCELLED';

export class PluginCallFailed extends Error {
  constructor(
    readonly code: PluginFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'PluginCallFailed';
  }
}

export interface PluginHost {
  readonly plugin: AdmittedPlugin;
  /** Starts the process and checks that it offers every tool its manifest lists. */
  start(): Promise<void>;
  call(tool: string, args: Record<string, unknown>, options?: { signal?: AbortSignal; timeoutMs?: number }): Promise<CallToolResult>;
  /** The running process id (tests watch it being killed). */
  pid(): number | undefined;
  close(): Promise<void>;
  /** Synchronous kill for process exit. */
  killNow(): void;
}

const MAX_WAITING = 16;

export function createPluginHost(plugin: AdmittedPlugin, options: { workspaceRoot: string; onFailure?: (code: PluginFailureCode, message: string, stderr: string) => void }): PluginHost {
  const { manifest } = plugin;
  const scratchDir = realpathSync(mkdtempSync(join(tmpdir(), `zaptrace-plugin-${manifest.name}-`)));
  const callMs = manifest.limits.call_seconds * 1000;
  let transport: ContainedTransport | null = null;
  let client: Client | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let waiting = 0;

  const fail = (code: PluginFailureCode, message: string, stderr = ''): never => {
    options.onFailure?.(code, message, stderr);
    throw new PluginCallFailed(code, message);
  };

  async function stopProcess(): Promise<void> {
    const t = transport;
    transport = null;
    client = null;
    await t?.close();
  }

  /** Maps an SDK or transport error to why the plugin failed, and stops the process. */
  async function failed(err: unknown, t: ContainedTransport): Promise<never> {
    const containment = t.failure !== null && t.failure !== 'PLUGIN_EXITED' ? t.failure : null;
    const timedOut = err instanceof McpError && err.code === ErrorCode.RequestTimeout;
    const exited = t.failure === 'PLUGIN_EXITED'; // before stopProcess, whose kill makes every process "exited"
    await stopProcess();
    const stderr = t.stderr;
    if (containment === 'PLUGIN_OUTPUT_LIMIT') return fail(containment, `plugin ${plugin.principal} wrote more than ${manifest.limits.output_kb} KB and was stopped`, stderr);
    if (containment === 'PLUGIN_PROTOCOL') return fail(containment, `plugin ${plugin.principal} broke the MCP protocol and was stopped`, stderr);
    if (timedOut) return fail('PLUGIN_TIMEOUT', `plugin ${plugin.principal} did not answer within the call's time limit and was stopped`, stderr);
    if (exited) return fail('PLUGIN_EXITED', `plugin ${plugin.principal} exited`, stderr);
    return fail('PLUGIN_PROTOCOL', `plugin ${plugin.principal} failed`, stderr);
  }

  async function ensureRunning(): Promise<{ client: Client; transport: ContainedTransport }> {
    if (client && transport && transport.failure === null) return { client, transport };
    await stopProcess();
    try {
      verifyPluginFiles(plugin.root, manifest.files, plugin.principal);
    } catch (err) {
      if (err instanceof PluginRefused) fail('PLUGIN_FILE_CHANGED', `plugin ${plugin.principal} refused: ${err.message}`);
      throw err;
    }
    const t = new ContainedTransport({ root: plugin.root, manifest, scratchDir, workspaceRoot: manifest.filesystem.workspace === 'read' ? options.workspaceRoot : null });
    const c = new Client({ name: 'zaptrace', version: '0.1.0' }, { capabilities: {} });
    transport = t;
    try {
      await c.connect(t, { timeout: callMs });
      // tools/list through request(), not listTools(): the SDK would compile the plugin's own output schemas; ours decide.
      const listed = await c.request({ method: 'tools/list' }, ListToolsResultSchema, { timeout: callMs });
      const offered = new Set(listed.tools.map((x) => x.name));
      const missing = manifest.tools.filter((x) => !offered.has(x.name)).map((x) => x.name);
      if (missing.length > 0) {
        await stopProcess();
        fail('PLUGIN_TOOL_MISSING', `plugin ${plugin.principal} does not offer ${missing.join(', ')} although its manifest lists it`);
      }
    } catch (err) {
      if (err instanceof PluginCallFailed) throw err;
      return failed(err, t);
    }
    client = c;
    return { client: c, transport: t };
  }

  async function callNow(tool: string, args: Record<string, unknown>, signal: AbortSignal | undefined, timeoutMs: number): Promise<CallToolResult> {
    const { client: c, transport: t } = await ensureRunning();
    try {
      return await c.request({ method: 'tools/call', params: { name: tool, arguments: args } }, CallToolResultSchema, { timeout: Math.max(1, Math.min(callMs, timeoutMs)), ...(signal ? { signal } : {}) });
    } catch (err) {
      if (signal?.aborted) {
        await stopProcess(); // the plugin may still be working on it: a fresh process serves the next call
        throw new PluginCallFailed('PLUGIN_CANCELLED', 'the call was cancelled');
      }
      return failed(err, t);
    }
  }

  return {
    plugin,
    async start() {
      await ensureRunning();
    },
    call(tool, args, opts = {}) {
      if (waiting >= MAX_WAITING) return Promise.reject(new PluginCallFailed('PLUGIN_BUSY', `plugin ${plugin.principal} has ${MAX_WAITING} calls waiting`));
      waiting += 1;
      const run = chain.then(() => callNow(tool, args, opts.signal, opts.timeoutMs ?? callMs));
      chain = run.catch(() => {}).finally(() => {
        waiting -= 1;
      });
      return run;
    },
    pid: () => transport?.pid,
    async close() {
      await stopProcess();
      rmSync(scratchDir, { recursive: true, force: true });
    },
    killNow() {
      const t = transport;
      transport = null;
      client = null;
      if (t?.pid !== undefined) {
        try {
          process.kill(t.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      rmSync(scratchDir, { recursive: true, force: true });
    },
  };
}
