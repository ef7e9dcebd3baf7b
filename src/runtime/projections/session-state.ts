import { produce, produceWithPatches, enablePatches, type Draft } from 'immer';
import { advanceMerkleHash, merkleHash } from '../../kernel/merkle-hash.js';
import type { Design } from '../../eda/model/design.js';
import type { AnyEvent } from '../events/types.js';
import type { EventDataByType, ValidationData } from '../events/catalog.js';

enablePatches();

export interface DesignEntry {
  design: Design;
  /** Design-state hash (docs/design-hash.md), maintained incrementally. */
  hash: string;
  created_seq: number;
  updated_seq: number;
  revision: number;
}

export interface ValidationResult extends ValidationData {
  seq: number;
  at: string;
}

export interface Approval {
  approval_id: string;
  design_name: string;
  design_hash: string;
  seq: number;
  at: string;
  principal: string;
  actor: string;
}

export interface SessionState {
  session_id: string;
  owner: string | null;
  seq: number;
  head_hash: string | null;
  designs: Record<string, DesignEntry>;
  /** Latest result per design and check; each carries its own evaluated hash. */
  evidence: Record<string, { erc?: ValidationResult; drc?: ValidationResult }>;
  approvals: Approval[];
}

export function emptySessionState(sessionId: string): SessionState {
  return { session_id: sessionId, owner: null, seq: 0, head_hash: null, designs: {}, evidence: {}, approvals: [] };
}

type Reducer<K extends keyof EventDataByType> = (draft: Draft<SessionState>, data: EventDataByType[K], event: AnyEvent, state: SessionState) => void;

/** Applies an edit to one design, keeping its hash current by rehashing only the patched paths. */
function editDesign(draft: Draft<SessionState>, state: SessionState, name: string, seq: number, recipe: (d: Draft<Design>) => void): void {
  const entry = state.designs[name];
  if (!entry) return; // decide() guarantees the design exists; replay of a foreign log stays total.
  const [next, patches] = produceWithPatches(entry.design, recipe);
  draft.designs[name] = {
    design: next as Draft<Design>,
    hash: advanceMerkleHash(entry.design, next, patches),
    created_seq: entry.created_seq,
    updated_seq: seq,
    revision: entry.revision + 1,
  };
}

const reducers: { [K in keyof EventDataByType]?: Reducer<K> } = {
  SessionCreated: (d, data) => {
    d.owner = data.owner;
  },
  DesignParsed: (d, data, e) => {
    d.designs[data.design_name] = {
      design: data.design as Draft<Design>,
      hash: merkleHash(data.design),
      created_seq: e.seq,
      updated_seq: e.seq,
      revision: 1,
    };
  },
  ComponentAdded: (d, data, e, s) =>
    editDesign(d, s, data.design_name, e.seq, (design) => {
      design.components[data.component.id] = data.component as Draft<Design>['components'][string];
      for (const c of data.connections) design.nets[c.net]?.nodes.push({ component: data.component.id, pin: c.pin });
    }),
  ComponentRemoved: (d, data, e, s) => {
    // Search the frozen base, not the draft: walking draft arrays makes a proxy per node, which
    // turns a one-part removal on a large design into a crawl.
    const base = s.designs[data.design_name]?.design;
    const touched = base ? Object.values(base.nets).filter((n) => n.nodes.some((node) => node.component === data.component_id)) : [];
    editDesign(d, s, data.design_name, e.seq, (design) => {
      delete design.components[data.component_id];
      if (base && data.component_id in base.placement) delete design.placement[data.component_id];
      for (const net of touched) design.nets[net.id]!.nodes = net.nodes.filter((n) => n.component !== data.component_id) as Draft<typeof net.nodes>;
    });
  },
  BoardUpdated: (d, data, e, s) =>
    editDesign(d, s, data.design_name, e.seq, (design) => {
      Object.assign(design.board, data.board);
    }),
  ComponentsPlaced: (d, data, e, s) =>
    editDesign(d, s, data.design_name, e.seq, (design) => {
      design.placement = data.placement;
      // Copper laid for the old positions no longer connects anything.
      design.routing = { tracks: [], vias: [] };
    }),
  NetsRouted: (d, data, e, s) =>
    editDesign(d, s, data.design_name, e.seq, (design) => {
      design.routing = data.routing as Draft<Design>['routing'];
    }),
  ValidationRecorded: (d, data, e) => {
    const slot = (d.evidence[data.design_name] ??= {});
    slot[data.check] = { ...(data as Draft<ValidationData>), seq: e.seq, at: e.at };
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
    });
  },
};

/** Pure fold step: state + event → state (immer keeps unchanged subtrees shared). */
export function evolve(state: SessionState, event: AnyEvent): SessionState {
  const reducer = reducers[event.type as keyof EventDataByType] as Reducer<keyof EventDataByType> | undefined;
  return produce(state, (draft) => {
    reducer?.(draft, event.data as never, event, state);
    draft.seq = event.seq;
    draft.head_hash = event.hash;
  });
}

/** Rebuilds the state of a session as it was after event `upTo` (all events when absent). */
export function replay(events: readonly AnyEvent[], options: { upTo?: number; sessionId?: string } = {}): SessionState {
  let state = emptySessionState(options.sessionId ?? events[0]?.session_id ?? '');
  for (const e of events) {
    if (options.upTo !== undefined && e.seq > options.upTo) break;
    state = evolve(state, e);
  }
  return state;
}
