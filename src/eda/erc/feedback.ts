import { libraryPin, livePins, type NlComponent, type NlNet, type NlPin, type Netlist } from './netlist.js';
import { pinDescription } from './pin-roles.js';
import { tableReference } from './reference-voltages.js';
import { isSupplyName } from './classify.js';

/**
 * Output voltages set by feedback dividers. An adjustable regulator holds its feedback pin at its
 * reference voltage, so the output it makes is Vout = Vref·(1 + Rtop/Rbottom), with Rtop the
 * resistor(s) from the output rail to the feedback node and Rbottom the resistor(s) from the node
 * to ground (TI LM2596 SNVS124, "Design Procedure (Adjustable Output)"); for LM317/1117-style
 * parts, whose reference sits between OUT and ADJ, Vout = Vref·(1 + Rbottom/Rtop) (ST LD1117
 * DocID7194, adjustable application note).
 * The reference comes from the library record (a `reference_voltage_v`, `vref_v` or
 * `feedback_voltage_v` property), the feedback pin's description ("Feedback, 0.8 V"), else the
 * cited table in reference-voltages.ts. The result is what the rail physically carries, whatever
 * its name says.
 */
export interface FeedbackSetting {
  regulator: NlComponent;
  fbPin: NlPin;
  fbNet: NlNet;
  /** The rail the top resistor goes to: the regulator's output. */
  rail: NlNet;
  vref: number;
  vrefFrom: string;
  top: NlComponent[];
  bottom: NlComponent[];
  rTop: number;
  rBottom: number;
  volts: number;
}

/** Feedback and adjust pins: FB, VFB, FEEDBACK, VSENSE, ADJ (also "ADJ/GND", "GND/ADJ"). */
const FB_PIN = /^(?:V?FB\d*|FEEDBACK|V?SENSE|VSNS|ADJ(?:UST)?(?:[/_]GND)?|GND[/_]ADJ)$/i;
const REF_PROPS = ['reference_voltage_v', 'vref_v', 'feedback_voltage_v', 'vfb_v'];

function isFeedbackPin(pin: NlPin): boolean {
  return FB_PIN.test(pin.name) || /^feedback\b|\bfeedback (?:input|pin)\b/i.test(libraryPin(pin.comp.part, pin.name, null)?.description ?? '');
}

/** The reference voltage of `c` as seen at `fb`, with where it comes from; null when nothing states it. */
export function referenceVoltage(c: NlComponent, fb: NlPin): { volts: number; from: string; kind: 'fb' | 'out-adj' } | null {
  const t = tableReference(c);
  if (t) return { volts: t.volts, from: t.source, kind: t.kind };
  // Without the table an ADJ pin's reference could sit either way round (OUT–ADJ or ADJ–GND): not guessed.
  if (/ADJ/i.test(fb.name)) return null;
  const props = c.part?.properties ?? {};
  for (const k of REF_PROPS) {
    const v = props[k];
    if (typeof v === 'number' && v > 0 && v < 5) return { volts: v, from: `library ${k}`, kind: 'fb' };
  }
  // "Feedback (0.8 V reference)": one voltage in the pin's own description.
  const d = pinDescription(fb);
  const all = [...d.matchAll(/(?:^|[^A-Za-z0-9.])(\d+(?:\.\d+)?)\s*V(?![A-Za-z0-9])/gi)].map((m) => Number(m[1]));
  if (all.length === 1 && all[0]! > 0.1 && all[0]! < 5) return { volts: all[0]!, from: `${fb.key} description`, kind: 'fb' };
  return null;
}

const parallel = (rs: number[]) => 1 / rs.reduce((s, r) => s + 1 / r, 0);

function settingFor(c: NlComponent, fb: NlPin): FeedbackSetting | null {
  const fbNet = fb.nets[0];
  if (!fbNet || fbNet.ground || fb.nets.length !== 1) return null;
  const ref = referenceVoltage(c, fb);
  if (!ref) return null;
  const base = { regulator: c, fbPin: fb, fbNet, vref: ref.volts, vrefFrom: ref.from };
  // FB straight on a rail (named like one, and no bare divider node: something besides resistors and
  // capacitors is on it, or no resistor at all): the regulator holds that rail at Vref, the wiring of
  // a fixed-output sibling. A divider node named FB_3V3 is not supply-named, so not a rail.
  const others = livePins(fbNet).filter((p) => p.comp !== c);
  const bareDividerNode = others.some((p) => p.comp.role === 'resistor') && others.every((p) => p.comp.role === 'resistor' || p.comp.role === 'capacitor');
  if (ref.kind === 'fb' && isSupplyName(fbNet.name) && !bareDividerNode) return { ...base, rail: fbNet, top: [], bottom: [], rTop: 0, rBottom: Infinity, volts: ref.volts };
  const top: NlComponent[] = [];
  const bottom: NlComponent[] = [];
  const rails = new Set<NlNet>();
  for (const p of livePins(fbNet)) {
    const o = p.comp;
    if (o === c || o.role === 'capacitor') continue;
    // Anything else on the node (another IC, a DAC, a transistor trimming the output) changes the equation.
    if (o.role !== 'resistor' || o.valueSi === null || o.valueSi <= 0 || o.pins.size !== 2) return null;
    const far = [...o.pins.values()].find((x) => x !== p)?.nets ?? [];
    if (far.length !== 1) return null;
    if (far[0]!.ground) bottom.push(o);
    else {
      top.push(o);
      rails.add(far[0]!);
    }
  }
  if (top.length === 0 || rails.size !== 1) return null;
  // An OUT–ADJ part without its lower resistor has no defined output (the ADJ current sets it).
  if (bottom.length === 0 && ref.kind !== 'fb') return null;
  const rail = [...rails][0]!;
  const rTop = parallel(top.map((r) => r.valueSi!));
  // No lower resistor: the FB node follows the rail, so the rail sits at Vref.
  const rBottom = bottom.length > 0 ? parallel(bottom.map((r) => r.valueSi!)) : Infinity;
  const ratio = ref.kind === 'fb' ? rTop / rBottom : rBottom / rTop;
  const volts = Number((ref.volts * (1 + ratio)).toFixed(3));
  return { ...base, rail, top, bottom, rTop, rBottom, volts };
}

/**
 * A feedback pin of a part with a known reference that never sees an output: on ground, or on a
 * node with resistors to ground only. The regulator then drives its output as high as it can.
 * (LM317/1117-style ADJ pins are left out: ADJ on ground is their lowest setting, 1.25 V.)
 */
export interface OpenFeedback {
  regulator: NlComponent;
  fbPin: NlPin;
  fbNet: NlNet;
  vrefFrom: string;
}

export function openFeedbacks(nl: Netlist): OpenFeedback[] {
  const out: OpenFeedback[] = [];
  for (const c of nl.components) {
    if (c.dnp || (c.role !== 'regulator' && c.role !== 'ic')) continue;
    for (const fb of c.pins.values()) {
      if (!isFeedbackPin(fb) || fb.nets.length !== 1) continue;
      const ref = referenceVoltage(c, fb);
      if (!ref || ref.kind !== 'fb') continue;
      const fbNet = fb.nets[0]!;
      const others = livePins(fbNet).filter((p) => p.comp !== c);
      const toGroundOnly =
        !fbNet.ground &&
        !fbNet.supply &&
        others.length > 0 &&
        others.every((p) => p.comp.role === 'capacitor' || (p.comp.role === 'resistor' && netsOfOther(p).every((n) => n.ground)));
      const hasResistorToGround = others.some((p) => p.comp.role === 'resistor');
      if (fbNet.ground || (toGroundOnly && hasResistorToGround)) out.push({ regulator: c, fbPin: fb, fbNet, vrefFrom: ref.from });
    }
  }
  return out;
}

const netsOfOther = (p: NlPin): NlNet[] => [...p.comp.pins.values()].filter((x) => x !== p).flatMap((x) => x.nets);

/** Every feedback setting of the design, one per regulator feedback pin with a resolvable divider. Memoised per netlist. */
export function feedbackSettings(nl: Netlist): FeedbackSetting[] {
  const memo = nl.memo.get('feedbackSettings') as FeedbackSetting[] | undefined;
  if (memo) return memo;
  const out: FeedbackSetting[] = [];
  for (const c of nl.components) {
    if (c.dnp || (c.role !== 'regulator' && c.role !== 'ic')) continue;
    for (const pin of c.pins.values()) {
      if (!isFeedbackPin(pin)) continue;
      const s = settingFor(c, pin);
      if (s) out.push(s);
    }
  }
  nl.memo.set('feedbackSettings', out);
  return out;
}

/** The voltage a feedback divider sets on `net`, when one does (the first, if several agree or not). */
export function feedbackOn(nl: Netlist, net: NlNet): FeedbackSetting | null {
  return feedbackSettings(nl).find((s) => s.rail === net) ?? null;
}

/** The output a regulator's own divider sets, for headroom checks of adjustable parts. */
export function feedbackOutputOf(nl: Netlist, c: NlComponent): FeedbackSetting | null {
  return feedbackSettings(nl).find((s) => s.regulator === c) ?? null;
}

const ohm = (r: number) => (r >= 1e6 ? `${Number((r / 1e6).toFixed(3))} MΩ` : r >= 1e3 ? `${Number((r / 1e3).toFixed(3))} kΩ` : `${Number(r.toFixed(2))} Ω`);

/** "U1 feedback divider R1 44.2 kΩ / R2 10 kΩ, Vref 0.925 V (…)": for messages. */
export function describeSetting(s: FeedbackSetting): string {
  const names = (rs: NlComponent[]) => rs.map((r) => r.ref).join('‖');
  if (s.top.length === 0) return `${s.regulator.ref} with its feedback pin ${s.fbPin.key} straight on the rail, Vref ${s.vref} V (${s.vrefFrom})`;
  if (s.bottom.length === 0) return `${s.regulator.ref} feedback ${names(s.top)} ${ohm(s.rTop)} with no resistor to ground, Vref ${s.vref} V (${s.vrefFrom})`;
  return `${s.regulator.ref} feedback divider ${names(s.top)} ${ohm(s.rTop)} / ${names(s.bottom)} ${ohm(s.rBottom)} with Vref ${s.vref} V (${s.vrefFrom})`;
}
