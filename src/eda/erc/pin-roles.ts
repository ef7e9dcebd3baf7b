import { libraryPin, type NlPin } from './netlist.js';

/**
 * What a pin is, from its function rather than its label: the design pin's description, the
 * library pin of that name or pad number, and KiCad's pad conventions where nothing else says.
 */

/** Design pin description first, then the library pin's (matched by name or pad number). */
export function pinDescription(pin: NlPin): string {
  const own = pin.comp.component.pins[pin.name];
  if (own?.description) return own.description;
  return libraryPin(pin.comp.part, pin.name, own?.number ?? null)?.description ?? '';
}

/** "anode"/"cathode" of a diode pin: by name, description, else KiCad's pad order (1 = K, 2 = A). */
export function diodeSide(pin: NlPin): 'anode' | 'cathode' | null {
  if (/^(A|AN|ANODE|\+)$/i.test(pin.name)) return 'anode';
  if (/^(K|C|CA|CATHODE|-)$/i.test(pin.name)) return 'cathode';
  const d = pinDescription(pin);
  if (/anode/i.test(d)) return 'anode';
  if (/cathode/i.test(d)) return 'cathode';
  const num = pin.comp.component.pins[pin.name]?.number ?? pin.name;
  if (num === '1') return 'cathode';
  if (num === '2') return 'anode';
  return null;
}

