import type { Design } from '../model/design.js';
import { own } from '../../kernel/own.js';
import { copperLayers, padNumberOf } from '../model/design.js';
import type { Footprint, PadKind } from '../model/footprint.js';
import { footprintToWorld, rectToWorld, worldRotation } from './transform.js';
import { markStackedLands } from './stacked-lands.js';

export * from './transform.js';
export * from './routing-grid.js';

/**
 * Board geometry: every placed footprint's pads in board coordinates with the net each pad carries.
 * Placement, routing, DRC and the .kicad_pcb writer all read this one projection so they agree on
 * where copper is (docs/placement.md, "Board geometry").
 */

export type { FootprintResolver, PinPadMapper, BoardPad, PlacedFootprint, BoardGeometry } from './types.js';
import type { BoardGeometry, BoardPad, FootprintResolver, PinPadMapper, PlacedFootprint } from './types.js';

const KEY_SEP = '\u0000';

/** (component id, pin name) → net id, from the nets' nodes (the only place connectivity lives). */
export function pinNetIndex(design: Design): Map<string, string> {
  const index = new Map<string, string>();
  for (const id of Object.keys(design.nets).sort()) {
    const net = design.nets[id]!;
    for (const node of net.nodes) {
      const key = node.component + KEY_SEP + node.pin;
      if (!index.has(key)) index.set(key, id);
    }
  }
  return index;
}

/**
 * The pins of a component: its declared pins (with their declared pad number or null) plus any
 * pin a net names but the component omits (number null).
 */
export function componentPins(design: Design, componentId: string): { name: string; number: string | null }[] {
  const comp = own(design.components, componentId);
  if (!comp) return [];
  const pins = new Map<string, string | null>();
  for (const pin of Object.values(comp.pins)) pins.set(pin.name, pin.number);
  for (const id of Object.keys(design.nets).sort()) {
    for (const node of design.nets[id]!.nodes) {
      if (node.component === componentId && !pins.has(node.pin)) pins.set(node.pin, null);
    }
  }
  return [...pins].map(([name, number]) => ({ name, number }));
}

/** Identity mapping: a pin goes to the pads whose number equals its number (else its name). */
export const directPinMapper: PinPadMapper = (footprint, pins) => {
  const numbers = new Set(footprint.pads.map((p) => p.number));
  const map: Record<string, string[]> = {};
  const unmapped: string[] = [];
  for (const pin of pins) {
    const num = padNumberOf({ name: pin.name, number: pin.number, type: 'passive', description: '' });
    if (numbers.has(num)) map[pin.name] = [num];
    else if (numbers.has(pin.name)) map[pin.name] = [pin.name];
    else unmapped.push(pin.name);
  }
  return { map, unmapped };
};

/** The copper layers a pad of `kind` on `padSide` of a footprint on `placementSide` occupies. */
export function padLayers(kind: PadKind, padSide: 'top' | 'bottom', placementSide: 'top' | 'bottom', allCopper: string[]): string[] {
  if (kind !== 'smd') return [...allCopper];
  const onTop = (padSide === 'top') === (placementSide === 'top');
  return [onTop ? 'F.Cu' : 'B.Cu'];
}

/** Resolves one component's footprint, or undefined (missing name or unknown footprint). */
export function footprintOf(design: Design, componentId: string, resolve: FootprintResolver): Footprint | undefined {
  const comp = own(design.components, componentId);
  if (!comp || comp.footprint === null) return undefined;
  return resolve(comp.footprint);
}

export function buildBoardGeometry(design: Design, resolve: FootprintResolver, mapPins?: PinPadMapper): BoardGeometry {
  const mapper = mapPins ?? directPinMapper;
  const netOf = pinNetIndex(design);
  const allCopper = copperLayers(design.board.layers);
  const out: BoardGeometry = { pads: [], footprints: [], missingFootprints: [], unmappedPins: [], unplaced: [] };

  for (const id of Object.keys(design.components).sort()) {
    const comp = design.components[id]!;
    const fp = footprintOf(design, id, resolve);
    if (!fp) {
      out.missingFootprints.push({ component: id, ref: comp.ref, footprint: comp.footprint });
      continue;
    }
    const pins = componentPins(design, id);
    const { map, unmapped } = mapper(fp, pins, { type: comp.type, ref: comp.ref });
    for (const pin of [...unmapped].sort()) out.unmappedPins.push({ component: id, ref: comp.ref, pin });
    const placement = own(design.placement, id);
    if (!placement) {
      out.unplaced.push({ component: id, ref: comp.ref });
      continue;
    }
    out.footprints.push({ component: id, ref: comp.ref, footprint: fp, placement, courtyardWorld: rectToWorld(fp.courtyard, placement) });

    // Pad number → first pin (in pin order) mapped onto it.
    const pinOfPad = new Map<string, string>();
    for (const pin of pins) {
      for (const num of map[pin.name] ?? []) if (!pinOfPad.has(num)) pinOfPad.set(num, pin.name);
    }
    const padsHere: BoardPad[] = [];
    for (const pad of fp.pads) {
      const pin = pad.kind === 'np_thru_hole' ? null : (pinOfPad.get(pad.number) ?? null);
      padsHere.push({
        component: id,
        ref: comp.ref,
        pin,
        padNumber: pad.number,
        net: pin === null ? null : (netOf.get(id + KEY_SEP + pin) ?? null),
        center: footprintToWorld(pad.at, placement),
        size: [pad.size[0], pad.size[1]],
        rotationDeg: worldRotation(pad.rotation_deg, placement),
        shape: pad.shape,
        kind: pad.kind,
        drillMm: pad.drill_mm,
        roundrectRatio: pad.roundrect_ratio,
        layers: padLayers(pad.kind, pad.side, placement.side, allCopper),
      });
    }
    markStackedLands(padsHere);
    out.pads.push(...padsHere);
  }
  return out;
}

/** Pads of a component, keyed by pin name (several pads per pin possible). */
export function padsByPin(geometry: BoardGeometry, componentId: string): Map<string, BoardPad[]> {
  const out = new Map<string, BoardPad[]>();
  for (const pad of geometry.pads) {
    if (pad.component !== componentId || pad.pin === null) continue;
    const list = out.get(pad.pin) ?? [];
    list.push(pad);
    out.set(pad.pin, list);
  }
  return out;
}
