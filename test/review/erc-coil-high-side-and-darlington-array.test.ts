import { describe, expect, it } from 'vitest';
import { cap, comp, doc, ercFindings, out, res } from './erc-review-boards.js';

/**
 * Follow-up on coil.flyback-missing (ERC zt-erc-1.5.0), which judges a coil "on a rail switched low
 * by a discrete transistor":
 * - a coil switched HIGH by a PNP (emitter on +12V, collector to the coil, coil to GND) with no diode
 *   is the same fault (the collector swings below ground at turn-off; ON Semi AND8091), and is missed;
 * - a ULN2003A sinking the coil, COM on the coil rail (TI ULN2003A data sheet, "Typical
 *   Application": the COM pin ties the internal clamp diodes to the load supply) is the textbook
 *   right circuit, yet draws net.open-drain-pullup-missing (the coil is the load, no pull-up is
 *   wanted) and power.ic-without-supply (the ULN2003A has no supply pin: COM and GND only).
 * Fixed: coil.flyback-missing also judges high-side switches; a coil to a rail is the open-drain
 * net's load (open-drain.ts), and transistor arrays need no supply pin (power-rules.ts).
 */
const core = [
  comp('J1', 'Screw terminal 2P', ['P1:passive:+12V', 'P2:passive:GND'], { footprint: 'TERMINAL-2P-5MM' }),
  cap('C1', '10uF 25V', '+12V', 'GND'),
  comp('U1', 'AMS1117-3.3', ['INPUT:power:+12V', 'GND:power:GND', out('OUTPUT', '+3V3')], { footprint: 'SOT-223' }),
  cap('C2', '22uF 6.3V', '+3V3', 'GND'),
  comp('U2', 'MCU', ['VDD:power:+3V3', 'GND:power:GND', 'PB0:output:DRV'], { voltage_supply: '1.8-3.6V', footprint: 'QFN-32' }),
  cap('C3', '100nF', '+3V3', 'GND'),
];
const coil = (a: string, b: string) => comp('K1', 'Relay 12V coil (off-board, on a terminal block)', [`1:passive:${a}`, `2:passive:${b}`], { footprint: 'TERMINAL-2P-5MM' });
function highSide(withDiode: boolean) {
  return doc(`pnp-${withDiode}`, [
    ...core,
    res('R1', '1k', 'DRV', 'QB'),
    comp('Q1', 'PNP transistor MMBT3906', ['B:passive:QB', 'E:passive:+12V', 'C:passive:COIL_P'], { footprint: 'SOT-23' }),
    coil('COIL_P', 'GND'),
    ...(withDiode ? [comp('D1', 'Diode 1N4148W flyback', ['K:passive:COIL_P', 'A:passive:GND'], { footprint: 'D_SOD-123' })] : []),
  ]);
}
const darlington = doc('uln2003', [
  ...core,
  comp('U3', 'ULN2003A Darlington array', ['IN1:input:DRV', 'OUT1:open_collector:COIL_N', 'COM:passive:+12V', 'GND:power:GND'], { footprint: 'SOIC-16' }),
  coil('+12V', 'COIL_N'),
]);

describe('review: coils switched other ways than a low-side discrete transistor', () => {
  it('control: the high-side PNP with its flyback diode has no finding about the coil', async () => {
    const [fs] = await ercFindings(highSide(true));
    expect(fs!.filter((f) => f.components.includes('K1')).map((f) => f.rule_id)).toEqual([]);
  });
  it('reports the coil K1 switched high by a PNP with no flyback diode', async () => {
    const [fs] = await ercFindings(highSide(false));
    expect(fs!.filter((f) => f.components.includes('K1')).length).toBeGreaterThan(0);
  });
  it('a ULN2003A driving the coil with COM on its rail draws no pull-up or supply warning', async () => {
    const [fs] = await ercFindings(darlington);
    expect(fs!.filter((f) => f.components.includes('U3') || f.components.includes('K1')).map((f) => f.rule_id)).toEqual([]);
  });
});
