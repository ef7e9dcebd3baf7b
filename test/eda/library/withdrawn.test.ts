import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createLibrary, loadLibrary, loadShippedParts, loadWithdrawnList, readWithdrawnFile, WITHDRAWN_FORMAT } from '../../../src/eda/library/index.js';
import { synthesizeDesign } from '../../../src/eda/synth/index.js';
import { findNamedPart } from '../../../src/eda/synth/library-parts.js';
import { parseWithLibrary } from '../../../src/tools/part-footprints.js';
import { withdrawnFileText, withdrawnList } from './pin-check.js';

/**
 * Withdrawn parts (docs/library.md, "Withdrawn parts"). The examples are the evaluation kit and the
 * prototyping platform the import recorded as parts: no data-sheet fix will ever make them
 * solderable, so they stay withdrawn while other records are corrected.
 */
const KIT = 'max17222evkit';
const THINGY = 'nordic-thingy91-x';
const library = loadLibrary();
const shipped = loadShippedParts();
const dir = path.join(tmpdir(), `zt-withdrawn-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('withdrawn parts', () => {
  it('the shipped list is well formed: unique ids of shipped records, each with a reason', () => {
    const file = JSON.parse(readFileSync(path.resolve(process.cwd(), 'data/library/withdrawn-parts.json'), 'utf8')) as { format: string; version: number; parts: { id: string; reason: string }[] };
    expect(file.format).toBe(WITHDRAWN_FORMAT);
    expect(file.version).toBe(1);
    const ids = file.parts.map((e) => e.id.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
    const shippedIds = new Set(shipped.map((p) => p.id.toLowerCase()));
    for (const e of file.parts) {
      expect(shippedIds.has(e.id.toLowerCase()), e.id).toBe(true);
      expect(e.reason.length, e.id).toBeGreaterThan(10);
    }
    expect(loadWithdrawnList().map((e) => e.id)).toEqual(file.parts.map((e) => e.id));
    // The kits carry the reason a person wrote, kept across regeneration.
    expect(file.parts.find((e) => e.id === KIT)).toMatchObject({ hand_written: true, reason: expect.stringMatching(/not a solderable part.*evaluation kit/) });
  });

  it('a withdrawn part is in no answer of the library: get, all, search, categories, lookup', () => {
    expect(library.get(KIT)).toBeUndefined();
    expect(library.get('MAX17222EVKIT')).toBeUndefined();
    expect(library.withdrawn('MAX17222EVKIT')).toMatchObject({ id: KIT, reason: expect.stringMatching(/evaluation kit/) });
    expect(library.withdrawn('ne555p')).toBeUndefined();
    const held = new Set(library.withdrawnParts().map((w) => w.id));
    expect(held.has(KIT) && held.has(THINGY)).toBe(true);
    expect(library.all().some((p) => held.has(p.id))).toBe(false);
    expect(library.size + held.size).toBe(shipped.length);
    for (const q of ['MAX17222', 'max17222evkit', 'Thingy:91 X', 'NRF9161-SICA', 'boost 400mA 5V']) {
      expect(library.search(q, { maxResults: 1000 }).map((h) => h.part.id), q).not.toContain(KIT);
      expect(library.search(q, { maxResults: 1000 }).map((h) => h.part.id), q).not.toContain(THINGY);
    }
    // Categories count offered parts only: the kit's "power" category is one short of the shipped count.
    const counts = Object.fromEntries(library.categories().map((c) => [c.category, c.count]));
    const shippedPower = shipped.filter((p) => p.category === 'power' && !held.has(p.id)).length;
    expect(counts['power']).toBe(shippedPower);
    expect(library.categories().reduce((s, c) => s + c.count, 0)).toBe(library.size);
    // The design-component lookup: by part_id, and by the type or MPN a design writes.
    expect(library.lookup({ type: 'X', part_id: KIT, mpn: null, value: null, footprint: null })).toBeUndefined();
    expect(library.lookup({ type: 'MAX17222EVKIT', part_id: null, mpn: null, value: null, footprint: null })).toBeUndefined();
    expect(library.withdrawnNamed({ type: 'NRF9161-SICA', part_id: null, mpn: null })).toMatchObject({ id: THINGY });
    expect(library.withdrawnNamed({ type: 'boost', part_id: 'ne555p', mpn: null })).toBeUndefined();
  });

  it('without the withdrawal the same records would be offered (the test can fail)', () => {
    const unfiltered = createLibrary(shipped);
    expect(unfiltered.get(KIT)?.pins.map((p) => p.name)).toEqual(['VIN', 'VOUT', 'GND', 'SW', 'FB', 'EN']);
    expect(unfiltered.search('max17222').map((h) => h.part.id)).toContain(KIT);
    expect(findNamedPart(unfiltered, 'MAX17222')?.id).toBe(KIT);
    // Synthesis picks part-number words through findNamedPart: with the real library there is nothing to pick.
    expect(findNamedPart(library, 'MAX17222')).toBeNull();
  });

  it('synthesis never places a withdrawn part for any fixture intent', () => {
    const held = new Set(library.withdrawnParts().map((w) => w.id));
    const intents = ['fixtures/intents.yaml', 'fixtures/intents-held-out.yaml'].flatMap((f) => (parse(readFileSync(path.resolve(process.cwd(), f), 'utf8')) as { intents: string[] }).intents);
    expect(intents.length).toBeGreaterThan(30);
    let built = 0;
    for (const intent of intents) {
      let design;
      try {
        design = synthesizeDesign(intent, { library }).design;
      } catch {
        continue; // an intent no board kind meets names its reason elsewhere (test/eda/synth)
      }
      built++;
      for (const c of Object.values(design.components)) {
        expect(held.has(c.part_id ?? ''), `${intent}: ${c.ref}`).toBe(false);
        const part = library.lookup(c);
        if (part) expect(held.has(part.id), `${intent}: ${c.ref}`).toBe(false);
      }
    }
    expect(built).toBeGreaterThan(25);
  });

  it('a design naming a withdrawn part parses with its own pins, takes nothing from the record and is warned', () => {
    const yaml = [
      'meta: {name: withdrawn-refs}',
      'board: {width_mm: 30, height_mm: 20, layers: 2}',
      'components:',
      '  U1: {ref: U1, type: MAX17222EVKIT, pins: {VIN: {type: power, net: VBAT}, VOUT: {type: power, net: V5}, GND: {type: power, net: GND}}}',
      '  U2: {ref: U2, type: tracker, part_id: nordic-thingy91-x, footprint: "SOIC-8", pins: {VCC: {type: power, net: V5}, GND: {type: power, net: GND}}}',
      '  R1: {ref: R1, type: RES, value: 10k, pins: {"1": {type: passive, net: V5}, "2": {type: passive, net: GND}}}',
    ].join('\n');
    const { design, warnings } = parseWithLibrary(yaml, {}, library);
    expect(design.components['U1']!.footprint).toBeNull();
    expect(Object.keys(design.components['U1']!.pins).sort()).toEqual(['GND', 'VIN', 'VOUT']);
    expect(design.components['U2']!.footprint).toBe('SOIC-8');
    const withdrawn = warnings.filter((w) => /withdrawn/.test(w.message));
    expect(withdrawn.map((w) => w.path).sort()).toEqual(['components.U1', 'components.U2']);
    expect(withdrawn.find((w) => w.path === 'components.U1')!.message).toMatch(/max17222evkit.*not a solderable part/);
    // The resistor is an offered part and still takes its library footprint.
    expect(design.components['R1']!.footprint).not.toBeNull();
    // Same design against the unfiltered records: the kit's footprint would have been filled in, unwarned.
    const before = parseWithLibrary(yaml, {}, createLibrary(shipped));
    expect(before.design.components['U1']!.footprint).toBe('WLP-9');
    expect(before.warnings.some((w) => /withdrawn/.test(w.message))).toBe(false);
  });

  it('a user library part with a withdrawn id replaces it, offered, with a warning', () => {
    mkdirSync(dir, { recursive: true });
    const own = { id: KIT, name: 'MAX17222 (house)', category: 'power', manufacturer: 'Analog Devices', mpn: 'MAX17222ENT+', package: 'WLP-6', footprint: 'WLP-6', pins: [{ name: 'IN', type: 'power_in' }, { name: 'OUT', type: 'power_out' }, { name: 'GND', type: 'power_in' }], datasheet: '', description: 'house record' };
    writeFileSync(path.join(dir, 'kit.json'), JSON.stringify(own));
    const lib = loadLibrary({ extraDirs: [dir] });
    expect(lib.get(KIT)?.name).toBe('MAX17222 (house)');
    expect(lib.withdrawn(KIT)).toBeUndefined();
    expect(lib.search('MAX17222 house').map((h) => h.part.id)).toContain(KIT);
    expect(lib.issues.find((i) => i.id === KIT)).toMatchObject({ severity: 'warning', message: expect.stringMatching(/replaces the withdrawn shipped part 'max17222evkit'/) });
    expect(lib.withdrawnParts().length).toBe(library.withdrawnParts().length - 1);
  });

  it('regenerating keeps hand-written reasons of parts still failing and drops parts that pass', () => {
    const previous = [
      { id: KIT, reason: 'a reason a person wrote', hand_written: true },
      { id: 'ne555p', reason: 'listed by mistake', hand_written: true },
      { id: THINGY, reason: 'an old generated reason' },
    ];
    const list = withdrawnList(previous, shipped);
    expect(list.find((e) => e.id === KIT)).toEqual(previous[0]);
    expect(list.find((e) => e.id === 'ne555p')).toBeUndefined();
    expect(list.find((e) => e.id === THINGY)!.reason).toMatch(/family template/);
    // The file text reads back as the same list.
    mkdirSync(dir, { recursive: true });
    const f = path.join(dir, 'withdrawn-parts.json');
    writeFileSync(f, withdrawnFileText(list));
    expect(readWithdrawnFile(f)).toEqual(list);
  });
});
