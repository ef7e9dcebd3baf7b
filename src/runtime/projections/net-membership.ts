import type { Design } from '../../eda/model/design.js';
import type { DesignHashFormat } from '../../kernel/merkle-hash.js';
import { netIndexOf, setNetIndex } from './component-table.js';

/**
 * Which nets each component sits on, so removing a component visits its own nets, not every node of
 * every net. Built from `design.nets` on first use and handed from design to design along the live
 * projection's line of component edits (each design is frozen, so the index of an older design can
 * only be stale if it was handed on: then it is rebuilt for that design). Kept in the design's
 * component table (component-table.ts), so an edit adds no WeakMap entry of its own.
 */
interface Membership {
  owner: Design;
  nets: Map<string, Set<string>>;
}

/** Component id → ids of the nets holding one of its nodes, from the nets as they are. */
export function componentNets(nets: Design['nets']): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const net of Object.values(nets)) {
    for (const node of net.nodes) {
      let set = index.get(node.component);
      if (!set) index.set(node.component, (set = new Set()));
      set.add(net.id);
    }
  }
  return index;
}

function build(design: Design): Membership {
  return { owner: design, nets: componentNets(design.nets) };
}

function membershipOf(design: Design, format: DesignHashFormat): Membership {
  let m = netIndexOf(design, format) as Membership | null;
  if (!m || m.owner !== design) {
    m = build(design);
    setNetIndex(design, format, m);
  }
  return m;
}

/** Ids of the nets with at least one node of component `id` (`format`: the session's design-hash format, whose table keeps the index). */
export function netsOfComponent(design: Design, id: string, format: DesignHashFormat): readonly string[] {
  return [...(membershipOf(design, format).nets.get(id) ?? [])];
}

/** `next` is `prev` after a component edit: pass the index on, updated by `change` (O(1) per connection). */
export function handMembershipOn(prev: Design, next: Design, format: DesignHashFormat, change: (nets: Map<string, Set<string>>) => void): void {
  const m = netIndexOf(prev, format) as Membership | null;
  if (!m || m.owner !== prev) return;
  change(m.nets);
  m.owner = next;
  setNetIndex(next, format, m);
}
