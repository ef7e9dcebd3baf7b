import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { PluginManifestBody } from './manifest.js';

/**
 * One plugin process and the MCP stdio transport to it (MCP spec, "Transports": stdio, one JSON-RPC
 * message per line). Written here rather than using the SDK's StdioClientTransport because that one
 * merges the parent's environment into the child's and buffers a line without bound; a plugin gets
 * neither (docs/plugins.md, "Containment"):
 * - Node's permission model (https://nodejs.org/docs/latest-v20.x/api/permissions.html): it reads
 *   only its own folder (and the workspace when admitted), writes only its scratch folder, and may
 *   start no child process, worker or native addon;
 * - an empty environment (NODE_OPTIONS from the runtime's environment could otherwise lift the flags),
 *   its scratch folder as working directory, `--max-old-space-size` from its manifest;
 * - at most `output_kb` bytes of output between two requests and per line, else it is killed.
 */
export type ContainmentFailure = 'PLUGIN_OUTPUT_LIMIT' | 'PLUGIN_PROTOCOL' | 'PLUGIN_EXITED';

export interface ContainedSpec {
  root: string;
  manifest: PluginManifestBody;
  scratchDir: string;
  /** Real path of the workspace, given only when the plugin was admitted to read it. */
  workspaceRoot: string | null;
}

/** Node 22.13 renamed the flag (https://nodejs.org/docs/latest-v22.x/api/cli.html#--permission); ask this node which it knows. */
const permissionFlag = () => (process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission');

export function nodeArgs(spec: ContainedSpec): string[] {
  const { manifest } = spec;
  return [
    permissionFlag(),
    `--allow-fs-read=${spec.root}`,
    ...(spec.workspaceRoot ? [`--allow-fs-read=${spec.workspaceRoot}`] : []),
    ...(manifest.filesystem.scratch ? [`--allow-fs-write=${spec.scratchDir}`] : []),
    '--no-addons',
    `--max-old-space-size=${manifest.limits.memory_mb}`,
    '--disable-warning=ExperimentalWarning',
    join(spec.root, manifest.args[0]!),
    ...manifest.args.slice(1),
  ];
}

const STDERR_KEEP = 4096;

export class ContainedTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  /** Why the process was stopped, when the runtime stopped it. */
  failure: ContainmentFailure | null = null;
  private child: ChildProcess | null = null;
  private buffer: Buffer[] = [];
  private sinceRequest = 0;
  private stderrTail = '';
  private readonly limit: number;

  constructor(private readonly spec: ContainedSpec) {
    this.limit = spec.manifest.limits.output_kb * 1024;
  }

  /** The last few KB the plugin wrote on stderr (for the operator's log, never for callers). */
  get stderr(): string {
    return this.stderrTail;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, nodeArgs(this.spec), { cwd: this.spec.scratchDir, env: {}, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.stdin!.on('error', () => {}); // a dead plugin's pipe: reported through 'exit'
    child.on('error', (err) => this.onerror?.(err));
    child.on('exit', () => {
      this.failure ??= 'PLUGIN_EXITED';
      this.child = null;
      this.onclose?.();
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
  }

  private stop(reason: ContainmentFailure, message: string): void {
    if (this.failure === null) this.failure = reason;
    this.buffer = [];
    this.child?.kill('SIGKILL');
    this.onerror?.(new Error(message));
  }

  private receive(chunk: Buffer): void {
    if (this.failure !== null && this.failure !== 'PLUGIN_EXITED') return;
    this.sinceRequest += chunk.byteLength;
    if (this.sinceRequest > this.limit) return this.stop('PLUGIN_OUTPUT_LIMIT', `plugin wrote more than ${this.limit} bytes for one request`);
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      const line = Buffer.concat([...this.buffer, chunk.subarray(start, nl)]).toString('utf8');
      this.buffer = [];
      start = nl + 1;
      if (line.trim() === '') continue;
      let message: JSONRPCMessage;
      try {
        message = JSONRPCMessageSchema.parse(JSON.parse(line));
      } catch {
        return this.stop('PLUGIN_PROTOCOL', 'plugin wrote a line that is not a JSON-RPC message');
      }
      this.onmessage?.(message);
    }
    const rest = chunk.subarray(start);
    if (rest.byteLength > 0) this.buffer.push(rest);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const child = this.child;
    if (!child || !child.stdin!.writable) throw new Error('plugin process is not running');
    if ('method' in message && 'id' in message) this.sinceRequest = 0;
    await new Promise<void>((resolve) => {
      if (child.stdin!.write(`${JSON.stringify(message)}\n`)) resolve();
      else child.stdin!.once('drain', resolve);
    });
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}
