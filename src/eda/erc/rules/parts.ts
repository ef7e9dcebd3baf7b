import type { ErcRule, RuleHit } from '../types.js';
import type { Netlist } from '../netlist.js';
import { hit, list } from './hit.js';

/**
 * Per-part rules: every part needs a footprint that exists (else it cannot be placed or built), and
 * pin types the checks can use. ZapTrace ERC020.
 */

function effectiveFootprint(c: Netlist['components'][number]): { name: string; from: 'design' | 'library' } | null {
  if (c.component.footprint) return { name: c.component.footprint, from: 'design' };
  if (c.part?.footprint) return { name: c.part.footprint, from: 'library' };
  return null;
}

function missingFootprints(nl: Netlist): RuleHit[] {
  return nl.components
    .filter((c) => effectiveFootprint(c) === null)
    .map((c) => hit(`${c.ref} (${c.component.type}) has no footprint, and no library part gives one: it cannot be placed or manufactured.`, `Assign a footprint to ${c.ref}, or resolve it to a library part.`, { components: [c] }));
}

function unavailableFootprints(nl: Netlist): RuleHit[] {
  const exists = nl.footprintExists;
  if (!exists) return [];
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    const fp = effectiveFootprint(c);
    if (!fp || exists(fp.name)) continue;
    const libFp = c.part?.footprint;
    const alt = fp.from === 'design' && libFp && libFp !== fp.name && exists(libFp) ? libFp : null;
    hits.push(
      hit(`Footprint "${fp.name}" of ${c.ref} (from the ${fp.from}) is unavailable: no footprint of that name can be resolved or generated.`, alt ? `Use the library part's footprint "${alt}" for ${c.ref}, which resolves.` : `Use an available footprint name for ${c.ref} (search the footprint library).`, {
        components: [c],
      }),
    );
  }
  return hits;
}

function unknownPinTypes(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp) continue;
    const pins = [...c.pins.values()].filter((p) => p.type === 'unspecified' && p.nets.length > 0);
    if (pins.length === 0) continue;
    hits.push(
      hit(
        `${c.ref} has pins of unknown type (${list(pins.map((p) => p.name))}) ${c.part ? 'that its library part does not type either' : 'and no library part'}: pin-conflict and driver checks cannot judge them.`,
        `Give the pins of ${c.ref} types, or resolve it to a library part.`,
        { components: [c], pins },
      ),
    );
  }
  return hits;
}

export const PART_RULES: readonly ErcRule[] = [
  { id: 'footprint.missing', severity: 'error', category: 'footprint', title: 'Component without footprint', description: 'Checks that every component has a footprint, its own or its library part’s.', zaptrace: ['ERC020'], check: missingFootprints },
  { id: 'footprint.unavailable', severity: 'error', category: 'footprint', title: 'Footprint unavailable', description: 'Checks that every component’s footprint name resolves in the footprint library.', zaptrace: ['ERC020'], check: unavailableFootprints },
  { id: 'pin.type-unknown', severity: 'info', category: 'connectivity', title: 'Pin type unknown', description: 'Lists connected pins whose type neither the design nor the library gives, which the pin-type checks cannot judge.', zaptrace: [], check: unknownPinTypes },
];
