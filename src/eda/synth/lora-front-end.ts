import { addPart, capacitor, connect, twoPins, type Build } from './builder.js';

/**
 * The single-antenna front end of an SX1276 in the topology of Semtech's SX1276MB1xAS reference
 * designs (SX1276/77/78/79 data sheet, "Application Information"; AN1200.19 "SX127x Reference Design
 * Overview"): PA_BOOST biased from VR_PA through an RF choke, DC-blocked, through a low-pass harmonic
 * filter to port RF1 of a PE4259 SPDT switch; RFI_HF (the 862–1020 MHz receive input) matched from
 * port RF2; the switch common port to the antenna; the switch driven by the radio's RXTX pin (high in
 * transmit per the SX1276 pin description; RF1 is taken as the port CTRL high selects in the PE4259's
 * single-pin mode, which a reviewer confirms against the pSemi truth table).
 *
 * The values are not copied from Semtech's bill of materials: the filter is a 5th-order 50 Ω
 * Butterworth low-pass computed here (cut-off 1 GHz: 868 MHz passes, the 1.74 GHz second harmonic is
 * ≈ 24 dB down), the receive match and the choke are starting values. All of them are to be tuned
 * on the built board with a network analyser, as AN1200.19 asks of any layout.
 */
export function sx1276FrontEnd(b: Build, radio: string, rail: string, mhz: number): string {
  const fc = 1e9;
  const z0 = 50;
  const w = 2 * Math.PI * fc;
  // Normalised Butterworth prototype g1..g5 = 0.618, 1.618, 2.000, 1.618, 0.618 (shunt C first).
  const shuntC = (g: number) => g / (w * z0);
  const seriesL = (g: number) => (g * z0) / w;
  const e12 = (v: number) => {
    const dec = 10 ** Math.floor(Math.log10(v));
    const steps = [1, 1.2, 1.5, 1.8, 2.2, 2.7, 3.3, 3.9, 4.7, 5.6, 6.8, 8.2, 10];
    return steps.map((s) => s * dec).reduce((a, c) => (Math.abs(c - v) < Math.abs(a - v) ? c : a));
  };
  const lowpass = `5th-order 50 Ω Butterworth low-pass, cut-off 1 GHz, computed (not Semtech's BOM values; tune on the board)`;
  const inductor = (nh: number, a: string, c: string, why: string) => {
    const id = addPart(b, { prefix: 'L', partId: 'ind-0402', type: 'Inductor', value: `${nh}nH`, footprint: 'L_0402_1005Metric', pins: twoPins(), block: 'rf-front-end', why });
    connect(b, a, [[id, 'P1']], 'analog');
    connect(b, c, [[id, 'P2']], 'analog');
    return id;
  };

  // PA_BOOST bias: the SX1276 feeds its PA_BOOST stage from VR_PA through an external choke.
  connect(b, 'LORA_VR_PA', [[radio, 'VR_PA']], 'analog');
  capacitor(b, 100e-9, 'LORA_VR_PA', 'GND', 'rf-front-end', 'VR_PA decoupling (SX1276 data sheet, "Application Information"): return path for the PA_BOOST bias current.', '0402');
  connect(b, 'LORA_PA_BOOST', [[radio, 'PA_BOOST']], 'analog');
  inductor(47, 'LORA_VR_PA', 'LORA_PA_BOOST', `PA_BOOST bias choke from VR_PA (Semtech reference-design topology): 47 nH is ≈ 256 Ω at ${mhz} MHz, high against the PA load; starting value.`);
  capacitor(b, 100e-12, 'LORA_PA_BOOST', 'LORA_TX_LPF', 'rf-front-end', `DC block between PA_BOOST and the filter (the PE4259 RF ports must sit at 0 V DC): 100 pF is ≈ 1.8 Ω at ${mhz} MHz.`, '0402');
  // Filter: C1 shunt, L2 series, C3 shunt, L4 series, C5 shunt.
  const c1 = e12(shuntC(0.618));
  const l2 = e12(seriesL(1.618));
  const c3 = e12(shuntC(2));
  capacitor(b, c1, 'LORA_TX_LPF', 'GND', 'rf-front-end', `Harmonic filter C1 = g1/(2π·fc·50 Ω) → ${(c1 * 1e12).toFixed(1)} pF: ${lowpass}.`, '0402');
  inductor(Math.round(l2 * 1e9), 'LORA_TX_LPF', 'LORA_TX_LPF2', `Harmonic filter L2 = g2·50 Ω/(2π·fc) → ${Math.round(l2 * 1e9)} nH: ${lowpass}.`);
  capacitor(b, c3, 'LORA_TX_LPF2', 'GND', 'rf-front-end', `Harmonic filter C3 = g3/(2π·fc·50 Ω) → ${(c3 * 1e12).toFixed(1)} pF: ${lowpass}.`, '0402');
  inductor(Math.round(l2 * 1e9), 'LORA_TX_LPF2', 'LORA_TX_SW', `Harmonic filter L4 (= L2 by symmetry) → ${Math.round(l2 * 1e9)} nH: ${lowpass}.`);
  capacitor(b, c1, 'LORA_TX_SW', 'GND', 'rf-front-end', `Harmonic filter C5 (= C1 by symmetry) → ${(c1 * 1e12).toFixed(1)} pF: ${lowpass}.`, '0402');

  // RF switch: pSemi PE4259, SC-70-6 (pin table: 1 RF1, 2 GND, 3 RF2, 4 CTRL, 5 RFC, 6 VDD).
  const sw = addPart(b, {
    prefix: 'U',
    partId: null,
    type: 'RF switch SPDT PE4259',
    value: 'PE4259',
    footprint: 'SOT-363',
    pins: [
      { name: 'RF1', type: 'passive', number: '1' },
      { name: 'GND', type: 'power_in', number: '2' },
      { name: 'RF2', type: 'passive', number: '3' },
      { name: 'CTRL', type: 'input', number: '4' },
      { name: 'RFC', type: 'passive', number: '5' },
      { name: 'VDD', type: 'power_in', number: '6' },
    ],
    block: 'rf-front-end',
    why: 'PE4259 SPDT antenna switch, the switch of Semtech\'s SX127x reference designs: RF1 = transmit (PA_BOOST filter), RF2 = receive (RFI_HF), RFC = antenna; single-pin control from the radio\'s RXTX pin (high in transmit; confirm RF1 is the CTRL-high port in the pSemi truth table), VDD on pin 6. Not in our library: pins from the pSemi data sheet.',
  });
  connect(b, 'LORA_TX_SW', [[sw, 'RF1']], 'analog');
  connect(b, 'GND', [[sw, 'GND']]);
  connect(b, rail, [[sw, 'VDD']]);
  connect(b, 'LORA_RXTX', [[sw, 'CTRL'], [radio, 'RXTX']]);
  capacitor(b, 100e-9, rail, 'GND', 'decoupling', 'PE4259 VDD decoupling.', '0402');

  // Receive match into RFI_HF: series C from the switch, shunt L at the pin (an L-section).
  capacitor(b, 10e-12, 'LORA_RX_SW', 'LORA_RFI', 'rf-front-end', `RFI_HF match, series element and DC block (SX1276 LNA input, ${mhz} MHz): 10 pF starting value, tune against the measured RFI_HF impedance.`, '0402');
  inductor(33, 'LORA_RFI', 'GND', 'RFI_HF match, shunt element: 33 nH starting value of the L-section (tune on the board).');
  connect(b, 'LORA_RX_SW', [[sw, 'RF2']], 'analog');
  connect(b, 'LORA_RFI', [[radio, 'RFI_HF']], 'analog');

  const a = addPart(b, { prefix: 'AE', partId: null, type: 'Antenna feed pad', footprint: 'TestPoint_Pad_D2.0mm', pins: [{ name: '1', type: 'passive' }], block: 'antenna', why: `Solder pad for a quarter-wave wire antenna (≈ ${Math.round((300 / mhz / 4) * 1000 * 0.95)} mm at ${mhz} MHz) on the switch common port; our footprint set has no SMA/u.FL yet.` });
  connect(b, 'LORA_ANT', [[sw, 'RFC'], [a, '1']], 'analog');
  return a;
}
