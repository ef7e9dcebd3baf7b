import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/eda/library/index.js';
import { expectCheckedRecord, padsOf, readCheckedFile } from './checked-file.js';

/**
 * The checked connector, mechanical, crystal, discrete RF and memory records
 * (data/library/checked-parts-connector-rf.json): each replaces an imported record whose pins were
 * a family template or whose package the catalog lacked, lands every pin on its own pad of a known
 * footprint, and names its source. The pads asserted below are the ones the cited pin tables give
 * (each record's properties.pinout_source).
 */
const file = readCheckedFile('checked-parts-connector-rf.json');
const library = loadLibrary();

describe('checked connector/mechanical/crystal/RF/memory parts', () => {
  it('the file is a library parts file whose count matches', () => {
    expect(file.format).toBe('zaptrace-library-parts');
    expect(file.count).toBe(file.parts.length);
    expect(file.count).toBeGreaterThanOrEqual(8);
  });

  it('every record replaces the imported one, passes the pin check and names its source', () => {
    for (const { id } of file.parts) {
      const part = library.get(id)!;
      expectCheckedRecord(library, id, 'checked-parts-connector-rf.json', /data sheet|KiCad symbol library|KiCad footprint|drawing/);
      for (const pin of part.pins) expect(pin.number, `${id} ${pin.name}`).toMatch(/^[A-Z0-9]+( [A-Z0-9]+)*$/i);
    }
  });

  it('USB: the 6-pin Type-C has CC on A5/B5, VBUS on A9/B9, GND on A12/B12; USB 3.0 A keeps the SuperSpeed pairs on 5-9', () => {
    const c = padsOf(library, 'usb-c-6p-mid-mount');
    expect(c['CC1']).toEqual(['A5']);
    expect(c['CC2']).toEqual(['B5']);
    expect(c['VBUS']).toEqual(['A9', 'B9']);
    expect(c['GND']).toEqual(['A12', 'B12']);
    expect(c['SHIELD']).toEqual(['S1']);
    const a = padsOf(library, 'usb-a-3.0-smd');
    expect(a['VBUS']).toEqual(['1']);
    expect(a['SSRX+']).toEqual(['6']);
    expect(a['SSTX-']).toEqual(['8']);
    expect(a['SHIELD']).toEqual(['10']);
  });

  it('cards, RJ45 and FPC: microSD DAT0 on 7 and detect on 9/10, SIM GND on C5, magjack pairs on R1-R6, FH12-40 tabs', () => {
    const sd = padsOf(library, 'microsd-push-pull');
    expect(sd['DAT0']).toEqual(['7']);
    expect(sd['CLK']).toEqual(['5']);
    expect(sd['DET_A']).toEqual(['10']);
    expect(sd['SHIELD']).toEqual(['11']);
    const sim = padsOf(library, 'sim-card-6p');
    expect(sim['GND']).toEqual(['5']);
    expect(sim['IO']).toEqual(['7']);
    const rj = padsOf(library, 'rj45-8p');
    expect(rj['TD+']).toEqual(['R1']);
    expect(rj['RD-']).toEqual(['R6']);
    expect(rj['SH']).toEqual(['SH']);
    const fpc = padsOf(library, 'wr-mx-52610409100700aalf');
    expect(fpc['P40']).toEqual(['40']);
    expect(fpc['MP']).toEqual(['MP']);
  });

  it('D-sub 9, DisplayPort and Mini DisplayPort (Digi-Key library lands): every contact on its own pad, shell apart', () => {
    const d = padsOf(library, 'rugged-d-sub-9-male');
    expect(d['P1']).toEqual(['1']);
    expect(d['P9']).toEqual(['9']);
    expect(d['SHIELD']).toEqual(['10']);
    expect(padsOf(library, 'dp-displayport-20p')['P20']).toEqual(['20']);
    expect(padsOf(library, 'dp-mini-20p')['P1']).toEqual(['1']);
    expect(padsOf(library, 'dp-mini-20p')['SH']).toEqual(['SH']);
  });

  it('BFP840ESD: base 1, collector 3, emitter on both 2 and 4', () => {
    const q = padsOf(library, 'bfp840esd');
    expect(q['B']).toEqual(['1']);
    expect(q['C']).toEqual(['3']);
    expect(q['E']).toEqual(['2', '4']);
  });
});
