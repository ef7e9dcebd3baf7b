/**
 * Escaping of user strings (refs, values, net and design names) for the board picture and the
 * report: every user string is escaped, since a ref or net name may hold `<` or `&` (contract.md, "Bad input"). Both functions are total: any string,
 * including lone surrogates and control characters, yields well-formed output.
 */

const hex4 = (code: number): string => code.toString(16).toUpperCase().padStart(4, '0');

/**
 * Text and attribute content for XML 1.0 (W3C XML 1.0 5th ed., §2.2 Char, §2.4 and §3.3.3).
 * `& < > " '` become entity references; tab, LF and CR become character references so attribute
 * normalisation cannot fold them; characters XML 1.0 forbids even as references (other C0
 * controls, U+FFFE/U+FFFF, lone surrogates) are written as the visible text `\uXXXX`.
 */
export function escapeXml(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '&': out += '&amp;'; continue;
      case '<': out += '&lt;'; continue;
      case '>': out += '&gt;'; continue;
      case '"': out += '&quot;'; continue;
      case "'": out += '&apos;'; continue;
      case '\t': out += '&#9;'; continue;
      case '\n': out += '&#10;'; continue;
      case '\r': out += '&#13;'; continue;
    }
    if (code < 0x20 || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff)) out += `\\u${hex4(code)}`;
    else if (code === 0x7f || (code >= 0x80 && code <= 0x9f)) out += `&#x${code.toString(16).toUpperCase()};`;
    else out += ch;
  }
  return out;
}

/**
 * Inline Markdown (CommonMark 0.31 §2.4 backslash escapes, GFM tables §4.10): a string that
 * renders as itself in a table cell, a list item or a heading (never at the start of a line, so
 * `# - + 1.` cannot open a block). The inline punctuation `` \ ` * _ [ ] | ~ `` is
 * backslash-escaped (no emphasis, links, code spans or cell breaks), `& < >` become entities (no
 * raw HTML), line breaks become `<br>`, tabs stay, other control characters become the visible
 * text `\uXXXX`.
 */
export function escapeMarkdown(value: string): string {
  let out = '';
  const s = value.replace(/\r\n?/g, '\n');
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n') out += '<br>';
    else if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if ('\\`*_[]|~'.includes(ch)) out += `\\${ch}`;
    else if (ch === '\t') out += ch; // harmless mid-line
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff)) out += `\\\\u${hex4(code)}`;
    else out += ch;
  }
  return out;
}

/** A coordinate or length for SVG: rounded to 0.1 µm, no exponent, never "-0". */
export function num(v: number): string {
  const r = Math.round(v * 1e4) / 1e4;
  if (r === 0 || Object.is(r, -0)) return '0';
  return String(r);
}
