import type { AnyEvent, EventDraft } from '../runtime/events/types.js';
import { evolve, type SessionState } from '../runtime/projections/session-state.js';

/**
 * Folds decided-but-not-yet-appended events onto a copy of the state with the same reducers the
 * log uses, so a multi-stage command (pipeline, transaction preview) can read the hash each stage
 * will have once appended. The scratch state is thrown away; only the drafts are appended.
 */
export function foldDrafts(state: SessionState, drafts: readonly EventDraft[], at: string): SessionState {
  let s = state;
  drafts.forEach((d, i) => {
    const e: AnyEvent = {
      seq: state.seq + i + 1,
      id: 'scratch',
      type: d.type,
      v: d.v ?? 1,
      at,
      session_id: state.session_id,
      actor: { principal: 'scratch', actor: 'scratch', surface: 'system', auth_source: 'system' },
      request_id: 'scratch',
      data: d.data,
      prev_hash: '',
      hash: '',
    };
    s = evolve(s, e);
  });
  return s;
}
