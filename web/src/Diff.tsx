import { useState } from 'react';
import { callTool, type Approval } from './api.js';

export interface DiffMarks {
  added: ReadonlySet<string>;
  changed: ReadonlySet<string>;
}

interface DesignDiff {
  identical: boolean;
  summary: Record<string, number>;
  components: { added: { ref: string; value: string | null }[]; removed: { ref: string; value: string | null }[]; changed: { ref: string; fields: { field: string }[] }[] };
  nets: { added: { name: string }[]; removed: { name: string }[]; renamed: { from_name: string; to_name: string }[]; changed: { name: string; nodes_added: string[]; nodes_removed: string[] }[] };
  placement: { added: { ref: string }[]; removed: { ref: string }[]; moved: { ref: string }[] };
  routing: { tracks: { before: number; after: number }; vias: { before: number; after: number }; nets: { name: string; tracks_before: number; tracks_after: number }[] };
}

/** The semantic diff between two positions (design_diff), listed and marked on the board drawn at the later one. */
export function DiffPanel(props: { sessionId: string; design: string; shown: number; head: number; approvals: Approval[]; onMarks(m: DiffMarks): void; onShow(seq: number): void }) {
  const lastApproval = props.approvals.filter((a) => a.seq <= props.shown).at(-1);
  const [from, setFrom] = useState(String(lastApproval?.seq ?? 1));
  const [to, setTo] = useState(String(props.shown));
  const [diff, setDiff] = useState<DesignDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const compare = async () => {
    setError(null);
    try {
      const d = await callTool<DesignDiff>('design_diff', props.sessionId, { design_name: props.design, from_seq: Number(from), to_seq: Number(to) });
      setDiff(d);
      props.onMarks({
        added: new Set([...d.components.added.map((c) => c.ref), ...d.placement.added.map((p) => p.ref)]),
        changed: new Set([...d.components.changed.map((c) => c.ref), ...d.placement.moved.map((p) => p.ref)]),
      });
      props.onShow(Number(to));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="diff">
      <form onSubmit={(e) => { e.preventDefault(); void compare(); }}>
        <label>From event <input type="number" min={1} max={props.head} value={from} onChange={(e) => setFrom(e.target.value)} aria-label="Diff from event" /></label>{' '}
        <label>to event <input type="number" min={1} max={props.head} value={to} onChange={(e) => setTo(e.target.value)} aria-label="Diff to event" /></label>{' '}
        <button type="submit">Compare</button>{' '}
        <button type="button" onClick={() => { setDiff(null); props.onMarks({ added: new Set(), changed: new Set() }); }}>Clear</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {diff && (
        <div data-testid="diff-result">
          {diff.identical ? <p>No change between these positions.</p> : <p className="muted">Green: added or newly placed; amber: changed or moved (on the board at event {to}).</p>}
          <ul className="diff-list">
            {diff.components.added.map((c) => <li key={`a${c.ref}`} className="added">+ {c.ref} {c.value ?? ''}</li>)}
            {diff.components.removed.map((c) => <li key={`r${c.ref}`} className="removed">− {c.ref} {c.value ?? ''}</li>)}
            {diff.components.changed.map((c) => <li key={`c${c.ref}`} className="changed">~ {c.ref}: {c.fields.map((f) => f.field).join(', ')}</li>)}
            {diff.placement.added.map((p) => <li key={`pa${p.ref}`} className="added">placed {p.ref}</li>)}
            {diff.placement.moved.map((p) => <li key={`pm${p.ref}`} className="changed">moved {p.ref}</li>)}
            {diff.placement.removed.map((p) => <li key={`pr${p.ref}`} className="removed">unplaced {p.ref}</li>)}
            {diff.nets.added.map((n) => <li key={`na${n.name}`} className="added">+ net {n.name}</li>)}
            {diff.nets.removed.map((n) => <li key={`nr${n.name}`} className="removed">− net {n.name}</li>)}
            {diff.nets.renamed.map((n) => <li key={`nn${n.from_name}`} className="changed">net {n.from_name} → {n.to_name}</li>)}
            {diff.nets.changed.map((n) => <li key={`nc${n.name}`} className="changed">net {n.name}: +{n.nodes_added.join(' +')} {n.nodes_removed.length ? `−${n.nodes_removed.join(' −')}` : ''}</li>)}
            {diff.routing.nets.map((n) => <li key={`rt${n.name}`} className="changed">tracks of {n.name}: {n.tracks_before} → {n.tracks_after}</li>)}
          </ul>
          <p className="muted">Tracks {diff.routing.tracks.before} → {diff.routing.tracks.after}, vias {diff.routing.vias.before} → {diff.routing.vias.after}.</p>
        </div>
      )}
    </div>
  );
}
