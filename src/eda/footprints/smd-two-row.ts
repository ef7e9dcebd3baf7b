import type { Footprint, Pad } from '../model/footprint.js';
import { own } from '../../kernel/own.js';
import { assemble, centredRect, pinOneMark, smdPad, type Rect } from './build.js';
import { IPC_GOALS, gullWingGoals, ipcLands, landWidthForPitch, nom, range, tol, type FilletGoals, type Range } from './ipc7351.js';

/**
 * Two-terminal chips, molded diodes and dual-row leaded packages (SOD, SOT, SOIC, TSSOP, MSOP),
 * all laid out with the terminal rows left and right of the origin (x axis), pin 1 top-left.
 * Package dimensions are the JEDEC / EIA outline ranges cited in each `source`.
 */

export interface ChipSize {
  imperial: string;
  metric: string;
  lengthMm: Range;
  widthMm: Range;
  terminalMm: Range;
}

/** EIA-198 / IEC 60115-8 chip outlines as published in typical thick-film resistor datasheets. */
export const CHIP_SIZES: Record<string, ChipSize> = {
  '0201': { imperial: '0201', metric: '0603', lengthMm: tol(0.6, 0.03), widthMm: tol(0.3, 0.03), terminalMm: range(0.1, 0.2) },
  '0402': { imperial: '0402', metric: '1005', lengthMm: tol(1.0, 0.05), widthMm: tol(0.5, 0.05), terminalMm: range(0.1, 0.3) },
  '0603': { imperial: '0603', metric: '1608', lengthMm: tol(1.6, 0.1), widthMm: tol(0.8, 0.1), terminalMm: range(0.15, 0.45) },
  '0805': { imperial: '0805', metric: '2012', lengthMm: tol(2.0, 0.1), widthMm: tol(1.25, 0.1), terminalMm: range(0.2, 0.6) },
  '1206': { imperial: '1206', metric: '3216', lengthMm: tol(3.2, 0.2), widthMm: tol(1.6, 0.15), terminalMm: range(0.25, 0.75) },
  '1210': { imperial: '1210', metric: '3225', lengthMm: tol(3.2, 0.2), widthMm: tol(2.5, 0.2), terminalMm: range(0.25, 0.75) },
  '1812': { imperial: '1812', metric: '4532', lengthMm: tol(4.5, 0.2), widthMm: tol(3.2, 0.2), terminalMm: range(0.25, 0.75) },
  '2010': { imperial: '2010', metric: '5025', lengthMm: tol(5.0, 0.2), widthMm: tol(2.5, 0.2), terminalMm: range(0.35, 0.85) },
  '2512': { imperial: '2512', metric: '6332', lengthMm: tol(6.3, 0.2), widthMm: tol(3.2, 0.2), terminalMm: range(0.35, 0.85) },
};

/** Rectangular end-cap chip (resistor, capacitor, inductor, chip LED): IPC-7351B Table 3-5 / 3-6. */
export function chipFootprint(code: string, name: string, description: string): Footprint {
  const size = own(CHIP_SIZES, code);
  if (!size) throw new Error(`no chip size ${code}`);
  const goals = nom(size.lengthMm) < 1.6 ? IPC_GOALS.chipSmall : IPC_GOALS.chip;
  const land = ipcLands({ spanMm: size.lengthMm, terminalMm: size.terminalMm, widthMm: size.widthMm }, goals);
  const pads = [
    smdPad('1', -land.padCentreMm, 0, land.padLengthMm, land.padWidthMm),
    smdPad('2', land.padCentreMm, 0, land.padLengthMm, land.padWidthMm),
  ];
  const body = centredRect(nom(size.lengthMm), nom(size.widthMm));
  return assemble({
    name,
    family: 'chip',
    description,
    pads,
    body,
    courtyardExcessMm: goals.courtyardExcessMm,
    source: `${goals.table} density N; EIA ${size.imperial} / ${size.metric} metric outline L ${fmtRange(size.lengthMm)}, W ${fmtRange(size.widthMm)}, T ${fmtRange(size.terminalMm)}`,
  });
}

export interface MoldedSpec {
  name: string;
  /** Defaults to "diode_molded" (pad 1 = cathode); tantalum capacitors use pad 1 = +. */
  family?: string;
  polarity?: string;
  description: string;
  spanMm: Range;
  terminalMm: Range;
  leadWidthMm: Range;
  bodyMm: [number, number];
  outline: string;
}

/** Molded-body diodes with inward-formed L leads (DO-214 SMA/SMB/SMC): IPC-7351B Table 3-13. Pad 1 = cathode. */
export function moldedFootprint(spec: MoldedSpec): Footprint {
  const goals = IPC_GOALS.moldedInward;
  const land = ipcLands({ spanMm: spec.spanMm, terminalMm: spec.terminalMm, widthMm: spec.leadWidthMm }, goals, true);
  const pads = [
    smdPad('1', -land.padCentreMm, 0, land.padLengthMm, land.padWidthMm),
    smdPad('2', land.padCentreMm, 0, land.padLengthMm, land.padWidthMm),
  ];
  const body = centredRect(spec.bodyMm[0], spec.bodyMm[1]);
  return assemble({
    name: spec.name,
    family: spec.family ?? 'diode_molded',
    description: spec.description,
    pads,
    body,
    courtyardExcessMm: goals.courtyardExcessMm,
    extraSilk: pinOneMark(pads, body),
    source: `${goals.table} density N (inward L leads); ${spec.outline}; ${spec.polarity ?? 'pad 1 = cathode'}`,
  });
}

export interface LeadPosition {
  number: string;
  side: 'left' | 'right';
  y: number;
  /** Lead width when this lead differs from the rest (SOT-223 tab). */
  leadWidthMm?: Range;
}

export interface DualRowSpec {
  name: string;
  family: string;
  description: string;
  pitchMm: number;
  /** Lead tip to lead tip across the rows (JEDEC "E"). */
  spanMm: Range;
  /** Foot length (JEDEC "L"). */
  footMm: Range;
  /** Lead width (JEDEC "b"). */
  leadWidthMm: Range;
  /** Body outline [length across rows (E1), length along rows (D)]. */
  bodyMm: [number, number];
  leads: LeadPosition[];
  outline: string;
  goals?: FilletGoals;
}

export function dualRowFootprint(spec: DualRowSpec): Footprint {
  const goals = spec.goals ?? gullWingGoals(spec.pitchMm);
  const base = ipcLands({ spanMm: spec.spanMm, terminalMm: spec.footMm, widthMm: spec.leadWidthMm }, goals);
  // Lands are narrowed to the closest spacing of leads on one side (a lone lead keeps its width).
  const spacing = Math.min(
    ...(['left', 'right'] as const).flatMap((side) => {
      const ys = spec.leads.filter((l) => l.side === side && !l.leadWidthMm).map((l) => l.y).sort((a, b) => a - b);
      return ys.slice(1).map((y, k) => y - ys[k]!);
    }),
  );
  const pads: Pad[] = spec.leads.map((lead) => {
    const land = lead.leadWidthMm
      ? ipcLands({ spanMm: spec.spanMm, terminalMm: spec.footMm, widthMm: lead.leadWidthMm }, goals)
      : base;
    const x = lead.side === 'left' ? -base.padCentreMm : base.padCentreMm;
    // A lead with its own width (a tab) is not one of the row's pitch-spaced leads: kept as computed.
    const width = lead.leadWidthMm || !Number.isFinite(spacing) ? land.padWidthMm : landWidthForPitch(land.padWidthMm, spacing);
    return smdPad(lead.number, x, lead.y, base.padLengthMm, width);
  });
  const body: Rect = centredRect(spec.bodyMm[0], spec.bodyMm[1]);
  return assemble({
    name: spec.name,
    family: spec.family,
    description: spec.description,
    pads,
    body,
    courtyardExcessMm: goals.courtyardExcessMm,
    extraSilk: pinOneMark(pads, body),
    source: `${goals.table} density N; ${spec.outline}`,
  });
}

/** Standard dual-in-line numbering: 1…n/2 down the left row, then up the right row. */
export function dualLeads(count: number, pitchMm: number): LeadPosition[] {
  const perSide = count / 2;
  const leads: LeadPosition[] = [];
  for (let i = 0; i < perSide; i++) leads.push({ number: String(i + 1), side: 'left', y: (i - (perSide - 1) / 2) * pitchMm });
  for (let i = 0; i < perSide; i++) leads.push({ number: String(perSide + i + 1), side: 'right', y: ((perSide - 1) / 2 - i) * pitchMm });
  return leads;
}

export interface SoFamily {
  family: string;
  pitchMm: number;
  spanMm: Range;
  footMm: Range;
  leadWidthMm: Range;
  bodyWidthMm: number;
  outline: string;
}

/** JEDEC outlines for the dual-row families (lead span E, foot L, lead width b, body E1). */
export const SO_FAMILIES = {
  soic: { family: 'soic', pitchMm: 1.27, spanMm: range(5.8, 6.2), footMm: range(0.4, 1.27), leadWidthMm: range(0.31, 0.51), bodyWidthMm: 3.9, outline: 'JEDEC MS-012 (SOIC 3.9 mm body)' },
  soicWide: { family: 'soic', pitchMm: 1.27, spanMm: range(10.0, 10.65), footMm: range(0.4, 1.27), leadWidthMm: range(0.31, 0.51), bodyWidthMm: 7.5, outline: 'JEDEC MS-013 (SOIC 7.5 mm body)' },
  tssop: { family: 'tssop', pitchMm: 0.65, spanMm: range(6.2, 6.6), footMm: range(0.45, 0.75), leadWidthMm: range(0.19, 0.3), bodyWidthMm: 4.4, outline: 'JEDEC MO-153 (TSSOP 4.4 mm body)' },
  msop8: { family: 'msop', pitchMm: 0.65, spanMm: range(4.75, 5.05), footMm: range(0.4, 0.7), leadWidthMm: range(0.22, 0.38), bodyWidthMm: 3.0, outline: 'JEDEC MO-187 AA (MSOP-8 / VSSOP-8)' },
  msop10: { family: 'msop', pitchMm: 0.5, spanMm: range(4.75, 5.05), footMm: range(0.4, 0.7), leadWidthMm: range(0.17, 0.27), bodyWidthMm: 3.0, outline: 'JEDEC MO-187 BA (MSOP-10 / VSSOP-10)' },
  ssop: { family: 'ssop', pitchMm: 0.65, spanMm: range(7.4, 8.2), footMm: range(0.55, 0.95), leadWidthMm: range(0.22, 0.38), bodyWidthMm: 5.3, outline: 'JEDEC MO-150 (SSOP 5.3 mm body)' },
  tsop2: { family: 'tsop', pitchMm: 0.8, spanMm: range(11.56, 11.96), footMm: range(0.4, 0.6), leadWidthMm: range(0.3, 0.45), bodyWidthMm: 10.16, outline: 'JEDEC MS-024 (TSOP type II, 400 mil body, 0.8 mm pitch)' },
  qsop: { family: 'ssop', pitchMm: 0.635, spanMm: range(5.8, 6.2), footMm: range(0.4, 1.27), leadWidthMm: range(0.2, 0.3), bodyWidthMm: 3.9, outline: 'JEDEC MO-137 (QSOP 3.9 mm body, 0.635 mm pitch)' },
} as const satisfies Record<string, SoFamily>;

export function soFootprint(fam: SoFamily, pins: number, bodyLengthMm: number, name: string, description: string): Footprint {
  return dualRowFootprint({
    name,
    family: fam.family,
    description,
    pitchMm: fam.pitchMm,
    spanMm: fam.spanMm,
    footMm: fam.footMm,
    leadWidthMm: fam.leadWidthMm,
    bodyMm: [fam.bodyWidthMm, bodyLengthMm],
    leads: dualLeads(pins, fam.pitchMm),
    outline: `${fam.outline}, ${pins} leads, pitch ${fam.pitchMm} mm, E ${fmtRange(fam.spanMm)}, L ${fmtRange(fam.footMm)}, b ${fmtRange(fam.leadWidthMm)}`,
  });
}

export function fmtRange(r: Range): string {
  return `${+r.min.toFixed(3)}–${+r.max.toFixed(3)} mm`;
}

/** MELF / MiniMELF cylindrical end caps: IPC-7351B Table 3-7. Pad 1 = cathode (banded end). */
export function melfFootprint(name: string, description: string, lengthMm: Range, diameterMm: Range, capMm: Range, outline: string): Footprint {
  const goals = IPC_GOALS.melf;
  const land = ipcLands({ spanMm: lengthMm, terminalMm: capMm, widthMm: diameterMm }, goals);
  const pads = [
    smdPad('1', -land.padCentreMm, 0, land.padLengthMm, land.padWidthMm),
    smdPad('2', land.padCentreMm, 0, land.padLengthMm, land.padWidthMm),
  ];
  const body = centredRect(nom(lengthMm), nom(diameterMm));
  return assemble({
    name,
    family: 'diode',
    description,
    pads,
    body,
    courtyardExcessMm: goals.courtyardExcessMm,
    extraSilk: pinOneMark(pads, body),
    source: `${goals.table} density N; ${outline}, L ${fmtRange(lengthMm)}, D ${fmtRange(diameterMm)}, cap ${fmtRange(capMm)}; pad 1 = cathode`,
  });
}
