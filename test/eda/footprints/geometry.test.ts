import { describe, expect, it } from 'vitest';
import { Footprint, type Pad } from '../../../src/eda/model/footprint.js';
import { listFootprintPackages, resolveFootprint } from '../../../src/eda/footprints/index.js';
import { padRect, silkClear, SILK_TO_PAD_MM } from '../../../src/eda/footprints/build.js';

const all = listFootprintPackages().map((p) => {
  const fp = resolveFootprint(p.name);
  if (!fp) throw new Error(`catalog entry ${p.name} does not resolve`);
  return fp;
});

/** Edge-to-edge distance between two pads' copper rectangles (circles use their bounding box, conservative). */
function gap(a: Pad, b: Pad): number {
  // Two round pads (staggered through-hole rows, a peg hole beside a shield leg): copper is the circles, not their boxes.
  if (a.shape === 'circle' && b.shape === 'circle') return Math.max(0, Math.hypot(a.at[0] - b.at[0], a.at[1] - b.at[1]) - a.size[0] / 2 - b.size[0] / 2);
  const ra = padRect(a);
  const rb = padRect(b);
  const dx = Math.max(0, rb[0] - ra[2], ra[0] - rb[2]);
  const dy = Math.max(0, rb[1] - ra[3], ra[1] - rb[3]);
  return Math.hypot(dx, dy);
}
const stacked = (a: Pad, b: Pad) => a.at[0] === b.at[0] && a.at[1] === b.at[1] && a.size[0] === b.size[0] && a.size[1] === b.size[1];
const inside = (inner: number[], outer: number[]) =>
  inner[0]! >= outer[0]! - 1e-9 && inner[1]! >= outer[1]! - 1e-9 && inner[2]! <= outer[2]! + 1e-9 && inner[3]! <= outer[3]! + 1e-9;

describe('generated footprints: geometry sanity for every catalog package', () => {
  it('covers a broad package list', () => {
    expect(all.length).toBeGreaterThan(150);
  });

  it.each(all.map((f) => [f.name, f] as const))('%s is a valid Footprint model', (_name, fp) => {
    expect(() => Footprint.parse(fp)).not.toThrow();
    expect(fp.pads.length).toBeGreaterThan(0);
    expect(fp.source.length).toBeGreaterThan(10);
  });

  it.each(all.map((f) => [f.name, f] as const))('%s: pads do not overlap; gap >= 0.15 mm', (_name, fp) => {
    let minGap = Infinity;
    for (let i = 0; i < fp.pads.length; i++) {
      for (let j = i + 1; j < fp.pads.length; j++) {
        const a = fp.pads[i]!;
        const b = fp.pads[j]!;
        if (stacked(a, b)) continue; // USB-C A1/B12 style: one land, two contact numbers
        minGap = Math.min(minGap, gap(a, b));
      }
    }
    if (fp.pads.length > 1) expect(minGap).toBeGreaterThanOrEqual(0.15 - 1e-9);
  });

  it.each(all.map((f) => [f.name, f] as const))('%s: courtyard contains all pads and the body', (_name, fp) => {
    for (const p of fp.pads) expect(inside(padRect(p), fp.courtyard)).toBe(true);
    expect(inside(fp.body, fp.courtyard)).toBe(true);
  });

  it.each(all.map((f) => [f.name, f] as const))('%s: silkscreen stays >= 0.2 mm off every pad and inside the courtyard', (_name, fp) => {
    for (const line of fp.silkscreen) {
      expect(silkClear(line, fp.pads)).toBe(true);
      const h = line.width_mm / 2;
      const box = [Math.min(line.start[0], line.end[0]) - h, Math.min(line.start[1], line.end[1]) - h, Math.max(line.start[0], line.end[0]) + h, Math.max(line.start[1], line.end[1]) + h];
      expect(inside(box, fp.courtyard)).toBe(true);
    }
    expect(SILK_TO_PAD_MM).toBeGreaterThanOrEqual(0.2);
  });

  it('only exposed/stacked pads share coordinates, and exposed pads sit inside the body', () => {
    for (const fp of all.filter((f) => f.family === 'qfn' || f.family === 'son')) {
      const ep = fp.pads[fp.pads.length - 1]!;
      expect(ep.at).toEqual([0, 0]);
      expect(inside(padRect(ep), fp.body)).toBe(true);
    }
  });

  it('silkscreen is not empty for parts with a body larger than their pads', () => {
    for (const name of ['SOIC-8', '0805', 'SOT-223', 'ESP32-WROOM-32', 'DIP-8', 'QFN-24', 'LQFP-48']) {
      expect(resolveFootprint(name)!.silkscreen.length).toBeGreaterThan(0);
    }
  });
});
