/**
 * Engineering-value parsing shared by the library, ERC and synthesis: "100n", "0.1uF", "100 nF",
 * "4k7", "4.7kΩ", "10µH", "3V3", "1M". Returns SI base units (ohm, farad, henry, volt, hertz), or null
 * when the text is not a value. Multipliers follow SI prefixes; "M" is mega (the usual reading on
 * schematics), "m" is milli.
 */
const PREFIX: Record<string, number> = {
  p: 1e-12,
  n: 1e-9,
  u: 1e-6,
  µ: 1e-6,
  μ: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
};

const UNIT = '(?:f|F|farad|h|H|henry|ohm|ohms|Ω|r|R|v|V|hz|Hz|HZ)?';
const PLAIN = new RegExp(`^([0-9]*\\.?[0-9]+)\\s*([pnuµμmkKMG]?)\\s*${UNIT}$`);
/** RKM code (IEC 60062): the prefix letter stands for the decimal point, "4k7", "2R2", "3V3", "1n5". */
const RKM = /^([0-9]+)([pnuµμmkKMGRrVv])([0-9]+)\s*(?:f|F|h|H|ohm|Ω)?$/;

export function parseSiValue(text: string): number | null {
  const t = text.trim();
  if (t.length === 0 || t.length > 40) return null;
  const plain = PLAIN.exec(t);
  if (plain) {
    const mult = PREFIX[plain[2] ?? ''];
    return mult === undefined ? null : round(Number(plain[1]) * mult);
  }
  const rkm = RKM.exec(t);
  if (rkm) {
    const letter = rkm[2]!;
    const mult = /[RrVv]/.test(letter) ? 1 : PREFIX[letter];
    if (mult === undefined) return null;
    return round(Number(`${rkm[1]}.${rkm[3]}`) * mult);
  }
  return null;
}

/** Rounds away binary noise so 0.1e-6 and 100e-9 compare equal. */
function round(v: number): number {
  return Number(v.toPrecision(12));
}

/** Formats an SI value with a prefix ("100n", "4.7k"), for messages and BOMs. */
export function formatSiValue(value: number, unit = ''): string {
  const prefixes: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
    [1, ''],
    [1e-3, 'm'],
    [1e-6, 'µ'],
    [1e-9, 'n'],
    [1e-12, 'p'],
  ];
  const abs = Math.abs(value);
  for (const [mult, p] of prefixes) {
    if (abs >= mult * 0.9999999) return `${Number((value / mult).toPrecision(4))}${p}${unit}`;
  }
  return `${value}${unit}`;
}
