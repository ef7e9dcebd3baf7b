/**
 * The passive and crystal series the BOM orders from, with the range each covers (docs/exports.md,
 * "BOM: passives"). Facts only, from the manufacturers' public documents named on each table; no
 * table or text copied. A value, spec or case no entry covers gets no part number.
 */

/** Yageo RC thick-film chip resistors (Yageo "RC_L" data sheet): 1 Ω to 10 MΩ, F 1 % / J 5 %, plus the 0 Ω jumper. */
export const RC_SERIES = { sizes: ['0201', '0402', '0603', '0805', '1206', '1210', '2010', '2512'], minOhms: 1, maxOhms: 10e6, bestTolerancePct: 1 } as const;

/**
 * Yageo RT thin-film precision chip resistors, tolerance B (0.1 %), D (25 ppm/K), paper tape,
 * 7-inch reel (Yageo RT series data sheet, "Ordering information"). Only part numbers on record
 * (Yageo's own spec-sheet page for RT0603BRD0710KL; distributor listings): [ohms, case, MPN].
 */
export const RT_STOCK: readonly [number, string, string][] = [
  [10e3, '0603', 'RT0603BRD0710KL'],
  [100e3, '0603', 'RT0603BRD07100KL'],
];

/**
 * Low-ohmic current-sense chip resistors on record, 1 %: [ohms, case, maker, MPN]. Vishay Dale WSL
 * power metal strip (Vishay document 30100: WSL + case + value `R0150` + tolerance `F` + packaging
 * `EA`).
 */
export const LOW_OHM_STOCK: readonly [number, string, string, string][] = [
  [0.01, '1206', 'Vishay Dale', 'WSL1206R0100FEA'],
  [0.015, '2512', 'Vishay Dale', 'WSL2512R0150FEA'],
];

export type Dielectric = 'C0G' | 'X7R' | 'X5R';

/**
 * Samsung Electro-Mechanics CL-series MLCCs (SEMCO "MLCC part numbering": `CL`, case `05` 0402,
 * `10` 0603, `21` 0805, `31` 1206, dielectric `C` C0G / `B` X7R / `A` X5R, capacitance code,
 * tolerance `J` 5 % / `K` 10 % / `M` 20 %, voltage `Q` 6.3 `P` 10 `O` 16 `A` 25 `B` 50 V,
 * thickness, `N…`). Thickness codes and the capacitance a case reaches at a voltage are the
 * catalogue's, so only these catalogue parts are offered: [farads, case, rated V, MPN].
 */
export const MLCC_STOCK: readonly [number, string, number, string][] = [
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
  // 47 µF 6.3 V X5R 1206 (SEMCO CL31A476MQHNNNE product page; common in published BOMs).
  [47e-6, '1206', 6.3, 'CL31A476MQHNNNE'],
];

/** Dielectric and tolerance the CL part number spells (5th letter; 11th letter). */
export function mlccCodes(mpn: string): { dielectric: Dielectric; tolerancePct: number } {
  const d = mpn[4] === 'C' ? 'C0G' : mpn[4] === 'B' ? 'X7R' : 'X5R';
  const t = mpn[10] === 'J' ? 5 : mpn[10] === 'K' ? 10 : 20;
  return { dielectric: d, tolerancePct: t };
}

/**
 * Murata GRM155 (0402) C0G 50 V MLCCs for RF matching, where the CL table has none (Murata "Part
 * numbering": GRM, `15` 0402, `5` 0.5 mm, `5C` C0G, `1H` 50 V, capacitance code, tolerance `B`
 * ±0.1 pF / `J` 5 %, `A01D` standard, 180 mm reel): [farads, case, rated V, MPN, tolerance %].
 */
export const MURATA_C0G_STOCK: readonly [number, string, number, string, number][] = [
  [1.8e-12, '0402', 50, 'GRM1555C1H1R8BA01D', (0.1 / 1.8) * 100],
  [6.8e-12, '0402', 50, 'GRM1555C1H6R8BA01D', (0.1 / 6.8) * 100],
  [100e-12, '0402', 50, 'GRM1555C1H101JA01D', 5],
];

/**
 * RF chip inductors on record: Murata LQG15HS, 0402 multilayer, ±5 % (Murata LQG15HS catalogue:
 * LQG15HS + value `12N` + tolerance `J` + `02D`): [henries, case, MPN].
 */
export const RF_INDUCTOR_STOCK: readonly [number, string, string][] = [
  [12e-9, '0402', 'LQG15HS12NJ02D'],
  [33e-9, '0402', 'LQG15HS33NJ02D'],
  [47e-9, '0402', 'LQG15HS47NJ02D'],
];

/**
 * Quartz crystals on record: [Hz, package key, maker, MPN, description]. Abracon ABM8: 3.2 × 2.5 mm
 * four-pad ceramic SMD (Abracon ABM8 data sheet); ABM8-32.000MHZ-B2-T is the 32 MHz part used in
 * published nRF52/nRF53 reference BOMs.
 */
export const CRYSTAL_STOCK: readonly [number, '3225', string, string, string][] = [
  [32e6, '3225', 'Abracon', 'ABM8-32.000MHZ-B2-T', 'Abracon ABM8 32 MHz crystal, 3.2 × 2.5 mm 4-pad'],
];
