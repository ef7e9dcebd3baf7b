/**
 * Gerber attribute strings (Gerber Layer Format Specification rev. 2023.08, §3.4.3 strings and
 * §5.1 attributes). A field may not contain `*` or `%` (they end commands), and a `,` would split
 * the field; the spec's `\uXXXX` escape carries them, and `\` itself, verbatim. Control characters
 * are escaped the same way so a name can never break a line.
 */
export function escapeAttr(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '*' || ch === '%' || ch === ',' || ch === '\\' || code < 0x20 || code === 0x7f) {
      out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    } else out += ch;
  }
  return out;
}

/** Reverses `escapeAttr` (used by tests and readers of our own files). */
export function unescapeAttr(value: string): string {
  return value.replace(/\\u([0-9A-Fa-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
