import { netsOf, type NlComponent, type NlNet, type Netlist } from './netlist.js';
import { railVoltages } from './rails.js';

/**
 * Voltages the level rules need: a net's DC voltage where it is known (ground 0 V, rails from
 * rails.ts: feedback dividers, names, regulators, sources), and the highest supply a part runs
 * from, which bounds what its signal pins may see.
 */
export function netVolts(nl: Netlist, n: NlNet): number | null {
  if (n.ground) return 0;
  const v = railVoltages(nl).get(n)?.volts ?? null;
  // Names state magnitudes ("-5V", "VNEG_12V", "VEE"): a negative rail is below ground.
  return v !== null && isNegativeName(n.name) ? -Math.abs(v) : v;
}

/** A negative rail by name: "-5V", "-12V", "VNEG", "NEG_5V", "VEE", "V-". */
export function isNegativeName(name: string): boolean {
  return /^-|(?:^|[^A-Za-z])(?:NEG|VNEG|VEE|VSS_?NEG)(?:$|[^A-Za-z])|^V-/i.test(name);
}

/**
 * The highest voltage among a part's supply pins, or null when it has none or one of them sits on
 * a net whose voltage is unknown (then the part's ceiling is unknown too).
 */
export function partSupplyVolts(nl: Netlist, c: NlComponent): number | null {
  let max: number | null = null;
  for (const pin of c.pins.values()) {
    if (pin.type !== 'power_in') continue;
    for (const n of pin.nets) {
      if (n.ground) continue;
      const v = netVolts(nl, n);
      if (v === null) return null;
      max = max === null ? v : Math.max(max, v);
    }
  }
  return max;
}

/** The two net voltages across a two-terminal part, when both are known. */
export function voltsAcross(nl: Netlist, c: NlComponent): { nets: NlNet[]; volts: number } | null {
  const nets = netsOf(c);
  if (nets.length !== 2) return null;
  const a = netVolts(nl, nets[0]!);
  const b = netVolts(nl, nets[1]!);
  if (a === null || b === null) return null;
  return { nets, volts: Math.abs(a - b) };
}
