import { useEffect, useState } from 'react';
import { getJson, type SessionRow } from './api.js';

/** The sessions this viewer may open: their own, and those whose owner named them reviewer. */
export function Sessions() {
  const [rows, setRows] = useState<SessionRow[] | null>(null);
  const [who, setWho] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState('');
  useEffect(() => {
    getJson<{ principal: string; sessions: SessionRow[] }>('/review/sessions')
      .then((r) => {
        setRows(r.sessions);
        setWho(r.principal);
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <section>
      <h1>Sessions</h1>
      <p className="muted">Viewing as <code>{who}</code>. Read is limited to each session's owner and the reviewers it names.</p>
      {error && <p role="alert" className="error">{error}</p>}
      {rows && rows.length === 0 && <p>No sessions yet. Create one (POST /api/v1/sessions) and it appears here.</p>}
      {rows && rows.length > 0 && (
        <table className="sessions">
          <thead>
            <tr><th>Session</th><th>Role</th><th>Designs (release readiness)</th><th>Events</th><th>Last activity</th></tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.session_id}>
                <td><a href={`#/s/${encodeURIComponent(s.session_id)}`}>{s.session_id}</a></td>
                <td>{s.role}</td>
                <td>
                  {s.designs.length === 0 ? <span className="muted">none</span> : s.designs.map((d) => (
                    <div key={d.name}>
                      <a href={`#/s/${encodeURIComponent(s.session_id)}?design=${encodeURIComponent(d.name)}`}>{d.name}</a>{' '}
                      <span className={d.ready ? 'ok' : 'warn'} title={d.reasons.join('\n')}>{d.ready ? 'ready' : 'not ready'}</span>{' '}
                      <span className="muted">ERC {d.erc}, DRC {d.drc}</span>
                    </div>
                  ))}
                </td>
                <td>{s.events}</td>
                <td>{s.last_activity ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="open" onSubmit={(e) => { e.preventDefault(); if (open.trim()) location.hash = `#/s/${encodeURIComponent(open.trim())}`; }}>
        <label>Open a session by id <input value={open} onChange={(e) => setOpen(e.target.value)} /></label>
        <button type="submit">Open</button>
      </form>
    </section>
  );
}
