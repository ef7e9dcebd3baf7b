import { describe, expect, it } from 'vitest';
import { eSeriesValues, snapToSeries } from '../../../src/eda/calc/e-series.js';

/** The tables as printed in IEC 60063:2015, Table 1 (E6–E24) and Table 2 (E48–E192), as three-digit mantissas. */
const E24 = [100, 110, 120, 130, 150, 160, 180, 200, 220, 240, 270, 300, 330, 360, 390, 430, 470, 510, 560, 620, 680, 750, 820, 910];
const E48 = [100, 105, 110, 115, 121, 127, 133, 140, 147, 154, 162, 169, 178, 187, 196, 205, 215, 226, 237, 249, 261, 274, 287, 301, 316, 332, 348, 365, 383, 402, 422, 442, 464, 487, 511, 536, 562, 590, 619, 649, 681, 715, 750, 787, 825, 866, 909, 953];
const E96 = [
  100, 102, 105, 107, 110, 113, 115, 118, 121, 124, 127, 130, 133, 137, 140, 143, 147, 150, 154, 158, 162, 165, 169, 174, 178, 182, 187, 191, 196, 200, 205, 210, 215, 221, 226, 232, 237, 243, 249, 255, 261, 267, 274, 280, 287, 294, 301, 309,
  316, 324, 332, 340, 348, 357, 365, 374, 383, 392, 402, 412, 422, 432, 442, 453, 464, 475, 487, 499, 511, 523, 536, 549, 562, 576, 590, 604, 619, 634, 649, 665, 681, 698, 715, 732, 750, 768, 787, 806, 825, 845, 866, 887, 909, 931, 953, 976,
];
/** E192's last decade stretch, with the standard's 920 where 10^(185/192) rounds to 919. */
const E192_TAIL = [887, 898, 909, 920, 931, 942, 953, 965, 976, 988];

const mantissas = (s: Parameters<typeof eSeriesValues>[0]) => eSeriesValues(s).map((v) => Math.round(v * 100));

describe('E-series preferred values (IEC 60063)', () => {
  it('E6, E12 and E24 keep the historical two-digit values', () => {
    expect(mantissas('E24')).toEqual(E24);
    expect(mantissas('E12')).toEqual(E24.filter((_, i) => i % 2 === 0));
    expect(mantissas('E6')).toEqual([100, 150, 220, 330, 470, 680]);
  });

  it('E48 and E96 equal the printed tables; E192 has 192 values ending with 920 in place of 919', () => {
    expect(mantissas('E48')).toEqual(E48);
    expect(mantissas('E96')).toEqual(E96);
    expect(mantissas('E192')).toHaveLength(192);
    expect(mantissas('E192').slice(-10)).toEqual(E192_TAIL);
    // Every E96 value is in E192 (every second one), every E48 value in E96 (every second one).
    expect(mantissas('E192').filter((_, i) => i % 2 === 0)).toEqual(E96);
  });

  it('snaps by ratio across decades, and up/down to the neighbours', () => {
    expect(snapToSeries(4_800, 'E24')).toBe(4_700);
    expect(snapToSeries(9_600, 'E24')).toBe(10_000); // log-nearer to 10k than to 9.1k
    expect(snapToSeries(213.3, 'E24', 'up')).toBe(220);
    expect(snapToSeries(213.3, 'E24', 'down')).toBe(200);
    expect(snapToSeries(1.6e-8, 'E6')).toBe(1.5e-8);
    expect(snapToSeries(10_000, 'E96', 'up')).toBe(10_000);
  });
});
