import type { NlPin } from './netlist.js';
import { pinDescription } from './pin-roles.js';

/**
 * Parts whose digital I/Os accept more than their supply, by family, for the level rules: an input
 * held above the part's supply is judged against the family's tolerant ceiling instead. Add a
 * family only with its data sheet at hand; analog-capable pins are never tolerant here.
 */
interface TolerantFamily {
  match: RegExp;
  /** Highest input voltage of a tolerant pin, in volts. */
  maxVolts: number;
  /** Pins taken as analog-capable (not tolerant), beside any pin described as ADC or analog. */
  analogPins: RegExp;
  source: string;
}

const TOLERANT_FAMILIES: readonly TolerantFamily[] = [
  {
    match: /\bstm32f10[0-9]/,
    maxVolts: 5.5,
    analogPins: /^P(?:A[0-7]|B[01]|C[0-5])$/i,
    source:
      'ST STM32F103x8/xB data sheet, Features: "up to 80 fast I/O ports, all 5 V-tolerant except for analog inputs"; STM32F101/F103 I/O static characteristics: FT input high level up to 5.5 V',
  },
];

/** The ceiling a pin tolerates above its supply, with its source, when its family's data sheet gives one. */
export function tolerantCeiling(pin: NlPin): { volts: number; source: string } | null {
  const c = pin.comp;
  const text = [c.part?.mpn ?? '', c.part?.name ?? '', c.component.mpn ?? '', c.component.type].join(' ').toLowerCase();
  const fam = TOLERANT_FAMILIES.find((f) => f.match.test(text));
  if (!fam) return null;
  if (fam.analogPins.test(pin.name) || /\badc|analog|\bain\d/i.test(pinDescription(pin))) return null;
  return { volts: fam.maxVolts, source: fam.source };
}
