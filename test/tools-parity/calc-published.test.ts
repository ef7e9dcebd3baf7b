import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';
import { cohnStripline, hammerstadJensen } from '../helpers/impedance-models.js';

/**
 * The published figures of test/eda/calc/published-values.test.ts, asked of the calc_* tools over MCP
 * (an SDK Client on the in-memory transport, read grant, no session) instead of the functions: the
 * tools' argument defaults and wrapping must not change a published number. Each expected value is
 * the published one with the tolerance its rounding allows (docs/zaptrace-parity.md, "Values checked
 * against published sources").
 */
async function calculator() {
  const { runtime } = await newRuntime();
  const client = await mcpClient(runtime, localPrincipal('read'));
  const call = async (tool: string, args: Record<string, unknown>) => {
    const r = await callTool(client, tool, args);
    expect(r.isError, JSON.stringify(r.data)).toBe(false);
    return r.data;
  };
  return { call, close: () => runtime.close() };
}
const within = (actual: number, expected: number, rel: number) => expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(rel);
/** The tool's efficiency default is 0.9; the datasheet examples size the inductor for an ideal converter. */
const buck = (p: Record<string, number>) => ({ vin_max_v: 12, vout_v: 3.3, iout_max_a: 1, fsw_khz: 500, ripple_ratio: 0.3, vout_ripple_mv: 10, efficiency: 1, ...p });

describe('calc_buck_lc over MCP against datasheet design examples (TI SLVA477B formulas)', () => {
  it('TI TPS54290 (SLUS973) example 1: 9.35 µH and 2.45 µH; onsemi NCP3170: 4.7 µH, 1.02 A p-p, 3.51 A peak; TI TPS40303 (SLUS964A): 35 µF', async () => {
    const { call, close } = await calculator();
    try {
      const ch1 = await call('calc_buck_lc', buck({ vin_max_v: 14, iout_max_a: 1.5, fsw_khz: 600 }));
      expect(ch1.inductor_ripple_a).toBeCloseTo(0.45, 6);
      within(ch1.inductance_min_h, 9.35e-6, 0.005);
      within((await call('calc_buck_lc', buck({ vin_max_v: 14, vout_v: 1.2, iout_max_a: 2.5, fsw_khz: 600 }))).inductance_min_h, 2.45e-6, 0.005);

      const ncp = await call('calc_buck_lc', buck({ iout_max_a: 3, ripple_ratio: 0.34 }));
      expect(ncp.duty_cycle).toBeCloseTo(0.275, 3);
      within(ncp.inductance_min_h, 4.7e-6, 0.01);
      expect(ncp.inductance_h).toBeCloseTo(4.7e-6, 12);
      within(ncp.inductor_ripple_a, 1.02, 0.005);
      within(ncp.inductor_peak_a, 3.51, 0.005);

      // TPS40303 Equation 7: 3.5 A ripple in 35 µF at 1.2 MHz is 10.42 mV of capacitive ripple.
      const tps = await call('calc_buck_lc', buck({ vin_max_v: 14, vout_v: 1.8, iout_max_a: 10, ripple_ratio: 0.35, fsw_khz: 1200, vout_ripple_mv: (3.5 / (8 * 35e-6 * 1.2e6)) * 1000 }));
      within(tps.cout_min_f, 35e-6, 0.001);
    } finally {
      await close();
    }
  });
});

describe('calc_trace_width via option over MCP: the barrel as an IPC-2221B conductor', () => {
  it('Advanced Circuits via calculator: 12 mil hole, 1 mil plating → 40.84 mil², 0.048·ΔT^0.44·A^0.725; KiCad: ≈ 3 A for 0.4 mm with 35 µm at 10 °C', async () => {
    const { call, close } = await calculator();
    try {
      const ac = await call('calc_trace_width', { current_a: 1, temp_rise_c: 10, via_drill_mm: 12 * 0.0254, via_plating_um: 25.4 });
      within(ac.via.barrel_area_mil2, Math.PI * 13, 0.001);
      within(ac.via.current_per_via_a, 0.048 * 10 ** 0.44 * (Math.PI * 13) ** 0.725, 0.001);
      // forum.kicad.info/t/via-diameters-calculation-and-order-info-pcb-manufacturer/62911 ("approx. 3 amps")
      const kicad = await call('calc_trace_width', { current_a: 5, temp_rise_c: 10, via_drill_mm: 0.4, via_plating_um: 35 });
      within(kicad.via.current_per_via_a, 3, 0.05);
      expect(kicad.via.vias_needed).toBe(2);
    } finally {
      await close();
    }
  });
});

describe('calc_impedance over MCP against published models', () => {
  it('microstrip within 3.5 % of Hammerstad–Jensen inside 0.1 < w/h < 2; 3 mm on 1.6 mm FR-4 ≈ 50 Ω; stripline within 5 % of Cohn, below it', async () => {
    const { call, close } = await calculator();
    try {
      for (const [w, h] of [[0.2, 0.2], [0.5, 0.3], [3, 1.6], [0.1, 0.5]] as const) {
        for (const er of [3.5, 4.6]) {
          const r = await call('calc_impedance', { kind: 'microstrip', width_mm: w, height_mm: h, thickness_mm: 0, er });
          expect(r.in_validity_range).toBe(true);
          expect([w, h, er, Math.abs(r.z0_ohm / hammerstadJensen(w, h, er) - 1) <= 0.035]).toEqual([w, h, er, true]);
        }
      }
      within((await call('calc_impedance', { kind: 'microstrip', width_mm: 3, height_mm: 1.6, thickness_mm: 0.035, er: 4.5 })).z0_ohm, 50, 0.03);
      for (const [w, b] of [[0.1, 0.5], [0.127, 0.508], [0.3, 1]] as const) {
        const r = await call('calc_impedance', { kind: 'stripline', width_mm: w, plane_spacing_mm: b, thickness_mm: 0, er: 4.3 });
        expect(r.in_validity_range).toBe(true);
        const ref = cohnStripline(w, b, 4.3);
        expect(r.z0_ohm).toBeLessThan(ref);
        expect([w, b, Math.abs(r.z0_ohm / ref - 1) <= 0.05]).toEqual([w, b, true]);
      }
    } finally {
      await close();
    }
  });
});
