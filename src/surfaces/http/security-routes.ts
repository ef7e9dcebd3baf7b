import Router from '@koa/router';
import { z } from 'zod';
import { readSecurityRecords } from '../../runtime/security-access.js';
import type { Runtime } from '../../runtime/runtime.js';
import { zodIssuesToError } from '../../runtime/validation.js';
import type { RestState } from '../rest/routes.js';
import type { HttpMetrics } from './metrics.js';

const PageQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** GET /api/v1/security/events (audit claim only) and GET /metrics (Prometheus text). */
export function securityRouter(runtime: Runtime, metrics: HttpMetrics, openMcpSessions: () => number): Router {
  const router = new Router();
  router.get('/api/v1/security/events', async (ctx) => {
    const state = ctx.state as RestState;
    const parsed = PageQuery.safeParse(ctx.query);
    if (!parsed.success) throw zodIssuesToError(parsed.error);
    const page = await readSecurityRecords(runtime.securityLog, state.principal, parsed.data, { surface: 'rest', requestId: state.requestId });
    ctx.body = { ok: true, ...page, request_id: state.requestId };
  });
  router.get('/metrics', (ctx) => {
    ctx.type = 'text/plain; version=0.0.4; charset=utf-8';
    ctx.body = metrics.render({ denials: () => runtime.securityLog.counts(), openMcpSessions });
  });
  return router;
}
