import { describe, expect, it } from 'vitest';
import { rfShortfalls } from '../../../src/eda/erc/rf-essentials.js';
import { design, net, part, two } from './design-builder.js';

/** An nRF52840 with (or without) the parts Nordic's reference circuit puts around it. */
function nrf(parts: { crystal: boolean; match: boolean; dec: boolean }) {
  const ps = [part('U1', 'nRF52840-QIAA', { VDD: 'power_in', VSS: 'power_in', DEC1: 'power_out', DEC4: 'power_out', XC1: 'input', XC2: 'output', ANT: 'bidirectional' }), two('C1', 'CAP', '100nF')];
  const nets = [net('VCC_3V3', 'U1.VDD', 'C1.P1'), net('GND', 'U1.VSS', 'C1.P2')];
  if (parts.crystal) ps.push(part('Y1', 'Crystal 32MHz', { '1': 'passive', '3': 'passive' }));
  nets.push(net('XC1', 'U1.XC1', ...(parts.crystal ? ['Y1.1'] : [])), net('XC2', 'U1.XC2', ...(parts.crystal ? ['Y1.3'] : [])));
  if (parts.match) {
    ps.push(two('L1', 'Inductor 3.9nH', '3.9nH'), two('C4', 'CAP', '0.8pF'), part('AE1', 'Chip antenna 2.4GHz', { '1': 'passive' }));
    nets.push(net('ANT', 'U1.ANT', 'L1.P1'), net('RF_OUT', 'L1.P2', 'C4.P1', 'AE1.1'));
    nets[1]!.nodes.push({ component: 'C4', pin: 'P2' });
  } else nets.push(net('ANT', 'U1.ANT'));
  if (parts.dec) {
    ps.push(two('C2', 'CAP', '100nF'), two('C3', 'CAP', '1uF'));
    nets.push(net('DEC1', 'U1.DEC1', 'C2.P1'), net('DEC4', 'U1.DEC4', 'C3.P1'));
    nets[1]!.nodes.push({ component: 'C2', pin: 'P2' }, { component: 'C3', pin: 'P2' });
  } else nets.push(net('DEC1', 'U1.DEC1'), net('DEC4', 'U1.DEC4'));
  return design(ps, nets);
}

describe('RF essentials of a bare radio chip', () => {
  it('passes an nRF52840 with crystal, antenna match and decoupling', () => {
    expect(rfShortfalls(nrf({ crystal: true, match: true, dec: true }))).toEqual([]);
  });
  it('names each missing essential', () => {
    expect(rfShortfalls(nrf({ crystal: false, match: true, dec: true }))[0]!.missing).toEqual(['32 MHz crystal on XC1/XC2']);
    expect(rfShortfalls(nrf({ crystal: true, match: false, dec: true }))[0]!.missing).toEqual(['antenna matching network on ANT']);
    expect(rfShortfalls(nrf({ crystal: true, match: true, dec: false }))[0]!.missing).toEqual(['DEC1 decoupling capacitor', 'DEC4 decoupling capacitor']);
  });
  it('asks only supply decoupling of a certified module', () => {
    const mod = (cap: boolean) =>
      design([part('U1', 'ESP32-WROOM-32', { VCC: 'power_in', GND: 'power_in' }), ...(cap ? [two('C1', 'CAP', '10uF')] : [])], [net('VCC_3V3', 'U1.VCC', ...(cap ? ['C1.P1'] : [])), net('GND', 'U1.GND', ...(cap ? ['C1.P2'] : []))]);
    expect(rfShortfalls(mod(true))).toEqual([]);
    expect(rfShortfalls(mod(false))[0]!.missing).toEqual(['supply decoupling at the module']);
  });
});
