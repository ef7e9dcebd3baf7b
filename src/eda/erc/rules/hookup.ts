import type { ErcRule, RuleHit } from '../types.js';
import { isGroundName } from '../classify.js';
import { livePins, netsOf, type NlComponent, type NlNet, type NlPin, type Netlist } from '../netlist.js';
import { pinDescription } from '../pin-roles.js';
import { netVolts } from '../levels.js';
import { hit } from './hit.js';

/**
 * Hook-up rules for the pins every IC needs wired a certain way: its ground return on ground, its
 * enable input held at a level.
 */

/** A ground return by name (GND, AGND, PGND, GND_2) or by the pin's description ("Ground"). VSS is left out: on split supplies it is a negative rail. */
function isGroundPin(p: NlPin): boolean {
  return /^(?:[ADP]?GND\d*|GND[_-]?\w*|[ADP]GND[_-]?\w*)$/i.test(p.name) || /^(?:power )?ground\b/i.test(pinDescription(p));
}

/** Parts through which a ground net reaches another net on purpose: ties, links, ferrites, switches, sense resistors. */
function reachesGround(net: NlNet): boolean {
  for (const p of livePins(net)) {
    const c = p.comp;
    if (['resistor', 'inductor', 'fuse', 'transistor', 'switch', 'connector', 'diode'].includes(c.role) || /net ?tie/.test(c.text)) {
      if (netsOf(c).some((n) => n !== net && n.ground)) return true;
      if (c.role === 'transistor' || c.role === 'connector' || c.role === 'switch') return true;
    }
    // Another part's pin that drives the net (a low-side switch, a ground-referenced output).
    if (p.type === 'power_out' || p.type === 'output' || p.type === 'open_collector') return true;
  }
  return false;
}

function groundPins(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || !['ic', 'oscillator', 'regulator'].includes(c.role)) continue;
    for (const pin of c.pins.values()) {
      if (!isGroundPin(pin) || pin.nets.length === 0 || pin.nets.some((n) => n.ground)) continue;
      for (const net of pin.nets) {
        if (isGroundName(net.name)) continue;
        const v = netVolts(nl, net);
        let why: string | null = null;
        if ((v !== null && v > 0) || net.supply) why = `a supply rail${v !== null ? ` at ${Number(v.toFixed(2))} V` : ''}: the part is unpowered and the rail is shorted through it`;
        else if (!reachesGround(net)) why = 'a net with no connection to ground (only capacitors or other pins): the part floats';
        if (!why) continue;
        hits.push(
          hit(`${pin.key} (ground return of ${c.ref}) is on ${net.name}, ${why}.`, `Connect ${pin.key} to the board ground (GND).`, { components: [c], nets: [net], pins: [pin] }),
        );
      }
    }
  }
  return hits;
}

/** Enable, chip-enable and shutdown inputs: EN, ENA, ENABLE, CE, ON, SHDN and their active-low spellings. */
const ENABLE_PIN = /^(?:~|N|X)?(?:EN\d?|ENA|ENABLE|CE|ON|SHDN|SD|ON_?OFF|STBY)(?:_?N|B|#)?$/i;
/** What can hold an enable input at a level: a driver pin, a pull resistor, a rail, a switch, a connector. */
function holdsLevel(pin: NlPin, self: NlComponent): boolean {
  const c = pin.comp;
  if (c === self) return false;
  if (['resistor', 'connector', 'switch', 'transistor', 'diode', 'inductor', 'testpoint'].includes(c.role)) return true;
  return ['output', 'power_out', 'bidirectional', 'tristate', 'open_collector', 'open_emitter', 'unspecified'].includes(pin.type);
}

function enableFloating(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || !['ic', 'regulator'].includes(c.role)) continue;
    for (const pin of c.pins.values()) {
      if (!ENABLE_PIN.test(pin.name) || pin.type !== 'input' || pin.nets.length === 0) continue;
      // The data sheet's internal pull-up or pull-down holds the pin when nothing else does.
      if (/pull(?:ed)?[- ]?(?:up|down)|internal/i.test(pinDescription(pin))) continue;
      const net = pin.nets[0]!;
      if (net.ground || net.supply || netVolts(nl, net) !== null) continue;
      if (livePins(net).some((p) => holdsLevel(p, c))) continue;
      const others = livePins(net).filter((p) => p.comp !== c);
      // Alone on its net: net.single-node already says so.
      if (others.length === 0) continue;
      hits.push(
        hit(
          `${pin.key} (enable) is on ${net.name} with only ${others.map((p) => p.key).join(', ')}: nothing drives it or pulls it to a level, so ${c.ref} may stay off or switch at random.`,
          `Tie ${pin.key} to its supply (or ground) through a resistor, or connect the controller pin meant to drive it.`,
          { components: [c], nets: [net], pins: [pin] },
        ),
      );
    }
  }
  return hits;
}

export const HOOKUP_RULES: readonly ErcRule[] = [
  {
    id: 'power.ground-pin-not-grounded',
    severity: 'error',
    category: 'power',
    title: 'IC ground pin not on ground',
    description: 'Checks that every ground pin (GND, AGND, PGND, or described as ground) of an IC or regulator is on a ground net, not on a supply rail or a net with no path to ground.',
    zaptrace: ['ERC001'],
    check: groundPins,
  },
  {
    id: 'pin.enable-floating',
    severity: 'warning',
    category: 'connectivity',
    title: 'Enable input left floating',
    description: 'Checks that every enable/shutdown input (EN, CE, SHDN, ON…) of an IC or regulator that sits on a net is driven, pulled by a resistor or tied to a rail, unless its description gives an internal pull.',
    zaptrace: [],
    check: enableFloating,
  },
];
