import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getJson, type BoardView, type LogEvent } from './api.js';
import { followSession } from './stream.js';
import { Board, type Marker } from './Board.js';
import type { Highlight } from './svg-elements.js';
import { EventDetail, EventList } from './Events.js';
import { DiffPanel, type DiffMarks } from './Diff.js';
import { EvidencePanel } from './Evidence.js';
import { ApprovePanel } from './Approve.js';
import { AuditPanel } from './Audit.js';
import { callRecordOf } from './call-record.js';

const NO_MARKS: DiffMarks = { added: new Set(), changed: new Set() };
const LIVE_SETTLE_MS = 150;
type Tab = 'events' | 'diff' | 'evidence' | 'approve' | 'audit';

/** One session: the timeline over its log, the board at the chosen position, and the review panels. */
export function Review({ sessionId, params }: { sessionId: string; params: URLSearchParams }) {
  const [events, setEvents] = useState<LogEvent[]>([]);
  const [live, setLive] = useState<'live' | 'reconnecting' | 'closed'>('reconnecting');
  const [seq, setSeq] = useState<number | null>(params.has('seq') ? Number(params.get('seq')) : null);
  const [design, setDesign] = useState<string | null>(params.get('design'));
  const [board, setBoard] = useState<BoardView | null>(null);
  const [boardError, setBoardError] = useState<string | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [net, setNet] = useState<string | null>(null);
  const [marker, setMarker] = useState<Marker | null>(null);
  const [refs, setRefs] = useState<ReadonlySet<string>>(new Set());
  const [marks, setMarks] = useState<DiffMarks>(NO_MARKS);
  const [tab, setTab] = useState<Tab>('events');
  const [partsOpen, setPartsOpen] = useState(false); // the list is built only when shown: scrubbing stays light

  useEffect(() => followSession(sessionId, (batch) => setEvents((old) => [...old, ...batch]), setLive), [sessionId]);
  const head = events.at(-1)?.seq ?? 0;
  const following = seq === null;
  const shown = seq ?? head;
  const designs = useMemo(() => [...new Set(events.filter((e) => e.type === 'DesignParsed').map((e) => String(e.data['design_name'])))], [events]);
  const designName = design ?? designs[0] ?? null;

  // One board request per position; a newer position aborts the older request.
  const pending = useRef<AbortController | null>(null);
  const hasBoard = useRef(false);
  hasBoard.current = board !== null;
  // Following: one request at once, then one per pause of the stream (not one per backlog batch).
  const liveTick = board ? head : 0;
  useEffect(() => {
    if (designName === null || (shown < 1 && !following)) return;
    pending.current?.abort();
    const ctl = new AbortController();
    pending.current = ctl;
    // Following, the server draws its own head: the first board needs no wait for the event backlog.
    const at = following ? '' : `&seq=${shown}`;
    const load = () =>
      getJson<BoardView>(`/review/sessions/${encodeURIComponent(sessionId)}/board?design=${encodeURIComponent(designName)}${at}`, ctl.signal)
        .then((b) => {
          setBoard(b);
          setBoardError(null);
        })
        .catch((e: Error) => {
          if (!ctl.signal.aborted) setBoardError(e.message);
        });
    // Following the live head, wait for the stream to pause (a backlog arrives in many batches);
    // a position the viewer chose is drawn at once.
    const timer = following && hasBoard.current ? setTimeout(() => void load(), LIVE_SETTLE_MS) : (void load(), undefined);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [sessionId, designName, following, following ? liveTick : shown]);

  const highlight: Highlight = useMemo(() => ({ net, refs, added: marks.added, changed: marks.changed, hiddenLayers: hidden }), [net, refs, marks, hidden]);
  const goTo = useCallback((s: number) => setSeq(Math.max(1, Math.min(head, s))), [head]);
  const byRequest = useMemo(() => {
    const m = new Map<string, LogEvent>();
    for (const e of events) if (callRecordOf(e)) m.set(e.request_id, e);
    return m;
  }, [events]);
  const current = events[shown - (events[0]?.seq ?? 1)];

  return (
    <section className="review">
      <h1>
        Session <code>{sessionId}</code>{' '}
        <span className={`live ${live}`} data-testid="live-state">{live}</span>
      </h1>
      <div className="controls">
        <label>
          Design{' '}
          <select value={designName ?? ''} onChange={(e) => setDesign(e.target.value)} aria-label="Design">
            {designs.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <div className="timeline">
          <button type="button" onClick={() => goTo(shown - 1)} disabled={shown <= 1} aria-label="Previous event">◀</button>
          <input
            type="range"
            min={1}
            max={Math.max(1, head)}
            value={Math.max(1, shown)}
            onChange={(e) => goTo(Number(e.target.value))}
            aria-label="Log position"
            aria-valuetext={`event ${shown} of ${head}${current ? `: ${current.type}` : ''}`}
            data-testid="scrubber"
          />
          <button type="button" onClick={() => goTo(shown + 1)} disabled={shown >= head} aria-label="Next event">▶</button>
          <span className="pos" data-testid="position">{shown} / {head}</span>
          <button type="button" onClick={() => setSeq(null)} disabled={following} title="Follow new events as they arrive">Follow live</button>
        </div>
      </div>
      <div className="layout">
        <div className="left">
          {board && board.present && board.layers && (
            <fieldset className="layers">
              <legend>Layers</legend>
              {board.layers.map((l) => (
                <label key={l}>
                  <input
                    type="checkbox"
                    checked={!hidden.has(l)}
                    onChange={() => setHidden((h) => {
                      const n = new Set(h);
                      if (n.has(l)) n.delete(l);
                      else n.add(l);
                      return n;
                    })}
                  />
                  {l}
                </label>
              ))}
            </fieldset>
          )}
          {boardError && <p role="alert" className="error">{boardError}</p>}
          {board?.indexed_to !== undefined && board.indexed_to < board.head_seq - 25 && (
            <p className="muted" role="status">Preparing the timeline: positions up to {board.indexed_to} of {board.head_seq} are drawn at once, later ones take longer until it is done.</p>
          )}
          {board && board.present ? (
            <>
              <p className="hash">State after event {board.seq}: design hash <code data-testid="shown-hash">{board.design_hash}</code></p>
              <Board view={board} highlight={highlight} marker={marker} onPickNet={setNet} />
              {net !== null && <p>Net <strong data-testid="picked-net">{net}</strong> highlighted <button type="button" onClick={() => setNet(null)}>clear</button></p>}
              <details onToggle={(e) => setPartsOpen((e.target as HTMLDetailsElement).open)}>
                <summary>Parts at this position ({board.components?.length ?? 0})</summary>
                {partsOpen && (
                  <ul className="parts" data-testid="parts">
                    {(board.components ?? []).map((c) => <li key={c.id}>{c.ref} {c.value ?? ''} <span className="muted">{c.footprint ?? ''}</span></li>)}
                  </ul>
                )}
              </details>
            </>
          ) : (
            <p className="empty">{designName === null ? 'No design in this session yet.' : `No design "${designName}" at event ${shown}.`}</p>
          )}
        </div>
        <div className="right">
          <div role="tablist" className="tabs">
            {(['events', 'diff', 'evidence', 'approve', 'audit'] as Tab[]).map((t) => (
              <button key={t} role="tab" type="button" aria-selected={tab === t} onClick={() => setTab(t)}>{t[0]!.toUpperCase() + t.slice(1)}</button>
            ))}
          </div>
          {tab === 'events' && (
            <>
              {current && <EventDetail event={current} call={byRequest.get(current.request_id)} />}
              <EventList events={events} shown={shown} onPick={goTo} />
            </>
          )}
          {tab === 'diff' && designName !== null && <DiffPanel sessionId={sessionId} design={designName} shown={shown} head={head} approvals={board?.approvals ?? []} onMarks={setMarks} onShow={goTo} />}
          {tab === 'evidence' && board?.present && <EvidencePanel board={board} onPick={(m, r, n) => { setMarker(m); setRefs(new Set(r)); setNet(n); }} />}
          {tab === 'approve' && board?.present && designName !== null && <ApprovePanel sessionId={sessionId} board={board} following={following} />}
          {tab === 'audit' && <AuditPanel sessionId={sessionId} events={events} onPick={goTo} />}
        </div>
      </div>
    </section>
  );
}
