import type { Design } from '../../eda/model/design.js';
import { merkleHash } from '../../kernel/merkle-hash.js';
import { nullRecord, own, withEntry } from '../../kernel/own.js';
import type { AnyEvent } from '../events/types.js';
import type { EventDataByType } from '../events/catalog.js';
import { noteAuthor } from './authorship.js';
import type { DesignEntry, SessionState } from './state-types.js';

/**
 * Linear replay of component edits (architecture.md, "Projections": rebuilding from the log equals
 * the live projection). Live, every component edit must leave the previous state untouched, so it
 * copies the design's component record: O(n) per edit, O(n²) to rebuild a log of n additions.
 * A replay throws every intermediate state away, so here a run of component edits mutates copies
 * that only this replay has seen (tracked in `owned`), and the design hash, which the live path
 * advances per edit, is computed once when the run ends (`seal`). Owned objects are never hashed
 * before they are sealed, so the identity-keyed hash cache never holds a stale entry for them.
 */
export interface TransientRun {
  owned: WeakSet<object>;
  /** Designs edited in place since the last seal: their `hash` is stale until sealed. */
  dirty: Set<string>;
}

export const newTransientRun = (): TransientRun => ({ owned: new WeakSet(), dirty: new Set() });

type ComponentAdded = EventDataByType['ComponentAdded'];
type ComponentRemoved = EventDataByType['ComponentRemoved'];

const COMPONENT_EDITS = new Set(['ComponentAdded', 'ComponentRemoved']);

/** Does the transient path take this event? (Other design events need a sealed state first.) */
export const isTransientEdit = (event: AnyEvent) => COMPONENT_EDITS.has(event.type);

function ownedCopy<T extends object>(run: TransientRun, value: T, copy: (v: T) => T): T {
  if (run.owned.has(value)) return value;
  const out = copy(value);
  run.owned.add(out);
  return out;
}

const copyRecord = <T>(r: Readonly<Record<string, T>>) => Object.assign(nullRecord<T>(), r);

/** A writable view of what a run owns: the state, its designs record and the entries in it. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Applies a component edit in place on replay-owned copies; null when the design does not exist.
 * The state, its designs record and the design's entry are owned too, so an edit allocates only what
 * it adds (no per-event copy of the state or the designs record); `seal` freezes them.
 */
export function applyTransient(state: SessionState, event: AnyEvent, run: TransientRun): SessionState {
  const data = event.data as ComponentAdded | ComponentRemoved;
  const entry = own(state.designs, data.design_name);
  const out = ownedCopy(run, state, (s) => ({ ...s })) as Writable<SessionState>;
  out.seq = event.seq;
  out.head_hash = event.hash;
  if (!entry) return noteAuthor(out, state, event);
  const design = ownedCopy(run, entry.design, (d) => ({ ...d }) as Design) as Writable<Design>;
  let delta = 0;
  if (event.type === 'ComponentAdded') {
    const { component, connections } = data as ComponentAdded;
    design.components = ownedCopy(run, design.components, copyRecord);
    // Counted as the live reducer counts it: re-adding an existing id replaces it.
    delta = Object.hasOwn(design.components, component.id) ? 0 : 1;
    design.components[component.id] = component;
    if (connections.length > 0) design.nets = ownedCopy(run, design.nets, copyRecord);
    for (const c of connections) {
      const net = own(design.nets, c.net);
      if (!net) continue;
      const mutableNet = ownedCopy(run, net, (n) => ({ ...n, nodes: [...n.nodes] }));
      (mutableNet.nodes as { component: string; pin: string }[]).push({ component: component.id, pin: c.pin });
      design.nets[c.net] = mutableNet;
    }
  } else {
    const id = (data as ComponentRemoved).component_id;
    if (Object.hasOwn(design.components, id)) {
      design.components = ownedCopy(run, design.components, copyRecord);
      delete design.components[id];
      delta = -1;
    }
    if (Object.hasOwn(design.placement, id)) {
      design.placement = ownedCopy(run, design.placement, copyRecord);
      delete design.placement[id];
    }
    for (const net of Object.values(design.nets)) {
      if (!net.nodes.some((n) => n.component === id)) continue;
      design.nets = ownedCopy(run, design.nets, copyRecord);
      const mutableNet = ownedCopy(run, net, (n) => ({ ...n, nodes: [...n.nodes] }));
      mutableNet.nodes = mutableNet.nodes.filter((n) => n.component !== id);
      design.nets[net.id] = mutableNet;
    }
  }
  run.dirty.add(data.design_name);
  const next = ownedCopy(run, entry, (e) => ({ ...e })) as Writable<DesignEntry>;
  next.design = design as Design;
  next.updated_seq = event.seq;
  next.revision = entry.revision + 1;
  next.component_count = entry.component_count + delta;
  const designs = ownedCopy(run, out.designs, copyRecord) as Record<string, DesignEntry>;
  designs[data.design_name] = next;
  out.designs = designs;
  return noteAuthor(out, state, event);
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  for (const v of Object.values(value)) deepFreeze(v);
  Object.freeze(value);
}

/** Ends a run: freezes what it built and hashes each design it touched, once. */
export function seal(state: SessionState, run: TransientRun): SessionState {
  if (!run.owned.has(state) && run.dirty.size === 0) return state;
  let designs = state.designs;
  for (const name of run.dirty) {
    const entry = own(designs, name);
    if (!entry) continue;
    deepFreeze(entry.design);
    designs = withEntry(designs, name, Object.freeze({ ...entry, hash: merkleHash(entry.design) }));
  }
  run.dirty.clear();
  run.owned = new WeakSet();
  return Object.freeze({ ...state, designs: Object.freeze(designs) });
}
