import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../../helpers/harness.js';
import { buildBoardGeometry } from '../../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import { Design } from '../../../src/eda/model/design.js';
import { hardViolations, placementReport } from '../../../src/eda/place/verify.js';
import { crowdedPinYaml, mcuSixCapsYaml, sharedRailYaml, stm32TableYaml } from './decoupling-designs.js';

/**
 * Every decoupling capacitor within its distance of the pin it serves, through MCP
 * (docs/placement.md, "Parts that place themselves"), on designs the placer was not tuned on: a
 * microcontroller with supply pins on all four sides and six 100 nF capacitors (two on one pin),
 * and two more ICs sharing its rail. The distance is measured here on the placed geometry (pad
 * centroid of the capacitor to the nearest pad of the pin), not taken from the placer's report;
 * where the capacitors cannot all fit, the report must say so truthfully.
 */

interface ReportRow {
  constraint: { component: string; near: string | null; max_distance_mm: number | null };
  kind: string;
  hard: boolean;
  satisfied: boolean;
}

async function placed(yaml: string, seed: number) {
  const { runtime } = await newRuntime();
  const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
  expect((await callTool(client, 'design_parse_str', { yaml_content: yaml, design_name: 'd' })).isError).toBe(false);
  const r = await callTool(client, 'place_components', { design_name: 'd', seed });
  expect(r.isError).toBe(false);
  const design = (await callTool(client, 'design_inspect', { design_name: 'd' })).data.design as Design;
  await client.close();
  return { data: r.data, design };
}

/** Measured distance of each decoupling row (null when the capacitor or the pin has no pad on the board). */
function measured(design: Design, rows: ReportRow[]): { row: ReportRow; mm: number | null }[] {
  const g = buildBoardGeometry(design, resolveFootprint, mapPinsToPads);
  const refOf = (id: string) => design.components[id]!.ref;
  return rows.map((row) => {
    const [target, pin] = row.constraint.near!.split('.') as [string, string];
    const capPads = g.pads.filter((p) => p.ref === refOf(row.constraint.component));
    const pins = g.pads.filter((p) => p.ref === target && p.pin === pin);
    if (capPads.length === 0 || pins.length === 0) return { row, mm: null };
    const cx = capPads.reduce((s, p) => s + p.center[0], 0) / capPads.length;
    const cy = capPads.reduce((s, p) => s + p.center[1], 0) / capPads.length;
    return { row, mm: Math.min(...pins.map((p) => Math.hypot(p.center[0] - cx, p.center[1] - cy))) };
  });
}

describe('many decoupling capacitors, through MCP', () => {
  const cases: [string, string, number][] = [
    ['an LQFP-48 MCU with six 100 nF capacitors on four sides, content-sized board', mcuSixCapsYaml(''), 6],
    ['the MCU, a SOIC-8 flash and a BME280 sharing one rail, stated 40 × 30 mm board', sharedRailYaml('board: {width_mm: 40, height_mm: 30, layers: 2}'), 7],
  ];
  for (const [title, yaml, local] of cases) {
    for (const seed of [1, 2]) {
      it(`${title} (seed ${seed}): every capacitor within its distance`, async () => {
        const { data, design } = await placed(yaml, seed);
        expect(data.unplaced).toEqual([]);
        const rows = (data.constraint_report as ReportRow[]).filter((r) => r.kind === 'decoupling');
        expect(rows.filter((r) => r.hard).length).toBe(local);
        // served pins on every side of the MCU and on each IC sharing the rail
        const served = new Set(rows.filter((r) => r.hard).map((r) => r.constraint.near));
        for (const pin of ['U1.VDDA', 'U1.VDD_1', 'U1.VDD_2', 'U1.VDD_3']) expect(served.has(pin), pin).toBe(true);
        for (const { row, mm } of measured(design, rows)) {
          expect(mm, row.constraint.component).not.toBeNull();
          expect(mm!, `${row.constraint.component} to ${row.constraint.near}`).toBeLessThanOrEqual(row.constraint.max_distance_mm! + 1e-6);
          expect(row.satisfied).toBe(true);
        }
        expect(data.violations).toEqual([]);
      }, 120_000);
    }
  }

  it('a supply pin with pads on three sides (STM32F103 VDD: 24, 36, 48) gets a capacitor at each pad', async () => {
    const { data, design } = await placed(stm32TableYaml(), 1);
    expect(data.unplaced).toEqual([]);
    expect(data.violations).toEqual([]);
    const rows = (data.constraint_report as ReportRow[]).filter((r) => r.kind === 'decoupling' && r.constraint.near === 'U1.VDD');
    expect(rows.length).toBe(3);
    const g = buildBoardGeometry(design, resolveFootprint, mapPinsToPads);
    const vdd = g.pads.filter((p) => p.ref === 'U1' && p.pin === 'VDD');
    expect(vdd.map((p) => p.padNumber).sort()).toEqual(['24', '36', '48']);
    // the VDD pad nearest each capacitor, measured here: one capacitor within 3 mm of every pad
    const nearest = rows.map((r) => {
      const pads = g.pads.filter((p) => p.ref === design.components[r.constraint.component]!.ref);
      const cx = pads.reduce((s, p) => s + p.center[0], 0) / pads.length;
      const cy = pads.reduce((s, p) => s + p.center[1], 0) / pads.length;
      const d = vdd.map((p) => ({ pad: p.padNumber, mm: Math.hypot(p.center[0] - cx, p.center[1] - cy) })).sort((a, b) => a.mm - b.mm)[0]!;
      expect(d.mm).toBeLessThanOrEqual(3 + 1e-6);
      return d.pad;
    });
    expect(nearest.sort()).toEqual(['24', '36', '48']);
  }, 120_000);

  it('the verdict on a placed board does not depend on which of two identical capacitors stands where', async () => {
    const { design } = await placed(mcuSixCapsYaml(''), 1);
    const report = (d: Design) => placementReport(d, resolveFootprint, mapPinsToPads);
    const served = (d: Design, id: string) => report(d).find((r) => r.kind === 'decoupling' && r.constraint.component === id)!.constraint.near;
    expect(hardViolations(report(design))).toEqual([]);
    const before = { C1: served(design, 'C1'), C3: served(design, 'C3') };
    expect(before.C1).not.toBe(before.C3);
    // the two 100 nF 0402s trade places: same copper, same board
    const swapped = Design.parse({ ...design, placement: { ...design.placement, C1: design.placement['C3'], C3: design.placement['C1'] } });
    expect(hardViolations(report(swapped))).toEqual([]);
    expect({ C1: served(swapped, 'C1'), C3: served(swapped, 'C3') }).toEqual({ C1: before.C3, C3: before.C1 });
  }, 120_000);

  it('ten capacitors on one SOIC-8 pad: the ones that cannot fit are reported unmet, and the report matches the geometry', async () => {
    const { data, design } = await placed(crowdedPinYaml(), 1);
    expect(data.unplaced).toEqual([]);
    const rows = (data.constraint_report as ReportRow[]).filter((r) => r.kind === 'decoupling');
    expect(rows.length).toBe(10);
    const m = measured(design, rows);
    for (const { row, mm } of m) expect(row.satisfied, `${row.constraint.component} at ${mm} mm`).toBe(mm! <= row.constraint.max_distance_mm! + 1e-6);
    const unmet = m.filter(({ row }) => !row.satisfied).map(({ row }) => row.constraint.component).sort();
    expect(unmet.length).toBeGreaterThan(0);
    expect(unmet.length).toBeLessThan(10);
    const violated = (data.violations as ReportRow[]).filter((v) => v.kind === 'decoupling' && v.hard).map((v) => v.constraint.component).sort();
    expect(violated).toEqual(unmet);
  }, 120_000);
});
