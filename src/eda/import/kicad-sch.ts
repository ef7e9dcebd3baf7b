import type { SList } from '../sexpr/index.js';
import { checkVersion } from './kicad-pcb.js';
import { child, children, head, isList, property, text, textOf } from './sexpr-query.js';

/**
 * What the importer reads from `.kicad_sch` files (KiCad "Schematic File Format" documentation, KiCad 7–9):
 * placed symbols with their reference per sheet instance, value, footprint field, DNP/on-board flags,
 * and the pins of their library symbols (`lib_symbols`: number, name, electrical type). Sheets are
 * followed through their `Sheetfile` property, so flat and hierarchical projects read alike; a sheet used
 * several times (complex hierarchy) lists one `(path … (reference …))` per use, which gives one part per
 * use. Wires, labels and junctions are not read: connectivity comes from the board, whose pads carry
 * KiCad's own netlist.
 */

export const SCH_VERSIONS = { min: 20230121, max: 20250114 } as const;

export interface SchPin {
  number: string;
  name: string;
  type: string;
}

export interface SchSymbol {
  ref: string;
  value: string;
  footprint: string;
  libId: string;
  dnp: boolean;
  onBoard: boolean;
  sheet: string;
}

export interface SchematicSet {
  sheets: string[];
  versions: number[];
  symbols: SchSymbol[];
  /** Power and flag symbols (`#PWR`, `#FLG`): not parts. */
  powerSymbols: number;
  pinsOf: Map<string, SchPin[]>;
}

/** Sheet files a schematic refers to (its `(sheet … (property "Sheetfile" …))` items), in file order. */
export function sheetFiles(root: SList): string[] {
  const out: string[] = [];
  for (const s of children(root, 'sheet')) {
    const f = property(s, 'Sheetfile');
    if (f !== undefined && f !== '') out.push(f);
  }
  return out;
}

function collectPins(sym: SList, into: SchPin[]): void {
  for (const e of sym) {
    if (!isList(e)) continue;
    if (head(e) === 'pin') {
      const number = textOf(child(e, 'number'));
      if (number === undefined || number === '') continue;
      into.push({ number, name: textOf(child(e, 'name')) ?? '', type: text(e[1]) ?? 'unspecified' });
    } else if (head(e) === 'symbol') collectPins(e, into);
  }
}

function libraryPins(root: SList, pinsOf: Map<string, SchPin[]>, power: Set<string>): void {
  const lib = child(root, 'lib_symbols');
  if (!lib) return;
  const extendsOf = new Map<string, string>();
  for (const s of children(lib, 'symbol')) {
    const id = textOf(s);
    if (id === undefined || pinsOf.has(id)) continue;
    const pins: SchPin[] = [];
    collectPins(s, pins);
    pinsOf.set(id, pins);
    if (child(s, 'power') !== undefined) power.add(id);
    const parent = textOf(child(s, 'extends'));
    if (parent !== undefined) extendsOf.set(id, parent);
  }
  for (const [id, parent] of extendsOf) {
    if ((pinsOf.get(id) ?? []).length > 0) continue;
    // `(extends "Parent")` names the parent without its library prefix.
    const prefix = id.includes(':') ? id.slice(0, id.indexOf(':') + 1) : '';
    const parentPins = pinsOf.get(prefix + parent) ?? pinsOf.get(parent);
    if (parentPins) pinsOf.set(id, parentPins);
  }
}

/**
 * Reads the symbols of every sheet given (`sheets`: file name → parsed root, root sheet first).
 * `project` picks the instance block of that project name when a sheet carries several.
 */
export function readSchematics(sheets: ReadonlyMap<string, SList>, project: string, field: string): SchematicSet {
  const set: SchematicSet = { sheets: [...sheets.keys()], versions: [], symbols: [], powerSymbols: 0, pinsOf: new Map() };
  const power = new Set<string>();
  for (const [name, root] of sheets) {
    set.versions.push(checkVersion(root, 'kicad_sch', SCH_VERSIONS, field));
    libraryPins(root, set.pinsOf, power);
    for (const sym of children(root, 'symbol')) {
      const libId = textOf(child(sym, 'lib_id')) ?? '';
      const ownRef = property(sym, 'Reference') ?? '';
      if (power.has(libId) || ownRef.startsWith('#')) {
        set.powerSymbols++;
        continue;
      }
      const blocks = children(child(sym, 'instances') ?? [], 'project');
      const block = blocks.find((b) => textOf(b) === project) ?? blocks[0];
      const refs = block ? children(block, 'path').map((p) => textOf(child(p, 'reference')) ?? ownRef) : [ownRef];
      const dnp = textOf(child(sym, 'dnp')) === 'yes';
      const onBoard = textOf(child(sym, 'on_board')) !== 'no';
      for (const ref of refs.length > 0 ? refs : [ownRef]) {
        set.symbols.push({ ref, value: property(sym, 'Value') ?? '', footprint: property(sym, 'Footprint') ?? '', libId, dnp, onBoard, sheet: name });
      }
    }
  }
  return set;
}
