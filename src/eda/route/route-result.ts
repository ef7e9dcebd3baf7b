import { joinedComponents, type CopperPiece } from './connectivity.js';
import { capsule } from './geometry.js';
import type { Conn, NetState } from './route-parts.js';
import type { ConnectionStatus, RoutedTrack, RoutedVia, UnroutedReason } from './types.js';

/**
 * The copper laid and each connection's status. A connection counts as routed only when the
 * copper geometry joins its two points (not because the search said so), so the status is
 * what a checker reading the tracks and vias would find.
 */
export function collectResult(nets: NetState[], conns: Conn[], layerIndex: Map<string, number>, allLayers: number[], timedOut: boolean): { tracks: RoutedTrack[]; vias: RoutedVia[]; statuses: ConnectionStatus[] } {
  // Result, with routed status confirmed from the copper geometry.
  const tracks: RoutedTrack[] = [];
  const vias: RoutedVia[] = [];
  const statuses: ConnectionStatus[] = [];
  nets.forEach((net, ni) => {
    for (const p of net.paths) {
      tracks.push(...p.tracks);
      vias.push(...p.vias);
    }
    const pieces: CopperPiece[] = [];
    for (const o of net.padObjects) pieces.push({ kind: 'pad', layers: o.layers, shape: o.shape, anchors: [] });
    for (const p of net.paths) {
      for (const t of p.tracks) {
        const L = layerIndex.get(t.layer)!;
        pieces.push({ kind: 'track', layers: [L], shape: capsule(t.start[0], t.start[1], t.end[0], t.end[1], t.widthMm / 2), anchors: [t.start, t.end] });
      }
      for (const v of p.vias) pieces.push({ kind: 'via', layers: allLayers, shape: capsule(v.at[0], v.at[1], v.at[0], v.at[1], v.diameterMm / 2), anchors: [v.at] });
    }
    const comp = joinedComponents(pieces, net.points);
    for (const c of conns) {
      if (c.net !== ni) continue;
      const joined = comp[c.a]! >= 0 && comp[c.a] === comp[c.b];
      const a = net.points[c.a]!;
      const b = net.points[c.b]!;
      const reason: UnroutedReason = timedOut && c.status !== 'failed' ? 'timeout' : (c.reason ?? 'blocked');
      statuses.push({
        net: net.name,
        from: c.a,
        to: c.b,
        fromLabel: a.label,
        toLabel: b.label,
        status: joined ? 'routed' : 'unrouted',
        ...(joined ? {} : { reason }),
      });
    }
  });
  return { tracks, vias, statuses };
}
