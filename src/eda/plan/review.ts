import type { Design } from '../model/design.js';
import type { Library } from '../library/index.js';
import { buildNetlist, componentsOn, livePins, otherNets, type Netlist } from '../erc/netlist.js';
import { i2cPullup } from '../synth/values.js';
import { railVoltages } from '../erc/rails.js';
import { carriers } from '../synth/elements.js';
import { elementOf, type Requirement } from './requirements.js';

/**
 * Each frozen requirement judged on a design: met (with the parts or nets that carry it), unmet (with
 * what is missing) or unknown (the netlist cannot say). Element requirements use synthesis's own
 * carrier checks (synth/elements.ts), so a synthesized board and its review agree; rails are also
 * found by propagated voltage (erc/rails.ts) when no net name states it, and the I²C clock by the
 * pull-ups' range for it.
 */
export type Verdict = 'met' | 'unmet' | 'unknown';

export interface RequirementResult {
  id: string;
  text: string;
  status: Verdict;
  evidence: string;
}

const VOLT_TOLERANCE = 0.02;

function voltsMatch(nl: Netlist, v: number): string[] {
  const out: string[] = [];
  for (const [net, rv] of railVoltages(nl)) if (!net.ground && Math.abs(rv.volts - v) <= VOLT_TOLERANCE * v) out.push(`${net.name} (${rv.what})`);
  return out.sort();
}

/** Parts whose library data states a temperature range ("-40..85 C"), against the required range. */
function temperature(design: Design, lib: Library, range: [number, number]): { status: Verdict; evidence: string } {
  const narrow: string[] = [];
  let stated = 0;
  let unstated = 0;
  for (const c of Object.values(design.components)) {
    if (c.dnp || !c.part_id) continue;
    const p = lib.get(c.part_id);
    const raw = p?.properties['temperature_range'];
    const m = typeof raw === 'string' ? /(-?\d+)\s*(?:\.\.|to|…)\s*\+?(-?\d+)/.exec(raw) : null;
    if (!m) {
      if (p && ['mcu', 'sensor', 'power', 'rf', 'interface', 'memory', 'security', 'timing'].includes(p.category)) unstated++;
      continue;
    }
    stated++;
    if (Number(m[1]) > range[0] || Number(m[2]) < range[1]) narrow.push(`${c.ref} (${raw})`);
  }
  if (narrow.length) return { status: 'unmet', evidence: `rated narrower than ${range[0]}..${range[1]} °C: ${narrow.join(', ')}` };
  if (unstated > 0 || stated === 0) return { status: 'unknown', evidence: `${stated} part(s) state a range that covers it; ${unstated} active part(s) state none in the library` };
  return { status: 'met', evidence: `all ${stated} part(s) with a stated range cover ${range[0]}..${range[1]} °C` };
}

/**
 * I²C bus clock: each bus net's pull-up (parallel resistors to a rail) must lie in UM10204's range for
 * that speed, Rmin = (VDD − 0.4 V) / 3 mA and Rmax = tr / (0.8473 · Cb), with the bus capacitance
 * synthesis sizes by (synth/values.ts i2cPullup: 15 pF of trace plus 10 pF per device on the net).
 */
function i2cSpeed(nl: Netlist, hz: number): { status: Verdict; evidence: string } {
  const volts = railVoltages(nl);
  const bad: string[] = [];
  const good: string[] = [];
  for (const net of nl.nets.filter((n) => /SDA|SCL/i.test(n.name))) {
    const pulls = componentsOn(net, 'resistor').map((r) => ({ r, rail: otherNets(r, net).find((n) => n.supply && volts.has(n)) })).filter((x) => x.rail && x.r.valueSi);
    if (pulls.length === 0) {
      bad.push(`${net.name} has no pull-up to a rail`);
      continue;
    }
    const ohms = 1 / pulls.reduce((sum, x) => sum + 1 / x.r.valueSi!, 0);
    const devices = new Set(livePins(net).filter((p) => !['resistor', 'capacitor', 'testpoint', 'connector'].includes(p.comp.role)).map((p) => p.comp)).size;
    const range = i2cPullup(hz, devices, volts.get(pulls[0]!.rail!)!.volts);
    const what = `${net.name} ${Math.round(ohms)} Ω (${pulls.map((x) => x.r.ref).join('+')}; range ${Math.round(range.rMinOhms)}–${Math.round(range.rMaxOhms)} Ω at ${range.busPf} pF)`;
    (ohms >= range.rMinOhms && ohms <= range.rMaxOhms ? good : bad).push(what);
  }
  if (bad.length === 0 && good.length === 0) return { status: 'unmet', evidence: 'no SDA/SCL net' };
  return bad.length ? { status: 'unmet', evidence: `outside UM10204's range for ${hz / 1000} kHz: ${bad.join('; ')}` } : { status: 'met', evidence: `pull-ups within UM10204's range for ${hz / 1000} kHz: ${good.join('; ')}` };
}

export function reviewRequirements(requirements: readonly Requirement[], design: Design, lib: Library): { results: RequirementResult[]; counts: Record<Verdict, number>; passed: boolean } {
  const nl = buildNetlist(design, lib.lookup);
  const results = requirements.map((r): RequirementResult => {
    const judged = judge(r, design, lib, nl);
    return { id: r.id, text: r.text, ...judged };
  });
  const counts = { met: 0, unmet: 0, unknown: 0 };
  for (const r of results) counts[r.status]++;
  return { results, counts, passed: counts.unmet === 0 };
}

function judge(r: Requirement, design: Design, lib: Library, nl: Netlist): { status: Verdict; evidence: string } {
  if (r.id === 'environment:temperature' && r.range_c) return temperature(design, lib, r.range_c);
  if (r.id === 'interface:i2c-speed' && r.hz !== undefined) return i2cSpeed(nl, r.hz);
  if (r.id === 'supply:input-v' && r.volts !== undefined) {
    const nets = voltsMatch(nl, r.volts);
    return nets.length ? { status: 'met', evidence: `rail at ${r.volts} V: ${nets.join(', ')}` } : { status: 'unmet', evidence: `no net at ${r.volts} V` };
  }
  const e = elementOf(r);
  if (!e) return { status: 'unknown', evidence: 'no check is defined for this requirement' };
  const by = carriers(e, design, lib);
  if (by.length) return { status: 'met', evidence: `carried by ${by.join(', ')}` };
  if (e.kind === 'voltage' && e.volts !== undefined) {
    const nets = voltsMatch(nl, e.volts);
    if (nets.length) return { status: 'met', evidence: `rail at ${e.volts} V: ${nets.join(', ')}` };
  }
  return { status: 'unmet', evidence: e.id === 'mechanics:holes' ? `needs exactly ${e.count} mounting hole(s)` : `no ${e.label} found on the board` };
}
