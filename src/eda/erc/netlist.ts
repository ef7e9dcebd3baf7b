import type { Component, Design, Net, PinType } from '../model/design.js';
import type { LibraryPart, PartLookup } from '../model/part.js';
import { parseSiValue } from '../../kernel/units.js';
import { classifyComponent, isGroundName, isSupplyName, voltageFromName, type Role, type RoleSource } from './classify.js';

/**
 * The connectivity graph every ERC rule reads: components with resolved pin types and roles, nets
 * with their member pins, built once per run from `design.nets[*].nodes` (the only connectivity,
 * design-model.md). Pin types follow the design; a pin the design leaves `unspecified` takes the
 * library pin's type (the library is the datasheet's word, names are only a fallback).
 */
export type PinTypeSource = 'design' | 'library' | 'none';

export interface NlPin {
  /** "REF.PIN". */
  key: string;
  name: string;
  comp: NlComponent;
  type: PinType;
  typeSource: PinTypeSource;
  /** Declared in the design's pin map (as opposed to implied by a net node). */
  declared: boolean;
  nets: NlNet[];
}

export interface NlComponent {
  id: string;
  ref: string;
  component: Component;
  part: LibraryPart | undefined;
  role: Role;
  roleSource: RoleSource;
  pins: Map<string, NlPin>;
  dnp: boolean;
  /** Electrical value in SI units (ohm, farad, henry) from the design value, else the library's. */
  valueSi: number | null;
  /** Type, value, library name and description, lower case: for keyword fallbacks. */
  text: string;
}

export interface UnknownNode {
  component: string;
  pin: string;
  reason: 'component' | 'pin';
}

export interface NlNet {
  id: string;
  name: string;
  net: Net;
  pins: NlPin[];
  unknown: UnknownNode[];
  ground: boolean;
  /** A supply rail: typed power, or named like one (VCC_3V3, +5V, VBUS). */
  supply: boolean;
  nameVoltage: number | null;
}

export interface Netlist {
  /** Sorted by reference, then id. */
  components: NlComponent[];
  byId: Map<string, NlComponent>;
  /** Sorted by name, then id. */
  nets: NlNet[];
  lookupPart: PartLookup | undefined;
  footprintExists: ((name: string) => boolean) | undefined;
  /** Memo for derived analyses (power sources), shared by the rules of one run. */
  memo: Map<string, unknown>;
}

const POWER_TYPES: readonly PinType[] = ['power_in', 'power_out'];
export const isPowerType = (t: PinType): boolean => POWER_TYPES.includes(t);

function safeLookup(lookup: PartLookup | undefined, c: Component): LibraryPart | undefined {
  if (!lookup) return undefined;
  return lookup({ type: c.type, part_id: c.part_id, mpn: c.mpn, value: c.value, footprint: c.footprint });
}

export function libraryPin(part: LibraryPart | undefined, name: string, number: string | null) {
  if (!part) return undefined;
  const lower = name.toLowerCase();
  return (
    part.pins.find((p) => p.name === name) ??
    part.pins.find((p) => p.name.toLowerCase() === lower) ??
    part.pins.find((p) => p.number !== null && (p.number === number || p.number === name))
  );
}

function resolveType(designType: PinType | null, part: LibraryPart | undefined, name: string, number: string | null) {
  if (designType && designType !== 'unspecified') return { type: designType, typeSource: 'design' as const };
  const lib = libraryPin(part, name, number);
  if (lib && lib.type !== 'unspecified') return { type: lib.type, typeSource: 'library' as const };
  return { type: 'unspecified' as PinType, typeSource: 'none' as const };
}

export function buildNetlist(design: Design, lookupPart?: PartLookup, footprintExists?: (name: string) => boolean): Netlist {
  const byId = new Map<string, NlComponent>();
  const componentIds = Object.keys(design.components).sort();
  for (const id of componentIds) {
    const c = design.components[id]!;
    const part = safeLookup(lookupPart, c);
    const comp: NlComponent = {
      id,
      ref: c.ref,
      component: c,
      part,
      role: 'other',
      roleSource: 'ref',
      pins: new Map(),
      dnp: c.dnp,
      valueSi: (c.value !== null ? parseSiValue(c.value) : null) ?? part?.value_si ?? null,
      text: [c.type, c.value ?? '', c.description, part?.name ?? '', part?.description ?? ''].join(' ').toLowerCase(),
    };
    for (const key of Object.keys(c.pins).sort()) {
      const pin = c.pins[key]!;
      const { type, typeSource } = resolveType(pin.type, part, pin.name, pin.number);
      comp.pins.set(pin.name, { key: `${c.ref}.${pin.name}`, name: pin.name, comp, type, typeSource, declared: true, nets: [] });
    }
    byId.set(id, comp);
  }

  const nets: NlNet[] = [];
  for (const netId of Object.keys(design.nets).sort()) {
    const n = design.nets[netId]!;
    const net: NlNet = {
      id: netId,
      name: n.name,
      net: n,
      pins: [],
      unknown: [],
      ground: n.type === 'ground' || isGroundName(n.name),
      supply: false,
      nameVoltage: voltageFromName(n.name),
    };
    net.supply = !net.ground && (n.type === 'power' || isSupplyName(n.name));
    for (const node of n.nodes) {
      const comp = byId.get(node.component) ?? findByRef(byId, node.component);
      if (!comp) {
        net.unknown.push({ component: node.component, pin: node.pin, reason: 'component' });
        continue;
      }
      let pin = comp.pins.get(node.pin);
      if (!pin) {
        const lib = libraryPin(comp.part, node.pin, null);
        // A component that declares pins must declare this one, unless the library knows it.
        if (Object.keys(comp.component.pins).length > 0 && !lib) {
          net.unknown.push({ component: comp.ref, pin: node.pin, reason: 'pin' });
          continue;
        }
        const { type, typeSource } = resolveType(null, comp.part, node.pin, null);
        pin = { key: `${comp.ref}.${node.pin}`, name: node.pin, comp, type, typeSource, declared: false, nets: [] };
        comp.pins.set(node.pin, pin);
      }
      if (!net.pins.includes(pin)) {
        net.pins.push(pin);
        pin.nets.push(net);
      }
    }
    nets.push(net);
  }
  nets.sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));

  for (const comp of byId.values()) {
    // A supply pin: power input that is not a ground return (by net or by its own name).
    const hasSupplyPin = [...comp.pins.values()].some(
      (p) => p.type === 'power_in' && !isGroundName(p.name) && (p.nets.length === 0 || p.nets.some((n) => !n.ground)),
    );
    const cls = classifyComponent(comp.component, comp.part, hasSupplyPin);
    comp.role = cls.role;
    comp.roleSource = cls.source;
  }
  const components = [...byId.values()].sort((a, b) => cmp(a.ref, b.ref) || cmp(a.id, b.id));
  return { components, byId, nets, lookupPart, footprintExists, memo: new Map() };
}

/** Nodes name components by id; designs written by hand sometimes use the reference instead. */
function findByRef(byId: Map<string, NlComponent>, ref: string): NlComponent | undefined {
  let found: NlComponent | undefined;
  for (const c of byId.values()) {
    if (c.ref === ref) {
      if (found) return undefined;
      found = c;
    }
  }
  return found;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Pins of populated (not DNP) components on a net. */
export function livePins(net: NlNet): NlPin[] {
  return net.pins.filter((p) => !p.comp.dnp);
}

/** Nets of a component's pins, without duplicates, in netlist order. */
export function netsOf(comp: NlComponent): NlNet[] {
  const out: NlNet[] = [];
  for (const pin of comp.pins.values()) for (const n of pin.nets) if (!out.includes(n)) out.push(n);
  return out;
}

/** The other nets a two-terminal part reaches from `net` (its remaining pins' nets). */
export function otherNets(comp: NlComponent, net: NlNet): NlNet[] {
  return netsOf(comp).filter((n) => n !== net);
}

/** Populated components with a pin on `net` whose role is one of `roles`. */
export function componentsOn(net: NlNet, ...roles: Role[]): NlComponent[] {
  const out: NlComponent[] = [];
  for (const p of livePins(net)) if (roles.includes(p.comp.role) && !out.includes(p.comp)) out.push(p.comp);
  return out;
}

/** Is there a populated part of role `role` bridging `net` to a net satisfying `other`? */
export function bridges(net: NlNet, role: Role, other: (n: NlNet) => boolean): NlComponent[] {
  return componentsOn(net, role).filter((c) => otherNets(c, net).some(other));
}

export const uniqSorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort(cmp);
