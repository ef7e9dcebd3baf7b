import { describe, expect, it } from 'vitest';
import { cap, comp, doc, ercFindings, out, res } from './erc-review-boards.js';

/**
 * A 12 V solenoid (off-board, on a terminal block, as in test/eda/erc/planted-set.ts) switched low
 * by an NPN from an MCU pin. Without a flyback diode across the coil, the coil's stored energy
 * drives the collector far above 12 V at turn-off and breaks down the transistor (MMBT3904:
 * V(BR)CEO 40 V; any inductive-load application note, e.g. ON Semi AND8091). ERC has a rule for a
 * flyback diode fitted backwards (hookup.ts, diode.across-rail) but none for a coil with no diode,
 * so the board below passed erc_validate without a word about K1; coil.flyback-missing
 * (src/eda/erc/rules/loads.ts) now reports it.
 */
function solenoidBoard(withDiode: boolean) {
  return doc(`solenoid-${withDiode}`, [
    comp('J1', 'Screw terminal 2P', ['P1:passive:+12V', 'P2:passive:GND'], { footprint: 'TERMINAL-2P-5MM' }),
    cap('C1', '10uF 25V', '+12V', 'GND'),
    comp('U1', 'AMS1117-3.3', ['INPUT:power:+12V', 'GND:power:GND', out('OUTPUT', '+3V3')], { footprint: 'SOT-223' }),
    cap('C2', '22uF 6.3V', '+3V3', 'GND'),
    comp('U2', 'MCU', ['VDD:power:+3V3', 'GND:power:GND', 'PB0:output:COIL_DRV'], { voltage_supply: '1.8-3.6V', footprint: 'QFN-32' }),
    cap('C3', '100nF', '+3V3', 'GND'),
    res('R1', '1k', 'COIL_DRV', 'Q_BASE'),
    comp('Q1', 'NPN transistor MMBT3904', ['B:passive:Q_BASE', 'C:passive:COIL_N', 'E:passive:GND'], { footprint: 'SOT-23' }),
    comp('K1', 'Solenoid 12V coil (off-board, on a terminal block)', ['1:passive:+12V', '2:passive:COIL_N'], { footprint: 'TERMINAL-2P-5MM' }),
    ...(withDiode ? [comp('D1', 'Diode 1N4148 flyback', ['K:passive:+12V', 'A:passive:COIL_N'], { footprint: 'D_SOD-123' })] : []),
  ]);
}

describe('review: a switched coil with no flyback diode', () => {
  it('control: with its flyback diode the board has no finding about the coil', async () => {
    const [fs] = await ercFindings(solenoidBoard(true));
    expect(fs!.filter((f) => f.components.includes('K1'))).toEqual([]);
  });
  it('reports the solenoid K1 switched by Q1 with no flyback diode across it', async () => {
    const [fs] = await ercFindings(solenoidBoard(false));
    expect(fs!.filter((f) => f.components.includes('K1') || (f.components.includes('Q1') && /flyback|coil|inductive/i.test(f.message))).length).toBeGreaterThan(0);
  });
});
