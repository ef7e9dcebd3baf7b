import { ZapTraceError } from '../../kernel/errors.js';
import { canonicalJson } from '../../kernel/canonical-json.js';
import { sha256Hex } from '../../kernel/hash.js';
import { readElements, type ElementKind, type IntentElement } from '../synth/elements.js';
import { parseIntent } from '../synth/index.js';

/**
 * Structured requirements from a free-text intent (docs/zaptrace-parity.md, "Requirements"). The words
 * are read by synthesis's own readers (synth/elements.ts for the named elements, synth/index.ts
 * parseIntent for the supply and bus choices), so a requirement and what synthesis builds never
 * disagree about what the sentence said. Only the operating environment is read here: synthesis
 * ignores it, a review can check it against the parts' stated temperature ranges.
 */
export type RequirementGroup = 'supply' | 'rails' | 'interfaces' | 'mcu' | 'sensors' | 'mechanical' | 'environment';

export interface Requirement {
  /** Stable id: the intent element's id ("source:usb-c", "voltage:3.3", "mechanics:holes") or a derived one ("supply:input-v"). */
  id: string;
  group: RequirementGroup;
  text: string;
  count?: number;
  volts?: number;
  /** Operating temperature range, °C (environment). */
  range_c?: [number, number];
  /** I²C bus clock, Hz. */
  hz?: number;
}

export interface ParsedRequirements {
  requirements: Requirement[];
  requirements_hash: string;
  /** Words that name nothing known, and contradictions synthesis would refuse; not requirements. */
  not_understood: string[];
  conflicts: string[];
}

/** Bumped when the requirement shape changes, so a hash frozen under one shape is not matched under another. */
const REQUIREMENTS_VERSION = 1;

const GROUP_OF: Record<Exclude<ElementKind, 'unknown'>, RequirementGroup> = {
  'power-source': 'supply',
  regulator: 'rails',
  voltage: 'rails',
  mcu: 'mcu',
  interface: 'interfaces',
  function: 'interfaces',
  sensor: 'sensors',
  indicator: 'interfaces',
  mechanics: 'mechanical',
};

/** The element kind an element id names (its prefix), for rebuilding the element from a frozen requirement. */
export function elementOf(r: Requirement): IntentElement | null {
  const prefix = r.id.split(':')[0] ?? '';
  const kind = ({ source: 'power-source', regulator: 'regulator', voltage: 'voltage', mcu: 'mcu', interface: 'interface', function: 'function', sensor: 'sensor', indicator: 'indicator', mechanics: 'mechanics' } as Record<string, ElementKind>)[prefix];
  if (!kind) return null;
  return { id: r.id, kind, label: r.text, count: r.count ?? 1, ...(r.volts !== undefined ? { volts: r.volts } : {}) };
}

/**
 * Operating temperature: an explicit range ("-40 to 85 °C", "-20..70C"), else the grade a word names
 * (JEDEC/AEC usage: commercial 0–70 °C, industrial −40–85 °C, automotive AEC-Q100 grade 1 −40–125 °C).
 */
const RANGE = /(-?\d{1,3})\s*(?:°\s*c|c)?\s*(?:to|\.\.|…|–)\s*\+?(-?\d{1,3})\s*°?\s*c\b/;
const GRADES: [RegExp, string, [number, number]][] = [
  [/\bautomotive\b/, 'automotive', [-40, 125]],
  [/\bindustrial\b|\boutdoors?\b/, 'industrial', [-40, 85]],
  [/\bcommercial\b|\bindoors?\b/, 'commercial', [0, 70]],
];

function environment(intent: string): { req: Requirement | null; words: string[] } {
  const text = intent.toLowerCase();
  const m = RANGE.exec(text);
  if (m) {
    const lo = Number(m[1]);
    const hi = Number(m[2]);
    if (lo < hi) return { req: { id: 'environment:temperature', group: 'environment', text: `operates from ${lo} °C to ${hi} °C`, range_c: [lo, hi] }, words: [] };
  }
  for (const [re, grade, range] of GRADES) {
    const g = re.exec(text);
    if (g) return { req: { id: 'environment:temperature', group: 'environment', text: `${grade} temperature range, ${range[0]} °C to ${range[1]} °C`, range_c: range }, words: [g[0]] };
  }
  return { req: null, words: [] };
}

export function requirementsHash(requirements: readonly Requirement[]): string {
  return sha256Hex(canonicalJson({ version: REQUIREMENTS_VERSION, requirements }));
}

export function parseRequirements(intent: string): ParsedRequirements {
  if (intent.trim().length === 0) throw new ZapTraceError('INVALID_INPUT', 'intent must be a non-empty sentence', { path: 'intent' });
  const elements = readElements(intent);
  const env = environment(intent);
  const reqs: Requirement[] = [];
  const notUnderstood: string[] = [];
  for (const e of elements) {
    if (e.kind === 'unknown') {
      if (!env.words.includes(e.label) && !/^-?\d/.test(e.label) && e.label !== '°c' && e.label !== 'c') notUnderstood.push(e.label);
      continue;
    }
    reqs.push({ id: e.id, group: GROUP_OF[e.kind], text: e.label, ...(e.count !== 1 ? { count: e.count } : {}), ...(e.volts !== undefined ? { volts: e.volts } : {}) });
  }
  // Choices synthesis derives from the whole sentence: the input voltage and the I²C clock.
  let conflicts: string[] = [];
  try {
    const { req } = parseIntent(intent);
    const source = reqs.find((r) => r.group === 'supply');
    if (source) reqs.push({ id: 'supply:input-v', group: 'supply', text: `${req.inputV} V input`, volts: req.inputV });
    if (reqs.some((r) => r.id === 'interface:i2c') || reqs.some((r) => r.group === 'sensors')) reqs.push({ id: 'interface:i2c-speed', group: 'interfaces', text: `I2C bus at ${req.i2cHz / 1000} kHz`, hz: req.i2cHz });
  } catch (err) {
    if (!(err instanceof ZapTraceError)) throw err;
    const c = (err.details as { conflicts?: unknown }).conflicts;
    conflicts = Array.isArray(c) ? c.map(String) : [];
  }
  if (env.req) reqs.push(env.req);
  const requirements = reqs.sort((a, b) => ORDER.indexOf(a.group) - ORDER.indexOf(b.group) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { requirements, requirements_hash: requirementsHash(requirements), not_understood: notUnderstood, conflicts };
}

const ORDER: RequirementGroup[] = ['supply', 'rails', 'interfaces', 'mcu', 'sensors', 'mechanical', 'environment'];
