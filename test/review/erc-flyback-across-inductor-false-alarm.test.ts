import { describe, expect, it } from 'vitest';
import { cap, comp, doc, ercFindings, ruleHits } from './erc-review-boards.js';

/**
 * Was a defect until 47a07c2 (kept as its guard): diode.across-rail (src/eda/erc/rules/hookup.ts diodeAcrossRail) reports a CORRECTLY fitted
 * flyback diode as reversed when the coil is an inductor-role part (a solenoid or valve coil drawn
 * with the inductor symbol, ref L1). rails.ts passes a rail's voltage unchanged through inductors,
 * so the switched end of the coil (SOL_DRV) gets +12V's 12 V; the diode's anode on SOL_DRV then
 * looks like "anode on a positive rail" and its cathode on +12V like the reversed case. The same
 * circuit with a relay coil K1 (not inductor role) passes, and so must this one.
 */
function solenoid(coil: 'L1' | 'K1', reversed: boolean) {
  const [a, k] = reversed ? ['+12V', 'SOL_DRV'] : ['SOL_DRV', '+12V'];
  return doc(`solenoid-${coil}-${reversed}`, [
    comp('J1', 'Screw terminal 2P', ['P1:passive:+12V', 'P2:passive:GND']),
    cap('C1', '100nF 25V', '+12V', 'GND'),
    coil === 'L1'
      ? comp('L1', 'Inductor (solenoid valve coil 12V)', ['1:passive:+12V', '2:passive:SOL_DRV'], { value: '10mH' })
      : comp('K1', 'Relay SPDT 12V coil', ['1:passive:+12V', '2:passive:SOL_DRV']),
    comp('D1', '1N4148 diode', [`A:passive:${a}`, `K:passive:${k}`]),
    comp('Q1', 'N-MOSFET AO3400', ['G:input:SOL_GATE', 'D:passive:SOL_DRV', 'S:passive:GND']),
    comp('R1', 'RES', ['1:passive:SOL_GATE', '2:passive:GND'], { value: '100k' }),
  ]);
}

describe('review: flyback diode across a coil drawn as an inductor', () => {
  it('control: the rule catches the reversed diode and passes the correct one across a relay coil', async () => {
    const [relayOk, relayBad, inductorBad] = await ercFindings(solenoid('K1', false), solenoid('K1', true), solenoid('L1', true));
    expect(ruleHits(relayOk!, 'diode.across-rail')).toEqual([]);
    expect(ruleHits(relayBad!, 'diode.across-rail')).toHaveLength(1);
    expect(ruleHits(inductorBad!, 'diode.across-rail')).toHaveLength(1);
  });
  // Guards the defect fixed in 47a07c2: correct flyback diode (cathode on +12V) across an inductor-role coil reported as reversed (hookup.ts diodeAcrossRail + rails.ts inductor propagation).
  it('passes the correctly fitted flyback diode across an inductor-role solenoid coil', async () => {
    const [ok] = await ercFindings(solenoid('L1', false));
    expect(ruleHits(ok!, 'diode.across-rail')).toEqual([]);
  });
});
