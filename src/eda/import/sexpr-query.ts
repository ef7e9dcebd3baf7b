import type { SExpr, SList, SSym } from '../sexpr/index.js';

/** Small accessors over a read S-expression tree: `(head a b (child …))`. */

export const isList = (e: SExpr | undefined): e is SList => Array.isArray(e);
const isSym = (e: SExpr | undefined): e is SSym => typeof e === 'object' && e !== null && !Array.isArray(e) && 'sym' in e;

/** The keyword of a list: `footprint` for `(footprint …)`. */
export function head(l: SList): string | undefined {
  const h = l[0];
  return isSym(h) ? h.sym : undefined;
}

export function children(l: SList, name: string): SList[] {
  const out: SList[] = [];
  for (const e of l) if (isList(e) && head(e) === name) out.push(e);
  return out;
}

export function child(l: SList, name: string): SList | undefined {
  for (const e of l) if (isList(e) && head(e) === name) return e;
  return undefined;
}

/** An atom as text: strings as they are, symbols by name, numbers in decimal. */
export function text(e: SExpr | undefined): string | undefined {
  if (typeof e === 'string') return e;
  if (typeof e === 'number') return String(e);
  if (isSym(e)) return e.sym;
  return undefined;
}

export function num(e: SExpr | undefined): number | undefined {
  if (typeof e === 'number') return e;
  if (typeof e === 'string' && /^[+-]?\d+(?:\.\d+)?$/.test(e)) return Number(e);
  return undefined;
}

/** `(name v1 v2 …)` → its i-th value (1-based after the keyword) as text / number. */
export const textOf = (l: SList | undefined, i = 1): string | undefined => (l ? text(l[i]) : undefined);
export const numOf = (l: SList | undefined, i = 1): number | undefined => (l ? num(l[i]) : undefined);

/** `(at x y [angle])` or `(start x y)` / `(xy x y)` of a child. */
export function pointOf(l: SList, name: string): [number, number] | undefined {
  const c = child(l, name);
  const x = numOf(c, 1);
  const y = numOf(c, 2);
  return x !== undefined && y !== undefined ? [x, y] : undefined;
}

/** `(property "Name" "value" …)` of a KiCad 6+ footprint or symbol. */
export function property(l: SList, name: string): string | undefined {
  for (const p of children(l, 'property')) if (textOf(p, 1) === name) return textOf(p, 2);
  return undefined;
}

/** True when `(flag yes)` or a bare `flag` symbol appears among the list's items (KiCad writes both forms). */
export function flag(l: SList, name: string): boolean {
  const c = child(l, name);
  if (c) return textOf(c, 1) !== 'no';
  return l.some((e) => isSym(e) && e.sym === name);
}
