import { strToU8, zipSync } from 'fflate';
import type { Design } from '../model/design.js';
import { boardOutline } from '../model/design.js';
import { mapPinsToPads, resolveFootprint } from '../footprints/index.js';

/**
 * Our design written as an EasyEDA Pro project, from what EasyEDA publishes of the format (docs/import.md,
 * "EasyEDA Pro"): the record grammar `{head}||{body}|`, one record a line, of github.com/easyeda/
 * easyeda-pro-format-skill (SKILL.md; primitives/PCB/component.md, attr.md, pad_net.md, line.md, via.md,
 * poly.md; primitives/REFERENCE/e-layer-code.md) and the folder layout and project index of
 * github.com/easyeda/easyeda-eprj3-skill (docs/format-reference.md), zipped. Units are mil with Y up, angles
 * counter-clockwise in degrees (format-reference.md, "Units"); ours are mm with Y down, so y flips.
 *
 * Written: the board outline (POLY, BOARD_OUTLINE on layer 11), each placed part (COMPONENT with its
 * Designator, Value and footprint name as ATTR), each pad's net (PAD_NET), tracks (LINE) and vias (VIA).
 * Not written: footprint geometry (our footprints are built from their names, and EasyEDA Pro keeps pads in
 * separate FOOTPRINT documents bound by library uuids we do not have) and schematics. Ids are counters, so
 * the same design always gives the same bytes.
 */
export type EasyedaProCounts = { parts: number; parts_unplaced: number; pad_nets: number; tracks: number; vias: number; outline_vertices: number };

const MIL_PER_MM = 1 / 0.0254;
const mil = (mm: number): number => Math.round(mm * MIL_PER_MM * 10_000) / 10_000;
/** Our layer names to EasyEDA Pro's layer codes: 1 top, 2 bottom, 15.. inner 1.. (e-layer-code.md). */
const layerCode = (l: string): number => (l === 'F.Cu' ? 1 : l === 'B.Cu' ? 2 : 14 + Number(/^In(\d+)\.Cu$/.exec(l)?.[1] ?? 1));
const hex16 = (n: number): string => n.toString(16).padStart(16, '0');
const common = { groupId: '0', locked: false, zIndex: null } as const;
const attrStyle = { keyVisible: false, fontFamily: null, fontSize: null, strokeWidth: 6, bold: false, italic: null, origin: 'CENTER_MIDDLE', reverse: false, expansion: 0 } as const;

export function writeEasyedaProPcb(design: Design, uuids: { pcb: string; board: string }): { text: string; counts: EasyedaProCounts } {
  const lines: string[] = [];
  let ticket = 0;
  let nextId = 0;
  const rec = (type: string, body: object, id = hex16(++nextId)): string => {
    lines.push(`${JSON.stringify({ type, ticket: ++ticket, id })}||${JSON.stringify(body)}`);
    return id;
  };
  lines.push(`${JSON.stringify({ type: 'DOCHEAD' })}||${JSON.stringify({ docType: 'PCB', client: hex16(0), uuid: uuids.pcb })}`);
  rec('META', { title: design.meta.name, source: '', board: uuids.board }, 'META');
  rec('CANVAS', { originX: 0, originY: 0, unit: 'mm', gridXSize: 1, gridYSize: 1, snapXSize: 0.1, snapYSize: 0.1, altSnapXSize: 0.01, altSnapYSize: 0.01, gridType: 'NONE', multiGridType: 'NONE', multiGridRatio: 10, highlightValue: 10, layerBrightness: 'NORMAL' }, 'CANVAS');
  rec('LAYER', { layerType: 'TOP', layerName: 'Top Layer' }, JSON.stringify(['LAYER', 1]));
  rec('LAYER', { layerType: 'BOTTOM', layerName: 'Bottom Layer' }, JSON.stringify(['LAYER', 2]));
  const outline = boardOutline(design.board);
  const path = outline.flatMap((p, i) => (i === 0 ? [mil(p[0]), mil(-p[1]), 'L'] : [mil(p[0]), mil(-p[1])]));
  rec('POLY', { ...common, layerId: 11, netName: '', width: 10, path, polyType: 'BOARD_OUTLINE' });

  const netOfPin = new Map<string, string>();
  for (const n of Object.values(design.nets)) for (const node of n.nodes) netOfPin.set(`${node.component}\0${node.pin}`, n.name);
  const counts: EasyedaProCounts = { parts: 0, parts_unplaced: 0, pad_nets: 0, tracks: 0, vias: 0, outline_vertices: outline.length };
  for (const [key, c] of Object.entries(design.components)) {
    const pl = design.placement[key];
    if (!pl) {
      counts.parts_unplaced++;
      continue;
    }
    counts.parts++;
    const layerId = pl.side === 'bottom' ? 2 : 1;
    const footprint = c.footprint ?? '';
    const id = rec('COMPONENT', {
      ...common, layerId, x: mil(pl.x_mm), y: mil(-pl.y_mm), angle: pl.rotation_deg, footprintPrimitives: true,
      attrs: { DeviceName: JSON.stringify({ uuid: '', name: c.value ?? c.ref, source: '' }), Devices: '[]', Footprints: JSON.stringify([{ uuid: '', name: footprint, source: '' }]) },
    });
    const attr = (k: string, value: string, visible: boolean) =>
      rec('ATTR', { ...common, ...attrStyle, layerId: layerId === 2 ? 4 : 3, parentId: id, x: null, y: null, key: k, value, valueVisible: visible, angle: 0, mirror: layerId === 2 });
    attr('Designator', c.ref, true);
    if (c.value) attr('Value', c.value, false);
    if (footprint !== '') attr('Footprint', footprint, false);
    // A pin's pads as our own KiCad writer numbers them (footprints/pin-map.ts), so PAD_NET's padNum names the
    // footprint's pad; a pin our library cannot place keeps its own number or name.
    const fp = footprint === '' ? undefined : resolveFootprint(footprint);
    const map = fp ? mapPinsToPads(fp, Object.values(c.pins).map((p) => ({ name: p.name, number: p.number ?? null })), { type: c.type, ref: c.ref }).map : {};
    for (const pin of Object.values(c.pins)) {
      const net = netOfPin.get(`${key}\0${pin.name}`);
      if (net === undefined) continue;
      for (const padNum of map[pin.name] ?? [pin.number ?? pin.name]) {
        counts.pad_nets++;
        rec('PAD_NET', { componentId: id, padNum, padNet: net, padId: '', padLen: 0, propagationDelay: 0 });
      }
    }
  }
  const netName = (k: string): string => design.nets[k]?.name ?? k;
  for (const t of design.routing.tracks) {
    counts.tracks++;
    rec('LINE', { ...common, layerId: layerCode(t.layer), netName: netName(t.net), startX: mil(t.start[0]), startY: mil(-t.start[1]), endX: mil(t.end[0]), endY: mil(-t.end[1]), width: mil(t.width_mm) });
  }
  for (const v of design.routing.vias) {
    counts.vias++;
    rec('VIA', { ...common, netName: netName(v.net), ruleName: '', centerX: mil(v.at[0]), centerY: mil(-v.at[1]), holeDiameter: mil(v.drill_mm), viaDiameter: mil(v.diameter_mm), viaType: 'NORMAL', topSolderExpansion: null, bottomSolderExpansion: null, unusedInnerLayers: [], propagationDelay: 0 });
  }
  // Every record but the last ends in `|` (SKILL.md, "行数据格式").
  return { text: lines.join('|\n'), counts };
}

/** File names inside the archive: the project's name with the characters no file name should hold replaced. */
const fileStem = (s: string): string => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 100) || 'board';

/** The project zipped: `<name>/<name>.eprj3` (the index) and `<name>/pcb/<name>.epcb2`. */
export function writeEasyedaProProject(design: Design): { zip: Uint8Array; files: string[]; counts: EasyedaProCounts } {
  const stem = fileStem(design.meta.name);
  const uuids = { project: hex16(0xe0), board: hex16(0xb0), pcb: hex16(0xc0) };
  const pcb = writeEasyedaProPcb(design, uuids);
  const index = {
    name: stem,
    format: 'folder',
    pcb_count: 1,
    profile: {
      boards: { [uuids.board]: { uuid: uuids.board, title: 'Board1', zIndex: 1 } },
      schematics: {},
      sheets: {},
      pcbs: { [uuids.pcb]: { uuid: uuids.pcb, title: stem, board: uuids.board } },
      panels: {},
    },
  };
  const files: Record<string, Uint8Array> = {
    [`${stem}/${stem}.eprj3`]: strToU8(JSON.stringify(index)),
    [`${stem}/pcb/${stem}.epcb2`]: strToU8(pcb.text),
  };
  // A fixed mtime keeps the archive's bytes a function of the design alone.
  const zip = zipSync(files, { level: 6, mtime: new Date(Date.UTC(2020, 0, 1)) });
  return { zip, files: Object.keys(files), counts: pcb.counts };
}
