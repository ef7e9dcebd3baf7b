import { describe, expect, it } from 'vitest';
import { resolveFootprint } from '../../../src/eda/footprints/index.js';
import { IPC_GOALS, ipcLands, range } from '../../../src/eda/footprints/ipc7351.js';

const pad = (name: string, number: string) => {
  const fp = resolveFootprint(name);
  const p = fp?.pads.find((q) => q.number === number);
  if (!p) throw new Error(`${name} pad ${number} missing`);
  return p;
};

describe('IPC-7351B land calculation (density N)', () => {
  it('0402: Table 3-6, hand calculation Z 1.50, G 0.42, X 0.60 → pads 0.54 x 0.60 at ±0.48', () => {
    // L 0.95–1.05, T 0.10–0.30, W 0.45–0.55; F 0.10, P 0.05.
    // Zmax = 0.95 + 2·0.20 + √(0.1²+0.1²+0.05²) = 1.50; S: 0.35…0.85, RSS tol 0.3 → Smax' 0.75;
    // Gmin = 0.75 − √(0.3²+0.1²+0.05²) = 0.43 → 0.42 (0.02 round-off); Xmax = 0.45 + 0.15 = 0.60.
    const p1 = pad('0402', '1');
    expect(p1.size[0]).toBeCloseTo(0.54, 2);
    expect(p1.size[1]).toBeCloseTo(0.6, 2);
    expect(Math.abs(p1.at[0])).toBeCloseTo(0.48, 2);
    // The rough target: ~0.6 long, 0.55–0.7 wide, centres ±0.5 (±0.05).
    expect(Math.abs(p1.size[0] - 0.6)).toBeLessThanOrEqual(0.06);
    expect(p1.size[1]).toBeGreaterThanOrEqual(0.55);
    expect(Math.abs(Math.abs(p1.at[0]) - 0.5)).toBeLessThanOrEqual(0.05);
    expect(resolveFootprint('0402')!.courtyard[2]).toBeGreaterThanOrEqual(0.9 - 1e-9); // 0.15 mm excess (Table 3-6)
  });

  it('0805: Table 3-5, hand calculation Z 2.85, G 0.85, X 1.40', () => {
    const r = ipcLands({ spanMm: range(1.9, 2.1), terminalMm: range(0.2, 0.6), widthMm: range(1.15, 1.35) }, IPC_GOALS.chip);
    expect([r.zMm, r.gMm, r.xMm]).toEqual([2.85, 0.85, 1.4]);
    const p1 = pad('0805', '1');
    expect(p1.size).toEqual([1, 1.4]);
    expect(p1.at[0]).toBeCloseTo(-0.925, 3);
  });

  it('SMA (DO-214AC): Table 3-13 inward L leads, hand calculation Z 6.30, G 1.85, X 1.60', () => {
    // L 4.80–5.28, T 0.76–1.52, W 1.25–1.65. Heel goal 0.50 applies to Z, toe 0.15 to G:
    // Z = 4.80 + 1.00 + √(0.48²+0.1²+0.05²) = 6.29 → 6.30; CS = √(0.48² + 2·0.76²) = 1.18, Smax' = 3.35;
    // G = 3.35 − 0.30 − √(1.18²+0.1²+0.05²) = 1.87 → 1.85; X = 1.25 − 0.10 + 0.42 = 1.57 → 1.60.
    const p1 = pad('SMA', '1');
    expect(p1.size[0]).toBeCloseTo((6.3 - 1.85) / 2, 3);
    expect(p1.size[1]).toBeCloseTo(1.6, 3);
    expect(p1.at[0]).toBeCloseTo(-(6.3 + 1.85) / 4, 3);
  });

  it('uses the pitch-dependent gull-wing table (3-2 above 0.625 mm, 3-3 at or below)', () => {
    expect(resolveFootprint('SOIC-8')!.source).toContain('Table 3-2');
    expect(resolveFootprint('TSSOP-16')!.source).toContain('Table 3-2'); // 0.65 mm > 0.625 mm
    expect(resolveFootprint('MSOP-10')!.source).toContain('Table 3-3'); // 0.5 mm
    expect(resolveFootprint('QFN-24')!.source).toContain('Table 3-15');
    expect(resolveFootprint('DFN-8')!.source).toContain('Table 3-16');
    expect(resolveFootprint('SMA')!.source).toContain('Table 3-13');
  });

  it('SOIC-8: 1.27 mm pitch, rows 4.95 mm apart (IPC nominal: Z 6.95, G 2.95)', () => {
    const fp = resolveFootprint('SOIC-8')!;
    expect(pad('SOIC-8', '2').at[1] - pad('SOIC-8', '1').at[1]).toBeCloseTo(1.27, 6);
    const row = pad('SOIC-8', '8').at[0] - pad('SOIC-8', '1').at[0];
    expect(row).toBeCloseTo(4.95, 2);
    const p = pad('SOIC-8', '1');
    expect(row + p.size[0]).toBeCloseTo(6.95, 2); // Z
    expect(row - p.size[0]).toBeCloseTo(2.95, 2); // G
    expect(fp.pads).toHaveLength(8);
  });

  it('TSSOP and MSOP pitches', () => {
    expect(pad('TSSOP-20', '2').at[1] - pad('TSSOP-20', '1').at[1]).toBeCloseTo(0.65, 6);
    expect(pad('MSOP-10', '2').at[1] - pad('MSOP-10', '1').at[1]).toBeCloseTo(0.5, 6);
    expect(resolveFootprint('TSSOP-28')!.pads).toHaveLength(28);
  });

  it('QFN has an exposed pad numbered pins+1, kept >= 0.2 mm from the terminal lands', () => {
    for (const [name, pins] of [['QFN-16', 16], ['QFN-20', 20], ['QFN-24', 24], ['QFN-32', 32], ['QFN-48', 48], ['RP2040-QFN-56', 56], ['DFN-6', 6], ['DFN-8', 8]] as const) {
      const fp = resolveFootprint(name)!;
      expect(fp.pads).toHaveLength(pins + 1);
      const ep = fp.pads.find((p) => p.number === String(pins + 1))!;
      expect(ep.size[0]).toBeGreaterThan(0.9);
      for (const p of fp.pads.filter((q) => q !== ep)) {
        const dx = Math.abs(p.at[0]) - p.size[0] / 2 - ep.size[0] / 2;
        const dy = Math.abs(p.at[1]) - p.size[1] / 2 - ep.size[1] / 2;
        expect(Math.max(dx, dy)).toBeGreaterThanOrEqual(0.2 - 1e-6);
      }
    }
  });

  it('SOT-223 has a wide tab pad 4 opposite pins 1-3 at 2.3 mm pitch', () => {
    const tab = pad('SOT-223', '4');
    const p2 = pad('SOT-223', '2');
    expect(tab.size[1]).toBeGreaterThan(3);
    expect(tab.at[0]).toBeCloseTo(-p2.at[0], 6);
    expect(pad('SOT-223', '3').at[1] - p2.at[1]).toBeCloseTo(2.3, 6);
  });

  it('DIP: drills 0.8–1.0 mm on a 2.54 x 7.62 mm grid', () => {
    for (const name of ['DIP-8', 'DIP-14', 'DIP-16']) {
      const fp = resolveFootprint(name)!;
      for (const p of fp.pads) {
        expect(p.kind).toBe('thru_hole');
        expect(p.drill_mm).toBeGreaterThanOrEqual(0.8);
        expect(p.drill_mm).toBeLessThanOrEqual(1.0);
      }
      const n = fp.pads.length;
      expect(pad(name, String(n)).at[0] - pad(name, '1').at[0]).toBeCloseTo(7.62, 6);
      expect(pad(name, '2').at[1] - pad(name, '1').at[1]).toBeCloseTo(2.54, 6);
    }
  });

  it('headers, JST and mounting holes have the catalogued pitches and holes', () => {
    const h = resolveFootprint('PinHeader_2x05_P1.27mm')!;
    expect(h.pads).toHaveLength(10);
    expect(pad('PinHeader_2x05_P1.27mm', '3').at[1] - pad('PinHeader_2x05_P1.27mm', '1').at[1]).toBeCloseTo(1.27, 6);
    expect(pad('JST_PH_B2B-PH-K', '2').at[0] - pad('JST_PH_B2B-PH-K', '1').at[0]).toBeCloseTo(2.0, 6);
    expect(pad('JST_XH_B3B-XH-A', '2').at[0] - pad('JST_XH_B3B-XH-A', '1').at[0]).toBeCloseTo(2.5, 6);
    expect(resolveFootprint('JST-SH-4')!.pads.filter((p) => p.number === 'MP')).toHaveLength(2);
    const npth = resolveFootprint('M3')!.pads[0]!;
    expect(npth.kind).toBe('np_thru_hole');
    expect(npth.drill_mm).toBe(3.2);
    expect(resolveFootprint('M3-PTH')!.pads[0]!.kind).toBe('thru_hole');
  });

  it('USB-C 16P: 16 contact numbers, NPTH pegs and slotted shell tabs', () => {
    const fp = resolveFootprint('USB-C-16P-SMD')!;
    const contacts = new Set(fp.pads.filter((p) => p.kind === 'smd').map((p) => p.number));
    expect(contacts.size).toBe(16);
    expect(fp.pads.filter((p) => p.kind === 'np_thru_hole')).toHaveLength(2);
    const shell = fp.pads.filter((p) => p.number === 'S1');
    expect(shell).toHaveLength(4);
    for (const s of shell) expect(s.drill_slot_mm).toBeDefined();
  });

  it('ESP32-WROOM-32: 38 castellated pads on 1.27 mm plus EP 39 inside the 18 x 25.5 mm body', () => {
    const fp = resolveFootprint('ESP32-WROOM-32')!;
    expect(fp.body[2] - fp.body[0]).toBeCloseTo(18, 6);
    expect(fp.body[3] - fp.body[1]).toBeCloseTo(25.5, 6);
    expect(fp.pads).toHaveLength(39);
    expect(pad('ESP32-WROOM-32', '2').at[1] - pad('ESP32-WROOM-32', '1').at[1]).toBeCloseTo(1.27, 6);
    expect(pad('ESP32-WROOM-32', '39').size).toEqual([5, 5]);
  });
});
