import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { E_SERIES_NAMES, E_TOLERANCE, eSeriesValues, snapToSeries } from '../eda/calc/e-series.js';
import { ledResistor, rcFilter, voltageDivider } from '../eda/calc/passive.js';
import { I2C_MODES, i2cPullup } from '../eda/calc/i2c.js';
import { usbCcResistors } from '../eda/calc/usb-c.js';
import { buckLc, decouplingPlan, lipoChargeResistor } from '../eda/calc/power.js';
import { microstripImpedance, striplineImpedance, traceWidth, viaCurrent } from '../eda/calc/pcb.js';
import { globalTool, looseObject } from './define.js';

/** Pure calculators of the Python ZapTrace's calc_* family (docs/zaptrace-parity.md): read level, no session, no event. */
const num = (d: string) => z.number().describe(d);
const Series = (dflt: (typeof E_SERIES_NAMES)[number]) => z.enum(E_SERIES_NAMES).default(dflt).describe('IEC 60063 series.');
const out = <S extends z.ZodRawShape>(shape: S) => looseObject(shape);

function calc<S extends z.ZodRawShape, O>(name: string, title: string, description: string, input: S, output: z.ZodType<O>, run: (i: z.infer<z.ZodObject<S>>) => O) {
  return globalTool({ name, title, description, level: 'read', input, output, handler: (i) => ({ result: run(i) }) });
}

export const calcTools = [
  calc('calc_e_series', 'Snap to an E-series value', 'Nearest (or next up/down) IEC 60063 preferred value (E6–E192).', {
    value: num('Value to snap (any unit, > 0).'),
    series: Series('E24'),
    mode: z.enum(['nearest', 'up', 'down']).default('nearest').describe('nearest by ratio, or next at/above, or at/below.'),
  }, out({ value: z.number(), series: z.string() }), (i) => {
    const snapped = snapToSeries(i.value, i.series, i.mode);
    return { value: snapped, requested: i.value, series: i.series, tolerance: E_TOLERANCE[i.series], error_pct: Number((((snapped - i.value) / i.value) * 100).toPrecision(3)), decade_values: eSeriesValues(i.series) };
  }),
  calc('calc_led_resistor', 'LED series resistor', 'R = (Vs − n·Vf)/I, next standard value up, power and rating.', {
    supply_v: num('Supply voltage, V.'),
    forward_v: num('LED forward voltage, V.'),
    current_ma: num('LED current, mA.'),
    leds_in_series: z.number().int().min(1).max(50).default(1).describe('LEDs in the string.'),
    series: Series('E24'),
  }, out({ resistor_ohm: z.number(), current_ma: z.number(), resistor_power_w: z.number() }), ledResistor),
  calc('calc_voltage_divider', 'Voltage divider', 'Best E-series R1/R2 for vout, or vout of given R1/R2.', {
    vin_v: num('Input voltage, V.'),
    vout_v: num('Wanted output voltage, V; omit to analyse r1/r2.').optional(),
    r1_ohm: num('Top resistor, Ω (analysis).').optional(),
    r2_ohm: num('Bottom resistor, Ω; with vout_v, the decade to pick R2 in (default 10k).').optional(),
    series: Series('E24'),
  }, out({ r1_ohm: z.number(), r2_ohm: z.number(), vout_v: z.number() }), voltageDivider),
  calc('calc_rc_filter', 'RC filter cut-off', 'fc = 1/(2πRC): give two of r_ohm, c_f, fc_hz.', {
    r_ohm: num('Resistance, Ω.').optional(),
    c_f: num('Capacitance, F.').optional(),
    fc_hz: num('Cut-off frequency, Hz.').optional(),
    series: Series('E12'),
  }, out({ fc_hz: z.number() }), rcFilter),
  calc('calc_i2c_pullup', 'I²C pull-up range', 'Rp min/max per NXP UM10204 and a standard value.', {
    vdd_v: num('Bus supply, V.'),
    bus_capacitance_pf: num('Total bus capacitance, pF.'),
    mode: z.enum(I2C_MODES).default('fast').describe('standard 100 kHz, fast 400 kHz, fast-plus 1 MHz.'),
    series: Series('E24'),
  }, out({ rp_min_ohm: z.number(), rp_max_ohm: z.number() }), i2cPullup),
  calc('calc_usb_c_cc', 'USB-C CC resistors', 'Rd (sink) or Rp (source) per the USB Type-C spec.', {
    role: z.enum(['sink', 'source']).default('sink').describe('sink: device; source: host/charger.'),
    current: z.enum(['default', '1.5', '3.0']).default('default').describe('Source: advertised current.'),
    pullup_rail_v: z.enum(['5', '3.3']).default('5').describe('Source: rail Rp pulls up to.'),
  }, out({ value_ohm: z.number(), count: z.number() }), usbCcResistors),
  calc('calc_decoupling', 'Decoupling plan', '100 nF per supply pin plus bulk per rail, with voltage rating.', {
    rail_v: num('Rail voltage, V.'),
    supply_pins: z.number().int().describe('Supply pins of the IC on this rail.'),
    bulk_uf: num('Bulk capacitance wanted, µF.').default(10),
    series: Series('E6'),
  }, out({ capacitors: z.array(z.unknown()) }), decouplingPlan),
  calc('calc_lipo_charge', 'Li-Po charge resistor', 'MCP73831 RPROG = 1000 V / I, next value up.', {
    charge_current_ma: num('Charge current, mA (15–500).'),
    capacity_mah: num('Cell capacity, mAh; refuses above 1 C.').optional(),
    series: Series('E24'),
  }, out({ rprog_ohm: z.number(), charge_current_ma: z.number() }), lipoChargeResistor),
  calc('calc_buck_lc', 'Buck inductor and output capacitor', 'L, Cout, ESR, peak current per TI SLVA477B.', {
    vin_max_v: num('Maximum input voltage, V.'),
    vout_v: num('Output voltage, V.'),
    iout_max_a: num('Maximum output current, A.'),
    fsw_khz: num('Switching frequency, kHz.'),
    ripple_ratio: num('Inductor ripple / Iout (0.2–0.4 usual).').default(0.3),
    vout_ripple_mv: num('Allowed output ripple, mV.').default(30),
    efficiency: num('Estimated efficiency (0–1).').default(0.9),
  }, out({ inductance_min_h: z.number(), cout_min_f: z.number() }), buckLc),
  calc('calc_trace_width', 'Trace width for a current', 'IPC-2221B width for a current and temperature rise.', {
    current_a: num('Current, A.'),
    temp_rise_c: num('Allowed rise, °C.').default(10),
    copper_oz: num('Copper weight, oz/ft².').default(1),
    layer: z.enum(['outer', 'inner']).default('outer').describe('Outer or inner layer.'),
    length_mm: num('Trace length, mm, for resistance and drop.').optional(),
  }, out({ width_mm: z.number() }), traceWidth),
  calc('calc_via_current', 'Via current', 'Current per plated via (IPC-2221B fit on the barrel).', {
    drill_mm: num('Finished hole diameter, mm.'),
    plating_um: num('Barrel plating, µm.').default(25),
    temp_rise_c: num('Allowed rise, °C.').default(10),
    count: z.number().int().min(1).max(1000).default(1).describe('Vias in parallel.'),
  }, out({ current_per_via_a: z.number() }), viaCurrent),
  calc('calc_impedance', 'Microstrip or stripline impedance', 'Z0 by the IPC-2141A forms.', {
    kind: z.enum(['microstrip', 'stripline']).describe('Surface microstrip or symmetric stripline.'),
    width_mm: num('Trace width, mm.'),
    height_mm: num('Microstrip: dielectric height to the plane, mm.').optional(),
    plane_spacing_mm: num('Stripline: plane-to-plane spacing, mm.').optional(),
    thickness_mm: num('Copper thickness, mm.').default(0.035),
    er: num('Relative permittivity (FR-4 ≈ 4.3).').default(4.3),
  }, out({ z0_ohm: z.number() }), (i) =>
    i.kind === 'microstrip'
      ? microstripImpedance({ width_mm: i.width_mm, height_mm: need(i.height_mm, 'height_mm'), thickness_mm: i.thickness_mm, er: i.er })
      : striplineImpedance({ width_mm: i.width_mm, plane_spacing_mm: need(i.plane_spacing_mm, 'plane_spacing_mm'), thickness_mm: i.thickness_mm, er: i.er }),
  ),
];

function need(v: number | undefined, path: string): number {
  if (v === undefined) throw new ZapTraceError('INVALID_INPUT', `${path} is required for this kind`, { path });
  return v;
}
