import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import { ZapTraceError, toErrorEnvelope, type ErrorCode } from '../../kernel/errors.js';
import type { SecurityLog } from '../../runtime/security-log.js';
import { isLoopbackHost } from './auth.js';

/**
 * DNS-rebinding defence (contract.md, "What no tool does": every HTTP surface checks Host and
 * Origin, in every mode; MCP transports spec 2025-11-25, "Security Warning"). A page on
 * attacker.example that rebinds its name to 127.0.0.1 still sends `Host: attacker.example` and
 * `Origin: http://attacker.example`; both are refused before authentication or body parsing.
 */
interface HostEntry {
  name: string;
  /** null: any port (an `--allowed-host` given without a port, or an app that does not know its port yet). */
  port: number | null;
}

export interface HostPolicy {
  allowsHost(hostHeader: string | undefined): boolean;
  allowsOrigin(origin: string): boolean;
  /** The allow-list as NAME[:PORT] strings, for the start-up banner. */
  entries(): string[];
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];
const WILDCARD = new Set(['0.0.0.0', '::']);

/** Splits `name`, `name:port`, `[v6]`, `[v6]:port`; null when it is none of those. */
export function parseHostPort(text: string): HostEntry | null {
  const t = text.trim().toLowerCase();
  const m = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::(\d{1,5}))?$/.exec(t);
  if (!m) return null;
  const port = m[3] === undefined ? null : Number(m[3]);
  if (port !== null && port > 65_535) return null;
  return { name: m[1] ?? m[2]!, port };
}

function matches(entries: readonly HostEntry[], name: string, port: number): boolean {
  return entries.some((e) => e.name === name && (e.port === null || e.port === port));
}

export function createHostPolicy(allowed: readonly string[]): HostPolicy {
  const list: HostEntry[] = [];
  for (const a of allowed) {
    const e = parseHostPort(a);
    if (!e) throw new Error(`--allowed-host ${a.slice(0, 100)}: expected NAME or NAME:PORT`);
    list.push(e);
  }
  return {
    allowsHost(hostHeader) {
      const h = hostHeader === undefined ? null : parseHostPort(hostHeader);
      // RFC 9110 §7.2: no port in Host means the scheme's default (plain HTTP here).
      return h !== null && matches(list, h.name, h.port ?? 80);
    },
    allowsOrigin(origin) {
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return false; // includes the opaque origin "null" (sandboxed frames, file: pages)
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
      const name = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
      const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
      return matches(list, name, port);
    },
    entries: () => list.map((e) => `${e.name.includes(':') ? `[${e.name}]` : e.name}${e.port === null ? '' : `:${e.port}`}`),
  };
}

/**
 * The default allow-list of a bound server: the loopback names with the bound port when bound to
 * loopback (or to every interface, which includes loopback), else the bound address and port;
 * `extra` (`--allowed-host`) adds more.
 */
export function boundHostPolicy(boundHost: string, port: number, extra: readonly string[] = []): HostPolicy {
  const bare = boundHost.replace(/^\[|\]$/g, '').toLowerCase();
  const names = isLoopbackHost(bare) || WILDCARD.has(bare) ? [...LOOPBACK_NAMES] : [];
  if (!isLoopbackHost(bare)) names.push(bare);
  return createHostPolicy([...names.map((n) => `${n.includes(':') ? `[${n}]` : n}:${port}`), ...extra]);
}

/**
 * An app not told its allow-list (tests, embedding): the loopback names with the port the request
 * arrived on, so another local port's page is still a foreign origin.
 */
export function loopbackPolicyByPort(): (localPort: number) => HostPolicy {
  const cache = new Map<number, HostPolicy>();
  return (port) => {
    let p = cache.get(port);
    if (!p) {
      p = boundHostPolicy('127.0.0.1', port);
      if (cache.size < 64) cache.set(port, p);
    }
    return p;
  };
}

export interface HostGuardOptions {
  /** Read per request (serve() learns its port only after listen); given the port the request arrived on. */
  policy: (localPort: number) => HostPolicy;
  securityLog: SecurityLog;
}

/** Koa middleware; mount it first. Requests without Origin (non-browser clients) pass the Origin check. */
export function hostGuard(options: HostGuardOptions): Middleware {
  return async (ctx, next) => {
    const policy = options.policy(ctx.req.socket.localPort ?? 0);
    const host = ctx.req.headers.host;
    const origin = ctx.req.headers.origin;
    let code: ErrorCode | null = null;
    let object = '';
    if (!policy.allowsHost(host)) {
      code = 'HOST_NOT_ALLOWED';
      object = `host:${host ?? ''}`;
    } else if (origin !== undefined && !policy.allowsOrigin(origin)) {
      code = 'ORIGIN_NOT_ALLOWED';
      object = `origin:${origin}`;
    }
    if (code === null) return next();
    const requestId = randomUUID();
    options.securityLog.record({
      principal: `unauthenticated:${ctx.req.socket.remoteAddress ?? 'unknown'}`,
      surface: ctx.path === '/mcp' ? 'mcp' : 'rest',
      tool: `${ctx.method} ${ctx.path.slice(0, 100)}`,
      object,
      reason: code,
      request_id: requestId,
    });
    const message = code === 'HOST_NOT_ALLOWED' ? 'this server does not answer to that Host name (DNS rebinding protection); see --allowed-host' : 'requests from that browser origin are refused (DNS rebinding protection)';
    await options.securityLog.flush();
    ctx.set('X-Request-Id', requestId);
    ctx.status = 403;
    ctx.body = toErrorEnvelope(new ZapTraceError(code, message, {}), requestId);
  };
}
