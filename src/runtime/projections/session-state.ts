import { produce, produceWithPatches, enablePatches, type Draft } from 'immer';
import { noteAuthor } from './authorship.js';
import { restoreDesign } from './design-restored.js';
import { applyTransient, isTransientEdit, newTransientRun, seal } from './transient-replay.js';
import { advanceMerkleHash, merkleHash, type PathPatch } from '../../kernel/merkle-hash.js';
import { componentById, designWithComponent } from './component-table.js';
import { handMembershipOn, netsOfComponent } from './net-membership.js';
import type { Design } from '../../eda/model/design.js';
import type { DesignEntry, SessionState, ValidationResult } from './state-types.js';
import { deepFreeze, nullRecord, own, withEntry } from '../../kernel/own.js';
import type { AnyEvent } from '../events/types.js';
import { withPlacerKeepouts } from '../../eda/place/edge-parts.js';
import { contentSizeAfterUpdate, contentSizeOfParsed } from '../../eda/place/board-growth.js';
import { resolveFootprint } from '../../eda/footprints/index.js';
import type { EventDataByType, PluginCheckData, ValidationData } from '../events/catalog.js';

enablePatches();

export type { Approval, DesignEntry, SessionState, Transaction, ValidationResult } from './state-types.js';

export function emptySessionState(sessionId: string): SessionState {
  // Prototype-free records: a design called `constructor` or `toString` is an ordinary key.
  return { session_id: sessionId, owner: null, design_hash_format: 1, seq: 0, head_hash: null, designs: nullRecord(), evidence: nullRecord(), approvals: [], transactions: nullRecord(), authors: nullRecord(), reviewers: [] };
}

type Reducer<K extends keyof EventDataByType> = (draft: Draft<SessionState>, data: EventDataByType[K], event: AnyEvent, state: SessionState) => void;

/** Applies an edit to one design, keeping its hash current by rehashing only the patched paths. */
function editDesign(draft: Draft<SessionState>, state: SessionState, name: string, seq: number, recipe: (d: Draft<Design>) => void): void {
  const entry = own(state.designs, name);
  if (!entry) return; // decide() guarantees the design exists; replay of a foreign log stays total.
  const [next, patches] = produceWithPatches(entry.design, recipe);
  draft.designs[name] = {
    design: next as Draft<Design>,
    hash: advanceMerkleHash(entry.design, next, patches, state.design_hash_format),
    created_seq: entry.created_seq,
    updated_seq: seq,
    revision: entry.revision + 1,
    component_count: Object.keys(next.components).length,
    sized_to_content: entry.sized_to_content,
  };
}

/** The entry after a component edit whose design and hash component-table.ts built. */
function nextEntry(state: SessionState, name: string, seq: number, built: { design: Design; hash: string }, componentDelta: number): DesignEntry {
  const entry = state.designs[name]!;
  return Object.freeze({
    design: built.design,
    hash: built.hash,
    created_seq: entry.created_seq,
    updated_seq: seq,
    revision: entry.revision + 1,
    component_count: entry.component_count + componentDelta,
    sized_to_content: entry.sized_to_content,
  });
}

type DirectReducer<K extends keyof EventDataByType> = (state: SessionState, data: EventDataByType[K], event: AnyEvent) => DesignEntry | null;

/**
 * Component edits, the hot path of a session, bypass immer altogether: they build the next design
 * by hand-made structural sharing and return the new entry; evolve swaps it in with two spreads.
 */
const directReducers: { [K in keyof EventDataByType]?: DirectReducer<K> } = {
  ComponentAdded: (s, data, e) => {
    const base = own(s.designs, data.design_name)?.design;
    if (!base) return null;
    // No immer draft and no copy of the component record: component-table.ts copies one bucket.
    const component = deepFreeze(data.component);
    const delta = componentById(base, component.id, s.design_hash_format) ? 0 : 1;
    let nets = base.nets;
    const patches: PathPatch[] = [];
    for (const c of data.connections) {
      const net = own(nets, c.net);
      if (!net) continue;
      if (nets === base.nets) nets = Object.assign(nullRecord<Design['nets'][string]>(), base.nets);
      nets[c.net] = Object.freeze({ ...net, nodes: Object.freeze([...net.nodes, Object.freeze({ component: component.id, pin: c.pin })]) as Design['nets'][string]['nodes'] });
      patches.push({ path: [c.net, 'nodes'] });
    }
    if (nets !== base.nets) {
      Object.freeze(nets);
      advanceMerkleHash(base.nets, nets, patches, s.design_hash_format);
    }
    const built = designWithComponent(base, component.id, component, { nets }, s.design_hash_format);
    handMembershipOn(base, built.design, s.design_hash_format, (index) => {
      for (const c of data.connections) {
        if (!own(nets, c.net)) continue;
        let set = index.get(component.id);
        if (!set) index.set(component.id, (set = new Set()));
        set.add(c.net);
      }
    });
    return nextEntry(s, data.design_name, e.seq, built, delta);
  },
  ComponentRemoved: (s, data, e) => {
    const base = own(s.designs, data.design_name)?.design;
    if (!base) return null;
    const id = data.component_id;
    const delta = componentById(base, id, s.design_hash_format) ? -1 : 0;
    let placement = base.placement;
    if (Object.hasOwn(base.placement, id)) {
      const { [id]: _p, ...keep } = base.placement;
      placement = Object.freeze(Object.assign(nullRecord<Design['placement'][string]>(), keep));
      advanceMerkleHash(base.placement, placement, [{ path: [id] }], s.design_hash_format);
    }
    let nets = base.nets;
    const patches: PathPatch[] = [];
    for (const netId of netsOfComponent(base, id, s.design_hash_format)) {
      const net = own(base.nets, netId);
      if (!net) continue;
      if (nets === base.nets) nets = Object.assign(nullRecord<Design['nets'][string]>(), base.nets);
      nets[net.id] = Object.freeze({ ...net, nodes: Object.freeze(net.nodes.filter((n) => n.component !== id)) as Design['nets'][string]['nodes'] });
      patches.push({ path: [net.id, 'nodes'] });
    }
    if (nets !== base.nets) {
      Object.freeze(nets);
      advanceMerkleHash(base.nets, nets, patches, s.design_hash_format);
    }
    const built = designWithComponent(base, id, undefined, { nets, placement }, s.design_hash_format);
    handMembershipOn(base, built.design, s.design_hash_format, (index) => index.delete(id));
    return nextEntry(s, data.design_name, e.seq, built, delta);
  },
};

const reducers: { [K in keyof EventDataByType]?: Reducer<K> } = {
  SessionCreated: (d, data) => {
    d.owner = data.owner;
    // A value this code does not know (a log from later code) folds as format 1 (docs/design-hash.md, "Formats").
    d.design_hash_format = data.design_hash_format === 2 ? 2 : 1;
  },
  DesignParsed: (d, data, e, s) => {
    d.designs[data.design_name] = {
      design: data.design as Draft<Design>,
      hash: merkleHash(data.design, s.design_hash_format),
      created_seq: e.seq,
      updated_seq: e.seq,
      revision: 1,
      component_count: Object.keys(data.design.components).length,
      sized_to_content: contentSizeOfParsed(data, resolveFootprint),
    };
  },
  BoardUpdated: (d, data, e, s) => {
    editDesign(d, s, data.design_name, e.seq, (design) => {
      Object.assign(design.board, data.board);
    });
    const entry = d.designs[data.design_name];
    if (entry) entry.sized_to_content = contentSizeAfterUpdate(own(s.designs, data.design_name)?.sized_to_content ?? null, data);
  },
  NetAdded: (d, data, e, s) =>
    editDesign(d, s, data.design_name, e.seq, (design) => {
      design.nets[data.net.id] = { id: data.net.id, name: data.net.name, type: data.net.type as Design['nets'][string]['type'], nodes: [], class: null, constraints: {} };
    }),
  NetNodesChanged: (d, data, e, s) =>
    editDesign(d, s, data.design_name, e.seq, (design) => {
      const net = own(design.nets, data.net);
      if (!net) return;
      const gone = new Set(data.disconnect.map((n) => `${n.component}\u0000${n.pin}`));
      const kept = net.nodes.filter((n) => !gone.has(`${n.component}\u0000${n.pin}`));
      net.nodes = [...kept, ...data.connect];
      for (const n of data.connect) {
        const comp = own(design.components, n.component);
        if (comp && !own(comp.pins, n.pin)) comp.pins[n.pin] = { name: n.pin, type: 'unspecified', number: null, description: '' };
      }
    }),
  NetClassesAssigned: (d, data, e, s) =>
    editDesign(d, s, data.design_name, e.seq, (design) => {
      Object.assign(design.net_classes, data.net_classes);
      for (const [id, cls] of Object.entries(data.assignments)) {
        const net = own(design.nets, id);
        if (net) net.class = cls;
      }
    }),
  ComponentsPlaced: (d, data, e, s) =>
    editDesign(d, s, data.design_name, e.seq, (design) => {
      design.placement = data.placement;
      if (data.keepouts) design.keepouts = withPlacerKeepouts(design.keepouts, data.keepouts);
      // Copper laid for the old positions no longer connects anything.
      design.routing = { tracks: [], vias: [] };
    }),
  NetsRouted: (d, data, e, s) =>
    editDesign(d, s, data.design_name, e.seq, (design) => {
      design.routing = data.routing as Draft<Design>['routing'];
    }),
  ValidationRecorded: (d, data, e) => {
    const slot = own(d.evidence, data.design_name) ?? (d.evidence[data.design_name] = {});
    slot[data.check] = { ...(data as Draft<ValidationData>), seq: e.seq, at: e.at };
  },
  PluginCheckRecorded: (d, data, e) => {
    const slot = own(d.evidence, data.design_name) ?? (d.evidence[data.design_name] = {});
    // Keyed by the registry tool name, which can never be erc or drc (plugin tools are `plugin.<name>.<tool>`).
    (slot.plugins ??= Object.create(null) as Record<string, never>)[data.check] = { ...(data as Draft<PluginCheckData>), seq: e.seq, at: e.at };
  },
  TransactionPreviewed: (d, data, e) => {
    d.transactions[data.tx_id] = {
      author: e.actor.principal,
      tx_id: data.tx_id,
      design_name: data.design_name,
      parent_hash: data.parent_hash,
      candidate_hash: data.candidate_hash,
      candidate: data.candidate as Draft<Design>,
      operation: data.operation,
      reason: data.reason,
      status: 'open',
      validation: null,
      seq: e.seq,
    };
  },
  TransactionValidated: (d, data) => {
    const tx = own(d.transactions, data.tx_id);
    if (tx) tx.validation = { erc_passed: data.erc.passed, drc_passed: data.drc.passed, candidate_hash: data.candidate_hash };
  },
  TransactionCommitted: (d, data, e, s) => {
    const tx = own(s.transactions, data.tx_id);
    const entry = own(s.designs, data.design_name);
    if (!tx || !entry) return;
    d.transactions[data.tx_id]!.status = 'committed';
    d.designs[data.design_name] = {
      design: tx.candidate as Draft<Design>,
      hash: merkleHash(tx.candidate, s.design_hash_format),
      created_seq: entry.created_seq,
      updated_seq: e.seq,
      revision: entry.revision + 1,
      component_count: Object.keys(tx.candidate.components).length,
      sized_to_content: entry.sized_to_content,
    };
  },
  DesignRestored: restoreDesign,
  TransactionRolledBack: (d, data) => {
    const tx = own(d.transactions, data.tx_id);
    if (tx) tx.status = 'rolled_back';
  },
  DesignCommitted: (d, data, e) => {
    d.approvals.push({
      approval_id: data.approval_id,
      design_name: data.design_name,
      design_hash: data.design_hash,
      seq: e.seq,
      at: e.at,
      principal: e.actor.principal,
      actor: e.actor.actor,
      statement: data.statement ?? data.note,
      self_approval: data.self_approval === true,
    });
  },
  ReviewerAdded: (d, data) => {
    if (!d.reviewers.includes(data.principal)) d.reviewers.push(data.principal);
  },
};

/** Pure fold step: state + event → state (immer keeps unchanged subtrees shared). */
export function evolve(state: SessionState, event: AnyEvent): SessionState {
  const direct = directReducers[event.type as keyof EventDataByType] as DirectReducer<keyof EventDataByType> | undefined;
  if (direct) {
    const entry = direct(state, event.data as never, event);
    const name = (event.data as { design_name: string }).design_name;
    const designs = entry ? Object.freeze(withEntry(state.designs, name, entry)) : state.designs;
    return noteAuthor(Object.freeze({ ...state, designs, seq: event.seq, head_hash: event.hash }), state, event);
  }
  const reducer = reducers[event.type as keyof EventDataByType] as Reducer<keyof EventDataByType> | undefined;
  // Audit events change only the log position: no draft needed.
  if (!reducer) return Object.freeze({ ...state, seq: event.seq, head_hash: event.hash });
  const next = produce(state, (draft) => {
    reducer(draft, event.data as never, event, state);
    draft.seq = event.seq;
    draft.head_hash = event.hash;
  });
  return noteAuthor(next, state, event);
}

/**
 * Rebuilds the state of a session as it was after event `upTo` (all events when absent), from
 * `from` (an empty session, or a verified snapshot). Linear in the log: runs of component edits are
 * applied in place on replay-owned copies and sealed before any other design event (transient-replay.ts).
 */
export function replay(events: readonly AnyEvent[], options: { upTo?: number; sessionId?: string; from?: SessionState } = {}): SessionState {
  const folder = newReplayFolder(options.from ?? emptySessionState(options.sessionId ?? events[0]?.session_id ?? ''));
  for (const e of events) {
    if (options.upTo !== undefined && e.seq > options.upTo) break;
    folder.add(e);
  }
  return folder.state();
}

/**
 * The fold `replay` runs, one event at a time, for readers that stream a log and keep no event
 * (`zaptrace replay FILE`). Audit events change only the log position, so the position is noted and
 * no state is built for them; component edits run on replay-owned copies (transient-replay.ts).
 */
export function newReplayFolder(from: SessionState): { add(event: AnyEvent): void; state(): SessionState } {
  let state = from;
  // The position of audit events folded since the last state change (seq 0: none).
  let auditSeq = 0;
  let auditHash = '';
  const run = newTransientRun();
  return {
    add(e) {
      if (e.seq <= Math.max(auditSeq, state.seq)) return;
      if (isTransientEdit(e)) {
        state = applyTransient(state, e, run);
        auditSeq = 0;
        return;
      }
      const type = e.type as keyof EventDataByType;
      if (!directReducers[type] && !reducers[type]) {
        auditSeq = e.seq;
        auditHash = e.hash;
        return;
      }
      // Anything but an audit event sees sealed, hashed designs.
      state = evolve(seal(state, run), e);
      auditSeq = 0;
    },
    state() {
      state = seal(state, run);
      if (auditSeq > 0) state = Object.freeze({ ...state, seq: auditSeq, head_hash: auditHash });
      auditSeq = 0;
      return state;
    },
  };
}
