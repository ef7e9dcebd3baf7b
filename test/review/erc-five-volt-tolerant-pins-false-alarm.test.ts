import { describe, expect, it } from 'vitest';
import { cap, comp, doc, ercFindings, out, res, ruleHits } from './erc-review-boards.js';

/**
 * Was a defect until aa7fd8d (kept as its guard): signal.over-voltage (src/eda/erc/rules/levels.ts) knows a pin is 5 V tolerant only from
 * its NAME or a description saying "tolerant", and the shipped library carries no such mark: the
 * checked STM32F103C8T6 record describes PB10/PB11 as "GPIOB10 / I2C2_SCL", "GPIOB11 / I2C2_SDA".
 * ST's STM32F103x8/xB data sheet (Features: "Up to 80 fast I/O ports ... all 5 V-tolerant except
 * for analog inputs") makes PB10/PB11 (not ADC inputs) five-volt tolerant, and a 5 V I2C bus (here to a 5 V sensor) pulled up on them is a sound, common design;
 * erc_validate reports it as an ERROR ("its input clamp conducts"). The same board with a pin
 * described "5V tolerant" passes, so the gap is the missing tolerance data, and the rule's
 * severity when tolerance is unknown.
 */
function board(tolerantDescription: boolean) {
  const pb = (name: string, net: string) => (tolerantDescription ? { name, type: 'bidirectional', net, description: `${name}, FT: 5V tolerant I/O` } : `${name}:bidirectional:${net}`);
  const mcu = comp('U1', 'STM32F103C8T6', ['VDD:power:+3V3', 'VDDA:power:+3V3', 'VBAT:power:+3V3', 'GND:power:GND', 'VSSA:power:GND', pb('PB10', 'I2C_SCL'), pb('PB11', 'I2C_SDA')], { footprint: 'LQFP-48' });
  (mcu as { part_id?: string }).part_id = 'stm32f103c8t6';
  return doc(`ft-${tolerantDescription}`, [
    comp('J1', 'Terminal Block 2P', ['P1:passive:+5V', 'P2:passive:GND']),
    comp('U3', 'I2C sensor', ['VDD:power:+5V', 'GND:power:GND', 'SCL:input:I2C_SCL', 'SDA:bidirectional:I2C_SDA'], { voltage_supply: '4.5-5.5V', footprint: 'SOIC-8' }),
    cap('C4', '100nF', '+5V', 'GND'),
    comp('U2', 'AMS1117-3.3 LDO regulator', ['INPUT:power:+5V', out('OUTPUT', '+3V3'), 'GND:power:GND'], { footprint: 'SOT-223' }),
    cap('C1', '10uF', '+5V', 'GND'),
    cap('C2', '10uF', '+3V3', 'GND'),
    cap('C3', '100nF', '+3V3', 'GND'),
    mcu,
    res('R1', '4.7k', '+5V', 'I2C_SCL'),
    res('R2', '4.7k', '+5V', 'I2C_SDA'),
  ]);
}

describe('review: 5 V I2C pull-ups on five-volt-tolerant STM32 pins', () => {
  it('control: with the pins described as 5 V tolerant, no signal.over-voltage', async () => {
    const [fs] = await ercFindings(board(true));
    expect(ruleHits(fs!, 'signal.over-voltage')).toEqual([]);
  });
  // Guards the defect fixed in aa7fd8d: PB10/PB11 of the library STM32F103C8T6 (FT pins) pulled up to 5 V are reported as over-voltage errors (levels.ts tolerant(); no FT data in the library).
  it('passes a 5 V I2C bus on the FT pins PB10/PB11 of the library STM32F103C8T6', async () => {
    const [fs] = await ercFindings(board(false));
    expect(ruleHits(fs!, 'signal.over-voltage')).toEqual([]);
  });
});
