import type { Design } from '../model/design.js';
import type { PartLookup } from '../model/part.js';
import { buildNetlist, componentsOn, livePins, otherNets, type NlComponent, type NlNet, type Netlist } from '../erc/netlist.js';
import { railVoltages } from '../erc/rails.js';
import { powerSources } from '../erc/power.js';
import { diodeSide } from '../erc/pin-roles.js';
import { LDOS } from '../synth/blocks.js';
import { LED_VF } from '../synth/values.js';
import { own } from '../../kernel/own.js';
import { loadFigure } from './loads.js';

/**
 * The power tree of a design: where energy enters (sources), what converts it (regulators) and the
 * rails in between, each with its voltage (erc/rails.ts propagation) and an estimated peak current
 * summed from the loads whose figure is known (loads.ts) — never more certain than its inputs, so
 * every rail lists the loads it could not count; LED branches count (V − Vf) / R. LDO dissipation is P = (Vin − Vout) · Iout; a buck's
 * input current is Vout · Iout / (η · Vin) with η = 0.9 (the efficiency synth/blocks.ts assumes for the MP2307).
 */
export interface RailNode {
  net: string;
  volts: number | null;
  voltage_from: string | null;
  current_a: number;
  loads: { ref: string; current_a: number; source: string }[];
  unknown_loads: string[];
  fed_by: string[];
}

export interface RegulatorNode {
  ref: string;
  kind: 'ldo' | 'buck';
  part: string | null;
  input: string | null;
  output: string | null;
  vin: number | null;
  vout: number | null;
  rating_a: number | null;
  load_a: number;
  /** False when a load on the output rail has no current figure: load_a and dissipation_w are then lower bounds. */
  load_complete: boolean;
  dropout_v: number | null;
  /** Input minus output minus dropout: negative means the LDO cannot hold its output. */
  headroom_v: number | null;
  dissipation_w: number | null;
  max_dissipation_w: number | null;
}

export interface PowerTree {
  sources: { ref: string; net: string; reason: string }[];
  regulators: RegulatorNode[];
  rails: RailNode[];
}

const BUCK_EFFICIENCY = 0.9;
const IN_PIN = /^(?:V_?IN\d*|IN(?:PUT)?|VI|VCC_IN)$/i;
const OUT_PIN = /^(?:V_?OUT\d*|OUT(?:PUT)?|VO|SW)$/i;

const round = (x: number, digits = 4) => Number(x.toPrecision(digits));

function regulatorKind(c: NlComponent): 'ldo' | 'buck' {
  return c.component.properties['synth_block'] === 'buck' || /buck|step-down|switching|dc-dc/.test(c.text) ? 'buck' : 'ldo';
}

/** Output-current rating: the library's output_current_ma, else a current the description states ("1A", "250mA"). */
function ratingA(c: NlComponent): number | null {
  const ma = c.part?.properties['output_current_ma'];
  if (typeof ma === 'number') return ma / 1000;
  const m = /(\d+(?:\.\d+)?)\s*(m?)a\b/.exec(c.text);
  return m ? Number(m[1]) / (m[2] ? 1000 : 1) : null;
}

function regulatorNets(c: NlComponent): { input: NlNet | null; output: NlNet | null; sw: NlNet | null } {
  let input: NlNet | null = null;
  let output: NlNet | null = null;
  for (const pin of c.pins.values()) {
    const net = pin.nets.find((n) => !n.ground);
    if (!net) continue;
    if (!output && (pin.type === 'power_out' || OUT_PIN.test(pin.name))) output = net;
    else if (!input && IN_PIN.test(pin.name)) input = net;
  }
  // A buck's switch node reaches its rail through the inductor.
  let sw: NlNet | null = null;
  const l = output ? componentsOn(output, 'inductor')[0] : undefined;
  const far = l && output ? otherNets(l, output).find((n) => !n.ground && n !== input) : undefined;
  if (far && output) {
    sw = output;
    output = far;
  }
  return { input, output, sw };
}

/**
 * A Microchip MCP73831/2 linear charger draws its charge current from its input: I_REG = 1000 V / R_PROG
 * (DS20001984, equation 5-1; calc_lipo_charge uses the same), R_PROG being the resistor from PROG to ground.
 */
function chargerFigure(c: NlComponent): { amps: number; source: string } | null {
  if (!/mcp7383[12]/.test(`${c.text} ${c.component.part_id ?? ''}`)) return null;
  const prog = c.pins.get('PROG')?.nets.find((n) => !n.ground);
  const r = prog ? componentsOn(prog, 'resistor').find((x) => otherNets(x, prog).some((n) => n.ground)) : undefined;
  if (!r || r.valueSi === null || r.valueSi <= 0) return null;
  return { amps: round(1000 / r.valueSi), source: `MCP73831 charge current 1000 V / ${r.ref} (DS20001984 eq. 5-1)` };
}

/** Forward voltage synthesis sizes LEDs by (synth/values.ts, by colour; 2 V when the colour is not known). */
const ledVf = (c: NlComponent) => own(LED_VF, (c.component.value ?? '').toLowerCase()) ?? 2.0;

/** The current an LED branch draws from a rail: (V − Vf) / R through its series resistor. */
function ledBranches(nl: Netlist, volts: Map<NlNet, number>): Map<NlNet, { ref: string; current_a: number; source: string }[]> {
  const out = new Map<NlNet, { ref: string; current_a: number; source: string }[]>();
  for (const led of nl.components.filter((c) => c.role === 'led' && !c.dnp)) {
    for (const pin of led.pins.values()) {
      if (diodeSide(pin) !== 'anode') continue;
      for (const net of pin.nets) {
        for (const r of componentsOn(net, 'resistor')) {
          const rail = otherNets(r, net).find((n) => n.supply && volts.has(n));
          if (!rail || r.valueSi === null || r.valueSi <= 0) continue;
          const vf = ledVf(led);
          const i = Math.max(0, (volts.get(rail)! - vf) / r.valueSi);
          const list = out.get(rail) ?? [];
          list.push({ ref: `${led.ref}+${r.ref}`, current_a: round(i), source: `(V − ${vf} V) / ${r.component.value ?? r.valueSi}` });
          out.set(rail, list);
        }
      }
    }
  }
  return out;
}

export function powerTree(design: Design, lookupPart?: PartLookup): PowerTree {
  return powerTreeOf(buildNetlist(design, lookupPart));
}

export function powerTreeOf(nl: Netlist): PowerTree {
  const rv = railVoltages(nl);
  const volts = new Map<NlNet, number>();
  for (const [net, v] of rv) volts.set(net, v.volts);
  const regs = nl.components.filter((c) => c.role === 'regulator' && !c.dnp).map((c) => ({ c, ...regulatorNets(c) }));
  const rails = nl.nets.filter((n) => n.supply && !n.ground && !regs.some((r) => r.sw === n));
  const leds = ledBranches(nl, volts);
  const entries = (net: NlNet) => (powerSources(nl).get(net) ?? []).filter((s) => /connector|battery/.test(s.reason));

  const memo = new Map<NlNet, RailNode>();
  const visiting = new Set<NlNet>();
  const railNode = (net: NlNet): RailNode => {
    const done = memo.get(net);
    if (done) return done;
    visiting.add(net);
    const loads = [...(leds.get(net) ?? [])];
    const unknown: string[] = [];
    for (const c of componentsOn(net, 'ic', 'regulator', 'oscillator', 'other')) {
      const pins = livePins(net).filter((p) => p.comp === c);
      // A part that drives this rail (a regulator output, an internal regulator) is not its load.
      if (!pins.some((p) => p.type === 'power_in') || pins.some((p) => p.type === 'power_out')) continue;
      const reg = regs.find((r) => r.c === c && r.input === net);
      if (reg) {
        if (!reg.output || visiting.has(reg.output)) continue;
        const out = railNode(reg.output);
        const vin = volts.get(net);
        const vout = volts.get(reg.output);
        const i = regulatorKind(c) === 'buck' && vin && vout ? (vout * out.current_a) / (BUCK_EFFICIENCY * vin) : out.current_a;
        loads.push({ ref: c.ref, current_a: round(i), source: `${regulatorKind(c)} feeding ${reg.output.name}` });
        if (out.unknown_loads.length) unknown.push(...out.unknown_loads.map((u) => `${u} (via ${c.ref})`));
        continue;
      }
      const fig = loadFigure(c) ?? chargerFigure(c);
      if (fig) loads.push({ ref: c.ref, current_a: fig.amps, source: fig.source });
      else unknown.push(c.ref);
    }
    const v = rv.get(net);
    const regulated = regs.filter((r) => r.output === net).map((r) => r.c.ref);
    // A connector on a regulated rail takes the rail out; only an unregulated rail is fed through its connectors.
    const fedBy = regulated.length ? regulated : entries(net).map((s) => s.what);
    const node: RailNode = {
      net: net.name,
      volts: v?.volts ?? null,
      voltage_from: v?.what ?? null,
      current_a: round(loads.reduce((s, l) => s + l.current_a, 0)),
      loads,
      unknown_loads: [...new Set(unknown)],
      fed_by: [...new Set(fedBy)],
    };
    visiting.delete(net);
    memo.set(net, node);
    return node;
  };
  const railNodes = rails.map(railNode);

  const regulators = regs.map(({ c, input, output }): RegulatorNode => {
    const kind = regulatorKind(c);
    const vin = input ? (volts.get(input) ?? null) : null;
    const vout = output ? (volts.get(output) ?? null) : null;
    const load = output ? (memo.get(output)?.current_a ?? 0) : 0;
    const ldo = LDOS.find((o) => o.partId === c.component.part_id);
    const lib = c.part?.properties['dropout_voltage_v'];
    const dropout = kind === 'ldo' ? (ldo?.dropoutV ?? (typeof lib === 'number' ? lib : null)) : null;
    return {
      ref: c.ref,
      kind,
      part: c.component.part_id,
      input: input?.name ?? null,
      output: output?.name ?? null,
      vin,
      vout,
      rating_a: ratingA(c) ?? ldo?.maxA ?? null,
      load_a: load,
      load_complete: output ? (memo.get(output)?.unknown_loads.length ?? 0) === 0 : false,
      dropout_v: dropout,
      headroom_v: kind === 'ldo' && vin !== null && vout !== null && dropout !== null ? round(vin - vout - dropout) : null,
      dissipation_w: kind === 'ldo' && vin !== null && vout !== null ? round((vin - vout) * load) : null,
      max_dissipation_w: ldo?.maxPowerW ?? null,
    };
  });

  const sources: PowerTree['sources'] = [];
  for (const net of rails) {
    if (regs.some((r) => r.output === net)) continue;
    for (const s of entries(net)) sources.push({ ref: s.what.split('.')[0]!, net: net.name, reason: s.reason });
  }
  return { sources, regulators, rails: railNodes };
}
