import type { PinType } from '../../model/design.js';
import type { ErcRule, ErcSeverity, RuleHit } from '../types.js';
import { livePins, type NlPin, type Netlist } from '../netlist.js';
import { powerSources } from '../power.js';
import { hit, list } from './hit.js';

/**
 * Pin-to-pin conflicts, in the manner of KiCad's ERC pin-conflict matrix (KiCad Schematic Editor
 * manual, "Electrical Rules Check": push-pull outputs and power outputs may not share a net; open
 * collector/emitter pins may not fight a push-pull output; a tri-state pin on a push-pull output is a
 * warning). Each conflict class is its own rule so each has a stable id and one severity.
 */
interface Conflict {
  id: string;
  severity: ErcSeverity;
  title: string;
  description: string;
  a: readonly PinType[];
  b: readonly PinType[];
  why: string;
  suggestion: string;
}

const CONFLICTS: readonly Conflict[] = [
  {
    id: 'pin-conflict.output-output',
    severity: 'error',
    title: 'Two outputs on one net',
    description: 'Checks that no net joins two push-pull output pins.',
    a: ['output'],
    b: ['output'],
    why: 'push-pull outputs driving opposite levels short the supply through both drivers',
    suggestion: 'Keep one driver per net: separate the nets, or make one pin an input.',
  },
  {
    id: 'pin-conflict.output-power-out',
    severity: 'error',
    title: 'Output pin on a power output',
    description: 'Checks that no net joins an output or tri-state pin to a power-output pin.',
    a: ['output', 'tristate'],
    b: ['power_out'],
    why: 'a logic output fights the rail that the power output holds',
    suggestion: 'Move the output pin off the supply rail, or check the pin types.',
  },
  {
    id: 'pin-conflict.power-out-power-out',
    severity: 'error',
    title: 'Two power outputs on one net',
    description: 'Checks that no net joins two power-output pins (two supplies back-feeding each other).',
    a: ['power_out'],
    b: ['power_out'],
    why: 'two supplies tied together back-feed each other',
    suggestion: 'Give each supply its own rail, or combine them through an OR-ing diode or a power mux.',
  },
  {
    id: 'pin-conflict.open-drain-output',
    severity: 'error',
    title: 'Open collector/emitter on a push-pull output',
    description: 'Checks that no net joins an open-collector or open-emitter pin to an output or power-output pin.',
    a: ['open_collector', 'open_emitter'],
    b: ['output', 'power_out'],
    why: 'a push-pull driver defeats the wired-AND/OR bus and can be shorted by the open-drain transistor',
    suggestion: 'Drive an open-collector net only with open-collector pins and a pull-up resistor.',
  },
  {
    id: 'pin-conflict.tristate-output',
    severity: 'warning',
    title: 'Tri-state pin on a push-pull output',
    description: 'Checks for nets that join a tri-state pin to a push-pull output pin.',
    a: ['tristate'],
    b: ['output'],
    why: 'a push-pull output contends with the tri-state driver whenever it is enabled',
    suggestion: 'Make sure the tri-state driver is never enabled while the output drives, or separate the nets.',
  },
  {
    id: 'pin-conflict.bidirectional-power-out',
    severity: 'warning',
    title: 'Bidirectional pin on a power output',
    description: 'Checks for nets that join a bidirectional pin to a power-output pin.',
    a: ['bidirectional'],
    b: ['power_out'],
    why: 'an I/O pin that drives low shorts the rail',
    suggestion: 'Connect the I/O pin to the rail through a resistor, or check the pin types.',
  },
];

function typeList(pins: NlPin[]): string {
  return list(pins.map((p) => `${p.key} (${p.type}${p.typeSource === 'library' ? ', from library' : ''})`));
}

function checkConflict(c: Conflict, nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const net of nl.nets) {
    const pins = livePins(net);
    const as = pins.filter((p) => c.a.includes(p.type));
    const bs = pins.filter((p) => c.b.includes(p.type));
    const same = c.a.length === c.b.length && c.a.every((t) => c.b.includes(t));
    const involved = same ? as : [...as, ...bs];
    const conflict = same ? as.length >= 2 : as.length > 0 && bs.length > 0;
    if (!conflict) continue;
    hits.push(
      hit(`Net ${net.name} joins ${typeList(involved)}: ${c.why}.`, c.suggestion, {
        components: involved.map((p) => p.comp),
        nets: [net],
        pins: involved,
      }),
    );
  }
  return hits;
}

export const PIN_CONFLICT_RULES: readonly ErcRule[] = CONFLICTS.map((c) => ({
  id: c.id,
  severity: c.severity,
  category: 'pin-conflict',
  title: c.title,
  description: c.description,
  zaptrace: [],
  check: (nl: Netlist) => checkConflict(c, nl),
}));

/** Pin types that can set a net's level (KiCad counts passive and unspecified pins as possible drivers). */
const DRIVERS: readonly PinType[] = ['output', 'power_out', 'bidirectional', 'tristate', 'passive', 'open_collector', 'open_emitter', 'unspecified'];

function undrivenInputs(nl: Netlist): RuleHit[] {
  const sources = powerSources(nl);
  const hits: RuleHit[] = [];
  for (const net of nl.nets) {
    if (net.ground || sources.has(net)) continue;
    const pins = livePins(net);
    const inputs = pins.filter((p) => p.type === 'input');
    // A lone pin is net.single-node's finding; this rule is about several inputs with no driver.
    if (inputs.length === 0 || net.pins.length < 2) continue;
    if (pins.some((p) => DRIVERS.includes(p.type) || p.comp.role === 'connector')) continue;
    hits.push(
      hit(
        `Net ${net.name} has input pins ${list(inputs.map((p) => p.key))} and nothing that drives it: the inputs float.`,
        'Drive the net from an output, or tie the inputs to a rail or through a pull-up/pull-down resistor.',
        { components: inputs.map((p) => p.comp), nets: [net], pins: inputs },
      ),
    );
  }
  return hits;
}

export const UNDRIVEN_INPUT_RULE: ErcRule = {
  id: 'net.undriven-input',
  severity: 'warning',
  category: 'connectivity',
  title: 'Input pins with no driver',
  description: 'Checks that every net with input pins also has a pin that can drive it (output, bidirectional, passive, connector or a rail).',
  zaptrace: ['ERC002'],
  check: undrivenInputs,
};

