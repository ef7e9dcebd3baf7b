import { describe, expect, it } from 'vitest';
import { rfShortfalls } from '../../../src/eda/erc/rf-essentials.js';
import { loadLibrary } from '../../../src/eda/library/index.js';
import { TEMPLATES, synthesizeDesign } from '../../../src/eda/synth/index.js';
import { design, net, part, two } from './design-builder.js';

const SX = { VDD: 'power_in', GND: 'power_in', XTA: 'passive', XTB: 'passive', PA_BOOST: 'output', RFI_HF: 'input', RXTX: 'output', VR_PA: 'power_out' } as const;

/**
 * An SX1276 with (or without) the front end of Semtech's single-antenna reference design (AN1200.19):
 * PA_BOOST → DC block → low-pass filter → SPDT switch; RFI_HF → match → switch; switch → antenna.
 */
function sx1276(o: { crystal: boolean; txFilter: boolean; rx: boolean }) {
  const ps = [part('U1', 'SX1276IMLTRT 868MHz', SX, { part_id: 'sx1276-868m' }), part('AE1', 'Antenna feed pad', { '1': 'passive' })];
  const nets = [net('VCC_3V3', 'U1.VDD'), net('GND', 'U1.GND')];
  if (o.crystal) ps.push(part('Y1', 'Crystal 32MHz', { X1: 'passive', X2: 'passive' }));
  nets.push(net('XTA', 'U1.XTA', ...(o.crystal ? ['Y1.X1'] : [])), net('XTB', 'U1.XTB', ...(o.crystal ? ['Y1.X2'] : [])));
  if (!o.txFilter) {
    nets.push(net('LORA_ANT', 'U1.PA_BOOST', 'AE1.1', ...(o.rx ? ['U1.RFI_HF'] : [])));
    return design(ps, nets);
  }
  ps.push(two('C1', 'CAP', '100pF'), two('L1', 'Inductor', '15nH'), two('C2', 'CAP', '2.7pF'), two('C3', 'CAP', '2.7pF'));
  ps.push(part('U2', 'RF switch SPDT PE4259', { RF1: 'passive', RF2: 'passive', RFC: 'passive', CTRL: 'input', VDD: 'power_in', GND: 'power_in' }));
  nets.push(net('PA_BOOST', 'U1.PA_BOOST', 'C1.P1'), net('TX_LPF_IN', 'C1.P2', 'L1.P1', 'C2.P1'), net('TX_SW', 'L1.P2', 'C3.P1', 'U2.RF1'));
  nets[1]!.nodes.push({ component: 'C2', pin: 'P2' }, { component: 'C3', pin: 'P2' }, { component: 'U2', pin: 'GND' });
  nets[0]!.nodes.push({ component: 'U2', pin: 'VDD' });
  nets.push(net('RF_SW_CTRL', 'U1.RXTX', 'U2.CTRL'), net('ANT', 'U2.RFC', 'AE1.1'));
  if (o.rx) {
    ps.push(two('C4', 'CAP', '10pF'));
    nets.push(net('RX_SW', 'U2.RF2', 'C4.P1'), net('RFI_HF', 'C4.P2', 'U1.RFI_HF'));
  }
  return design(ps, nets);
}

describe('RF essentials of a bare sub-GHz / 2.4 GHz transceiver', () => {
  it('passes an SX1276 with crystal, filtered PA_BOOST path and RFI_HF through the RF switch', () => {
    expect(rfShortfalls(sx1276({ crystal: true, txFilter: true, rx: true }))).toEqual([]);
  });
  it('refuses PA_BOOST wired straight to the antenna with no receive input (the old synthesized gateway)', () => {
    expect(rfShortfalls(sx1276({ crystal: true, txFilter: false, rx: false }))).toEqual([
      {
        ref: 'U1',
        part: 'SX127x',
        missing: [
          'transmit matching network / harmonic filter between PA_BOOST (or RFO) and the antenna',
          'receive input RFI_HF/RFI_LF connected to the antenna (RF switch or shared matched path)',
        ],
      },
    ]);
  });
  it('names a missing crystal and a missing receive input separately', () => {
    expect(rfShortfalls(sx1276({ crystal: false, txFilter: true, rx: true }))[0]!.missing).toEqual(['32 MHz crystal or TCXO on XTA/XTB']);
    expect(rfShortfalls(sx1276({ crystal: true, txFilter: true, rx: false }))[0]!.missing).toEqual(['receive input RFI_HF/RFI_LF connected to the antenna (RF switch or shared matched path)']);
  });
  it('refuses a bare CC1101 without balun/filter, passes it with crystal, balun and LC filter (TI CC1101EM)', () => {
    const cc = (front: boolean) => {
      const ps = [part('U1', 'CC1101', { VDD: 'power_in', GND: 'power_in', RF_P: 'bidirectional', RF_N: 'bidirectional', XTAL1: 'passive', XTAL2: 'passive' }, { part_id: 'cc1101' }), part('J1', 'SMA edge connector', { SIG: 'passive', GND: 'passive' })];
      const nets = [net('VCC_3V3', 'U1.VDD'), net('GND', 'U1.GND', 'J1.GND')];
      if (!front) {
        nets.push(net('RF', 'U1.RF_P', 'U1.RF_N', 'J1.SIG'), net('X1', 'U1.XTAL1'), net('X2', 'U1.XTAL2'));
        return design(ps, nets);
      }
      ps.push(part('Y1', 'Crystal 26MHz', { '1': 'passive', '2': 'passive' }), part('T1', 'Balun 868MHz', { BAL1: 'passive', BAL2: 'passive', UNBAL: 'passive', GND: 'passive' }), two('L1', 'Inductor', '12nH'), two('C1', 'CAP', '3.3pF'));
      nets.push(net('X1', 'U1.XTAL1', 'Y1.1'), net('X2', 'U1.XTAL2', 'Y1.2'), net('RF_P', 'U1.RF_P', 'T1.BAL1'), net('RF_N', 'U1.RF_N', 'T1.BAL2'), net('RF_BAL', 'T1.UNBAL', 'L1.P1'), net('RF_50', 'L1.P2', 'C1.P1', 'J1.SIG'));
      nets[1]!.nodes.push({ component: 'C1', pin: 'P2' }, { component: 'T1', pin: 'GND' });
      return design(ps, nets);
    };
    expect(rfShortfalls(cc(false))).toEqual([{ ref: 'U1', part: 'CC1101', missing: ['26 MHz crystal on XOSC_Q1/XOSC_Q2', 'balun and LC filter between RF_P/RF_N and the antenna'] }]);
    expect(rfShortfalls(cc(true))).toEqual([]);
  });
  it('judges bare SX1280 and AT86RF233 library parts, and leaves an RFM95W module alone', () => {
    const bare = (type: string, id: string) => design([part('U1', type, { VCC: 'power_in', GND: 'power_in', ANT: 'bidirectional' }, { part_id: id }), part('AE1', 'Chip antenna', { '1': 'passive' })], [net('VCC_3V3', 'U1.VCC'), net('GND', 'U1.GND'), net('ANT', 'U1.ANT', 'AE1.1')]);
    expect(rfShortfalls(bare('SX1280', 'sx1280imltrt')).map((x) => [x.part, x.missing.length])).toEqual([['SX128x', 2]]);
    expect(rfShortfalls(bare('AT86RF233', 'at86rf233-zu')).map((x) => [x.part, x.missing.length])).toEqual([['AT86RF2xx', 2]]);
    expect(rfShortfalls(bare('RFM95W', 'rfm95w-915s2'))).toEqual([]);
    expect(rfShortfalls(bare('RFM95W LoRa module (SX1276)', 'rfm95w-915s2'))).toEqual([]);
  });
  it('passes every synthesized template board, and the LoRa gateway only while its front end is fitted', () => {
    const library = loadLibrary();
    for (const t of TEMPLATES) expect([t.title, rfShortfalls(synthesizeDesign(t.title, { library }).design)]).toEqual([t.title, []]);
    const d = synthesizeDesign('ESP32 LoRa gateway', { library }).design;
    const fe = Object.values(d.components).filter((c) => c.properties['synth_block'] === 'rf-front-end');
    expect(fe.length).toBeGreaterThanOrEqual(8);
    // Without the filter inductors PA_BOOST no longer reaches the antenna through a filter.
    const unfiltered = structuredClone(d);
    for (const c of Object.values(unfiltered.components)) if (/^L\d/.test(c.ref) && c.properties['synth_block'] === 'rf-front-end') c.dnp = true;
    expect(rfShortfalls(unfiltered).flatMap((x) => x.missing)).toContain('transmit matching network / harmonic filter between PA_BOOST (or RFO) and the antenna');
    // Without the switch neither path reaches the antenna.
    const unswitched = structuredClone(d);
    for (const c of Object.values(unswitched.components)) if (/PE4259/.test(c.type)) c.dnp = true;
    expect(rfShortfalls(unswitched)[0]!.missing).toHaveLength(2);
  });
});
