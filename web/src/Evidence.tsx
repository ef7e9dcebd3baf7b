import type { BoardView, CheckView, Finding } from './api.js';
import type { Marker } from './Board.js';

function Check({ name, check, hash, onPick }: { name: string; check: CheckView | null; hash: string; onPick(m: Marker | null, refs: string[], net: string | null): void }) {
  if (!check) return <section><h3>{name}</h3><p className="warn">Not run on any state of this design yet.</p></section>;
  return (
    <section data-testid={`evidence-${name.toLowerCase()}`}>
      <h3>
        {name} <span className={check.passed ? 'ok' : 'deny'}>{check.passed ? 'passed' : 'failed'}</span>{' '}
        <span className={check.fresh ? 'ok' : 'warn'} data-testid={`${name.toLowerCase()}-freshness`}>{check.fresh ? 'fresh' : 'stale'}</span>
      </h3>
      <p className="muted">
        Checked state <code>{check.evaluated_hash}</code> at event {check.seq}
        {check.fresh ? ' — the state shown.' : <> — not the state shown (<code>{hash.slice(0, 12)}</code>).</>}
        {' '}{check.counts.error} errors, {check.counts.warning} warnings.
      </p>
      <ul className="findings">
        {check.findings.map((f: Finding, i) => (
          <li key={i} className={f.severity ?? ''}>
            <button
              type="button"
              data-testid="violation"
              onClick={() => onPick(f.location ? { ...f.location, label: `${f.rule_id ?? ''}: ${f.message ?? ''}` } : null, f.components ?? [], f.nets?.[0] ?? null)}
            >
              <strong>{f.rule_id ?? 'finding'}</strong> {f.severity ?? ''}: {f.message ?? ''}
              {f.location && <span className="muted"> @ ({f.location.x_mm.toFixed(2)}, {f.location.y_mm.toFixed(2)}) mm</span>}
            </button>
          </li>
        ))}
        {check.findings_total > check.findings.length && <li className="muted">… {check.findings_total - check.findings.length} more</li>}
      </ul>
    </section>
  );
}

/** ERC and DRC evidence with the hash each evaluated, fresh only for the exact state shown (contract.md, "The release gate"). */
export function EvidencePanel({ board, onPick }: { board: BoardView; onPick(m: Marker | null, refs: string[], net: string | null): void }) {
  const hash = board.design_hash ?? '';
  return (
    <div className="evidence">
      <Check name="ERC" check={board.evidence?.erc ?? null} hash={hash} onPick={onPick} />
      <Check name="DRC" check={board.evidence?.drc ?? null} hash={hash} onPick={onPick} />
      <button type="button" onClick={() => onPick(null, [], null)}>Clear marker</button>
    </div>
  );
}
