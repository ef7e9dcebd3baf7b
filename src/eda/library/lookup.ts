import type { LibraryPart, PartLookup } from '../model/part.js';
import { own } from '../../kernel/own.js';
import type { SearchIndex } from './search-index.js';
import { chipSizeIn, compact, normalisePackage } from './text.js';
import { parseValue, sameValue, unitFits, type Quantity } from './values.js';

/**
 * Finds the library record of a design component (the PartLookup of model/part.ts), precise
 * rather than clever: an explicit part_id, then an exact id / mpn / name equal to the component's
 * mpn or type, then — for generic passives (type RES, CAP, IND, ...) — the part of the same kind
 * whose value and package match, else the value-less family part of that kind and package
 * ("res-0402") so the component still gets pins and a footprint. Anything else is undefined.
 */
const GENERIC_TYPES: Record<string, Quantity> = {
  r: 'resistance',
  res: 'resistance',
  resistor: 'resistance',
  c: 'capacitance',
  cap: 'capacitance',
  capacitor: 'capacitance',
  l: 'inductance',
  ind: 'inductance',
  inductor: 'inductance',
  fb: 'impedance',
  ferrite: 'impedance',
  ferritebead: 'impedance',
  bead: 'impedance',
  y: 'frequency',
  x: 'frequency',
  xtal: 'frequency',
  crystal: 'frequency',
};

export interface LookupTables {
  byId: Map<string, number>;
  byIdFolded: Map<string, number>;
  byKey: Map<string, number[]>;
}

/** Case-folded and compacted ids, mpns and names → part indices (first by id order wins ties). */
export function buildLookupTables(parts: readonly LibraryPart[]): LookupTables {
  const byId = new Map<string, number>();
  const byIdFolded = new Map<string, number>();
  const byKey = new Map<string, number[]>();
  const push = (key: string, i: number): void => {
    if (key.length === 0) return;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [i]);
    else if (!list.includes(i)) list.push(i);
  };
  for (const [i, p] of parts.entries()) {
    byId.set(p.id, i);
    if (!byIdFolded.has(p.id.toLowerCase())) byIdFolded.set(p.id.toLowerCase(), i);
  }
  for (const [i, p] of parts.entries()) {
    push(compact(p.id), i);
    push(compact(p.mpn), i);
    push(compact(p.name), i);
  }
  return { byId, byIdFolded, byKey };
}

export function getPart(parts: readonly LibraryPart[], tables: LookupTables, id: string): LibraryPart | undefined {
  const i = tables.byId.get(id) ?? tables.byIdFolded.get(id.trim().toLowerCase());
  return i === undefined ? undefined : parts[i];
}

export function makeLookup(index: SearchIndex, tables: LookupTables): PartLookup {
  const parts = index.parts;
  return (component) => {
    if (component.part_id !== null && component.part_id.trim() !== '') {
      // An explicit part_id is authoritative: when it names no part, guessing another would hide the error.
      return getPart(parts, tables, component.part_id);
    }
    const footprintPkg = packageOf(component.footprint);
    for (const text of [component.mpn, component.type]) {
      if (text === null || text.trim() === '') continue;
      const direct = getPart(parts, tables, text);
      if (direct) return direct;
      const candidates = tables.byKey.get(compact(text)) ?? [];
      if (candidates.length > 0) return pickByPackage(index, candidates, footprintPkg);
    }
    const quantity = own(GENERIC_TYPES, compact(component.type));
    if (quantity === undefined) return undefined;
    return genericPassive(index, quantity, component.value, footprintPkg);
  };
}

/** The package a footprint names: an imperial chip size inside it, else the footprint itself. */
function packageOf(footprint: string | null): string | null {
  if (footprint === null || footprint.trim() === '') return null;
  return chipSizeIn(footprint) ?? normalisePackage(footprint);
}

function samePackage(index: SearchIndex, p: number, pkg: string): boolean {
  return index.packageKeys[p] === pkg || index.footprintKeys[p] === pkg;
}

function pickByPackage(index: SearchIndex, candidates: number[], pkg: string | null): LibraryPart {
  const sorted = [...candidates].sort((a, b) => (index.parts[a]!.id < index.parts[b]!.id ? -1 : 1));
  const inPackage = pkg === null ? undefined : sorted.find((p) => samePackage(index, p, pkg));
  return index.parts[inPackage ?? sorted[0]!]!;
}

function genericPassive(index: SearchIndex, quantity: Quantity, valueText: string | null, pkg: string | null): LibraryPart | undefined {
  const value = valueText === null ? null : parseValue(valueText);
  const usable = value !== null && unitFits(value.unit, quantity) ? value.value : null;
  let exact: number | undefined;
  let family: number | undefined;
  for (let p = 0; p < index.parts.length; p++) {
    if (index.quantities[p] !== quantity) continue;
    if (pkg !== null && !samePackage(index, p, pkg)) continue;
    const part = index.parts[p]!;
    if (usable !== null && part.value_si !== null && sameValue(part.value_si, usable)) {
      // A value alone names a plain two-terminal part, never a trimmer or an array that happens to
      // share it (a 1 kΩ resistor is not a 3296W trimmer); with no package given, 0603 (the
      // synthesizer's default size, src/eda/synth/builder.ts) wins over the id order.
      if (!isTwoTerminal(part)) continue;
      if (exact === undefined || preferred(part, index.parts[exact]!, pkg)) exact = p;
    } else if (part.value_si === null && isTwoTerminal(part)) {
      if (family === undefined || part.id < index.parts[family]!.id) family = p;
    }
  }
  const chosen = exact ?? (pkg !== null ? family : undefined);
  return chosen === undefined ? undefined : index.parts[chosen];
}

const DEFAULT_CHIP = '0603';

/** Is `a` a better pick than `b` for a value match (`pkg` null: no package asked for)? */
function preferred(a: LibraryPart, b: LibraryPart, pkg: string | null): boolean {
  if (pkg === null) {
    const ad = chipSizeIn(a.footprint) === DEFAULT_CHIP;
    const bd = chipSizeIn(b.footprint) === DEFAULT_CHIP;
    if (ad !== bd) return ad;
  }
  return a.id < b.id;
}

/** Family fallbacks are plain two-terminal parts, never arrays or networks. */
function isTwoTerminal(part: LibraryPart): boolean {
  return part.pins.length === 2;
}
