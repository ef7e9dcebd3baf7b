import { describe, expect, it } from 'vitest';
import { cap, comp, doc, ercFindings, res, ruleHits } from './erc-review-boards.js';

/**
 * Were defects until a30a7b1 (kept as their guard). Regressions from the fix for the FB_3V3 and inductor-flyback false alarms (47a07c2):
 * 1. power.feedback-voltage now reads "FB straight on the rail" only when the FB net is supply-named
 *    AND has no resistor on it (src/eda/erc/feedback.ts settingFor). A real 3.3 V rail nearly always
 *    carries resistors (I2C pull-ups, an LED's resistor), so the fault 6576f32 added (an MP2307's FB
 *    wired to its output rail: the rail sits at 0.925 V) is missed on any such board; the divider
 *    path then gives up at the first IC on the rail.
 * 2. diode.across-rail's coil case now needs the anode's rail to be named like a supply or to state a
 *    voltage (src/eda/erc/rules/hookup.ts diodeAcrossRail), so a flyback diode fitted backwards
 *    across a relay fed from VIN_PROT (the rail after a reverse-polarity diode, 11.7 V by
 *    propagation) is no longer reported; the code before 47a07c2 took any rail of known voltage and
 *    reported it.
 */
function fbOnRail(pullUp: boolean) {
  return doc(`fb-on-rail-${pullUp}`, [
    comp('J1', 'Terminal Block 2P', ['P1:passive:VIN_5V', 'P2:passive:GND']),
    cap('C1', '10uF', 'VIN_5V', 'GND'),
    comp('U5', 'MP2307 buck converter', ['VIN:power:VIN_5V', 'GND:power:GND', 'SW:output:BUCK_SW', 'FB:input:VDD_3V3']),
    comp('L5', 'Inductor 10uH', ['1:passive:BUCK_SW', '2:passive:VDD_3V3'], { value: '10uH' }),
    cap('C5', '22uF', 'VDD_3V3', 'GND'),
    ...(pullUp
      ? [comp('U2', 'Temperature sensor I2C', ['VDD:power:VDD_3V3', 'GND:power:GND', 'SDA:bidirectional:I2C_SDA'], { voltage_supply: '1.7-3.6V', footprint: 'SOIC-8' }), cap('C2', '100nF', 'VDD_3V3', 'GND'), res('R7', '4.7k', 'VDD_3V3', 'I2C_SDA')]
      : []),
  ]);
}

function relay(rail: '+12V' | 'VIN_PROT') {
  const parts = [
    comp('J1', 'Screw terminal 2P', ['P1:passive:+12V', 'P2:passive:GND']),
    cap('C1', '100nF 25V', '+12V', 'GND'),
    comp('K1', 'Relay SPDT 12V coil', [`1:passive:${rail}`, '2:passive:RLY_DRV']),
    // fitted backwards: anode on the rail, cathode on the switched end
    comp('D1', '1N4148 diode', [`A:passive:${rail}`, 'K:passive:RLY_DRV']),
    comp('Q1', 'N-MOSFET AO3400', ['G:input:RLY_GATE', 'D:passive:RLY_DRV', 'S:passive:GND']),
    res('R1', '100k', 'RLY_GATE', 'GND'),
  ];
  if (rail === 'VIN_PROT') parts.push(comp('D2', 'Schottky diode SS34', ['A:passive:+12V', 'K:passive:VIN_PROT']), cap('C2', '100nF 25V', 'VIN_PROT', 'GND'));
  return doc(`relay-${rail}`, parts);
}

describe('review: regressions of the ERC fixes', () => {
  it('control: FB wired to a rail that carries only capacitors is reported, and a reversed flyback across a relay on +12V', async () => {
    const [fb, rly] = await ercFindings(fbOnRail(false), relay('+12V'));
    expect(ruleHits(fb!, 'power.feedback-voltage')).toHaveLength(1);
    expect(ruleHits(rly!, 'diode.across-rail')).toHaveLength(1);
  });
  // Guards the defect fixed in a30a7b1: FB on the output rail is missed as soon as the rail carries a resistor (feedback.ts settingFor, `!hasResistor`).
  it('reports FB wired to its output rail when the rail also has an I2C pull-up and a sensor', async () => {
    const [fb] = await ercFindings(fbOnRail(true));
    expect(ruleHits(fb!, 'power.feedback-voltage')).toHaveLength(1);
  });
  // Guards the defect fixed in a30a7b1: a reversed flyback across a relay on VIN_PROT is missed (hookup.ts diodeAcrossRail: rail must be supply-named or state a voltage).
  it('reports a reversed flyback diode across a relay fed from VIN_PROT', async () => {
    const [rly] = await ercFindings(relay('VIN_PROT'));
    expect(ruleHits(rly!, 'diode.across-rail')).toHaveLength(1);
  });
});
