/**
 * Measured DC-bias curves of class-2 MLCCs, Murata SimSurfing (https://ds.murata.co.jp/simsurfing/),
 * 25 °C, 0.01 Vrms: capacitance kept, in % of the value at 0 V, at these fractions of each part's
 * rated voltage (sampled from the SimSurfing exports published with the CDFER/Ceramic-Capacitor-Derating
 * notebook, linear between the exported points). A capacitor without its own curve takes the curve of
 * the nearest part here: same case first, then the closest value, then the closest rating — within a
 * case, value sets the dielectric layers far more than the rating does (compare the two 0805 10 µF parts).
 */
const BIAS_RATIOS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.35, 0.5, 0.65, 0.8, 1.0] as const;

type Curve = readonly [partNumber: string, caseSize: string, farads: number, ratedV: number, dielectric: string, keptPct: readonly number[]];

const MURATA_CURVES: readonly Curve[] = [
  ['GRM155R61E105KE11', '0402', 1e-6, 25, 'X5R', [102.7, 92.0, 78.1, 65.3, 54.9, 40.2, 28.0, 21.5, 17.5, 14.0]],
  ['GRM152R60J225ME05', '0402', 2.2e-6, 6.3, 'X5R', [100.7, 96.6, 89.9, 81.9, 73.8, 59.3, 43.2, 32.9, 26.0, 20.0]],
  ['GRM155R61A475MEAA', '0402', 4.7e-6, 10, 'X5R', [102.2, 98.9, 92.3, 84.1, 75.7, 60.4, 43.4, 32.6, 25.5, 19.3]],
  ['GRM155R60J106ME05', '0402', 10e-6, 6.3, 'X5R', [102.4, 99.5, 93.4, 85.6, 77.3, 61.7, 44.2, 33.1, 25.9, 20.0]],
  ['GRT188R61H105KE13', '0603', 1e-6, 50, 'X5R', [97.5, 86.9, 73.8, 61.6, 51.4, 36.9, 25.1, 18.9, 15.1, 11.5]],
  ['GRM188R61C225KE15', '0603', 2.2e-6, 16, 'X5R', [99.5, 94.2, 86.5, 78.1, 69.9, 55.7, 40.4, 30.2, 23.2, 17.3]],
  ['GRM188R61C475KE11', '0603', 4.7e-6, 16, 'X5R', [103.9, 99.6, 91.3, 81.7, 72.4, 56.7, 40.9, 31.4, 25.4, 20.3]],
  ['GRT188R61A106KE13', '0603', 10e-6, 10, 'X5R', [99.3, 93.9, 86.1, 77.5, 69.0, 54.2, 38.1, 27.6, 20.8, 15.1]],
  ['GRM188R61E106MA73', '0603', 10e-6, 25, 'X5R', [96.5, 82.2, 66.0, 52.3, 41.9, 29.0, 20.2, 16.1, 13.2, 10.0]],
  ['GRM186R60J226ME15', '0603', 22e-6, 6.3, 'X5R', [100.7, 96.6, 89.8, 81.9, 73.8, 59.2, 43.2, 32.8, 26.0, 19.9]],
  ['GRM219R61E475KA73', '0805', 4.7e-6, 25, 'X5R', [104.7, 94.9, 81.4, 68.9, 58.5, 43.5, 30.5, 23.2, 18.7, 14.9]],
  ['GRM21BR61E106KA73', '0805', 10e-6, 25, 'X5R', [104.1, 93.9, 79.5, 66.0, 55.0, 39.9, 27.8, 21.3, 17.2, 13.6]],
  ['GRM21BR61H106KE43', '0805', 10e-6, 50, 'X5R', [97.0, 74.9, 56.3, 43.5, 34.9, 24.8, 17.3, 13.4, 11.0, 9.0]],
  ['GRM21BR61E226ME44', '0805', 22e-6, 25, 'X5R', [98.2, 85.4, 70.2, 56.6, 46.0, 32.2, 22.4, 17.7, 14.5, 11.1]],
  ['GRM219R60J476ME44', '0805', 47e-6, 6.3, 'X5R', [100.5, 97.6, 92.5, 86.2, 79.3, 65.9, 49.4, 37.8, 29.8, 22.9]],
  ['GRM31CR71H475KA12', '1206', 4.7e-6, 50, 'X7R', [100.6, 98.3, 94.9, 90.4, 85.1, 73.1, 56.0, 42.8, 33.5, 25.4]],
  ['GRT31CR61H106KE01', '1206', 10e-6, 50, 'X5R', [102.5, 88.3, 72.4, 59.2, 49.1, 35.5, 24.5, 18.6, 15.1, 12.2]],
  ['GRT31CR61A226KE01', '1206', 22e-6, 10, 'X5R', [100.5, 99.4, 97.0, 93.6, 89.5, 80.4, 66.7, 54.8, 45.2, 35.6]],
  ['GRT31CR61E226KE01', '1206', 22e-6, 25, 'X5R', [98.3, 89.5, 78.1, 66.7, 56.6, 41.2, 27.3, 19.7, 15.1, 11.5]],
  ['GRM31CR61A476ME15', '1206', 47e-6, 10, 'X5R', [100.2, 96.4, 90.4, 83.5, 76.5, 63.4, 48.0, 37.0, 29.1, 21.9]],
  ['GRM31CR60J107MEA8', '1206', 100e-6, 6.3, 'X5R', [99.3, 97.2, 93.9, 89.8, 85.1, 75.0, 60.5, 48.5, 39.3, 30.4]],
];

const CASES = ['0201', '0402', '0603', '0805', '1206', '1210', '1812', '2220'];

export interface BiasEstimate {
  kept: number;
  reference: string;
  match: 'exact' | 'nearest';
}

/** Kept fraction of `curve` at `volts` (absolute), linear between samples; held at the last sample above the rating. */
function keptAt(curve: Curve, volts: number): number {
  const [, , , rated, , pct] = curve;
  const xs = [0, ...BIAS_RATIOS.map((r) => r * rated)];
  const ys = [100, ...pct];
  if (volts >= xs[xs.length - 1]!) return ys[ys.length - 1]! / 100;
  let i = 1;
  while (xs[i]! < volts) i++;
  const t = (volts - xs[i - 1]!) / (xs[i]! - xs[i - 1]!);
  return (ys[i - 1]! + t * (ys[i]! - ys[i - 1]!)) / 100;
}

/** The measured curve for a class-2 capacitor of this case, value and rating, at `volts`. */
export function murataBias(caseSize: string | null, farads: number, ratedV: number | null, volts: number): BiasEstimate {
  const ci = caseSize ? CASES.indexOf(caseSize) : -1;
  const score = (c: Curve) => [ci < 0 ? 0 : Math.abs(CASES.indexOf(c[1]) - ci), Math.abs(Math.log(c[2] / farads)), ratedV ? Math.abs(Math.log(c[3] / ratedV)) : 0] as const;
  const best = [...MURATA_CURVES].sort((a, b) => {
    const [sa, sb] = [score(a), score(b)];
    return sa[0] - sb[0] || sa[1] - sb[1] || sa[2] - sb[2];
  })[0]!;
  const exact = best[1] === caseSize && Math.abs(best[2] - farads) <= farads * 1e-6 && best[3] === ratedV;
  return { kept: keptAt(best, volts), reference: `${best[0]} (Murata SimSurfing)`, match: exact ? 'exact' : 'nearest' };
}
