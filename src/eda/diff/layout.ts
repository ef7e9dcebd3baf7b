import type { Design, Placement } from '../model/design.js';
import { own } from '../../kernel/own.js';
import { byString, fieldChanges, roundMm } from './compare.js';
import type { ComponentMatch } from './connectivity.js';
import type { DesignDiff, NetRoutingChange, PlacementEntry, PlacementMove } from './types.js';

function rounded(p: Placement): Placement {
  return { ...p, x_mm: roundMm(p.x_mm), y_mm: roundMm(p.y_mm) };
}

/** Placement per component (matched as in the component diff), coordinates compared to 1 nm. */
export function diffPlacement(a: Design, b: Design, match: ComponentMatch): DesignDiff['placement'] {
  const added: PlacementEntry[] = [];
  const removed: PlacementEntry[] = [];
  const moved: PlacementMove[] = [];
  const seenA = new Set<string>();
  for (const [bId, pb] of Object.entries(b.placement)) {
    const ref = b.components[bId]?.ref ?? bId;
    const aId = match.bToA.get(bId);
    const pa = aId === undefined ? undefined : own(a.placement, aId);
    if (aId !== undefined) seenA.add(aId);
    if (!pa) {
      added.push({ id: bId, ref, at: pb });
      continue;
    }
    const fields = fieldChanges(rounded(pa), rounded(pb));
    if (fields.length > 0) moved.push({ id: bId, ref, from: pa, to: pb, fields });
  }
  for (const [aId, pa] of Object.entries(a.placement)) {
    if (!seenA.has(aId)) removed.push({ id: aId, ref: a.components[aId]?.ref ?? aId, at: pa });
  }
  const order = (x: { id: string }, y: { id: string }) => byString(x.id, y.id);
  return { added: added.sort(order), removed: removed.sort(order), moved: moved.sort(order) };
}

interface NetRoute {
  tracks: number;
  vias: number;
  length: number;
  geometry: string;
}

/** Per-net routing summary; nets keyed through `netKey` so a renamed net compares with itself. */
function routesByNet(d: Design, netKey: (id: string) => string): Map<string, NetRoute> {
  const parts = new Map<string, { tracks: number; vias: number; length: number; shapes: string[] }>();
  const get = (net: string) => {
    const key = netKey(net);
    let p = parts.get(key);
    if (!p) {
      p = { tracks: 0, vias: 0, length: 0, shapes: [] };
      parts.set(key, p);
    }
    return p;
  };
  for (const t of d.routing.tracks) {
    const p = get(t.net);
    p.tracks += 1;
    p.length += Math.hypot(t.end[0] - t.start[0], t.end[1] - t.start[1]);
    const ends = [t.start, t.end].map((q) => `${roundMm(q[0])},${roundMm(q[1])}`).sort(byString);
    p.shapes.push(`t|${t.layer}|${ends.join('|')}|${roundMm(t.width_mm)}`);
  }
  for (const v of d.routing.vias) {
    const p = get(v.net);
    p.vias += 1;
    p.shapes.push(`v|${roundMm(v.at[0])},${roundMm(v.at[1])}|${roundMm(v.diameter_mm)}|${roundMm(v.drill_mm)}`);
  }
  const out = new Map<string, NetRoute>();
  for (const [k, p] of parts) out.set(k, { tracks: p.tracks, vias: p.vias, length: roundMm(p.length), geometry: p.shapes.sort(byString).join(';') });
  return out;
}

export function diffRouting(a: Design, b: Design, netBToA: Map<string, string>): DesignDiff['routing'] {
  const aToB = new Map([...netBToA].map(([bId, aId]) => [aId, bId]));
  // Key both sides by B's net id where the net exists in B, else by "a:" + A's id.
  const ra = routesByNet(a, (id) => aToB.get(id) ?? `a:${id}`);
  const rb = routesByNet(b, (id) => id);
  const empty: NetRoute = { tracks: 0, vias: 0, length: 0, geometry: '' };
  const nets: NetRoutingChange[] = [];
  for (const key of [...new Set([...ra.keys(), ...rb.keys()])].sort(byString)) {
    const x = ra.get(key) ?? empty;
    const y = rb.get(key) ?? empty;
    if (x.geometry === y.geometry) continue;
    const net = key.startsWith('a:') ? key.slice(2) : key;
    const name = key.startsWith('a:') ? (own(a.nets, net)?.name ?? net) : (own(b.nets, net)?.name ?? net);
    nets.push({
      net,
      name,
      tracks_before: x.tracks,
      tracks_after: y.tracks,
      vias_before: x.vias,
      vias_after: y.vias,
      length_before_mm: x.length,
      length_after_mm: y.length,
      geometry_changed: true,
    });
  }
  const total = (r: Map<string, NetRoute>) => roundMm([...r.values()].reduce((s, v) => s + v.length, 0));
  return {
    tracks: { before: a.routing.tracks.length, after: b.routing.tracks.length },
    vias: { before: a.routing.vias.length, after: b.routing.vias.length },
    length_mm: { before: total(ra), after: total(rb) },
    nets,
  };
}
