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
    // The barrel jack is on the board when the footprint set has one; otherwise it is reported, never dropped.
    const jack = r.elements.find((e) => e.element === 'barrel jack')!;
    if (resolveFootprint('BarrelJack_Horizontal')) expect(jack.status).toBe('placed');
    else {
      expect(jack.status).toBe('unmet');
      expect(r.unmet.join(' ')).toMatch(/barrel jack/);
    }
    expect(r.elements.filter((e) => e.element !== 'barrel jack').every((e) => e.status === 'placed')).toBe(true);
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
  it('an nRF52840 board without crystal, antenna match and decoupling falls short; a module board with decoupling does not', () => {
    const nrf = rfShortfalls(synthesizeDesign('nRF52840 BLE temperature sensor', { library }).design);
    expect(nrf).toHaveLength(1);
    expect(nrf[0]!.missing.join(' ')).toMatch(/32 MHz crystal.*antenna matching.*DEC1/);
    expect(rfShortfalls(synthesizeDesign('ESP32 I2C sensor with BME280', { library }).design)).toEqual([]);
  });
});
