import type { Design } from '../model/design.js';
import type { PartLookup } from '../model/part.js';
import { buildNetlist } from '../erc/netlist.js';
import { railVoltages } from '../erc/rails.js';
import { ERC_RULES } from '../erc/rules/index.js';
import { ratingOf } from '../sim/op-report.js';
import { powerTreeOf, type PowerTree } from './power-tree.js';

/**
 * Electrical pre-check without a simulator: the power tree's loads against each regulator's rating,
 * LDO dissipation against the package figure synthesis sized it by (synth/blocks.ts), the steady
 * power of every resistor whose two nets have known voltages against its chip rating (Yageo RC, as
 * simulation_gate uses), and the ERC rules that find missing I²C pull-ups and floating inputs
 * (erc/rules), run here on their own. Half a rating is the warning line, as simulation_gate draws it.
 */
export interface ElectricalFinding {
  severity: 'error' | 'warning' | 'info';
  rule: string;
  refs: string[];
  message: string;
}

const ERC_CHECKS = ['i2c.pullup-missing', 'net.undriven-input', 'net.open-drain-pullup-missing'];
const WARN = 0.8;

const mw = (w: number) => Number((w * 1000).toPrecision(3));

function regulatorFindings(tree: PowerTree): ElectricalFinding[] {
  const out: ElectricalFinding[] = [];
  for (const r of tree.regulators) {
    if (r.rating_a !== null && r.load_a > r.rating_a) out.push({ severity: 'error', rule: 'regulator-overload', refs: [r.ref], message: `${r.ref} feeds ${r.load_a} A on ${r.output}, above its ${r.rating_a} A rating` });
    else if (r.rating_a !== null && r.load_a > WARN * r.rating_a) out.push({ severity: 'warning', rule: 'regulator-margin', refs: [r.ref], message: `${r.ref} runs at ${Math.round((100 * r.load_a) / r.rating_a)} % of its ${r.rating_a} A rating` });
    if (r.dissipation_w !== null && r.max_dissipation_w !== null) {
      if (r.dissipation_w > r.max_dissipation_w) out.push({ severity: 'error', rule: 'ldo-dissipation', refs: [r.ref], message: `${r.ref} dissipates ${r.dissipation_w} W ((${r.vin} − ${r.vout}) V × ${r.load_a} A), above the ${r.max_dissipation_w} W its package allows` });
      else if (r.dissipation_w > WARN * r.max_dissipation_w) out.push({ severity: 'warning', rule: 'ldo-dissipation', refs: [r.ref], message: `${r.ref} dissipates ${r.dissipation_w} W, over ${WARN * 100} % of its package's ${r.max_dissipation_w} W` });
    }
    if (r.headroom_v !== null && r.headroom_v < 0) out.push({ severity: 'error', rule: 'ldo-dropout', refs: [r.ref], message: `${r.ref}: ${r.vin} V in leaves no room for ${r.vout} V out with ${r.dropout_v} V dropout` });
  }
  for (const rail of tree.rails) {
    if (rail.unknown_loads.length) out.push({ severity: 'info', rule: 'load-unknown', refs: rail.unknown_loads.map((u) => u.split(' ')[0]!), message: `${rail.net}: no current figure for ${rail.unknown_loads.join(', ')}; set a component property current_ma to count it` });
  }
  return out;
}

export function electricalAnalysis(design: Design, lookupPart?: PartLookup) {
  const nl = buildNetlist(design, lookupPart);
  const tree = powerTreeOf(nl);
  const volts = railVoltages(nl);
  const findings = regulatorFindings(tree);
  const resistors = [];
  for (const c of nl.components.filter((x) => x.role === 'resistor' && !x.dnp && x.valueSi !== null && x.valueSi > 0)) {
    const nets = [...new Set([...c.pins.values()].flatMap((p) => p.nets))];
    if (nets.length !== 2) continue;
    const v = nets.map((n) => (n.ground ? 0 : (volts.get(n)?.volts ?? null)));
    if (v[0] === null || v[1] === null || v[0] === undefined || v[1] === undefined) continue;
    const dv = Math.abs(v[0] - v[1]);
    const p = (dv * dv) / c.valueSi!;
    const rating = ratingOf(c.component.footprint ?? c.part?.footprint ?? null);
    resistors.push({ ref: c.ref, ohm: c.valueSi!, volts: Number(dv.toPrecision(4)), power_mw: mw(p), rating_mw: rating === null ? null : rating * 1000 });
    if (rating !== null && p > rating) findings.push({ severity: 'error', rule: 'resistor-overpower', refs: [c.ref], message: `${c.ref} dissipates ${mw(p)} mW across ${nets.map((n) => n.name).join('/')}, above its ${rating * 1000} mW rating` });
    else if (rating !== null && p > rating / 2) findings.push({ severity: 'warning', rule: 'resistor-derating', refs: [c.ref], message: `${c.ref} dissipates ${mw(p)} mW, over half its ${rating * 1000} mW rating` });
  }
  for (const rule of ERC_RULES.filter((r) => ERC_CHECKS.includes(r.id))) {
    for (const hit of rule.check(nl, design)) findings.push({ severity: rule.severity, rule: rule.id, refs: hit.components ?? [], message: hit.message });
  }
  const count = (s: ElectricalFinding['severity']) => findings.filter((f) => f.severity === s).length;
  return { passed: count('error') === 0, counts: { error: count('error'), warning: count('warning'), info: count('info') }, findings, power_tree: tree, resistors };
}
