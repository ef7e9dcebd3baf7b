import { z } from 'zod';
import { globalTool } from './define.js';

export const sessionTools = [
  globalTool({
    name: 'session_create',
    title: 'Create a session',
    description: 'Creates a new session owned by the caller and returns its server-minted id. Every design, check and audit event lives in a session.',
    level: 'read',
    input: {},
    output: z.object({ session_id: z.string() }),
    async handler(_input, ctx) {
      const id = await ctx.runtime.createSession(ctx.call.principal, { surface: ctx.call.surface, actor: ctx.call.actor, requestId: ctx.call.requestId, ...(ctx.call.idempotencyKey !== undefined ? { idempotencyKey: ctx.call.idempotencyKey } : {}) });
      return { result: { session_id: id } };
    },
  }),
  globalTool({
    name: 'session_list',
    title: 'List my sessions',
    description: "Lists the caller's own sessions with their log length and design names.",
    level: 'read',
    input: {},
    output: z.object({ sessions: z.array(z.object({ session_id: z.string(), seq: z.number(), designs: z.array(z.string()) })) }),
    async handler(_input, ctx) {
      return { result: { sessions: await ctx.runtime.listSessions(ctx.call.principal) } };
    },
  }),
];
