import type { Design } from '../model/design.js';
import type { PartLookup } from '../model/part.js';
import { buildNetlist, componentsOn, otherNets, type NlComponent } from '../erc/netlist.js';
import { capacitorRating } from '../sim/op-report.js';
import { parseSiValue } from '../../kernel/units.js';
import { murataBias } from './mlcc-bias.js';
import { powerTreeOf } from './power-tree.js';

/**
 * DC bias of the ceramic capacitors on each rail: class-2 dielectrics (X5R, X7R, …) lose capacitance
 * as the applied DC voltage rises, more in small cases with thin layers. Each capacitor is read off a
 * measured Murata curve (mlcc-bias.ts): its own part's when the table has it, else the nearest part's
 * (same case, closest value, closest rating), named in `reference`. Class-1 dielectrics (C0G/NP0) keep
 * their value. An estimate to flag risk — the part's own curve is the authority; nothing is recorded
 * (simulation_gate records evidence).
 */
/** Below half its capacitance a capacitor is flagged; above half its rating too (the 2× margin calc_decoupling asks, after Murata). */
const KEPT_WARNING = 0.5;
const MARGIN_RATIO = 0.5;

export interface CapBias {
  ref: string;
  value_f: number | null;
  dielectric: string | null;
  case_size: string | null;
  rated_v: number | null;
  applied_v: number | null;
  ratio: number | null;
  retained_pct: number | null;
  effective_f: number | null;
  /** The measured curve used, and whether it is this part's own. */
  reference: string | null;
  match: 'exact' | 'nearest' | 'class-1' | null;
}

export interface RailBias {
  net: string;
  volts: number | null;
  current_a: number;
  unknown_loads: string[];
  capacitors: CapBias[];
  nominal_f: number;
  effective_f: number | null;
}

export interface BiasFinding {
  severity: 'error' | 'warning' | 'info';
  rule: string;
  ref: string;
  message: string;
}

const CASE = /(?:^|\D)(0201|0402|0603|0805|1206|1210|1812|2220)(?!\d)|(\d{4})Metric/i;
const METRIC_TO_IMPERIAL: Record<string, string> = { '0603': '0201', '1005': '0402', '1608': '0603', '2012': '0805', '3216': '1206', '3225': '1210', '4532': '1812', '5750': '2220' };
const LARGE = ['1206', '1210', '1812', '2220'];

function caseSize(c: NlComponent): string | null {
  const m = CASE.exec(`${c.component.footprint ?? ''} ${c.part?.package ?? ''}`);
  if (!m) return null;
  return m[1] ?? METRIC_TO_IMPERIAL[m[2]!] ?? null;
}

function dielectric(c: NlComponent): string | null {
  const lib = c.part?.properties['dielectric'];
  if (typeof lib === 'string') return lib.toUpperCase();
  const m = /\b(c0g|np0|x5r|x7r|x6s|x7s|x8r|y5v|z5u)\b/i.exec(`${c.component.value ?? ''} ${c.text}`);
  return m ? m[1]!.toUpperCase() : null;
}

function ratedV(c: NlComponent): number | null {
  const own = capacitorRating(c.component.value);
  if (own !== null) return own;
  const p = c.part?.properties ?? {};
  const limits = p['electrical_limits'];
  const lim = limits && typeof limits === 'object' && !Array.isArray(limits) ? (limits as Record<string, unknown>)['rated_voltage_v'] : undefined;
  const v = typeof p['voltage_v'] === 'number' ? p['voltage_v'] : typeof lim === 'number' ? lim : null;
  return v;
}

const sig = (x: number) => Number(x.toPrecision(3));

/** Farads: the netlist's value, else the first word of a value that also states rating and dielectric ("10uF 16V X5R"). */
function farads(c: NlComponent): number | null {
  if (c.valueSi !== null) return c.valueSi;
  const first = (c.component.value ?? '').trim().split(/[\s/,]+/)[0] ?? '';
  return first ? parseSiValue(first) : null;
}

export function dcBias(design: Design, lookupPart?: PartLookup): { rails: RailBias[]; findings: BiasFinding[] } {
  const nl = buildNetlist(design, lookupPart);
  const tree = powerTreeOf(nl);
  const findings: BiasFinding[] = [];
  const rails = tree.rails.map((r): RailBias => {
    const net = nl.nets.find((n) => n.name === r.net)!;
    const caps = componentsOn(net, 'capacitor')
      .filter((c) => otherNets(c, net).some((n) => n.ground))
      .map((c): CapBias => {
        const diel = dielectric(c);
        const size = caseSize(c);
        const rated = ratedV(c);
        const applied = r.volts;
        const ratio = rated !== null && applied !== null && rated > 0 ? applied / rated : null;
        const f = farads(c);
        const classOne = diel === 'C0G' || diel === 'NP0';
        const est = classOne || f === null || applied === null ? null : murataBias(size, f, rated, applied);
        const kept = classOne ? 1 : (est?.kept ?? null);
        if (ratio !== null && ratio > 1) findings.push({ severity: 'error', rule: 'capacitor-overvoltage', ref: c.ref, message: `${c.ref} sees ${applied} V on ${r.net}, above its ${rated} V rating` });
        else if (ratio !== null && ratio > MARGIN_RATIO && !classOne) findings.push({ severity: 'warning', rule: 'rating-margin', ref: c.ref, message: `${c.ref} runs at ${Math.round(ratio * 100)} % of its ${rated} V rating; class-2 ceramics want twice the rail` });
        if (kept !== null && kept < KEPT_WARNING) findings.push({ severity: 'warning', rule: 'dc-bias-loss', ref: c.ref, message: `${c.ref} keeps about ${Math.round(kept * 100)} % of its capacitance at ${applied} V (${est?.reference ?? ''})` });
        if (rated === null && !classOne) findings.push({ severity: 'info', rule: 'rating-unknown', ref: c.ref, message: `${c.ref} states no voltage rating` });
        return {
          ref: c.ref, value_f: f, dielectric: diel, case_size: size, rated_v: rated, applied_v: applied,
          ratio: ratio === null ? null : sig(ratio),
          retained_pct: kept === null ? null : sig(kept * 100),
          effective_f: kept !== null && f !== null ? sig(kept * f) : null,
          reference: est?.reference ?? null,
          match: classOne ? 'class-1' : (est?.match ?? null),
        };
      });
    const nominal = caps.reduce((s, c) => s + (c.value_f ?? 0), 0);
    const effective = caps.every((c) => c.effective_f !== null) ? caps.reduce((s, c) => s + c.effective_f!, 0) : null;
    return { net: r.net, volts: r.volts, current_a: r.current_a, unknown_loads: r.unknown_loads, capacitors: caps, nominal_f: sig(nominal), effective_f: effective === null ? null : sig(effective) };
  });
  return { rails, findings };
}
