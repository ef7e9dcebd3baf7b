import type { Design } from '../model/design.js';
import { fail, quote } from './context.js';
import { parseDesignObject } from './design.js';
import { LIMITS } from './limits.js';
import { checkTree } from './sanitize.js';
import { parseStructuredText } from './text.js';

export interface CorpusCase {
  id: string;
  design: Design;
  /** The case's `expected` block, unchanged (acceptance sentences, support level). */
  expected: unknown;
}

/**
 * Reads ZapTrace's placement/routing correctness corpus: `cases[*]` each with `id`, `design` and
 * `expected`. `keepouts` given beside `design` (as in the obstacle case) are folded into the design.
 * Designs are parsed in strict mode: the corpus declares `kind` and `schema_version`.
 */
export function parseCorpusCases(text: string): CorpusCase[] {
  const doc = parseStructuredText(text, 'auto', LIMITS.maxBytes);
  checkTree(doc);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) fail('corpus must be a mapping with "cases"');
  const cases = (doc as Record<string, unknown>).cases;
  if (!Array.isArray(cases)) fail('corpus needs a "cases" list', ['cases']);
  const seen = new Set<string>();
  return cases.map((raw: unknown, i) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('case must be a mapping', ['cases', i]);
    const c = raw as Record<string, unknown>;
    if (typeof c.id !== 'string' || c.id.trim() === '') fail('case id must be a non-empty string', ['cases', i, 'id']);
    if (seen.has(c.id)) fail(`duplicate case id ${quote(c.id)}`, ['cases', i, 'id']);
    seen.add(c.id);
    if (c.design === null || typeof c.design !== 'object' || Array.isArray(c.design)) fail('case needs a design mapping', ['cases', i, 'design']);
    const design = { ...(c.design as Record<string, unknown>) };
    if (c.keepouts !== undefined) design.keepouts = c.keepouts;
    try {
      return { id: c.id, design: parseDesignObject(design, { strict: true }).design, expected: c.expected ?? null };
    } catch (err) {
      // Re-anchor the error path inside the corpus file so the reader finds the case.
      if (err instanceof Error && 'details' in err) {
        const e = err as Error & { details: { path?: string } };
        fail(`case ${quote(c.id)}: ${e.message}`, ['cases', i, 'design']);
      }
      throw err;
    }
  });
}
