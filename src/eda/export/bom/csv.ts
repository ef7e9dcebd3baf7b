// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * CSV cells per RFC 4180 (§2: fields with `,`, `"`, CR or LF are quoted, quotes doubled; records
 * end in CRLF), plus the OWASP "CSV injection" guard: a text cell that a spreadsheet would read as
 * a formula (starting, after any spaces, with = + - @, tab or CR) gets a leading `'`. The test runs
 * on the NFKC form (Unicode UAX #15), because spreadsheets fold fullwidth `＝＋－＠` to ASCII.
 * Controls and bidi controls never reach a cell (inputs refuse them; old logs are repaired here).
 */
export function textCell(value: string): string {
  const clean = value.replace(UNPRINTABLE, '\uFFFD');
  const guarded = /^\s*[=+\-@\t\r]/.test(clean.normalize('NFKC')) ? `'${clean}` : clean;
  return quote(guarded);
}

/** A numeric (or otherwise trusted) cell: quoted when needed, never prefixed. */
export function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRecords(rows: string[][]): string {
  return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}

/** Natural order for reference designators: R2 before R10, then plain text order. */
export function compareRefs(a: string, b: string): number {
  // Own chunking rather than localeCompare so the order never depends on the ICU build.
  const ca = a.match(/\d+|\D+/g) ?? [];
  const cb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return ca.length - cb.length || (a < b ? -1 : a > b ? 1 : 0);
}
