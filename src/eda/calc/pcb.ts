import { ZapTraceError } from '../../kernel/errors.js';
import { requireRange, sig } from './input.js';

const MIL_PER_MM = 1000 / 25.4;
/** 1 oz/ft² copper taken as the usual nominal 35 µm (1.378 mil), as PCB calculators do. */
export const OZ_THICKNESS_MIL = 1.378;

/**
 * IPC-2221B §6.2 conductor sizing, the curve fit of its Figure 6-4 charts:
 *   I = k · ΔT^0.44 · A^0.725   (I in A, ΔT in °C, A in mil²; k = 0.048 outer layers, 0.024 inner)
 * Only the IPC-2221 fit is implemented, not IPC-2152's charts (which give narrower traces in most
 * stack-ups); the result says which it used. The fit is published for up to 35 A, 400 mil width,
 * 10–100 °C rise and 0.5–3 oz copper.
 */
function ipc2221Area(currentA: number, riseC: number, layer: 'outer' | 'inner'): number {
  const k = layer === 'outer' ? 0.048 : 0.024;
  return (currentA / (k * riseC ** 0.44)) ** (1 / 0.725);
}

export function traceWidth(p: { current_a: number; temp_rise_c: number; copper_oz: number; layer: 'outer' | 'inner'; length_mm?: number | undefined }) {
  requireRange('current_a', p.current_a, 0.01, 35, 'IPC-2221 fit range');
  requireRange('temp_rise_c', p.temp_rise_c, 1, 100);
  requireRange('copper_oz', p.copper_oz, 0.25, 6);
  const areaMil2 = ipc2221Area(p.current_a, p.temp_rise_c, p.layer);
  const widthMil = areaMil2 / (p.copper_oz * OZ_THICKNESS_MIL);
  const out: Record<string, unknown> = {
    standard: 'IPC-2221B',
    layer: p.layer,
    area_mil2: sig(areaMil2),
    width_mil: sig(widthMil),
    width_mm: sig(widthMil / MIL_PER_MM),
  };
  if (p.length_mm !== undefined) {
    requireRange('length_mm', p.length_mm, 0.01, 10_000);
    // Copper resistivity 1.724e-8 Ω·m at 20 °C (IEC 60028 annealed copper standard).
    const areaM2 = areaMil2 * (25.4e-6) ** 2;
    const r = (1.724e-8 * (p.length_mm / 1000)) / areaM2;
    out['resistance_ohm'] = sig(r);
    out['voltage_drop_v'] = sig(r * p.current_a);
  }
  return out;
}

/**
 * Via current: the plated barrel is a conductor of cross-section π·(d + t)·t (an annulus of plating t
 * inside a hole of finished diameter d), sized with the same IPC-2221B curve fit, outer-layer constant,
 * as common PCB calculators do. A first estimate only: IPC-2152 shows vias run cooler than that.
 */
export function viaCurrent(p: { drill_mm: number; plating_um: number; temp_rise_c: number; count: number }) {
  requireRange('drill_mm', p.drill_mm, 0.05, 10);
  requireRange('plating_um', p.plating_um, 5, 100);
  requireRange('temp_rise_c', p.temp_rise_c, 1, 100);
  const dMil = p.drill_mm * MIL_PER_MM;
  const tMil = (p.plating_um / 1000) * MIL_PER_MM;
  const areaMil2 = Math.PI * (dMil + tMil) * tMil;
  const one = 0.048 * p.temp_rise_c ** 0.44 * areaMil2 ** 0.725;
  return { standard: 'IPC-2221B (barrel as conductor)', barrel_area_mil2: sig(areaMil2), current_per_via_a: sig(one), count: p.count, current_total_a: sig(one * p.count) };
}

/**
 * Characteristic impedance, the IPC-2141A closed forms (also IPC-2251):
 *   surface microstrip  Z0 = 87 / √(εr + 1.41) · ln(5.98·h / (0.8·w + t)),  valid 0.1 < w/h < 2.0, 1 < εr < 15
 *   symmetric stripline Z0 = 60 / √εr · ln(1.9·b / (0.8·w + t)),            b = plane-to-plane spacing, w/(b−t) < 0.35, t/b < 0.25
 * w trace width, t copper thickness, h dielectric height to the plane. Out-of-range geometry is
 * answered, with `in_validity_range: false`, because the forms drift there.
 */
export function microstripImpedance(p: { width_mm: number; height_mm: number; thickness_mm: number; er: number }) {
  requireRange('width_mm', p.width_mm, 0.01, 50);
  requireRange('height_mm', p.height_mm, 0.01, 20);
  requireRange('thickness_mm', p.thickness_mm, 0, 1);
  requireRange('er', p.er, 1, 15);
  const arg = (5.98 * p.height_mm) / (0.8 * p.width_mm + p.thickness_mm);
  if (arg <= 1) throw new ZapTraceError('INVALID_INPUT', 'trace too wide for the dielectric height: the IPC-2141 form gives no impedance', { path: 'width_mm' });
  const z0 = (87 / Math.sqrt(p.er + 1.41)) * Math.log(arg);
  const ratio = p.width_mm / p.height_mm;
  return { standard: 'IPC-2141A microstrip', z0_ohm: sig(z0), w_over_h: sig(ratio, 3), in_validity_range: ratio > 0.1 && ratio < 2 };
}

export function striplineImpedance(p: { width_mm: number; plane_spacing_mm: number; thickness_mm: number; er: number }) {
  requireRange('width_mm', p.width_mm, 0.01, 50);
  requireRange('plane_spacing_mm', p.plane_spacing_mm, 0.02, 20);
  requireRange('thickness_mm', p.thickness_mm, 0, 1);
  requireRange('er', p.er, 1, 15);
  const b = p.plane_spacing_mm;
  if (p.thickness_mm >= b) throw new ZapTraceError('INVALID_INPUT', 'the trace must be thinner than the plane spacing', { path: 'thickness_mm' });
  const arg = (1.9 * b) / (0.8 * p.width_mm + p.thickness_mm);
  if (arg <= 1) throw new ZapTraceError('INVALID_INPUT', 'trace too wide for the plane spacing: the IPC-2141 form gives no impedance', { path: 'width_mm' });
  const z0 = (60 / Math.sqrt(p.er)) * Math.log(arg);
  return {
    standard: 'IPC-2141A stripline',
    z0_ohm: sig(z0),
    in_validity_range: p.width_mm / (b - p.thickness_mm) < 0.35 && p.thickness_mm / b < 0.25,
  };
}
