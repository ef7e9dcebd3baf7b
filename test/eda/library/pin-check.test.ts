import { describe, expect, it } from 'vitest';
import { loadLibrary, loadShippedParts, loadWithdrawnList } from '../../../src/eda/library/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import { LibraryPart } from '../../../src/eda/model/part.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkLibrary, checkPart, failureReport, summary, withdrawnList } from './pin-check.js';

/**
 * Library pins against footprint pads (docs/library.md, "Pin check"). Every part is checked; the
 * parts whose pinout was read from the data sheet (`properties.review_status` "pinout-checked",
 * data/library/checked-parts.json) must pass every check, and no failing part may claim to be
 * checked. The pad numbers asserted below are the data sheets' own pin tables. Every part the
 * library offers passes; the ones that fail are withdrawn (data/library/withdrawn-parts.json,
 * docs/library.md, "Withdrawn parts") and kept only while they still fail.
 */
const library = loadLibrary();
const shipped = loadShippedParts();
const padsOf = (id: string): Record<string, string[]> => {
  const part = library.get(id)!;
  const fp = resolveFootprint(part.footprint)!;
  return mapPinsToPads(fp, part.pins.map((p) => ({ name: p.name, number: p.number })), { type: part.mpn }).map;
};

describe('library pin check', () => {
  const checks = checkLibrary(shipped);

  it('checks every shipped part, withdrawn ones included, and counts its failures by kind', () => {
    const s = summary(checks);
    expect(s['parts']).toBe(library.size + library.withdrawnParts().length);
    expect(s['failing']).toBe(checks.filter((c) => c.problems.length > 0).length);
  });

  it('every part the library offers passes the pin check: a failing part is withdrawn', () => {
    expect(library.size).toBeGreaterThan(300);
    for (const p of library.all()) expect(checkPart(p).problems, p.id).toEqual([]);
  });

  it('every withdrawn part still fails the pin check, so a fixed part leaves the list (pin-check.ts --withdrawn)', () => {
    const listed = loadWithdrawnList();
    expect(listed.length).toBeGreaterThan(0);
    const byId = new Map(shipped.map((p) => [p.id.toLowerCase(), p]));
    for (const e of listed) {
      const part = byId.get(e.id.toLowerCase());
      expect(part, `${e.id} is no shipped part`).toBeDefined();
      expect(checkPart(part!).problems.length, `${e.id} passes the pin check now: run npx tsx test/eda/library/pin-check.ts --withdrawn`).toBeGreaterThan(0);
      expect(e.reason, e.id).not.toBe('');
    }
    // The list is the failures, so regenerating it changes nothing.
    expect(withdrawnList(listed, shipped).map((e) => e.id)).toEqual([...listed].map((e) => e.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('every datasheet-checked part passes: each pin on its own pad, every pad claimed, footprint known', () => {
    const checked = library.all().filter((p) => p.properties['review_status'] === 'pinout-checked');
    expect(checked.length).toBeGreaterThanOrEqual(12);
    for (const p of checked) {
      expect(checkPart(p).problems, p.id).toEqual([]);
      expect(LibraryPart.safeParse(p).success, p.id).toBe(true);
      expect(String(p.properties['pinout_source'] ?? ''), p.id).not.toBe('');
    }
  });

  it('docs/reports/library-pin-check.md lists exactly the failing parts, each with a reason, and the count does not grow', () => {
    const rows = failureReport(shipped);
    expect(rows.length).toBe(summary(checks)['failing']);
    // Ceiling from the last data fix (docs/library.md, "Pin check"): a record change that breaks a pinout shows here.
    expect(rows.length).toBeLessThanOrEqual(207);
    const report = readFileSync(path.resolve(process.cwd(), 'docs/reports/library-pin-check.md'), 'utf8');
    const listed = [...report.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(rows.map((r) => r.id).sort());
    for (const r of rows) expect(r.reason, r.id).not.toBe('');
  });

  it('the parts read from a data sheet link it', () => {
    for (const id of ['ne555p', 'ne555dr', 'ft232rl', 'ch340g', 'max3485esd-t', 'usblc6-2sc6', 'led-red-0603', 'usb-micro-b', 'usb-b-b1hsw6', 'barrel-jack-5.5-2.1', 'keystone-103']) expect(library.get(id)!.datasheet, id).toMatch(/^https:\/\//);
  });

  it('finds a planted fault: a pin number the footprint lacks, and two pins on one pad', () => {
    const ne = library.get('ne555p')!;
    const moved = { ...ne, pins: ne.pins.map((p) => (p.name === 'OUT' ? { ...p, number: '9' } : p)) };
    expect(checkPart(moved).problems.map((p) => p.kind).sort()).toEqual(['pad-without-pin', 'unmapped-pin']);
    const doubled = { ...ne, pins: ne.pins.map((p) => (p.name === 'OUT' ? { ...p, number: '2' } : p)) };
    expect(checkPart(doubled).problems.map((p) => p.kind).sort()).toEqual(['pad-without-pin', 'shared-pad']);
  });

  it('MAX3485 (SO-8): RO 1, /RE 2, DE 3, DI 4, GND 5, A 6, B 7, VCC 8, ordered as MAX3485ESA+T', () => {
    expect(padsOf('max3485esd-t')).toEqual({ RO: ['1'], 'RE#': ['2'], DE: ['3'], DI: ['4'], GND: ['5'], A: ['6'], B: ['7'], VCC: ['8'] });
    expect(library.get('max3485esd-t')!.mpn).toBe('MAX3485ESA+T');
    expect(resolveFootprint(library.get('max3485esd-t')!.footprint)!.pads).toHaveLength(8);
  });

  it('USBLC6-2SC6: pin 5 is VBUS, I/O1 on 1 and 6, I/O2 on 3 and 4, GND 2', () => {
    const m = padsOf('usblc6-2sc6');
    expect(m['VBUS']).toEqual(['5']);
    expect(m['GND']).toEqual(['2']);
    expect([...m['IO1_1']!, ...m['IO1_2']!].sort()).toEqual(['1', '6']);
    expect([...m['IO2_1']!, ...m['IO2_2']!].sort()).toEqual(['3', '4']);
    expect(library.get('usblc6-2sc6')!.pins.some((p) => p.type === 'no_connect')).toBe(false);
  });

  it('led-red-0603 has two pins, cathode on pad 1', () => {
    expect(padsOf('led-red-0603')).toEqual({ K: ['1'], A: ['2'] });
  });

  it('NE555 in DIP-8 and SOIC-8, FT232RL in SSOP-28, CH340G in SOP-16, per their data sheets', () => {
    for (const id of ['ne555p', 'ne555dr']) expect(padsOf(id)).toMatchObject({ GND: ['1'], TRIG: ['2'], OUT: ['3'], RESET: ['4'], CONT: ['5'], THRES: ['6'], DISCH: ['7'], VCC: ['8'] });
    expect(resolveFootprint(library.get('ne555p')!.footprint)!.pads.every((p) => p.kind === 'thru_hole')).toBe(true);
    const ft = padsOf('ft232rl');
    expect(ft['GND']).toEqual(['7', '18', '21']);
    expect(ft).toMatchObject({ TXD: ['1'], VCCIO: ['4'], RXD: ['5'], USBDP: ['15'], USBDM: ['16'], '3V3OUT': ['17'], VCC: ['20'], AGND: ['25'], TEST: ['26'] });
    expect(padsOf('ch340g')).toMatchObject({ GND: ['1'], TXD: ['2'], RXD: ['3'], V3: ['4'], 'UD+': ['5'], 'UD-': ['6'], XI: ['7'], XO: ['8'], VCC: ['16'] });
  });

  it('USB micro-B (Molex 105017-0001), USB-B (On Shore USB-B1HSW6), barrel jack (CUI PJ-102AH), CR2032 holder (Keystone 103), per their drawings', () => {
    expect(padsOf('usb-micro-b')).toEqual({ VBUS: ['1'], 'D-': ['2'], 'D+': ['3'], ID: ['4'], GND: ['5'], SHIELD: ['6'] });
    expect(padsOf('usb-b-b1hsw6')).toEqual({ VBUS: ['1'], 'D-': ['2'], 'D+': ['3'], GND: ['4'], SHIELD: ['5'] });
    expect(padsOf('barrel-jack-5.5-2.1')).toEqual({ P1: ['1'], P2: ['2'], P3: ['3'] });
    expect(padsOf('keystone-103')).toEqual({ '+': ['1'], '-': ['2'] });
    expect(library.get('barrel-jack-5.5-2.1')!.mpn).toBe('PJ-102AH');
    for (const id of ['usb-micro-b', 'usb-b-b1hsw6', 'barrel-jack-5.5-2.1', 'keystone-103']) {
      const part = library.get(id)!;
      expect(part.manufacturer, id).not.toMatch(/generic/i);
      expect(part.datasheet, id).toMatch(/^https:\/\//);
    }
    // Through-hole where the part is: the jack, the type-B receptacle and the holder entirely; the micro-B's shell pegs.
    for (const id of ['usb-b-b1hsw6', 'barrel-jack-5.5-2.1', 'keystone-103']) expect(resolveFootprint(library.get(id)!.footprint)!.pads.every((p) => p.kind === 'thru_hole'), id).toBe(true);
    expect(resolveFootprint('USB-MICRO-B-SMD')!.pads.filter((p) => p.number === '6' && p.kind === 'thru_hole')).toHaveLength(4);
    // A design that names the jack's pins by function still lands on the right pads.
    const jack = resolveFootprint('BARREL-5.5-2.1')!;
    expect(mapPinsToPads(jack, [{ name: 'VIN', number: null }, { name: 'GND', number: null }]).map).toEqual({ VIN: ['1'], GND: ['2'] });
  });

  it('through-hole footprints resolve by their KiCad names: axial resistor and diodes, disc and radial capacitors, DIP', () => {
    for (const name of ['R_Axial_DIN0207_L6.3mm_D2.5mm_P10.16mm_Horizontal', 'D_DO-41_SOD81_P10.16mm_Horizontal', 'D_DO-35_SOD27_P7.62mm_Horizontal', 'C_Disc_D5.0mm_W2.5mm_P5.00mm', 'CP_Radial_D5.0mm_P2.00mm', 'DIP-8']) {
      const fp = resolveFootprint(name);
      expect(fp, name).toBeDefined();
      expect(fp!.pads.every((p) => p.kind === 'thru_hole' && (p.drill_mm ?? 0) > 0), name).toBe(true);
    }
    // Pad 1 of an axial diode is the cathode (square), as in KiCad.
    const d = resolveFootprint('DO-41')!;
    expect(d.pads.find((p) => p.number === '1')!.shape).not.toBe('circle');
  });
});

describe('resistor lookup by value', () => {
  it('a 1 kΩ resistor without a footprint gets a plain chip resistor, never a trimmer', () => {
    const part = library.lookup({ type: 'resistor', part_id: null, mpn: null, value: '1k', footprint: null })!;
    expect(part.pins).toHaveLength(2);
    expect(part.footprint).toBe('0603');
    expect(part.footprint).not.toMatch(/Trimmer|3296/);
  });
  it('a package in the footprint still wins', () => {
    expect(library.lookup({ type: 'R', part_id: null, mpn: null, value: '1k', footprint: 'R_0805_2012Metric' })!.footprint).toBe('0805');
  });
});
