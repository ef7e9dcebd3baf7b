import { ZapTraceError } from '../../kernel/errors.js';
import { E24 } from '../synth/values.js';

export const E_SERIES_NAMES = ['E6', 'E12', 'E24', 'E48', 'E96', 'E192'] as const;
export type ESeriesName = (typeof E_SERIES_NAMES)[number];

/** Tolerance each series is defined for (IEC 60063, table 1). */
export const E_TOLERANCE: Record<ESeriesName, string> = { E6: '20%', E12: '10%', E24: '5%', E48: '2%', E96: '1%', E192: '0.5%' };

function computed(n: number): number[] {
  return Array.from({ length: n }, (_, i) => {
    const v = Number((10 ** (i / n)).toFixed(2));
    return n === 192 && v === 9.19 ? 9.2 : v;
  });
}

/**
 * Preferred numbers of IEC 60063:2015 ("Preferred number series for resistors and capacitors").
 * E6–E24 carry two significant digits and keep their historical values (3.3, not the computed 3.2),
 * so they are listed (E24 once, in synth/values.ts; E6 and E12 are its subsets); E48–E192 are
 * 10^(i/n) rounded to three digits, with the standard's one exception: E192's 9.20 where the
 * rounding gives 9.19.
 */
const TABLES: Record<ESeriesName, readonly number[]> = {
  E6: E24.filter((_, i) => i % 4 === 0),
  E12: E24.filter((_, i) => i % 2 === 0),
  E24,
  E48: computed(48),
  E96: computed(96),
  E192: computed(192),
};

/** The mantissas (1.0 ≤ m < 10) of a series. */
export function eSeriesValues(series: ESeriesName): readonly number[] {
  return TABLES[series];
}

export type SnapMode = 'nearest' | 'up' | 'down';

/**
 * The series value nearest to `value` by ratio (the series are geometric, so "nearest" is measured
 * on a log scale), or the next at/above (`up`) or at/below (`down`).
 */
export function snapToSeries(value: number, series: ESeriesName, mode: SnapMode = 'nearest'): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new ZapTraceError('INVALID_INPUT', 'value must be a positive number', { path: 'value' });
  const decade = Math.floor(Math.log10(value));
  const candidates: number[] = [];
  for (const d of [decade - 1, decade, decade + 1]) for (const m of TABLES[series]) candidates.push(Number((m * 10 ** d).toPrecision(3)));
  const eps = value * 1e-9;
  if (mode === 'up') return candidates.filter((c) => c >= value - eps).reduce((a, b) => Math.min(a, b));
  if (mode === 'down') return candidates.filter((c) => c <= value + eps).reduce((a, b) => Math.max(a, b));
  return candidates.reduce((best, c) => (Math.abs(Math.log(c / value)) < Math.abs(Math.log(best / value)) ? c : best));
}
