import type { BoardPad } from './types.js';

/**
 * Stacked lands: some footprints draw two contacts on one land (USB-C 16P: A1/B12, A4/B9, B4/A9,
 * B1/A12) as two pads with identical copper. They are one piece of copper, so every pad of a
 * stack gets `land` = the number of its first pad (DRC and the KiCad writer treat the stack as
 * one logical pad, as KiCad treats pads sharing a number), and when exactly one net reaches the
 * stack every pad carries it. Two nets on one stack are left as they are: DRC reports the short.
 */
export function markStackedLands(pads: BoardPad[]): void {
  const key = (p: BoardPad) =>
    [p.kind, p.shape, p.center[0].toFixed(6), p.center[1].toFixed(6), p.size[0].toFixed(6), p.size[1].toFixed(6), (((p.rotationDeg % 180) + 180) % 180).toFixed(3), p.layers.join('+')].join('|');
  const groups = new Map<string, BoardPad[]>();
  for (const p of pads) {
    if (p.kind === 'np_thru_hole') continue;
    const k = key(p);
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  for (const group of groups.values()) {
    if (group.length < 2 || new Set(group.map((p) => p.padNumber)).size < 2) continue;
    const nets = [...new Set(group.map((p) => p.net).filter((n): n is string => n !== null))];
    if (nets.length > 1) continue;
    for (const p of group) {
      p.land = group[0]!.padNumber;
      if (nets.length === 1) p.net = nets[0]!;
    }
  }
}
