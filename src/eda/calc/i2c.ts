import { ZapTraceError } from '../../kernel/errors.js';
import { requireRange, sig } from './input.js';
import { snapToSeries, type ESeriesName } from './e-series.js';

/**
 * I²C pull-up range, NXP UM10204 rev. 7 (I²C-bus specification), §7.1 "Pull-up resistor sizing":
 *   Rp(min) = (VDD − VOL(max)) / IOL
 *   Rp(max) = tr / (0.8473 · Cb)       (0.8473 = ln(0.7/0.3): the 30 %→70 % rise in RC units)
 * with, from the SDA/SCL I/O-stage characteristics table: VOL(max) = 0.4 V at IOL = 3 mA (Standard/Fast mode) or 20 mA (Fast-mode Plus)
 * for VDD > 2 V, and 0.2·VDD below; tr(max) = 1000 / 300 / 120 ns; Cb(max) = 400 / 400 / 550 pF.
 * TI SLVA689 ("I2C Bus Pullup Resistor Calculation") works the same formulas through an example.
 */
const MODES = {
  standard: { tr_ns: 1000, iol_ma: 3, cb_max_pf: 400, f_khz: 100 },
  fast: { tr_ns: 300, iol_ma: 3, cb_max_pf: 400, f_khz: 400 },
  'fast-plus': { tr_ns: 120, iol_ma: 20, cb_max_pf: 550, f_khz: 1000 },
} as const;

export type I2cMode = keyof typeof MODES;
export const I2C_MODES = Object.keys(MODES) as I2cMode[];

export function i2cPullup(p: { vdd_v: number; bus_capacitance_pf: number; mode: I2cMode; series: ESeriesName }) {
  requireRange('vdd_v', p.vdd_v, 0.8, 5.5);
  const m = MODES[p.mode];
  requireRange('bus_capacitance_pf', p.bus_capacitance_pf, 1, m.cb_max_pf, `UM10204 limit for ${p.mode} mode`);
  const vol = p.vdd_v > 2 ? 0.4 : 0.2 * p.vdd_v;
  const rMin = (p.vdd_v - vol) / (m.iol_ma / 1000);
  const rMax = (m.tr_ns * 1e-9) / (0.8473 * p.bus_capacitance_pf * 1e-12);
  if (rMin > rMax) {
    throw new ZapTraceError('INVALID_INPUT', `no pull-up meets both limits: Rp(min) ${Math.round(rMin)} Ω exceeds Rp(max) ${Math.round(rMax)} Ω; lower the bus capacitance or the speed`, { path: 'bus_capacitance_pf' });
  }
  // The largest standard value inside the range: the least current, still meeting the rise time.
  const pick = snapToSeries(rMax, p.series, 'down');
  return {
    mode: p.mode,
    frequency_khz: m.f_khz,
    vol_v: sig(vol),
    iol_ma: m.iol_ma,
    rise_time_ns: m.tr_ns,
    rp_min_ohm: sig(rMin),
    rp_max_ohm: sig(rMax),
    recommended_ohm: pick >= rMin ? pick : null,
    series: p.series,
  };
}
