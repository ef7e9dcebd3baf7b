import type { SpiceNetlist } from './spice-netlist.js';

/**
 * Reads ngspice's batch `.op` printout (the "Node / Voltage" and "Source / Current" tables, ngspice
 * manual §11.3.3) and judges it: each rail's current and power, each resistor's dissipation against
 * its package rating, each capacitor's DC voltage against a rating written in its value ("10uF 16V").
 */
export interface OpPoint {
  voltages: Record<string, number>;
  branchCurrents: Record<string, number>;
}

export function parseOpOutput(stdout: string): OpPoint | null {
  const voltages: Record<string, number> = {};
  const branchCurrents: Record<string, number> = {};
  let table: 'v' | 'i' | null = null;
  let rows = 0;
  for (const raw of stdout.split('\n')) {
    const line = raw.trim();
    if (/^Node\s+Voltage$/.test(line)) [table, rows] = ['v', 0];
    else if (/^Source\s+Current$/.test(line)) [table, rows] = ['i', 0];
    // A blank line follows each table's dashes, and another ends it.
    else if (line === '' && rows > 0) table = null;
    else if (table) {
      const m = /^(\S+)\s+(-?\d[\d.]*(?:e[+-]?\d+)?)$/i.exec(line);
      if (!m) continue;
      rows++;
      if (table === 'v') voltages[m[1]!.toLowerCase()] = Number(m[2]);
      else branchCurrents[m[1]!.toLowerCase().replace(/#branch$/, '')] = Number(m[2]);
    }
  }
  return Object.keys(voltages).length > 0 || Object.keys(branchCurrents).length > 0 ? { voltages, branchCurrents } : null;
}

/** Power ratings of thick-film chip resistors by size (Yageo RC series datasheet), W; imperial and metric codes. */
const IMPERIAL_W: Record<string, number> = { '01005': 0.031, '0201': 0.05, '0402': 0.0625, '0603': 0.1, '0805': 0.125, '1206': 0.25, '1210': 0.5, '2512': 1 };
const METRIC_W: Record<string, number> = { '0603': 0.05, '1005': 0.0625, '1608': 0.1, '2012': 0.125, '3216': 0.25, '3225': 0.5, '6332': 1 };

export function ratingOf(footprint: string | null): number | null {
  if (!footprint) return null;
  const metric = /(\d{4})Metric/i.exec(footprint);
  if (metric) return METRIC_W[metric[1]!] ?? null;
  const imperial = /(?:^|\D)(01005|0201|0402|0603|0805|1206|1210|2512)(?!\d)/.exec(footprint);
  return imperial ? (IMPERIAL_W[imperial[1]!] ?? null) : null;
}

export interface OpFinding {
  severity: 'error' | 'warning';
  rule: string;
  ref: string;
  message: string;
}

export function judgeOp(netlist: SpiceNetlist, op: OpPoint, capRatings: Record<string, number>) {
  const v = (node: string) => (node === '0' ? 0 : (op.voltages[node.toLowerCase()] ?? 0));
  const findings: OpFinding[] = [];
  const rails = netlist.sources.map((s) => {
    // ngspice reports a source's branch current flowing into its + node: a source feeding a load reads negative.
    const i = -(op.branchCurrents[`v_${s.node}`.toLowerCase()] ?? 0);
    return { net: s.net, volts: s.volts, measured_v: v(s.node), current_ma: Number((i * 1000).toPrecision(4)), power_mw: Number((i * s.volts * 1000).toPrecision(4)) };
  });
  const resistors = netlist.elements
    .filter((e) => e.kind === 'R')
    .map((e) => {
      const dv = v(e.nodes[0]) - v(e.nodes[1]);
      const p = (dv * dv) / e.value;
      const rating = ratingOf(e.footprint);
      if (rating !== null && p > rating) findings.push({ severity: 'error', rule: 'resistor-overpower', ref: e.ref, message: `${e.ref} dissipates ${(p * 1000).toFixed(1)} mW, above its ${rating * 1000} mW rating` });
      else if (rating !== null && p > rating / 2) findings.push({ severity: 'warning', rule: 'resistor-derating', ref: e.ref, message: `${e.ref} dissipates ${(p * 1000).toFixed(1)} mW, over half its ${rating * 1000} mW rating` });
      return { ref: e.ref, ohm: e.value, volts: Number(dv.toPrecision(4)), power_mw: Number((p * 1000).toPrecision(4)), rating_mw: rating === null ? null : rating * 1000 };
    });
  for (const e of netlist.elements.filter((x) => x.kind === 'C')) {
    const dv = Math.abs(v(e.nodes[0]) - v(e.nodes[1]));
    const rated = capRatings[e.ref];
    if (rated !== undefined && dv > rated) findings.push({ severity: 'error', rule: 'capacitor-overvoltage', ref: e.ref, message: `${e.ref} sees ${dv.toFixed(2)} V, above its ${rated} V rating` });
  }
  const node_voltages = Object.fromEntries(Object.entries(op.voltages).map(([k, x]) => [k, Number(x.toPrecision(5))]));
  return { rails, resistors, node_voltages, findings };
}

/** A capacitor's voltage rating when its value says it ("10uF 16V", "100n/50V"). */
export function capacitorRating(value: string | null): number | null {
  const m = /(?:^|[\s/,_])(\d{1,4}(?:\.\d+)?)\s*V\b/i.exec(value ?? '');
  return m ? Number(m[1]) : null;
}
