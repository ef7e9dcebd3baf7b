import { ZapTraceError } from '../../kernel/errors.js';
import { requireRange, sig } from './input.js';
import { snapToSeries, type ESeriesName } from './e-series.js';

/**
 * MCP73831/2 charge current: I_REG = 1000 V / R_PROG (Microchip DS20001984, equation 5-1,
 * I_REG in mA, R_PROG in kΩ), valid 15–500 mA. R_PROG is snapped to the next value ABOVE the exact
 * one so the cell is never charged faster than asked; charging above 1 C is refused.
 */
export function lipoChargeResistor(p: { charge_current_ma: number; capacity_mah?: number | undefined; series: ESeriesName }) {
  requireRange('charge_current_ma', p.charge_current_ma, 15, 500, 'MCP73831 programmable range');
  if (p.capacity_mah !== undefined) {
    requireRange('capacity_mah', p.capacity_mah, 10, 100_000);
    if (p.charge_current_ma > p.capacity_mah) throw new ZapTraceError('INVALID_INPUT', 'charge current above 1 C for this cell; most Li-Po cells allow at most 1 C', { path: 'charge_current_ma' });
  }
  const exactK = 1000 / p.charge_current_ma;
  const rK = snapToSeries(exactK, p.series, 'up');
  const actual = 1000 / rK;
  return {
    charger: 'MCP73831',
    rprog_exact_ohm: sig(exactK * 1000),
    rprog_ohm: sig(rK * 1000),
    charge_current_ma: sig(actual),
    c_rate: p.capacity_mah !== undefined ? sig(actual / p.capacity_mah, 3) : null,
    // The constant-current phase only: the constant-voltage tail comes on top.
    cc_phase_hours: p.capacity_mah !== undefined ? sig(p.capacity_mah / actual, 3) : null,
    regulation_v: 4.2,
  };
}

/**
 * Buck converter power stage, TI SLVA477B ("Basic Calculation of a Buck Converter's Power Stage"):
 *   D = Vout / (Vin(max) · η)
 *   ΔIL = r · Iout(max), r = 0.2–0.4 as the note estimates
 *   L = Vout · (Vin(max) − Vout) / (ΔIL · fsw · Vin(max))
 *   Cout(min) = ΔIL / (8 · fsw · ΔVout)
 *   ESR(max) = ΔVout / ΔIL
 *   Isw(max) = Iout(max) + ΔIL / 2
 */
export function buckLc(p: { vin_max_v: number; vout_v: number; iout_max_a: number; fsw_khz: number; ripple_ratio: number; vout_ripple_mv: number; efficiency: number }) {
  requireRange('vin_max_v', p.vin_max_v, 0.5, 1000);
  requireRange('vout_v', p.vout_v, 0.1, 1000);
  if (p.vout_v >= p.vin_max_v) throw new ZapTraceError('INVALID_INPUT', 'a buck needs vout_v below vin_max_v', { path: 'vout_v' });
  requireRange('iout_max_a', p.iout_max_a, 0.001, 1000);
  requireRange('fsw_khz', p.fsw_khz, 1, 100_000);
  requireRange('ripple_ratio', p.ripple_ratio, 0.05, 1, 'SLVA477B estimates 0.2–0.4');
  requireRange('vout_ripple_mv', p.vout_ripple_mv, 0.1, 10_000);
  requireRange('efficiency', p.efficiency, 0.3, 1);
  const fsw = p.fsw_khz * 1000;
  const duty = p.vout_v / (p.vin_max_v * p.efficiency);
  const dIl = p.ripple_ratio * p.iout_max_a;
  const l = (p.vout_v * (p.vin_max_v - p.vout_v)) / (dIl * fsw * p.vin_max_v);
  const dVout = p.vout_ripple_mv / 1000;
  const cMin = dIl / (8 * fsw * dVout);
  return {
    duty_cycle: sig(duty),
    inductor_ripple_a: sig(dIl),
    inductance_min_h: sig(l),
    inductance_h: snapToSeries(l, 'E6', 'up'),
    inductor_peak_a: sig(p.iout_max_a + dIl / 2),
    cout_min_f: sig(cMin),
    cout_esr_max_ohm: sig(dVout / dIl),
  };
}

/**
 * Decoupling plan for one IC supply: one 100 nF ceramic at every supply pin plus one bulk capacitor
 * per rail (ST AN2586, "Getting started with STM32F10xxx hardware development", power supply
 * scheme: 100 nF per VDD pin and one 4.7–10 µF on the main supply; Raspberry Pi's "Hardware design
 * with RP2040" places 100 nF per IOVDD pin). Voltage rating at least twice the rail: class-2
 * ceramics lose much of their capacitance under DC bias (Murata's DC-bias characteristic curves).
 */
export function decouplingPlan(p: { rail_v: number; supply_pins: number; bulk_uf: number; series: ESeriesName }) {
  requireRange('rail_v', p.rail_v, 0.5, 100);
  requireRange('supply_pins', p.supply_pins, 1, 256);
  requireRange('bulk_uf', p.bulk_uf, 0.1, 10_000);
  const ratings = [6.3, 10, 16, 25, 35, 50, 100, 200];
  const rated = ratings.find((r) => r >= 2 * p.rail_v) ?? null;
  const bulk = snapToSeries(p.bulk_uf * 1e-6, p.series, 'up');
  return {
    capacitors: [
      { value_f: 100e-9, count: p.supply_pins, dielectric: 'X7R', package: '0402 or 0603', rated_v: rated, placement: 'one at each supply pin, ≤ 2 mm, via straight to the ground plane' },
      { value_f: bulk, count: 1, dielectric: 'X5R/X7R', package: '0805 or larger', rated_v: rated, placement: 'at the rail entry to the IC' },
    ],
    total_f: sig(p.supply_pins * 100e-9 + bulk),
    min_rated_v: rated,
  };
}
