import type { Design } from '../model/design.js';
import { own } from '../../kernel/own.js';
import { copperLayers } from '../model/design.js';
import type { BoardGeometry, BoardPad } from '../board/index.js';
import { netResolver } from '../board/net-resolver.js';
import { axisOf, box, boundsOfBox, capsule, disc, padShape, type Bounds, type RoundedBox, type Vec } from './geometry.js';

/**
 * The board's copper as DRC items: every track, via and pad with its net, the copper layers it
 * occupies (as a bit mask over the board's copper stack) and its exact shape. Holes are collected
 * separately for hole size and hole-to-hole checks.
 */

export interface CopperItem {
  kind: 'track' | 'via' | 'pad';
  label: string;
  /** Net id; null for copper on no net. Tracks/vias on an unknown net get a key of their own. */
  net: string | null;
  netName: string;
  layerMask: number;
  shape: RoundedBox;
  bounds: Bounds;
  /** A non-plated hole: an obstacle (hole clearance), never a conductor. */
  npth: boolean;
  /** For pads: "component id \0 pad number", so overlapping pads of one number are not reported. */
  padKey?: string;
  /** For pads: the component (design id) whose footprint the pad belongs to. */
  component?: string;
  /** For vias: the drill diameter. */
  viaDrillMm?: number;
}

export interface Hole {
  label: string;
  shape: RoundedBox;
  bounds: Bounds;
  diameterMm: number;
  /** Index into items of the pad or via that owns it. */
  owner: number;
}

export interface BadRef {
  kind: 'unknown-net' | 'invalid-layer';
  label: string;
  at: Vec;
  name: string;
  layer?: string;
}

export interface CopperModel {
  layers: string[];
  items: CopperItem[];
  holes: Hole[];
  badRefs: BadRef[];
  counts: { tracks: number; vias: number; pads: number };
}

export const fmt = (n: number): string => String(Math.round(n * 1000) / 1000);
const pt = (p: Vec): string => `(${fmt(p[0])},${fmt(p[1])})`;

/** Bit mask of a list of layer names over the stack; unknown names are ignored. */
export function layerMask(names: readonly string[], stack: readonly string[]): number {
  let m = 0;
  for (const n of names) {
    const i = stack.indexOf(n);
    if (i >= 0) m |= 1 << i;
  }
  return m;
}

export function buildCopper(design: Design, geometry: BoardGeometry): CopperModel {
  const layers = copperLayers(design.board.layers);
  const allMask = layerMask(layers, layers);
  const resolveNet = netResolver(design);
  const netName = (id: string | null): string => (id === null ? '(no net)' : (own(design.nets, id)?.name ?? id));
  const items: CopperItem[] = [];
  const holes: Hole[] = [];
  const badRefs: BadRef[] = [];

  // Pads, zipped with their footprint pads for slot drills (the geometry lists a component's
  // pads in footprint order).
  const padsOf = new Map<string, BoardPad[]>();
  for (const p of geometry.pads) {
    const l = padsOf.get(p.component) ?? [];
    l.push(p);
    padsOf.set(p.component, l);
  }
  for (const placed of geometry.footprints) {
    const pads = padsOf.get(placed.component) ?? [];
    pads.forEach((pad, i) => {
      const fpPad = pads.length === placed.footprint.pads.length ? placed.footprint.pads[i] : undefined;
      const npth = pad.kind === 'np_thru_hole';
      const holeDia = pad.drillMm ?? (npth ? pad.size[0] : null);
      const shape = npth
        ? disc(pad.center, Math.max(holeDia ?? 0, pad.size[0]))
        : padShape(pad.center, pad.size, pad.rotationDeg, pad.shape, pad.roundrectRatio);
      const index = items.length;
      items.push({
        kind: 'pad',
        label: `pad ${pad.ref}.${pad.padNumber === '' ? '(hole)' : pad.padNumber}`,
        net: npth ? null : pad.net,
        netName: netName(npth ? null : pad.net),
        layerMask: layerMask(pad.layers, layers),
        shape,
        bounds: boundsOfBox(shape),
        npth,
        // One logical pad: a pad number, or the land several stacked pad numbers share.
        padKey: `${pad.component}\u0000${pad.land ?? pad.padNumber}`,
        component: pad.component,
      });
      if (pad.kind !== 'smd' && holeDia !== null) {
        let hole: RoundedBox = disc(pad.center, holeDia);
        let dia = holeDia;
        if (fpPad?.drill_slot_mm) {
          const [w, h] = fpPad.drill_slot_mm;
          const r = Math.min(w, h) / 2;
          hole = box(pad.center, axisOf(pad.rotationDeg), w / 2 - r, h / 2 - r, r);
          dia = Math.min(w, h);
        }
        holes.push({ label: items[index]!.label, shape: hole, bounds: boundsOfBox(hole), diameterMm: dia, owner: index });
      }
    });
  }
  const pads = items.length;

  design.routing.tracks.forEach((t, i) => {
    const id = resolveNet(t.net);
    const label = `track ${id === null ? t.net : netName(id)} ${t.layer} ${pt(t.start)}-${pt(t.end)}`;
    if (id === null) badRefs.push({ kind: 'unknown-net', label, at: t.start, name: t.net });
    const mask = layerMask([t.layer], layers);
    if (mask === 0) {
      badRefs.push({ kind: 'invalid-layer', label, at: t.start, name: t.net, layer: t.layer });
      return;
    }
    const shape = capsule(t.start, t.end, t.width_mm);
    items.push({ kind: 'track', label, net: id ?? `\u0000unknown\u0000${t.net}#${i}`, netName: id === null ? t.net : netName(id), layerMask: mask, shape, bounds: boundsOfBox(shape), npth: false });
  });
  const tracks = items.length - pads;

  design.routing.vias.forEach((v, i) => {
    const id = resolveNet(v.net);
    const label = `via ${id === null ? v.net : netName(id)} ${pt(v.at)}`;
    if (id === null) badRefs.push({ kind: 'unknown-net', label, at: v.at, name: v.net });
    const shape = disc(v.at, v.diameter_mm);
    const index = items.length;
    items.push({ kind: 'via', label, net: id ?? `\u0000unknown\u0000${v.net}#v${i}`, netName: id === null ? v.net : netName(id), layerMask: allMask, shape, bounds: boundsOfBox(shape), npth: false, viaDrillMm: v.drill_mm });
    const hole = disc(v.at, v.drill_mm);
    holes.push({ label, shape: hole, bounds: boundsOfBox(hole), diameterMm: v.drill_mm, owner: index });
  });

  return { layers, items, holes, badRefs, counts: { tracks, vias: design.routing.vias.length, pads } };
}

/** Copper layer names of a mask. */
export function layersOfMask(mask: number, stack: readonly string[]): string[] {
  return stack.filter((_, i) => (mask & (1 << i)) !== 0);
}
