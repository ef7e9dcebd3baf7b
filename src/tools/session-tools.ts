import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { globalTool, sessionTool } from './define.js';

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
    output: z.object({ sessions: z.array(z.object({ session_id: z.string(), seq: z.number(), designs: z.array(z.string()), quarantined: z.literal(true).optional() })) }),
    async handler(_input, ctx) {
      return { result: { sessions: await ctx.runtime.listSessions(ctx.call.principal) } };
    },
  }),
];

/** Principal ids as the surfaces mint them: `token:<sub>`, `local:<pid>`, `dev:loopback`. */
const PrincipalId = z.string().min(3).max(120).regex(/^[a-z]+:[A-Za-z0-9@._:-]+$/, 'a principal id such as token:alice (grant tokens give token:<sub>)');

/**
 * The owner names a reviewer (contract.md, "Approvals are human and independent"): the reviewer may
 * then read this session and approve its designs (design_commit, design_transaction_commit), never
 * edit them. Anonymous principals are only socket addresses, so they cannot be named.
 */
export const reviewerTool = sessionTool({
  name: 'session_add_reviewer',
  title: 'Name a reviewer for this session',
  description:
    'Owner only. Lets another principal (e.g. token:alice) read this session and approve its designs with design_commit; a reviewer can never edit. An approval must come from a principal who authored no change of the approved state, so releasing needs a reviewer unless the server runs with --allow-self-approval.',
  level: 'sandbox-write',
  input: { principal: PrincipalId },
  output: z.object({ session_id: z.string(), reviewers: z.array(z.string()) }),
  handler(input, ctx) {
    if (input.principal === ctx.state.owner) throw new ZapTraceError('INVALID_INPUT', 'the owner cannot be its own reviewer', { path: 'principal' });
    if (input.principal.startsWith('anon:')) throw new ZapTraceError('INVALID_INPUT', 'an anonymous caller cannot be a reviewer: name a principal with a grant token', { path: 'principal' });
    const known = ctx.state.reviewers.includes(input.principal);
    return {
      events: known ? [] : [{ type: 'ReviewerAdded', data: { principal: input.principal } }],
      after: (s) => ({ session_id: s.session_id, reviewers: [...s.reviewers] }),
    };
  },
});
