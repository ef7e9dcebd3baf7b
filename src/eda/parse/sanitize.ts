import { fail, type PathSeg } from './context.js';
import { TEXT_PROBLEM_MESSAGE, textProblem } from '../../kernel/text-rules.js';
import { LIMITS } from './limits.js';

/** Keys that reach Object.prototype or a constructor when used as a property name downstream. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// Identifiers additionally refuse every control (C0, C1) and the bidi overrides that make a name
// read differently from what it is (Unicode TR36, "bidirectional text spoofing").
// eslint-disable-next-line no-control-regex
const BAD_IDENT = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/**
 * Walks a parsed value once, before any mapping: plain JSON types only (no Buffer/Set/Date from YAML
 * tags), finite numbers, bounded depth and sizes, no NUL or control characters in strings, and no
 * prototype-polluting keys anywhere.
 */
export function checkTree(value: unknown, path: PathSeg[] = [], depth = 0): void {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail('numbers must be finite (NaN and Infinity are not allowed)', path);
    return;
  }
  if (typeof value === 'string') {
    if (value.length > LIMITS.maxString) fail(`string longer than ${LIMITS.maxString} characters`, path);
    // The same rule as every tool argument (kernel/text-rules.ts): controls break S-expression, XML,
    // Gerber and CSV output; bidi controls make a value read differently from what it is.
    const problem = textProblem(value);
    if (problem) fail(`string ${TEXT_PROBLEM_MESSAGE[problem]}`, path);
    return;
  }
  if (typeof value !== 'object') fail(`unsupported value of type ${typeof value}`, path);
  if (depth >= LIMITS.maxDepth) fail(`nesting deeper than ${LIMITS.maxDepth} levels`, path);
  if (Array.isArray(value)) {
    if (value.length > LIMITS.maxCollection) fail(`list longer than ${LIMITS.maxCollection} elements`, path);
    for (let i = 0; i < value.length; i++) checkTree(value[i], [...path, i], depth + 1);
    return;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) fail('unsupported value (binary, set, date or other non-JSON type)', path);
  const keys = Object.keys(value);
  if (keys.length > LIMITS.maxCollection) fail(`mapping with more than ${LIMITS.maxCollection} keys`, path);
  for (const key of keys) {
    if (RESERVED_KEYS.has(key)) fail(`reserved key ${JSON.stringify(key)} is not allowed`, path);
    if (BAD_IDENT.test(key)) fail('key contains a control or bidi-override character', path);
    // Keys follow the text rule as values do: a lone surrogate has no UTF-8 or JCS form (RFC 8785), so a
    // design-state hash over such a key could not be recomputed from docs/design-hash.md.
    const keyProblem = textProblem(key);
    if (keyProblem) fail(`key ${TEXT_PROBLEM_MESSAGE[keyProblem]}`, path);
    checkTree((value as Record<string, unknown>)[key], [...path, key], depth + 1);
  }
}

/**
 * Checks a name used as an identifier (component id, ref, net id or name, pin name): non-blank,
 * no control or bidi characters, not a reserved key. `noDot` for component ids and refs, because
 * a node "REF.PIN" is split at the first dot.
 */
export function checkIdent(value: string, what: string, path: readonly PathSeg[], noDot = false): void {
  if (value.trim() === '') fail(`${what} must not be empty or whitespace only`, path);
  if (value.length > 200) fail(`${what} longer than 200 characters`, path);
  if (BAD_IDENT.test(value)) fail(`${what} contains a control or bidi-override character`, path);
  if (RESERVED_KEYS.has(value)) fail(`${what} ${JSON.stringify(value)} is a reserved name`, path);
  if (noDot && value.includes('.')) fail(`${what} ${JSON.stringify(value)} must not contain "." (nodes are written REF.PIN)`, path);
  if (noDot && /\s/.test(value)) fail(`${what} ${JSON.stringify(value)} must not contain whitespace`, path);
}
