import type { Point } from '../../model/design.js';
import type { Component } from '../../model/design.js';
import type { Footprint, Pad } from '../../model/footprint.js';
import type { BoardPad, PlacedFootprint } from '../../board/index.js';
import { list, sym, type SExpr, type SList } from '../../sexpr/index.js';
import { flipLayer } from './layers.js';
import type { KicadNet } from './nets.js';
import { rotateVec } from '../../board/index.js';
import type { RefText } from './silk-text.js';

/**
 * One `(footprint …)` block of a .kicad_pcb (KiCad board file format, "Footprint" section).
 *
 * KiCad stores footprint children relative to the footprint anchor and *unrotated*, but already
 * flipped for a bottom-side footprint: the board position of a child is anchor + rotate(child,
 * footprint angle). Our footprints are top-side; a bottom placement mirrors x (eda/board
 * transform), so the stored child coordinate is (−x, y). Pad and text angles in the file are
 * absolute (footprint angle included), which is what `BoardPad.rotationDeg` already holds.
 */

const textEffects = (size: number, thickness: number, mirrored: boolean): SList =>
  list('effects', list('font', list('size', size, size), list('thickness', thickness)), mirrored ? list('justify', sym('mirror')) : undefined);
const SILK_TEXT = textEffects(1, 0.15, false);
const SILK_TEXT_MIRRORED = textEffects(1, 0.15, true);

const stroke = (widthMm: number): SList => list('stroke', list('width', widthMm), list('type', sym('solid')));

function padKicadLayers(pad: Pad, onBottom: boolean): string[] {
  if (pad.kind !== 'smd') return ['*.Cu', '*.Mask'];
  const front = (pad.side === 'top') !== onBottom;
  const layers = ['F.Cu', 'F.Mask'];
  if (pad.paste) layers.push('F.Paste');
  return front ? layers : layers.map(flipLayer);
}

/** The footprint's library id as both KiCad files write it (the symbol's Footprint field must equal it). */
export function kicadFootprintId(fp: Footprint): string {
  return fp.name === '' ? 'ZapTrace:unnamed' : `ZapTrace:${fp.name}`;
}

/**
 * The number a pad is written under. A stacked land with no net is written under its first pad's
 * number: KiCad then sees one logical pad instead of two no-net pads 0 mm apart (with a net, nets
 * keep them apart). The schematic numbers its pins with the same function.
 */
export function writtenPadNumber(pad: BoardPad): string {
  return pad.land !== undefined && pad.net === null ? pad.land : pad.padNumber;
}

export interface FootprintWriteInput {
  placed: PlacedFootprint;
  component: Component;
  /** The component's pads from the board geometry, in footprint pad order. */
  pads: BoardPad[];
  nets: Map<string, KicadNet>;
  /** The Value field (the schematic symbol's Value; see export/bom/value.ts). */
  value: string;
  /** Nets of pads whose pin is connected to nothing (board.ts). */
  unconnected?: Map<BoardPad, KicadNet>;
  /** Where the reference goes (silk-text.ts); without it, centred 1 mm above the courtyard. */
  refText?: RefText;
}

/**
 * The Reference field. A planned spot is in board coordinates; KiCad stores it relative to the
 * anchor, unrotated (already flipped for the bottom side), with an absolute text angle.
 */
function referenceExpr(input: FootprintWriteInput, fallbackEffects: SList): SList {
  const { placed, component, refText } = input;
  const pl = placed.placement;
  const onBottom = pl.side === 'bottom';
  const layer = (l: string): string => (onBottom ? flipLayer(l) : l);
  if (!refText) return list('property', 'Reference', component.ref, list('at', 0, placed.footprint.courtyard[1] - 1, pl.rotation_deg), list('layer', layer('F.SilkS')), fallbackEffects);
  const local = rotateVec([refText.at[0] - pl.x_mm, refText.at[1] - pl.y_mm], -pl.rotation_deg);
  return list(
    'property',
    'Reference',
    component.ref,
    list('at', round4(local[0]), round4(local[1]), refText.angleDeg),
    list('layer', layer(refText.layer === 'silk' ? 'F.SilkS' : 'F.Fab')),
    textEffects(refText.sizeMm, refText.thicknessMm, onBottom),
  );
}

const round4 = (v: number): number => Math.round(v * 1e4) / 1e4;

export function footprintExpr(input: FootprintWriteInput): SList {
  const { placed, component, pads, nets, value } = input;
  const fp = placed.footprint;
  const pl = placed.placement;
  const onBottom = pl.side === 'bottom';
  const side = (layer: string): string => (onBottom ? flipLayer(layer) : layer);
  const xy = (name: string, p: Point): SList => list(name, onBottom ? -p[0] : p[0], p[1]);
  const rect = (r: [number, number, number, number], layer: string, widthMm: number): SList =>
    list('fp_rect', xy('start', [r[0], r[1]]), xy('end', [r[2], r[3]]), stroke(widthMm), list('fill', sym('no')), list('layer', side(layer)));

  const cy1 = fp.courtyard[3];
  const effects = onBottom ? SILK_TEXT_MIRRORED : SILK_TEXT;
  const items: (SExpr | undefined)[] = [
    kicadFootprintId(fp),
    list('layer', onBottom ? 'B.Cu' : 'F.Cu'),
    list('at', pl.x_mm, pl.y_mm, pl.rotation_deg),
    list('descr', fp.description),
    referenceExpr(input, effects),
    list('property', 'Value', value, list('at', 0, cy1 + 1, pl.rotation_deg), list('layer', side('F.Fab')), effects),
  ];
  const hasTht = fp.pads.some((p) => p.kind === 'thru_hole');
  const hasSmd = fp.pads.some((p) => p.kind === 'smd');
  // Mounting type, and `dnp` as the schematic symbol says (KiCad compares the two in its parity check).
  const attrs = [hasTht ? 'through_hole' : hasSmd ? 'smd' : undefined, component.dnp ? 'dnp' : undefined].filter((a): a is string => a !== undefined);
  if (attrs.length > 0) items.push(list('attr', ...attrs.map((a) => sym(a))));

  for (const line of fp.silkscreen) {
    items.push(list('fp_line', xy('start', line.start), xy('end', line.end), stroke(line.width_mm), list('layer', side('F.SilkS'))));
  }
  items.push(rect(fp.courtyard, 'F.CrtYd', 0.05));
  items.push(rect(fp.body, 'F.Fab', 0.1));

  fp.pads.forEach((pad, i) => {
    const world = pads.length === fp.pads.length ? pads[i] : undefined;
    const netId = world?.net ?? null;
    const net = netId !== null ? nets.get(netId) : world ? input.unconnected?.get(world) : undefined;
    const angle = world?.rotationDeg ?? pl.rotation_deg;
    const isNpth = pad.kind === 'np_thru_hole';
    const size: [number, number] = pad.shape === 'circle' ? [pad.size[0], pad.size[0]] : [pad.size[0], pad.size[1]];
    let drill: SList | undefined;
    if (pad.kind !== 'smd') {
      if (pad.drill_slot_mm) drill = list('drill', sym('oval'), pad.drill_slot_mm[0], pad.drill_slot_mm[1]);
      else drill = list('drill', pad.drill_mm ?? Math.min(size[0], size[1]));
    }
    items.push(
      list(
        'pad',
        isNpth ? '' : world ? writtenPadNumber(world) : pad.number,
        sym(pad.kind),
        sym(pad.shape),
        list('at', onBottom ? -pad.at[0] : pad.at[0], pad.at[1], angle),
        list('size', size[0], size[1]),
        drill,
        list('layers', ...padKicadLayers(pad, onBottom)),
        pad.shape === 'roundrect' ? list('roundrect_rratio', pad.roundrect_ratio) : undefined,
        net && !isNpth ? list('net', net.number, net.name) : undefined,
        world?.pin && !isNpth ? list('pinfunction', world.pin) : undefined,
      ),
    );
  });
  return list('footprint', ...items);
}
