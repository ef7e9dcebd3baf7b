import type { Design } from '../model/design.js';

/**
 * How much of a design survived a round trip (import → write → import): parts matched by reference,
 * nets matched by their set of pads (`REF.padnumber`, so a renamed net still matches), positions
 * matched by reference within 1 µm with the same rotation and side, and track/via counts.
 */
/** Type aliases, not interfaces, so the result fits the tools' open-object output schemas. */
export type Survival = {
  before: number;
  after: number;
  matched: number;
};

export type RoundTrip = {
  parts: Survival;
  nets: Survival;
  /** Nets compared on the pads of parts placed on both sides only: what the board kept of the connectivity it could draw. */
  nets_on_placed_parts: Survival;
  positions: Survival;
  tracks: Survival;
  vias: Survival;
};

function netKeys(d: Design, keep: (ref: string) => boolean = () => true): Set<string> {
  const out = new Set<string>();
  for (const n of Object.values(d.nets)) {
    const pads = n.nodes
      .map((node) => {
        const c = d.components[node.component];
        const pin = c?.pins[node.pin];
        return c && keep(c.ref) ? `${c.ref}.${pin?.number ?? node.pin}` : '';
      })
      .filter((k) => k !== '')
      .sort();
    if (pads.length > 0) out.add(pads.join(' '));
  }
  return out;
}

function positions(d: Design): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, p] of Object.entries(d.placement)) {
    const c = d.components[id];
    if (c) out.set(c.ref, `${p.x_mm.toFixed(3)},${p.y_mm.toFixed(3)},${p.rotation_deg},${p.side}`);
  }
  return out;
}

const segKey = (t: Design['routing']['tracks'][number]): string => `${t.layer} ${t.start.map((v) => v.toFixed(3)).join(',')} ${t.end.map((v) => v.toFixed(3)).join(',')}`;

export function compareRoundTrip(a: Design, b: Design): RoundTrip {
  const refsA = new Set(Object.values(a.components).map((c) => c.ref));
  const refsB = new Set(Object.values(b.components).map((c) => c.ref));
  const netsA = netKeys(a);
  const netsB = netKeys(b);
  const posA = positions(a);
  const posB = positions(b);
  const placedBoth = (ref: string) => posA.has(ref) && posB.has(ref);
  const [onA, onB] = [netKeys(a, placedBoth), netKeys(b, placedBoth)];
  const segB = new Set(b.routing.tracks.map(segKey));
  const viaKey = (v: Design['routing']['vias'][number]) => v.at.map((x) => x.toFixed(3)).join(',');
  const viasB = new Set(b.routing.vias.map(viaKey));
  return {
    parts: { before: refsA.size, after: refsB.size, matched: [...refsA].filter((r) => refsB.has(r)).length },
    nets: { before: netsA.size, after: netsB.size, matched: [...netsA].filter((k) => netsB.has(k)).length },
    nets_on_placed_parts: { before: onA.size, after: onB.size, matched: [...onA].filter((k) => onB.has(k)).length },
    positions: { before: posA.size, after: posB.size, matched: [...posA].filter(([r, k]) => posB.get(r) === k).length },
    tracks: { before: a.routing.tracks.length, after: b.routing.tracks.length, matched: a.routing.tracks.filter((t) => segB.has(segKey(t))).length },
    vias: { before: a.routing.vias.length, after: b.routing.vias.length, matched: a.routing.vias.filter((v) => viasB.has(viaKey(v))).length },
  };
}
