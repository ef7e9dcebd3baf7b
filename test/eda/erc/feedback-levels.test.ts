import { describe, expect, it } from 'vitest';
import { runErc, type ErcContext } from '../../../src/eda/erc/index.js';
import { design, net, netOf, part, two, withSupply, type NetSpec, type PartSpec } from './design-builder.js';
import { feedbackBoard, libPart } from './cases.js';
import { REFERENCE_VOLTAGES } from '../../../src/eda/erc/reference-voltages.js';

/**
 * Positive and negative designs for the rules that compare what a pin or part sees with what it
 * takes: rail voltages set by feedback dividers, inputs held by resistors, capacitor ratings,
 * ground pins and enable inputs.
 */
const findings = (d: ReturnType<typeof design>, ctx: ErcContext = {}) => runErc(d, ctx).findings;
const ids = (d: ReturnType<typeof design>, ctx: ErcContext = {}) => findings(d, ctx).map((f) => f.rule_id);

/** A 1117-style adjustable LDO from VIN_5V onto `rail`, 120 Ω OUT–ADJ and `rBottom` ADJ–GND, feeding a 1.8–3.6 V MCU. */
function adjLdo(type: string, rBottom: string, rail = '+3V3', vin = 'VIN_5V'): ReturnType<typeof design> {
  return design(
    [
      part('J1', 'Terminal Block 2P', { P1: 'passive', P2: 'passive' }),
      part('U1', type, { VIN: 'power_in', VOUT: 'power_out', ADJ: 'passive' }),
      two('R1', 'RES', '120'),
      two('R2', 'RES', rBottom),
      two('C1', 'CAP', '10uF'),
      two('C2', 'CAP', '10uF'),
      part('U2', 'MCU', { VDD: 'power_in', GND: 'power_in' }, { voltage_supply: '1.8-3.6V' }),
    ],
    [net(vin, 'J1.P1', 'U1.VIN', 'C1.P1'), net(rail, 'U1.VOUT', 'R1.P1', 'C2.P1', 'U2.VDD'), net('LDO_ADJ', 'R1.P2', 'R2.P1', 'U1.ADJ'), net('GND', 'J1.P2', 'R2.P2', 'C1.P2', 'C2.P2', 'U2.GND')],
  );
}

describe('rail voltage from a regulator feedback divider', () => {
  it('flags a divider setting 5 V on a rail named for 3.3 V and passes the 3.3 V divider (MP2307, 0.925 V)', () => {
    const bad = findings(feedbackBoard('44.2k')).filter((f) => f.rule_id === 'power.feedback-voltage');
    expect(bad).toHaveLength(1);
    expect(bad[0]!.message).toContain('set to 5.014 V');
    expect(bad[0]!.components).toEqual(['R5', 'R6', 'U5']);
    expect(ids(feedbackBoard('26.1k'))).not.toContain('power.feedback-voltage');
  });

  it('judges the parts on the rail by the voltage the divider sets, not by the name', () => {
    const withMcu = (rTop: string) => {
      const d = feedbackBoard(rTop);
      d.components['U7'] = design([part('U7', 'MCU', { VDD: 'power_in', GND: 'power_in' }, { voltage_supply: '1.8-3.6V' })], []).components['U7']!;
      d.nets['VDD_3V3']!.nodes.push({ component: 'U7', pin: 'VDD' });
      d.nets['GND']!.nodes.push({ component: 'U7', pin: 'GND' });
      return d;
    };
    const over = findings(withMcu('44.2k')).filter((f) => f.rule_id === 'power.voltage-conflict');
    expect(over.map((f) => f.pins)).toEqual([['U7.VDD']]);
    expect(over[0]!.message).toMatch(/at 5\.014 V \(set by U5 feedback divider/);
    expect(ids(withMcu('26.1k'))).not.toContain('power.voltage-conflict');
  });

  it('uses the OUT–ADJ equation for 1117-style parts: 120 Ω / 200 Ω is 3.33 V, 72 Ω gives 2.0 V', () => {
    expect(ids(adjLdo('AMS1117-ADJ', '200'))).not.toContain('power.feedback-voltage');
    const swapped = findings(adjLdo('AMS1117-ADJ', '72')).filter((f) => f.rule_id === 'power.feedback-voltage');
    expect(swapped).toHaveLength(1);
    expect(swapped[0]!.message).toContain('2 V');
    // LM317: the same equation (ST LM317L data sheet).
    expect(ids(adjLdo('LM317 adjustable regulator', '360', '+5V'))).not.toContain('power.feedback-voltage');
    expect(ids(adjLdo('LM317 adjustable regulator', '200', '+5V'))).toContain('power.feedback-voltage');
  });

  it('reads the reference from the library record or the FB pin description, and guesses none', () => {
    const mk = (type: string, fbDescription?: string) => {
      const d = feedbackBoard('26.1k');
      d.components['U5']!.type = type;
      if (fbDescription) d.components['U5']!.pins['FB']!.description = fbDescription;
      return d;
    };
    // 0.8 V reference: 26.1k/10k gives 2.89 V on a 3.3 V rail.
    const lib = libPart('BUCK-08', [{ name: 'FB', type: 'input' }], { category: 'power', description: 'Buck converter', properties: { reference_voltage_v: 0.8 } });
    const ctx: ErcContext = { lookupPart: (c) => (c.type === 'BUCK-08' ? lib : undefined) };
    expect(ids(mk('BUCK-08'), ctx)).toContain('power.feedback-voltage');
    expect(ids(mk('Buck converter', 'Feedback input, regulated to 0.8 V'))).toContain('power.feedback-voltage');
    // An unknown buck: no reference, no finding.
    expect(ids(mk('Buck converter'))).not.toContain('power.feedback-voltage');
    // A fixed-output 1117 with its ADJ/GND pin on ground has no divider.
    expect(ids(adjLdo('AMS1117-3.3', '0'))).not.toContain('power.feedback-voltage');
  });

  it('reports a feedback pin with no lower resistor, straight on the rail, or reaching only ground', () => {
    const variant = (edit: (d: ReturnType<typeof design>) => void) => {
      const d = feedbackBoard('26.1k');
      edit(d);
      return findings(d).filter((f) => f.rule_id === 'power.feedback-voltage');
    };
    const drop = (d: ReturnType<typeof design>, ref: string) => {
      delete d.components[ref];
      for (const n of Object.values(d.nets)) n.nodes = n.nodes.filter((x) => x.component !== ref);
    };
    // Lower resistor left off: the rail sits at Vref, 0.925 V.
    expect(variant((d) => drop(d, 'R6')).map((f) => f.message)).toEqual([expect.stringContaining('set to 0.925 V')]);
    // FB wired to the rail itself (the fixed-output wiring): 0.925 V again.
    expect(variant((d) => (drop(d, 'R5'), drop(d, 'R6'), d.nets['VDD_3V3']!.nodes.push({ component: 'U5', pin: 'FB' }), delete d.nets['BUCK_FB'])).map((f) => f.message)).toEqual([
      expect.stringContaining('straight on the rail'),
    ]);
    // Top resistor left off: FB sees only ground, the output runs away.
    expect(variant((d) => drop(d, 'R5')).map((f) => f.message)).toEqual([expect.stringContaining('reaches ground but no output rail')]);
    // The correct divider: nothing.
    expect(variant(() => undefined)).toEqual([]);
  });

  it('takes an adjustable LDO output from its divider for the headroom check', () => {
    // AMS1117-ADJ at 3.33 V needs 3.33 + 1.3 V dropout: 5 V is enough, a 3.7 V Li-ion cell is not.
    expect(ids(adjLdo('AMS1117-ADJ', '200'))).not.toContain('power.regulator-headroom');
    const cell = adjLdo('AMS1117-ADJ', '200', '+3V3', 'VBAT');
    cell.components['J1']!.type = 'Li-ion 18650 protected cell';
    cell.components['J1']!.ref = 'BT1';
    expect(ids(cell)).toContain('power.regulator-headroom');
  });
});

describe('names that state a voltage without being rails', () => {
  it('reads a divider node named FB_3V3 as a divider node, not as a rail the FB pin sits on', () => {
    for (const name of ['FB_3V3', '3V3_FB']) {
      const d = feedbackBoard('26.1k');
      d.nets['BUCK_FB']!.name = name;
      expect(ids(d), name).not.toContain('power.feedback-voltage');
    }
  });
  it('reports a floating enable on a net named EN_1V8 as on LDO_EN', () => {
    const ldo = (enNet: string) =>
      withSupply([part('U2', 'LDO regulator 1.8V', { VIN: 'power_in', VOUT: 'power_out', GND: 'power_in', EN: 'input' }), two('C2', 'CAP', '100nF'), two('C3', 'CAP', '1uF')], [net(enNet, 'U2.EN', 'C2.P1'), net('VCC_1V8', 'U2.VOUT', 'C3.P1')], {
        VCC_3V3: ['U2.VIN'],
        GND: ['U2.GND', 'C2.P2', 'C3.P2'],
      });
    expect(ids(ldo('LDO_EN'))).toContain('pin.enable-floating');
    expect(ids(ldo('EN_1V8'))).toContain('pin.enable-floating');
  });
  it('reads a rail named -5V as below ground: 10 V across a capacitor from +5V', () => {
    const split = (rating: string) =>
      design(
        [part('J1', 'Terminal 3P', { P1: 'passive', P2: 'passive', P3: 'passive' }), two('C1', 'CAP', `1uF ${rating}`)],
        [net('+5V', 'J1.P1', 'C1.P1'), net('GND', 'J1.P2'), netOf('power', '-5V', 'J1.P3', 'C1.P2')],
      );
    expect(ids(split('6.3V'))).toContain('cap.voltage-rating');
    expect(ids(split('16V'))).not.toContain('cap.voltage-rating');
  });
  it('passes a correct flyback diode across a coil drawn as an inductor (its switched end inherits the rail voltage)', () => {
    const sol = (reversed: boolean) =>
      withSupply(
        [part('L1', 'Inductor (solenoid coil)', { '1': 'passive', '2': 'passive' }, { value: '10mH' }), part('D1', 'Diode 1N4148', { A: 'passive', K: 'passive' }), part('Q1', 'N-MOSFET', { G: 'passive', D: 'passive', S: 'passive' })],
        [net('SOL_DRV', 'L1.2', 'Q1.D', reversed ? 'D1.K' : 'D1.A')],
        { VIN_5V: ['L1.1', reversed ? 'D1.A' : 'D1.K'], GND: ['Q1.S'] },
      );
    expect(ids(sol(false))).not.toContain('diode.across-rail');
    expect(ids(sol(true))).toContain('diode.across-rail');
  });
  it('catches a reversed flyback across a coil fed from a rail known only by propagation (after a series diode)', () => {
    const relay = (reversed: boolean) =>
      withSupply(
        [part('D2', 'Schottky diode', { A: 'passive', K: 'passive' }), part('K1', 'Relay 5V coil', { '1': 'passive', '2': 'passive' }), part('D1', 'Diode 1N4148', { A: 'passive', K: 'passive' }), part('Q1', 'N-MOSFET', { G: 'passive', D: 'passive', S: 'passive' })],
        [net('VIN_PROT', 'D2.K', 'K1.1', reversed ? 'D1.A' : 'D1.K'), net('RLY_DRV', 'K1.2', 'Q1.D', reversed ? 'D1.K' : 'D1.A')],
        { VIN_5V: ['D2.A'], GND: ['Q1.S'] },
      );
    expect(ids(relay(true))).toContain('diode.across-rail');
    expect(ids(relay(false))).not.toContain('diode.across-rail');
  });
  it('reads FB wired to its output rail even when the rail carries pull-ups and loads', () => {
    const d = feedbackBoard('26.1k');
    // FB moved from the divider onto the rail; the rail keeps an I2C pull-up and the divider parts.
    d.nets['BUCK_FB']!.nodes = d.nets['BUCK_FB']!.nodes.filter((n) => n.component !== 'U5');
    d.nets['VDD_3V3']!.nodes.push({ component: 'U5', pin: 'FB' });
    expect(findings(d).filter((f) => f.rule_id === 'power.feedback-voltage').map((f) => f.message)).toEqual([expect.stringContaining('straight on the rail')]);
  });
});

describe('the cited reference-voltage table', () => {
  const ref = (mpn: string) => REFERENCE_VOLTAGES.find((r) => r.match.test(mpn.toLowerCase()))?.volts ?? null;
  it('knows the adjustable versions and not their fixed-output siblings', () => {
    expect([ref('MP2307DN-LF-Z'), ref('LM2596S-ADJ'), ref('TPS5430DDA'), ref('TPS62130ARGTR'), ref('TPS63020DSJR'), ref('AMS1117-ADJ'), ref('LM317T')]).toEqual([0.925, 1.23, 1.221, 0.8, 0.5, 1.25, 1.25]);
    expect([ref('LM2596S-5.0'), ref('TPS62131RGTR'), ref('TPS63021DSJR'), ref('AMS1117-3.3')]).toEqual([null, null, null, null]);
    for (const r of REFERENCE_VOLTAGES) expect(r.source).toMatch(/data sheet/);
  });
});

describe('inputs held above their supply', () => {
  const sense = (top: string, bottom: string | null, pinType: PartSpec['pins'][string]['type'] = 'input', description = '') => {
    const mcu = part('U1', 'MCU', { VDD: 'power_in', GND: 'power_in', PA0: pinType });
    if (description) mcu.pins['PA0'] = { ...mcu.pins['PA0']!, description } as PartSpec['pins'][string];
    const parts = [mcu, two('C1', 'CAP', '100nF'), two('R1', 'RES', top), ...(bottom ? [two('R2', 'RES', bottom)] : [])];
    return withSupply(parts, [net('ADC_VIN', 'U1.PA0', 'R1.P2', ...(bottom ? ['R2.P1'] : []))], {
      VCC_3V3: ['U1.VDD', 'C1.P1'],
      GND: ['U1.GND', 'C1.P2', ...(bottom ? ['R2.P2'] : [])],
      VIN_5V: ['R1.P1'],
    });
  };
  it('computes the divider: 10k/10k from 5 V is 2.5 V (fine), 10k/100k is 4.55 V (over a 3.3 V MCU)', () => {
    expect(ids(sense('10k', '10k'))).not.toContain('signal.over-voltage');
    const hits = findings(sense('10k', '100k')).filter((f) => f.rule_id === 'signal.over-voltage');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toContain('4.55 V');
    expect(hits[0]!.pins).toEqual(['U1.PA0']);
  });
  it('lets a five-volt-tolerant STM32F103 pin take a 5 V pull-up, but not its analog-capable pins', () => {
    const stm = (pin: string) => {
      const d = sense('4.7k', null);
      d.components['U1']!.type = 'STM32F103C8T6';
      d.components['U1']!.pins = { VDD: { name: 'VDD', type: 'power_in', number: null, description: '' }, GND: { name: 'GND', type: 'power_in', number: null, description: '' }, [pin]: { name: pin, type: 'bidirectional', number: null, description: '' } };
      d.nets['ADC_VIN']!.nodes = d.nets['ADC_VIN']!.nodes.map((n) => (n.component === 'U1' ? { component: 'U1', pin } : n));
      return d;
    };
    expect(ids(stm('PB10'))).not.toContain('signal.over-voltage');
    expect(ids(stm('PA0'))).toContain('signal.over-voltage');
  });
  it('judges open-drain and bidirectional pins, leaves pins described as tolerant and nets with a push-pull driver alone', () => {
    expect(ids(sense('4.7k', null, 'open_collector'))).toContain('signal.over-voltage');
    expect(ids(sense('4.7k', null, 'bidirectional'))).toContain('signal.over-voltage');
    expect(ids(sense('4.7k', null, 'input', '5V tolerant GPIO'))).not.toContain('signal.over-voltage');
    const driven = sense('4.7k', null);
    driven.components['U3'] = design([part('U3', 'Buffer', { Y: 'output' })], []).components['U3']!;
    driven.nets['ADC_VIN']!.nodes.push({ component: 'U3', pin: 'Y' });
    expect(ids(driven)).not.toContain('signal.over-voltage');
  });
});

describe('capacitor voltage rating', () => {
  const capOn = (value: string, rail: string, extra: Partial<PartSpec> = {}) => withSupply([two('C1', 'CAP', value, extra)], [], { [rail]: ['C1.P1'], GND: ['C1.P2'] });
  it('reads ratings written 6.3V, 6V3, /16V and compares them with the rail', () => {
    expect(ids(capOn('10uF 4V', 'VIN_5V'))).toContain('cap.voltage-rating');
    expect(ids(capOn('10uF/6V3', 'VIN_5V'))).not.toContain('cap.voltage-rating');
    expect(ids(capOn('10uF 2V5', 'VCC_3V3'))).toContain('cap.voltage-rating');
    expect(ids(capOn('100nF', 'VIN_5V'))).not.toContain('cap.voltage-rating');
  });
  it('uses the library rating when the design states none', () => {
    const lib = libPart('CAP-4V', [], { category: 'passive', properties: { capacitance: 1e-5, electrical_limits: { rated_voltage_v: 4 } } });
    const ctx: ErcContext = { lookupPart: (c) => (c.type === 'CAP-4V' ? lib : undefined) };
    expect(ids(withSupply([part('C1', 'CAP-4V', { P1: 'passive', P2: 'passive' })], [], { VIN_5V: ['C1.P1'], GND: ['C1.P2'] }), ctx)).toContain('cap.voltage-rating');
    expect(ids(withSupply([part('C1', 'CAP-4V', { P1: 'passive', P2: 'passive' })], [], { VCC_3V3: ['C1.P1'], GND: ['C1.P2'] }), ctx)).not.toContain('cap.voltage-rating');
  });
  it('judges the voltage between the two nets, not the higher one', () => {
    // A 4 V capacitor between the 5 V input and the 3.3 V rail sees 1.7 V.
    expect(ids(withSupply([two('C1', 'CAP', '1uF 4V')], [], { VIN_5V: ['C1.P1'], VCC_3V3: ['C1.P2'] }))).not.toContain('cap.voltage-rating');
  });
});

describe('multi-rail parts and sense nets', () => {
  it('judges the main supply of a part with a second supply (VDD beside VBAT) by its stated range', () => {
    const mcu = (vddRail: string) =>
      withSupply([part('U1', 'MCU', { VDD: 'power_in', VBAT: 'power_in', GND: 'power_in' }, { voltage_supply: '1.8-3.6V' }), two('C1', 'CAP', '100nF'), part('BT1', 'CR2032 coin cell', { '+': 'passive', '-': 'passive' })], [net('VBAT_RTC', 'U1.VBAT', 'BT1.+')], {
        [vddRail]: ['U1.VDD', 'C1.P1'],
        GND: ['U1.GND', 'C1.P2', 'BT1.-'],
      });
    expect(findings(mcu('VIN_5V')).filter((f) => f.rule_id === 'power.voltage-conflict').map((f) => f.pins)).toEqual([['U1.VDD']]);
    expect(ids(mcu('VCC_3V3'))).not.toContain('power.voltage-conflict');
  });
  it('does not ask for a source on a net typed power that is named like no rail and holds no power pin (a divider tap)', () => {
    const tap = (name: string) =>
      withSupply([part('U1', 'MCU', { VDD: 'power_in', GND: 'power_in', PA0: 'input' }), two('C1', 'CAP', '100nF'), two('R1', 'RES', '100k'), two('R2', 'RES', '10k')], [netOf('power', name, 'U1.PA0', 'R1.P2', 'R2.P1')], {
        VCC_3V3: ['U1.VDD', 'C1.P1'],
        GND: ['U1.GND', 'C1.P2', 'R2.P2'],
        VIN_5V: ['R1.P1'],
      });
    expect(ids(tap('VIN_SENSE'))).not.toContain('power.net-unsourced');
    // Named like a rail, it still needs a source.
    const rail = withSupply([two('C1', 'CAP', '100nF')], [netOf('power', 'VCC_1V8', 'C1.P1')], { GND: ['C1.P2'] });
    expect(ids(rail)).toContain('power.net-unsourced');
  });
});

describe('capacitor ratings stated outside the value', () => {
  it('reads the design properties and, for a capacitor, its voltage_supply field', () => {
    const on5 = (extra: Partial<PartSpec>) => withSupply([two('C1', 'CAP', '10uF', extra)], [], { VIN_5V: ['C1.P1'], GND: ['C1.P2'] });
    expect(ids(on5({ voltage_supply: '4' }))).toContain('cap.voltage-rating');
    expect(ids(on5({ voltage_supply: '16V' }))).not.toContain('cap.voltage-rating');
    const withProps = on5({});
    withProps.components['C1']!.properties = { voltage_rating_v: 4 };
    expect(ids(withProps)).toContain('cap.voltage-rating');
  });
});

describe('regulator outputs joined by name', () => {
  it('flags two LDOs whose VOUT pins (typed power, as ZapTrace documents write them) share a rail, and not one LDO per rail', () => {
    const two3v3 = (joined: boolean) =>
      design(
        [part('J1', 'Terminal Block 2P', { P1: 'passive', P2: 'passive' }), part('U1', 'LDO regulator 3.3V', { VIN: 'power_in', VOUT: 'power_in', GND: 'power_in' }), part('U2', 'LDO regulator 3.3V', { VIN: 'power_in', VOUT: 'power_in', GND: 'power_in' })],
        [net('VIN_5V', 'J1.P1', 'U1.VIN', 'U2.VIN'), net('GND', 'J1.P2', 'U1.GND', 'U2.GND'), ...(joined ? [net('VCC_3V3', 'U1.VOUT', 'U2.VOUT')] : [net('VCC_3V3', 'U1.VOUT'), net('VCC_3V3_B', 'U2.VOUT')])],
      );
    const hits = findings(two3v3(true)).filter((f) => f.rule_id === 'power.regulator-outputs-joined');
    expect(hits.map((f) => f.components)).toEqual([['U1', 'U2']]);
    expect(ids(two3v3(false))).not.toContain('power.regulator-outputs-joined');
  });
});

describe('diodes across a rail', () => {
  const clamp = (type: string, anodeNet: string, cathodeNet: string, pins: [string, string] = ['A', 'K']) =>
    withSupply([part('D1', type, { [pins[0]]: 'passive', [pins[1]]: 'passive' })], [], { [anodeNet]: [`D1.${pins[0]}`], [cathodeNet]: [`D1.${pins[1]}`] });
  it('flags a Zener or rectifier with its anode on the rail and cathode on ground, by name or KiCad pad order (1 = K)', () => {
    expect(ids(clamp('Zener diode 5V6', 'VIN_5V', 'GND'))).toContain('diode.across-rail');
    expect(ids(clamp('Zener diode 5V6', 'GND', 'VIN_5V'))).not.toContain('diode.across-rail');
    expect(ids(clamp('Diode 1N4148', 'VCC_3V3', 'GND', ['2', '1']))).toContain('diode.across-rail');
    expect(ids(clamp('Diode 1N4148', 'VCC_3V3', 'GND', ['1', '2']))).not.toContain('diode.across-rail');
  });
  it('flags a flyback diode across a relay coil with its anode on the rail, and passes it the right way round', () => {
    const relay = (anodeOnRail: boolean) =>
      withSupply(
        [part('K1', 'Relay 5V coil', { '1': 'passive', '2': 'passive' }), part('D3', 'Diode 1N4148', { A: 'passive', K: 'passive' }), part('Q1', 'NPN transistor', { B: 'passive', C: 'passive', E: 'passive' })],
        [net('RELAY_N', 'K1.2', 'Q1.C', anodeOnRail ? 'D3.K' : 'D3.A')],
        { VIN_5V: ['K1.1', anodeOnRail ? 'D3.A' : 'D3.K'], GND: ['Q1.E'] },
      );
    const hits = findings(relay(true)).filter((f) => f.rule_id === 'diode.across-rail');
    expect(hits.map((f) => f.components)).toEqual([['D3', 'K1']]);
    expect(ids(relay(false))).not.toContain('diode.across-rail');
  });
  it('leaves bidirectional TVS parts alone', () => {
    expect(ids(clamp('TVS SMBJ5.0CA', 'VIN_5V', 'GND'))).not.toContain('diode.across-rail');
    expect(ids(clamp('TVS diode bidirectional', 'VIN_5V', 'GND'))).not.toContain('diode.across-rail');
  });
});

describe('ground pins and enable inputs', () => {
  const sensor = (gndNet: string, extraParts: PartSpec[] = [], extraNets: NetSpec[] = [], gndNodes: string[] = []) =>
    withSupply([part('U2', 'Sensor', { VDD: 'power_in', GND: 'power_in' }), two('C2', 'CAP', '100nF'), ...extraParts], extraNets, { VCC_3V3: ['U2.VDD', 'C2.P1'], GND: ['C2.P2'], [gndNet]: ['U2.GND', ...gndNodes] });
  it('flags a GND pin on a rail, or on a net that reaches ground only through a capacitor', () => {
    expect(ids(sensor('VCC_3V3'))).toContain('power.ground-pin-not-grounded');
    const floating = withSupply([part('U2', 'Sensor', { VDD: 'power_in', GND: 'power_in' }), two('C2', 'CAP', '100nF'), two('C3', 'CAP', '10nF')], [net('SENS_RTN', 'U2.GND', 'C3.P1')], { VCC_3V3: ['U2.VDD', 'C2.P1'], GND: ['C2.P2', 'C3.P2'] });
    expect(ids(floating)).toContain('power.ground-pin-not-grounded');
    expect(ids(sensor('GND'))).not.toContain('power.ground-pin-not-grounded');
    // KiCad's analog-ground symbol GNDA, even when a netlist types it power.
    const gnda = sensor('GNDA', [], [], []);
    gnda.nets['GNDA'] = { id: 'GNDA', name: 'GNDA', type: 'power', nodes: [{ component: 'U2', pin: 'GND' }], class: null, constraints: {} };
    expect(ids(gnda)).not.toContain('power.ground-pin-not-grounded');
  });
  it('accepts a ground switched by a transistor and a VSS pin on a negative rail', () => {
    const switched = withSupply([part('U2', 'Sensor', { VDD: 'power_in', GND: 'power_in' }), two('C2', 'CAP', '100nF'), part('Q1', 'N-MOSFET', { D: 'passive', S: 'passive', G: 'passive' })], [net('SENS_LOW', 'U2.GND', 'Q1.D')], { VCC_3V3: ['U2.VDD', 'C2.P1'], GND: ['C2.P2', 'Q1.S'] });
    expect(ids(switched)).not.toContain('power.ground-pin-not-grounded');
    const opamp = design([part('J1', 'Terminal 3P', { P1: 'passive', P2: 'passive', P3: 'passive' }), part('U1', 'Op-amp', { VDD: 'power_in', VSS: 'power_in' })], [net('+5V', 'J1.P1', 'U1.VDD'), netOf('power', '-5V', 'J1.P2', 'U1.VSS'), net('GND', 'J1.P3')]);
    expect(ids(opamp)).not.toContain('power.ground-pin-not-grounded');
  });
  const en = (extra: PartSpec[], enNodes: string[], description = '') => {
    const dev = part('U2', 'Sensor', { VDD: 'power_in', GND: 'power_in', EN: 'input' });
    if (description) dev.pins['EN'] = { ...dev.pins['EN']!, description } as PartSpec['pins'][string];
    return withSupply([dev, two('C2', 'CAP', '100nF'), two('C3', 'CAP', '1nF'), ...extra], [net('SENS_EN', 'U2.EN', 'C3.P1', ...enNodes)], { VCC_3V3: ['U2.VDD', 'C2.P1'], GND: ['U2.GND', 'C2.P2', 'C3.P2'] });
  };
  it('flags an enable with only a capacitor, and passes one pulled up, driven or pulled internally', () => {
    expect(ids(en([], []))).toContain('pin.enable-floating');
    const pulled = en([two('R3', 'RES', '100k')], ['R3.P2']);
    pulled.nets['VCC_3V3']!.nodes.push({ component: 'R3', pin: 'P1' });
    expect(ids(pulled)).not.toContain('pin.enable-floating');
    expect(ids(en([part('U1', 'MCU', { PA1: 'output' })], ['U1.PA1']))).not.toContain('pin.enable-floating');
    expect(ids(en([], [], 'Enable, internal pull-up'))).not.toContain('pin.enable-floating');
  });
});
