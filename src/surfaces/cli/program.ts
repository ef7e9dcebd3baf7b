import { basename, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { parseGrant } from '../../runtime/capability.js';
import type { Runtime } from '../../runtime/runtime.js';
import { designSummary } from '../../tools/design-views.js';
import { createMcpConnection } from '../mcp/connection.js';
import { createMcpServer } from '../mcp/server.js';
import { replayLogFile } from '../../runtime/replay-log.js';
import { serve } from './serve.js';
import { LOG_LEVELS } from '../http/access-log.js';
import type { LevelWithSilent } from 'pino';
import { registerRouteCommand } from './route-command.js';
import { registerLogCommands } from './log-commands.js';
import { replayFromStore } from './store-replay.js';
import { progressBar } from './progress.js';
import { registerSecurityVerifyCommand } from './security-command.js';
import { registerVerifyReleaseCommand } from './verify-release-command.js';
import { parseRateLimit, type RateLimitConfig } from '../http/rate-limit.js';
import { registerPluginCommands, pluginOptions } from './plugin-command.js';
import type { PluginOptions } from '../../tools/plugin-start.js';

/** Memory bounds of `serve` (docs/log-integrity.md, "Bounded memory"). */
export interface MemoryLimits {
  maxCachedSessions: number;
  snapshotEvery: number;
  maxMemoryEvents: number;
}

export interface CliDeps {
  compose(workspaceDir: string, libraryDirs: string[], storeDir?: string, logKeyFile?: string, options?: { allowSelfApproval?: boolean; maxToolSeconds?: number; queueBound?: number; memory?: MemoryLimits; plugins?: PluginOptions }): Promise<Runtime>;
  /** Brings a PostgreSQL store's schema up to date (`zaptrace db migrate`). */
  migrate(url: string): Promise<{ from: number; to: number }>;
  out(line: string): void;
  err(line: string): void;
}

const collect = (value: string, previous: string[]) => [...previous, value];
const libraryDirs = (opt: string[] | undefined) => [...(opt ?? []), ...(process.env['ZAPTRACE_LIBRARY'] ?? '').split(':').filter(Boolean)].map((d) => resolve(d));

const intArg = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a non-negative integer`);
  return n;
};

const positiveNumber = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive number`);
  return n;
};

/** A directory (made absolute) or a PostgreSQL URL (kept as given). */
function storeLocation(store: string | undefined): string | undefined {
  if (!store) return undefined;
  return /^postgres(ql)?:\/\//.test(store) ? store : resolve(store);
}

function logKeyFile(opt: string | undefined): string | undefined {
  const file = opt ?? process.env['ZAPTRACE_LOG_KEY'];
  return file ? resolve(file) : undefined;
}

/** contract.md, "Approvals are human and independent": the opt-out is explicit, and said at start-up and in every release manifest. */
const SELF_APPROVAL_HELP = 'single-user development only: let a principal approve (design_commit) a design it authored; every release manifest then records self_approval_allowed: true';
const SELF_APPROVAL_BANNER = 'SELF-APPROVAL ALLOWED (--allow-self-approval): authors may approve their own designs; release manifests record self_approval_allowed: true. Not for shared or production use.';

const rateLimitArg = (v: string): RateLimitConfig => {
  const parsed = parseRateLimit(v);
  if (!parsed) throw new InvalidArgumentError('rate-limit must be RATE or RATE/BURST, e.g. 100/400 (requests per second / burst)');
  return parsed;
};

const PLUGIN_HELP = 'admit the plugin in DIR (repeatable; docs/plugins.md): its tools may need at most LEVEL (default read); evidence lets its checks count for release, workspace lets it read the workspace';
const PLUGIN_TRUST_HELP = "trust this publisher's Ed25519 public key (PEM) for --plugin manifests (repeatable)";

/** Says on stderr which plugin tools were admitted, under which principal. */
function announcePlugins(runtime: Runtime, err: (line: string) => void): void {
  for (const t of runtime.tools()) if (t.subject !== undefined) err(`plugin tool ${t.name} [${t.level}] runs as ${t.subject}`);
}

function workspaceDir(opt: string | undefined): string {
  return resolve(opt ?? process.env['ZAPTRACE_WORKSPACE'] ?? 'workspace');
}

export function buildProgram(deps: CliDeps): Command {
  const program = new Command('zaptrace').description('ZapTrace runtime: capability-gated PCB design tools for AI agents (MCP, REST, CLI).').version('0.1.0');
  program.exitOverride();

  program
    .command('serve')
    .description('REST at /api/v1 and MCP Streamable HTTP at /mcp on one server')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port', intArg('port'), 8787)
    .option('--workspace <dir>', 'workspace root for file tools (env ZAPTRACE_WORKSPACE)')
    .option('--dev-capability-headers', 'development mode: take grants from X-ZapTrace-Capabilities (loopback only; env ZAPTRACE_DEV_CAPABILITY_HEADERS=1)')
    .option('--grant-key <file>', 'Ed25519 public key (PEM) that verifies grant tokens (env ZAPTRACE_GRANT_PUBLIC_KEY)')
    .option('--library <dir>', 'add a user part library directory (repeatable; env ZAPTRACE_LIBRARY, colon-separated)', collect, [])
    .option('--store <dir|url>', 'keep session logs as fsync\'d JSON-lines files in DIR, or in PostgreSQL at postgres://… shared by several nodes (env ZAPTRACE_STORE); default: in memory')
    .option('--log-key <file>', 'Ed25519 private key (PKCS#8 PEM) that signs log heads (env ZAPTRACE_LOG_KEY); default: DIR/log-signing-key.pem, created on first start')
    .option('--allowed-host <name[:port]>', 'also answer to this Host name and browser Origin (repeatable); default: the bound address and port', collect, [])
    .option('--max-token-ttl <seconds>', 'refuse grant tokens whose lifetime (exp - iat) exceeds this', intArg('max-token-ttl'), 86_400)
    .option('--mcp-idle-minutes <minutes>', 'close MCP sessions with no request for this long', positiveNumber('mcp-idle-minutes'), 30)
    .option('--rate-limit <rate[/burst]>', 'requests per second and burst per principal, answered 429 with Retry-After and RateLimit headers beyond it (default 100/400)', rateLimitArg)
    .option('--max-tool-seconds <seconds>', "deadline of every tool call; a tool's own time limit is capped by it (DEADLINE_EXCEEDED)", positiveNumber('max-tool-seconds'), 120)
    .option('--queue-bound <n>', 'commands one session may have waiting before SERVER_BUSY (503 + Retry-After)', intArg('queue-bound'), 64)
    .option('--grace-seconds <seconds>', 'on SIGTERM, how long in-flight work may finish before it is stopped', positiveNumber('grace-seconds'), 10)
    .option('--allow-self-approval', SELF_APPROVAL_HELP)
    .addOption(new Option('--log-level <level>', 'structured log (JSON lines on stderr): one access line per request at info').choices(LOG_LEVELS).default('info'))
    .option('--max-cached-sessions <n>', 'session projections kept in memory; idle ones are rebuilt from a snapshot and the log', intArg('max-cached-sessions'), 1000)
    .option('--snapshot-every <n>', 'write a projection snapshot every N events of a session', intArg('snapshot-every'), 1000)
    .option('--max-memory-events <n>', 'without --store: most events held in memory; beyond it writes get SERVER_BUSY', intArg('max-memory-events'), 2_000_000)
    .option('--plugin <dir[=level,evidence,workspace]>', PLUGIN_HELP, collect, [])
    .option('--plugin-trust <key.pem>', PLUGIN_TRUST_HELP, collect, [])
    .action(async (opts: { plugin: string[]; pluginTrust: string[]; maxCachedSessions: number; snapshotEvery: number; maxMemoryEvents: number; host: string; port: number; workspace?: string; devCapabilityHeaders?: boolean; grantKey?: string; library?: string[]; store?: string; logKey?: string; allowedHost: string[]; maxTokenTtl: number; mcpIdleMinutes: number; allowSelfApproval?: boolean; rateLimit?: RateLimitConfig; maxToolSeconds: number; queueBound: number; graceSeconds: number; logLevel: LevelWithSilent }) => {
      const storeDir = opts.store ?? process.env['ZAPTRACE_STORE'];
      const allowSelfApproval = opts.allowSelfApproval === true;
      const plugins = pluginOptions(opts.plugin, opts.pluginTrust, [storeLocation(storeDir), logKeyFile(opts.logKey)]);
      const runtime = await deps.compose(workspaceDir(opts.workspace), libraryDirs(opts.library), storeLocation(storeDir), logKeyFile(opts.logKey), { allowSelfApproval, maxToolSeconds: opts.maxToolSeconds, queueBound: opts.queueBound, memory: { maxCachedSessions: opts.maxCachedSessions, snapshotEvery: Math.max(1, opts.snapshotEvery), maxMemoryEvents: opts.maxMemoryEvents }, ...(plugins ? { plugins } : {}) });
      if (allowSelfApproval) deps.err(SELF_APPROVAL_BANNER);
      announcePlugins(runtime, deps.err);
      await serve(
        runtime,
        {
          host: opts.host,
          port: opts.port,
          devCapabilityHeaders: opts.devCapabilityHeaders === true || process.env['ZAPTRACE_DEV_CAPABILITY_HEADERS'] === '1',
          grantKeyFile: opts.grantKey,
          allowedHosts: opts.allowedHost,
          maxTokenTtlSeconds: opts.maxTokenTtl,
          mcpIdleMinutes: opts.mcpIdleMinutes,
          graceSeconds: opts.graceSeconds,
          logLevel: opts.logLevel,
          ...(opts.rateLimit ? { rateLimit: opts.rateLimit } : {}),
        },
        deps.err,
      );
    });

  program
    .command('mcp')
    .description('MCP over stdio for desktop and CLI agents (the local process is the principal)')
    .option('--workspace <dir>', 'workspace root (env ZAPTRACE_WORKSPACE)')
    .addOption(new Option('--grant <level>', 'capability granted to this process (env ZAPTRACE_GRANT); default: read only'))
    .option('--library <dir>', 'add a user part library directory (repeatable; env ZAPTRACE_LIBRARY)', collect, [])
    .option('--store <dir>', 'keep session logs as JSON-lines files in DIR (env ZAPTRACE_STORE)')
    .option('--log-key <file>', 'Ed25519 private key (PKCS#8 PEM) that signs log heads (env ZAPTRACE_LOG_KEY)')
    .option('--allow-self-approval', SELF_APPROVAL_HELP)
    .option('--max-tool-seconds <seconds>', "deadline of every tool call; a tool's own time limit is capped by it (DEADLINE_EXCEEDED)", positiveNumber('max-tool-seconds'), 120)
    .option('--plugin <dir[=level,evidence,workspace]>', PLUGIN_HELP, collect, [])
    .option('--plugin-trust <key.pem>', PLUGIN_TRUST_HELP, collect, [])
    .action(async (opts: { plugin: string[]; pluginTrust: string[]; workspace?: string; grant?: string; library?: string[]; store?: string; logKey?: string; allowSelfApproval?: boolean; maxToolSeconds: number }) => {
      const grant = parseGrant(opts.grant ?? process.env['ZAPTRACE_GRANT']);
      const storeDir = opts.store ?? process.env['ZAPTRACE_STORE'];
      const allowSelfApproval = opts.allowSelfApproval === true;
      const plugins = pluginOptions(opts.plugin, opts.pluginTrust, [storeLocation(storeDir), logKeyFile(opts.logKey)]);
      const runtime = await deps.compose(workspaceDir(opts.workspace), libraryDirs(opts.library), storeLocation(storeDir), logKeyFile(opts.logKey), { allowSelfApproval, maxToolSeconds: opts.maxToolSeconds, ...(plugins ? { plugins } : {}) });
      if (allowSelfApproval) deps.err(SELF_APPROVAL_BANNER);
      announcePlugins(runtime, deps.err);
      const principal = { id: `local:${process.pid}`, authSource: 'stdio' as const, grant };
      const server = createMcpServer(runtime, createMcpConnection(runtime, principal));
      await server.connect(new StdioServerTransport());
      deps.err(`zaptrace MCP on stdio; grant: ${grant ?? 'read only'}`);
    });

  program
    .command('replay')
    .description('Rebuild the designs of a session log (JSON lines, or --store DIR --session ID) as they were at a log position')
    .argument('[file]', 'session log as JSON lines')
    .option('--to <seq>', 'last event to apply', intArg('seq'))
    .option('--full', 'print whole designs, not summaries')
    .option('--store <dir>', 'read the session from a store directory, starting from its nearest snapshot')
    .option('--session <id>', 'the session, with --store')
    .action(async (file: string | undefined, opts: { to?: number; full?: boolean; store?: string; session?: string }) => {
      let state;
      let verdict: { ok: boolean; first_broken?: { seq: number; index: number; reason: string } };
      let fromSnapshot: number | undefined;
      let tornTail: { line: number; bytes: number } | undefined;
      if (opts.store !== undefined || file === undefined) {
        if (opts.store === undefined || opts.session === undefined) throw new Error('give a log file, or --store DIR --session ID');
        ({ state, fromSnapshot } = await replayFromStore(opts.store, opts.session, opts.to));
        verdict = { ok: true }; // the store verified the file before serving it
      } else {
        // Streamed a window at a time: each line is parsed, its link checked from its bytes, folded and dropped (runtime/replay-log.ts).
        const bar = progressBar('replay');
        const replayed = replayLogFile(file, { ...(opts.to !== undefined ? { upTo: opts.to } : {}), onProgress: (done, total) => bar.update(done, total) });
        bar.end();
        if (replayed.badLine !== undefined) throw new Error(`${basename(file)}: line ${replayed.badLine} is not JSON`);
        state = replayed.state;
        verdict = replayed.chain;
        tornTail = replayed.tornTail;
      }
      const designs = Object.entries(state.designs).map(([name, entry]) => (opts.full ? { ...designSummary(name, entry), design: entry.design } : designSummary(name, entry)));
      deps.out(JSON.stringify({ session_id: state.session_id, seq: state.seq, chain_ok: verdict.ok, ...(verdict.first_broken ? { first_broken: verdict.first_broken } : {}), ...(fromSnapshot !== undefined ? { from_snapshot_seq: fromSnapshot } : {}), ...(tornTail ? { torn_tail: tornTail } : {}), designs }, null, 2));
    });

  const audit = program.command('audit').description('Audit trail tools');
  registerLogCommands(program, audit, deps);
  program
    .command('db')
    .description('PostgreSQL store maintenance')
    .command('migrate')
    .description('Create or upgrade the event store schema (serve also does this at start; a schema newer than the code is refused)')
    .requiredOption('--store <url>', 'postgres://… (env ZAPTRACE_STORE)')
    .action(async (opts: { store: string }) => {
      const { from, to } = await deps.migrate(opts.store);
      deps.out(JSON.stringify({ ok: true, schema_from: from, schema_to: to }));
    });
  registerSecurityVerifyCommand(audit, deps);
  registerRouteCommand(program, deps);
  registerVerifyReleaseCommand(program, deps);
  registerPluginCommands(program, deps);
  return program;
}
