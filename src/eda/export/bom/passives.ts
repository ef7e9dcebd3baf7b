import { parseValue } from '../../library/values.js';
import { CRYSTAL_STOCK, LOW_OHM_STOCK, MLCC_STOCK, MURATA_C0G_STOCK, RF_INDUCTOR_STOCK, RC_SERIES, RT_STOCK, mlccCodes, type Dielectric } from './series.js';

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
 *
 * The series tables and their ranges live in series.ts. A value, dielectric, tolerance, voltage or
 * case that no series on record meets gets no part number, and the reason says what was asked.
 */
export interface PassiveChoice {
  manufacturer: string;
  mpn: string;
  /** Series and what the letters say, for the BOM reader. */
  description: string;
}

/** A part, or why none on record fits (the BOM line then says so). */
export type Chosen = PassiveChoice | { reason: string };
export const picked = (p: Chosen): PassiveChoice | null => ('reason' in p ? null : p);

/** Yageo resistance code: 4700 → "4K7", 100 → "100R", 1e6 → "1M", 4.7 → "4R7", 0 → "0R". */
export function yageoResistanceCode(ohms: number): string | null {
  if (!(ohms >= 0) || !Number.isFinite(ohms)) return null;
  if (ohms === 0) return '0R';
  const [div, letter] = ohms >= 1e6 ? [1e6, 'M'] : ohms >= 1e3 ? [1e3, 'K'] : [1, 'R'];
  const v = Number((ohms / div).toPrecision(3));
  const [int, frac = ''] = String(v).split('.');
  return frac === '' ? `${int}${letter}` : `${int}${letter}${frac}`;
}

const ohmText = (o: number) => (o >= 1e6 ? `${o / 1e6} MΩ` : o >= 1e3 ? `${o / 1e3} kΩ` : `${o} Ω`);

/**
 * Chip resistor by value, tolerance and case: Yageo RC (1 %, or 5 % when asked; 0 Ω jumper is the
 * J part) inside its 1 Ω–10 MΩ range; tighter than 1 % only from the Yageo RT parts on record.
 */
export function pickResistor(ohms: number, size: string, tolerancePct = 1): Chosen {
  const code = yageoResistanceCode(ohms);
  if (code === null) return { reason: 'no orderable part known: resistance not understood' };
  if (tolerancePct < RC_SERIES.bestTolerancePct) {
    // The RT parts on record are tolerance B (0.1 %): they meet 0.1 % or looser, never tighter.
    const hit = tolerancePct >= 0.1 ? RT_STOCK.find(([o, s]) => same(o, ohms) && s === size) : undefined;
    if (hit) return { manufacturer: 'Yageo', mpn: hit[2], description: `Yageo RT series thin-film chip resistor ${size}, 0.1 %, 25 ppm/K` };
    return { reason: `no orderable part known: no series on record gives ${ohmText(ohms)} ${tolerancePct} % in ${size} (Yageo RC is 1 %/5 %)` };
  }
  if (ohms > 0 && ohms < RC_SERIES.minOhms) {
    const low = LOW_OHM_STOCK.find(([o, s]) => same(o, ohms) && s === size);
    if (low) return { manufacturer: low[2], mpn: low[3], description: `${low[2]} WSL current-sense resistor ${size}, 1 %` };
  }
  if (!(RC_SERIES.sizes as readonly string[]).includes(size)) return { reason: `no orderable part known: no chip resistor series on record in ${size}` };
  if (ohms !== 0 && (ohms < RC_SERIES.minOhms || ohms > RC_SERIES.maxOhms)) {
    return { reason: `no orderable part known: ${ohmText(ohms)} is outside the Yageo RC range (1 Ω–10 MΩ); no low-ohmic part on record for it` };
  }
  const tol = ohms === 0 || tolerancePct >= 5 ? 'J' : 'F';
  return {
    manufacturer: 'Yageo',
    mpn: `RC${size}${tol}R-07${code}L`,
    description: `Yageo RC series thick-film chip resistor ${size}, ${tol === 'F' ? '1 %' : '5 %'}`,
  };
}

/** Chip resistor part, or null (pickResistor says why). */
export function chipResistor(ohms: number, size: string, tolerancePct = 1): PassiveChoice | null {
  return picked(pickResistor(ohms, size, tolerancePct));
}

/** Axial metal-film resistor, DIN 0207 (1/4 W): Yageo MFR-25, 1 % (1 Ω–10 MΩ, Yageo MFR data sheet). */
export function axialResistor(ohms: number): PassiveChoice | null {
  const code = yageoResistanceCode(ohms);
  if (code === null || ohms < 1 || ohms > 10e6) return null;
  return { manufacturer: 'Yageo', mpn: `MFR-25FBF52-${code}`, description: 'Yageo MFR-25 metal-film axial resistor, 1/4 W, 1 %' };
}

const same = (a: number, b: number) => Math.abs(a - b) <= Math.max(a, b) * 1e-6;

/** Class-1 C0G beats X7R beats X5R: a part of a better dielectric meets a request for a worse one. */
const RANK: Record<Dielectric, number> = { C0G: 3, X7R: 2, X5R: 1 };

/** The dielectric a value text asks for ("1nF C0G", "100n NP0", "10u X5R"), else null. */
export function dielectricIn(text: string): Dielectric | null {
  const m = /\b(C0G|COG|NP0|NPO|X7R|X5R)\b/i.exec(text);
  if (!m) return null;
  const d = m[1]!.toUpperCase();
  return d === 'X7R' ? 'X7R' : d === 'X5R' ? 'X5R' : 'C0G';
}

const faradText = (f: number) => (f >= 1e-6 ? `${Number((f * 1e6).toPrecision(3))} µF` : f >= 1e-9 ? `${Number((f * 1e9).toPrecision(3))} nF` : `${Number((f * 1e12).toPrecision(3))} pF`);

/**
 * The MLCC of that capacitance and case whose rating covers `needV` (the lowest such rating), of
 * the dielectric and tolerance asked (when asked), or why the catalogue table has none.
 */
export function pickMlcc(farads: number, size: string, needV: number, want: { dielectric?: Dielectric | null; tolerancePct?: number | null } = {}): Chosen {
  const sized = MLCC_RECORDS.filter((r) => same(r.farads, farads) && r.size === size);
  const fits = sized
    .filter((r) => r.volts >= needV && (!want.dielectric || RANK[r.dielectric] >= RANK[want.dielectric]) && (want.tolerancePct == null || r.tolerancePct <= want.tolerancePct + 1e-9))
    .sort((a, b) => a.volts - b.volts);
  const hit = fits[0];
  if (!hit) {
    const asked = [faradText(farads), want.dielectric, want.tolerancePct != null ? `${want.tolerancePct} %` : null, size, `≥ ${Number(needV.toPrecision(3))} V`].filter(Boolean).join(' ');
    const have = sized.map((r) => `${r.dielectric} ${r.volts} V`).join(', ');
    return { reason: `no orderable part known: no MLCC on record for ${asked}${have ? ` (on record: ${have})` : ''}` };
  }
  const tol = hit.tolerancePct < 5 ? `±${Number((hit.tolerancePct * farads * 1e10).toPrecision(2))} pF` : `±${hit.tolerancePct} %`;
  return { manufacturer: hit.maker, mpn: hit.mpn, description: `${hit.series} MLCC ${size}, ${hit.dielectric}, ${tol}, ${hit.volts} V` };
}

interface MlccRecord { farads: number; size: string; volts: number; mpn: string; maker: string; series: string; dielectric: Dielectric; tolerancePct: number }
/** Samsung CL first (the table's order decides ties at one voltage), then the Murata C0G parts. */
const MLCC_RECORDS: readonly MlccRecord[] = [
  ...MLCC_STOCK.map(([farads, size, volts, mpn]) => ({ farads, size, volts, mpn, maker: 'Samsung Electro-Mechanics', series: 'Samsung CL series', ...mlccCodes(mpn) })),
  ...MURATA_C0G_STOCK.map(([farads, size, volts, mpn, tolerancePct]) => ({ farads, size, volts, mpn, maker: 'Murata', series: 'Murata GRM155', dielectric: 'C0G' as const, tolerancePct })),
];

/** An RF chip inductor of that inductance and case on record, or why none. */
export function pickInductor(henries: number, size: string | null): Chosen {
  const hit = RF_INDUCTOR_STOCK.find(([h, s]) => same(h, henries) && s === size);
  if (!hit) return { reason: `no orderable part known: no inductor on record for ${Number((henries * 1e9).toPrecision(3))} nH in ${size ?? 'this footprint'}` };
  return { manufacturer: 'Murata', mpn: hit[2], description: `Murata LQG15HS multilayer RF inductor ${size}, ±5 %` };
}

/** MLCC part, or null (pickMlcc says why). */
export function mlcc(farads: number, size: string, needV: number): PassiveChoice | null {
  return picked(pickMlcc(farads, size, needV));
}

/** A quartz crystal of that frequency whose package the footprint names (3225 = 3.2 × 2.5 mm), or why none. */
export function pickCrystal(hz: number, footprint: string): Chosen {
  const pkg = /3225|3\.2\s*[xX×]\s*2\.5/.test(footprint) ? '3225' : null;
  const hit = CRYSTAL_STOCK.find(([f, p]) => same(f, hz) && p === pkg);
  if (!hit) return { reason: `no orderable part known: no crystal on record for ${hz / 1e6} MHz on ${footprint || 'this footprint'}` };
  return { manufacturer: hit[2], mpn: hit[3], description: hit[4] };
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
