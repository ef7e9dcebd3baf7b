import { seededRng } from '../../../src/kernel/rng.js';
import type { Design } from '../../../src/eda/model/design.js';
import { makeDesign, TEST_FOOTPRINTS } from '../board/test-footprints.js';

/**
 * Generated test boards: n parts drawn from the test footprints, nets of 2–4 pins chosen among
 * nearby part indexes (so a good placement exists), a board sized for the parts with room to route.
 */
export function generateDesign(n: number, seed: number, opts: { fill?: number; withTht?: boolean } = {}): Design {
  const rng = seededRng(seed);
  const kinds = opts.withTht === false ? ['0603', '0603', '0603', 'SOIC-8', 'QFN-32'] : ['0603', '0603', '0603', 'SOIC-8', 'QFN-32', 'PinHeader_1x04'];
  const components: Record<string, unknown> = {};
  const padsOf: string[][] = [];
  let area = 0;
  for (let i = 0; i < n; i++) {
    const fpName = kinds[rng.int(kinds.length)]!;
    const fp = TEST_FOOTPRINTS[fpName]!;
    const id = `c${i}`;
    const pins: Record<string, unknown> = {};
    const numbers = [...new Set(fp.pads.map((p) => p.number))];
    for (const num of numbers) pins[`P${num}`] = { name: `P${num}`, type: 'passive', number: num };
    components[id] = { id, ref: `U${i + 1}`, type: 'part', footprint: fpName, pins };
    padsOf.push(numbers.map((num) => `P${num}`));
    const c = fp.courtyard;
    area += (c[2] - c[0] + 1.25) * (c[3] - c[1] + 1.25);
  }
  const nets: Record<string, unknown> = {};
  const used = new Set<string>();
  let netNo = 0;
  for (let i = 0; i < n; i++) {
    const pins = padsOf[i]!;
    const count = Math.min(pins.length, 2);
    for (let k = 0; k < count; k++) {
      const size = 2 + rng.int(3);
      const nodes: { component: string; pin: string }[] = [];
      for (let t = 0; t < size; t++) {
        const j = t === 0 ? i : Math.min(n - 1, Math.max(0, i + rng.int(9) - 4));
        const jp = padsOf[j]!;
        const pin = jp[rng.int(jp.length)]!;
        const key = `c${j}.${pin}`;
        if (used.has(key)) continue;
        used.add(key);
        nodes.push({ component: `c${j}`, pin });
      }
      if (nodes.length < 2) continue;
      const id = `n${netNo++}`;
      nets[id] = { id, name: id.toUpperCase(), nodes };
    }
  }
  const fill = opts.fill ?? 0.35;
  const side = Math.sqrt(area / fill);
  return makeDesign({
    meta: { name: `gen-${n}-${seed}` },
    board: { width_mm: Math.ceil(side * 1.25), height_mm: Math.ceil(side / 1.25) + 2, layers: 2 },
    components,
    nets,
  });
}
