import type { SList } from '../sexpr/index.js';
import type { Design } from '../model/design.js';
import { readPcb } from './kicad-pcb.js';
import { readSchematics, type SchPin, type SchSymbol } from './kicad-sch.js';
import { buildOutline } from './outline.js';
import { traceSchematicNets } from './kicad-sch-nets.js';
import { buildImportedDesign, type ImportPart, type ImportSource } from './build-design.js';
import type { FidelityReport } from './report.js';

/**
 * A KiCad project (board + schematic sheets) as one of our designs. The board is the source of parts,
 * placement, copper and connectivity: KiCad writes its netlist onto every pad (`(net …)`,
 * `pinfunction`, `pintype`). The schematic adds what the board lacks: parts not (yet) on the board,
 * DNP marks, and pin types from the library symbols. Without a board, parts come from the schematic and
 * no nets are read (wires and labels are not traced; the report says so).
 */
export interface KicadProjectInput {
  /** Name for the design's meta (the project's base name). */
  name: string;
  pcb?: { file: string; root: SList };
  /** Parsed sheets by file name, root sheet first; empty when no schematic is given. */
  sheets: ReadonlyMap<string, SList>;
  /** Input field names for error details (`pcb_text` / `sch_text`, or the workspace path field). */
  fields?: { pcb: string; sch: string };
}

/** KiCad names the net of a pin connected to nothing `unconnected-(REF-PIN-PadN)` (eda/export/kicad/nets.ts). */
const isNoConnectNet = (name: string): boolean => /^unconnected-\(.*\)$/.test(name);

function padsFromLibrary(pins: SchPin[] | undefined): ImportPart['pads'] {
  const seen = new Set<string>();
  const out: ImportPart['pads'] = [];
  for (const p of pins ?? []) {
    if (seen.has(p.number)) continue;
    seen.add(p.number);
    out.push({ number: p.number, net: null, name: p.name, type: p.type });
  }
  return out;
}

export function importKicadProject(input: KicadProjectInput): { design: Design; report: FidelityReport } {
  const notes: string[] = [];
  const sch = input.sheets.size > 0 ? readSchematics(input.sheets, input.name, input.fields?.sch ?? 'sch_text') : undefined;
  // One symbol per reference: the units of a multi-unit part share it.
  const symbols = new Map<string, SchSymbol>();
  for (const s of sch?.symbols ?? []) if (!symbols.has(s.ref)) symbols.set(s.ref, s);
  const partsDropped: Record<string, number> = {};
  const parts: ImportPart[] = [];
  let schematicCheck: FidelityReport['schematic_check'] = null;
  const pcb = input.pcb ? readPcb(input.pcb.root, input.fields?.pcb ?? 'pcb_text') : undefined;
  const rootSheet = [...input.sheets.keys()][0];
  const traced = sch && rootSheet !== undefined ? traceSchematicNets(input.sheets, rootSheet, input.name) : undefined;

  if (pcb) {
    const onBoard = new Set<string>();
    for (const fp of pcb.footprints) {
      onBoard.add(fp.ref);
      const sym = symbols.get(fp.ref);
      const libPins = sym ? sch?.pinsOf.get(sym.libId) : undefined;
      parts.push({
        ref: fp.ref,
        value: fp.value !== '' ? fp.value : (sym?.value ?? ''),
        footprint: fp.lib,
        dnp: fp.dnp || (sym?.dnp ?? false),
        at: fp.at,
        angle: fp.angle,
        bottom: fp.bottom,
        // A pad is a pin when the schematic gave it one (a net, a pin name or type, or a library pin of that
        // number); a bare pad (mounting tab, unused shield lug) stays a pad of the footprint only.
        pads: fp.pads
          .filter((p) => p.net !== null || p.pinfunction !== null || p.pintype !== null || libPins?.some((l) => l.number === p.number))
          .map((p) => ({
          number: p.number,
          net: p.net,
          name: p.pinfunction ?? libPins?.find((l) => l.number === p.number)?.name ?? null,
          type: p.pintype ?? libPins?.find((l) => l.number === p.number)?.type ?? null,
        })),
      });
    }
    // Symbols with no footprint on the board (none assigned, or "not on board") are parts all the same: kept, unplaced.
    let unplaced = 0;
    for (const s of symbols.values()) {
      if (onBoard.has(s.ref)) continue;
      unplaced++;
      parts.push({ ref: s.ref, value: s.value, footprint: s.footprint, dnp: s.dnp, pads: padsFromLibrary(sch?.pinsOf.get(s.libId)) });
    }
    if (unplaced > 0) notes.push(`${unplaced} schematic part(s) have no footprint on the board: imported without placement or nets`);
    if (traced) {
      // An independent check of the board's netlist: nets of two or more pads, compared as sets of REF.pad.
      const board = new Map<string, string[]>();
      for (const fp of pcb.footprints) for (const p of fp.pads) if (p.net !== null && !isNoConnectNet(p.net)) board.set(p.net, [...(board.get(p.net) ?? []), `${fp.ref}\0${p.number}`]);
      const boardSets = new Set([...board.values()].map((v) => [...new Set(v)].sort()).filter((v) => v.length >= 2).map((v) => v.join(' ')));
      const schSets = new Set(traced.nets.filter((n) => n.nodes.length >= 2).map((n) => n.nodes.join(' ')));
      schematicCheck = { board_nets: boardSets.size, schematic_nets: schSets.size, identical: [...boardSets].filter((k) => schSets.has(k)).length };
    }
    if (pcb.footprintEdges > 0) notes.push(`${pcb.footprintEdges} Edge.Cuts item(s) drawn inside footprints are part of the outline`);
  } else {
    notes.push('no .kicad_pcb: parts come from the schematic, without placement; nets are traced from its wires and labels');
    const netOf = new Map<string, string>();
    for (const n of traced?.nets ?? []) for (const node of n.nodes) netOf.set(node, n.name);
    for (const s of symbols.values()) {
      const pads = padsFromLibrary(sch?.pinsOf.get(s.libId)).map((p) => ({ ...p, net: netOf.get(`${s.ref}\0${p.number}`) ?? null }));
      parts.push({ ref: s.ref, value: s.value, footprint: s.footprint, dnp: s.dnp, pads });
    }
  }
  if (traced && traced.buses > 0) notes.push(`${traced.buses} bus segment(s) in the schematic are not followed`);
  if (sch && sch.sheets.length > 1) notes.push(`${sch.sheets.length} schematic sheets read; our design model is flat, so the hierarchy itself is not kept`);

  const src: ImportSource = {
    format: 'kicad',
    files: [...(input.pcb ? [input.pcb.file] : []), ...(sch?.sheets ?? [])],
    name: input.name,
    description: `Imported from the KiCad project "${input.name}"`,
    parts,
    partsDropped,
    nets: pcb?.nets ?? [],
    segments: pcb?.segments ?? [],
    vias: pcb?.vias ?? [],
    zones: pcb?.zones ?? [],
    outline: buildOutline(pcb?.edges ?? []),
    otherEdgeItems: pcb?.otherEdges ?? 0,
    copperLayers: pcb?.copperLayers ?? [],
    thicknessMm: pcb?.thicknessMm ?? null,
    notes,
    isNoConnectNet,
  };
  const out = buildImportedDesign(src);
  out.report.schematic_check = schematicCheck;
  return out;
}
