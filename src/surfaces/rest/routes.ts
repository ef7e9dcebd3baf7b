import { PassThrough } from 'node:stream';
import { own } from '../../kernel/own.js';
import Router from '@koa/router';
import type { AnyEvent } from '../../runtime/events/types.js';
import type { Context } from 'koa';
import { z } from 'zod';
import { ZapTraceError } from '../../kernel/errors.js';
import type { CallContext, Principal } from '../../runtime/principal.js';
import type { Runtime } from '../../runtime/runtime.js';
import { replay } from '../../runtime/projections/session-state.js';
import { AuditQuery, queryAudit } from '../../tools/audit-tools.js';
import { designSummary } from '../../tools/design-views.js';
import { toolCatalog } from '../tool-catalog.js';
import { openApiDocument } from './openapi.js';
import { zodIssuesToError } from '../../runtime/validation.js';
import { parseIdempotencyKey } from '../../runtime/idempotency.js';
import { attachLogHead, registerLogRoutes } from './log-routes.js';
import { clientGoneSignal } from './client-signal.js';
import { registerReviewRoutes } from './review-routes.js';

/** Koa state set by the HTTP front (http/app.ts) before any route runs. */
export interface RestState {
  principal: Principal;
  requestId: string;
}

export function callContext(ctx: Context): CallContext {
  const state = ctx.state as RestState;
  return {
    principal: state.principal,
    surface: 'rest',
    actor: (ctx.get('x-zaptrace-actor') || 'rest-client').slice(0, 200),
    reason: ctx.get('x-zaptrace-reason').slice(0, 500),
    requestId: state.requestId,
    ...idempotencyKeyOf(ctx),
    signal: clientGoneSignal(ctx),
  };
}

/** RFC-draft `Idempotency-Key` header (draft-ietf-httpapi-idempotency-key-header). */
function idempotencyKeyOf(ctx: Context): { idempotencyKey?: string } {
  const key = parseIdempotencyKey(ctx.get('idempotency-key'), 'Idempotency-Key');
  return key === undefined ? {} : { idempotencyKey: key };
}

function headerSession(ctx: Context): string | null {
  const id = ctx.get('x-zaptrace-session-id');
  return id === '' ? null : id;
}

function requireSessionHeader(ctx: Context): string {
  const id = headerSession(ctx);
  if (id === null) throw new ZapTraceError('SESSION_REQUIRED', 'send X-ZapTrace-Session-Id (create one with POST /api/v1/sessions)', {});
  return id;
}

const AuditQuerySchema = z.object({
  ...AuditQuery,
  after_seq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export function restRouter(runtime: Runtime): Router {
  const router = new Router({ prefix: '/api/v1' });
  const catalog = toolCatalog(runtime);

  router.get('/health', (ctx) => {
    ctx.body = { ok: true, service: 'zaptrace', tools: catalog.length };
  });
  router.get('/openapi.json', (ctx) => {
    ctx.body = openApiDocument(catalog, ctx.host ? `${ctx.protocol}://${ctx.host}` : undefined); // Host was checked by the host guard
  });
  router.get('/tools', (ctx) => {
    ctx.body = { tools: catalog.map((t) => ({ name: t.name, title: t.title, description: t.description, level: t.level, session: t.session, input_schema: t.inputJsonSchema })) };
  });
  router.post('/sessions', async (ctx) => {
    const call = callContext(ctx);
    const id = await runtime.createSession(call.principal, { surface: 'rest', actor: call.actor, requestId: call.requestId, ...(call.idempotencyKey !== undefined ? { idempotencyKey: call.idempotencyKey } : {}) });
    await attachLogHead(ctx, runtime, id);
    ctx.status = 201;
    ctx.body = { session_id: id };
  });
  router.get('/sessions', async (ctx) => {
    ctx.body = { sessions: await runtime.listSessions(callContext(ctx).principal) };
  });
  router.post('/tools/:tool', async (ctx) => {
    const call = callContext(ctx);
    const body: unknown = ctx.request.body ?? {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ZapTraceError('INVALID_INPUT', 'the body must be a JSON object of tool arguments', { path: '' });
    const input = body as Record<string, unknown>;
    const tool = runtime.tool(ctx.params['tool'] ?? '');
    let sessionId: string | null = null;
    if (tool?.session === 'required') {
      const fromHeader = headerSession(ctx);
      const fromBody = typeof input['session_id'] === 'string' ? input['session_id'] : null;
      if (fromHeader !== null && fromBody !== null && fromHeader !== fromBody) {
        throw new ZapTraceError('INVALID_INPUT', 'session_id in the body differs from X-ZapTrace-Session-Id', { path: 'session_id' });
      }
      // Mutating REST calls must name their session in the header (contract.md, "Sessions and principals").
      sessionId = tool.level === 'read' ? (fromHeader ?? fromBody) : fromHeader;
      if (sessionId === null) requireSessionHeader(ctx);
    }
    const result = await runtime.invoke({ tool: ctx.params['tool'] ?? '', input, call, sessionId });
    await attachLogHead(ctx, runtime, sessionId);
    ctx.body = { ok: true, result, request_id: call.requestId };
  });
  router.get('/audit/events', async (ctx) => {
    const call = callContext(ctx);
    const sessionId = requireSessionHeader(ctx);
    await runtime.assertOwner(call.principal, sessionId, 'audit/events', { surface: 'rest', requestId: call.requestId });
    const parsed = AuditQuerySchema.safeParse(ctx.query);
    if (!parsed.success) throw zodIssuesToError(parsed.error);
    ctx.body = { session_id: sessionId, ...(await queryAudit((range) => runtime.readEvents(sessionId, range), parsed.data)) };
  });
  router.get('/sessions/:id/events', async (ctx) => {
    const call = callContext(ctx);
    const sessionId = ctx.params['id'] ?? '';
    await runtime.assertOwner(call.principal, sessionId, 'sessions/events', { surface: 'rest', requestId: call.requestId });
    const from = Number(ctx.query['from'] ?? 1);
    // The signed head is read first and the events up to it, so the closing head line always covers
    // the last exported event and `zaptrace audit verify --log-pubkey` can check the signature.
    const head = await runtime.store.coveringHead(sessionId);
    const events = await runtime.readEvents(sessionId, { ...(Number.isInteger(from) && from > 0 ? { from } : {}), ...(head ? { to: head.seq } : {}) });
    const lines = events.map((e) => JSON.stringify(e));
    if (head && events.length > 0) lines.push(JSON.stringify({ head }));
    ctx.type = 'application/x-ndjson';
    ctx.body = lines.join('\n') + (lines.length ? '\n' : '');
  });
  router.get('/sessions/:id/stream', async (ctx) => {
    // Server-sent events for live viewers: the backlog from ?from=SEQ, then every new event (rxjs stream).
    const call = callContext(ctx);
    const sessionId = ctx.params['id'] ?? '';
    await runtime.assertOwner(call.principal, sessionId, 'sessions/stream', { surface: 'rest', requestId: call.requestId });
    const from = Number(ctx.query['from'] ?? 1);
    const stream = new PassThrough();
    let last = 0;
    const send = (e: AnyEvent) => {
      if (e.seq <= last) return;
      last = e.seq;
      stream.write(`id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
    };
    const pending: AnyEvent[] = [];
    let live = false;
    const sub = runtime.store.stream(sessionId).subscribe((e) => (live ? send(e) : pending.push(e)));
    for (const e of await runtime.readEvents(sessionId, Number.isInteger(from) && from > 0 ? { from } : {})) send(e);
    pending.forEach(send);
    live = true;
    ctx.req.socket.setTimeout(0);
    // The stream lives no longer than the grant token that opened it (contract.md, "Sessions and principals").
    const expiresAt = call.principal.expiresAt;
    const expiry = expiresAt === undefined ? undefined : setTimeout(() => {
      sub.unsubscribe();
      stream.end();
    }, Math.min(Math.max(0, expiresAt * 1000 - Date.now()), 2 ** 31 - 1));
    expiry?.unref();
    ctx.req.on('close', () => {
      if (expiry) clearTimeout(expiry);
      sub.unsubscribe();
      stream.end();
    });
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'text/event-stream';
    ctx.body = stream;
  });
  router.get('/designs/:name', async (ctx) => {
    const call = callContext(ctx);
    const sessionId = requireSessionHeader(ctx);
    await runtime.assertOwner(call.principal, sessionId, 'designs', { surface: 'rest', requestId: call.requestId });
    const at = ctx.query['at'];
    let state = await runtime.state(sessionId);
    if (at !== undefined) {
      const seq = Number(at);
      if (!Number.isInteger(seq) || seq < 1) throw new ZapTraceError('INVALID_INPUT', 'at must be a positive integer log position', { path: 'at' });
      state = replay(await runtime.readEvents(sessionId, { to: seq }), { sessionId, upTo: seq });
    }
    const name = ctx.params['name'] ?? '';
    const entry = own(state.designs, name);
    if (!entry) throw new ZapTraceError('NOT_FOUND', `no design named "${name.slice(0, 120)}" at this log position`, { path: 'name' });
    ctx.body = { seq: state.seq, summary: designSummary(name, entry), design: entry.design };
  });
  registerLogRoutes(router, runtime, async (ctx, sessionId, what) => {
    const call = callContext(ctx);
    await runtime.assertOwner(call.principal, sessionId, what, { surface: 'rest', requestId: call.requestId });
  });
  registerReviewRoutes(router, runtime, callContext);
  return router;
}
