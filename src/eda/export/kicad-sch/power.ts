import type { PinType } from '../../model/design.js';
import type { Netlist, NlNet, NlPin } from '../../erc/netlist.js';
import { powerSources } from '../../erc/power.js';

/**
 * How the schematic satisfies KiCad's "power input pin not driven" rule (`power_pin_not_driven`,
 * an error by default: every net with a power_in pin needs a power_out pin) without hiding real
 * problems. We follow our own ERC's judgement of which nets are supplied (src/eda/erc/power.ts:
 * power_out pins, output pins, connector power pins, batteries, rails through series parts,
 * ground by convention):
 *
 * - a supplied net with power inputs and no power_out pin gets a PWR_FLAG symbol (a power output)
 *   when nothing on it would clash with a power output in KiCad's pin-to-pin matrix (output,
 *   tri-state, open collector/emitter are errors against power_out);
 * - when such a clash exists, the output pins our ERC names as the net's source are written as
 *   power_out instead (a regulator output typed `output` is the net's supply);
 * - a ground net is supplied by convention in our ERC (the return of every supply), so it always
 *   gets its PWR_FLAG; a pin that would clash with it there (an output strapped to ground, like
 *   the LIS3DH's SDO/SA0 address select, ST LIS3DH data sheet, I2C section) is a strap, not a
 *   driver, and is written as passive. Ground has no output that could be promoted instead;
 * - an unsupplied net gets neither, so KiCad reports it just as our ERC does.
 */
export interface PowerPlan {
  /** Nets (by id) that get a PWR_FLAG, in netlist order. */
  flaggedNets: string[];
  /** "componentId\u0000pinName" → the type written instead of the design's. */
  promoted: Map<string, PinType>;
}

const CLASHES_WITH_POWER_OUT: readonly PinType[] = ['output', 'tristate', 'open_collector', 'open_emitter', 'power_out', 'no_connect'];

/** Driving pin types that, tied to ground, can only be straps (no_connect stays: KiCad flags it). */
const STRAP_ON_GROUND: readonly PinType[] = ['output', 'tristate', 'open_collector', 'open_emitter'];

export const pinKey = (componentId: string, pinName: string): string => `${componentId}\u0000${pinName}`;

export function planPower(nl: Netlist): PowerPlan {
  const sources = powerSources(nl);
  const flaggedNets: string[] = [];
  const promoted = new Map<string, PinType>();
  for (const net of nl.nets) {
    // KiCad counts DNP symbols as connected, so look at every pin, not only populated ones.
    const pins: NlPin[] = net.pins;
    if (!pins.some((p) => p.type === 'power_in') || pins.some((p) => p.type === 'power_out')) continue;
    if (net.ground) {
      flaggedNets.push(net.id);
      for (const p of pins) if (STRAP_ON_GROUND.includes(p.type)) promoted.set(pinKey(p.comp.id, p.name), 'passive');
      continue;
    }
    const found = sources.get(net);
    if (!found || found.length === 0) continue;
    if (!pins.some((p) => CLASHES_WITH_POWER_OUT.includes(p.type))) {
      flaggedNets.push(net.id);
      continue;
    }
    for (const p of outputSources(net, found.map((s) => s.what))) promoted.set(pinKey(p.comp.id, p.name), 'power_out');
  }
  return { flaggedNets, promoted };
}

function outputSources(net: NlNet, what: string[]): NlPin[] {
  return net.pins.filter((p) => p.type === 'output' && what.includes(p.key));
}
