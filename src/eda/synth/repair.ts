import type { Component, Design, Net } from '../model/design.js';
import type { ErcFinding } from '../erc/index.js';
import { isGroundName, isSupplyName } from '../erc/classify.js';

/**
 * Deterministic repairs for ERC findings whose fix is a standard part (synthesize_board_repair):
 * - `decoupling.missing`: a 100 nF 0402 ceramic from each named supply net to ground (the rule's own
 *   suggestion; one per supply net, as synthesis's decouple block does);
 * - `i2c.pullup-missing`, `net.open-drain-pullup-missing`: a 4.7 kΩ 0402 pull-up from the net to the
 *   supply of the first IC on it (4.7k: NXP UM10204's usual value at 100/400 kHz, within the ERC's
 *   1k–10k range).
 * Anything else is left for the caller: `skipped` says which finding and why. The input design is not
 * changed; placement and routing are cleared so the pipeline lays the repaired board out again.
 */
export interface Repair {
  rule: string;
  net: string;
  added: string;
  value: string;
}

export interface RepairResult {
  design: Design;
  fixed: Repair[];
  skipped: { rule: string; message: string; why: string }[];
}

const REPAIRABLE = new Set(['decoupling.missing', 'i2c.pullup-missing', 'net.open-drain-pullup-missing']);

export function repairDesign(design: Design, findings: readonly ErcFinding[]): RepairResult {
  const components: Record<string, Component> = { ...design.components };
  const nets: Record<string, Net> = Object.fromEntries(Object.entries(design.nets).map(([k, n]) => [k, { ...n, nodes: [...n.nodes] }]));
  const byName = new Map(Object.values(nets).map((n) => [n.name, n]));
  const ground = Object.values(nets).find((n) => n.type === 'ground' || isGroundName(n.name));
  const fixed: Repair[] = [];
  const skipped: RepairResult['skipped'] = [];
  const done = new Set<string>();

  const nextRef = (prefix: string) => {
    const used = new Set(Object.values(components).map((c) => c.ref));
    let n = 1;
    while (used.has(`${prefix}${n}`) || Object.hasOwn(components, `${prefix}${n}`)) n++;
    return `${prefix}${n}`;
  };
  const add = (prefix: 'C' | 'R', type: string, value: string, a: Net, b: Net, why: string) => {
    const ref = nextRef(prefix);
    const pin = (p: string) => ({ name: p, type: 'passive' as const, number: p, description: '' });
    components[ref] = { id: ref, ref, type, value, footprint: '0402', part_id: null, mpn: null, manufacturer: null, description: why, dnp: false, locked: false, voltage_supply: '', pins: { '1': pin('1'), '2': pin('2') }, properties: {} };
    a.nodes.push({ component: ref, pin: '1' });
    b.nodes.push({ component: ref, pin: '2' });
    return ref;
  };
  /** The rail an IC on this net is supplied from: its first power-input pin's non-ground net. */
  const railFor = (f: ErcFinding): Net | undefined => {
    for (const ref of f.components) {
      const c = Object.values(components).find((x) => x.ref === ref);
      if (!c) continue;
      const supplyPins = Object.values(c.pins).filter((p) => p.type === 'power_in').map((p) => p.name);
      const rail = Object.values(nets).find((n) => n !== ground && n.type !== 'ground' && !isGroundName(n.name) && n.nodes.some((node) => node.component === c.id && supplyPins.includes(node.pin)));
      if (rail) return rail;
    }
    return Object.values(nets).find((n) => n.type === 'power' || isSupplyName(n.name));
  };

  for (const f of findings) {
    if (!REPAIRABLE.has(f.rule_id)) continue;
    for (const netName of f.nets) {
      const net = byName.get(netName);
      const key = `${f.rule_id}\u0000${netName}`;
      if (!net || done.has(key)) continue;
      done.add(key);
      if (f.rule_id === 'decoupling.missing') {
        if (!ground) {
          skipped.push({ rule: f.rule_id, message: f.message, why: 'no ground net to decouple to' });
          continue;
        }
        fixed.push({ rule: f.rule_id, net: netName, added: add('C', 'capacitor', '100nF', net, ground, `decoupling for ${netName}`), value: '100nF' });
      } else {
        const rail = railFor(f);
        if (!rail) {
          skipped.push({ rule: f.rule_id, message: f.message, why: 'no supply rail found for the pull-up' });
          continue;
        }
        fixed.push({ rule: f.rule_id, net: netName, added: add('R', 'resistor', '4.7k', net, rail, `pull-up of ${netName} to ${rail.name}`), value: '4.7k' });
      }
    }
  }
  for (const f of findings) if (!REPAIRABLE.has(f.rule_id) && f.severity !== 'info') skipped.push({ rule: f.rule_id, message: f.message, why: 'no deterministic repair known' });
  return { design: { ...design, components, nets, placement: {}, routing: { tracks: [], vias: [] } }, fixed, skipped };
}
