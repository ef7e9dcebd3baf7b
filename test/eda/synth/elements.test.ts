import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/eda/library/index.js';
import { resolveFootprint } from '../../../src/eda/footprints/index.js';
import { runErc } from '../../../src/eda/erc/index.js';
import { rfShortfalls } from '../../../src/eda/erc/rf-essentials.js';
import { isZapTraceError } from '../../../src/kernel/errors.js';
import { readElements } from '../../../src/eda/synth/elements.js';
import { synthesizeDesign } from '../../../src/eda/synth/index.js';
import type { Design } from '../../../src/eda/model/design.js';
import { ELEMENT_INTENTS } from './element-intents.js';

const library = loadLibrary();
const ctx = { lookupPart: library.lookup, footprintExists: (n: string) => resolveFootprint(n) !== undefined };
const byBlock = (d: Design, block: string) => Object.values(d.components).filter((c) => c.properties['synth_block'] === block);
const refused = (intent: string) => {
  try {
    synthesizeDesign(intent, { library });
  } catch (e) {
    if (isZapTraceError(e)) return e;
    throw e;
  }
  throw new Error(`accepted: ${intent}`);
};

describe('synthesis composes boards from the elements an intent names', () => {
  it('reads the named elements of an intent, unknown words included', () => {
    const ids = readElements('3.3 V LDO module from a 5 V barrel jack with power LED and two mounting holes').map((e) => e.id);
    expect(ids.sort()).toEqual(['indicator:power-led', 'mechanics:holes', 'regulator:ldo', 'source:barrel-jack', 'voltage:3.3', 'voltage:5'].sort());
    expect(readElements('toaster').map((e) => e.id)).toEqual(['unknown:toaster']);
  });

  it('"3.3 V LDO module from a 5 V barrel jack with power LED and two mounting holes" becomes exactly that', () => {
    const r = synthesizeDesign('3.3 V LDO module from a 5 V barrel jack with power LED and two mounting holes', { library });
    expect(r.template).toBe('composed');
    const d = r.design;
    expect(byBlock(d, 'mcu')).toEqual([]);
    const ldo = byBlock(d, 'ldo').filter((c) => c.ref.startsWith('U'));
    expect(ldo).toHaveLength(1);
    expect(Object.values(d.components).filter((c) => /MountingHole/.test(c.footprint ?? ''))).toHaveLength(2);
    // The power LED's resistor hangs on the 3.3 V output rail.
    const led = byBlock(d, 'led').find((c) => c.ref.startsWith('D'))!;
    const ledNet = Object.values(d.nets).find((n) => n.nodes.some((x) => x.component === led.id) && n.type !== 'ground')!;
    const r1 = ledNet.nodes.map((x) => d.components[x.component]!).find((c) => c.ref.startsWith('R'))!;
    expect(Object.values(d.nets).some((n) => n.name === '+3V3' && n.nodes.some((x) => x.component === r1.id))).toBe(true);
    expect(Object.values(d.nets).some((n) => n.name === '+5V')).toBe(true);
    // The barrel jack is the library's CUI PJ-102AH on its own footprint, centre pin (pad 1) on +5V.
    const jack = r.elements.find((e) => e.element === 'barrel jack')!;
    expect(jack.status).toBe('placed');
    const j = d.components[jack.by[0]!]!;
    expect([j.part_id, j.footprint]).toEqual(['barrel-jack-5.5-2.1', 'BarrelJack_CUI_PJ-102AH_Horizontal']);
    expect(resolveFootprint(j.footprint!)).toBeDefined();
    expect(j.pins['P1']!.number).toBe('1');
    expect(d.nets['+5V']!.nodes).toContainEqual({ component: j.id, pin: 'P1' });
    expect(r.elements.every((e) => e.status === 'placed')).toBe(true);
    expect(runErc(d, ctx).counts.error).toBe(0);
  });

  it('"nRF52840 humidity tag from a coin cell" gets a humidity sensor and runs from the CR2032 without a regulator', () => {
    const r = synthesizeDesign('nRF52840 humidity tag from a coin cell', { library });
    expect(r.unmet).toEqual([]);
    const sensor = byBlock(r.design, 'sensor')[0]!;
    expect(library.get(sensor.part_id!)!.description).toMatch(/humidity/i);
    expect(Object.values(r.design.components).some((c) => /CR2032/i.test(`${c.type} ${c.value}`))).toBe(true);
    expect([...byBlock(r.design, 'ldo'), ...byBlock(r.design, 'buck')]).toEqual([]);
    expect(runErc(r.design, ctx).counts.error).toBe(0);
  });

  it('takes a 9 V battery and regulates it down; refuses a coin cell for an ESP32', () => {
    const r = synthesizeDesign('ESP32 board powered from a 9 V battery', { library });
    expect(r.unmet).toEqual([]);
    expect(Object.values(r.design.nets).some((n) => n.name === '+9V')).toBe(true);
    expect(byBlock(r.design, 'ldo').length + byBlock(r.design, 'buck').length).toBeGreaterThan(0);
    expect(refused('ESP32 Wi-Fi board from a CR2032 coin cell').message).toMatch(/coin cell/);
  });

  it('refuses an intent with nothing buildable instead of making an ESP32 board', () => {
    const e = refused('toaster');
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details['unknown']).toEqual(['toaster']);
    expect(e.message).toMatch(/"toaster"/);
  });

  it('never drops a named element: each is placed with the parts that carry it, or unmet with a reason', () => {
    for (const intent of ELEMENT_INTENTS) {
      let r;
      try {
        r = synthesizeDesign(intent, { library });
      } catch (e) {
        if (!isZapTraceError(e)) throw e;
        continue;
      }
      expect(r.elements.length, intent).toBe(readElements(intent).length);
      for (const el of r.elements) {
        if (el.status === 'placed') expect(el.by.length, `${intent}: ${el.element}`).toBeGreaterThan(0);
        else expect(r.unmet.some((u) => u.startsWith(el.element)), `${intent}: ${el.element}`).toBe(true);
      }
    }
  });
});

describe('RF essentials', () => {
  it('the synthesized nRF52840 boards carry the certified MDBT50Q-1MV2 module and meet their RF essentials; the same board on the bare chip falls short', () => {
    for (const intent of ['nRF52840 BLE temperature sensor', 'nRF52840 humidity tag from a coin cell', 'battery powered nRF52840 BLE temperature sensor']) {
      const d = synthesizeDesign(intent, { library }).design;
      const mcu = Object.values(d.components).find((c) => c.properties['synth_block'] === 'mcu')!;
      expect(mcu.part_id).toBe('mdbt50q-1mv2');
      expect(rfShortfalls(d)).toEqual([]);
      // Without the capacitors on its supply the module falls short too.
      const undecoupled = structuredClone(d);
      for (const c of Object.values(undecoupled.components)) if (/^C\d/.test(c.ref)) c.dnp = true;
      expect(rfShortfalls(undecoupled).map((x) => x.missing)).toEqual([['supply decoupling at the module']]);
      // The same wiring on the bare chip lacks the crystal, the match and the DEC capacitors.
      const bare = structuredClone(d);
      bare.components[mcu.id] = { ...mcu, part_id: 'nrf52840-qiaa', type: 'nRF52840', mpn: 'NRF52840-QIAA-R' };
      const short = rfShortfalls(bare);
      expect(short).toHaveLength(1);
      expect(short[0]!.missing.join(' ')).toMatch(/32 MHz crystal.*antenna matching.*DEC1/);
    }
    expect(rfShortfalls(synthesizeDesign('ESP32 I2C sensor with BME280', { library }).design)).toEqual([]);
  });
});
