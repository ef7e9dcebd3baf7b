import { describe, expect, it } from 'vitest';
import { cap, comp, doc, ercFindings, ruleHits } from './erc-review-boards.js';

/**
 * Was a defect until 47a07c2 (kept as its guard): rail voltages from names drop the sign (src/eda/erc/classify.ts voltageFromName: "-5V"
 * gives 5), and levels.ts voltsAcross then sees 0 V across a capacitor between +5V and -5V, so
 * cap.voltage-rating misses a 6.3 V capacitor across a ±5 V split supply (10 V). A 6.3 V capacitor
 * from +12V to GND is caught, so the rule itself works; only the negative rail is misread.
 */
function split(rating: string, plus: string, minus: string) {
  return doc(`split-${plus}`, [
    comp('J1', 'Screw terminal 3P', [`P1:passive:${plus}`, 'P2:passive:GND', `P3:passive:${minus}`]),
    cap('C1', `1uF ${rating}`, plus, minus),
    cap('C2', '1uF 25V', plus, 'GND'),
    cap('C3', '1uF 25V', minus, 'GND'),
    comp('U2', 'Op-amp TL072', [`V+:power:${plus}`, `V-:power:${minus}`, 'IN+:input:GND', 'IN-:input:FBK', 'OUT:output:FBK']),
  ]);
}

describe('review: negative rails in the level rules', () => {
  it('control: a 6.3 V capacitor across 12 V is reported', async () => {
    const [fs] = await ercFindings(split('6.3V', '+12V', 'GND'));
    expect(ruleHits(fs!, 'cap.voltage-rating').map((f) => f.components)).toEqual([['C1']]);
  });
  // Guards the defect fixed in 47a07c2: a 6.3 V capacitor across +5V/-5V (10 V) is not reported: "-5V" is read as +5 V (classify.ts voltageFromName).
  it('reports a 6.3 V capacitor across a +5V/-5V split supply (10 V)', async () => {
    const [fs] = await ercFindings(split('6.3V', '+5V', '-5V'));
    expect(ruleHits(fs!, 'cap.voltage-rating').map((f) => f.components)).toEqual([['C1']]);
  });
});
