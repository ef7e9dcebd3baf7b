/**
 * Component-value arithmetic for synthesis: E-series rounding (IEC 60063), LED series resistors,
 * I2C pull-ups (NXP UM10204 §7.1), crystal load capacitors and feedback dividers. Pure numbers in,
 * SI numbers out; `formatOhms`/`formatFarads` give the short engineering text used as a value.
 */

/** IEC 60063 E24 mantissas (also covers E12 and E6 as subsets). */
export const E24 = [1.0, 1.1, 1.2, 1.3, 1.5, 1.6, 1.8, 2.0, 2.2, 2.4, 2.7, 3.0, 3.3, 3.6, 3.9, 4.3, 4.7, 5.1, 5.6, 6.2, 6.8, 7.5, 8.2, 9.1] as const;
export const E12 = [1.0, 1.2, 1.5, 1.8, 2.2, 2.7, 3.3, 3.9, 4.7, 5.6, 6.8, 8.2] as const;

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Every value of a series between 10^lo and 10^hi, ascending. */
export function seriesValues(series: readonly number[], lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let d = lo; d <= hi; d++) for (const m of series) out.push(round4(m * 10 ** d) || m * 10 ** d);
  return out;
}

/** Nearest series value on a logarithmic scale (the tolerance bands of E-series are ratios). */
export function nearestE(value: number, series: readonly number[] = E24): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError('value must be positive');
  const decade = Math.floor(Math.log10(value));
  let best = value;
  let bestErr = Infinity;
  for (let d = decade - 1; d <= decade + 1; d++) {
    for (const m of series) {
      const v = m * 10 ** d;
      const err = Math.abs(Math.log(v / value));
      if (err < bestErr - 1e-12) {
        best = v;
        bestErr = err;
      }
    }
  }
  return Number(best.toPrecision(3));
}

/** Largest series value not above `limit`. */
export function floorE(limit: number, series: readonly number[] = E24): number {
  const decade = Math.floor(Math.log10(limit));
  let best = 0;
  for (let d = decade - 1; d <= decade; d++) for (const m of series) {
    const v = Number((m * 10 ** d).toPrecision(3));
    if (v <= limit * (1 + 1e-9) && v > best) best = v;
  }
  return best;
}

function eng(value: number, units: [number, string][], suffix: string): string {
  for (const [scale, prefix] of units) {
    if (Math.abs(value) >= scale * 0.999) {
      const n = Number((value / scale).toPrecision(3));
      return `${n}${prefix}${suffix}`;
    }
  }
  const [scale, prefix] = units[units.length - 1]!;
  return `${Number((value / scale).toPrecision(3))}${prefix}${suffix}`;
}

/** 4700 → "4.7k", 0.01 → "10m", 270 → "270". */
export const formatOhms = (ohms: number): string => eng(ohms, [[1e6, 'M'], [1e3, 'k'], [1, ''], [1e-3, 'm']], '');
/** 1e-7 → "100nF". */
export const formatFarads = (f: number): string => eng(f, [[1e-3, 'm'], [1e-6, 'u'], [1e-9, 'n'], [1e-12, 'p']], 'F');
export const formatHenries = (h: number): string => eng(h, [[1e-3, 'm'], [1e-6, 'u'], [1e-9, 'n']], 'H');

/** Typical forward voltage by LED colour (datasheet typicals of 0603 chip LEDs at a few mA). */
export const LED_VF: Record<string, number> = { red: 2.0, yellow: 2.1, orange: 2.1, green: 2.2, blue: 3.0, white: 3.0 };

/** Series resistor for an LED: (Vs − Vf) / I rounded to the nearest E24 value; the current it then gives. */
export function ledResistor(supplyV: number, vfV: number, currentA: number): { ohms: number; currentA: number } {
  if (supplyV <= vfV + 0.1) throw new RangeError(`supply ${supplyV} V leaves no headroom over the LED's ${vfV} V`);
  const ohms = nearestE((supplyV - vfV) / currentA);
  return { ohms, currentA: (supplyV - vfV) / ohms };
}

/**
 * I2C pull-up (UM10204 §7.1): Rmax = tr / (0.8473 · Cb) and Rmin = (VDD − VOL) / IOL with VOL 0.4 V,
 * IOL 3 mA. Cb is estimated at 15 pF of trace plus 10 pF per device. We take 60 % of Rmax for
 * margin, cap at 4.7 kΩ (noise immunity on short buses) and round down to E12.
 */
export function i2cPullup(busHz: number, devices: number, vddV: number): { ohms: number; rMaxOhms: number; rMinOhms: number; busPf: number } {
  const riseS = busHz > 400_000 ? 120e-9 : busHz > 100_000 ? 300e-9 : 1000e-9;
  const busPf = 15 + 10 * Math.max(1, devices);
  const rMax = riseS / (0.8473 * busPf * 1e-12);
  const rMin = (vddV - 0.4) / 3e-3;
  const upper = Math.min(4700, 0.6 * rMax);
  const fits = seriesValues(E12, 2, 4).filter((v) => v >= rMin && v <= upper);
  const ohms = fits.length > 0 ? fits[fits.length - 1]! : seriesValues(E12, 2, 4).find((v) => v >= rMin) ?? 4700;
  return { ohms, rMaxOhms: rMax, rMinOhms: rMin, busPf };
}

/** Crystal load capacitors: each C = 2 · (CL − Cstray), nearest E24. */
export function crystalLoadCap(loadPf: number, strayPf: number): { farads: number; exactPf: number } {
  const exactPf = 2 * (loadPf - strayPf);
  if (exactPf <= 0) throw new RangeError('stray capacitance exceeds the crystal load');
  return { farads: nearestE(exactPf) * 1e-12, exactPf };
}

/**
 * Feedback divider for Vout = Vref · (1 + Rtop / Rbottom): the E24 pair (Rbottom 10 k…47 k)
 * with the smallest output error.
 */
export function feedbackDivider(vrefV: number, voutV: number): { topOhms: number; bottomOhms: number; voutV: number } {
  let best = { topOhms: 0, bottomOhms: 0, voutV: 0 };
  let bestErr = Infinity;
  for (const bottom of seriesValues(E24, 4, 4).filter((v) => v <= 47_000)) {
    const top = nearestE(bottom * (voutV / vrefV - 1));
    const v = vrefV * (1 + top / bottom);
    const err = Math.abs(v - voutV);
    if (err < bestErr - 1e-9) {
      best = { topOhms: top, bottomOhms: bottom, voutV: v };
      bestErr = err;
    }
  }
  return best;
}

/** Current-shunt value: the largest standard shunt with full-scale drop ≤ `fullScaleV` at `maxA`. */
export function shuntResistor(maxA: number, fullScaleV: number): number {
  const standard = [0.001, 0.002, 0.003, 0.005, 0.01, 0.015, 0.02, 0.025, 0.05, 0.1];
  const limit = fullScaleV / maxA;
  return [...standard].reverse().find((r) => r <= limit) ?? standard[0]!;
}
