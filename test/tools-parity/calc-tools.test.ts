import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { callTool, httpApp, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

/**
 * Each calculator through MCP (SDK client) and REST (supertest on the koa app), the two answers equal,
 * checked against a value published in the cited source, or worked by hand from its formula where the
 * source prints none (marked "hand").
 */
async function surfaces() {
  const { runtime } = await newRuntime();
  const client = await mcpClient(runtime, localPrincipal('read'));
  const { app } = await httpApp(runtime);
  const agent = request(app.callback());
  return async (tool: string, args: Record<string, unknown>) => {
    const mcp = await callTool(client, tool, args);
    const rest = await agent.post(`/api/v1/tools/${tool}`).send(args);
    if (mcp.isError) return { error: mcp.data.error, status: rest.status, restError: rest.body.error };
    expect(rest.status).toBe(200);
    expect(rest.body.result).toEqual(mcp.data);
    return mcp.data;
  };
}

describe('calculators through MCP and REST', () => {
  it('LED resistor: (5 V − 2 V) / 20 mA = 150 Ω; a 213 Ω result rounds UP to 220 Ω', async () => {
    const call = await surfaces();
    expect(await call('calc_led_resistor', { supply_v: 5, forward_v: 2, current_ma: 20 })).toMatchObject({ resistor_exact_ohm: 150, resistor_ohm: 150, current_ma: 20, resistor_power_w: 0.06, resistor_rating_w: 0.125 });
    const up = await call('calc_led_resistor', { supply_v: 5, forward_v: 1.8, current_ma: 15 });
    expect(up).toMatchObject({ resistor_exact_ohm: 213.3, resistor_ohm: 220, current_ma: 14.55 });
    expect(await call('calc_led_resistor', { supply_v: 12, forward_v: 3.2, current_ma: 20, leds_in_series: 3 })).toMatchObject({ resistor_ohm: 120 });
    const tooMany = await call('calc_led_resistor', { supply_v: 5, forward_v: 3.2, current_ma: 20, leds_in_series: 2 });
    expect(tooMany.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'supply_v' } });
    expect(tooMany.status).toBe(400);
  });

  it('voltage divider: 5 V over 10k/20k gives 3.333 V and 166.7 µA; 12 V → 5 V picks an E24 pair within 1 %', async () => {
    const call = await surfaces();
    expect(await call('calc_voltage_divider', { vin_v: 5, r1_ohm: 10_000, r2_ohm: 20_000 })).toMatchObject({ vout_v: 3.333, current_ua: 166.7, thevenin_ohm: 6667 });
    const pick = await call('calc_voltage_divider', { vin_v: 12, vout_v: 5 });
    expect(Math.abs(pick.error_pct)).toBeLessThan(1);
    expect(pick.r2_ohm).toBeGreaterThanOrEqual(10_000);
    expect(pick.vout_v).toBeCloseTo((12 * pick.r2_ohm) / (pick.r1_ohm + pick.r2_ohm), 3);
    expect((await call('calc_voltage_divider', { vin_v: 5, vout_v: 6 })).error.code).toBe('INVALID_INPUT');
  });

  it('RC cut-off: 1 kΩ with 100 nF is 1.592 kHz; asking 1 kHz with 10 nF gives 15.9 kΩ exact, 15 kΩ in E12', async () => {
    const call = await surfaces();
    expect(await call('calc_rc_filter', { r_ohm: 1000, c_f: 100e-9 })).toMatchObject({ fc_hz: 1592, tau_s: 1e-4 });
    expect(await call('calc_rc_filter', { c_f: 10e-9, fc_hz: 1000 })).toMatchObject({ r_exact_ohm: 15920, r_ohm: 15_000, fc_hz: 1061 });
    expect((await call('calc_rc_filter', { r_ohm: 1000 })).error.details.path).toBe('fc_hz');
  });

  it('I²C pull-up: TI SLVA689 worked example, 3.3 V standard mode, 200 pF → 966.7 Ω … 5.9 kΩ; fast mode at 400 pF has no solution', async () => {
    const call = await surfaces();
    const std = await call('calc_i2c_pullup', { vdd_v: 3.3, bus_capacitance_pf: 200, mode: 'standard' });
    expect(std).toMatchObject({ rp_min_ohm: 966.7, rp_max_ohm: 5901, vol_v: 0.4, iol_ma: 3, recommended_ohm: 5600 });
    // UM10204: fast mode, 300 ns rise, 100 pF → 3.54 kΩ maximum.
    expect(await call('calc_i2c_pullup', { vdd_v: 3.3, bus_capacitance_pf: 100, mode: 'fast' })).toMatchObject({ rp_max_ohm: 3541, recommended_ohm: 3300 });
    const none = await call('calc_i2c_pullup', { vdd_v: 3.3, bus_capacitance_pf: 400, mode: 'fast' });
    expect(none.error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'bus_capacitance_pf' } });
    expect((await call('calc_i2c_pullup', { vdd_v: 3.3, bus_capacitance_pf: 500, mode: 'fast' })).error.details).toMatchObject({ path: 'bus_capacitance_pf', max: 400 });
  });

  it('E-series snapping through the tool: 4.8k → 4.7k (E24), 10.3k → 10.2k (E96)', async () => {
    const call = await surfaces();
    expect(await call('calc_e_series', { value: 4800 })).toMatchObject({ value: 4700, tolerance: '5%' });
    expect(await call('calc_e_series', { value: 10_300, series: 'E96' })).toMatchObject({ value: 10_200, tolerance: '1%' });
    expect((await call('calc_e_series', { value: -1 })).error.code).toBe('INVALID_INPUT');
    expect((await call('calc_e_series', { value: 10, series: 'E7' })).error).toMatchObject({ code: 'INVALID_INPUT', details: { path: 'series' } });
  });

  it('USB-C CC: sink 2 × 5.1 kΩ Rd; source Rp 56k/22k/10k to 5 V and 36k/12k/4.7k to 3.3 V (Type-C spec)', async () => {
    const call = await surfaces();
    expect(await call('calc_usb_c_cc', {})).toMatchObject({ role: 'sink', value_ohm: 5100, count: 2 });
    const rp = async (current: string, rail: string) => (await call('calc_usb_c_cc', { role: 'source', current, pullup_rail_v: rail })).value_ohm;
    expect([await rp('default', '5'), await rp('1.5', '5'), await rp('3.0', '5')]).toEqual([56_000, 22_000, 10_000]);
    expect([await rp('default', '3.3'), await rp('1.5', '3.3'), await rp('3.0', '3.3')]).toEqual([36_000, 12_000, 4_700]);
  });

  it('decoupling: 4 supply pins at 3.3 V → 4 × 100 nF + 10 µF bulk, rated ≥ 6.6 V → 10 V', async () => {
    const call = await surfaces();
    const plan = await call('calc_decoupling', { rail_v: 3.3, supply_pins: 4 });
    expect(plan.capacitors.map((c: { value_f: number; count: number }) => [c.value_f, c.count])).toEqual([[1e-7, 4], [1e-5, 1]]);
    expect(plan.min_rated_v).toBe(10);
  });

  it('Li-Po charge: MCP73831 datasheet, 2 kΩ for 500 mA and 10 kΩ for 100 mA; above 1 C refused', async () => {
    const call = await surfaces();
    expect(await call('calc_lipo_charge', { charge_current_ma: 500 })).toMatchObject({ rprog_ohm: 2000, charge_current_ma: 500 });
    expect(await call('calc_lipo_charge', { charge_current_ma: 100, capacity_mah: 400 })).toMatchObject({ rprog_ohm: 10_000, c_rate: 0.25, cc_phase_hours: 4 });
    expect(await call('calc_lipo_charge', { charge_current_ma: 300 })).toMatchObject({ rprog_exact_ohm: 3333, rprog_ohm: 3600, charge_current_ma: 277.8 });
    expect((await call('calc_lipo_charge', { charge_current_ma: 500, capacity_mah: 300 })).error.details.path).toBe('charge_current_ma');
    expect((await call('calc_lipo_charge', { charge_current_ma: 900 })).error.details).toMatchObject({ path: 'charge_current_ma', max: 500 });
  });

  it('buck (hand, SLVA477B formulas): 12 V → 3.3 V, 2 A, 500 kHz, 30 % ripple, 33 mV → L ≥ 7.975 µH, Cout ≥ 4.545 µF', async () => {
    const call = await surfaces();
    const b = await call('calc_buck_lc', { vin_max_v: 12, vout_v: 3.3, iout_max_a: 2, fsw_khz: 500, ripple_ratio: 0.3, vout_ripple_mv: 33 });
    expect(b).toMatchObject({ duty_cycle: 0.3056, inductor_ripple_a: 0.6, inductance_min_h: 7.975e-6, inductance_h: 1e-5, inductor_peak_a: 2.3, cout_min_f: 4.545e-6, cout_esr_max_ohm: 0.055 });
    expect((await call('calc_buck_lc', { vin_max_v: 3, vout_v: 5, iout_max_a: 1, fsw_khz: 500 })).error.details.path).toBe('vout_v');
  });

  it('trace width: 1 A, 10 °C, 1 oz → 11.8 mil outer and 30.7 mil inner (IPC-2221 fit, as the Advanced Circuits calculator prints)', async () => {
    const call = await surfaces();
    const outer = await call('calc_trace_width', { current_a: 1 });
    expect(outer.standard).toBe('IPC-2221B');
    expect(outer.width_mm).toBeCloseTo(0.30, 2);
    expect(outer.width_mil).toBeCloseTo(11.8, 1);
    expect((await call('calc_trace_width', { current_a: 1, layer: 'inner' })).width_mil).toBeCloseTo(30.7, 0);
    const long = await call('calc_trace_width', { current_a: 1, length_mm: 100 });
    // 100 mm of 16.30 mil² (0.01052 mm²) copper: 1.724e-8 Ω·m · 0.1 m / 1.052e-8 m² = 0.164 Ω (hand).
    expect(long.resistance_ohm).toBeCloseTo(0.164, 2);
    expect((await call('calc_trace_width', { current_a: 50 })).error.details.path).toBe('current_a');
  });

  it('via current (hand, IPC-2221 fit on the barrel): a 0.3 mm hole with 25 µm plating carries 1.90 A at 10 °C, so 3 A needs 2 vias', async () => {
    const call = await surfaces();
    const v = await call('calc_trace_width', { current_a: 3, via_drill_mm: 0.3 });
    expect(v.via.current_per_via_a).toBeCloseTo(1.9, 2);
    expect(v.via.vias_needed).toBe(2);
  });

  it('impedance (hand, IPC-2141A forms): microstrip 0.35 mm on 0.2 mm FR-4 ≈ 48.6 Ω; stripline 0.15 mm in 0.5 mm ≈ 52.5 Ω', async () => {
    const call = await surfaces();
    const ms = await call('calc_impedance', { kind: 'microstrip', width_mm: 0.35, height_mm: 0.2 });
    expect(ms.z0_ohm).toBeCloseTo(48.58, 1);
    expect(ms.in_validity_range).toBe(true);
    // The usual "about 3 mm for 50 Ω on 1.6 mm FR-4" rule of thumb.
    expect((await call('calc_impedance', { kind: 'microstrip', width_mm: 3, height_mm: 1.6, er: 4.5 })).z0_ohm).toBeCloseTo(49, 0);
    const sl = await call('calc_impedance', { kind: 'stripline', width_mm: 0.15, plane_spacing_mm: 0.5 });
    expect(sl.z0_ohm).toBeCloseTo(52.46, 1);
    expect((await call('calc_impedance', { kind: 'stripline', width_mm: 0.15 })).error.details.path).toBe('plane_spacing_mm');
  });

  it('calculators are read-only and session-free: no session, no event, read grant suffices', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal(null));
    const res = await callTool(client, 'calc_rc_filter', { r_ohm: 1000, c_f: 1e-6 });
    expect(res.isError).toBe(false);
    expect((await runtime.listSessions(localPrincipal(null))).length).toBe(0);
  });
});
