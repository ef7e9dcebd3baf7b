import { useMemo, useState } from 'react';
import type { LogEvent } from './api.js';
import { callRecordOf, type CallRecord } from './call-record.js';

interface Row {
  seq: number;
  at: string;
  principal: string;
  actor: string;
  tool: string;
  capability: string;
  decision: string;
  outcome: string;
  reason: string;
  hash: string;
}

const COLUMNS: (keyof Row)[] = ['seq', 'at', 'principal', 'actor', 'tool', 'capability', 'decision', 'outcome', 'reason', 'hash'];

function rowOf(e: LogEvent, r: CallRecord): Row {
  return { seq: e.seq, at: e.at, principal: e.actor.principal, actor: e.actor.actor, tool: r.tool, capability: r.capability, decision: r.decision, outcome: r.outcome, reason: r.reason, hash: e.hash };
}

/** RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe (OWASP CSV injection). */
function csvCell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Every call in the session, allowed or denied (its audit record, call-record.ts), filtered and exported as CSV or JSON lines. */
export function AuditPanel({ sessionId, events, onPick }: { sessionId: string; events: LogEvent[]; onPick(seq: number): void }) {
  const rows = useMemo(
    () =>
      events.flatMap((e) => {
        const r = callRecordOf(e);
        return r ? [rowOf(e, r)] : [];
      }),
    [events],
  );
  const [actor, setActor] = useState('');
  const [tool, setTool] = useState('');
  const [decision, setDecision] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const tools = useMemo(() => [...new Set(rows.map((r) => r.tool))].sort(), [rows]);
  const shown = rows.filter((r) =>
    (actor === '' || `${r.principal} ${r.actor}`.toLowerCase().includes(actor.toLowerCase())) &&
    (tool === '' || r.tool === tool) &&
    (decision === '' || r.decision === decision) &&
    (since === '' || r.at >= new Date(since).toISOString()) &&
    (until === '' || r.at <= new Date(until).toISOString()),
  );
  const base = `zaptrace-audit-${sessionId}`;
  return (
    <div className="audit">
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>Actor <input value={actor} onChange={(e) => setActor(e.target.value)} aria-label="Filter by actor" /></label>
        <label>Tool <select value={tool} onChange={(e) => setTool(e.target.value)} aria-label="Filter by tool"><option value="">all</option>{tools.map((t) => <option key={t}>{t}</option>)}</select></label>
        <label>Decision <select value={decision} onChange={(e) => setDecision(e.target.value)} aria-label="Filter by decision"><option value="">all</option><option value="allow">allow</option><option value="deny">deny</option></select></label>
        <label>From <input type="datetime-local" step={1} value={since} onChange={(e) => setSince(e.target.value)} aria-label="From time" /></label>
        <label>To <input type="datetime-local" step={1} value={until} onChange={(e) => setUntil(e.target.value)} aria-label="To time" /></label>
        <button type="button" onClick={() => download(`${base}.csv`, 'text/csv', [COLUMNS.join(','), ...shown.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n')}>Export CSV</button>
        <button type="button" onClick={() => download(`${base}.jsonl`, 'application/x-ndjson', shown.map((r) => JSON.stringify(r)).join('\n') + (shown.length ? '\n' : ''))}>Export JSONL</button>
      </form>
      <p className="muted" data-testid="audit-count">{shown.length} of {rows.length} calls</p>
      <table className="audit-table">
        <thead><tr><th>Seq</th><th>Time</th><th>Principal</th><th>Actor</th><th>Tool</th><th>Decision</th><th>Outcome</th><th>Reason</th></tr></thead>
        <tbody>
          {shown.slice(-500).map((r) => (
            <tr key={r.seq} className={r.decision === 'deny' ? 'denied' : r.outcome !== 'ok' ? 'failed' : ''}>
              <td><button type="button" onClick={() => onPick(r.seq)}>{r.seq}</button></td>
              <td>{r.at}</td><td>{r.principal}</td><td>{r.actor}</td><td>{r.tool}</td><td>{r.decision}</td><td>{r.outcome}</td><td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
