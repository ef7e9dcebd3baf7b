import type { Component } from '../model/design.js';
import type { LibraryPart } from '../model/part.js';

/**
 * What a component is, electrically, for the rules that need to know (decoupling needs capacitors,
 * pull-ups need resistors, power sourcing needs connectors and regulators). Library data decides
 * first (category, parsed value, properties); the component's own type text second; the reference
 * prefix (IEEE 315 / IEC 81346 letters: R, C, L, D, Y, J, U, BT, TP) last. `source` says which one
 * decided, so findings can say when they rest on a name guess.
 */
export type Role =
  | 'resistor'
  | 'capacitor'
  | 'inductor'
  | 'fuse'
  | 'led'
  | 'diode'
  | 'esd'
  | 'crystal'
  | 'oscillator'
  | 'connector'
  | 'testpoint'
  | 'battery'
  | 'switch'
  | 'transistor'
  | 'regulator'
  | 'ic'
  | 'other';

export type RoleSource = 'library' | 'type' | 'ref';

export interface Classification {
  role: Role;
  source: RoleSource;
}

/** Lower-case words of a free text: "USB-C-16P" → ["usb", "c", "16p"]. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9+]+/)
    .filter((w) => w.length > 0);
}

const has = (ws: readonly string[], ...candidates: string[]): boolean => candidates.some((c) => ws.includes(c));

/** Role from a free text (a type, a library name or description); null when it says nothing. */
function roleFromText(text: string, hasSupplyPin: boolean): Role | null {
  const t = text.toLowerCase();
  const ws = words(text);
  if (/test ?point|testpoint|test_point/.test(t) || has(ws, 'tp')) return 'testpoint';
  // LED drivers and addressable LEDs are ICs (they have supply pins); only bare emitters are LEDs.
  if (/\brtc\b|clock gen/.test(t)) return 'ic';
  if ((has(ws, 'led', 'leds') || /^led/.test(t)) && !/driver|controller/.test(t)) return hasSupplyPin ? 'ic' : 'led';
  if (/crystal|xtal|resonator/.test(t)) return hasSupplyPin ? 'oscillator' : 'crystal';
  if (/oscillator|tcxo|\bxo\b/.test(t)) return 'oscillator';
  if (/\b(tvs|esd)\b|usblc|transient/.test(t)) return 'esd';
  if (/regulator|\bldo\b|buck|boost|dc-dc|dcdc|step-down|step-up|ams1117|lm1117|xc6206|ap2112|mcp1700|me6211/.test(t))
    return 'regulator';
  if (/battery|\blipo\b|li-ion|li-po|\b18650\b|\bcr2032\b|coin cell/.test(t) && !/charger|gauge|management|protection/.test(t))
    return 'battery';
  if (/connector|header|receptacle|terminal|jack|socket|\bplug\b|\bjst\b|usb-c|usb_c|type-c|\busb-a\b|micro-?usb|\brj45\b|\bsma\b/.test(t))
    return 'connector';
  if (/ferrite|inductor|\bchoke\b|\bbead\b/.test(t) || has(ws, 'ind', 'l')) return 'inductor';
  if (/\bfuse\b|polyfuse|\bptc\b/.test(t)) return 'fuse';
  if (/capacitor|\bmlcc\b|electrolytic|tantalum/.test(t) || has(ws, 'cap', 'c')) return 'capacitor';
  if (/potentiometer|\bpot\b|trimmer/.test(t)) return 'other';
  if (/resistor/.test(t) || has(ws, 'res', 'r')) return 'resistor';
  if (/diode|schottky|zener|rectifier/.test(t)) return 'diode';
  if (/\bswitch\b|button|tactile|\btact\b/.test(t)) return 'switch';
  if (/mosfet|transistor|\bbjt\b|\bnpn\b|\bpnp\b/.test(t)) return 'transistor';
  if (has(ws, 'mcu', 'ic', 'sensor', 'module')) return 'ic';
  return null;
}

function roleFromLibrary(part: LibraryPart, hasSupplyPin: boolean): Role | null {
  const p = part.properties;
  if (part.category === 'connector') return 'connector';
  if (part.category === 'passive') {
    if ('resistance' in p) return 'resistor';
    if ('capacitance' in p) return 'capacitor';
    if ('inductance' in p || 'impedance_at_100mhz' in p) return 'inductor';
  }
  if (part.category === 'power' && (typeof p['output_voltage_v'] === 'number' || /regulator|ldo|buck|boost|converter/i.test(part.description)))
    return 'regulator';
  // The name first: descriptions of ICs mention crystals, LEDs and batteries they merely work with.
  const byName = roleFromText(part.name, hasSupplyPin);
  if (byName) return byName;
  if (['mcu', 'sensor', 'interface', 'memory', 'rf', 'security'].includes(part.category)) return 'ic';
  const byDescription = roleFromText(part.description, hasSupplyPin);
  if (byDescription) return byDescription;
  if (part.category === 'power') return 'ic';
  return null;
}

const REF_ROLES: [RegExp, Role][] = [
  [/^TP\d/i, 'testpoint'],
  [/^BT\d/i, 'battery'],
  [/^FB\d/i, 'inductor'],
  [/^SW\d/i, 'switch'],
  [/^(LED)\d/i, 'led'],
  [/^(J|CN|P)\d/i, 'connector'],
  [/^RN?\d/i, 'resistor'],
  [/^C\d/i, 'capacitor'],
  [/^L\d/i, 'inductor'],
  [/^F\d/i, 'fuse'],
  [/^Y\d/i, 'crystal'],
  [/^D\d/i, 'diode'],
  [/^Q\d/i, 'transistor'],
  [/^(U|IC)\d/i, 'ic'],
];

export function classifyComponent(component: Component, part: LibraryPart | undefined, hasSupplyPin: boolean): Classification {
  if (part) {
    const role = roleFromLibrary(part, hasSupplyPin);
    if (role) return { role, source: 'library' };
  }
  const byType = roleFromText(component.type, hasSupplyPin);
  if (byType) return { role: byType, source: 'type' };
  for (const [re, role] of REF_ROLES) {
    if (re.test(component.ref)) {
      // A U-numbered LED or a D-numbered part with supply pins is still an IC.
      if ((role === 'led' || role === 'diode') && hasSupplyPin) return { role: 'ic', source: 'ref' };
      if (role === 'crystal' && hasSupplyPin) return { role: 'oscillator', source: 'ref' };
      return { role, source: 'ref' };
    }
  }
  return { role: hasSupplyPin ? 'ic' : 'other', source: 'ref' };
}

/** Ground by type, or by a name such as GND, AGND, GND_ISO, VSS, 0V. */
export function isGroundName(name: string): boolean {
  return /^(?:[ADPSC]?GND\d*|GND[_-].*|.*[_-]GND|VSS[A-Z]*|0V|EARTH|CHASSIS|PE|SHIELD)$/i.test(name);
}

/** Chassis and shield nets are grounds of their own on purpose; the split-ground rule leaves them out. */
export function isChassisName(name: string): boolean {
  return /^(?:EARTH|CHASSIS|PE|SHIELD|SHLD|CGND|FGND)(?:[_-].*)?$/i.test(name);
}

const SUPPLY_PREFIX = 'VCC|VDD|VIN|VBUS|VBAT|VSYS|VOUT|VMOT|VM|VDDA|VDDIO|VCCIO|VIO|AVDD|DVDD|AVCC|VPP|PWR|VS|V|VREG|VLED|VCORE|VCCA|VCCB';
const VOLT_TOKEN = '(?:\\d+V\\d*|\\d+(?:\\.\\d+)?V|\\d+P\\d+)';
const SUPPLY_NAME = new RegExp(`^\\+?(?:(?:${SUPPLY_PREFIX})(?:[_-]?(?:${VOLT_TOKEN}|\\d+))?|${VOLT_TOKEN})$`, 'i');

/** A supply rail by name: VCC, VCC_3V3, 3V3, +5V, VIN_12V, VBUS, VBAT (not VOUT_FB or VBUS_SENSE). */
export function isSupplyName(name: string): boolean {
  return SUPPLY_NAME.test(name);
}

/**
 * Voltage a net name states: "3V3" and "3P3" → 3.3 (RKM style, IEC 60062), "5V" → 5, "+12V" → 12,
 * "VCC_1V8" → 1.8. Null when the name states none.
 */
export function voltageFromName(name: string): number | null {
  const rkm = /(?:^|[^A-Za-z0-9.])(\d+)[VvPp](\d+)(?![A-Za-z0-9])/.exec(name);
  if (rkm) return Number(`${rkm[1]}.${rkm[2]}`);
  const plain = /(?:^|[^A-Za-z0-9.])(\d+(?:\.\d+)?)[Vv](?![A-Za-z0-9])/.exec(name);
  if (plain) return Number(plain[1]);
  return null;
}

/** Parses a supply text such as "3.3", "5", "3V3", "3.3V"; null when it is not one voltage. */
export function parseVolts(text: string): number | null {
  const t = text.trim();
  if (t.length === 0) return null;
  const rkm = /^(\d+)[Vv](\d+)$/.exec(t);
  if (rkm) return Number(`${rkm[1]}.${rkm[2]}`);
  const plain = /^(\d+(?:\.\d+)?)\s*[Vv]?$/.exec(t);
  if (plain) return Number(plain[1]);
  return null;
}

/** An explicit supply range in a description, "2.5-5.5V input" or "1.7 to 3.6 V" → [min, max]. */
export function voltageRangeFrom(text: string): [number, number] | null {
  // Datasheets write "+1.8V to +5.25V", "4.5-16V", "5 ~ 15 V", "2.7..3.6V".
  const m = /\+?(\d+(?:\.\d+)?)\s*V?\s*(?:-|–|~|\.\.|to)\s*\+?(\d+(?:\.\d+)?)\s*V(?![A-Za-z0-9])/i.exec(text);
  if (!m) return null;
  const lo = Number(m[1]);
  const hi = Number(m[2]);
  return lo < hi && hi <= 60 ? [lo, hi] : null;
}
