import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { Design } from '../../../src/eda/model/design.js';
import { isZapTraceError } from '../../../src/kernel/errors.js';
import { ERC_RULES, ERC_RULESET_VERSION, listErcRules, runErc, type ErcRule } from '../../../src/eda/erc/index.js';
import { design, net, part, two, withSupply } from './design-builder.js';
import { libPart } from './cases.js';

const clean = () => Design.parse(parseYaml(readFileSync(path.resolve(process.cwd(), 'fixtures/erc/clean-board.yaml'), 'utf8')));
const ids = (r: ReturnType<typeof runErc>) => r.findings.map((f) => f.rule_id);

describe('runErc on a clean board', () => {
  it('passes with no findings at all and runs every rule', () => {
    const r = runErc(clean());
    expect(r.findings).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(r.rules_run).toBe(ERC_RULES.length);
    expect(r.ruleset_version).toBe(ERC_RULESET_VERSION);
  });

  it('fails once one planted error is added (LED moved onto the GPIO directly is only a warning; a second regulator output is an error)', () => {
    const d = clean();
    d.nets['LED_DRV']!.nodes.push({ component: 'D2', pin: 'ANODE' });
    d.nets['LED_A']!.nodes = d.nets['LED_A']!.nodes.filter((n) => n.component !== 'D2');
    const warn = runErc(d);
    expect(ids(warn)).toContain('led.series-resistor-missing');
    expect(warn.passed).toBe(true);
    d.components['U2']!.pins['PA0'] = { name: 'PA0', type: 'power_out', number: null, description: '' };
    d.nets['VCC_3V3']!.nodes.push({ component: 'U2', pin: 'PA0' });
    const err = runErc(d);
    expect(ids(err)).toContain('pin-conflict.power-out-power-out');
    expect(err.passed).toBe(false);
    expect(err.counts.error).toBe(err.findings.filter((f) => f.severity === 'error').length);
  });
});

describe('fail-closed behaviour', () => {
  const crash: ErcRule = {
    id: 'test.crash',
    severity: 'info',
    category: 'test',
    title: 'Crashes',
    description: 'Throws.',
    zaptrace: [],
    check: () => {
      throw new Error('boom in /home/someone/secret/file.ts');
    },
  };
  const garbage: ErcRule = { ...crash, id: 'test.garbage', check: () => 'nope' as never };

  it('turns a throwing rule into an ERC_INTERNAL error and fails the run', () => {
    const r = runErc(clean(), {}, [...ERC_RULES, crash]);
    expect(r.passed).toBe(false);
    const f = r.findings.filter((x) => x.rule_id === 'ERC_INTERNAL');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('error');
    expect(f[0]!.message).toContain('test.crash');
    expect(f[0]!.message).not.toContain('/home/someone');
    expect(r.rules_run).toBe(ERC_RULES.length + 1);
  });

  it('keeps the other rules’ findings when one rule crashes', () => {
    const d = clean();
    d.nets['NRST']!.nodes.splice(1, 1); // drop the reset pull-up: a real finding
    const r = runErc(d, {}, [crash, ...ERC_RULES]);
    expect(ids(r)).toContain('ERC_INTERNAL');
    expect(ids(r)).toContain('net.single-node');
  });

  it('fails closed on a rule that returns something other than a list', () => {
    const r = runErc(clean(), {}, [garbage]);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toContain('test.garbage');
  });

  it('fails closed when building the netlist fails (a throwing library lookup)', () => {
    const r = runErc(clean(), {
      lookupPart: () => {
        throw new Error('library down');
      },
    });
    expect(r.passed).toBe(false);
    expect(r.rules_run).toBe(0);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.rule_id).toBe('ERC_INTERNAL');
  });

  it('rejects something that is not a design with INVALID_INPUT', () => {
    let caught: unknown;
    try {
      runErc({ meta: {} } as unknown as Design);
    } catch (err) {
      caught = err;
    }
    expect(isZapTraceError(caught) && caught.code).toBe('INVALID_INPUT');
  });
});

describe('determinism', () => {
  function messy(reverse: boolean) {
    const d = clean();
    // Plant several findings across rules.
    d.nets['NRST']!.nodes.splice(1, 1);
    d.nets['I2C_SDA']!.nodes.pop();
    d.components['C3']!.dnp = true;
    d.components['C4']!.dnp = true;
    if (!reverse) return d;
    const comps = Object.entries(d.components).reverse();
    const nets = Object.entries(d.nets).reverse().map(([k, n]) => [k, { ...n, nodes: [...n.nodes].reverse() }] as const);
    return Design.parse({ ...d, components: Object.fromEntries(comps), nets: Object.fromEntries(nets) });
  }

  it('gives identical reports regardless of map and node order, and on repeated runs', () => {
    const a = runErc(messy(false));
    const b = runErc(messy(true));
    expect(a.findings.length).toBeGreaterThan(2);
    expect(b).toEqual(a);
    expect(runErc(messy(false))).toEqual(a);
  });

  it('sorts findings by rule id, then components', () => {
    const r = runErc(messy(false));
    const keys = r.findings.map((f) => `${f.rule_id}\u0000${f.components.join(',')}`);
    expect(keys).toEqual([...keys].sort());
  });
});

describe('rule list', () => {
  it('has stable, unique, documented ids covering at least ZapTrace’s 29 rule intents', () => {
    const list = listErcRules();
    expect(list.length).toBe(ERC_RULES.length);
    expect(new Set(list.map((r) => r.id)).size).toBe(list.length);
    for (const r of list) {
      expect(r.id).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/);
      expect(r.description).toMatch(/^[A-Z].*\.$/);
      expect(['error', 'warning', 'info']).toContain(r.severity);
    }
    const covered = new Set(ERC_RULES.flatMap((r) => r.zaptrace));
    for (let i = 1; i <= 29; i++) expect(covered.has(`ERC${String(i).padStart(3, '0')}`), `ERC${i}`).toBe(true);
  });
});

describe('library data and named fallbacks', () => {
  const lib = libPart('DRV', [
    { name: 'OUT', type: 'output' },
    { name: 'VDD', type: 'power_in' },
    { name: 'GND', type: 'power_in' },
  ]);
  const lookupPart = (c: { type: string }) => (c.type === 'DRV' ? lib : undefined);

  it('takes an unspecified pin’s type from the library part', () => {
    const d = withSupply(
      [part('U1', 'DRV', { OUT: 'unspecified', VDD: 'power_in', GND: 'power_in' }), part('U2', 'DRV', { OUT: 'unspecified', VDD: 'power_in', GND: 'power_in' })],
      [net('SIG', 'U1.OUT', 'U2.OUT')],
      { VCC_3V3: ['U1.VDD', 'U2.VDD'], GND: ['U1.GND', 'U2.GND'] },
    );
    expect(ids(runErc(d))).not.toContain('pin-conflict.output-output');
    const r = runErc(d, { lookupPart });
    const f = r.findings.find((x) => x.rule_id === 'pin-conflict.output-output');
    expect(f?.message).toContain('from library');
    expect(f?.pins).toEqual(['U1.OUT', 'U2.OUT']);
    expect(ids(r)).not.toContain('pin.type-unknown');
  });

  it('flags a 3.3 V net name driven by a 5 V regulator', () => {
    const d = design(
      [part('J1', 'Terminal Block 2P', { P1: 'passive', P2: 'passive' }), part('U1', 'AMS1117-5.0', { VIN: 'power_in', VOUT: 'output', GND: 'power_in' }), two('C1', 'CAP', '10u'), two('C2', 'CAP', '10u')],
      [net('VIN_12V', 'J1.P1', 'U1.VIN', 'C1.P1'), net('VCC_3V3', 'U1.VOUT', 'C2.P1'), net('GND', 'J1.P2', 'U1.GND', 'C1.P2', 'C2.P2')],
    );
    const f = runErc(d).findings.filter((x) => x.rule_id === 'power.voltage-conflict');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/3\.3 V.*5 V/);
  });

  it('says when a finding rests on a name rather than on types', () => {
    const d = design([two('C1', 'CAP', '100n'), two('C2', 'CAP', '1u')], [{ ...net('VCC_3V3', 'C1.P1', 'C2.P1'), type: 'signal' }, net('GND', 'C1.P2', 'C2.P2')]);
    const f = runErc(d).findings.find((x) => x.rule_id === 'power.net-unsourced');
    expect(f?.message).toContain('recognised by name');
  });

  it('does not count DNP capacitors as decoupling, and says so', () => {
    const d = clean();
    for (const c of ['C2', 'C3', 'C4', 'C7', 'C8']) d.components[c]!.dnp = true;
    const f = runErc(d).findings.filter((x) => x.rule_id === 'decoupling.missing');
    expect(f.map((x) => x.components[0])).toEqual(['U1', 'U2', 'U3', 'U4']);
    expect(f[0]!.message).toContain('DNP');
  });

  it('passes a rail through a ferrite bead (the far side is sourced)', () => {
    const d = withSupply([part('U1', 'ADC', { AVDD: 'power_in', GND: 'power_in' }), two('FB1', 'Ferrite bead', null), two('C1', 'CAP', '100n')], [net('VDDA', 'FB1.P2', 'U1.AVDD', 'C1.P1')], {
      VCC_3V3: ['FB1.P1'],
      GND: ['U1.GND', 'C1.P2'],
    });
    expect(ids(runErc(d))).not.toContain('power.not-driven');
  });

  it('never asks for a capacitor on a buck converter’s switch node', () => {
    const d = withSupply(
      [part('U1', 'Buck converter 3.3V', { VIN: 'power_in', SW: 'output', FB: 'input', GND: 'power_in' }), two('L1', 'IND', '4.7uH'), two('C1', 'CAP', '22u'), two('R1', 'RES', '100k'), two('R2', 'RES', '22k')],
      [net('SW_NODE', 'U1.SW', 'L1.P1'), net('VOUT_3V3', 'L1.P2', 'C1.P1', 'R1.P1'), net('FB', 'R1.P2', 'R2.P1', 'U1.FB')],
      { VIN_5V: ['U1.VIN'], GND: ['U1.GND', 'C1.P2', 'R2.P2'] },
    );
    const r = runErc(d);
    expect(r.findings.filter((f) => f.rule_id === 'decoupling.missing')).toEqual([]);
    expect(ids(r)).not.toContain('power.net-unsourced');
  });

  it('reads "up to 15V input" on a regulator pin as a limit, not a nominal supply', () => {
    const reg = libPart('AMS1117-3.3', [
      { name: 'INPUT', type: 'power_in', description: 'Up to 15V input' },
      { name: 'OUTPUT', type: 'power_out' },
      { name: 'GND', type: 'power_in' },
    ], { category: 'power', description: 'Low-dropout voltage regulator, 3.3V output, 1A', properties: { output_voltage_v: 3.3, dropout_voltage_v: 1.1 }, voltage_supply_v: 5 });
    const mk = (vin: string) =>
      design(
        [part('J1', 'Terminal Block 2P', { P1: 'passive', P2: 'passive' }), part('U1', 'AMS1117-3.3', { INPUT: 'power_in', OUTPUT: 'output', GND: 'power_in' }), two('C1', 'CAP', '10u'), two('C2', 'CAP', '10u')],
        [net(vin, 'J1.P1', 'U1.INPUT', 'C1.P1'), net('VCC_3V3', 'U1.OUTPUT', 'C2.P1'), net('GND', 'J1.P2', 'U1.GND', 'C1.P2', 'C2.P2')],
      );
    const lookupPart = (c: { type: string }) => (c.type === 'AMS1117-3.3' ? reg : undefined);
    expect(runErc(mk('VIN_5V'), { lookupPart }).findings).toEqual([]);
    expect(ids(runErc(mk('VIN_24V'), { lookupPart }))).toContain('power.voltage-conflict');
    expect(ids(runErc(mk('VIN_4V0'), { lookupPart }))).toContain('power.regulator-headroom');
  });
});
