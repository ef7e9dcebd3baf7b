import type { Design, Point } from '../../model/design.js';
import { own } from '../../../kernel/own.js';
import { boardOutline, copperLayers } from '../../model/design.js';
import type { BoardGeometry } from '../../board/index.js';
import { footprintToWorld } from '../../board/index.js';
import { invalidInput } from '../../../kernel/errors.js';
import { apertureBlock, apertureCode, newApertureTable, padAperture, type ApertureShape, type ApertureTable } from './apertures.js';
import { escapeAttr } from './attributes.js';
import { fileStem, GENERATOR, padsWithSource, toFileXY, type PadWithSource } from './fab-common.js';
import { planReferenceTexts } from '../kicad/silk-text.js';
import { strokeText } from '../stroke-font.js';

/**
 * RS-274X Gerber writer with X2 attributes (Ucamco Gerber Layer Format Specification rev. 2023.08).
 * One file per layer; see docs/exports.md for the layer set and conventions.
 */

/**
 * Solder-mask opening margin on every side of a pad, mm. 0, as the exported .kicad_pcb declares
 * (`pad_to_mask_clearance 0`, KiCad's default since 6: the fab applies its own margin), so our
 * Gerbers and KiCad's plot of our board show the same openings (gerbv IoU test, docs/render.md).
 */
export const MASK_EXPANSION_MM = 0;
/** Line width of the board profile (Edge.Cuts) draw, mm: the .kicad_pcb outline's stroke width. */
export const PROFILE_LINE_MM = 0.05;

export interface GerberFile {
  name: string;
  content: string;
}

/** One file under construction. */
interface Layer {
  table: ApertureTable;
  body: string[];
  current: number | null;
  attrs: string[];
}

const newLayer = (): Layer => ({ table: newApertureTable(), body: [], current: null, attrs: [] });

/** §4.2.1 FS 4.6: coordinates are integers in nanometres (1e-6 mm), leading zeros omitted. */
function coord(mm: number): string {
  const n = Math.round(mm * 1e6);
  return n === 0 ? '0' : String(n);
}

function xy(p: Point): string {
  const [x, y] = toFileXY(p);
  return `X${coord(x)}Y${coord(y)}`;
}

function select(layer: Layer, code: number): void {
  if (layer.current !== code) layer.body.push(`D${code}*`);
  layer.current = code;
}

/** Sets the object attributes (§5.2 TO) for the next objects, deleting stale ones with TD (§5.4). */
function objectAttrs(layer: Layer, attrs: string[]): void {
  if (attrs.join('\n') === layer.attrs.join('\n')) return;
  if (layer.attrs.length > 0) layer.body.push('%TD*%');
  for (const a of attrs) layer.body.push(`%TO.${a}*%`);
  layer.attrs = attrs;
}

/** D03 flash (§4.8.4). */
function flash(layer: Layer, shape: ApertureShape, fn: string | null, at: Point, attrs: string[]): void {
  const code = apertureCode(layer.table, shape, fn);
  objectAttrs(layer, attrs);
  select(layer, code);
  layer.body.push(`${xy(at)}D03*`);
}

/** D02 move + D01 linear draws through `points` (§4.8.2, G01 set in the header). */
function draw(layer: Layer, widthMm: number, fn: string | null, points: Point[], attrs: string[]): void {
  const code = apertureCode(layer.table, { kind: 'C', diameterMm: widthMm }, fn);
  objectAttrs(layer, attrs);
  select(layer, code);
  points.forEach((p, i) => layer.body.push(`${xy(p)}${i === 0 ? 'D02' : 'D01'}*`));
}

/** §5.6.10 pad functions; an unplated hole's mask opening carries none (it is no pad). */
function padFunction(p: PadWithSource): string | null {
  return p.pad.kind === 'smd' ? 'SMDPad,CuDef' : p.pad.kind === 'thru_hole' ? 'ComponentPad' : null;
}

function padAttrs(design: Design, p: PadWithSource): string[] {
  const attrs = [`P,${escapeAttr(p.pad.ref)},${escapeAttr(p.pad.padNumber)}`];
  const net = p.pad.net === null ? undefined : own(design.nets, p.pad.net);
  if (net) attrs.push(`N,${escapeAttr(net.name)}`);
  attrs.push(`C,${escapeAttr(p.pad.ref)}`);
  return attrs;
}

function netAttr(design: Design, netId: string): string[] {
  return [`N,${escapeAttr(own(design.nets, netId)?.name ?? netId)}`];
}

function finish(fileFunction: string, polarity: 'Positive' | 'Negative', layer: Layer): string {
  const lines = [
    `%TF.GenerationSoftware,${GENERATOR.vendor},${GENERATOR.application},${GENERATOR.version}*%`,
    '%TF.SameCoordinates,Original*%',
    `%TF.FileFunction,${fileFunction}*%`,
    `%TF.FilePolarity,${polarity}*%`,
    '%FSLAX46Y46*%',
    '%MOMM*%',
    '%LPD*%',
    'G04 Aperture definitions*',
    ...apertureBlock(layer.table),
    'G04 Objects*',
    'G01*',
    ...layer.body,
    ...(layer.attrs.length > 0 ? ['%TD*%'] : []),
    'M02*',
  ];
  return lines.join('\n') + '\n';
}

function copperFunction(index: number, count: number): string {
  const pos = index === 0 ? 'Top' : index === count - 1 ? 'Bot' : 'Inr';
  return `Copper,L${index + 1},${pos}`;
}

/** `F.Cu` → `F_Cu`, the KiCad-style file-name suffix. */
const suffix = (layerName: string): string => layerName.replace('.', '_');

function checkInput(design: Design, copper: string[]): void {
  design.routing.tracks.forEach((t, i) => {
    if (!copper.includes(t.layer)) throw invalidInput(`track on ${t.layer}, which a ${design.board.layers}-layer board lacks`, ['routing', 'tracks', i, 'layer']);
  });
}

/**
 * All Gerber files of a placed and routed design: copper (F.Cu, inner layers, B.Cu), solder mask
 * and paste for both sides, silkscreen for both sides and the board profile. Pure and
 * deterministic: same design and geometry → same bytes.
 */
export function writeGerbers(design: Design, geometry: BoardGeometry): GerberFile[] {
  const copper = copperLayers(design.board.layers);
  checkInput(design, copper);
  const stem = fileStem(design);
  const pads = padsWithSource(geometry);
  const files: GerberFile[] = [];

  copper.forEach((layerName, index) => {
    const layer = newLayer();
    for (const p of pads) {
      if (p.pad.kind === 'np_thru_hole' || !p.pad.layers.includes(layerName)) continue;
      const shape = padAperture(p.pad.shape, p.pad.size, p.pad.rotationDeg, p.pad.roundrectRatio);
      flash(layer, shape, padFunction(p), p.pad.center, padAttrs(design, p));
    }
    const vias = [...design.routing.vias].sort((a, b) => a.net.localeCompare(b.net) || a.at[0] - b.at[0] || a.at[1] - b.at[1]);
    for (const v of vias) flash(layer, { kind: 'C', diameterMm: v.diameter_mm }, 'ViaPad', v.at, netAttr(design, v.net));
    // Stable sort by net keeps each net's tracks in routing order and groups their TO.N.
    const tracks = design.routing.tracks.filter((t) => t.layer === layerName).sort((a, b) => (a.net < b.net ? -1 : a.net > b.net ? 1 : 0));
    for (const t of tracks) draw(layer, t.width_mm, 'Conductor', [t.start, t.end], netAttr(design, t.net));
    files.push({ name: `${stem}-${suffix(layerName)}.gbr`, content: finish(copperFunction(index, copper.length), 'Positive', layer) });
  });

  // Solder mask: the image is the openings, hence Negative polarity (§5.6.3). Vias are tented.
  for (const [side, cu, tag] of [['F', 'F.Cu', 'Top'], ['B', 'B.Cu', 'Bot']] as const) {
    const layer = newLayer();
    for (const p of pads) {
      const onSide = p.pad.kind === 'smd' ? p.pad.layers.includes(cu) : true;
      if (!onSide) continue;
      const shape = padAperture(p.pad.shape, p.pad.size, p.pad.rotationDeg, p.pad.roundrectRatio, MASK_EXPANSION_MM);
      flash(layer, shape, padFunction(p), p.pad.center, padAttrs(design, p));
    }
    files.push({ name: `${stem}-${side}_Mask.gbr`, content: finish(`Soldermask,${tag}`, 'Negative', layer) });
  }

  for (const [side, cu, tag] of [['F', 'F.Cu', 'Top'], ['B', 'B.Cu', 'Bot']] as const) {
    const layer = newLayer();
    for (const p of pads) {
      if (p.pad.kind !== 'smd' || !p.source.paste || !p.pad.layers.includes(cu)) continue;
      const shape = padAperture(p.pad.shape, p.pad.size, p.pad.rotationDeg, p.pad.roundrectRatio);
      flash(layer, shape, 'SMDPad,CuDef', p.pad.center, padAttrs(design, p));
    }
    files.push({ name: `${stem}-${side}_Paste.gbr`, content: finish(`Paste,${tag}`, 'Positive', layer) });
  }

  // Reference designators: the very spots, sizes and strokes the .kicad_pcb writer gives them
  // (kicad/silk-text.ts), so a fab reading our Gerbers sees the legend KiCad would plot. A reference
  // the planner sent to the fab layer has no clear silk spot and is not drawn here.
  const refTexts = planReferenceTexts(geometry, boardOutline(design.board)).byComponent;
  for (const [side, placementSide, tag] of [['F', 'top', 'Top'], ['B', 'bottom', 'Bot']] as const) {
    const layer = newLayer();
    for (const placed of geometry.footprints) {
      if (placed.placement.side !== placementSide) continue;
      const attrs = [`C,${escapeAttr(placed.ref)}`];
      for (const line of placed.footprint.silkscreen) {
        const pts = [footprintToWorld(line.start, placed.placement), footprintToWorld(line.end, placed.placement)];
        draw(layer, line.width_mm, null, pts, attrs);
      }
      const text = refTexts.get(placed.component);
      if (text?.layer !== 'silk') continue;
      const strokes = strokeText(placed.ref, { at: text.at, angleDeg: text.angleDeg, sizeMm: text.sizeMm, mirrored: placementSide === 'bottom' });
      for (const s of strokes) draw(layer, text.thicknessMm, null, s.length === 1 ? [s[0]!, s[0]!] : s, attrs);
    }
    files.push({ name: `${stem}-${side}_Silkscreen.gbr`, content: finish(`Legend,${tag}`, 'Positive', layer) });
  }

  const profile = newLayer();
  const outline = boardOutline(design.board);
  const first = outline[0];
  if (first) draw(profile, PROFILE_LINE_MM, 'Profile', [...outline, first], []);
  files.push({ name: `${stem}-Edge_Cuts.gbr`, content: finish('Profile,NP', 'Positive', profile) });
  return files;
}
