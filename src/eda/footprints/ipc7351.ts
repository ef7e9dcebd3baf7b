/**
 * IPC-7351B land-pattern calculation for two-row (and, per side, four-row) SMD terminations,
 * density level N ("nominal", Level B).
 *
 * Equations (IPC-7351B land-pattern calculation, the Z/G/X "profile tolerancing" method):
 *   Zmax = Lmin + 2·JT + √(CL² + F² + P²)
 *   Gmin = Smax − 2·JH − √(CS² + F² + P²)
 *   Xmax = Wmin + 2·JS + √(CW² + F² + P²)
 * where L is the overall terminal-to-terminal span, T the terminal (foot) length, W the terminal
 * width, S = L − 2T the inner span, C* the tolerance ranges, F the board fabrication tolerance and
 * P the placement tolerance. S's tolerance is taken as the root-sum-square of L and both T
 * tolerances (the standard's "RMS" inner span), and Smax is pulled in by half the difference.
 * Z is rounded up, G down and X up to the table's round-off increment.
 *
 * Fillet goals (JT toe, JH heel, JS side), round-off and courtyard excess per lead family are the
 * density-N columns of IPC-7351B Tables 3-2 … 3-22 (see docs/footprints.md).
 */

export interface Range {
  min: number;
  max: number;
}

export const range = (min: number, max: number): Range => ({ min, max });
/** A nominal value with a symmetric ± tolerance. */
export const tol = (nominal: number, plusMinus: number): Range => ({ min: nominal - plusMinus, max: nominal + plusMinus });
export const nom = (r: Range): number => (r.min + r.max) / 2;

export interface FilletGoals {
  /** Table reference, e.g. "IPC-7351B Table 3-2". */
  table: string;
  toeMm: number;
  heelMm: number;
  sideMm: number;
  /** Round-off increment for Z, G, X. */
  roundMm: number;
  courtyardExcessMm: number;
}

/** Density level N columns of IPC-7351B's solder-joint goal tables. */
export const IPC_GOALS = {
  /** Table 3-2: flat ribbon L and gull-wing leads, pitch > 0.625 mm. */
  gullWing: { table: 'IPC-7351B Table 3-2', toeMm: 0.35, heelMm: 0.35, sideMm: 0.03, roundMm: 0.05, courtyardExcessMm: 0.25 },
  /** Table 3-3: flat ribbon L and gull-wing leads, pitch ≤ 0.625 mm. */
  gullWingFine: { table: 'IPC-7351B Table 3-3', toeMm: 0.35, heelMm: 0.35, sideMm: -0.02, roundMm: 0.05, courtyardExcessMm: 0.25 },
  /** Table 3-4: J leads (toe and heel swap roles: the heel is outside). */
  jLead: { table: 'IPC-7351B Table 3-4', toeMm: 0, heelMm: 0.35, sideMm: 0.03, roundMm: 0.05, courtyardExcessMm: 0.25 },
  /** Table 3-5: rectangular/square-end chips ≥ 1608 (0603). */
  chip: { table: 'IPC-7351B Table 3-5', toeMm: 0.35, heelMm: 0, sideMm: 0, roundMm: 0.05, courtyardExcessMm: 0.25 },
  /** Table 3-6: rectangular/square-end chips < 1608 (0603). */
  chipSmall: { table: 'IPC-7351B Table 3-6', toeMm: 0.2, heelMm: 0, sideMm: 0, roundMm: 0.02, courtyardExcessMm: 0.15 },
  /** Table 3-7: cylindrical end-cap terminations (MELF, MiniMELF). */
  melf: { table: 'IPC-7351B Table 3-7', toeMm: 0.4, heelMm: 0.1, sideMm: 0.05, roundMm: 0.05, courtyardExcessMm: 0.25 },
  /** Table 3-13: inward flat ribbon L leads (molded diodes SMA/SMB/SMC, tantalum). Heel is outside. */
  moldedInward: { table: 'IPC-7351B Table 3-13', toeMm: 0.15, heelMm: 0.5, sideMm: -0.05, roundMm: 0.05, courtyardExcessMm: 0.25 },
  /** Table 3-15: quad flat no-lead (QFN). */
  qfn: { table: 'IPC-7351B Table 3-15', toeMm: 0.3, heelMm: 0, sideMm: -0.04, roundMm: 0.05, courtyardExcessMm: 0.25 },
  /** Table 3-16: small outline no-lead (SON/DFN). */
  son: { table: 'IPC-7351B Table 3-16', toeMm: 0.3, heelMm: 0, sideMm: -0.04, roundMm: 0.05, courtyardExcessMm: 0.25 },
} as const satisfies Record<string, FilletGoals>;

/** IPC-7351B default tolerances: board fabrication F and part placement P. */
export const FABRICATION_TOL_MM = 0.1;
export const PLACEMENT_TOL_MM = 0.05;

export interface TerminalDims {
  /** Overall span across the terminals (toe to toe). */
  spanMm: Range;
  /** Terminal (foot) length along the span. */
  terminalMm: Range;
  /** Terminal width. */
  widthMm: Range;
}

export interface LandResult {
  zMm: number;
  gMm: number;
  xMm: number;
  /** Pad length along the span, (Z − G)/2. */
  padLengthMm: number;
  /** Pad width across the span, X. */
  padWidthMm: number;
  /** Distance from the footprint centre to each pad centre, (Z + G)/4. */
  padCentreMm: number;
  goals: FilletGoals;
}

const EPS = 1e-9;
export const roundUp = (v: number, step: number): number => Math.ceil(v / step - EPS) * step;
export const roundDown = (v: number, step: number): number => Math.floor(v / step + EPS) * step;
export const roundTo = (v: number, step: number): number => Math.round(v / step) * step;
/** Cleans binary noise (0.30000000000000004) so coordinates print as written. */
export const clean = (v: number): number => Math.round(v * 1e6) / 1e6;

/**
 * Z/G/X for one pair of opposite terminations. `inward` selects the molded-body/J-lead form of the
 * equations, where the solder fillet forms on the outside of the terminal (IPC-7351B Tables 3-4,
 * 3-13): the table's heel goal then applies to Z and its toe goal to G.
 */
export function ipcLands(dims: TerminalDims, goals: FilletGoals, inward = false): LandResult {
  const F = FABRICATION_TOL_MM;
  const P = PLACEMENT_TOL_MM;
  const { spanMm: L, terminalMm: T, widthMm: W } = dims;
  const cl = L.max - L.min;
  const ct = T.max - T.min;
  const cw = W.max - W.min;
  const sMin = L.min - 2 * T.max;
  const sMax = L.max - 2 * T.min;
  const csRss = Math.sqrt(cl * cl + 2 * ct * ct);
  const sMaxRss = sMax - (sMax - sMin - csRss) / 2;
  const outer = inward ? goals.heelMm : goals.toeMm;
  const inner = inward ? goals.toeMm : goals.heelMm;
  const zRaw = L.min + 2 * outer + Math.hypot(cl, F, P);
  const gRaw = sMaxRss - 2 * inner - Math.hypot(csRss, F, P);
  const xRaw = W.min + 2 * goals.sideMm + Math.hypot(cw, F, P);
  const z = clean(roundUp(zRaw, goals.roundMm));
  const g = clean(Math.max(0, roundDown(gRaw, goals.roundMm)));
  const x = clean(roundUp(xRaw, goals.roundMm));
  return {
    zMm: z,
    gMm: g,
    xMm: x,
    padLengthMm: clean((z - g) / 2),
    padWidthMm: x,
    padCentreMm: clean((z + g) / 4),
    goals,
  };
}

/**
 * Copper gap kept between neighbouring lands of a row. The IPC nominal width of fine-pitch leads
 * (0.65 mm pitch and below) leaves 0.15 mm, less than the 0.2 mm clearance the router, our DRC
 * and KiCad's default rule demand between different nets, so such lands are narrowed to
 * pitch − 0.2 mm (RP2040 0.4 mm pitch → 0.2 mm lands, as its datasheet footprint).
 */
export const MIN_LAND_GAP_MM = 0.2;

export function landWidthForPitch(widthMm: number, pitchMm: number): number {
  return clean(Math.min(widthMm, pitchMm - MIN_LAND_GAP_MM));
}

/** Gull-wing goal table by pitch (IPC-7351B: Table 3-2 above 0.625 mm, Table 3-3 at or below). */
export const gullWingGoals = (pitchMm: number): FilletGoals => (pitchMm > 0.625 ? IPC_GOALS.gullWing : IPC_GOALS.gullWingFine);
