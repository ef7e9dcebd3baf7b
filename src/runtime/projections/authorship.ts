import { own, withEntry } from '../../kernel/own.js';
import type { AnyEvent } from '../events/types.js';
import type { SessionState } from './state-types.js';

/**
 * Who authored a design (contract.md, "Approvals are human and independent"): every principal on
 * an event that changed it. A transaction commit promotes a candidate another call built, so its
 * author is the principal who previewed the transaction, not the one who committed (approved) it.
 */
const DESIGN_EDITS: ReadonlySet<string> = new Set([
  'DesignParsed',
  'ComponentAdded',
  'ComponentRemoved',
  'BoardUpdated',
  'NetAdded',
  'NetNodesChanged',
  'ComponentsPlaced',
  'NetsRouted',
  'NetClassesAssigned',
  'DesignRestored',
]);

function authorOf(event: AnyEvent, before: SessionState): { design: string; principal: string } | null {
  const data = event.data as { design_name?: unknown; tx_id?: unknown };
  if (typeof data.design_name !== 'string') return null;
  if (DESIGN_EDITS.has(event.type)) return { design: data.design_name, principal: event.actor.principal };
  if (event.type === 'TransactionCommitted' && typeof data.tx_id === 'string') {
    const tx = own(before.transactions, data.tx_id);
    return tx ? { design: data.design_name, principal: tx.author } : null;
  }
  return null;
}

/** Adds the event's author to its design's author list (a no-op for every other event). */
export function noteAuthor(after: SessionState, before: SessionState, event: AnyEvent): SessionState {
  const found = authorOf(event, before);
  if (!found) return after;
  const list = own(after.authors, found.design) ?? [];
  if (list.includes(found.principal)) return after;
  return Object.freeze({ ...after, authors: Object.freeze(withEntry(after.authors, found.design, Object.freeze([...list, found.principal]))) });
}

/** Principals who authored the design as it is now (empty for an unknown design). */
export function authorsOf(state: SessionState, designName: string): readonly string[] {
  return own(state.authors, designName) ?? [];
}
