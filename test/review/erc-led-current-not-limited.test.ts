import { describe, expect, it } from 'vitest';
import { cap, comp, doc, ercFindings, out, res } from './erc-review-boards.js';

/**
 * LED current limiting judges only that a resistor is in series, not what it limits the current to.
 * A red 0603 LED (Vf about 2 V, absolute maximum about 25-30 mA, e.g. Kingbright APT1608EC) fed from
 * 5 V through 10 ohm draws (5 - 2) / 10 = 300 mA: it burns out at power-on. With 330 ohm (9 mA)
 * the same board is right. erc_validate said nothing about either; led.current-over-rating
 * (src/eda/erc/rules/loads.ts) now reports the first.
 */
function ledBoard(ohms: string) {
  return doc(`led-${ohms}`, [
    comp('J1', 'Screw terminal 2P', ['P1:passive:+5V', 'P2:passive:GND'], { footprint: 'TERMINAL-2P-5MM' }),
    cap('C1', '10uF 10V', '+5V', 'GND'),
    comp('U1', 'AMS1117-3.3', ['INPUT:power:+5V', 'GND:power:GND', out('OUTPUT', '+3V3')], { footprint: 'SOT-223' }),
    cap('C2', '22uF 6.3V', '+3V3', 'GND'),
    comp('U2', 'MCU', ['VDD:power:+3V3', 'GND:power:GND'], { voltage_supply: '1.8-3.6V', footprint: 'QFN-32' }),
    cap('C3', '100nF', '+3V3', 'GND'),
    res('R1', ohms, '+5V', 'LED_A'),
    comp('D1', 'LED', ['A:passive:LED_A', 'K:passive:GND'], { value: 'red', footprint: 'LED_0603_1608Metric' }),
  ]);
}

describe('review: LED current through its series resistor', () => {
  it('control: a red LED through 330 ohm from 5 V (9 mA) draws no finding', async () => {
    const [fs] = await ercFindings(ledBoard('330'));
    expect(fs!.filter((f) => f.components.includes('D1'))).toEqual([]);
  });
  it('reports a red 0603 LED through 10 ohm from 5 V (300 mA)', async () => {
    const [fs] = await ercFindings(ledBoard('10'));
    expect(fs!.filter((f) => f.components.includes('D1') || f.components.includes('R1')).length).toBeGreaterThan(0);
  });
});
