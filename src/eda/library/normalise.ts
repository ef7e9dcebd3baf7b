import { LibraryPart, type PartPin } from '../model/part.js';
import { mapPinType } from './pin-types.js';
import { extractValue, parseValue, quantityOf } from './values.js';

/**
 * One ZapTrace library record (library/<category>/<id>.yaml) → our LibraryPart. Used by the
 * one-off importer and by user library directories loaded at start-up, so both read records the
 * same way. Nothing here throws: a record that cannot be read comes back with `part: null` and the
 * reasons in `notes`.
 */
export type NoteKind = 'excluded' | 'repaired' | 'info';
export interface RecordNote {
  kind: NoteKind;
  message: string;
}
export interface NormaliseResult {
  part: LibraryPart | null;
  notes: RecordNote[];
}

const TOP_KEYS = [
  'id', 'name', 'category', 'manufacturer', 'mpn', 'description', 'datasheet', 'package', 'footprint', 'lifecycle',
  'voltage_supply', 'pins', 'properties', 'electrical_limits', 'sourcing', 'compliance', 'provenance',
] as const;
const PIN_KEYS = ['name', 'type', 'description', 'number', 'pad'] as const;

/** Keys of our own model: a record carrying them is read as our JSON, not as ZapTrace YAML. */
const OWN_MODEL_MARKERS = ['voltage_supply_v', 'value_si', 'value_text'];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A key with stray quote characters or spaces ("description\"" — a closing quote left behind by
 * hand editing) is read as the known key it spells, provided that key is not also present.
 */
function repairKeys(obj: Record<string, unknown>, known: readonly string[], where: string, notes: RecordNote[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (known.includes(key)) {
      out[key] = value;
      continue;
    }
    const spelled = key.replace(/["'`\s]/g, '');
    if (known.includes(spelled) && !(spelled in obj)) {
      out[spelled] = value;
      notes.push({ kind: 'repaired', message: `${where}key ${JSON.stringify(key)} has stray quote characters; read as '${spelled}'` });
    } else {
      notes.push({ kind: 'info', message: `${where}unknown key ${JSON.stringify(key.slice(0, 60))} ignored` });
    }
  }
  return out;
}

function text(value: unknown, field: string, notes: RecordNote[], fallback = ''): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  notes.push({ kind: 'info', message: `${field} is not text; left empty` });
  return fallback;
}

function toJson(value: unknown, depth = 0): Json | undefined {
  if (depth > 20) return undefined;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const arr: Json[] = [];
    for (const v of value) {
      const j = toJson(v, depth + 1);
      if (j !== undefined) arr.push(j);
    }
    return arr;
  }
  if (isRecord(value)) {
    const obj: { [k: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const j = toJson(value[key], depth + 1);
      if (j !== undefined) obj[key] = j;
    }
    return obj;
  }
  return undefined;
}

export interface RecordOrigin {
  /** Where the record came from, relative and host-free ("zaptrace@110a49c:library/rf/cc1101.yaml"). */
  source: string;
}

export function normaliseRecord(raw: unknown, origin: RecordOrigin): NormaliseResult {
  const notes: RecordNote[] = [];
  if (!isRecord(raw)) return { part: null, notes: [{ kind: 'excluded', message: 'record is not a mapping' }] };
  if (OWN_MODEL_MARKERS.some((k) => k in raw)) return readOwnModel(raw, origin);

  const rec = repairKeys(raw, TOP_KEYS, '', notes);
  const id = text(rec['id'], 'id', notes);
  if (id.length === 0) return { part: null, notes: [...notes, { kind: 'excluded', message: 'record has no id' }] };
  if (id.length > 200 || /\s/.test(id)) return { part: null, notes: [...notes, { kind: 'excluded', message: 'id must be 1–200 characters without spaces' }] };

  const name = text(rec['name'], 'name', notes, id) || id;
  const category = text(rec['category'], 'category', notes).toLowerCase();
  if (category.length === 0) notes.push({ kind: 'info', message: "no category; filed under 'uncategorised'" });
  const description = text(rec['description'], 'description', notes);
  const pkg = text(rec['package'], 'package', notes);
  const base = { id, name, category: category || 'uncategorised', description };

  const pins = readPins(rec['pins'], base, notes);
  if (pins === null) return { part: null, notes };

  const properties = readProperties(rec, notes);
  const quantity = quantityOf({ ...base, properties });
  const value = quantity === null ? null : extractValue({ ...base, properties }, quantity);
  if (value && !value.from.startsWith('properties.')) {
    notes.push({ kind: 'info', message: `value ${value.value_text} taken from the ${value.from}` });
  }

  const candidate = {
    id,
    name,
    category: base.category,
    manufacturer: text(rec['manufacturer'], 'manufacturer', notes),
    mpn: text(rec['mpn'], 'mpn', notes),
    description,
    package: pkg,
    footprint: text(rec['footprint'], 'footprint', notes) || pkg,
    lifecycle: text(rec['lifecycle'], 'lifecycle', notes) || 'unknown',
    voltage_supply_v: readVoltage(rec['voltage_supply'], notes),
    pins,
    value_si: value ? value.value_si : null,
    value_text: value ? value.value_text : null,
    properties,
    datasheet: text(rec['datasheet'], 'datasheet', notes),
    source: origin.source,
  };
  const parsed = LibraryPart.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { part: null, notes: [...notes, { kind: 'excluded', message: `does not fit the part model at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}` }] };
  }
  return { part: parsed.data, notes };
}

function readOwnModel(raw: Record<string, unknown>, origin: RecordOrigin): NormaliseResult {
  const parsed = LibraryPart.safeParse({ source: origin.source, ...raw });
  if (parsed.success) return { part: parsed.data, notes: [] };
  const issue = parsed.error.issues[0];
  return { part: null, notes: [{ kind: 'excluded', message: `does not fit the part model at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}` }] };
}

function readVoltage(raw: unknown, notes: RecordNote[]): number | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const parsed = parseValue(raw);
  if (parsed && (parsed.unit === null || parsed.unit === 'V')) return parsed.value;
  notes.push({ kind: 'info', message: `voltage_supply ${JSON.stringify(raw.slice(0, 40))} is not a voltage; left null` });
  return null;
}

/** Pins in ZapTrace's map form ({VDD: {type, description}}) or as a list of {name, type, ...}. */
function readPins(raw: unknown, part: { category: string; name: string; description: string }, notes: RecordNote[]): PartPin[] | null {
  const entries: [string, unknown][] = [];
  if (isRecord(raw)) entries.push(...Object.entries(raw));
  else if (Array.isArray(raw)) {
    for (const [i, p] of raw.entries()) {
      const pinName = isRecord(p) ? p['name'] : undefined;
      if (typeof pinName !== 'string' && typeof pinName !== 'number') {
        notes.push({ kind: 'excluded', message: `pins[${i}] has no name` });
        return null;
      }
      entries.push([String(pinName), p]);
    }
  } else {
    notes.push({ kind: 'excluded', message: 'pins missing or not a mapping' });
    return null;
  }
  if (entries.length === 0) {
    notes.push({ kind: 'excluded', message: 'part has no pins' });
    return null;
  }
  const names = entries.map(([n]) => n.trim());
  const padFromName = padNumbersFromNames(names, part.category);
  const pins: PartPin[] = [];
  for (const [i, [rawName, rawPin]] of entries.entries()) {
    const pinName = rawName.trim();
    if (pinName.length === 0) {
      notes.push({ kind: 'excluded', message: 'a pin has an empty name' });
      return null;
    }
    const pin = isRecord(rawPin) ? repairKeys(rawPin, PIN_KEYS, `pin ${pinName}: `, notes) : {};
    if (!isRecord(rawPin)) notes.push({ kind: 'info', message: `pin ${pinName}: not a mapping; type unspecified` });
    const mapped = mapPinType(pin['type'], pinName, part);
    if (mapped.note) notes.push({ kind: 'repaired', message: mapped.note });
    const explicit = pin['number'] ?? pin['pad'];
    const number = typeof explicit === 'string' || typeof explicit === 'number' ? String(explicit) : (padFromName[i] ?? null);
    pins.push({ name: pinName, type: mapped.type, number, description: text(pin['description'], `pin ${pinName} description`, notes) });
  }
  return pins;
}

/**
 * Passives and plain connectors whose pins are all named P<n> ("P1", "P2") get pad n; for every
 * other part the pad is left null and the footprint module maps names to pads.
 */
function padNumbersFromNames(names: string[], category: string): (string | null)[] {
  if (category !== 'passive' && category !== 'connector') return names.map(() => null);
  const numbers = names.map((n) => /^P([1-9][0-9]{0,2})$/i.exec(n)?.[1] ?? null);
  if (numbers.some((n) => n === null) || new Set(numbers).size !== numbers.length) return names.map(() => null);
  return numbers;
}

function readProperties(rec: Record<string, unknown>, notes: RecordNote[]): Record<string, Json> {
  const out: Record<string, Json> = {};
  const props = rec['properties'];
  if (isRecord(props)) {
    const j = toJson(props);
    if (isRecord(j)) Object.assign(out, j);
  } else if (props !== undefined && props !== null) {
    notes.push({ kind: 'info', message: 'properties is not a mapping; ignored' });
  }
  // Electrical limits are data an ERC can use; ZapTrace's placeholder "review_note" is not.
  const limits = rec['electrical_limits'];
  if (isRecord(limits)) {
    const kept = Object.fromEntries(Object.entries(limits).filter(([k]) => k !== 'review_note'));
    const j = toJson(kept);
    if (isRecord(j) && Object.keys(j).length > 0) out['electrical_limits'] = j;
  }
  // Every shipped record is unreviewed starter data; keep the status so a BOM can say so.
  const prov = rec['provenance'];
  if (isRecord(prov)) {
    const status = prov['review_status'] ?? prov['reviewed_by'];
    if (typeof status === 'string' && status.length > 0) out['review_status'] = status;
  }
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]!]));
}
