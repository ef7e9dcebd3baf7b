import { describe, expect, it } from 'vitest';
import { cap, comp, doc, ercFindings, res, ruleHits } from './erc-review-boards.js';

/**
 * Was a defect until 47a07c2 (kept as its guard): src/eda/erc/feedback.ts `settingFor` takes a feedback node whose NAME states a voltage
 * (FB_3V3, 3V3_FB: a usual name for the feedback node of the 3.3 V buck) for "FB straight on a
 * rail" (fbNet.nameVoltage !== null), so a correct MP2307 divider (26.1k/10k on the 0.925 V
 * reference: 3.34 V) is reported as power.feedback-voltage "set to 0.925 V ... straight on the
 * rail", an error. The same board with the node named BUCK_FB passes: only the name differs.
 */
function buck(fbNet: string) {
  return doc(`buck-${fbNet}`, [
    comp('J1', 'Terminal Block 2P', ['P1:passive:VIN_5V', 'P2:passive:GND']),
    cap('C1', '10uF', 'VIN_5V', 'GND'),
    comp('U5', 'MP2307 buck converter', ['VIN:power:VIN_5V', 'GND:power:GND', 'SW:output:BUCK_SW', `FB:input:${fbNet}`]),
    comp('L5', 'Inductor 10uH', ['1:passive:BUCK_SW', '2:passive:VDD_3V3'], { value: '10uH' }),
    res('R5', '26.1k', 'VDD_3V3', fbNet),
    res('R6', '10k', fbNet, 'GND'),
    cap('C5', '22uF', 'VDD_3V3', 'GND'),
  ]);
}

describe('review: a feedback node named with its rail voltage', () => {
  it('control: the divider with its node named BUCK_FB raises no power.feedback-voltage', async () => {
    const [fs] = await ercFindings(buck('BUCK_FB'));
    expect(ruleHits(fs!, 'power.feedback-voltage')).toEqual([]);
  });
  // Guards the defect fixed in 47a07c2: false power.feedback-voltage error when the FB node is named FB_3V3 / 3V3_FB (feedback.ts settingFor, nameVoltage).
  it('passes the same correct divider when the node is named FB_3V3 or 3V3_FB', async () => {
    const [a, b] = await ercFindings(buck('FB_3V3'), buck('3V3_FB'));
    expect(ruleHits(a!, 'power.feedback-voltage')).toEqual([]);
    expect(ruleHits(b!, 'power.feedback-voltage')).toEqual([]);
  });
});
