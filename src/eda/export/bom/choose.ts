import type { Component, Design } from '../../model/design.js';
import type { LibraryPart } from '../../model/part.js';
import { quantityOf } from '../../library/values.js';
import { parseValue } from '../../library/values.js';
import { chipSizeIn } from '../../library/text.js';
import { resolveFootprintName } from '../../footprints/resolve.js';
import { axialResistor, dielectricIn, pickCrystal, pickInductor, pickMlcc, pickResistor, railVolts, ratedVoltsIn, tolerancePctIn, type Chosen, type PassiveChoice } from './passives.js';

/**
 * What the BOM orders for one component (docs/exports.md, "BOM: manufacturer and MPN"):
 *
 * 1. the design's own MPN unless its maker is "Generic" (a placeholder copied from the library);
 * 2. chip resistors, MLCCs and crystals, whose imported library records carry placeholders
 *    (`CC0603`, `RES-0603-10k`, maker "Generic"): a catalogue part by value, dielectric,
 *    tolerance, rated voltage and case from a series on record (passives.ts, series.ts), or no
 *    part and the reason; the voltage needed is the rating written in the value ("10uF 25V"), else
 *    1.5 × the highest rail the part's nets name ("+12V", "VCC_3V3") or feed (a CR2032 on the
 *    net: 3 V), else 16 V;
 * 3. a few generic mechanical parts by footprint (below), each a standard catalogue part;
 * 4. the library part's MPN when its maker is not "Generic" and its package is the footprint's
 *    (an AMS1117 drawn on SOT-23-5 cannot be bought as drawn: no MPN, "package mismatch: …");
 * 5. nothing: the line is left without an MPN (and `orderable: false`), never given a made-up one.
 * Board features (mounting holes, test points, fiducials) are marked as nothing to order.
 */
export interface Ordered {
  mpn: string | null;
  manufacturer: string | null;
  /** Why this part: the series rule, the design, the library, or why nothing. */
  source: string;
  /** True for board features: copper, nothing to order. */
  boardFeature: boolean;
}

const isGeneric = (maker: string | null | undefined): boolean => !maker || /^generic$/i.test(maker.trim());

/** Standard catalogue parts for generic mechanical footprints (manufacturers' catalogues). */
function mechanical(footprint: string, value: string): PassiveChoice | null {
  const f = footprint.toUpperCase();
  if (/USB-C-16P|TYPE-C-31-M-12/.test(f)) return { manufacturer: 'Korean Hroparts Elec', mpn: 'TYPE-C-31-M-12', description: 'USB-C 16P receptacle (the footprint\'s own part)' };
  const h1 = /PIN_?HEAD(?:ER)?[-_]1X0?(\d+)/.exec(f);
  if (h1) return { manufacturer: 'Würth Elektronik', mpn: `613${String(Number(h1[1])).padStart(3, '0')}11121`, description: 'WR-PHD 2.54 mm single-row pin header' };
  const h2 = /PIN_?HEAD(?:ER)?[-_]2X0?(\d+)/.exec(f);
  if (h2) return { manufacturer: 'Würth Elektronik', mpn: `612${String(2 * Number(h2[1])).padStart(3, '0')}21121`, description: 'WR-PHD 2.54 mm dual-row pin header' };
  // pSemi PE4259 SPDT RF switch: PE4259-63 is its 6-lead SC-70 (SOT-363) tape-and-reel part (pSemi PE4259 data sheet, ordering information).
  if (/SOT-363|SC-70-6/.test(f) && /^PE4259\b/i.test(value)) return { manufacturer: 'pSemi', mpn: 'PE4259-63', description: 'pSemi PE4259 SPDT RF switch, SC-70-6' };
  if (/SW_PUSH_6MM|TACT-6X6/.test(f)) return { manufacturer: 'Omron', mpn: 'B3F-1000', description: 'B3F 6 × 6 mm THT tactile switch' };
  if (/LED[-_]0603/.test(f) && /\bred\b/i.test(value)) return { manufacturer: 'Kingbright', mpn: 'APTD1608SURCK', description: 'red LED 0603' };
  if (/LED[-_]0603/.test(f) && /\bgreen\b/i.test(value)) return { manufacturer: 'Kingbright', mpn: 'APTD1608LZGCK', description: 'green LED 0603' };
  const tb = /TERMINAL-([23])P-5(?:\.0)?MM|TERMINALBLOCK_1X0([23])_P5\.00MM|TB-([23])P-5/.exec(f);
  if (tb) {
    const n = Number(tb[1] ?? tb[2] ?? tb[3]);
    return { manufacturer: 'Phoenix Contact', mpn: n === 2 ? '1935161' : '1935174', description: `MKDS 1,5/${n} screw terminal block, 5.0 mm pitch` };
  }
  return null;
}

const FEATURE = /MOUNTINGHOLE|MOUNTING_HOLE|^MH-|TESTPOINT|^TP[-_]|FIDUCIAL/i;

/** Lithium coin cells (CR prefix, IEC 60086-2) are 3 V nominal: a net such a cell feeds is a 3 V rail. */
const COIN_CELL = /\bCR(1220|1225|1616|1620|1632|2016|2025|2032|2330|2430|2450|2477)\b/i;

function needVolts(design: Design, comp: Component, value: string): number {
  const rated = ratedVoltsIn(value);
  if (rated !== null) return rated;
  let rail = 0;
  for (const net of Object.values(design.nets)) {
    if (!net.nodes.some((n) => n.component === comp.id)) continue;
    let v = railVolts(net.name) ?? 0;
    if (v === 0) {
      const cell = net.nodes.some((n) => {
        const other = design.components[n.component];
        return other !== undefined && other.id !== comp.id && COIN_CELL.test(`${other.type} ${other.value ?? ''}`);
      });
      if (cell) v = 3;
    }
    rail = Math.max(rail, v);
  }
  return rail > 0 ? rail * 1.5 : 16;
}

/**
 * The footprint drawn is neither the library part's own footprint nor its package (both names
 * resolved through the footprint catalogue), and both are known packages: the reason, else null.
 */
function packageMismatch(part: LibraryPart, footprint: string): string | null {
  const drawn = resolveFootprintName(footprint);
  const own = [part.package, part.footprint].map((n) => resolveFootprintName(n)).filter((n): n is string => n !== undefined);
  if (!drawn || own.length === 0 || own.includes(drawn) || footprint === part.footprint) return null;
  return `package mismatch: ${part.mpn} is ${part.package || own[0]}, the footprint is ${footprint}; not orderable as drawn (choose the variant in that package or change the footprint)`;
}

export function orderPart(design: Design, comp: Component, part: LibraryPart | undefined, value: string, footprint: string): Ordered {
  if (FEATURE.test(footprint)) return { mpn: null, manufacturer: null, source: 'board feature: nothing to order', boardFeature: true };
  // The design's own MPN stands unless it is a "Generic" placeholder copied from the library.
  if (comp.mpn && !/^generic$/i.test((comp.manufacturer ?? '').trim())) return { mpn: comp.mpn, manufacturer: comp.manufacturer, source: 'design', boardFeature: false };
  const byRef = /^R\d/i.test(comp.ref) ? 'resistance' : /^C\d/i.test(comp.ref) ? 'capacitance' : /^L\d/i.test(comp.ref) ? 'inductance' : null;
  const q = (part?.properties ? quantityOf(part) : null) ?? byRef;
  const parsed = parseValue(value.split(/\s+/)[0] ?? '');
  const size = chipSizeIn(footprint) ?? (part ? chipSizeIn(part.package) : null);
  const isCrystal = /^Y\d/i.test(comp.ref) || /crystal/i.test(comp.type);
  let choice: Chosen | null = null;
  if (q === 'resistance' && parsed !== null && (parsed.unit === null || parsed.unit === 'ohm')) {
    choice = /R_AXIAL|AXIAL-0\.4|DIN0207/i.test(footprint) ? axialResistor(parsed.value) : size ? pickResistor(parsed.value, size, tolerancePctIn(value) ?? 1) : null;
  } else if (q === 'capacitance' && parsed !== null && (parsed.unit === null || parsed.unit === 'F') && size) {
    choice = pickMlcc(parsed.value, size, needVolts(design, comp, value), { dielectric: dielectricIn(value), tolerancePct: tolerancePctIn(value) });
  } else if (q === 'inductance' && parsed !== null && (parsed.unit === null || parsed.unit === 'H') && size && !(part && !isGeneric(part.manufacturer) && part.mpn !== '')) {
    choice = pickInductor(parsed.value, size);
  } else if (isCrystal && parsed?.unit === 'Hz' && !(part && !isGeneric(part.manufacturer) && part.mpn !== '')) {
    choice = pickCrystal(parsed.value, footprint);
  } else {
    choice = mechanical(footprint, value);
  }
  if (choice && !('reason' in choice)) return { mpn: choice.mpn, manufacturer: choice.manufacturer, source: choice.description, boardFeature: false };
  if (part && part.mpn !== '' && !isGeneric(part.manufacturer)) {
    const mismatch = packageMismatch(part, footprint);
    if (mismatch) return { mpn: null, manufacturer: null, source: mismatch, boardFeature: false };
    return { mpn: part.mpn, manufacturer: part.manufacturer, source: 'library', boardFeature: false };
  }
  // A series that could not meet the spec says why, rather than the bare "choose one".
  const why = choice && 'reason' in choice ? choice.reason : 'no orderable part known: choose one';
  return { mpn: null, manufacturer: null, source: why, boardFeature: false };
}
