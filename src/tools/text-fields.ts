import type { z } from 'zod';
import { RESERVED_KEYS } from '../eda/parse/sanitize.js';

// Invisible characters the parser refuses in identifiers (eda/parse/sanitize.ts, checkIdent):
// zero-width space/joiners, LRM/RLM and the BOM make two names that look alike differ.
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff]/;

/**
 * Identifiers that become map keys of a design (component ids and refs, pin and net names) pass
 * the parser's identifier checks: not blank, no invisible characters, and not `__proto__`,
 * `constructor` or `prototype` — so an edit tool cannot build a design its own parser would reject.
 */
export function notReserved(schema: z.ZodString): z.ZodString {
  return schema
    .refine((v) => !RESERVED_KEYS.has(v), { message: 'is a reserved name (__proto__, constructor, prototype)' })
    .refine((v) => v.trim() !== '', { message: 'must not be blank' })
    .refine((v) => !INVISIBLE.test(v), { message: 'contains an invisible character (zero-width or byte-order mark)' }) as unknown as z.ZodString;
}
