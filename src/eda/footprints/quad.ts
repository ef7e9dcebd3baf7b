import type { Footprint, Pad } from '../model/footprint.js';
import { assemble, centredRect, pinOneMark, smdPad, type Rect } from './build.js';
import { IPC_GOALS, clean, gullWingGoals, ipcLands, landWidthForPitch, range, tol, type FilletGoals, type LandResult, type Range } from './ipc7351.js';
import { fmtRange } from './smd-two-row.js';

/**
 * Quad packages (QFP gull-wing, QFN no-lead) and dual no-lead packages (DFN/SON), with an optional
 * exposed pad. Numbering counter-clockwise seen from the top, pin 1 at the top of the left side
 * (JEDEC MO-220 / MS-026 convention); the exposed pad is numbered pins+1 like in datasheets.
 */

/** Lands never come closer than this to the exposed pad; a land that would is trimmed at its inner end. */
export const EP_CLEARANCE_MM = 0.2;

export interface ExposedPad {
  widthMm: number;
  heightMm: number;
}

export interface QuadSpec {
  name: string;
  family: string;
  description: string;
  /** Pins on the left/right sides and on the top/bottom sides (equal for square parts). */
  pinsPerSide: [number, number];
  pitchMm: number;
  /** For QFP: lead tip to tip (E, D). For QFN: body size (E, D). [x, y]. */
  spanMm: [Range, Range];
  footMm: Range;
  leadWidthMm: Range;
  bodyMm: [number, number];
  ep?: ExposedPad;
  noLead: boolean;
  outline: string;
}

/** Inner-corner lands of adjacent sides keep this much x and y offset (diagonal gap ≈ 0.21 mm). */
export const CORNER_OFFSET_MM = 0.15;

function trimForEp(land: LandResult, epHalf: number | undefined, innerMin = 0): { centre: number; length: number } {
  const outer = land.padCentreMm + land.padLengthMm / 2;
  let inner = Math.max(land.padCentreMm - land.padLengthMm / 2, innerMin);
  if (epHalf !== undefined && inner < epHalf + EP_CLEARANCE_MM) inner = epHalf + EP_CLEARANCE_MM;
  return { centre: clean((outer + inner) / 2), length: clean(outer - inner) };
}

export function quadFootprint(spec: QuadSpec): Footprint {
  const goals: FilletGoals = spec.noLead ? IPC_GOALS.qfn : gullWingGoals(spec.pitchMm);
  const [nSide, nTop] = spec.pinsPerSide;
  const landX = ipcLands({ spanMm: spec.spanMm[0], terminalMm: spec.footMm, widthMm: spec.leadWidthMm }, goals);
  const landY = ipcLands({ spanMm: spec.spanMm[1], terminalMm: spec.footMm, widthMm: spec.leadWidthMm }, goals);
  const p = spec.pitchMm;
  const w = landWidthForPitch(landX.padWidthMm, p);
  // A land's inner end stays clear of the perpendicular row's outermost land (corner clearance).
  const rowExtent = (count: number) => ((count - 1) / 2) * p + w / 2 + CORNER_OFFSET_MM;
  const lx = trimForEp(landX, spec.ep ? spec.ep.widthMm / 2 : undefined, rowExtent(nTop));
  const ly = trimForEp(landY, spec.ep ? spec.ep.heightMm / 2 : undefined, rowExtent(nSide));
  const pads: Pad[] = [];
  let n = 1;
  const off = (i: number, count: number) => (i - (count - 1) / 2) * p;
  for (let i = 0; i < nSide; i++) pads.push(smdPad(String(n++), -lx.centre, off(i, nSide), lx.length, w));
  for (let i = 0; i < nTop; i++) pads.push(smdPad(String(n++), off(i, nTop), ly.centre, w, ly.length));
  for (let i = 0; i < nSide; i++) pads.push(smdPad(String(n++), lx.centre, -off(i, nSide), lx.length, w));
  for (let i = 0; i < nTop; i++) pads.push(smdPad(String(n++), -off(i, nTop), -ly.centre, w, ly.length));
  if (spec.ep) pads.push(smdPad(String(n), 0, 0, spec.ep.widthMm, spec.ep.heightMm, { shape: 'rect' }));
  const body: Rect = centredRect(spec.bodyMm[0], spec.bodyMm[1]);
  const epText = spec.ep ? `, exposed pad ${spec.ep.widthMm}x${spec.ep.heightMm} mm (pad ${n})` : '';
  return assemble({
    name: spec.name,
    family: spec.family,
    description: spec.description,
    pads,
    body,
    courtyardExcessMm: goals.courtyardExcessMm,
    extraSilk: pinOneMark(pads, body),
    source: `${goals.table} density N; ${spec.outline}, pitch ${p} mm, L ${fmtRange(spec.footMm)}, b ${fmtRange(spec.leadWidthMm)}${epText}`,
  });
}

export interface QfnParams {
  name: string;
  description: string;
  pins: number;
  bodyMm: number | [number, number];
  pitchMm: number;
  ep?: number | [number, number];
  /** Terminal length L and width b; defaults per pitch from JEDEC MO-220. */
  footMm?: Range;
  leadWidthMm?: Range;
  outline?: string;
}

/** Square/rectangular QFN per JEDEC MO-220: body ±0.1 mm, L 0.3–0.5, b by pitch. */
export function qfn(params: QfnParams): Footprint {
  const [bx, by] = typeof params.bodyMm === 'number' ? [params.bodyMm, params.bodyMm] : params.bodyMm;
  const ep = params.ep === undefined ? undefined : typeof params.ep === 'number' ? { widthMm: params.ep, heightMm: params.ep } : { widthMm: params.ep[0], heightMm: params.ep[1] };
  const perSide = params.pins / 4;
  const qfnSpec: QuadSpec = {
    name: params.name,
    family: 'qfn',
    description: params.description,
    pinsPerSide: [perSide, perSide],
    pitchMm: params.pitchMm,
    spanMm: [tol(bx, 0.1), tol(by, 0.1)],
    footMm: params.footMm ?? range(0.3, 0.5),
    leadWidthMm: params.leadWidthMm ?? defaultLeadWidth(params.pitchMm),
    bodyMm: [bx, by],
    noLead: true,
    outline: params.outline ?? `JEDEC MO-220 QFN ${bx}x${by} mm, ${params.pins} terminals`,
  };
  if (ep) qfnSpec.ep = ep;
  return quadFootprint(qfnSpec);
}

export function defaultLeadWidth(pitchMm: number): Range {
  if (pitchMm >= 0.8) return range(0.25, 0.35);
  if (pitchMm >= 0.65) return range(0.25, 0.35);
  if (pitchMm >= 0.5) return range(0.18, 0.3);
  return range(0.15, 0.25);
}

export interface QfpParams {
  name: string;
  description: string;
  pins: number;
  bodyMm: number;
  pitchMm: number;
  outline: string;
}

/** LQFP/TQFP leads per JEDEC MS-026: lead span = body + 2 mm (±0.2), foot 0.45–0.75, lead width by pitch. */
export function qfpLeads(bodyMm: number, pitchMm: number): { spanMm: Range; footMm: Range; leadWidthMm: Range } {
  return {
    spanMm: tol(bodyMm + 2, 0.2),
    footMm: range(0.45, 0.75),
    leadWidthMm: pitchMm >= 0.8 ? range(0.3, 0.45) : pitchMm >= 0.65 ? range(0.22, 0.38) : range(0.17, 0.27),
  };
}

export function qfp(params: QfpParams): Footprint {
  const perSide = params.pins / 4;
  const leads = qfpLeads(params.bodyMm, params.pitchMm);
  return quadFootprint({
    name: params.name,
    family: 'qfp',
    description: params.description,
    pinsPerSide: [perSide, perSide],
    pitchMm: params.pitchMm,
    spanMm: [leads.spanMm, leads.spanMm],
    footMm: leads.footMm,
    leadWidthMm: leads.leadWidthMm,
    bodyMm: [params.bodyMm, params.bodyMm],
    noLead: false,
    outline: params.outline,
  });
}

export interface SonParams {
  name: string;
  description: string;
  pins: number;
  /** Body [across the rows, along the rows]. */
  bodyMm: [number, number];
  pitchMm: number;
  ep?: [number, number];
  footMm?: Range;
  leadWidthMm?: Range;
  outline: string;
}

/** Dual flat no-lead (DFN/SON/WSON): IPC-7351B Table 3-16, rows left and right. */
export function son(params: SonParams): Footprint {
  const goals = IPC_GOALS.son;
  const perSide = params.pins / 2;
  const foot = params.footMm ?? range(0.3, 0.5);
  const b = params.leadWidthMm ?? defaultLeadWidth(params.pitchMm);
  const land = ipcLands({ spanMm: tol(params.bodyMm[0], 0.1), terminalMm: foot, widthMm: b }, goals);
  const l = trimForEp(land, params.ep ? params.ep[0] / 2 : undefined);
  const pads: Pad[] = [];
  const off = (i: number) => (i - (perSide - 1) / 2) * params.pitchMm;
  for (let i = 0; i < perSide; i++) pads.push(smdPad(String(i + 1), -l.centre, off(i), l.length, land.padWidthMm));
  for (let i = 0; i < perSide; i++) pads.push(smdPad(String(perSide + i + 1), l.centre, -off(i), l.length, land.padWidthMm));
  if (params.ep) pads.push(smdPad(String(params.pins + 1), 0, 0, params.ep[0], params.ep[1], { shape: 'rect' }));
  const body = centredRect(params.bodyMm[0], params.bodyMm[1]);
  const epText = params.ep ? `, exposed pad ${params.ep[0]}x${params.ep[1]} mm (pad ${params.pins + 1})` : '';
  return assemble({
    name: params.name,
    family: 'son',
    description: params.description,
    pads,
    body,
    courtyardExcessMm: goals.courtyardExcessMm,
    extraSilk: pinOneMark(pads, body),
    source: `${goals.table} density N; ${params.outline}, pitch ${params.pitchMm} mm, L ${fmtRange(foot)}, b ${fmtRange(b)}${epText}`,
  });
}
