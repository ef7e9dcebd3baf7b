import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { E_SERIES_NAMES, E_TOLERANCE, eSeriesValues, snapToSeries, type ESeriesName } from '../eda/calc/e-series.js';
import { ledResistor, rcFilter, voltageDivider } from '../eda/calc/passive.js';
import { I2C_MODES, i2cPullup } from '../eda/calc/i2c.js';
import { usbCcResistors } from '../eda/calc/usb-c.js';
import { buckLc, decouplingPlan, lipoChargeResistor } from '../eda/calc/power.js';
import { microstripImpedance, striplineImpedance, traceWidth, viaCurrent } from '../eda/calc/pcb.js';
import { globalTool, looseObject } from './define.js';

/** Pure calculators of the Python ZapTrace's calc_* family (docs/zaptrace-parity.md): read level, no session, no event. */
const num = (d: string) => z.number().describe(d);
// A string checked by refine rather than an enum: the list of names is in the description once (tools/list size).
const Series = (dflt: ESeriesName) =>
  z.string().default(dflt).refine((s): s is ESeriesName => (E_SERIES_NAMES as readonly string[]).includes(s), 'E6, E12, E24, E48, E96 or E192').transform((s) => s as ESeriesName).describe('E6…E192.');
/** Results are documented by the cited formulas; the schema stays open to keep tools/list small (test/surfaces/tool-metadata.test.ts). */
const OUT = looseObject({});

function calc<S extends z.ZodRawShape, O>(name: string, title: string, description: string, input: S, output: z.ZodType<O>, run: (i: z.infer<z.ZodObject<S>>) => O) {
  return globalTool({ name, title, description, level: 'read', input, output, handler: (i) => ({ result: run(i) }) });
}

export const calcTools = [
  calc('calc_e_series', 'E-series value', 'Nearest or next up/down IEC 60063 value.', {
    value: num('Value (> 0).'),
    series: Series('E24'),
    mode: z.enum(['nearest', 'up', 'down']).default('nearest').describe('Direction.'),
  }, OUT, (i) => {
    const snapped = snapToSeries(i.value, i.series, i.mode);
    return { value: snapped, requested: i.value, series: i.series, tolerance: E_TOLERANCE[i.series], error_pct: Number((((snapped - i.value) / i.value) * 100).toPrecision(3)), decade_values: eSeriesValues(i.series) };
  }),
  calc('calc_led_resistor', 'LED series resistor', 'R = (Vs − n·Vf)/I, next value up, power.', {
    supply_v: num('Supply voltage, V.'),
    forward_v: num('LED Vf, V.'),
    current_ma: num('LED current, mA.'),
    leds_in_series: z.number().int().min(1).max(50).default(1).describe('LEDs in the string.'),
  }, OUT, (i) => ledResistor({ ...i, series: 'E24' })),
  calc('calc_voltage_divider', 'Voltage divider', 'E-series R1/R2 for vout, or vout of R1/R2.', {
    vin_v: num('Input voltage, V.'),
    vout_v: num('Wanted output, V.').optional(),
    r1_ohm: num('Top resistor, Ω.').optional(),
    r2_ohm: num('Bottom resistor, Ω (with vout_v: its decade).').optional(),
    series: Series('E24'),
  }, OUT, voltageDivider),
  calc('calc_rc_filter', 'RC filter cut-off', 'fc = 1/(2πRC): give two of r_ohm, c_f, fc_hz.', {
    r_ohm: num('Resistance, Ω.').optional(),
    c_f: num('Capacitance, F.').optional(),
    fc_hz: num('Cut-off frequency, Hz.').optional(),
    series: Series('E12'),
  }, OUT, rcFilter),
  calc('calc_i2c_pullup', 'I²C pull-up range', 'Rp range per NXP UM10204.', {
    vdd_v: num('Bus supply, V.'),
    bus_capacitance_pf: num('Bus capacitance, pF.'),
    mode: z.enum(I2C_MODES).default('fast').describe('100 kHz, 400 kHz, 1 MHz.'),
  }, OUT, (i) => i2cPullup({ ...i, series: 'E24' })),
  calc('calc_usb_c_cc', 'USB-C CC resistors', 'Rd or Rp per the Type-C spec.', {
    role: z.enum(['sink', 'source']).default('sink').describe('Port role.'),
    current: z.enum(['default', '1.5', '3.0']).default('default').describe('Source: advertised A.'),
    pullup_rail_v: z.enum(['5', '3.3']).default('5').describe('Source: Rp rail, V.'),
  }, OUT, usbCcResistors),
  calc('calc_decoupling', 'Decoupling plan', '100 nF per supply pin plus bulk.', {
    rail_v: num('Rail voltage, V.'),
    supply_pins: z.number().int().describe('IC supply pins on the rail.'),
    bulk_uf: num('Bulk, µF.').default(10),
  }, OUT, (i) => decouplingPlan({ ...i, series: 'E6' })),
  calc('calc_lipo_charge', 'Li-Po charge resistor', 'MCP73831 RPROG = 1000 V / I.', {
    charge_current_ma: num('Charge current, mA.'),
    capacity_mah: num('Cell capacity, mAh.').optional(),
  }, OUT, (i) => lipoChargeResistor({ ...i, series: 'E24' })),
  calc('calc_buck_lc', 'Buck L and C', 'L, Cout, ESR per TI SLVA477B.', {
    vin_max_v: num('Vin max, V.'),
    vout_v: num('Output, V.'),
    iout_max_a: num('Iout max, A.'),
    fsw_khz: num('fsw, kHz.'),
    ripple_ratio: num('ΔIL / Iout.').default(0.3),
    vout_ripple_mv: num('ΔVout, mV.').default(30),
    efficiency: num('η (0–1).').default(0.9),
  }, OUT, buckLc),
  calc('calc_trace_width', 'Trace width for a current', 'IPC-2221B width (and vias).', {
    current_a: num('Current, A.'),
    temp_rise_c: num('Rise, °C.').default(10),
    copper_oz: num('Copper, oz.').default(1),
    layer: z.enum(['outer', 'inner']).default('outer').describe('Layer.'),
    length_mm: num('Length, mm.').optional(),
    via_drill_mm: num('Via hole to size, mm.').optional(),
    via_plating_um: num('Via plating, µm.').default(25),
  }, OUT, (i) => {
    const trace = traceWidth(i);
    if (i.via_drill_mm === undefined) return trace;
    // IPC-2221 on the barrel (eda/calc/pcb.ts), the same rise: how many vias carry the current.
    const via = viaCurrent({ drill_mm: i.via_drill_mm, plating_um: i.via_plating_um, temp_rise_c: i.temp_rise_c, count: 1 });
    return { ...trace, via: { ...via, vias_needed: Math.ceil(i.current_a / via.current_per_via_a) } };
  }),
  calc('calc_impedance', 'Trace impedance', 'Microstrip/stripline Z0, IPC-2141A.', {
    kind: z.enum(['microstrip', 'stripline']).describe('Geometry.'),
    width_mm: num('Trace width, mm.'),
    height_mm: num('Microstrip: h, mm.').optional(),
    plane_spacing_mm: num('Stripline: b, mm.').optional(),
    thickness_mm: num('Copper, mm.').default(0.035),
    er: num('εr.').default(4.3),
  }, OUT, (i) =>
    i.kind === 'microstrip'
      ? microstripImpedance({ width_mm: i.width_mm, height_mm: need(i.height_mm, 'height_mm'), thickness_mm: i.thickness_mm, er: i.er })
      : striplineImpedance({ width_mm: i.width_mm, plane_spacing_mm: need(i.plane_spacing_mm, 'plane_spacing_mm'), thickness_mm: i.thickness_mm, er: i.er }),
  ),
];

function need(v: number | undefined, path: string): number {
  if (v === undefined) throw new ZapTraceError('INVALID_INPUT', `${path} is required for this kind`, { path });
  return v;
}
