import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Runtime } from '../../runtime/runtime.js';
import { createHttpApp } from '../http/app.js';
import { isLoopbackHost, loadGrantKey } from '../http/auth.js';
import { installGracefulShutdown } from './graceful-shutdown.js';
import type { LevelWithSilent } from 'pino';
import { accessLog, createServerLogger } from '../http/access-log.js';
import { boundHostPolicy, createHostPolicy, type HostPolicy } from '../http/host-guard.js';

export interface ServeOptions {
  host: string;
  port: number;
  devCapabilityHeaders: boolean;
  grantKeyFile?: string | undefined;
  rateLimit?: { ratePerSecond: number; burst: number };
  /** `--allowed-host NAME[:PORT]`: names beyond the bound address this server answers to. */
  allowedHosts?: string[];
  /** `--max-token-ttl SECONDS`. */
  maxTokenTtlSeconds?: number;
  /** `--mcp-idle-minutes`. */
  mcpIdleMinutes?: number;
  /** `--grace-seconds`: on SIGTERM, how long in-flight work may finish (default 10). */
  graceSeconds?: number;
  /** `--log-level`: threshold of the structured log on stderr (default info). */
  logLevel?: LevelWithSilent;
}

/** Starts REST + MCP over HTTP. Development mode refuses any non-loopback address. */
export async function serve(runtime: Runtime, options: ServeOptions, log: (line: string) => void): Promise<Server> {
  if (options.devCapabilityHeaders && !isLoopbackHost(options.host)) {
    throw new Error(`refusing to start: --dev-capability-headers takes grants from request headers and is allowed only on a loopback host, not ${options.host}`);
  }
  const grantPublicKey = options.grantKeyFile ? loadGrantKey(readFileSync(options.grantKeyFile, 'utf8')) : loadGrantKey(process.env['ZAPTRACE_GRANT_PUBLIC_KEY']);
  const extraHosts = options.allowedHosts ?? [];
  createHostPolicy(extraHosts); // refuses a malformed --allowed-host before binding
  // Until listen reports the real port (port 0), nothing but the configured names is allowed.
  let policy: HostPolicy = boundHostPolicy(options.host, options.port, extraHosts);
  const logger = createServerLogger(options.logLevel ?? 'info');
  const { app, mcp, operations } = createHttpApp(runtime, {
    accessLog: accessLog(logger),
    devCapabilityHeaders: options.devCapabilityHeaders,
    grantPublicKey,
    maxTokenTtlSeconds: options.maxTokenTtlSeconds,
    hostPolicy: () => policy,
    ...(options.mcpIdleMinutes !== undefined ? { mcpSessions: { idleMs: options.mcpIdleMinutes * 60_000 } } : {}),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
  });
  const server = app.listen(options.port, options.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  server.on('close', () => void mcp.close());
  app.on('internal-error', (err: unknown, requestId: unknown) => logger.error({ request_id: requestId, err }, 'internal error'));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  policy = boundHostPolicy(options.host, port, extraHosts);
  const base = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  log(`zaptrace listening on ${base}  (REST ${base}/api/v1, MCP ${base}/mcp, review app ${base}/app/)`);
  log(`Host/Origin allow-list (DNS rebinding protection): ${policy.entries().join(', ')}`);
  if (options.devCapabilityHeaders) {
    log('DEVELOPMENT MODE: grants are taken from the X-ZapTrace-Capabilities header. Loopback only; never expose this server.');
  } else {
    log(`Auth: ${grantPublicKey ? 'Ed25519 grant tokens (Authorization: Bearer ...)' : 'no grant key configured'}; anonymous callers are read-only.`);
  }
  installGracefulShutdown({ server, operations, runtime, mcp }, { graceMs: (options.graceSeconds ?? 10) * 1000, log, exit: (code) => process.exit(code) });
  return server;
}
