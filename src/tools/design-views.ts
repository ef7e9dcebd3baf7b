import type { Design } from '../eda/model/design.js';
import { own } from '../kernel/own.js';
import type { DesignEntry } from '../runtime/projections/session-state.js';

/** Small, stable summaries that tools return instead of whole designs where a summary suffices. */
const keyCounts = new WeakMap<object, number>();

/** Key count of a frozen record, remembered: an edit's summary must not count 50,000 placements again. */
function keyCount(record: object): number {
  let n = keyCounts.get(record);
  if (n === undefined) {
    n = Object.keys(record).length;
    if (Object.isFrozen(record)) keyCounts.set(record, n);
  }
  return n;
}

export function designSummary(name: string, entry: DesignEntry) {
  const d = entry.design;
  return {
    design_name: name,
    title: d.meta.name,
    design_hash: entry.hash,
    revision: entry.revision,
    updated_seq: entry.updated_seq,
    components: entry.component_count,
    nets: keyCount(d.nets),
    placed: keyCount(d.placement),
    tracks: d.routing.tracks.length,
    vias: d.routing.vias.length,
    board: { width_mm: d.board.width_mm, height_mm: d.board.height_mm, layers: d.board.layers },
  };
}

/** "REF.PIN" of a net node, as engineers read it. */
export function nodeLabel(design: Design, node: { component: string; pin: string }): string {
  return `${own(design.components, node.component)?.ref ?? node.component}.${node.pin}`;
}

export function netList(design: Design) {
  return Object.values(design.nets)
    .map((n) => ({ id: n.id, name: n.name, type: n.type, class: n.class, nodes: n.nodes.map((node) => nodeLabel(design, node)) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
