import type { Design } from '../../model/design.js';

/**
 * KiCad numbers nets in the board file (`(net 0 "")` is "no net") and identifies them by name.
 * Our nets are keyed by id and two ids may share a display name; such names get a `#<id>` suffix
 * so KiCad never merges two of our nets into one.
 */
export interface KicadNet {
  number: number;
  name: string;
}

export function kicadNets(design: Design): Map<string, KicadNet> {
  const ids = Object.keys(design.nets).sort();
  const nameCount = new Map<string, number>();
  for (const id of ids) {
    const n = design.nets[id]!.name;
    nameCount.set(n, (nameCount.get(n) ?? 0) + 1);
  }
  const out = new Map<string, KicadNet>();
  ids.forEach((id, i) => {
    const n = design.nets[id]!.name;
    out.set(id, { number: i + 1, name: (nameCount.get(n) ?? 0) > 1 ? `${n}#${id}` : n });
  });
  return out;
}
