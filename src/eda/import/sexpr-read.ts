import { invalidInput } from '../../kernel/errors.js';
import type { SExpr, SList } from '../sexpr/index.js';

/**
 * Reader for KiCad S-expression files (.kicad_pcb, .kicad_sch), the inverse of `eda/sexpr`'s writer and
 * of KiCad's own DSN lexer as the KiCad file-format documentation ("S-Expression" page) describes it:
 * `(` and `)` delimit lists; a double-quoted string takes C-style backslash escapes (`\\ \" \n \r \t`
 * and octal `\ooo`); anything else up to whitespace or a parenthesis is a bare token. A bare token that
 * reads as a decimal number becomes a number, any other a symbol `{ sym }`; quoted text stays a string
 * even when it looks numeric (pad "1", net names), exactly as the writer distinguishes them.
 *
 * Hostile input is bounded before it can cost much: the text length, the nesting depth and the number
 * of atoms are limited, and every failure is an INVALID_INPUT naming the line (kicad-cli itself says
 * only "Failed to load board", shared/spec/facts.md).
 */
export interface SexprLimits {
  maxChars: number;
  maxDepth: number;
  maxAtoms: number;
}

export const SEXPR_LIMITS: SexprLimits = { maxChars: 16 * 1024 * 1024, maxDepth: 200, maxAtoms: 4_000_000 };

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** C-style escapes of a quoted string's body: `\\n \\r \\t`, octal `\\ooo`, and `\\x` for any other x. */
function unescape(body: string): string {
  return body.replace(/\\([0-7]{1,3}|[\s\S])/g, (_m, e: string) => {
    if (e === 'n') return '\n';
    if (e === 'r') return '\r';
    if (e === 't') return '\t';
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return e;
  });
}

function lineOf(text: string, at: number): number {
  let n = 1;
  for (let i = 0; i < at && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Parses one top-level list (`(kicad_pcb …)`); `field` names the caller's input in errors. */
export function readSexpr(text: string, field: string, limits: SexprLimits = SEXPR_LIMITS): SList {
  if (text.length > limits.maxChars) throw invalidInput(`${field} is larger than ${limits.maxChars} characters`, [field], { reason: 'too_large' });
  const fail = (message: string, at: number): never => {
    throw invalidInput(`${field}: ${message} (line ${lineOf(text, at)})`, [field], { reason: 'malformed', line: lineOf(text, at) });
  };
  const stack: SExpr[][] = [];
  let root: SExpr[] | undefined;
  let atoms = 0;
  let nextBackslash = -1;
  let i = 0;
  const n = text.length;
  const push = (e: SExpr, at: number) => {
    if (++atoms > limits.maxAtoms) fail(`more than ${limits.maxAtoms} items`, at);
    const top = stack[stack.length - 1];
    if (!top) fail('text outside the top-level list', at);
    top!.push(e);
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
    } else if (c === 40 /* ( */) {
      if (root !== undefined && stack.length === 0) fail('more than one top-level list', i);
      if (stack.length >= limits.maxDepth) fail(`nested deeper than ${limits.maxDepth} levels`, i);
      const l: SExpr[] = [];
      if (stack.length > 0) push(l, i);
      else root = l;
      stack.push(l);
      i++;
    } else if (c === 41 /* ) */) {
      if (stack.length === 0) fail('unbalanced ")"', i);
      stack.pop();
      i++;
    } else if (c === 34 /* " */) {
      const start = i;
      // Fast path: find the closing quote; only strings with a backslash need unescaping.
      let j = i + 1;
      let escaped = false;
      for (;;) {
        const q = text.indexOf('"', j);
        // The next backslash in the file is looked up again only once passed, so the scan stays linear.
        if (nextBackslash < j) nextBackslash = text.indexOf('\\', j) >>> 0;
        const b = nextBackslash;
        if (q < 0) fail('unterminated string', start);
        if (b < q) {
          escaped = true;
          j = b + 2;
          continue;
        }
        j = q;
        break;
      }
      push(escaped ? unescape(text.slice(i + 1, j)) : text.slice(i + 1, j), start);
      i = j + 1;
    } else {
      const start = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 32 || d === 9 || d === 10 || d === 13 || d === 40 || d === 41 || d === 34) break;
        i++;
      }
      const tok = text.slice(start, i);
      push(NUMBER_RE.test(tok) ? Number(tok) : { sym: tok }, start);
    }
  }
  if (stack.length > 0) fail('unbalanced "(": the file ends inside a list', n);
  if (root === undefined) fail('no S-expression found', 0);
  return root as SList;
}
