import type { Component, Pin, PinType } from '../model/design.js';
import { fail, noteKeys, quote, warn, type ParseContext, type PathSeg } from './context.js';
import { LIMITS } from './limits.js';
import { checkIdent } from './sanitize.js';
import {
  COMPONENT_TO_PROPERTIES,
  DROPPED_COMPONENT,
  DROPPED_PIN,
  ZtComponent,
  ZtPin,
  shapeKeys,
  type ZtComponent as ZtComponentT,
  type ZtPin as ZtPinT,
} from './zaptrace-schema.js';

/** A component being built, with what the nets pass still needs to know about it. */
export interface ComponentDraft {
  component: Component;
  /** True when the input declared pins; then nodes may only name those pins. */
  declared: boolean;
  /** `net` fields of declared pins, merged into the nets afterwards. */
  pinNets: { pin: string; net: string; path: PathSeg[] }[];
  path: PathSeg[];
}

/**
 * ZapTrace pin types → ours. ZapTrace has one `power` type for both directions; a power pin is a
 * consumer (`power_in`) unless its `current_domain` says POWER_OUT. A regulator output typed
 * `output` on a power net stays `output`: the parser does not guess intent the input did not state.
 */
export function mapPinType(type: ZtPinT['type'], currentDomain: string | null | undefined): PinType {
  switch (type) {
    case 'power':
      return currentDomain?.toUpperCase() === 'POWER_OUT' ? 'power_out' : 'power_in';
    case undefined:
      return 'unspecified';
    case 'open_drain':
      // One pin type for both: an open drain is the MOSFET form of an open collector (KiCad's ERC does the same).
      return 'open_collector';
    default:
      return type;
  }
}

/**
 * Reference-designator prefixes (IEEE 315 / common practice) of parts whose pins have no electrical
 * direction: resistors, capacitors, inductors, diodes and LEDs, ferrites, fuses, crystals, connectors,
 * test points, switches and jumpers. Their inferred pins are `passive`; anything else (U, Q, IC, …)
 * gets `unspecified`, which ERC treats as "unknown, do not judge".
 */
const PASSIVE_PREFIXES = new Set(['R', 'RN', 'C', 'L', 'D', 'LED', 'FB', 'F', 'Y', 'X', 'J', 'P', 'TP', 'SW', 'JP']);

export function inferredPinType(ref: string): PinType {
  const prefix = /^[A-Za-z]+/.exec(ref)?.[0]?.toUpperCase() ?? '';
  return PASSIVE_PREFIXES.has(prefix) ? 'passive' : 'unspecified';
}

const PIN_KEYS = shapeKeys(ZtPin);
const COMPONENT_KEYS = shapeKeys(ZtComponent);

function mapPin(
  ctx: ParseContext,
  name: string,
  raw: ZtPinT | string | null,
  ref: string,
  path: PathSeg[],
): { pin: Pin; net: string | null } {
  checkIdent(name, 'pin name', path);
  if (raw === null || typeof raw === 'string') {
    // Shorthand `PIN: NET` (or `PIN: null` for a pin on no net); not in the ZapTrace schema.
    if (ctx.strict) fail('a pin must be an object {type, net, …} in strict mode', path);
    return { pin: { name, type: inferredPinType(ref), number: null, description: '' }, net: raw };
  }
  noteKeys(ctx, raw, path, PIN_KEYS, DROPPED_PIN);
  if (raw.name !== undefined && raw.name !== name) fail(`pin name ${quote(raw.name)} differs from its key ${quote(name)}`, [...path, 'name']);
  let type: PinType;
  if (raw.type === undefined) {
    if (ctx.strict) fail('pin type is required', [...path, 'type']);
    type = inferredPinType(ref);
    warn(ctx, [...path, 'type'], `pin type missing; using ${type}`);
  } else {
    type = mapPinType(raw.type, raw.current_domain);
  }
  const number = raw.number === undefined || raw.number === null ? null : String(raw.number);
  return { pin: { name, type, number, description: raw.description ?? '' }, net: raw.net ?? null };
}

export function mapComponent(ctx: ParseContext, id: string, raw: ZtComponentT, path: PathSeg[]): ComponentDraft {
  checkIdent(id, 'component id', path, true);
  noteKeys(ctx, raw, path, COMPONENT_KEYS, DROPPED_COMPONENT, (key) =>
    key === 'reference' ? '; ZapTrace components use "ref"' : '',
  );
  if (raw.id !== undefined && raw.id !== id) fail(`id ${quote(raw.id)} differs from its key ${quote(id)}`, [...path, 'id']);
  let ref = raw.ref;
  if (ref === undefined) {
    if (ctx.strict) fail('ref is required', [...path, 'ref']);
    ref = id;
    warn(ctx, [...path, 'ref'], 'ref missing; using the component id');
  }
  checkIdent(ref, 'ref', [...path, 'ref'], true);
  if (raw.type === undefined || raw.type.trim() === '') fail('component type is required (e.g. "resistor", "mcu")', [...path, 'type']);

  let value: string | null = null;
  if (typeof raw.value === 'number') {
    value = String(raw.value);
    warn(ctx, [...path, 'value'], 'numeric value read as text; quote it to keep its exact spelling');
  } else if (typeof raw.value === 'string') value = raw.value;

  const properties: Component['properties'] = { ...(raw.properties ?? {}) };
  for (const key of COMPONENT_TO_PROPERTIES) {
    const v = raw[key];
    if (v !== undefined && v !== null && !(key in properties)) properties[key] = v;
  }

  const pins: Record<string, Pin> = {};
  const pinNets: ComponentDraft['pinNets'] = [];
  const entries = Object.entries(raw.pins ?? {});
  if (entries.length > LIMITS.maxPinsPerComponent) fail(`more than ${LIMITS.maxPinsPerComponent} pins`, [...path, 'pins']);
  for (const [name, rawPin] of entries) {
    const pinPath = [...path, 'pins', name];
    const { pin, net } = mapPin(ctx, name, rawPin, ref, pinPath);
    pins[name] = pin;
    if (net !== null && net !== '') pinNets.push({ pin: name, net, path: [...pinPath, 'net'] });
  }

  const component: Component = {
    id,
    ref,
    type: raw.type,
    value,
    footprint: raw.footprint ? raw.footprint : null,
    part_id: raw.part_id ?? null,
    mpn: raw.mpn ?? null,
    manufacturer: raw.manufacturer ?? null,
    description: raw.description ?? '',
    dnp: raw.dnp ?? false,
    locked: raw.locked ?? false,
    voltage_supply: raw.voltage_supply ?? '',
    pins,
    properties,
  };
  return { component, declared: entries.length > 0, pinNets, path };
}
