import { describe, expect, it } from 'vitest';
import { writeExcellon } from '../../../../src/eda/export/excellon/index.js';
import { writePickAndPlace, PNP_CSV_HEADER } from '../../../../src/eda/export/pnp/index.js';
import { bomJson, bomLines, compareRefs, writeBomCsv, type BomLine } from '../../../../src/eda/export/bom/index.js';
import type { LibraryPart, PartLookup } from '../../../../src/eda/model/part.js';
import { fabFixture } from './fixture.js';
import { parseCsv, parseExcellon } from './parse.js';

const { design, geometry } = fabFixture();
const drills = writeExcellon(design, geometry);
const drill = (suffix: string) => parseExcellon(drills.find((d) => d.name.endsWith(suffix))!.content);

describe('writeExcellon', () => {
  it('writes PTH and NPTH files with an M48 metric header, a sorted tool table and M30', () => {
    expect(drills.map((d) => d.name)).toEqual(['fab_test-PTH.drl', 'fab_test-NPTH.drl']);
    for (const d of drills) {
      const p = parseExcellon(d.content);
      expect(p.header[0]).toBe('M48');
      expect(p.header).toContain('METRIC,LZ');
      expect(p.header).toContain('FMAT,2');
      expect(d.content).toMatch(/\n%\nG90\nG05\n/);
      expect(p.lastLine).toBe('M30');
      const diameters = [...p.tools.entries()].sort((a, b) => a[0] - b[0]).map(([, dia]) => dia);
      expect(diameters).toEqual([...diameters].sort((a, b) => a - b));
      for (const h of p.hits) expect(p.tools.has(h.tool)).toBe(true);
    }
    expect(drills[0]!.content).toContain('T1C0.300');
  });

  it('drills one hole per via and plated pad, one per unplated pad, inside the board', () => {
    const pth = drill('PTH.drl');
    const npth = drill('NPTH.drl');
    expect(pth.hits.length).toBe(design.routing.vias.length + geometry.pads.filter((p) => p.kind === 'thru_hole').length);
    expect(npth.hits.length).toBe(geometry.pads.filter((p) => p.kind === 'np_thru_hole').length);
    const via = design.routing.vias[0]!;
    const viaHit = pth.hits.find((h) => Math.abs(h.x - via.at[0]) < 1e-3 && Math.abs(h.y + via.at[1]) < 1e-3);
    expect(pth.tools.get(viaHit!.tool)).toBe(via.drill_mm);
    for (const h of [...pth.hits, ...npth.hits]) {
      expect(h.x).toBeGreaterThanOrEqual(0);
      expect(h.x).toBeLessThanOrEqual(30);
      expect(h.y).toBeLessThanOrEqual(0);
      expect(h.y).toBeGreaterThanOrEqual(-20);
    }
    // The M2 hole of H1 is unplated: 2.2 mm.
    expect([...npth.tools.values()]).toContain(2.2);
  });

  it('routes slotted holes with G85, the tool the slot width and the travel its length minus width', () => {
    const slots = drill('PTH.drl').hits.filter((h) => h.slotTo);
    const usb = geometry.footprints.find((f) => f.ref === 'USB1')!.footprint;
    const slotted = usb.pads.filter((p) => p.drill_slot_mm);
    expect(slots.length).toBe(slotted.length);
    const travels = slots.map((h) => Math.hypot(h.slotTo![0] - h.x, h.slotTo![1] - h.y)).sort();
    const wanted = slotted.map((p) => Math.max(...p.drill_slot_mm!) - Math.min(...p.drill_slot_mm!)).sort();
    travels.forEach((t, i) => expect(t).toBeCloseTo(wanted[i]!, 6));
  });

  it('is deterministic', () => {
    const again = fabFixture();
    expect(writeExcellon(again.design, again.geometry)).toEqual(drills);
  });
});

describe('writePickAndPlace', () => {
  const rows = parseCsv(writePickAndPlace(design, geometry));
  it('lists placed, fitted components with copper pads, sorted by reference, y negated', () => {
    expect(rows[0]).toEqual([...PNP_CSV_HEADER]);
    const refs = rows.slice(1).map((r) => r[0]);
    // H1 (unplated holes only) and R10 (DNP) are not placed by the machine.
    expect(refs).toEqual(['J1', 'R1', 'R2', 'T1', 'U1', 'USB1']);
    for (const r of rows.slice(1)) {
      expect(r.length).toBe(7);
      const comp = Object.values(design.components).find((c) => c.ref === r[0])!;
      const pl = design.placement[comp.id]!;
      expect(Number(r[3])).toBeCloseTo(pl.x_mm, 4);
      expect(Number(r[4])).toBeCloseTo(-pl.y_mm, 4);
      expect(Number(r[5])).toBe(pl.rotation_deg);
      expect(r[6]).toBe(pl.side);
    }
    expect(rows.find((r) => r[0] === 'R2')?.[6]).toBe('bottom');
  });

  it('quotes values with commas and guards formula-like values', () => {
    const hostile = structuredClone(design);
    hostile.components.r1!.value = '1k, 1%';
    hostile.components.u1!.value = '+5V "reg"';
    const out = parseCsv(writePickAndPlace(hostile, geometry));
    expect(out.find((r) => r[0] === 'R1')?.[1]).toBe('1k, 1%');
    expect(out.find((r) => r[0] === 'U1')?.[1]).toBe(`'+5V "reg"`);
    expect(out.every((r) => r.length === 7)).toBe(true);
  });
});

describe('BOM', () => {
  const lines = bomLines(design);

  it('groups identical parts, keeps DNP apart and last, sorts references naturally', () => {
    const r = lines.find((l) => l.refs.includes('R1'))!;
    expect(r.refs).toEqual(['R1', 'R2']);
    expect(r.quantity).toBe(2);
    expect(lines[lines.length - 1]!.refs).toEqual(['R10']);
    expect(lines[lines.length - 1]!.dnp).toBe(true);
    expect(lines.reduce((n, l) => n + l.quantity, 0)).toBe(Object.keys(design.components).length);
    expect(lines.filter((l) => !l.dnp).map((l) => l.refs[0])).toEqual(['H1', 'J1', 'R1', 'T1', 'U1', 'USB1']);
    expect(['R10', 'R2', 'C1', 'R1'].sort(compareRefs)).toEqual(['C1', 'R1', 'R2', 'R10']);
  });

  it('fills MPN and manufacturer from the library when the component has none, and splits groups by MPN', () => {
    const part = { mpn: 'RC0603FR-0710KL', manufacturer: 'Yageo', value_text: '10k', footprint: '0603' } as unknown as LibraryPart;
    const lookup: PartLookup = (c) => (c.type === 'resistor' && c.value === '10k' ? part : undefined);
    const withParts = structuredClone(design);
    withParts.components.r2!.mpn = 'ERJ-3EKF1002V';
    const got = bomLines(withParts, lookup);
    const r1 = got.find((l) => l.refs.includes('R1'))!;
    expect([r1.mpn, r1.manufacturer, r1.refs]).toEqual(['RC0603FR-0710KL', 'Yageo', ['R1']]);
    expect(got.find((l) => l.refs.includes('R2'))!.mpn).toBe('ERJ-3EKF1002V');
  });

  it('writes RFC 4180 CSV with the formula-injection guard', () => {
    const csv = writeBomCsv(lines);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['Refs', 'Quantity', 'Value', 'Footprint', 'MPN', 'Manufacturer', 'DNP']);
    const u1 = rows.find((r) => r[0] === 'U1')!;
    expect(u1[5]).toBe('Texas Instruments, Inc.');
    const dnp = rows.find((r) => r[0] === 'R10')!;
    expect(dnp[2]).toBe(`'=HYPERLINK("x")`);
    expect(dnp[6]).toBe('DNP');
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    const evil: BomLine = { refs: ['X1'], quantity: 1, value: '@SUM(A1)', footprint: '-cmd', mpn: '+1', manufacturer: 'ok', dnp: false };
    expect(parseCsv(writeBomCsv([evil]))[1]).toEqual(['X1', '1', `'@SUM(A1)`, `'-cmd`, `'+1`, 'ok', '']);
  });

  it('round-trips through JSON and is deterministic', () => {
    const doc = JSON.parse(bomJson(lines)) as { lines: BomLine[] };
    expect(doc.lines).toEqual(lines);
    expect(writeBomCsv(bomLines(fabFixture().design))).toBe(writeBomCsv(lines));
  });
});
