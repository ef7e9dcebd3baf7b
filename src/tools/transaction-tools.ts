import { z } from 'zod';
import { checkIndependentApproval } from '../runtime/approval-policy.js';
import { authorsOf } from '../runtime/projections/authorship.js';
import { Statement } from './edit-tools.js';
import { isRangeIssue } from '../kernel/range-issue.js';
import { ZapTraceError } from '../kernel/errors.js';
import { sha256Hex } from '../kernel/hash.js';
import { diffDesigns } from '../eda/diff/index.js';
import type { SessionState, Transaction } from '../runtime/projections/session-state.js';
import { DesignName, looseObject, requireDesign, sessionTool } from './define.js';
import { foldDrafts } from './scratch.js';
import { designText, runHeavy } from './heavy.js';

/** Operations a transaction may preview: the sandbox-write design edits. */
export const TRANSACTION_OPERATIONS = ['component_add', 'component_remove', 'board_update', 'net_add', 'net_connect', 'place_components', 'route_nets'] as const;

const TxId = z.string().regex(/^tx_[0-9a-f]{16}$/, 'a transaction id from design_transaction_preview');

function requireTx(state: SessionState, txId: string, open = true): Transaction {
  const tx = state.transactions[txId];
  if (!tx) throw new ZapTraceError('NOT_FOUND', `no transaction ${txId} in this session`, { path: 'tx_id' });
  if (open && tx.status !== 'open') throw new ZapTraceError('INVALID_INPUT', `transaction ${txId} is ${tx.status}`, { path: 'tx_id', status: tx.status });
  return tx;
}

const txView = (tx: Transaction) => ({
  tx_id: tx.tx_id,
  design_name: tx.design_name,
  operation: tx.operation,
  reason: tx.reason,
  status: tx.status,
  parent_hash: tx.parent_hash,
  candidate_hash: tx.candidate_hash,
  validation: tx.validation,
  seq: tx.seq,
});

export const transactionTools = [
  sessionTool({
    name: 'design_transaction_preview',
    title: 'Preview an edit as a transaction',
    description: `Applies one sandbox-write operation (${TRANSACTION_OPERATIONS.join(', ')}) to a candidate copy of a design and returns the candidate hash, the parent hash and a semantic diff. The design itself is untouched.`,
    level: 'preview-write',
    input: {
      design_name: DesignName,
      operation: z.enum(TRANSACTION_OPERATIONS),
      params: z.record(z.string(), z.unknown()).default({}),
      reason: z.string().max(500).default(''),
    },
    output: looseObject({ tx_id: z.string(), parent_hash: z.string(), candidate_hash: z.string(), diff: looseObject({ identical: z.boolean() }) }),
    async handler(input, ctx) {
      const parent = requireDesign(ctx.state, input.design_name);
      const op = ctx.runtime.tool(input.operation)!;
      const parsed = op.input.safeParse({ ...input.params, design_name: input.design_name });
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new ZapTraceError(first && isRangeIssue(first as { code: string }) ? 'UNPROCESSABLE' : 'INVALID_INPUT', `params for ${input.operation}: ${first?.message ?? 'invalid'}`, { path: `params.${first?.path.join('.') ?? ''}` });
      }
      // The operation's own decide step, run against the session state; its events are folded onto a scratch copy.
      const outcome = await op.handler(parsed.data, ctx as never);
      const drafts = ('events' in outcome ? outcome.events : undefined) ?? [];
      const scratch = foldDrafts(ctx.state, drafts, ctx.state.head_hash ?? '');
      const candidateEntry = scratch.designs[input.design_name]!;
      const txId = `tx_${sha256Hex(`${ctx.state.head_hash}:${parent.hash}:${input.operation}:${JSON.stringify(input.params)}`).slice(0, 16)}`;
      const diff = diffDesigns(parent.design, candidateEntry.design);
      const data = {
        tx_id: txId,
        design_name: input.design_name,
        parent_hash: parent.hash,
        candidate_hash: candidateEntry.hash,
        operation: input.operation,
        params: input.params,
        reason: input.reason,
        candidate: candidateEntry.design,
        diff,
      };
      return { events: [{ type: 'TransactionPreviewed', data }], after: () => ({ tx_id: txId, parent_hash: parent.hash, candidate_hash: candidateEntry.hash, diff: diff as unknown as { identical: boolean } }) };
    },
  }),
  sessionTool({
    name: 'design_transaction_validate',
    title: 'Validate a transaction candidate',
    description: 'Runs ERC and DRC on the candidate design and records the results in the transaction.',
    level: 'sandbox-write',
    input: { tx_id: TxId },
    output: looseObject({ tx_id: z.string(), erc_passed: z.boolean(), drc_passed: z.boolean() }),
    async handler(input, ctx) {
      const tx = requireTx(ctx.state, input.tx_id);
      // The candidate is immutable inside its transaction, so the result cannot go stale.
      const { erc, drc } = await runHeavy(ctx, 'checks', { design: designText(tx.candidate) });
      const data = {
        tx_id: tx.tx_id,
        candidate_hash: tx.candidate_hash,
        erc: { passed: erc.passed, counts: erc.counts, findings: erc.findings },
        drc: { passed: drc.passed, counts: drc.counts, findings: drc.findings },
      };
      return { events: [{ type: 'TransactionValidated', data }], after: () => ({ tx_id: tx.tx_id, erc_passed: erc.passed, drc_passed: drc.passed, erc_counts: erc.counts, drc_counts: drc.counts }) };
    },
  }),
  sessionTool({
    name: 'design_transaction_commit',
    title: 'Commit a transaction',
    description: "Promotes the candidate to the design, only if the design's hash still equals the parent hash (else STALE_STATE and nothing changes), and records the approval for the new state.",
    level: 'approved-commit',
    input: { tx_id: TxId, approval_id: z.string().trim().min(1, 'approval_id must not be empty').max(200), statement: Statement },
    output: looseObject({ tx_id: z.string(), design_name: z.string(), design_hash: z.string() }),
    handler(input, ctx) {
      const tx = requireTx(ctx.state, input.tx_id);
      const current = requireDesign(ctx.state, tx.design_name);
      if (current.hash !== tx.parent_hash) {
        throw new ZapTraceError('STALE_STATE', `${tx.design_name} changed since the preview; preview again`, { parent_hash: tx.parent_hash, current_hash: current.hash });
      }
      // The approved state is the candidate: the parent's authors plus whoever previewed the change.
      const authors = [...authorsOf(ctx.state, tx.design_name), tx.author];
      const self = checkIndependentApproval(ctx.services.approvalPolicy, ctx.call.principal.id, authors, tx.design_name);
      return {
        events: [
          { type: 'TransactionCommitted', data: { tx_id: tx.tx_id, design_name: tx.design_name, parent_hash: tx.parent_hash, candidate_hash: tx.candidate_hash, approval_id: input.approval_id } },
          { type: 'DesignCommitted', data: { design_name: tx.design_name, approval_id: input.approval_id, design_hash: tx.candidate_hash, note: `transaction ${tx.tx_id}`, approver: ctx.call.principal.id, statement: input.statement, self_approval: self } },
        ],
        after: (s) => ({ tx_id: tx.tx_id, design_name: tx.design_name, design_hash: requireDesign(s, tx.design_name).hash }),
      };
    },
  }),
  sessionTool({
    name: 'design_transaction_rollback',
    title: 'Roll back a transaction',
    description: 'Discards an open transaction; the design is untouched.',
    level: 'sandbox-write',
    input: { tx_id: TxId, reason: z.string().max(500).default('') },
    output: looseObject({ tx_id: z.string(), status: z.string() }),
    handler(input, ctx) {
      const tx = requireTx(ctx.state, input.tx_id);
      return { events: [{ type: 'TransactionRolledBack', data: { tx_id: tx.tx_id, reason: input.reason } }], after: () => ({ tx_id: tx.tx_id, status: 'rolled_back' }) };
    },
  }),
  sessionTool({
    name: 'design_transaction_list',
    title: 'List transactions',
    description: 'Transactions of the session with their status, parent and candidate hashes and validation.',
    level: 'read',
    input: { design_name: DesignName.optional() },
    output: z.object({ transactions: z.array(looseObject({ tx_id: z.string() })) }),
    handler: (input, ctx) => ({
      result: {
        transactions: Object.values(ctx.state.transactions)
          .filter((t) => input.design_name === undefined || t.design_name === input.design_name)
          .sort((a, b) => a.seq - b.seq)
          .map(txView),
      },
    }),
  }),
];
