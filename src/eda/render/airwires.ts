import { UnionFind } from '../../kernel/union-find.js';
import type { Design, Point, Track } from '../model/design.js';
import type { BoardGeometry, BoardPad } from '../board/index.js';
import { disc, gapBetween, gapToSegment, padShape } from '../drc/geometry.js';

/**
 * Unrouted connections ("airwires", KiCad's ratsnest) of a placed design: for each net, the pads
 * its copper already joins are merged with a union-find over pads, tracks and vias (a track end
 * touching a pad on its layer, a via, or another track of the net on its layer); the islands left
 * are then joined by a minimum spanning tree on pad-centre distance (Prim), one airwire per edge.
 * Only same-net copper counts: a track touching another net's pad is a short, DRC's business.
 * Deterministic: nets in id order, pads in geometry order, ties broken by index.
 */

export interface Airwire {
  /** Net id. */
  net: string;
  from: Point;
  to: Point;
  /** "REF.PAD" of the two pads joined. */
  fromPad: string;
  toPad: string;
}

const TOL_MM = 1e-3;


/** The pad's exact copper outline (oval, roundrect and rotation included), from DRC's geometry. */
const copperOf = (pad: BoardPad) => padShape(pad.center, pad.size, pad.rotationDeg, pad.shape, pad.roundrectRatio);

/** Whether `p` lies on the pad's copper. */
export function pointInPad(p: Point, pad: BoardPad, tolMm = TOL_MM): boolean {
  return gapBetween(copperOf(pad), disc(p, 0)).distance <= tolMm;
}

/**
 * A track joins a pad when its round end cap overlaps the copper, as in KiCad's connectivity, so the
 * router's entry segments that stop just short of a pad's edge (docs/routing.md, "Pad access") count
 * as connected.
 */
function endCapTouchesPad(end: Point, widthMm: number, pad: BoardPad): boolean {
  return gapBetween(copperOf(pad), disc(end, widthMm)).distance <= TOL_MM;
}

const label = (pad: BoardPad): string => `${pad.ref}.${pad.padNumber}`;

/** The airwires of every net whose pads are not all joined by its copper. */
export function computeAirwires(design: Design, geometry: BoardGeometry): Airwire[] {
  const out: Airwire[] = [];
  const padsByNet = new Map<string, BoardPad[]>();
  for (const pad of geometry.pads) {
    if (pad.net === null || pad.kind === 'np_thru_hole') continue;
    const list = padsByNet.get(pad.net) ?? [];
    list.push(pad);
    padsByNet.set(pad.net, list);
  }
  const tracksByNet = new Map<string, Track[]>();
  for (const t of design.routing.tracks) tracksByNet.set(t.net, [...(tracksByNet.get(t.net) ?? []), t]);

  for (const net of [...padsByNet.keys()].sort()) {
    const pads = padsByNet.get(net)!;
    if (pads.length < 2) continue;
    const tracks = tracksByNet.get(net) ?? [];
    const vias = design.routing.vias.filter((v) => v.net === net);
    // Node indices: pads, then tracks, then vias.
    const T0 = pads.length;
    const V0 = T0 + tracks.length;
    const uf = new UnionFind(V0 + vias.length);
    tracks.forEach((t, ti) => {
      for (const end of [t.start, t.end]) {
        pads.forEach((pad, pi) => {
          if (pad.layers.includes(t.layer) && endCapTouchesPad(end, t.width_mm, pad)) uf.union(T0 + ti, pi);
        });
        vias.forEach((v, vi) => {
          if (Math.hypot(end[0] - v.at[0], end[1] - v.at[1]) <= v.diameter_mm / 2 + TOL_MM) uf.union(T0 + ti, V0 + vi);
        });
        tracks.forEach((o, oi) => {
          if (oi !== ti && o.layer === t.layer && gapToSegment(disc(end, o.width_mm), o.start, o.end).distance <= TOL_MM) uf.union(T0 + ti, T0 + oi);
        });
      }
    });
    // A via inside a pad (via-in-pad) joins them; vias span every copper layer.
    vias.forEach((v, vi) => pads.forEach((pad, pi) => {
      if (pointInPad(v.at, pad)) uf.union(V0 + vi, pi);
    }));

    const groups = new Map<number, number[]>();
    pads.forEach((_, pi) => {
      const r = uf.find(pi);
      groups.set(r, [...(groups.get(r) ?? []), pi]);
    });
    if (groups.size < 2) continue;
    const islands = [...groups.values()].sort((a, b) => a[0]! - b[0]!);
    // Prim over islands; the distance between two islands is their closest pad pair.
    const inTree = [true, ...islands.slice(1).map(() => false)];
    for (let added = 1; added < islands.length; added++) {
      let best: { d: number; a: number; b: number; j: number } | null = null;
      islands.forEach((island, j) => {
        if (inTree[j]) return;
        islands.forEach((tree, i) => {
          if (!inTree[i]) return;
          for (const a of tree) {
            for (const b of island) {
              const pa = pads[a]!.center;
              const pb = pads[b]!.center;
              const d = Math.hypot(pa[0] - pb[0], pa[1] - pb[1]);
              if (!best || d < best.d - 1e-12) best = { d, a, b, j };
            }
          }
        });
      });
      const pick = best as { d: number; a: number; b: number; j: number } | null;
      if (!pick) break;
      inTree[pick.j] = true;
      const pa = pads[pick.a]!;
      const pb = pads[pick.b]!;
      out.push({ net, from: pa.center, to: pb.center, fromPad: label(pa), toPad: label(pb) });
    }
  }
  return out;
}
