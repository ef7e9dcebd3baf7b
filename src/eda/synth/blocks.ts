import { addPart, capacitor, connect, resistor, twoPins, type Build } from './builder.js';
import { own } from '../../kernel/own.js';
import { crystalLoadCap, feedbackDivider, i2cPullup, LED_VF, ledResistor } from './values.js';

/**
 * Parametric blocks composed by the templates. Each block adds its parts and nets and records why
 * each part and value was chosen. Pin numbers given here come from the part datasheets where the
 * footprint module has no pin table for the part.
 */

/** USB-C sink: VBUS/GND, 5.1 kΩ Rd on CC1 and CC2 (USB Type-C spec r2.x §4.11.1: Rd = 5.1 kΩ ±20 %). */
export function usbCSink(b: Build, opts: { rail: string; data?: { dp: string; dm: string } }): string {
  const pins = [
    { name: 'VBUS', type: 'power_in' as const },
    { name: 'GND', type: 'power_in' as const },
    { name: 'CC1', type: 'bidirectional' as const },
    { name: 'CC2', type: 'bidirectional' as const },
    ...(opts.data ? [{ name: 'D+', type: 'bidirectional' as const }, { name: 'D-', type: 'bidirectional' as const }] : []),
  ];
  const j = addPart(b, { prefix: 'J', partId: 'usb-c-16p', pins, block: 'usb-c-sink', why: 'USB-C receptacle (16-pin, USB 2.0) as the 5 V input; a sink needs only VBUS, GND, CC and D+/D−.' });
  connect(b, opts.rail, [[j, 'VBUS']]);
  connect(b, 'GND', [[j, 'GND']]);
  resistor(b, 5100, 'USB_CC1', 'GND', 'usb-c-sink', 'Rd pull-down on CC1: 5.1 kΩ makes the source offer default USB power (Type-C spec, sink Rd).');
  resistor(b, 5100, 'USB_CC2', 'GND', 'usb-c-sink', 'Rd pull-down on CC2: each CC pin needs its own Rd so either plug orientation is detected.');
  connect(b, 'USB_CC1', [[j, 'CC1']]);
  connect(b, 'USB_CC2', [[j, 'CC2']]);
  if (opts.data) {
    connect(b, opts.data.dp, [[j, 'D+']], 'differential');
    connect(b, opts.data.dm, [[j, 'D-']], 'differential');
  }
  b.assumptions.push('USB-C input is a default-power sink (≤ 500 mA at 5 V without PD negotiation).');
  return j;
}

/** Two-pole input terminal (pin 1 = supply, pin 2 = GND). */
export function terminalInput(b: Build, rail: string, volts: number, label: string): string {
  const j = addPart(b, { prefix: 'J', partId: 'terminal-2p-5mm', pins: twoPins(), block: 'power-input', why: `5 mm screw terminal for the ${volts} V ${label} (10 A rated, takes bare wire).` });
  connect(b, rail, [[j, 'P1']]);
  connect(b, 'GND', [[j, 'P2']]);
  return j;
}

export interface RegulatorNeed {
  vinV: number;
  /** Lowest input the regulator must still work from (battery end-of-discharge). */
  vinMinV: number;
  voutV: number;
  loadA: number;
  forced?: 'ldo' | 'buck';
}

export interface LdoOption {
  partId: string;
  maxA: number;
  dropoutV: number;
  maxInV: number;
  /** Package dissipation we allow without copper heat-sinking, W (θJA-limited, 25 °C ambient rise budget). */
  maxPowerW: number;
  pins: { vin: string; vout: string; gnd: string; en?: string };
  numbers?: { vin: string; vout: string; gnd: string; en?: string };
}

/** LDOs of our library we size from; pin numbers from each datasheet's pin-out (SOT-223 / SOT-23 tables). */
export const LDOS: LdoOption[] = [
  { partId: 'mcp1700t-3302', maxA: 0.25, dropoutV: 0.178, maxInV: 6, maxPowerW: 0.3, pins: { vin: 'VIN', vout: 'VOUT', gnd: 'GND' }, numbers: { gnd: '1', vout: '2', vin: '3' } },
  { partId: 'me6211c33', maxA: 0.5, dropoutV: 0.2, maxInV: 6, maxPowerW: 0.4, pins: { vin: 'VIN', vout: 'VOUT', gnd: 'GND', en: 'CE' }, numbers: { vin: '1', gnd: '2', en: '3', vout: '5' } },
  { partId: 'ap2112k-3.3', maxA: 0.6, dropoutV: 0.25, maxInV: 6, maxPowerW: 0.5, pins: { vin: 'VIN', vout: 'VOUT', gnd: 'GND', en: 'EN' }, numbers: { vin: '1', gnd: '2', en: '3', vout: '5' } },
  { partId: 'ams1117-3.3', maxA: 1.0, dropoutV: 1.1, maxInV: 15, maxPowerW: 1.2, pins: { vin: 'INPUT', vout: 'OUTPUT', gnd: 'GND' } },
];

/**
 * Regulator for a 3.3 V rail. An LDO is chosen when one of ours covers the load with 20 % margin,
 * keeps its dropout at the lowest input and stays within its package dissipation
 * P = (Vin − Vout) · I; else a buck (MP2307, 4.75–23 V in, 3 A). Smallest adequate LDO wins.
 */
export function regulator(b: Build, need: RegulatorNeed, vinRail: string, voutRail: string): string {
  if (Math.abs(need.voutV - 3.3) > 0.05) throw new Error('only 3.3 V rails are synthesized');
  const loadWithMargin = need.loadA * 1.2;
  const dissipation = (o: LdoOption) => (need.vinV - need.voutV) * need.loadA;
  const fits = LDOS.filter((o) => o.maxA >= loadWithMargin && need.vinMinV >= need.voutV + o.dropoutV && need.vinV <= o.maxInV && dissipation(o) <= o.maxPowerW);
  const useLdo = need.forced !== 'buck' && (need.forced === 'ldo' ? LDOS.some((o) => o.maxA >= loadWithMargin) : fits.length > 0);
  if (!useLdo) return buck(b, need, vinRail, voutRail);
  const o = fits[0] ?? LDOS.filter((x) => x.maxA >= loadWithMargin).sort((x, y) => x.dropoutV - y.dropoutV)[0]!;
  const p = o.pins;
  const num = o.numbers;
  const pins = [
    { name: p.vin, type: 'power_in' as const, ...(num ? { number: num.vin } : {}) },
    { name: p.vout, type: 'power_out' as const, ...(num ? { number: num.vout } : {}) },
    { name: p.gnd, type: 'power_in' as const, ...(num ? { number: num.gnd } : {}) },
    ...(p.en ? [{ name: p.en, type: 'input' as const, ...(num?.en ? { number: num.en } : {}) }] : []),
  ];
  const pw = dissipation(o);
  const u = addPart(b, {
    prefix: 'U',
    partId: o.partId,
    pins,
    block: 'ldo',
    why: `LDO for ${voutRail}: load ${(need.loadA * 1000).toFixed(0)} mA (+20 % margin ≤ ${o.maxA * 1000} mA rating), dropout ${o.dropoutV} V below the ${need.vinMinV} V minimum input, dissipation ${pw.toFixed(2)} W within the package's ${o.maxPowerW} W.${fits[0] ? ' Smallest regulator of our library that fits.' : ' Forced LDO: the part with the lowest dropout.'}`,
  });
  connect(b, vinRail, [[u, p.vin]]);
  connect(b, voutRail, [[u, p.vout]]);
  connect(b, 'GND', [[u, p.gnd]]);
  if (p.en) connect(b, vinRail, [[u, p.en]]);
  capacitor(b, 10e-6, vinRail, 'GND', 'ldo', 'LDO input capacitor 10 µF (datasheet minimum 1 µF; 10 µF holds up against cable inductance).');
  capacitor(b, 10e-6, voutRail, 'GND', 'ldo', 'LDO output capacitor 10 µF for loop stability and load steps.');
  if (!fits[0]) b.assumptions.push(`LDO forced by the intent although it is outside its comfortable operating range (${pw.toFixed(2)} W).`);
  return u;
}

/** MP2307 synchronous buck (datasheet: VFB 0.925 V, 340 kHz); inductor, caps and compensation from its typical application. */
function buck(b: Build, need: RegulatorNeed, vinRail: string, voutRail: string): string {
  if (need.vinV < 4.75 || need.vinV > 23) throw new Error('no buck of our library covers this input');
  const u = addPart(b, {
    prefix: 'U',
    partId: 'mp2307dn-lf-z',
    pins: ['BS', 'VIN', 'SW', 'GND', 'FB', 'COMP', 'EN', 'SS'].map((name) => ({ name, type: name === 'VIN' || name === 'GND' ? ('power_in' as const) : name === 'SW' ? ('power_out' as const) : ('passive' as const) })),
    block: 'buck',
    why: `Buck for ${voutRail}: ${need.vinV} V → ${need.voutV} V at ${(need.loadA * 1000).toFixed(0)} mA would burn ${((need.vinV - need.voutV) * need.loadA).toFixed(2)} W in an LDO; the MP2307 (4.75–23 V in, 3 A) converts at ~90 %.`,
  });
  connect(b, vinRail, [[u, 'VIN']]);
  connect(b, 'GND', [[u, 'GND']]);
  connect(b, 'BUCK_SW', [[u, 'SW']], 'power');
  connect(b, 'BUCK_BS', [[u, 'BS']]);
  connect(b, 'BUCK_FB', [[u, 'FB']]);
  connect(b, 'BUCK_COMP', [[u, 'COMP']]);
  connect(b, 'BUCK_SS', [[u, 'SS']]);
  capacitor(b, 10e-6, vinRail, 'GND', 'buck', 'Input capacitor 10 µF (1206, ≥ 25 V) close to VIN for the switching current.', '1206');
  capacitor(b, 10e-9, 'BUCK_BS', 'BUCK_SW', 'buck', 'Bootstrap capacitor 10 nF between BS and SW (datasheet value).');
  const l = addPart(b, { prefix: 'L', partId: 'ind-power-1210', type: 'IND', value: '10uH', pins: twoPins(), block: 'buck', why: 'Inductor 10 µH: ripple ΔI = Vout·(1 − Vout/Vin)/(L·f) ≈ 0.7 A at 12 V in, ≈ 30 % of a 2 A load.' });
  connect(b, 'BUCK_SW', [[l, 'P1']]);
  connect(b, voutRail, [[l, 'P2']]);
  capacitor(b, 22e-6, voutRail, 'GND', 'buck', 'Output capacitor 22 µF ceramic (low ESR keeps ripple in the tens of mV).');
  capacitor(b, 22e-6, voutRail, 'GND', 'buck', 'Second 22 µF output capacitor: halves ESR and ripple.');
  const fb = feedbackDivider(0.925, need.voutV);
  resistor(b, fb.topOhms, voutRail, 'BUCK_FB', 'buck', `Feedback divider top: Vout = 0.925 V·(1 + Rtop/Rbottom) = ${fb.voutV.toFixed(3)} V with E24 values.`);
  resistor(b, fb.bottomOhms, 'BUCK_FB', 'GND', 'buck', 'Feedback divider bottom.');
  resistor(b, 6800, 'BUCK_COMP', 'BUCK_RC', 'buck', 'Compensation resistor 6.8 kΩ (datasheet typical for 3.3 V out with ceramic output caps).');
  capacitor(b, 3.3e-9, 'BUCK_RC', 'GND', 'buck', 'Compensation capacitor 3.3 nF (datasheet typical).');
  capacitor(b, 100e-9, 'BUCK_SS', 'GND', 'buck', 'Soft-start capacitor 100 nF: ≈ 10 ms ramp.');
  resistor(b, 100_000, vinRail, 'BUCK_EN', 'buck', 'EN pull-up 100 kΩ to VIN: the converter runs whenever input is present.');
  const en = b.components[u]!.pins['EN']!;
  en.type = 'input';
  connect(b, 'BUCK_EN', [[u, 'EN']]);
  b.assumptions.push('Buck compensation uses the datasheet typical values; verify the loop for the chosen output capacitors.');
  return u;
}

/** 100 nF per supply pin plus one bulk capacitor per IC rail (the usual decoupling rule). */
export function decouple(b: Build, rail: string, supplyPins: number, owner: string, bulkF = 10e-6): void {
  for (let i = 0; i < supplyPins; i++) capacitor(b, 100e-9, rail, 'GND', 'decoupling', `100 nF at ${owner} supply pin ${i + 1} of ${supplyPins}: local charge for fast edges.`);
  if (bulkF > 0) capacitor(b, bulkF, rail, 'GND', 'decoupling', `${bulkF * 1e6} µF bulk for ${owner}: covers current steps the 100 nF cannot.`);
}

/** I2C pull-ups sized from bus speed and device count. */
export function i2cPullups(b: Build, rail: string, railV: number, sda: string, scl: string, busHz: number, devices: number): number {
  const r = i2cPullup(busHz, devices, railV);
  const why = `I2C pull-up at ${busHz / 1000} kHz with ${devices} device(s): bus ≈ ${r.busPf} pF, Rmax = tr/(0.8473·Cb) = ${(r.rMaxOhms / 1000).toFixed(1)} kΩ, Rmin = (VDD−0.4 V)/3 mA = ${(r.rMinOhms / 1000).toFixed(2)} kΩ → ${r.ohms / 1000} kΩ.`;
  resistor(b, r.ohms, rail, sda, 'i2c-pullups', `SDA ${why}`);
  resistor(b, r.ohms, rail, scl, 'i2c-pullups', `SCL ${why}`);
  b.nets[sda]!.type = 'data';
  b.nets[scl]!.type = 'clock';
  return r.ohms;
}

/** Indicator LED driven from `drive` (a GPIO or a rail) through a series resistor to GND. */
export function led(b: Build, drive: string, driveV: number, color: string, label: string, currentA = 0.005): string {
  const vf = own(LED_VF, color) ?? 2.0;
  const r = ledResistor(driveV, vf, currentA);
  const anode = `LED_${label}`;
  resistor(b, r.ohms, drive, anode, 'led', `LED series resistor: (${driveV} V − ${vf} V Vf ${color}) / ${currentA * 1000} mA → nearest E24 ${r.ohms} Ω (${(r.currentA * 1000).toFixed(1)} mA).`);
  const d = addPart(b, { prefix: 'D', partId: 'led-0603', type: 'LED', value: color, pins: [{ name: 'ANODE', type: 'passive' }, { name: 'CATHODE', type: 'passive' }], block: 'led', why: `0603 ${color} LED for ${label.toLowerCase()} indication.` });
  connect(b, anode, [[d, 'ANODE']]);
  connect(b, 'GND', [[d, 'CATHODE']]);
  return d;
}

/** Tactile push button from `net` to GND (the MCU pin has a pull-up). */
export function button(b: Build, net: string, label: string, why: string): string {
  const sw = addPart(b, { prefix: 'SW', partId: null, type: 'Tactile switch 6x6', value: label, footprint: 'SW_PUSH_6mm', pins: [{ name: '1', type: 'passive' }, { name: '2', type: 'passive' }], block: 'buttons', why: `${why} (6×6 mm tactile switch; our library has no switch part, so the footprint is named directly).` });
  connect(b, net, [[sw, '1']]);
  connect(b, 'GND', [[sw, '2']]);
  return sw;
}

/** Crystal with two load capacitors computed from its CL and an assumed stray capacitance. */
export function crystal(b: Build, partId: string, xin: string, xout: string, loadPf: number, strayPf = 3): void {
  const part = b.lib.get(partId);
  const x = addPart(b, {
    prefix: 'Y',
    partId,
    pins: [{ name: 'XI', type: 'passive', number: '1' }, { name: 'XO', type: 'passive', number: '3' }, { name: 'GND', type: 'passive', number: '2,4' }],
    block: 'crystal',
    why: `${part?.name ?? partId}: ${loadPf} pF load crystal in a 3225 package (pads 1/3 crystal, 2/4 case to GND).`,
  });
  connect(b, xin, [[x, 'XI']], 'clock');
  connect(b, xout, [[x, 'XO']], 'clock');
  connect(b, 'GND', [[x, 'GND']]);
  const c = crystalLoadCap(loadPf, strayPf);
  const why = `Crystal load capacitor: C = 2·(CL − Cstray) = 2·(${loadPf} − ${strayPf}) pF = ${c.exactPf} pF → ${(c.farads * 1e12).toFixed(0)} pF (E24).`;
  capacitor(b, c.farads, xin, 'GND', 'crystal', why);
  capacitor(b, c.farads, xout, 'GND', 'crystal', why);
  b.assumptions.push(`Crystal stray capacitance (pins + traces) taken as ${strayPf} pF.`);
}

/** Debug header on a 2.54 mm 1×4 pin header: SWD (VTref, SWDIO, SWCLK, GND) or UART (VCC, TX, RX, GND). */
export function debugHeader(b: Build, kind: 'swd' | 'uart', rail: string, a: string, c: string): string {
  const j = addPart(b, {
    prefix: 'J',
    partId: 'header-1x4',
    pins: ['P1', 'P2', 'P3', 'P4'].map((name) => ({ name, type: 'passive' as const })),
    block: 'debug-header',
    why: kind === 'swd' ? 'SWD debug header, 1×4 2.54 mm: 1 VTref, 2 SWDIO, 3 SWCLK, 4 GND (fits common probes with jumper wires).' : 'UART header, 1×4 2.54 mm: 1 3V3, 2 TX, 3 RX, 4 GND (for a USB-serial adapter).',
  });
  connect(b, rail, [[j, 'P1']]);
  connect(b, a, [[j, 'P2']]);
  connect(b, c, [[j, 'P3']]);
  connect(b, 'GND', [[j, 'P4']]);
  return j;
}

/** M3 mounting holes (non-plated, 3.2 mm). */
export function mountingHoles(b: Build, count: number): void {
  for (let i = 0; i < count; i++) {
    addPart(b, { prefix: 'H', partId: null, type: 'Mounting hole M3', footprint: 'MountingHole_3.2mm_M3', pins: [], block: 'mounting-holes', why: 'M3 mounting hole (3.2 mm NPTH); no library part needed for a bare hole.' });
  }
}
