import type { Design } from '../model/design.js';

/**
 * The power tree of a synthesized board as a design of its own: the parts of its power blocks
 * (sources, regulators, charger, the output header) and the nets among them. Nets left with fewer
 * than two pins (USB data lines whose far end was the MCU) are dropped rather than left dangling.
 */
const POWER_BLOCKS: readonly string[] = ['power-input', 'usb-c-sink', 'battery', 'ldo', 'buck', 'charger', 'power-output'];

export function powerOnly(design: Design): Design {
  const keep = Object.fromEntries(Object.entries(design.components).filter(([, c]) => POWER_BLOCKS.includes(String(c.properties['synth_block'] ?? ''))));
  const nets: Design['nets'] = {};
  for (const [id, n] of Object.entries(design.nets)) {
    const nodes = n.nodes.filter((x) => Object.hasOwn(keep, x.component));
    if (nodes.length >= 2) nets[id] = { ...n, nodes };
  }
  return {
    ...design,
    meta: { ...design.meta, description: `Power tree only. ${design.meta.description}`, tags: [...design.meta.tags, 'power-tree'] },
    components: keep,
    nets,
  };
}
