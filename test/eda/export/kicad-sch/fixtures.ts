import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Design, PIN_TYPES } from '../../../../src/eda/model/design.js';
import { parseDesignText } from '../../../../src/eda/parse/index.js';
import { design, net, part, two, withSupply } from '../../erc/design-builder.js';

/** Test designs for the schematic writer. */
export const tinyLed = (): Design => parseDesignText(readFileSync(path.resolve(process.cwd(), 'fixtures/designs/tiny-led.yaml'), 'utf8')).design;

export const cleanBoard = (): Design => Design.parse(parseYaml(readFileSync(path.resolve(process.cwd(), 'fixtures/erc/clean-board.yaml'), 'utf8')));

/** Two push-pull outputs driving one net: KiCad's pin-to-pin matrix says error (and so does ours). */
export const twoOutputs = (): Design =>
  withSupply(
    [part('U1', 'Logic buffer', { A: 'input', Y: 'output', VCC: 'power_in', GND: 'power_in' }), part('U2', 'Logic buffer', { A: 'input', Y: 'output', VCC: 'power_in', GND: 'power_in' }), two('R1', 'RES', '10k')],
    [net('CLASH', 'U1.Y', 'U2.Y'), net('IN', 'U1.A', 'U2.A', 'R1.P1')],
    { VCC_3V3: ['U1.VCC', 'U2.VCC', 'R1.P2'], GND: ['U1.GND', 'U2.GND'] },
  );

/** A supply net with power inputs and nothing sourcing it. */
export const unsourced = (): Design =>
  design(
    [part('U1', 'Sensor', { VDD: 'power_in', GND: 'power_in', OUT: 'output' }), two('C1', 'CAP', '100n'), two('R1', 'RES', '10k')],
    [net('VDD_FLOAT', 'U1.VDD', 'C1.P1'), net('GND', 'U1.GND', 'C1.P2', 'R1.P2'), net('SIG', 'U1.OUT', 'R1.P1')],
  );

/** A regulator whose output pin is typed `output` (not power_out) feeding an MCU's supply pin. */
export const outputRail = (): Design =>
  withSupply(
    [part('U2', 'LDO regulator 1.8V', { VIN: 'power_in', VOUT: 'output', GND: 'power_in' }), part('U3', 'MCU', { VDD: 'power_in', GND: 'power_in' }), two('C3', 'CAP', '1uF')],
    [net('VCC_1V8', 'U2.VOUT', 'U3.VDD', 'C3.P1')],
    { VCC_3V3: ['U2.VIN'], GND: ['U2.GND', 'U3.GND', 'C3.P2'] },
  );

/** An accelerometer whose address-select output (LIS3DH SDO/SA0) is strapped to ground. */
export const groundStrap = (): Design =>
  withSupply(
    [part('U4', 'LIS3DH', { VDD: 'power_in', GND: 'power_in', SDO: 'output' })],
    [],
    { VCC_3V3: ['U4.VDD'], GND: ['U4.GND', 'U4.SDO'] },
  );

/** Every user string hostile: quotes, parentheses, backslashes, newlines, KiCad label markup, non-ASCII. */
export function hostile(): Design {
  const nasty = 'R"1) (kicad_sch\\';
  return Design.parse({
    meta: { name: 'evil") (paper "A0', version: '1\n2', author: 'Ünïcødé ${X}' },
    board: { width_mm: 50, height_mm: 40, layers: 2 },
    components: {
      a: { id: 'a', ref: nasty, type: 'RES', value: '10k")\n(uuid', footprint: 'R_0603"(x)', description: 'tab\there', pins: { '"p1': { name: '"p1', type: 'passive' }, 'p2)': { name: 'p2)', type: 'passive' } } },
      b: { id: 'b', ref: 'C\u00b5 1', type: 'CAP', value: '100n', footprint: null, pins: { '1': { name: '1', type: 'passive' }, '2': { name: '2', type: 'passive' } } },
      c: { id: 'c', ref: 'J1', type: 'conn', value: null, footprint: null, pins: { '1': { name: '1', type: 'passive' }, '2': { name: '2', type: 'passive' }, '3': { name: '3', type: 'passive' }, '4': { name: '4', type: 'passive' } } },
    },
    nets: {
      n1: { id: 'n1', name: 'A/B', nodes: [{ component: 'a', pin: '"p1' }, { component: 'b', pin: '1' }] },
      n2: { id: 'n2', name: 'A_B', nodes: [{ component: 'a', pin: 'p2)' }, { component: 'c', pin: '1' }] },
      n3: { id: 'n3', name: 'D[0..7]', nodes: [{ component: 'b', pin: '2' }, { component: 'c', pin: '2' }] },
      n4: { id: 'n4', name: '${VAR} ~{RST} "x" (y)', nodes: [{ component: 'c', pin: '3' }, { component: 'c', pin: '4' }] },
    },
  });
}

/** `count` resistor dividers: enough parts to need a larger sheet. */
export function manyParts(count: number): Design {
  const parts = [];
  const nets = [];
  for (let i = 1; i <= count; i++) {
    parts.push(two(`R${2 * i - 1}`, 'RES', '10k'), two(`R${2 * i}`, 'RES', '10k'));
    nets.push(net(`MID_${i}`, `R${2 * i - 1}.P2`, `R${2 * i}.P1`));
  }
  const ends = parts.flatMap((p, k) => (k % 2 === 0 ? [`${p.ref}.P1`] : [`${p.ref}.P2`]));
  return design(parts, [...nets, net('TOP', ...ends.filter((_, k) => k % 2 === 0)), net('GND', ...ends.filter((_, k) => k % 2 === 1))]);
}

/** One IC with a pin of every type, none connected. */
export function allPinTypes(): Design {
  const pins = Object.fromEntries(PIN_TYPES.map((t) => [t.toUpperCase(), { name: t.toUpperCase(), type: t }]));
  return Design.parse({ meta: { name: 'types' }, board: { width_mm: 10, height_mm: 10, layers: 2 }, components: { u: { id: 'u', ref: 'U1', type: 'IC', pins } } });
}

/** One pin listed on two nets (a short our ERC reports): both labels sit on that pin's wire. */
export const shorted = (): Design =>
  design([two('R1', 'RES', '1k'), two('R2', 'RES', '1k')], [net('NET_A', 'R1.P1', 'R2.P1'), net('NET_B', 'R1.P1', 'R2.P2'), net('NET_C', 'R1.P2')]);
