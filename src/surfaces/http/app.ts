import { randomUUID } from 'node:crypto';
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import { ZapTraceError, toErrorEnvelope, ERROR_STATUS } from '../../kernel/errors.js';
import type { Runtime } from '../../runtime/runtime.js';
import { restRouter, type RestState } from '../rest/routes.js';
import { createMcpHttpHandler } from '../mcp/http-transport.js';
import { authenticate, type HttpAuthConfig } from './auth.js';
import { createRateLimiter, DEFAULT_RATE_LIMIT, rateLimitHeaders } from './rate-limit.js';
import { createAuthFailureGuard } from './auth-failures.js';
import { createOperations } from './operations.js';
import { hostGuard, loopbackPolicyByPort, type HostPolicy } from './host-guard.js';
import { createHttpMetrics } from './metrics.js';
import { securityRouter } from './security-routes.js';
import { reviewApp } from './review-app.js';
import { recordDenialOnce } from '../../runtime/security-log.js';
import type { McpSessionLimits } from '../mcp/http-transport.js';

export interface HttpAppOptions extends HttpAuthConfig {
  bodyLimitBytes?: number;
  rateLimit?: { ratePerSecond: number; burst: number };
  /** Host/Origin allow-list, read per request (serve() knows its port only after listen); default: loopback names with the port a request arrived on. */
  hostPolicy?: (localPort: number) => HostPolicy;
  mcpSessions?: McpSessionLimits;
  /** Runs first, so refusals by the host guard are logged too (./access-log.ts). */
  accessLog?: Koa.Middleware;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** One koa server: REST at /api/v1 and MCP Streamable HTTP at /mcp, with the same principal rules. */
export function createHttpApp(runtime: Runtime, options: HttpAppOptions) {
  const app = new Koa();
  app.proxy = false; // X-Forwarded-For is never trusted: rate limits key on the socket.
  const limiter = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const authFailures = createAuthFailureGuard();
  const operations = createOperations(runtime);
  const mcp = createMcpHttpHandler(runtime, options.mcpSessions);
  const bodyLimit = options.bodyLimitBytes ?? 5 * 1024 * 1024;
  const metrics = createHttpMetrics();

  if (options.accessLog) app.use(options.accessLog);
  // DNS rebinding: Host and Origin are checked before authentication, body parsing or any other work.
  app.use(metrics.count);
  app.use(hostGuard({ policy: options.hostPolicy ?? loopbackPolicyByPort(), securityLog: runtime.securityLog }));
  // Probes: no authentication, no rate limit (an orchestrator polls them); the request counter for graceful shutdown.
  app.use(operations.middleware);

  app.use(async (ctx, next) => {
    const given = ctx.get('x-request-id');
    const requestId = REQUEST_ID.test(given) ? given : randomUUID();
    ctx.set('X-Request-Id', requestId);
    try {
      const declared = Number(ctx.get('content-length') || 0);
      if (declared > bodyLimit) throw new ZapTraceError('PAYLOAD_TOO_LARGE', `request body over ${bodyLimit} bytes`, { limit_bytes: bodyLimit });
      const remoteAddress = ctx.request.socket.remoteAddress ?? 'unknown';
      const principal = await authenticate(options, { header: (n) => ctx.get(n) || undefined, remoteAddress }).catch((err: unknown) => {
        throw authFailures.refuse(remoteAddress, err);
      });
      (ctx.state as RestState).principal = principal; // before the limiter, so a 429's security record names who
      const rate = limiter.take(principal.id);
      ctx.set(rateLimitHeaders(limiter.config, rate));
      if (!rate.allowed) throw new ZapTraceError('RATE_LIMITED', 'too many requests; slow down', { retry_after_seconds: rate.retryAfterSeconds });
      (ctx.state as RestState).requestId = requestId;
      await next();
      if (ctx.status === 404 && ctx.body == null && ctx.respond !== false) {
        throw new ZapTraceError('NOT_FOUND', 'no such route', { path: ctx.path.slice(0, 200) });
      }
    } catch (err) {
      let e = err;
      const status = (err as { status?: number; type?: string }).status;
      if (!(err instanceof ZapTraceError) && status === 413) e = new ZapTraceError('PAYLOAD_TOO_LARGE', `request body over ${bodyLimit} bytes`, { limit_bytes: bodyLimit });
      else if (!(err instanceof ZapTraceError) && status === 400) e = new ZapTraceError('INVALID_INPUT', 'the body is not valid JSON', { path: '' });
      else if (!(err instanceof ZapTraceError) && status === 415) e = new ZapTraceError('INVALID_INPUT', 'send application/json', { path: '' });
      const envelope = toErrorEnvelope(e, requestId);
      const who = (ctx.state as Partial<RestState>).principal?.id ?? `unauthenticated:${ctx.request.socket.remoteAddress ?? 'unknown'}`;
      recordDenialOnce(runtime.securityLog, e, { principal: who, surface: ctx.path === '/mcp' ? 'mcp' : 'rest', tool: `${ctx.method} ${ctx.path.slice(0, 100)}`, object: ctx.get('mcp-session-id').slice(0, 200), request_id: requestId });
      // A refusal is answered only once its security record is durable (group commit: one fsync per batch).
      await runtime.securityLog.flush();
      if (envelope.error.code === 'INTERNAL_ERROR') ctx.app.emit('internal-error', err, requestId);
      ctx.status = ERROR_STATUS[envelope.error.code];
      // Every refusal that says "later" says when (RFC 9110 §10.2.3).
      const retryAfter = envelope.error.details['retry_after_seconds'];
      if (typeof retryAfter === 'number' && Number.isFinite(retryAfter)) ctx.set('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
      ctx.body = envelope;
    }
  });

  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: bodyLimit, encoding: 'utf-8' }));

  app.use(async (ctx, next) => {
    if (ctx.path !== '/mcp') return next();
    const state = ctx.state as RestState;
    ctx.respond = false;
    try {
      await mcp.handle(ctx.req, ctx.res, ctx.request.body, state.principal, {
        actor: (ctx.get('x-zaptrace-actor') || 'mcp-http-client').slice(0, 200),
        reason: ctx.get('x-zaptrace-reason').slice(0, 500),
      });
    } catch (err) {
      ctx.respond = true;
      throw err;
    }
  });

  app.use(reviewApp()); // the review web app at /app/ (static, built into dist/web)
  const security = securityRouter(runtime, metrics, () => mcp.sessions.size);
  app.use(security.routes());
  const router = restRouter(runtime);
  app.use(router.routes());
  app.use(router.allowedMethods());
  app.on('error', () => undefined);
  return { app, mcp, operations };
}
