import { parseValue } from '../../library/values.js';

/**
 * Orderable part numbers for chip resistors and MLCCs, built from the manufacturers' published
 * part-numbering systems (docs/exports.md, "BOM: passives"; facts, no data copied):
 *
 * - Yageo RC series thick-film chip resistors (Yageo "RC_L" data sheet, "Ordering information"):
 *   `RC` size (0201…2512), tolerance `F` 1 % / `J` 5 %, packaging `R` (paper tape on reel), `-07`
 *   (7-inch reel), resistance code (`1K`, `4K7`, `100R`, `0R`), `L` (lead-free).
 * - Yageo MFR series metal-film axial resistors, MFR-25 (1/4 W, DIN 0207), `FBF52` (1 %, bulk/tape),
 *   then the resistance code.
 * - Samsung Electro-Mechanics CL series MLCCs (SEMCO "MLCC part numbering"): `CL`, size (`05` 0402,
 *   `10` 0603, `21` 0805, `31` 1206), dielectric (`C` C0G, `B` X7R, `A` X5R), 3-digit capacitance
 *   code in pF, tolerance (`J` 5 %, `K` 10 %, `M` 20 %), rated voltage (`Q` 6.3, `P` 10, `O` 16,
 *   `A` 25, `B` 50, `C` 100 V), thickness, then `NNNC` (Ni/Sn, standard, 7-inch reel). The
 *   thickness codes and the capacitance a case and voltage can reach are the catalogue's, so only
 *   the combinations in `MLCC_STOCK` are offered: each is a standard catalogue part.
 */
export interface PassiveChoice {
  manufacturer: string;
  mpn: string;
  /** Series and what the letters say, for the BOM reader. */
  description: string;
}

const RC_SIZES = ['0201', '0402', '0603', '0805', '1206', '1210', '2010', '2512'];

/** Yageo resistance code: 4700 → "4K7", 100 → "100R", 1e6 → "1M", 4.7 → "4R7", 0 → "0R". */
export function yageoResistanceCode(ohms: number): string | null {
  if (!(ohms >= 0) || !Number.isFinite(ohms)) return null;
  if (ohms === 0) return '0R';
  const [div, letter] = ohms >= 1e6 ? [1e6, 'M'] : ohms >= 1e3 ? [1e3, 'K'] : [1, 'R'];
  const v = Number((ohms / div).toPrecision(3));
  const [int, frac = ''] = String(v).split('.');
  return frac === '' ? `${int}${letter}` : `${int}${letter}${frac}`;
}

/** Chip resistor: Yageo RC (1 % unless 5 % is asked; a 0 Ω jumper is always the J part). */
export function chipResistor(ohms: number, size: string, tolerancePct = 1): PassiveChoice | null {
  if (!RC_SIZES.includes(size)) return null;
  const code = yageoResistanceCode(ohms);
  if (code === null) return null;
  const tol = ohms === 0 || tolerancePct >= 5 ? 'J' : 'F';
  return {
    manufacturer: 'Yageo',
    mpn: `RC${size}${tol}R-07${code}L`,
    description: `Yageo RC series thick-film chip resistor ${size}, ${tol === 'F' ? '1 %' : '5 %'}`,
  };
}

/** Axial metal-film resistor, DIN 0207 (1/4 W): Yageo MFR-25, 1 %. */
export function axialResistor(ohms: number): PassiveChoice | null {
  const code = yageoResistanceCode(ohms);
  if (code === null || ohms === 0) return null;
  return { manufacturer: 'Yageo', mpn: `MFR-25FBF52-${code}`, description: 'Yageo MFR-25 metal-film axial resistor, 1/4 W, 1 %' };
}

/** [capacitance F, case, rated V, SEMCO part number] — standard CL-series catalogue parts. */
const MLCC_STOCK: readonly [number, string, number, string][] = [
  [10e-12, '0402', 50, 'CL05C100JB5NNNC'],
  [22e-12, '0402', 50, 'CL05C220JB5NNNC'],
  [1e-9, '0402', 50, 'CL05B102KB5NNNC'],
  [10e-9, '0402', 50, 'CL05B103KB5NNNC'],
  [100e-9, '0402', 16, 'CL05B104KO5NNNC'],
  [1e-6, '0402', 25, 'CL05A105KA5NQNC'],
  [10e-12, '0603', 50, 'CL10C100JB8NNNC'],
  [12e-12, '0603', 50, 'CL10C120JB8NNNC'],
  [15e-12, '0603', 50, 'CL10C150JB8NNNC'],
  [18e-12, '0603', 50, 'CL10C180JB8NNNC'],
  [20e-12, '0603', 50, 'CL10C200JB8NNNC'],
  [22e-12, '0603', 50, 'CL10C220JB8NNNC'],
  [27e-12, '0603', 50, 'CL10C270JB8NNNC'],
  [30e-12, '0603', 50, 'CL10C300JB8NNNC'],
  [33e-12, '0603', 50, 'CL10C330JB8NNNC'],
  [100e-12, '0603', 50, 'CL10C101JB8NNNC'],
  [1e-9, '0603', 50, 'CL10B102KB8NNNC'],
  [3.3e-9, '0603', 50, 'CL10B332KB8NNNC'],
  [10e-9, '0603', 50, 'CL10B103KB8NNNC'],
  [100e-9, '0603', 50, 'CL10B104KB8NNNC'],
  [1e-6, '0603', 50, 'CL10A105KB8NNNC'],
  [2.2e-6, '0603', 16, 'CL10A225KO8NNNC'],
  [4.7e-6, '0603', 16, 'CL10A475KO8NNNC'],
  [10e-6, '0603', 10, 'CL10A106KP8NNNC'],
  [10e-6, '0603', 16, 'CL10A106KO8NNNC'],
  [22e-6, '0603', 6.3, 'CL10A226MQ8NRNC'],
  [100e-9, '0805', 50, 'CL21B104KBCNNNC'],
  [1e-6, '0805', 50, 'CL21B105KBFNNNE'],
  [4.7e-6, '0805', 25, 'CL21A475KAQNNNE'],
  [10e-6, '0805', 25, 'CL21A106KAYNNNE'],
  [22e-6, '0805', 25, 'CL21A226MAQNNNE'],
  [100e-9, '1206', 50, 'CL31B104KBCNNNC'],
  [10e-6, '1206', 50, 'CL31A106KBHNNNE'],
  [22e-6, '1206', 25, 'CL31A226KAHNNNE'],
];

const same = (a: number, b: number) => Math.abs(a - b) <= Math.max(a, b) * 1e-6;

/**
 * The MLCC of that capacitance and case whose rating covers `needV` (the lowest such rating),
 * or null when the catalogue table has none: the BOM then says so instead of inventing one.
 */
export function mlcc(farads: number, size: string, needV: number): PassiveChoice | null {
  const fits = MLCC_STOCK.filter(([c, s, v]) => same(c, farads) && s === size && v >= needV).sort((a, b) => a[2] - b[2]);
  const hit = fits[0];
  if (!hit) return null;
  const dielectric = hit[3][4] === 'C' ? 'C0G' : hit[3][4] === 'B' ? 'X7R' : 'X5R';
  return { manufacturer: 'Samsung Electro-Mechanics', mpn: hit[3], description: `Samsung CL series MLCC ${size}, ${dielectric}, ${hit[2]} V` };
}

/**
 * The voltage a net carries, read from its name as designs write rails: "+12V", "VCC_3V3",
 * "5V0", "VBUS" (USB: 5 V). Null when the name says nothing.
 */
export function railVolts(netName: string): number | null {
  const n = netName.toUpperCase();
  if (/(^|[^A-Z])VBUS([^A-Z]|$)|USB_5V/.test(n)) return 5;
  const m = /(\d+)V(\d+)?(?![0-9])/.exec(n) ?? /(\d+(?:\.\d+)?)V/.exec(n);
  if (!m) return null;
  const v = m[2] !== undefined ? Number(`${m[1]}.${m[2]}`) : Number(m[1]);
  return Number.isFinite(v) && v > 0 && v <= 1000 ? v : null;
}

/** A rated voltage written in a value text ("10uF 25V"), else null. */
export function ratedVoltsIn(text: string): number | null {
  for (const tok of text.split(/[\s,/]+/)) {
    const p = parseValue(tok);
    if (p?.unit === 'V') return p.value;
  }
  return null;
}

/** A tolerance written in a value text ("10k 1%"), else null. */
export function tolerancePctIn(text: string): number | null {
  const m = /(\d+(?:\.\d+)?)\s*%/.exec(text);
  return m ? Number(m[1]) : null;
}
