import { canonicalJson } from '../../kernel/canonical-json.js';
import type { FieldChange, KeyedChange } from './types.js';

/** Code-unit order: the same on every machine and locale. */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Structural equality of JSON values (key order ignored, array order kept). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/** Field-by-field differences of two flat records, sorted by field name. */
export function fieldChanges(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  skip: ReadonlySet<string> = new Set(),
): FieldChange[] {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  const out: FieldChange[] = [];
  for (const field of [...fields].sort(byString)) {
    if (skip.has(field)) continue;
    const from = a[field] ?? null;
    const to = b[field] ?? null;
    if (!sameJson(from, to)) out.push({ field, from, to });
  }
  return out;
}

/** Added / removed / changed keys of two records whose values are objects. */
export function keyedDiff<T extends object>(
  a: Record<string, T>,
  b: Record<string, T>,
): { added: string[]; removed: string[]; changed: KeyedChange[] } {
  const added = Object.keys(b).filter((k) => !(k in a)).sort(byString);
  const removed = Object.keys(a).filter((k) => !(k in b)).sort(byString);
  const changed: KeyedChange[] = [];
  for (const key of Object.keys(a).filter((k) => k in b).sort(byString)) {
    const fields = fieldChanges(a[key] as Record<string, unknown>, b[key] as Record<string, unknown>);
    if (fields.length > 0) changed.push({ key, fields });
  }
  return { added, removed, changed };
}

/** Rounds to 1 nm so float noise from unit conversions does not show as a change. */
export function roundMm(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
