import type { Component, Design } from '../model/design.js';
import { isGroundName } from './classify.js';
import { transceiverShortfalls } from './rf-transceivers.js';

/**
 * The support network a radio chip cannot work without, checked on a design before release
 * (contract.md, "The release gate"). A bare radio SoC needs its reference crystal, its antenna
 * matching network and the decoupling of its regulator pins; a certified module carries crystal,
 * match and antenna inside and needs only its supply decoupling.
 *
 * - nRF52840 (Nordic nRF52840 Product Specification v1.7, "Reference circuitry"): 32 MHz crystal on
 *   XC1/XC2, a matching network (L/C) from ANT to the antenna, capacitors on DEC1 and DEC4 (and VDD).
 * - ESP32 chip (Espressif ESP32 Hardware Design Guidelines, "Schematic checklist"): 40 MHz crystal on
 *   XTAL_P/XTAL_N, an RF matching network on LNA_IN, decoupling of VDD3P3.
 * - ESP32/nRF modules (WROOM, WROVER, MINI, MDBT…): 10 µF + 100 nF at the module supply.
 * - Bare sub-GHz / 2.4 GHz transceivers (SX127x, SX126x, SX128x, CC1101, AT86RF2xx): crystal or
 *   TCXO, a matched and filtered transmit path to the antenna, the receive input reaching it
 *   (rf-transceivers.ts cites each maker's reference design).
 */
export interface RfShortfall {
  ref: string;
  part: string;
  missing: string[];
}

interface RfChip {
  part: string;
  match: RegExp;
  crystal?: { pins: [RegExp, RegExp]; what: string };
  antenna?: { pin: RegExp; what: string };
  decoupled: { pin: RegExp; what: string }[];
}

const CHIPS: RfChip[] = [
  {
    part: 'nRF52840',
    match: /nrf52840(?!.*(?:module|mdbt|bmd))/,
    crystal: { pins: [/^XC1$/i, /^XC2$/i], what: '32 MHz crystal on XC1/XC2' },
    antenna: { pin: /^ANT$/i, what: 'antenna matching network on ANT' },
    decoupled: [
      { pin: /^DEC1$/i, what: 'DEC1 decoupling capacitor' },
      { pin: /^DEC4$/i, what: 'DEC4 decoupling capacitor' },
      { pin: /^VDD$/i, what: 'VDD decoupling capacitor' },
    ],
  },
  {
    part: 'ESP32',
    match: /esp32-?(?:d0wd|pico-d4|s3(?!-wroom|-mini)|c3(?!-mini|-wroom))|\besp32\b(?!-)/,
    crystal: { pins: [/^XTAL_P$/i, /^XTAL_N$/i], what: '40 MHz crystal on XTAL_P/XTAL_N' },
    antenna: { pin: /^LNA_IN$/i, what: 'RF matching network on LNA_IN' },
    decoupled: [{ pin: /^VDD3P3/i, what: 'VDD3P3 decoupling capacitor' }],
  },
  { part: 'radio module', match: /wroom|wrover|esp32-c3-mini|esp32-s3-mini|mdbt\d+|bmd-\d+/, decoupled: [{ pin: /^(?:VCC|VDD|3V3|VDD33)$/i, what: 'supply decoupling at the module' }] },
];

const textOf = (c: Component) => `${c.part_id ?? ''} ${c.type} ${c.mpn ?? ''}`.toLowerCase();
const isCap = (c: Component) => /^C\d/i.test(c.ref) || /\bcap|capacitor/i.test(c.type);
const isInductor = (c: Component) => /^L\d/i.test(c.ref) || /inductor|\bind\b/i.test(c.type);
const isCrystal = (c: Component) => /^Y\d/i.test(c.ref) || /crystal|xtal/i.test(c.type);
const isAntenna = (c: Component) => /^(AE|ANT)\d/i.test(c.ref) || /antenna|u\.fl|\bsma\b|ipex/i.test(`${c.type} ${c.part_id ?? ''}`);

/** RF parts on the design whose essentials are missing, with what each lacks. */
export function rfShortfalls(design: Design): RfShortfall[] {
  const comps = Object.values(design.components).filter((c) => !c.dnp);
  const netsOfPin = (c: Component, pin: RegExp) => Object.values(design.nets).filter((n) => n.nodes.some((x) => x.component === c.id && pin.test(x.pin)));
  const partsOn = (netId: string, except: Component) =>
    design.nets[netId]!.nodes.map((x) => design.components[x.component]).filter((p): p is Component => !!p && p !== except && !p.dnp);
  const netIdsOf = (c: Component) => Object.values(design.nets).filter((n) => n.nodes.some((x) => x.component === c.id));
  const capToGround = (netId: string, except: Component) => partsOn(netId, except).some((p) => isCap(p) && netIdsOf(p).some((n) => n.type === 'ground' || isGroundName(n.name)));
  const out: RfShortfall[] = [];
  for (const c of comps) {
    const chip = CHIPS.find((k) => k.match.test(textOf(c)));
    if (!chip) continue;
    const missing: string[] = [];
    if (chip.crystal) {
      const [a, b] = chip.crystal.pins.map((p) => netsOfPin(c, p));
      const y = comps.filter(isCrystal).find((x) => a!.some((n) => n.nodes.some((m) => m.component === x.id)) && b!.some((n) => n.nodes.some((m) => m.component === x.id)));
      if (!y) missing.push(chip.crystal.what);
    }
    if (chip.antenna) {
      // ANT → at least one L or C of a matching network → an antenna or RF connector, within two nets.
      const first = netsOfPin(c, chip.antenna.pin);
      const match = first.flatMap((n) => partsOn(n.id, c)).filter((p) => isCap(p) || isInductor(p));
      const reach = new Set(first.map((n) => n.id));
      for (const m of match) for (const n of netIdsOf(m)) reach.add(n.id);
      const antenna = [...reach].some((id) => partsOn(id, c).some(isAntenna));
      if (match.length === 0 || !antenna) missing.push(chip.antenna.what);
    }
    for (const d of chip.decoupled) {
      const nets = netsOfPin(c, d.pin);
      if (nets.length === 0 || !nets.some((n) => capToGround(n.id, c))) missing.push(d.what);
    }
    if (missing.length > 0) out.push({ ref: c.ref, part: chip.part, missing });
  }
  out.push(...transceiverShortfalls(design));
  return out.sort((x, y) => (x.ref < y.ref ? -1 : x.ref > y.ref ? 1 : 0));
}
