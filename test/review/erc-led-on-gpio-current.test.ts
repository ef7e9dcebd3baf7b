import { describe, expect, it } from 'vitest';
import { cap, comp, doc, ercFindings, out, res } from './erc-review-boards.js';

/**
 * Follow-up on led.current-over-rating (ERC zt-erc-1.5.0), which judges an LED and its resistor
 * "between nets of known voltage": an LED driven from an MCU push-pull output has no rail on its
 * drive net, so a red LED through 10 ohm from a 3.3 V GPIO ((3.3 - 2.0) / 10 = 130 mA, beyond the LED
 * and beyond any MCU pin: STM32F103 data sheet, 25 mA per I/O) is not reported, while the same LED
 * and resistor from +5V are. Fixed: a net without a rail voltage takes the supply of the one push-pull
 * pin driving it (loads.ts, drivenVolts).
 */
function gpioLed(ohms: string) {
  return doc(`gpio-led-${ohms}`, [
    comp('J1', 'Screw terminal 2P', ['P1:passive:+5V', 'P2:passive:GND'], { footprint: 'TERMINAL-2P-5MM' }),
    cap('C1', '10uF 10V', '+5V', 'GND'),
    comp('U1', 'AMS1117-3.3', ['INPUT:power:+5V', 'GND:power:GND', out('OUTPUT', '+3V3')], { footprint: 'SOT-223' }),
    cap('C2', '22uF 6.3V', '+3V3', 'GND'),
    comp('U2', 'MCU', ['VDD:power:+3V3', 'GND:power:GND', 'PB1:output:LED_DRV'], { voltage_supply: '1.8-3.6V', footprint: 'QFN-32' }),
    cap('C3', '100nF', '+3V3', 'GND'),
    res('R1', ohms, 'LED_DRV', 'LED_A'),
    comp('D1', 'LED', ['A:passive:LED_A', 'K:passive:GND'], { value: 'red', footprint: 'LED_0603_1608Metric' }),
  ]);
}

describe('review: LED current from an MCU pin', () => {
  it('control: a red LED through 330 ohm from a GPIO draws no finding', async () => {
    const [fs] = await ercFindings(gpioLed('330'));
    expect(fs!.filter((f) => f.components.includes('D1'))).toEqual([]);
  });
  it('reports a red LED through 10 ohm from a 3.3 V GPIO (130 mA)', async () => {
    const [fs] = await ercFindings(gpioLed('10'));
    expect(fs!.filter((f) => f.components.includes('D1') || f.components.includes('R1')).length).toBeGreaterThan(0);
  });
});
