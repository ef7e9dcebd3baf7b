import type { Component, Design, Net, NetNode } from '../model/design.js';
import { byString, fieldChanges } from './compare.js';
import type { ComponentBrief, ComponentChange, NetBrief, NetChange, NetRename, PinChange } from './types.js';

/** Component matching: id first; then components left over on both sides that share a unique ref. */
export interface ComponentMatch {
  /** B component id → A component id. */
  bToA: Map<string, string>;
  added: string[];
  removed: string[];
}

function uniqueByRef(comps: Component[]): Map<string, Component> {
  const count = new Map<string, number>();
  for (const c of comps) count.set(c.ref, (count.get(c.ref) ?? 0) + 1);
  return new Map(comps.filter((c) => count.get(c.ref) === 1).map((c) => [c.ref, c]));
}

export function matchComponents(a: Design, b: Design): ComponentMatch {
  const bToA = new Map<string, string>();
  for (const id of Object.keys(b.components)) if (id in a.components) bToA.set(id, id);
  const leftA = Object.values(a.components).filter((c) => !(c.id in b.components));
  const leftB = Object.values(b.components).filter((c) => !bToA.has(c.id));
  const aByRef = uniqueByRef(leftA);
  for (const [ref, cb] of uniqueByRef(leftB)) {
    const ca = aByRef.get(ref);
    if (ca) bToA.set(cb.id, ca.id);
  }
  const matchedA = new Set(bToA.values());
  return {
    bToA,
    added: Object.keys(b.components).filter((id) => !bToA.has(id)).sort(byString),
    removed: Object.keys(a.components).filter((id) => !matchedA.has(id)).sort(byString),
  };
}

export function brief(c: Component): ComponentBrief {
  return { id: c.id, ref: c.ref, type: c.type, value: c.value };
}

const COMPONENT_SKIP = new Set(['pins']);

export function componentChanges(a: Design, b: Design, match: ComponentMatch): ComponentChange[] {
  const out: ComponentChange[] = [];
  for (const [bId, aId] of match.bToA) {
    const ca = a.components[aId]!;
    const cb = b.components[bId]!;
    const fields = fieldChanges(ca, cb, COMPONENT_SKIP);
    const pinsA = ca.pins;
    const pinsB = cb.pins;
    const pins_added = Object.keys(pinsB).filter((p) => !(p in pinsA)).sort(byString);
    const pins_removed = Object.keys(pinsA).filter((p) => !(p in pinsB)).sort(byString);
    const pins_changed: PinChange[] = [];
    for (const pin of Object.keys(pinsA).filter((p) => p in pinsB).sort(byString)) {
      const pf = fieldChanges(pinsA[pin]!, pinsB[pin]!);
      if (pf.length > 0) pins_changed.push({ pin, fields: pf });
    }
    if (fields.length + pins_added.length + pins_removed.length + pins_changed.length > 0) {
      out.push({ id: bId, ref: cb.ref, fields, pins_added, pins_removed, pins_changed });
    }
  }
  return out.sort((x, y) => byString(x.id, y.id));
}

/**
 * Nodes compared by identity, shown by name: a node's key uses design A's component id (B's ids are
 * mapped through the component match), its label the side's own "REF.PIN".
 */
function nodeKeyA(n: NetNode): string {
  return `${n.component}\u0000${n.pin}`;
}

function labelOf(d: Design, n: NetNode): string {
  return `${d.components[n.component]?.ref ?? n.component}.${n.pin}`;
}

function netBrief(d: Design, net: Net): NetBrief {
  return { id: net.id, name: net.name, nodes: net.nodes.map((n) => labelOf(d, n)).sort(byString) };
}

export interface NetDiff {
  added: NetBrief[];
  removed: NetBrief[];
  renamed: NetRename[];
  changed: NetChange[];
  /** B net id → A net id, for routing comparison. */
  bToA: Map<string, string>;
}

const NET_SKIP = new Set(['id', 'name', 'nodes']);

/**
 * Nets match by id; a net left over in A and one left over in B with the same non-empty node set
 * are one net whose id changed. A matched pair with another name is "renamed"; node or field
 * differences make it "changed" (a pair can be both).
 */
export function diffNets(a: Design, b: Design, match: ComponentMatch): NetDiff {
  const keyB = (n: NetNode) => {
    const aId = match.bToA.get(n.component);
    return aId === undefined ? `b:${n.component}\u0000${n.pin}` : nodeKeyA({ component: aId, pin: n.pin });
  };
  const signature = (keys: string[]) => [...keys].sort(byString).join('\u0001');
  const bToA = new Map<string, string>();
  for (const id of Object.keys(b.nets)) if (id in a.nets) bToA.set(id, id);
  const leftA = Object.values(a.nets).filter((n) => !(n.id in b.nets) && n.nodes.length > 0);
  const bySigA = new Map<string, Net[]>();
  for (const n of leftA) {
    const s = signature(n.nodes.map(nodeKeyA));
    bySigA.set(s, [...(bySigA.get(s) ?? []), n]);
  }
  for (const nb of Object.values(b.nets).filter((n) => !bToA.has(n.id) && n.nodes.length > 0).sort((x, y) => byString(x.id, y.id))) {
    const candidates = bySigA.get(signature(nb.nodes.map(keyB)));
    const na = candidates?.shift();
    if (na) bToA.set(nb.id, na.id);
  }
  const matchedA = new Set(bToA.values());
  const renamed: NetRename[] = [];
  const changed: NetChange[] = [];
  for (const [bId, aId] of [...bToA].sort((x, y) => byString(x[0], y[0]))) {
    const na = a.nets[aId]!;
    const nb = b.nets[bId]!;
    if (na.name !== nb.name || aId !== bId) renamed.push({ from_id: aId, to_id: bId, from_name: na.name, to_name: nb.name });
    const inA = new Map(na.nodes.map((n) => [nodeKeyA(n), labelOf(a, n)]));
    const inB = new Map(nb.nodes.map((n) => [keyB(n), labelOf(b, n)]));
    const nodes_added = [...inB].filter(([k]) => !inA.has(k)).map(([, l]) => l).sort(byString);
    const nodes_removed = [...inA].filter(([k]) => !inB.has(k)).map(([, l]) => l).sort(byString);
    const fields = fieldChanges(na, nb, NET_SKIP);
    if (fields.length + nodes_added.length + nodes_removed.length > 0) {
      changed.push({ id: bId, name: nb.name, fields, nodes_added, nodes_removed });
    }
  }
  return {
    added: Object.values(b.nets).filter((n) => !bToA.has(n.id)).map((n) => netBrief(b, n)).sort((x, y) => byString(x.id, y.id)),
    removed: Object.values(a.nets).filter((n) => !matchedA.has(n.id)).map((n) => netBrief(a, n)).sort((x, y) => byString(x.id, y.id)),
    renamed,
    changed,
    bToA,
  };
}
