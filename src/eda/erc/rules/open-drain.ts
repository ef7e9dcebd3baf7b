import type { ErcRule, RuleHit } from '../types.js';
import { bridges, livePins, otherNets, type NlNet, type Netlist } from '../netlist.js';
import { powerSources } from '../power.js';
import { isI2cNet } from './support-parts.js';
import { hit, list } from './hit.js';
import { COIL_LOAD } from './loads.js';

/**
 * An open-collector / open-drain output only pulls low: without a pull-up (or a load to a rail, such
 * as an LED and its resistor) the net floats high-impedance and its listeners read noise (TI SLVA485,
 * "Open-drain outputs need an external pull-up"). I2C nets have their own rule (i2c.pullup-missing).
 */
function openDrainPullups(nl: Netlist): RuleHit[] {
  const sources = powerSources(nl);
  const toRail = (n: NlNet) => !n.ground && (n.supply || sources.has(n));
  const hits: RuleHit[] = [];
  for (const net of nl.nets) {
    if (net.ground || net.supply || isI2cNet(net)) continue;
    const pins = livePins(net);
    const drains = pins.filter((p) => p.type === 'open_collector');
    if (drains.length === 0) continue;
    // A push-pull driver already defines the level (and is a pin conflict of its own).
    if (pins.some((p) => p.type === 'output' || p.type === 'power_out')) continue;
    if (bridges(net, 'resistor', toRail).length > 0) continue;
    // A load to a rail: an LED (with its resistor) or a resistor into an LED string sinks through the drain.
    const ledLoad = pins.some((p) => p.comp.role === 'led' || (p.comp.role === 'resistor' && otherNets(p.comp, net).some((o) => livePins(o).some((q) => q.comp.role === 'led'))));
    if (ledLoad) continue;
    // So does a coil to a rail (a relay or solenoid sunk by a Darlington array or a MOSFET driver).
    if (pins.some((p) => COIL_LOAD.test(p.comp.text) && otherNets(p.comp, net).some(toRail))) continue;
    const listeners = pins.filter((p) => p.type !== 'open_collector' && p.comp.role !== 'testpoint');
    if (listeners.length === 0) continue;
    hits.push(
      hit(
        `Open-drain/open-collector ${list(drains.map((p) => p.key))} on ${net.name} has no pull-up to a rail: the line only ever goes low and floats otherwise (read by ${list(listeners.map((p) => p.key))}).`,
        `Add a pull-up resistor (4.7k–100k) from ${net.name} to the supply of the parts that read it.`,
        { components: [...drains, ...listeners].map((p) => p.comp), nets: [net], pins: drains },
      ),
    );
  }
  return hits;
}

export const OPEN_DRAIN_RULES: readonly ErcRule[] = [
  {
    id: 'net.open-drain-pullup-missing',
    severity: 'warning',
    category: 'connectivity',
    title: 'Open-drain line without pull-up',
    description: 'Checks that every net driven by open-collector/open-drain pins (other than I2C) has a pull-up resistor to a rail or a load such as an LED.',
    zaptrace: [],
    check: openDrainPullups,
  },
];
