import { livePins, netsOf, type NlComponent, type NlNet, type NlPin, type Netlist } from './netlist.js';
import { diodeSide, pinDescription } from './pin-roles.js';
import { parseVolts } from './classify.js';
import { strongVoltages } from './power.js';
import { feedbackOn, describeSetting } from './feedback.js';

function stated(net: NlNet): number | null {
  const ev = strongVoltages(net);
  const first = ev[0];
  return first && ev.every((e) => Math.abs(e.volts - first.volts) <= 0.05 * Math.max(e.volts, first.volts)) ? first.volts : null;
}

/**
 * Rail voltages propagated from what actually sources each rail, so a rail's voltage is known even
 * when its name states none (VBUS, VIN_PROT, a diode-fed rail). Seeds are sources that fix a
 * voltage: a USB connector's VBUS pin (5 V, USB 2.0 specification §7.2.1), a battery whose
 * chemistry or text says its voltage, an output pin whose design or library description states a
 * voltage ("Regulator output 1.1V"). A rail then passes on through series elements: unchanged through
 * inductors, ferrites, fuses and resistors up to 100 Ω, lowered by the forward drop through a
 * diode from anode to cathode (0.3 V Schottky, 0.7 V silicon — typical datasheet VF at low
 * current). A voltage set by a regulator's feedback divider (feedback.ts) wins over everything;
 * stated voltages (the net name, a regulator's output) win over propagated ones.
 */
export interface RailVoltage {
  volts: number;
  /** Where the value comes from, for messages: "J1.VBUS (USB VBUS 5 V)", "via D1 from +12V". */
  what: string;
}

const SERIES_MAX_OHM = 100;
const SCHOTTKY_VF = 0.3;
const SILICON_VF = 0.7;

const isUsbConnector = (c: NlComponent) => c.role === 'connector' && /usb|type-c|micro-?b|mini-?b/.test(c.text);

/** Nominal cell voltage a battery's text states: CR2032 3 V, 9 V block, Li-ion 3.7 V, or "3V" in its value. */
export function batteryVolts(c: NlComponent): number | null {
  const cellType = c.part?.properties['cell_type'];
  const t = `${typeof cellType === 'string' ? cellType : ''} ${c.text}`;
  if (/\bcr\d{4}\b|coin cell|lithium coin/.test(t)) return 3;
  if (/\b9 ?v\b|pp3/.test(t)) return 9;
  if (/li-?ion|li-?po|lipo|18650/.test(t)) return 3.7;
  if (/lifepo4/.test(t)) return 3.2;
  const v = c.component.value ? parseVolts(c.component.value) : null;
  return v !== null && v > 0 && v <= 60 ? v : null;
}

/** A single voltage an output pin's description states ("Regulator output 1.1V", "3.3V output"). */
function statedOutputVolts(pin: NlPin): number | null {
  if (pin.type !== 'output' && pin.type !== 'power_out') return null;
  const d = pinDescription(pin);
  const all = [...d.matchAll(/(?:^|[^A-Za-z0-9.])(\d+(?:\.\d+)?)\s*V(?![A-Za-z0-9])/gi)].map((m) => Number(m[1]));
  return all.length === 1 && all[0]! > 0 ? all[0]! : null;
}

function seed(net: NlNet): RailVoltage | null {
  for (const pin of livePins(net)) {
    const c = pin.comp;
    if (isUsbConnector(c) && /^VBUS\d*$/i.test(pin.name)) return { volts: 5, what: `${pin.key} (USB VBUS, 5 V)` };
    if (c.role === 'battery') {
      const v = batteryVolts(c);
      const plus = !/^(-|neg|minus|gnd|k)$/i.test(pin.name);
      if (v !== null && plus) return { volts: v, what: `${c.ref} (${v} V cell)` };
    }
    const out = statedOutputVolts(pin);
    if (out !== null) return { volts: out, what: `${pin.key} (${out} V output)` };
    const jack = powerInputVolts(c);
    if (jack !== null) return { volts: jack, what: `${c.ref} (${jack} V input)` };
  }
  return null;
}

/**
 * A power input connector (barrel jack, DC jack, power terminal) whose value or type states one
 * voltage ("12V"), on its only non-ground net: the board's input rail whatever the net is called.
 * A connector carrying several non-ground nets is left alone (which of them has the voltage is unsaid).
 */
function powerInputVolts(c: NlComponent): number | null {
  if (c.role !== 'connector' || !/barrel|dc jack|power jack|dc power|power input|power terminal/.test(c.text)) return null;
  const live = new Set(netsOf(c).filter((n) => !n.ground));
  if (live.size !== 1) return null;
  const text = `${c.component.value ?? ''} ${c.component.type}`;
  if (/\d\s*(?:-|–|to)\s*\d+(?:\.\d+)?\s*v/i.test(text)) return null; // a range ("5-15V") says what it accepts, not what it carries
  const volts = [...new Set([...text.matchAll(/(?:^|[^\w.])(\d+(?:\.\d+)?)\s*V(?![A-Za-z0-9])/gi)].map((m) => Number(m[1])))];
  return volts.length === 1 && volts[0]! > 0 && volts[0]! <= 60 ? volts[0]! : null;
}

function passesUnchanged(c: NlComponent): boolean {
  if (c.role === 'inductor' || c.role === 'fuse') return true;
  return c.role === 'resistor' && c.valueSi !== null && c.valueSi <= SERIES_MAX_OHM;
}

/**
 * Voltage per non-ground net from sources and series elements; a net's stated voltage (its name or
 * its regulators' output, when they agree) seeds propagation too. Memoised per netlist.
 */
export function railVoltages(nl: Netlist): Map<NlNet, RailVoltage> {
  const memo = nl.memo.get('railVoltages') as Map<NlNet, RailVoltage> | undefined;
  if (memo) return memo;
  const out = new Map<NlNet, RailVoltage>();
  for (const net of nl.nets) {
    if (net.ground) continue;
    // What a feedback divider sets is what the rail carries, whatever its name says.
    const fb = feedbackOn(nl, net);
    const s = stated(net);
    if (fb) out.set(net, { volts: fb.volts, what: describeSetting(fb) });
    else if (s !== null) out.set(net, { volts: s, what: `stated for ${net.name}` });
    else {
      const v = seed(net);
      if (v) out.set(net, v);
    }
  }
  let changed = true;
  for (let round = 0; changed && round < nl.nets.length + 1; round++) {
    changed = false;
    for (const net of nl.nets) {
      if (net.ground || out.has(net)) continue;
      for (const pin of livePins(net)) {
        const c = pin.comp;
        let found: RailVoltage | null = null;
        if (passesUnchanged(c)) {
          for (const other of c.pins.values()) {
            if (other === pin) continue;
            const from = other.nets.find((n) => !n.ground && out.has(n));
            if (from) found = { volts: out.get(from)!.volts, what: `via ${c.ref} from ${from.name}` };
          }
        } else if (c.role === 'diode' && !/zener|tvs/.test(c.text) && diodeSide(pin) === 'cathode') {
          const anode = [...c.pins.values()].find((p) => diodeSide(p) === 'anode');
          const from = anode?.nets.find((n) => !n.ground && out.has(n));
          if (from) {
            const vf = /schottky|\bss\d|bat\d|stps|1n58/.test(c.text) ? SCHOTTKY_VF : SILICON_VF;
            const v = out.get(from)!.volts - vf;
            if (v > 0) found = { volts: Number(v.toFixed(3)), what: `via ${c.ref} from ${from.name} (${vf} V diode drop)` };
          }
        }
        if (found) {
          out.set(net, found);
          changed = true;
          break;
        }
      }
    }
  }
  nl.memo.set('railVoltages', out);
  return out;
}
