import { PIN_TYPES, type PinType } from '../model/design.js';

/**
 * ZapTrace pin types (schemas/design-v1.json `PinType`: power, input, output, bidirectional,
 * passive, no_connect) onto ours, which follow KiCad's electrical types and split `power` into
 * `power_in` (a pin that consumes a supply, ground included) and `power_out` (a pin that drives a
 * supply rail). ZapTrace marks regulator outputs `output`; ERC needs them as `power_out` or every
 * rail fed by a regulator would look undriven.
 */

/** Regulator / converter / charger outputs that drive a rail (ZapTrace names seen in the corpus). */
const SUPPLY_OUTPUT_PIN = /^(OUT|OUTPUT|VOUT[0-9]?|VO|SW[0-9]?|LX[0-9]?|BAT|VBAT)$/i;

/**
 * Parts of the `power` category that are not supplies: their "VOUT" is a signal (an amplifier's
 * output, a supervisor's reset, a monitor's alert, a gate drive, a motor phase). Matched against name + description.
 */
const NOT_A_SUPPLY = /\b(amp|amplifier|gate driver|translator|supervisor|monitor|push-button|motor|stepper|h-bridge|half-bridge)\b/i;

export interface PinTypeMapping {
  type: PinType;
  /** Set when the source type was not a ZapTrace type (reported by the importer). */
  note: string | null;
}

export function mapPinType(
  sourceType: unknown,
  pinName: string,
  part: { category: string; name: string; description: string },
): PinTypeMapping {
  const t = typeof sourceType === 'string' ? sourceType.trim().toLowerCase() : '';
  const drivesRail = part.category === 'power' && SUPPLY_OUTPUT_PIN.test(pinName) && !NOT_A_SUPPLY.test(`${part.name} ${part.description}`);
  switch (t) {
    case 'power':
      return { type: drivesRail ? 'power_out' : 'power_in', note: null };
    case 'output':
      return { type: drivesRail ? 'power_out' : 'output', note: null };
    case 'input':
    case 'bidirectional':
    case 'passive':
    case 'no_connect':
      return { type: t, note: null };
    case 'rf':
      // An antenna feed neither drives nor receives a logic level; KiCad symbols mark it passive.
      return { type: 'passive', note: `pin ${pinName}: type 'rf' is not a ZapTrace pin type, read as passive` };
    default:
      if ((PIN_TYPES as readonly string[]).includes(t)) return { type: t as PinType, note: null };
      return {
        type: 'unspecified',
        note: `pin ${pinName}: ${t === '' ? 'missing type' : `unknown type '${t.slice(0, 40)}'`}, read as unspecified`,
      };
  }
}
