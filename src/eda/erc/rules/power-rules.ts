import type { ErcRule, RuleHit } from '../types.js';
import { livePins, netsOf, uniqSorted, type NlComponent, type NlNet, type NlPin, type Netlist } from '../netlist.js';
import { isChassisName, isSupplyName } from '../classify.js';
import { OUTPUT_PIN_NAME, pinRating, powerSources, regulatorOutputVolts, singleSupplyNet, strongVoltages, supplyPins, type SupplyRating, type VoltageEvidence } from '../power.js';
import { BY_NAME, hit, list } from './hit.js';
import { railVoltages, type RailVoltage } from '../rails.js';
import { describeSetting, feedbackOn, feedbackOutputOf, feedbackSettings, openFeedbacks } from '../feedback.js';
import { tableReference } from '../reference-voltages.js';

/**
 * Power rules: every rail has a source, rails carry one voltage and the parts on them accept it,
 * regulators have headroom, grounds are one ground. KiCad's "power input not driven" (ERC pin
 * matrix) and ZapTrace's ERC007/014/015/027/028.
 */

const fmtV = (v: number) => `${Number(v.toFixed(3))} V`;
const sameV = (a: number, b: number) => Math.abs(a - b) <= 0.05 * Math.max(a, b);

function notDriven(nl: Netlist): RuleHit[] {
  const sources = powerSources(nl);
  const hits: RuleHit[] = [];
  for (const net of nl.nets) {
    if (net.ground || sources.has(net)) continue;
    const sinks = supplyPins(net);
    if (sinks.length === 0) continue;
    hits.push(
      hit(
        `Net ${net.name} feeds power inputs ${list(sinks.map((p) => p.key))} but nothing sources it (no power output, regulator output, connector, battery or series element from a sourced rail).`,
        `Feed ${net.name} from a regulator, a power connector or a battery, or connect the pins to an existing rail.`,
        { components: sinks.map((p) => p.comp), nets: [net], pins: sinks },
      ),
    );
  }
  return hits;
}

function netUnsourced(nl: Netlist): RuleHit[] {
  const sources = powerSources(nl);
  const hits: RuleHit[] = [];
  for (const net of nl.nets) {
    if (!net.supply || sources.has(net) || supplyPins(net).length > 0 || livePins(net).length === 0) continue;
    // Typed power but named like no supply and holding no power pin: a sense node (VIN_SENSE), not a rail.
    if (!isSupplyName(net.name) && !livePins(net).some((p) => p.type === 'power_in' || p.type === 'power_out')) continue;
    const how = net.net.type === 'power' ? 'typed power' : `named like a supply${BY_NAME}`;
    hits.push(
      hit(`Power net ${net.name} (${how}) has no source: no regulator output, power output, connector or battery.`, `Connect a source to ${net.name}, or retype the net if it is not a rail.`, {
        components: livePins(net).map((p) => p.comp),
        nets: [net],
      }),
    );
  }
  return hits;
}

/** Supply pins of ICs, oscillators and regulators on a net, with the rating that applies to each. */
function ratedPins(net: NlNet): { pin: NlPin; rating: SupplyRating }[] {
  const out: { pin: NlPin; rating: SupplyRating }[] = [];
  for (const pin of supplyPins(net)) {
    if (!['ic', 'oscillator', 'regulator'].includes(pin.comp.role)) continue;
    const rating = pinRating(pin, net);
    if (rating && (rating.nominal !== null || rating.range !== null)) out.push({ pin, rating });
  }
  return out;
}

function agreedVoltage(ev: VoltageEvidence[]): number | null {
  const first = ev[0];
  if (!first) return null;
  return ev.every((e) => sameV(e.volts, first.volts)) ? first.volts : null;
}

/** "over" when the rail exceeds the rating, "under" when it falls short, else null. */
function judge(v: number, r: SupplyRating): { dir: 'over' | 'under'; text: string } | null {
  if (r.range) {
    if (v > r.range[1] * 1.05) return { dir: 'over', text: `its maximum supply of ${fmtV(r.range[1])} (${r.from})` };
    if (r.range[0] > 0 && v < r.range[0] * 0.95) return { dir: 'under', text: `its minimum supply of ${fmtV(r.range[0])} (${r.from})` };
    return null;
  }
  if (r.nominal === null) return null;
  // Nominal ratings are typical values: only a clear mismatch (3.3 V part on 5 V) counts.
  if (v > r.nominal * 1.25) return { dir: 'over', text: `its ${fmtV(r.nominal)} supply (${r.from})` };
  if (v < r.nominal * 0.8) return { dir: 'under', text: `its ${fmtV(r.nominal)} supply (${r.from})` };
  return null;
}

function voltageChecks(nl: Netlist, severity: 'error' | 'warning'): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const net of nl.nets) {
    if (net.ground) continue;
    const strong = strongVoltages(net);
    const v = agreedVoltage(strong);
    // A feedback divider fixes what the rail carries; power.feedback-voltage reports a name that disagrees.
    const fb = feedbackOn(nl, net);
    if (strong.length >= 2 && v === null) {
      if (severity === 'error')
        hits.push(
          hit(`Net ${net.name} is given different voltages: ${list(strong.map((e) => `${fmtV(e.volts)} by ${e.what}`))}.`, `Rename the net or change the regulator so ${net.name} carries one voltage.`, {
            components: uniqSorted(strong.filter((e) => e.what.includes('.')).map((e) => e.what.split('.')[0]!)),
            nets: [net],
          }),
        );
      if (!fb) continue;
    }
    const rated = ratedPins(net);
    const derived = !fb && strong.length === 0 ? derivedVoltage(nl, net) : null;
    const railV = fb?.volts ?? v ?? derived?.volts ?? null;
    if (railV !== null) {
      const basis = fb ? `set by ${describeSetting(fb)}` : derived ? `from ${derived.what}` : strong.map((e) => e.what).join(', ');
      for (const { pin, rating } of rated) {
        const j = judge(railV, rating);
        if (!j || (j.dir === 'over') !== (severity === 'error')) continue;
        hits.push(
          hit(
            `${pin.key} is supplied from ${net.name} at ${fmtV(railV)} (${basis}), ${j.dir === 'over' ? 'above' : 'below'} ${j.text}.`,
            j.dir === 'over' ? `Supply ${pin.comp.ref} from a rail within its rating, or choose a part rated for ${fmtV(railV)}.` : `Check that ${pin.comp.ref} works at ${fmtV(railV)}, or supply it from a matching rail.`,
            { components: [pin.comp], nets: [net], pins: [pin] },
          ),
        );
      }
    } else if (severity === 'warning') {
      // No stated net voltage: parts that state different nominal supplies disagree with each other.
      const nominal = rated.filter((x) => x.rating.nominal !== null && x.pin.comp.role !== 'regulator');
      const vs = nominal.map((x) => x.rating.nominal!);
      if (vs.length >= 2 && Math.max(...vs) > Math.min(...vs) * 1.25)
        hits.push(
          hit(`Parts on ${net.name} state different supplies: ${list(nominal.map((x) => `${x.pin.key} ${fmtV(x.rating.nominal!)}`))}.`, `Split ${net.name} into one rail per voltage, or use parts rated for the same supply.`, {
            components: nominal.map((x) => x.pin.comp),
            nets: [net],
            pins: nominal.map((x) => x.pin),
          }),
        );
    }
  }
  return hits;
}

/** The propagated voltage of a net whose name and regulators state none (rails.ts). */
function derivedVoltage(nl: Netlist, net: NlNet): RailVoltage | null {
  return railVoltages(nl).get(net) ?? null;
}

type Topology = 'linear' | 'buck' | 'boost' | null;

function topologyOf(c: NlComponent): Topology {
  const topo = c.part?.properties['topology'];
  const t = `${typeof topo === 'string' ? topo : ''} ${c.text}`;
  if (/buck-boost|sepic|charger/i.test(t)) return null;
  if (/buck|step-down/i.test(t)) return 'buck';
  if (/boost|step-up/i.test(t)) return 'boost';
  if (/\bldo\b|low-dropout|linear|ams1117|lm1117/i.test(t)) return 'linear';
  return null;
}

function dropoutOf(c: NlComponent): number {
  const p = c.part?.properties ?? {};
  const v = p['dropout_voltage_v'];
  if (typeof v === 'number') return v;
  const mv = p['dropout_voltage_mv'];
  return typeof mv === 'number' ? mv / 1000 : (tableReference(c)?.dropout ?? 0);
}

/**
 * The net a regulator takes its input from: its one non-ground power input that is not an output
 * by name (ZapTrace documents type a regulator's VOUT `power`, which reads as a power input).
 */
function regulatorInputNet(c: NlComponent): NlNet | null {
  let found: NlNet | null = null;
  for (const pin of c.pins.values()) {
    if (pin.type !== 'power_in' || OUTPUT_PIN_NAME.test(pin.name)) continue;
    for (const n of pin.nets) {
      if (n.ground) continue;
      if (found && found !== n) return null;
      found = n;
    }
  }
  return found ?? singleSupplyNet(c);
}

/** The voltage the name of a linear regulator's output rail states (VOUT on +3V3): its output when nothing else says. */
function outputRailNameVolts(c: NlComponent): number | null {
  const vs = [...c.pins.values()]
    .filter((p) => p.type === 'power_out' || p.type === 'output' || OUTPUT_PIN_NAME.test(p.name))
    .flatMap((p) => p.nets)
    .filter((n) => !n.ground && n.nameVoltage !== null)
    .map((n) => n.nameVoltage!);
  return vs.length > 0 && vs.every((v) => v === vs[0]) ? vs[0]! : null;
}

function headroom(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || c.role !== 'regulator') continue;
    const kind = topologyOf(c);
    const inNet = regulatorInputNet(c);
    const vout = regulatorOutputVolts(c) ?? feedbackOutputOf(nl, c)?.volts ?? (kind === 'linear' ? outputRailNameVolts(c) : null);
    if (!kind || !inNet || vout === null) continue;
    const stated = feedbackOn(nl, inNet)?.volts ?? agreedVoltage(strongVoltages(inNet)) ?? derivedVoltage(nl, inNet)?.volts ?? null;
    const cell = stated === null ? liIonRail(inNet) : null;
    const vin = stated ?? (cell ? LI_ION_NOMINAL_V : null);
    if (vin === null) continue;
    const drop = dropoutOf(c);
    let problem: string | null = null;
    // With no dropout on record a linear regulator still needs some: its input at or below its output is wrong.
    if (kind === 'linear' && (vin < vout + drop || (drop === 0 && vin <= vout))) problem = `a linear regulator needs at least ${fmtV(vout + drop)} (output ${fmtV(vout)} + dropout ${fmtV(drop)})`;
    if (kind === 'buck' && vin <= vout) problem = `a buck converter cannot step ${fmtV(vin)} up to ${fmtV(vout)}`;
    if (kind === 'boost' && vin >= vout) problem = `a boost converter cannot step ${fmtV(vin)} down to ${fmtV(vout)}`;
    if (!problem) continue;
    hits.push(
      hit(`${c.ref} takes ${fmtV(vin)}${cell ? ` (Li-ion cell nominal; ${cell})` : ''} from ${inNet.name}: ${problem}.`, `Feed ${c.ref} from a higher rail, or pick a regulator topology that fits.`, {
        components: [c],
        nets: [inNet],
      }),
    );
  }
  return hits;
}

/**
 * A rail whose regulator's feedback divider sets a voltage other than the one its name or its
 * fixed-output regulators state (a divider for 5 V on a rail named +3V3). 5 % tolerance: wider than
 * the spread of a 1 % reference and E96 resistors, narrower than any two standard rails.
 */
function feedbackVoltage(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const s of feedbackSettings(nl)) {
    const wrong = strongVoltages(s.rail).filter((e) => !sameV(e.volts, s.volts));
    if (wrong.length === 0) continue;
    hits.push(
      hit(
        `${s.rail.name} is set to ${fmtV(s.volts)} by ${describeSetting(s)}, but ${list(wrong.map((e) => `${e.what} says ${fmtV(e.volts)}`))}.`,
        `Recalculate the divider (Vout = Vref·(1 + Rtop/Rbottom)) for the voltage ${s.rail.name} should carry, or rename the rail.`,
        { components: [s.regulator, ...s.top, ...s.bottom], nets: [s.rail, s.fbNet], pins: [s.fbPin] },
      ),
    );
  }
  for (const o of openFeedbacks(nl)) {
    hits.push(
      hit(
        `${o.fbPin.key} (feedback of ${o.regulator.ref}) is on ${o.fbNet.name}, which reaches ground but no output rail: the regulator sees 0 V and drives its output as high as it can.`,
        `Connect the top feedback resistor from the output rail to ${o.fbNet.name} (Vout = Vref·(1 + Rtop/Rbottom)).`,
        { components: [o.regulator], nets: [o.fbNet], pins: [o.fbPin] },
      ),
    );
  }
  return hits;
}

/** A single Li-ion/Li-Po cell sits at 3.7 V nominal (3.0–4.2 V over its discharge). */
const LI_ION_NOMINAL_V = 3.7;
const LI_CHEMISTRY = /li-?ion|li-?po|lipo|li\+/i;

/** Says what makes `net` a single-cell Li-ion rail (a Li-ion charger output or cell on it), else null. */
function liIonRail(net: NlNet): string | null {
  for (const p of livePins(net)) {
    const cellType = p.comp.part?.properties['cell_type'];
    const chem = `${typeof cellType === 'string' ? cellType : ''} ${p.comp.text}`;
    if (!LI_CHEMISTRY.test(chem)) continue;
    if (p.comp.role === 'battery') return `cell ${p.comp.ref} on the net`;
    if (p.type === 'output' || p.type === 'power_out') return `charger output ${p.key}`;
  }
  return null;
}

/** A part that deliberately joins two grounds: net tie, 0 Ω link, ferrite or inductor. */
function isGroundTie(c: NlComponent): boolean {
  if (c.dnp) return false;
  if (/net ?tie|nettie/.test(c.text)) return true;
  if (c.role === 'inductor') return true;
  return c.role === 'resistor' && c.valueSi !== null && c.valueSi <= 1;
}

function groundSplit(nl: Netlist): RuleHit[] {
  const grounds = nl.nets.filter((n) => n.ground && !isChassisName(n.name) && n.pins.length > 0);
  if (grounds.length < 2) return [];
  const parent = new Map<NlNet, NlNet>(grounds.map((g) => [g, g]));
  const find = (n: NlNet): NlNet => {
    let r = n;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  for (const c of nl.components) {
    if (!isGroundTie(c)) continue;
    const gs = netsOf(c).filter((n) => parent.has(n));
    for (const g of gs.slice(1)) parent.set(find(g), find(gs[0]!));
  }
  const groups = new Map<NlNet, NlNet[]>();
  for (const g of grounds) {
    const r = find(g);
    groups.set(r, [...(groups.get(r) ?? []), g]);
  }
  if (groups.size < 2) return [];
  const names = [...groups.values()].map((g) => g.map((n) => n.name).sort().join('+')).sort();
  return [
    hit(`The design has ${groups.size} separate grounds (${list(names)}) with no net tie, 0 Ω link or ferrite between them.`, 'Join the grounds at one point (net tie or 0 Ω resistor), or merge them into one GND net.', {
      nets: grounds,
    }),
  ];
}

/**
 * An IC whose design declares a ground pin but no supply pin at all (as opposed to an unconnected
 * one, which pin.power-unconnected reports): the part has no way to be powered.
 */
/** Darlington and transistor arrays: parts with ground but, by design, no supply pin. */
const TRANSISTOR_ARRAY = /darlington|transistor array|\buln2\d{3}|\btbd62\d{3}/;

function icWithoutSupply(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || !['ic', 'oscillator'].includes(c.role)) continue;
    const pins = [...c.pins.values()];
    const grounds = pins.filter((p) => p.type === 'power_in' && p.nets.length > 0 && p.nets.every((n) => n.ground));
    const supplies = pins.filter((p) => (p.type === 'power_in' || p.type === 'power_out') && !grounds.includes(p));
    if (grounds.length === 0 || supplies.length > 0) continue;
    const lib = c.part?.pins.filter((p) => p.type === 'power_in' && !/gnd|vss|ground/i.test(`${p.name} ${p.description}`)).map((p) => p.name) ?? [];
    // Transistor arrays (ULN2003A: inputs, open-collector outputs, COM clamp and GND; TI data sheet,
    // "Pin Functions") need no supply; neither does a part whose library record declares none.
    if (TRANSISTOR_ARRAY.test(c.text) || (c.part && lib.length === 0)) continue;
    hits.push(
      hit(
        `${c.ref} connects ground (${list(grounds.map((p) => p.name))}) but declares no supply pin${lib.length > 0 ? ` (its library part has ${list(lib)})` : ''}: nothing powers it.`,
        `Add the supply pin${lib.length > 1 ? 's' : ''} of ${c.ref} and connect ${lib.length > 1 ? 'them' : 'it'} to its rail.`,
        { components: [c], pins: grounds },
      ),
    );
  }
  return hits;
}

export const POWER_RULES: readonly ErcRule[] = [
  {
    id: 'power.ic-without-supply',
    severity: 'warning',
    category: 'power',
    title: 'IC with ground but no supply pin',
    description: 'Checks that every IC that connects a ground pin also declares a supply pin.',
    zaptrace: ['ERC001'],
    check: icWithoutSupply,
  },
  {
    id: 'power.not-driven',
    severity: 'error',
    category: 'power',
    title: 'Power input not driven',
    description: 'Checks that every net with power-input pins has a source: a power output, regulator output, connector, battery or a series element from a sourced rail.',
    zaptrace: ['ERC007', 'ERC027'],
    check: notDriven,
  },
  {
    id: 'power.net-unsourced',
    severity: 'warning',
    category: 'power',
    title: 'Power net without a source',
    description: 'Checks that every net typed or named as a supply rail has a source even when no power-input pin sits on it.',
    zaptrace: ['ERC007', 'ERC027'],
    check: netUnsourced,
  },
  {
    id: 'power.voltage-conflict',
    severity: 'error',
    category: 'power',
    title: 'Conflicting voltages on a rail',
    description: 'Checks that a rail’s name and its regulators agree on one voltage, and that it does not exceed the supply rating of the parts it feeds.',
    zaptrace: ['ERC014'],
    check: (nl) => voltageChecks(nl, 'error'),
  },
  {
    id: 'power.supply-mismatch',
    severity: 'warning',
    category: 'power',
    title: 'Part supply below its rating or parts disagree',
    description: 'Checks that a rail is not below the supply the parts on it state, and that parts on an unnamed rail state the same supply.',
    zaptrace: ['ERC014'],
    check: (nl) => voltageChecks(nl, 'warning'),
  },
  {
    id: 'power.feedback-voltage',
    severity: 'error',
    category: 'power',
    title: 'Feedback divider sets another voltage than the rail states',
    description: 'Checks that the output a regulator’s feedback divider sets (Vref·(1 + Rtop/Rbottom), Vref from the library or a cited data-sheet table) agrees within 5 % with the rail’s name and fixed-output regulators, and that the feedback pin reaches an output at all.',
    zaptrace: ['ERC014'],
    check: feedbackVoltage,
  },
  {
    id: 'power.regulator-headroom',
    severity: 'warning',
    category: 'power',
    title: 'Regulator without headroom',
    description: 'Checks that a linear regulator’s input exceeds its output plus dropout, a buck’s input exceeds its output and a boost’s is below it.',
    zaptrace: ['ERC028'],
    check: headroom,
  },
  {
    id: 'power.ground-split',
    severity: 'warning',
    category: 'power',
    title: 'Separate ground nets',
    description: 'Checks that all (non-chassis) ground nets are joined by a net tie, 0 Ω link or ferrite.',
    zaptrace: ['ERC015'],
    check: groundSplit,
  },
];
