import type { z } from 'zod';
import { RESERVED_KEYS } from '../eda/parse/sanitize.js';

/**
 * Identifiers that become map keys of a design (component ids and refs, pin and net names) refuse
 * the names the parser refuses (`__proto__`, `constructor`, `prototype`), so an edit tool cannot
 * build a design that its own parser would reject.
 */
export function notReserved(schema: z.ZodString): z.ZodString {
  return schema.refine((v) => !RESERVED_KEYS.has(v), { message: 'is a reserved name (__proto__, constructor, prototype)' }) as unknown as z.ZodString;
}
