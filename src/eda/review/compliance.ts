import type { Component, Design } from '../model/design.js';
import { parseSiValue } from '../../kernel/units.js';
import { componentsByNet, isConnector } from './parts.js';
import { summarize, type ReviewFinding } from './findings.js';

/**
 * A compliance checklist from what the design contains: the regimes that apply (EU directives and
 * FCC rules are named, not judged) and the few items the netlist itself can show — ESD protection on
 * connector signals (IEC 61000-4-2 contact discharge reaches every external pin) and the Type-C sink's
 * 5.1 kΩ Rd on CC1 and CC2 (USB Type-C spec, Sink CC Termination). Not a certification.
 */
const text = (c: Component) => `${c.type} ${c.value ?? ''} ${c.mpn ?? ''} ${c.description}`;
const RADIO = /ESP32|nRF5|SX12|LoRa|BLE|Wi-?Fi|CC13|CC26|RFM9|SIM7|BG9/i;
const BATTERY = /MCP738|TP4056|BQ24|Li-?Po|Li-?ion|battery|\bBAT\b/i;
const ESD = /TVS|ESD|USBLC|PESD|SP05|TPD\d/i;

export function complianceChecklist(design: Design) {
  const comps = Object.values(design.components);
  const items: { topic: string; applies: boolean; why: string }[] = [];
  const radios = comps.filter((c) => RADIO.test(text(c)));
  const batteries = comps.filter((c) => BATTERY.test(text(c)));
  const usbC = comps.filter((c) => isConnector(c) && /USB-?C|Type-?C/i.test(`${c.type} ${c.footprint ?? ''}`));
  items.push({ topic: 'RoHS 2011/65/EU: every BOM part RoHS', applies: true, why: 'any product sold in the EU' });
  items.push({ topic: 'EMC: EU 2014/30/EU, FCC Part 15B', applies: radios.length === 0, why: radios.length ? 'covered by the radio rules below' : 'digital electronics radiate unintentionally' });
  items.push({ topic: 'Radio: EU RED 2014/53/EU, FCC Part 15C; prefer a pre-certified module', applies: radios.length > 0, why: radios.length ? `radio parts ${radios.map((c) => c.ref).join(', ')}` : 'no radio part' });
  items.push({ topic: 'Batteries: IEC 62133-2 cells, UN 38.3 transport', applies: batteries.length > 0, why: batteries.length ? `battery/charger parts ${batteries.map((c) => c.ref).join(', ')}` : 'no battery part' });
  items.push({ topic: 'USB: VBUS ≤ 5.25 V, Type-C terminations', applies: usbC.length > 0 || comps.some((c) => /USB/i.test(c.type)), why: 'USB connector present' });

  const findings: ReviewFinding[] = [];
  const byNet = componentsByNet(design);
  const groundIds = new Set(Object.values(design.nets).filter((n) => n.type === 'ground' || /^GND/i.test(n.name)).map((n) => n.id));
  for (const net of Object.values(design.nets)) {
    if (groundIds.has(net.id)) continue;
    const on = byNet.get(net.id) ?? [];
    const conns = on.filter(isConnector);
    if (conns.length > 0 && !on.some((c) => ESD.test(text(c)))) {
      findings.push({ severity: 'warning', rule: 'connector-without-esd', message: `${net.name} leaves the board at ${conns.map((c) => c.ref).join(', ')} with no TVS/ESD part on it (IEC 61000-4-2)`, refs: conns.map((c) => c.ref) });
    }
  }
  for (const j of usbC) {
    for (const cc of ['CC1', 'CC2']) {
      const node = Object.values(design.nets).find((n) => n.nodes.some((x) => x.component === j.id && x.pin.toUpperCase() === cc));
      const rd = node ? (byNet.get(node.id) ?? []).find((c) => /^R/i.test(c.ref) && Math.abs((parseSiValue(c.value ?? '') ?? 0) - 5100) <= 510) : undefined;
      if (!rd) findings.push({ severity: 'warning', rule: 'usb-c-cc', message: `${j.ref} ${cc}: no 5.1 kΩ Rd found; a sink needs one on each CC pin`, refs: [j.ref] });
    }
  }
  return { ...summarize(findings), checklist: items };
}
