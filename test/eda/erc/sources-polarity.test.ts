import { describe, expect, it } from 'vitest';
import { runErc, type ErcContext } from '../../../src/eda/erc/index.js';
import { parseDesignText } from '../../../src/eda/parse/index.js';
import { design, net, netOf, part, two, type NetSpec, type PartSpec } from './design-builder.js';
import { libPart } from './cases.js';

/**
 * Positive and negative designs for what ERC reads from pin function and from sources rather than
 * from names: polarity on numbered pads, LEDs on driver pins, rail voltages from USB VBUS, diodes and
 * regulators, supply ranges, open-drain pins, and the false alarms engineers reported (FT232RL VCCIO
 * at 3.3 V, RP2040's own 1.1 V core, a buck's BUCK_SS soft-start net).
 */
const rules = (parts: PartSpec[], nets: NetSpec[], ctx: ErcContext = {}) => runErc(design(parts, nets), ctx).findings.map((f) => f.rule_id);
const fires = (rule: string, parts: PartSpec[], nets: NetSpec[], ctx: ErcContext = {}) => rules(parts, nets, ctx).includes(rule);

/** A 12 V terminal, optional series diode into VIN_PROT. */
const terminal12 = (): PartSpec[] => [part('J1', 'Terminal Block 2P', { P1: 'passive', P2: 'passive' })];
const usbC = (): PartSpec[] => [part('J1', 'USB-C receptacle', { VBUS: 'power_in', GND: 'power_in' })];
const ic = (ref: string, supply: string, extra: Partial<PartSpec> = {}) => part(ref, 'Sensor IC', { VDD: 'power_in', GND: 'power_in' }, { voltage_supply: supply, ...extra });

describe('polarity from pin function', () => {
  const cp = (pads: [string, string]) => ({
    parts: [...terminal12(), part('C1', 'CAP', { '1': 'passive', '2': 'passive' }, { value: '100uF', footprint: 'CP_Radial_D5.0mm_P2.00mm' })],
    nets: [net('+12V', 'J1.P1', `C1.${pads[0]}`), net('GND', 'J1.P2', `C1.${pads[1]}`)],
  });
  it('catches a reversed electrolytic on numbered pads (pad 1 is +) and passes the right way round', () => {
    const bad = cp(['2', '1']);
    const good = cp(['1', '2']);
    expect(fires('cap.polarity-reversed', bad.parts, bad.nets)).toBe(true);
    expect(fires('cap.polarity-reversed', good.parts, good.nets)).toBe(false);
  });

  it("follows the library's pin function over the pad-1 convention", () => {
    // A part whose datasheet puts − on pad 1: pad 1 on the rail is the reversed fit.
    const lib = libPart('ODD-CAP', [
      { name: 'NEG', type: 'passive', description: 'negative terminal' },
      { name: 'POS', type: 'passive', description: 'positive terminal' },
    ]);
    lib.pins[0]!.number = '1';
    lib.pins[1]!.number = '2';
    Object.assign(lib, { category: 'passive', properties: { capacitance: 1e-4 }, name: 'Tantalum capacitor' });
    const ctx: ErcContext = { lookupPart: (c) => (c.type === 'ODD-CAP' ? lib : undefined) };
    const mk = (onRail: string) => ({
      parts: [...terminal12(), part('C1', 'ODD-CAP', { '1': 'passive', '2': 'passive' }, { footprint: 'CP_EIA-3216-18_Kemet-A' })],
      nets: [net('+12V', 'J1.P1', `C1.${onRail}`), net('GND', 'J1.P2', `C1.${onRail === '1' ? '2' : '1'}`)],
    });
    expect(fires('cap.polarity-reversed', mk('1').parts, mk('1').nets, ctx)).toBe(true);
    expect(fires('cap.polarity-reversed', mk('2').parts, mk('2').nets, ctx)).toBe(false);
  });

  it('catches a reversed electrolytic on a rail no name states (fed through a diode)', () => {
    const mk = (reversed: boolean) => ({
      parts: [...terminal12(), part('D1', 'Schottky diode', { A: 'passive', K: 'passive' }), part('C1', 'Electrolytic capacitor', { '1': 'passive', '2': 'passive' }, { value: '47uF' })],
      nets: [net('+12V', 'J1.P1', 'D1.A'), netOf('signal', 'VIN_PROT', 'D1.K', `C1.${reversed ? '2' : '1'}`), net('GND', 'J1.P2', `C1.${reversed ? '1' : '2'}`)],
    });
    expect(fires('cap.polarity-reversed', mk(true).parts, mk(true).nets)).toBe(true);
    expect(fires('cap.polarity-reversed', mk(false).parts, mk(false).nets)).toBe(false);
  });
});

describe('LED current limiting', () => {
  const timer = (resistor: boolean) => ({
    parts: [
      ...terminal12(),
      part('U1', 'NE555 timer', { VCC: 'power_in', GND: 'power_in', OUT: 'output' }, { voltage_supply: '4.5-16V' }),
      two('C1', 'CAP', '100nF'),
      part('D1', 'LED', { A: 'passive', K: 'passive' }),
      ...(resistor ? [two('R1', 'RES', '470')] : []),
    ],
    nets: [
      net('+12V', 'J1.P1', 'U1.VCC', 'C1.P1'),
      net('GND', 'J1.P2', 'U1.GND', 'C1.P2', 'D1.K'),
      netOf('signal', 'OUT', 'U1.OUT', resistor ? 'R1.P1' : 'D1.A'),
      ...(resistor ? [netOf('signal', 'LED_A', 'R1.P2', 'D1.A')] : []),
    ],
  });
  it('catches an LED straight on a 555 output and passes one with a series resistor', () => {
    expect(fires('led.series-resistor-missing', timer(false).parts, timer(false).nets)).toBe(true);
    expect(fires('led.series-resistor-missing', timer(true).parts, timer(true).nets)).toBe(false);
  });
});

describe('rail voltages from sources', () => {
  it('knows VBUS is 5 V from the USB connector, whatever the net is called', () => {
    const mk = (supply: string) => ({ parts: [...usbC(), ic('U1', supply), two('C1', 'CAP', '100nF')], nets: [net('VBUS', 'J1.VBUS', 'U1.VDD', 'C1.P1'), net('GND', 'J1.GND', 'U1.GND', 'C1.P2')] });
    expect(fires('power.voltage-conflict', mk('3.3').parts, mk('3.3').nets)).toBe(true);
    expect(fires('power.voltage-conflict', mk('5').parts, mk('5').nets)).toBe(false);
    const renamed = mk('3.3');
    renamed.nets[0] = net('USB_PWR', 'J1.VBUS', 'U1.VDD', 'C1.P1');
    expect(fires('power.voltage-conflict', renamed.parts, renamed.nets)).toBe(true);
  });

  it('carries a rail through a diode with its forward drop', () => {
    const mk = (from: string, supply: string) => ({
      parts: [...terminal12(), part('D1', 'Diode 1N4148', { A: 'passive', K: 'passive' }), ic('U1', supply), two('C1', 'CAP', '100nF')],
      nets: [net(from, 'J1.P1', 'D1.A'), netOf('signal', 'VIN_PROT', 'D1.K', 'U1.VDD', 'C1.P1'), net('GND', 'J1.P2', 'U1.GND', 'C1.P2')],
    });
    expect(fires('power.voltage-conflict', mk('+12V', '1.8-3.6V').parts, mk('+12V', '1.8-3.6V').nets)).toBe(true);
    // 5 V − 0.7 V = 4.3 V: inside a 2.7–5.5 V part's range.
    expect(rules(mk('+5V', '2.7-5.5V').parts, mk('+5V', '2.7-5.5V').nets)).not.toContain('power.voltage-conflict');
    expect(rules(mk('+5V', '2.7-5.5V').parts, mk('+5V', '2.7-5.5V').nets)).not.toContain('power.supply-mismatch');
  });

  it('reads a 5-15V range: over it is an error, under it a warning, inside it nothing', () => {
    const mk = (rail: string) => ({ parts: [...terminal12(), ic('U1', '5-15V'), two('C1', 'CAP', '100nF')], nets: [net(rail, 'J1.P1', 'U1.VDD', 'C1.P1'), net('GND', 'J1.P2', 'U1.GND', 'C1.P2')] });
    expect(fires('power.voltage-conflict', mk('+18V').parts, mk('+18V').nets)).toBe(true);
    expect(fires('power.supply-mismatch', mk('+3V3').parts, mk('+3V3').nets)).toBe(true);
    const ok = rules(mk('+12V').parts, mk('+12V').nets);
    expect(ok).not.toContain('power.voltage-conflict');
    expect(ok).not.toContain('power.supply-mismatch');
  });
});

describe('direction and value of series parts', () => {
  it('a diode passes a rail from anode to cathode only: a reverse-protection diode fitted backwards leaves the rail unsourced', () => {
    const mk = (reversed: boolean) => ({
      parts: [...terminal12(), part('D1', 'Schottky diode', { A: 'passive', K: 'passive' }), ic('U1', '4.5-16V'), two('C1', 'CAP', '100nF')],
      nets: [net('+12V', 'J1.P1', reversed ? 'D1.K' : 'D1.A'), netOf('signal', 'VIN_PROT', reversed ? 'D1.A' : 'D1.K', 'U1.VDD', 'C1.P1'), net('GND', 'J1.P2', 'U1.GND', 'C1.P2')],
    });
    expect(fires('power.not-driven', mk(true).parts, mk(true).nets)).toBe(true);
    expect(fires('power.not-driven', mk(false).parts, mk(false).nets)).toBe(false);
  });

  it('a 0 Ω link in series with an LED limits nothing', () => {
    const mk = (ohms: string) => ({
      parts: [...terminal12(), two('R1', 'RES', ohms), part('D1', 'LED', { A: 'passive', K: 'passive' })],
      nets: [net('+12V', 'J1.P1', 'R1.P1'), netOf('signal', 'LED_A', 'R1.P2', 'D1.A'), net('GND', 'J1.P2', 'D1.K')],
    });
    expect(fires('led.series-resistor-missing', mk('0').parts, mk('0').nets)).toBe(true);
    expect(fires('led.series-resistor-missing', mk('2.2k').parts, mk('2.2k').nets)).toBe(false);
  });
});

describe('no false alarms on parts engineers use every day', () => {
  it('FT232RL: VCCIO at 3.3 V beside VCC at 5 V is fine; VCCIO at 5 V on a 3.3 V-only part is not', () => {
    const parts = [
      ...usbC(),
      part('U2', 'AMS1117-3.3', { VIN: 'power_in', VOUT: 'power_out', GND: 'power_in' }),
      part('U1', 'FT232RL USB UART', { VCC: 'power_in', VCCIO: 'power_in', GND: 'power_in' }, { voltage_supply: '5V' }),
      two('C1', 'CAP', '10uF'),
      two('C2', 'CAP', '10uF'),
    ];
    const nets = [net('VBUS', 'J1.VBUS', 'U2.VIN', 'U1.VCC', 'C1.P1'), net('+3V3', 'U2.VOUT', 'U1.VCCIO', 'C2.P1'), net('GND', 'J1.GND', 'U2.GND', 'U1.GND', 'C1.P2', 'C2.P2')];
    const found = rules(parts, nets);
    expect(found).not.toContain('power.supply-mismatch');
    expect(found).not.toContain('power.voltage-conflict');
    // The same VCC on 3.3 V while the part says 5 V is still reported (the rule is not switched off).
    const swapped = [net('VBUS', 'J1.VBUS', 'U2.VIN', 'U1.VCCIO', 'C1.P1'), net('+3V3', 'U2.VOUT', 'U1.VCC', 'C2.P1'), nets[2]!];
    expect(rules(parts, swapped)).toContain('power.supply-mismatch');
  });

  it("RP2040: the 1.1 V core from its own VREG_VOUT is fine; the core unsourced is not", () => {
    const rp = (wired: boolean) => ({
      parts: [...usbC(), part('U2', 'AP2112K-3.3', { VIN: 'power_in', VOUT: 'power_out', GND: 'power_in' }), part('U1', 'RP2040', { IOVDD: 'power_in', VREG_VIN: 'power_in', VREG_VOUT: 'output', DVDD: 'power_in', GND: 'power_in' }, { voltage_supply: '3.3' }), two('C1', 'CAP', '1uF'), two('C2', 'CAP', '1uF'), two('C3', 'CAP', '100nF')],
      nets: [
        net('VBUS', 'J1.VBUS', 'U2.VIN', 'C1.P1'),
        net('+3V3', 'U2.VOUT', 'U1.IOVDD', 'U1.VREG_VIN', 'C2.P1'),
        net('+1V1', 'U1.DVDD', 'C3.P1', ...(wired ? ['U1.VREG_VOUT'] : [])),
        net('GND', 'J1.GND', 'U2.GND', 'U1.GND', 'C1.P2', 'C2.P2', 'C3.P2'),
      ],
    });
    const ok = rules(rp(true).parts, rp(true).nets);
    expect(ok.filter((r) => r.startsWith('power.'))).toEqual([]);
    expect(rules(rp(false).parts, rp(false).nets)).toContain('power.not-driven');
  });

  it('BUCK_SS is a soft-start net, not an SPI chip select; FLASH_CS without pull-up still is', () => {
    const parts = [
      ...terminal12(),
      part('U1', 'Buck converter', { VIN: 'power_in', GND: 'power_in', SS: 'passive', SW: 'output' }),
      two('C1', 'CAP', '10nF'),
      two('C2', 'CAP', '10uF'),
      part('U2', 'MCU', { VDD: 'power_in', GND: 'power_in', PA4: 'output' }),
      part('U3', 'SPI flash', { VCC: 'power_in', GND: 'power_in', CS: 'input' }),
    ];
    const nets = [net('+12V', 'J1.P1', 'U1.VIN', 'C2.P1'), netOf('signal', 'BUCK_SS', 'U1.SS', 'C1.P1'), netOf('signal', 'FLASH_CS', 'U2.PA4', 'U3.CS'), net('GND', 'J1.P2', 'U1.GND', 'C1.P2', 'C2.P2')];
    const found = runErc(design(parts, nets)).findings.filter((f) => f.rule_id.startsWith('spi.'));
    expect(found.map((f) => f.nets[0])).toEqual(['FLASH_CS']);
  });
});

describe('open-drain pins can be declared', () => {
  const yaml = (pullup: boolean) => `
kind: zaptrace.design
schema_version: 1
meta: {name: od}
board: {width_mm: 30, height_mm: 20, layers: 2}
components:
  j1: {ref: J1, type: connector, footprint: PinHeader_1x02_P2.54mm, pins: {"1": {name: "1", type: power, net: "+3V3"}, "2": {name: "2", type: power, net: GND}}}
  u1: {ref: U1, type: MCU, footprint: SOIC-8, pins: {VDD: {name: VDD, type: power, net: "+3V3"}, GND: {name: GND, type: power, net: GND}, PB0: {name: PB0, type: input, net: ALERT}}}
  u2: {ref: U2, type: Supervisor, footprint: SOT-23, pins: {VDD: {name: VDD, type: power, net: "+3V3"}, GND: {name: GND, type: power, net: GND}, RST: {name: RST, type: open_drain, net: ALERT}}}
  c1: {ref: C1, type: CAP, value: 100nF, footprint: C_0603_1608Metric, pins: {"1": {name: "1", type: passive, net: "+3V3"}, "2": {name: "2", type: passive, net: GND}}}
${pullup ? '  r1: {ref: R1, type: RES, value: 10k, footprint: R_0603_1608Metric, pins: {"1": {name: "1", type: passive, net: "+3V3"}, "2": {name: "2", type: passive, net: ALERT}}}' : ''}
`;
  it('parses open_drain as an open-collector pin and checks its pull-up', () => {
    const bad = parseDesignText(yaml(false)).design;
    expect(bad.components['u2']!.pins['RST']!.type).toBe('open_collector');
    expect(runErc(bad).findings.map((f) => f.rule_id)).toContain('net.open-drain-pullup-missing');
    expect(runErc(parseDesignText(yaml(true)).design).findings.map((f) => f.rule_id)).not.toContain('net.open-drain-pullup-missing');
  });
});
