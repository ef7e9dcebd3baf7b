import type { Context, Middleware } from 'koa';
import pino, { type Logger, type LevelWithSilent } from 'pino';

export const LOG_LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * The server's structured log: JSON lines on stderr (where the start-up lines go; stdout stays free for
 * command output). No request headers or bodies are ever logged, so grant tokens and design text never
 * reach the log; the redaction is a second guard for fields someone adds later.
 */
export function createServerLogger(level: LevelWithSilent = 'info'): Logger {
  return pino({ level, base: { service: 'zaptrace' }, redact: { paths: ['authorization', 'token', '*.authorization', '*.token'], censor: '[redacted]' } }, pino.destination({ fd: 2, sync: false }));
}

interface LoggedState {
  principal?: { id: string };
}

/**
 * One access line per request, written when the response is finished (SSE streams: when they close):
 * method, route, status, ms, principal, session, request id, tool, decision. Errors (5xx) are logged at
 * `error` with the same request id the client received in the envelope and X-Request-Id.
 */
export function accessLog(logger: Logger): Middleware {
  return async (ctx, next) => {
    const started = performance.now();
    ctx.res.once('close', () => {
      const status = ctx.res.headersSent ? ctx.res.statusCode : ctx.status;
      const line = {
        method: ctx.method,
        route: routeOf(ctx),
        status,
        ms: Math.round(performance.now() - started),
        principal: (ctx.state as LoggedState).principal?.id ?? null,
        session: sessionOf(ctx),
        request_id: requestIdOf(ctx),
        tool: toolOf(ctx),
        decision: status < 400 ? 'allow' : 'deny',
        ...(status >= 400 ? { code: errorCodeOf(ctx) } : {}),
      };
      if (status >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request');
    });
    await next();
  };
}

function routeOf(ctx: Context): string {
  const matched = (ctx as Context & { _matchedRoute?: unknown })._matchedRoute;
  return (typeof matched === 'string' ? matched : ctx.path).slice(0, 200);
}

function sessionOf(ctx: Context): string | null {
  const id = ctx.get('x-zaptrace-session-id') || (ctx.params as Record<string, string> | undefined)?.['id'] || '';
  return id ? id.slice(0, 200) : null;
}

function requestIdOf(ctx: Context): string | null {
  const fromHeader = ctx.response.get('X-Request-Id');
  if (fromHeader) return fromHeader;
  const body = ctx.body as { error?: { request_id?: unknown } } | null | undefined;
  return typeof body?.error?.request_id === 'string' ? body.error.request_id : null;
}

function toolOf(ctx: Context): string | null {
  const rest = (ctx.params as Record<string, string> | undefined)?.['tool'];
  if (rest) return rest.slice(0, 100);
  const rpc = ctx.request.body as { method?: unknown; params?: { name?: unknown } } | undefined;
  return ctx.path === '/mcp' && rpc?.method === 'tools/call' && typeof rpc.params?.name === 'string' ? rpc.params.name.slice(0, 100) : null;
}

function errorCodeOf(ctx: Context): string | null {
  const body = ctx.body as { error?: { code?: unknown } } | null | undefined;
  return typeof body?.error?.code === 'string' ? body.error.code : null;
}
