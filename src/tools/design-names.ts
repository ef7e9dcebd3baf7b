import { ZapTraceError } from '../kernel/errors.js';
import { DesignName } from './define.js';

/**
 * A usable design name derived from free text (a design's `meta.name`, or an intent), for callers that
 * name nothing, as the Python ZapTrace's tools do. Characters DesignName refuses ("/" in
 * "ATtiny85 I/O Controller") become "-"; a name already taken in the session gets " 2", " 3", ….
 */
export function deriveDesignName(text: string, taken: (name: string) => boolean, maxWords = Infinity): string {
  const words = text.normalize('NFC').trim().split(/\s+/).slice(0, maxWords).join(' ');
  const cleaned = words
    .replace(/[^\p{L}\p{N} ._+-]/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .slice(0, 100)
    .trim();
  const base = DesignName.safeParse(cleaned).success ? cleaned : 'design';
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base} ${n}`)) return `${base} ${n}`;
}

/**
 * The name of a design a tool is about to create: `given`, else derived from `text` (first `maxWords`
 * words); refused when the session already has it, `why` saying what the tool does instead.
 */
export function newDesignName(designs: object, given: string | undefined, text: string, maxWords: number, why: string): string {
  const taken = (n: string) => Object.hasOwn(designs, n);
  const name = given ?? deriveDesignName(text, taken, maxWords);
  if (taken(name)) throw new ZapTraceError('INVALID_INPUT', `a design named "${name}" already exists; ${why}`, { path: 'design_name' });
  return name;
}

/** Intents are sentences: their first words name the design ("ESP32 I2C sensor node with USB-C"). */
export const INTENT_NAME_WORDS = 6;

/** The `meta.name` of design text, read without parsing it (the parse runs later, in a worker). */
export function metaNameOf(text: string): string | undefined {
  const json = /"meta"\s*:\s*\{[^{}]*?"name"\s*:\s*"((?:[^"\\]|\\.){1,200})"/.exec(text);
  if (json) return json[1];
  const yaml = /^meta:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:\s*(?:"([^"\n]{1,200})"|'([^'\n]{1,200})'|([^\n#]{1,200}))/m.exec(text);
  return yaml ? (yaml[1] ?? yaml[2] ?? yaml[3])?.trim() : undefined;
}
