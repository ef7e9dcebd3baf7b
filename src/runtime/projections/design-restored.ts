import type { Draft } from 'immer';
import { own } from '../../kernel/own.js';
import { merkleHash } from '../../kernel/merkle-hash.js';
import type { Design } from '../../eda/model/design.js';
import type { EventDataByType } from '../events/catalog.js';
import type { AnyEvent } from '../events/types.js';
import type { SessionState } from './state-types.js';

/**
 * design_rollback's event: the design becomes the recorded copy of an earlier state. Like a transaction
 * commit it is a new revision of the same design (created_seq kept), so history reads forward
 * (docs/zaptrace-parity.md, "Snapshots over the log").
 */
export function restoreDesign(d: Draft<SessionState>, data: EventDataByType['DesignRestored'], e: AnyEvent, s: SessionState): void {
  const entry = own(s.designs, data.design_name);
  d.designs[data.design_name] = {
    design: data.design as Draft<Design>,
    hash: merkleHash(data.design, s.design_hash_format),
    created_seq: entry?.created_seq ?? e.seq,
    updated_seq: e.seq,
    revision: (entry?.revision ?? 0) + 1,
    component_count: Object.keys(data.design.components).length,
    sized_to_content: entry?.sized_to_content ?? null,
  };
}
