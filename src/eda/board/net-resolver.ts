import type { Design } from '../model/design.js';

/**
 * Tracks and vias name their net by id (the map key); a design written by hand may use the net's
 * name instead. Returns a lookup giving the net id, or null when neither matches. It belongs to the
 * board model because the checker (DRC) and every exporter must agree on which net a track carries.
 * When two nets share a name, the first id in sorted order wins, so the answer is deterministic.
 */
export function netResolver(design: Design): (key: string) => string | null {
  const byName = new Map<string, string>();
  for (const id of Object.keys(design.nets).sort()) {
    const name = design.nets[id]!.name;
    if (!byName.has(name)) byName.set(name, id);
  }
  return (key) => (Object.hasOwn(design.nets, key) ? key : (byName.get(key) ?? null));
}
