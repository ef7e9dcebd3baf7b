import { useState } from 'react';
import { ApiError, callTool, hasToken, type BoardView } from './api.js';

/**
 * Approve what you saw: design_commit bound to the hash on screen (expected_hash), so the server
 * refuses with STALE_STATE when the design moved on, and with SELF_APPROVAL when the token's principal
 * authored the state (docs/capabilities.md, "Reviewers and independent approval").
 */
export function ApprovePanel({ sessionId, board, following }: { sessionId: string; board: BoardView; following: boolean }) {
  const [statement, setStatement] = useState('');
  const [approvalId, setApprovalId] = useState(`APR-${board.seq}`);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; code?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const hash = board.design_hash ?? '';
  const r = board.readiness;
  const approve = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const res = await callTool<{ design_hash: string; seq: number; approval_id: string }>('design_commit', sessionId, {
        design_name: board.design_name,
        approval_id: approvalId,
        statement,
        expected_hash: hash,
      }, { 'X-ZapTrace-Reason': 'approved in the review app after inspecting the board, checks and diff' });
      setOutcome({ ok: true, text: `Approved ${res.approval_id}: state ${res.design_hash} (event ${res.seq}).` });
    } catch (e) {
      const err = e as ApiError;
      setOutcome({ ok: false, code: err.code, text: `${err.code}: ${err.message}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="approve">
      <p>You approve exactly this state of <strong>{board.design_name}</strong>:</p>
      <p><code data-testid="approve-hash">{hash}</code> (after event {board.seq}{following ? ', the latest' : `; the log is at ${board.head_seq}`})</p>
      <ul>
        <li>ERC: {r?.erc ?? 'missing'}</li>
        <li>DRC: {r?.drc ?? 'missing'}</li>
        <li>Earlier approvals: {(board.approvals ?? []).length === 0 ? 'none' : (board.approvals ?? []).map((a) => `${a.approval_id} by ${a.principal}${a.current ? ' (this state)' : ''}`).join('; ')}</li>
      </ul>
      <p className="muted">See the Diff tab for what changed since the last approval.</p>
      {!hasToken() && <p className="warn">Paste a grant token with approved-commit above: the approver must be a reviewer the owner named, not an author.</p>}
      <form onSubmit={(e) => { e.preventDefault(); void approve(); }}>
        <label>Approval id <input value={approvalId} onChange={(e) => setApprovalId(e.target.value)} aria-label="Approval id" /></label>
        <label>Statement <textarea value={statement} onChange={(e) => setStatement(e.target.value)} aria-label="Statement" placeholder="What you checked and why you approve it" /></label>
        <button type="submit" disabled={busy || statement.trim() === ''}>Approve this state</button>
      </form>
      {outcome && <p role="status" className={outcome.ok ? 'ok' : 'error'} data-testid="approve-outcome" data-code={outcome.code ?? 'OK'}>{outcome.text}</p>}
    </div>
  );
}
