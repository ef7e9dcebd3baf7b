import { invalidInput } from '../../kernel/errors.js';

/**
 * A tiny S-expression builder and serialiser for KiCad files (.kicad_pcb, .kicad_sch).
 *
 * KiCad's reader (the DSN lexer described on the "S-Expression" page of the KiCad file-format
 * documentation) takes bare symbols such as `F.Cu`, quoted strings with C-style backslash escapes
 * and decimal numbers. Every user string (reference, value, net name) must therefore be a quoted
 * `str`, never a `sym`: only quoted strings are escaped, and a bare symbol is checked against a
 * conservative alphabet so nothing a user typed can ever open or close a list.
 */

export interface SSym {
  readonly sym: string;
}
export type SAtom = SSym | string | number;
export type SExpr = SAtom | SList;
export interface SList extends ReadonlyArray<SExpr> {}

const SYMBOL_RE = /^[A-Za-z0-9_.+*\-]+$/;

/** A bare symbol (keyword or layer name). Throws INVALID_INPUT for anything that would need quoting. */
export function sym(name: string): SSym {
  if (!SYMBOL_RE.test(name)) throw invalidInput(`not a valid S-expression symbol: ${JSON.stringify(name.slice(0, 40))}`, ['sexpr']);
  return { sym: name };
}

/** `(head ...items)`; undefined/null items are dropped so optional fields read naturally. */
export function list(head: string, ...items: (SExpr | undefined | null | false)[]): SList {
  const out: SExpr[] = [sym(head)];
  for (const it of items) if (it !== undefined && it !== null && it !== false) out.push(it);
  return out;
}

/** `(yes)`/`(no)` style boolean symbol. */
export const yesNo = (v: boolean): SSym => sym(v ? 'yes' : 'no');

/**
 * Number formatting: KiCad writes at most 6 decimals and never an exponent (its lexer does not
 * accept `1e-7`). Negative zero becomes 0. Non-finite numbers are refused.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw invalidInput('non-finite number in S-expression output', ['sexpr']);
  // toFixed switches to exponent form at 1e21; such magnitudes are integers anyway.
  const fixed = Math.abs(n) >= 1e21 ? BigInt(Math.round(n)).toString() : n.toFixed(6);
  // Trim trailing zeros (and a trailing dot) so "1.500000" reads "1.5".
  let s = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  if (s === '-0') s = '0';
  return s;
}

/**
 * Quotes a string the way KiCad's lexer unquotes it: backslash and double quote are escaped,
 * newline/CR/tab use their letter escapes, and any other C0 control character or DEL becomes an
 * octal escape (`\ooo`, understood by the lexer). Non-ASCII text is written as UTF-8 as is.
 */
export function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += '\\' + code.toString(8).padStart(3, '0');
    else out += ch;
  }
  return out + '"';
}

function atomText(a: SAtom): string {
  if (typeof a === 'number') return formatNumber(a);
  if (typeof a === 'string') return quote(a);
  return a.sym;
}

function isList(e: SExpr): e is SList {
  return Array.isArray(e);
}

/**
 * Serialises with two-space indentation: a list whose items are all atoms (or short atom-only
 * lists) stays on one line; otherwise each nested list starts a new line. KiCad ignores layout.
 */
export function serialize(expr: SExpr, indent = 0): string {
  if (!isList(expr)) return atomText(expr as SAtom);
  const pad = '  '.repeat(indent);
  const flat = expr.every((e) => !isList(e) || (e.length <= 4 && e.every((x) => !isList(x))));
  if (flat) {
    return '(' + expr.map((e) => (isList(e) ? serialize(e, 0) : atomText(e as SAtom))).join(' ') + ')';
  }
  let out = '(';
  let first = true;
  for (const e of expr) {
    if (isList(e)) {
      out += '\n' + pad + '  ' + serialize(e, indent + 1);
    } else {
      out += (first ? '' : ' ') + atomText(e as SAtom);
    }
    first = false;
  }
  return out + '\n' + pad + ')';
}
