import type { LogEvent } from './api.js';
import { callRecordOf } from './call-record.js';

/** The payload of an event, shortened for the page (full text: GET /api/v1/sessions/:id/events). */
function dataText(e: LogEvent): string {
  const text = JSON.stringify(e.data, null, 1);
  return text.length > 4000 ? `${text.slice(0, 4000)}\n… (${text.length} characters)` : text;
}

/** Who, what, why, the capability decision and the hash of one event (and of the call that produced it). */
export function EventDetail({ event, call }: { event: LogEvent; call: LogEvent | undefined }) {
  const d = callRecordOf(event) ?? callRecordOf(call);
  return (
    <article className="event-detail" data-testid="event-detail" aria-label={`Event ${event.seq}`}>
      <h2>#{event.seq} {event.type}</h2>
      <dl>
        <dt>Who</dt>
        <dd>{event.actor.principal} <span className="muted">(actor {event.actor.actor || '—'}, {event.actor.surface}, {event.actor.auth_source})</span></dd>
        <dt>What</dt>
        <dd>{d ? <>{d.tool} <span className="muted">needs {d.capability}</span></> : event.type}</dd>
        <dt>Why</dt>
        <dd>{d?.reason || <span className="muted">no reason given</span>}</dd>
        <dt>Decision</dt>
        <dd>{d ? <span className={d.decision === 'deny' ? 'deny' : d.outcome === 'ok' ? 'ok' : 'warn'} data-testid="decision">{d.decision} · {d.outcome}</span> : <span className="muted">not a call</span>}</dd>
        <dt>When</dt>
        <dd>{event.at}</dd>
        <dt>Hash</dt>
        <dd><code className="hash-full">{event.hash}</code></dd>
      </dl>
      <details>
        <summary>Arguments and data</summary>
        <pre>{dataText(event)}</pre>
      </details>
    </article>
  );
}

/** Events around the shown position (a window keeps a 10,000-event log light); click to move there. */
export function EventList({ events, shown, onPick }: { events: LogEvent[]; shown: number; onPick(seq: number): void }) {
  const first = events[0]?.seq ?? 1;
  const at = Math.max(0, shown - first);
  const slice = events.slice(Math.max(0, at - 12), at + 13);
  return (
    <ol className="events" aria-label="Events near this position">
      {slice.map((e) => {
        const d = callRecordOf(e);
        return (
          <li key={e.seq} className={`${e.seq === shown ? 'current' : ''} ${d?.decision === 'deny' ? 'denied' : d && d.outcome !== 'ok' ? 'failed' : ''}`}>
            <button type="button" onClick={() => onPick(e.seq)} aria-current={e.seq === shown ? 'step' : undefined}>
              <span className="seq">{e.seq}</span> {e.type}
              {d && <> · {d.tool} · {d.decision}{d.outcome !== 'ok' ? ` (${d.outcome})` : ''}</>}
              <span className="muted"> · {e.actor.principal}</span>
              <code className="hash-short" title={e.hash}>{e.hash.slice(0, 10)}</code>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
