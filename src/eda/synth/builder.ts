import type { Component, Net, NetType, PinType } from '../model/design.js';
import type { LibraryPart } from '../model/part.js';
import type { Library } from '../library/index.js';
import { resolveFootprint } from '../footprints/index.js';
import { formatFarads, formatOhms } from './values.js';

/**
 * The scratch pad a synthesis run writes into: components, nets, the explanation of every part
 * choice and the assumptions made. Blocks and templates only call these helpers, so the ids,
 * references and order are deterministic (counters per reference prefix, insertion order kept).
 */

export interface Choice {
  block: string;
  part: string;
  why: string;
}

export interface PinSpec {
  name: string;
  type: PinType;
  /** Pad number(s), comma separated, when no footprint pin table knows the pin. */
  number?: string;
  description?: string;
}

export interface Build {
  lib: Library;
  components: Record<string, Component>;
  nets: Record<string, Net>;
  choices: Choice[];
  assumptions: string[];
  counters: Record<string, number>;
}

export function newBuild(lib: Library): Build {
  return { lib, components: {}, nets: {}, choices: [], assumptions: [], counters: {} };
}

export interface AddPart {
  prefix: string;
  /** Library part id; null for parts our library does not carry (buttons, holes). */
  partId: string | null;
  type?: string;
  value?: string | null;
  footprint?: string;
  description?: string;
  pins: PinSpec[];
  block: string;
  why: string;
}

/** Library pin type for a name, when the library states a real one. */
function libraryPinType(part: LibraryPart | undefined, name: string): PinType | undefined {
  const p = part?.pins.find((x) => x.name.toUpperCase() === name.toUpperCase());
  return p && p.type !== 'unspecified' ? p.type : undefined;
}

/** Adds a component; returns its id (= its reference, R1, U2 …). */
export function addPart(b: Build, spec: AddPart): string {
  const n = (b.counters[spec.prefix] ?? 0) + 1;
  b.counters[spec.prefix] = n;
  const id = `${spec.prefix}${n}`;
  const part = spec.partId ? b.lib.get(spec.partId) : undefined;
  if (spec.partId && !part) throw new Error(`library part ${spec.partId} is missing`);
  // The library footprint name first, else its package name (e.g. "SX1276-QFN28" → "QFN-28").
  const footprint = spec.footprint ?? [part?.footprint, part?.package].find((n): n is string => !!n && resolveFootprint(n) !== undefined) ?? part?.footprint ?? null;
  if (footprint !== null && !resolveFootprint(footprint)) throw new Error(`footprint ${footprint} does not resolve`);
  const pins: Component['pins'] = {};
  for (const p of spec.pins) {
    pins[p.name] = {
      name: p.name,
      type: libraryPinType(part, p.name) ?? p.type,
      number: p.number ?? null,
      description: p.description ?? '',
    };
  }
  b.components[id] = {
    id,
    ref: id,
    type: spec.type ?? part?.name ?? spec.prefix,
    value: spec.value ?? part?.value_text ?? null,
    footprint,
    part_id: part?.id ?? null,
    mpn: part?.mpn ?? null,
    manufacturer: part?.manufacturer ?? null,
    description: spec.description ?? part?.description ?? '',
    dnp: false,
    locked: false,
    voltage_supply: '',
    pins,
    properties: { synth_block: spec.block },
  };
  b.choices.push({ block: spec.block, part: `${id}: ${part ? part.id : (spec.type ?? spec.prefix)}${spec.value ? ` ${spec.value}` : ''}`, why: spec.why });
  return id;
}

const railType = (name: string): NetType => (name === 'GND' ? 'ground' : /^(\+|VBAT|VBUS|VM$|VIN)/.test(name) ? 'power' : 'signal');

/** Joins pins `[component, pin]` into a net (created on first use). */
export function connect(b: Build, net: string, nodes: [string, string][], type?: NetType): void {
  let n = b.nets[net];
  if (!n) {
    n = { id: net, name: net, type: type ?? railType(net), nodes: [], class: null, constraints: {} };
    b.nets[net] = n;
  }
  for (const [component, pin] of nodes) {
    if (!b.components[component]?.pins[pin]) throw new Error(`synthesis wiring names unknown pin ${component}.${pin}`);
    if (!n.nodes.some((x) => x.component === component && x.pin === pin)) n.nodes.push({ component, pin });
  }
}

const TWO = (a = 'P1', b2 = 'P2'): PinSpec[] => [
  { name: a, type: 'passive' },
  { name: b2, type: 'passive' },
];

/** A library passive of this value and size if the library has one, else the size's generic part. */
function passivePart(b: Build, kind: 'res' | 'cap', valueSi: number, size: string): { id: string; exact: boolean } {
  const prefixes = kind === 'res' ? [`res-${size}-`] : [`cap-mlcc-${size}-`, `cap-${size}-`];
  const near = (x: number | null) => x !== null && Math.abs(x - valueSi) <= valueSi * 1e-6;
  const exact = b.lib
    .all()
    .filter((p) => p.category === 'passive' && prefixes.some((pre) => p.id.startsWith(pre)) && near(p.value_si) && !/-(1w|2w|shunt)$/.test(p.id));
  if (exact[0]) return { id: exact[0].id, exact: true };
  const generic = kind === 'res' ? [`res-${size}`, `res-${size}-std`] : [`cap-ceramic-${size}`];
  return { id: generic.find((g) => b.lib.get(g) !== undefined) ?? generic[0]!, exact: false };
}

/** Adds a resistor between two nets. */
export function resistor(b: Build, ohms: number, a: string, c: string, block: string, why: string, size = '0603'): string {
  const { id: partId, exact } = passivePart(b, 'res', ohms, size);
  const value = formatOhms(ohms);
  const id = addPart(b, { prefix: 'R', partId, type: 'RES', value, pins: TWO(), block, why: exact ? why : `${why} (no ${value} ${size} in the library: generic ${size} resistor)` });
  connect(b, a, [[id, 'P1']]);
  connect(b, c, [[id, 'P2']]);
  return id;
}

/** Adds a capacitor between two nets (P1 to the first). */
export function capacitor(b: Build, farads: number, a: string, c: string, block: string, why: string, size = '0603'): string {
  const { id: partId, exact } = passivePart(b, 'cap', farads, size);
  const value = formatFarads(farads);
  const id = addPart(b, { prefix: 'C', partId, type: 'CAP', value, pins: TWO(), block, why: exact ? why : `${why} (no ${value} ${size} in the library: generic ${size} ceramic)` });
  connect(b, a, [[id, 'P1']]);
  connect(b, c, [[id, 'P2']]);
  return id;
}

export const twoPins = TWO;

/**
 * A pin of a library part with the pad numbers its record gives (space-separated there, comma-separated
 * here), for parts no footprint pin table covers. Throws when the record has no such pin, so a block
 * never wires a pin the part does not have.
 */
export function libPin(b: Build, partId: string, name: string, type?: PinType): PinSpec {
  const p = b.lib.get(partId)?.pins.find((x) => x.name.toUpperCase() === name.toUpperCase());
  if (!p) throw new Error(`library part ${partId} has no pin ${name}`);
  const number = p.number ? p.number.trim().split(/[\s,]+/).join(',') : undefined;
  return { name: p.name, type: type ?? (p.type === 'unspecified' ? 'passive' : p.type), ...(number ? { number } : {}) };
}
