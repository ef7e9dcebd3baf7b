import { describe, expect, it } from 'vitest';
import { cap, comp, doc, ercFindings, out, ruleHits } from './erc-review-boards.js';

/**
 * Rail voltages propagated from sources (src/eda/erc/rails.ts): the seeds are a USB connector's VBUS,
 * a battery and regulator outputs; a barrel jack or terminal whose value states its voltage ("12V")
 * seeds nothing. So an AP2112K-3.3 (6 V absolute maximum input, Diodes Inc. AP2112 data sheet) on the
 * rail of a 12 V barrel jack is caught when the net is called +12V but not when it is called VIN, the
 * name most boards give it. Fixed: a power input connector whose value or type states one voltage
 * seeds its only non-ground net (rails.ts, powerInputVolts).
 */
function jackBoard(net: string) {
  return doc(`jack-${net}`, [
    comp('J1', 'DC barrel jack 12V', ['P1:passive:' + net, 'P2:passive:GND', 'GND:power:GND'], { value: '12V', footprint: 'BARREL-5.5-2.1' }),
    cap('C1', '10uF 25V', net, 'GND'),
    comp('U1', 'AP2112K-3.3', [`VIN:power:${net}`, 'GND:power:GND', `EN:input:${net}`, out('VOUT', '+3V3')], { footprint: 'SOT-23-5', voltage_supply: '2.5-6V' }),
    cap('C2', '1uF', '+3V3', 'GND'),
    comp('U2', 'MCU', ['VDD:power:+3V3', 'GND:power:GND'], { voltage_supply: '1.8-3.6V', footprint: 'QFN-32' }),
    cap('C3', '100nF', '+3V3', 'GND'),
  ]);
}

describe('review: a 12 V barrel jack as a rail source', () => {
  it('control: the 6 V regulator on a net named +12V is reported', async () => {
    const [fs] = await ercFindings(jackBoard('+12V'));
    expect(ruleHits(fs!, 'power.voltage-conflict').map((f) => f.components)).toContainEqual(['U1']);
  });
  it('the 6 V regulator on the 12 V jack net named VIN is reported', async () => {
    const [fs] = await ercFindings(jackBoard('VIN'));
    expect(ruleHits(fs!, 'power.voltage-conflict').map((f) => f.components)).toContainEqual(['U1']);
  });
});
