import { describe, expect, it } from 'vitest';
import { cap, comp, doc, ercFindings, out, ruleHits } from './erc-review-boards.js';

/**
 * Was a defect until 47a07c2 (kept as its guard): pin.enable-floating (src/eda/erc/rules/hookup.ts enableFloating) skips any enable net
 * whose voltage is "known", and a net's voltage is known from its NAME (rails.ts `stated`), so an
 * LDO enable left on a net named EN_1V8 or EN_3V3 (the enable of the 1.8 V rail) with only a delay
 * capacitor is not reported, while the very same net named LDO_EN is.
 */
function ldo(enNet: string) {
  return doc(`ldo-${enNet}`, [
    comp('J1', 'Terminal Block 2P', ['P1:passive:VCC_3V3', 'P2:passive:GND']),
    comp('U2', 'LDO regulator 1.8V', ['VIN:power:VCC_3V3', out('VOUT', 'VCC_1V8'), 'GND:power:GND', `EN:input:${enNet}`]),
    cap('C2', '100nF', enNet, 'GND'),
    cap('C3', '1uF', 'VCC_1V8', 'GND'),
    cap('C4', '1uF', 'VCC_3V3', 'GND'),
  ]);
}

describe('review: a floating enable on a net named with a voltage', () => {
  it('control: the enable on LDO_EN with only a capacitor is reported', async () => {
    const [fs] = await ercFindings(ldo('LDO_EN'));
    expect(ruleHits(fs!, 'pin.enable-floating')).toHaveLength(1);
  });
  // Guards the defect fixed in 47a07c2: the same floating enable is missed when its net is named EN_1V8 (hookup.ts enableFloating skips nets with a name voltage).
  it('reports the same floating enable on a net named EN_1V8', async () => {
    const [fs] = await ercFindings(ldo('EN_1V8'));
    expect(ruleHits(fs!, 'pin.enable-floating')).toHaveLength(1);
  });
});
