import type { Component, Design } from '../model/design.js';
import { parseSiValue } from '../../kernel/units.js';

/**
 * A SPICE netlist of a design for a DC operating point (ngspice manual, ch. 2 "Circuit description"
 * and §11.3.3 ".op"). Resistors, capacitors, inductors and diodes/LEDs become SPICE elements;
 * every other part (ICs, connectors) has no model here and is listed, not simulated. Rails are ideal
 * voltage sources: a power net whose name states its voltage ("VOUT_3V3", "+5V", "VIN_12V", VBUS) or
 * one the caller gives. Ground nets are node 0. `.option rshunt` puts 1 TΩ from every node to
 * ground so nodes only reached by capacitors or unmodelled pins still have a DC solution.
 * Every name written comes from a design is reduced to [A-Za-z0-9_], so design text can never start
 * a SPICE line or a control command.
 */
export interface SpiceElement {
  kind: 'R' | 'C' | 'L' | 'D';
  ref: string;
  name: string;
  nodes: [string, string];
  value: number;
  footprint: string | null;
}

export interface SpiceNetlist {
  text: string;
  elements: SpiceElement[];
  sources: { net: string; node: string; volts: number; origin: 'name' | 'given' }[];
  unmodelled: { ref: string; type: string; reason: string }[];
  nodes: Record<string, string>;
  assumptions: string[];
}

/** Plain decimals where short ("60400", "0.5"), exponent form otherwise ("4.7e-6"); ngspice reads both. */
const num = (v: number) => {
  const r = Number(v.toPrecision(6));
  return r === 0 || (Math.abs(r) >= 1e-3 && Math.abs(r) < 1e7) ? String(r) : r.toExponential();
};
const safe = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 60) || '_';
const GROUND_NAME = /^(?:A|D|P|S)?GND\w*$|^VSS\w*$|^0$/i;

/** "VOUT_3V3" → 3.3, "+5V" → 5, "VIN_12V" → 12, "1V8" → 1.8, VBUS → 5 (USB 2.0 §7.2.1); null otherwise. */
export function railVolts(netName: string): number | null {
  const upper = netName.toUpperCase();
  const split = /(?:^|[^0-9.])(\d{1,3})V(\d{1,3})(?![0-9])/.exec(upper);
  if (split) return Number(`${split[1]}.${split[2]}`);
  const plain = /(?:^|[^0-9.])(\d{1,3}(?:\.\d{1,3})?)V(?![0-9A-Z])/.exec(upper);
  if (plain) return Number(plain[1]);
  if (/^\+?VBUS\b/.test(upper) || upper === 'USB_VBUS') return 5;
  return null;
}

function kindOf(c: Component): SpiceElement['kind'] | null {
  const t = c.type.toLowerCase();
  const letter = /^([A-Za-z]+)\d/.exec(c.ref)?.[1]?.toUpperCase();
  if (/^(res|resistor)\b/.test(t) || (letter === 'R' && !/array|network|pot/.test(t))) return 'R';
  if (/^(cap|capacitor)\b/.test(t) || letter === 'C') return 'C';
  if (/^(ind|inductor)\b/.test(t) || letter === 'L') return 'L';
  if (/\bled\b|^led|diode|schottky|zener/.test(t) || letter === 'D' || letter === 'LED') return 'D';
  return null;
}

/** Anode then cathode, from the pin names diodes are drawn with (A/K, anode/cathode, + / −). */
function diodePins(c: Component): [string, string] | null {
  const names = Object.keys(c.pins);
  const anode = names.find((n) => /^(a|anode|\+|p)$/i.test(n));
  const cathode = names.find((n) => /^(k|c|cathode|-|n)$/i.test(n));
  return anode && cathode ? [anode, cathode] : null;
}

export function buildSpiceNetlist(design: Design, given: Record<string, number> = {}): SpiceNetlist {
  const nodes: Record<string, string> = {};
  const used = new Set<string>(['0']);
  const pinNode = new Map<string, string>();
  const assumptions: string[] = [];
  for (const net of Object.values(design.nets)) {
    let node: string;
    if (net.type === 'ground' || GROUND_NAME.test(net.name)) node = '0';
    else {
      node = safe(net.name);
      for (let i = 2; used.has(node.toLowerCase()); i++) node = `${safe(net.name)}_${i}`;
      used.add(node.toLowerCase());
    }
    nodes[net.id] = node;
    for (const n of net.nodes) pinNode.set(`${n.component}\u0000${n.pin}`, node);
  }
  const groundNets = Object.values(design.nets).filter((n) => nodes[n.id] === '0').map((n) => n.name);
  if (groundNets.length > 1) assumptions.push(`ground nets ${groundNets.join(', ')} are one node (0)`);

  const elements: SpiceElement[] = [];
  const unmodelled: SpiceNetlist['unmodelled'] = [];
  const lines: string[] = [];
  const comments: string[] = [];
  for (const c of Object.values(design.components)) {
    if (c.dnp) continue;
    const kind = kindOf(c);
    const skip = (reason: string) => {
      unmodelled.push({ ref: c.ref, type: c.type, reason });
      comments.push(`* ${safe(c.ref)} ${safe(c.type)}: ${reason.replace(/[^\x20-\x7e]/g, '?')}`);
    };
    if (!kind) {
      skip('no SPICE model');
      continue;
    }
    const pins = kind === 'D' ? diodePins(c) : (Object.keys(c.pins).slice(0, 3) as string[]);
    if (!pins || pins.length !== 2) {
      skip(kind === 'D' ? 'anode/cathode pins not named A/K' : 'not a two-pin part');
      continue;
    }
    const value = kind === 'D' ? 1 : parseSiValue((c.value ?? '').split(/\s+/)[0] ?? '');
    if (value === null || !(value > 0)) {
      skip(`value "${(c.value ?? '').slice(0, 20)}" is not a number`);
      continue;
    }
    const at = (pin: string) => pinNode.get(`${c.id}\u0000${pin}`) ?? `NC_${safe(c.ref)}_${safe(pin)}`;
    const el: SpiceElement = { kind, ref: c.ref, name: `${kind}_${safe(c.ref)}`, nodes: [at(pins[0]!), at(pins[1]!)], value, footprint: c.footprint };
    elements.push(el);
    lines.push(kind === 'D' ? `${el.name} ${el.nodes[0]} ${el.nodes[1]} ${/led/i.test(c.type) || /^LED/i.test(c.ref) ? 'ZT_LED' : 'ZT_DIODE'}` : `${el.name} ${el.nodes[0]} ${el.nodes[1]} ${num(value)}`);
  }

  const sources: SpiceNetlist['sources'] = [];
  for (const net of Object.values(design.nets)) {
    const node = nodes[net.id]!;
    if (node === '0') continue;
    const fromName = net.type === 'power' ? railVolts(net.name) : null;
    const volts = Object.hasOwn(given, net.name) ? given[net.name]! : Object.hasOwn(given, net.id) ? given[net.id]! : fromName;
    if (volts === null || volts === undefined) continue;
    sources.push({ net: net.name, node, volts, origin: fromName !== null && volts === fromName && !Object.hasOwn(given, net.name) ? 'name' : 'given' });
    lines.push(`V_${node} ${node} 0 DC ${num(volts)}`);
  }
  if (sources.length > 0) assumptions.push('each rail is an ideal voltage source (regulators are not simulated)');
  const title = `ZapTrace DC netlist ${safe(design.meta.name)}`;
  const models = elements.some((e) => e.kind === 'D')
    ? [
        // Generic silicon diode and a red LED near 1.9 V at 10 mA; real parts need their vendor model.
        '.model ZT_DIODE D(IS=2.52e-9 N=1.752 RS=0.568)',
        '.model ZT_LED D(IS=1e-19 N=1.6 RS=5)',
      ]
    : [];
  const text = [title, '.option rshunt=1e12', ...models, ...lines, ...comments, '.op', '.end', ''].join('\n');
  return { text, elements, sources, unmodelled, nodes, assumptions };
}
