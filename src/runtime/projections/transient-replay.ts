import type { Design } from '../../eda/model/design.js';
import { merkleHash } from '../../kernel/merkle-hash.js';
import { deepFreeze, nullRecord, own, withEntry } from '../../kernel/own.js';
import type { AnyEvent } from '../events/types.js';
import type { EventDataByType } from '../events/catalog.js';
import { noteAuthor } from './authorship.js';
import { componentNets } from './net-membership.js';
import type { DesignEntry, SessionState } from './state-types.js';

/**
 * Linear replay of component edits (architecture.md, "Projections": rebuilding from the log equals
 * the live projection). Live, every component edit must leave the previous state untouched, so it
 * copies the design's component record: O(n) per edit, O(n²) to rebuild a log of n additions.
 * A replay throws every intermediate state away, so here a run of component edits mutates copies
 * that only this replay has made (the run holds them by name, below), and the design hash, which
 * the live path advances per edit, is computed once when the run ends (`seal`). Owned objects are
 * never hashed before they are sealed, so the identity-keyed hash cache never holds a stale entry.
 */
export interface TransientRun {
  /** The state this run made and edits in place (null: none yet, the next edit copies). */
  state: Writable<SessionState> | null;
  /** The designs record of `state`, owned likewise. */
  designs: Record<string, DesignEntry> | null;
  /** Per design edited since the last seal (their `hash` is stale until sealed): what the run owns of it. */
  edited: Map<string, DesignRun>;
  /** The design the last edit went to (a run of edits mostly stays on one design). */
  last: DesignRun | null;
}

type Net = Design['nets'][string];
type Node = Net['nodes'][number];

/** What a run owns of one design: each member is a copy made on its first write (null until then). */
interface DesignRun {
  name: string;
  /** A principal already among the design's authors in the run's state (authorship.ts adds each once). */
  author: string | null;
  entry: Writable<DesignEntry>;
  design: Writable<Design>;
  components: Record<string, Design['components'][string]> | null;
  nets: Record<string, Net> | null;
  placement: Record<string, Design['placement'][string]> | null;
  /** Nets whose copy (and nodes array) this run made. */
  ownedNets: Set<string>;
  /**
   * Which nets each component sits on, built from the nets on the run's first removal and kept
   * from then on, so a removal visits the component's own nets (as the live path does with
   * net-membership.ts) instead of every node of every net.
   */
  membership: Map<string, Set<string>> | null;
}

export const newTransientRun = (): TransientRun => ({ state: null, designs: null, edited: new Map(), last: null });

type ComponentAdded = EventDataByType['ComponentAdded'];
type ComponentRemoved = EventDataByType['ComponentRemoved'];

/** Does the transient path take this event? (Other design events need a sealed state first.) */
export const isTransientEdit = (event: AnyEvent) => event.type === 'ComponentAdded' || event.type === 'ComponentRemoved';

const copyRecord = <T>(r: Readonly<Record<string, T>>) => Object.assign(nullRecord<T>(), r);

/** A writable view of what a run owns: the state, its designs record and the entries in it. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** The run's own copy of design `name` (entry `entry` of `designs`), made on its first edit. */
function designRun(run: TransientRun, name: string, entry: DesignEntry, designs: Record<string, DesignEntry>): DesignRun {
  const known = run.edited.get(name);
  if (known && known.entry === entry) return known;
  const design = { ...entry.design } as Writable<Design>;
  const owned: DesignRun = { name, author: null, entry: { ...entry, design }, design, components: null, nets: null, placement: null, ownedNets: new Set(), membership: null };
  designs[name] = owned.entry;
  run.edited.set(name, owned);
  return owned;
}

function ownedComponents(d: DesignRun) {
  if (d.components === null) d.design.components = d.components = copyRecord(d.design.components);
  return d.components;
}

function ownedNets(d: DesignRun) {
  if (d.nets === null) d.design.nets = d.nets = copyRecord(d.design.nets);
  return d.nets;
}

/** The run's copy of net `id` (present in `nets`), with a nodes array of its own. */
function ownedNet(d: DesignRun, nets: Record<string, Net>, id: string, net: Net): { nodes: Node[] } {
  if (d.ownedNets.has(id)) return net as { nodes: Node[] };
  const copy = { ...net, nodes: [...net.nodes] };
  nets[id] = copy;
  d.ownedNets.add(id);
  return copy;
}

function membershipOf(d: DesignRun): Map<string, Set<string>> {
  return (d.membership ??= componentNets(d.design.nets));
}

/**
 * Applies a component edit in place on replay-owned copies. The state, its designs record and the
 * design's entry are owned too, so an edit allocates only what it adds (no per-event copy of the
 * state or the designs record); `seal` freezes them.
 */
export function applyTransient(state: SessionState, event: AnyEvent, run: TransientRun): SessionState {
  const data = event.data as ComponentAdded | ComponentRemoved;
  const name = data.design_name;
  // `state` is the one the run's last edit returned: what the run owns is still its own.
  const continues = run.state === state;
  const out = continues ? run.state! : (run.state = { ...state });
  out.seq = event.seq;
  out.head_hash = event.hash;
  let d = continues ? run.last : null;
  if (d === null || d.name !== name) {
    const entry = own(state.designs, name);
    if (!entry) return noteAuthor(out, state, event);
    let designs = run.designs;
    if (designs !== out.designs) run.designs = out.designs = designs = copyRecord(out.designs);
    d = run.last = designRun(run, name, entry, designs);
  }
  let delta = 0;
  if (event.type === 'ComponentAdded') {
    const { component, connections } = data as ComponentAdded;
    const components = ownedComponents(d);
    // Counted as the live reducer counts it: re-adding an existing id replaces it.
    delta = Object.hasOwn(components, component.id) ? 0 : 1;
    components[component.id] = component;
    if (connections.length > 0) {
      const nets = ownedNets(d);
      for (const c of connections) {
        const net = own(nets, c.net);
        if (!net) continue;
        ownedNet(d, nets, c.net, net).nodes.push({ component: component.id, pin: c.pin });
        if (d.membership !== null) {
          const set = d.membership.get(component.id);
          if (!set) d.membership.set(component.id, new Set([net.id]));
          else set.add(net.id);
        }
      }
    }
  } else {
    const id = (data as ComponentRemoved).component_id;
    if (Object.hasOwn(d.design.components, id)) {
      delete ownedComponents(d)[id];
      delta = -1;
    }
    if (Object.hasOwn(d.design.placement, id)) {
      if (d.placement === null) d.design.placement = d.placement = copyRecord(d.design.placement);
      delete d.placement[id];
    }
    const membership = membershipOf(d);
    const netIds = membership.get(id);
    if (netIds !== undefined) {
      membership.delete(id);
      for (const netId of netIds) {
        const net = own(d.design.nets, netId);
        if (!net) continue;
        const nets = ownedNets(d);
        // In place, keeping the order of the other nodes (the live path filters a copy).
        const nodes = ownedNet(d, nets, net.id, net).nodes;
        let kept = 0;
        for (let k = 0; k < nodes.length; k++) if (nodes[k]!.component !== id) nodes[kept++] = nodes[k]!;
        nodes.length = kept;
      }
    }
  }
  const next = d.entry;
  next.updated_seq = event.seq;
  next.revision += 1;
  next.component_count += delta;
  // noteAuthor would find the principal already listed and return `out` as it is.
  const principal = event.actor.principal;
  if (continues && d.author === principal) return out;
  const after = noteAuthor(out, state, event);
  d.author = principal;
  return after;
}

/** Ends a run: freezes what it built and hashes each design it touched, once. */
export function seal(state: SessionState, run: TransientRun): SessionState {
  if (run.state === null && run.edited.size === 0) return state;
  let designs = state.designs;
  for (const name of run.edited.keys()) {
    const entry = own(designs, name);
    if (!entry) continue;
    deepFreeze(entry.design);
    designs = withEntry(designs, name, Object.freeze({ ...entry, hash: merkleHash(entry.design, state.design_hash_format) }));
  }
  run.edited.clear();
  run.last = null;
  run.state = null;
  run.designs = null;
  return Object.freeze({ ...state, designs: Object.freeze(designs) });
}
