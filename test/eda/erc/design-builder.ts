import { Design, type NetType, type PinType } from '../../../src/eda/model/design.js';

/**
 * Compact builders for ERC test designs: `part('U1', 'MCU', { VDD: 'power_in' })` and
 * `net('VCC_3V3', 'U1.VDD', 'C1.P1')`. Nodes are "REF.PIN" (component ids equal refs here).
 */
export interface PartSpec {
  id: string;
  ref: string;
  type: string;
  value: string | null;
  footprint: string | null;
  voltage_supply: string;
  dnp: boolean;
  part_id: string | null;
  pins: Record<string, { name: string; type: PinType }>;
}

export function part(
  ref: string,
  type: string,
  pins: Record<string, PinType>,
  extra: Partial<Omit<PartSpec, 'pins'>> = {},
): PartSpec {
  return {
    id: ref,
    ref,
    type,
    value: null,
    footprint: 'R_0603_1608Metric',
    voltage_supply: '',
    dnp: false,
    part_id: null,
    ...extra,
    pins: Object.fromEntries(Object.entries(pins).map(([name, t]) => [name, { name, type: t }])),
  };
}

/** A two-pin passive (P1, P2). */
export const two = (ref: string, type: string, value: string | null, extra: Partial<Omit<PartSpec, 'pins'>> = {}) =>
  part(ref, type, { P1: 'passive', P2: 'passive' }, { value, ...extra });

export interface NetSpec {
  id: string;
  name: string;
  type: NetType;
  nodes: { component: string; pin: string }[];
}

export function net(name: string, ...nodes: string[]): NetSpec {
  return netOf(/^(A|D)?GND/i.test(name) ? 'ground' : /^(VCC|VDD|VIN|VBUS|VBAT|\+?\d+V)/i.test(name) ? 'power' : 'signal', name, ...nodes);
}

export function netOf(type: NetType, name: string, ...nodes: string[]): NetSpec {
  return {
    id: name,
    name,
    type,
    nodes: nodes.map((n) => {
      const dot = n.indexOf('.');
      return { component: n.slice(0, dot), pin: n.slice(dot + 1) };
    }),
  };
}

export function design(parts: PartSpec[], nets: NetSpec[]): Design {
  return Design.parse({
    meta: { name: 'erc-test' },
    board: { width_mm: 50, height_mm: 40, layers: 2 },
    components: Object.fromEntries(parts.map((p) => [p.id, p])),
    nets: Object.fromEntries(nets.map((n) => [n.id, n])),
  });
}

/** A 5 V connector feeding a 3.3 V LDO with input and output capacitors: a sourced VCC_3V3 and GND. */
export function supply(): { parts: PartSpec[]; nets: NetSpec[] } {
  return {
    parts: [
      part('J9', 'Terminal Block 2P', { P1: 'passive', P2: 'passive' }),
      part('U9', 'LDO regulator 3.3V', { VIN: 'power_in', VOUT: 'power_out', GND: 'power_in' }),
      two('C9', 'CAP', '10uF'),
      two('C8', 'CAP', '10uF'),
    ],
    nets: [
      net('VIN_5V', 'J9.P1', 'U9.VIN', 'C9.P1'),
      net('VCC_3V3', 'U9.VOUT', 'C8.P1'),
      net('GND', 'J9.P2', 'U9.GND', 'C9.P2', 'C8.P2'),
    ],
  };
}

/** The supply plus extra parts; `extraNodes` appends nodes to the supply's nets by name. */
export function withSupply(parts: PartSpec[], nets: NetSpec[], extraNodes: Record<string, string[]> = {}): Design {
  const s = supply();
  const merged = s.nets.map((n) => ({ ...n, nodes: [...n.nodes, ...(extraNodes[n.name] ?? []).map((x) => ({ component: x.split('.')[0]!, pin: x.split('.').slice(1).join('.') }))] }));
  return design([...s.parts, ...parts], [...merged, ...nets]);
}
