import { ZapTraceError } from '../../kernel/errors.js';
import { snapToSeries, type ESeriesName } from './e-series.js';
import { requireRange, sig } from './input.js';

/**
 * LED series resistor: R = (Vsupply − n·Vf) / I (Ohm's law over the resistor; e.g. the worked
 * example of Horowitz & Hill, The Art of Electronics 3rd ed., §2.1.2). The standard value is the next
 * one ABOVE the exact value so the LED never runs over the asked current.
 */
export function ledResistor(p: { supply_v: number; forward_v: number; current_ma: number; leds_in_series: number; series: ESeriesName }) {
  requireRange('supply_v', p.supply_v, 0.1, 1000);
  requireRange('forward_v', p.forward_v, 0.5, 10);
  requireRange('current_ma', p.current_ma, 0.01, 10_000);
  const drop = p.supply_v - p.forward_v * p.leds_in_series;
  if (drop <= 0) throw new ZapTraceError('INVALID_INPUT', 'the supply must exceed the LEDs\' total forward voltage', { path: 'supply_v' });
  const i = p.current_ma / 1000;
  const exact = drop / i;
  const standard = snapToSeries(exact, p.series, 'up');
  const actualI = drop / standard;
  const power = actualI * actualI * standard;
  return {
    resistor_exact_ohm: sig(exact),
    resistor_ohm: standard,
    series: p.series,
    current_ma: sig(actualI * 1000),
    resistor_power_w: sig(power),
    // The smallest usual rating at least twice the dissipation: the common 50 % power derating.
    resistor_rating_w: [0.063, 0.1, 0.125, 0.25, 0.5, 1, 2].find((r) => r >= 2 * power) ?? null,
  };
}

/**
 * Voltage divider: Vout = Vin · R2 / (R1 + R2). With both resistors given it analyses them; with
 * `vout_v` it picks the E-series pair nearest the ratio, R2 in the decade of `r2_ohm` (default 10 kΩ).
 */
export function voltageDivider(p: { vin_v: number; vout_v?: number | undefined; r1_ohm?: number | undefined; r2_ohm?: number | undefined; series: ESeriesName }) {
  requireRange('vin_v', p.vin_v, -1000, 1000);
  if (p.vin_v === 0) throw new ZapTraceError('INVALID_INPUT', 'vin_v must not be zero', { path: 'vin_v' });
  const analyse = (r1: number, r2: number) => {
    const vout = (p.vin_v * r2) / (r1 + r2);
    return { r1_ohm: r1, r2_ohm: r2, vout_v: sig(vout), current_ua: sig((p.vin_v / (r1 + r2)) * 1e6), thevenin_ohm: sig((r1 * r2) / (r1 + r2)) };
  };
  if (p.vout_v === undefined) {
    if (p.r1_ohm === undefined || p.r2_ohm === undefined) throw new ZapTraceError('INVALID_INPUT', 'give vout_v, or both r1_ohm and r2_ohm', { path: 'vout_v' });
    requireRange('r1_ohm', p.r1_ohm, 0, 1e12);
    requireRange('r2_ohm', p.r2_ohm, 1e-3, 1e12);
    return { ...analyse(p.r1_ohm, p.r2_ohm), ratio: sig(p.r2_ohm / (p.r1_ohm + p.r2_ohm)) };
  }
  const ratio = p.vout_v / p.vin_v;
  if (!(ratio > 0 && ratio < 1)) throw new ZapTraceError('INVALID_INPUT', 'vout_v must lie strictly between 0 and vin_v', { path: 'vout_v' });
  const r2Hint = p.r2_ohm ?? 10_000;
  requireRange('r2_ohm', r2Hint, 1, 1e9);
  const r1Exact = (r2Hint * (1 - ratio)) / ratio;
  // Every R2 of the series in the hint's decade, each with the R1 that suits it best.
  let best = { r1: 0, r2: 0, err: Infinity };
  const decade = 10 ** Math.floor(Math.log10(r2Hint));
  for (let r2 = snapToSeries(decade, p.series, 'up'); r2 < decade * 10 * 0.9999; r2 = snapToSeries(r2 * 1.0001, p.series, 'up')) {
    const r1 = snapToSeries((r2 * (1 - ratio)) / ratio, p.series, 'nearest');
    const err = Math.abs(r2 / (r1 + r2) - ratio);
    if (err < best.err - 1e-12) best = { r1, r2, err };
  }
  const a = analyse(best.r1, best.r2);
  return { ...a, r1_exact_ohm: sig(r1Exact), r2_hint_ohm: r2Hint, error_pct: sig(((a.vout_v - p.vout_v) / p.vout_v) * 100, 3), series: p.series };
}

/**
 * First-order RC low/high-pass corner: fc = 1 / (2π·R·C) (The Art of Electronics 3rd ed., §1.7.1).
 * Give two of resistance, capacitance and cut-off; the third is computed (and snapped when it is a part).
 */
export function rcFilter(p: { r_ohm?: number | undefined; c_f?: number | undefined; fc_hz?: number | undefined; series: ESeriesName }) {
  const given = [p.r_ohm, p.c_f, p.fc_hz].filter((v) => v !== undefined).length;
  if (given !== 2) throw new ZapTraceError('INVALID_INPUT', 'give exactly two of r_ohm, c_f and fc_hz', { path: 'fc_hz' });
  const twoPi = 2 * Math.PI;
  if (p.fc_hz === undefined) {
    requireRange('r_ohm', p.r_ohm!, 1e-3, 1e12);
    requireRange('c_f', p.c_f!, 1e-15, 10);
    const fc = 1 / (twoPi * p.r_ohm! * p.c_f!);
    return { r_ohm: p.r_ohm!, c_f: p.c_f!, fc_hz: sig(fc), tau_s: sig(p.r_ohm! * p.c_f!) };
  }
  requireRange('fc_hz', p.fc_hz, 1e-6, 1e12);
  if (p.r_ohm === undefined) {
    requireRange('c_f', p.c_f!, 1e-15, 10);
    const exact = 1 / (twoPi * p.fc_hz * p.c_f!);
    const r = snapToSeries(exact, p.series);
    return { r_exact_ohm: sig(exact), r_ohm: r, c_f: p.c_f!, fc_hz: sig(1 / (twoPi * r * p.c_f!)), tau_s: sig(r * p.c_f!) };
  }
  requireRange('r_ohm', p.r_ohm, 1e-3, 1e12);
  const exact = 1 / (twoPi * p.fc_hz * p.r_ohm);
  const c = snapToSeries(exact, p.series);
  return { r_ohm: p.r_ohm, c_exact_f: sig(exact), c_f: c, fc_hz: sig(1 / (twoPi * p.r_ohm * c)), tau_s: sig(p.r_ohm * c) };
}
