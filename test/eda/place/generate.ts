import { seededRng } from '../../../src/kernel/rng.js';
import { localNets } from '../../../src/eda/place/generate.js';
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
  const nets = localNets(padsOf, rng);
  const fill = opts.fill ?? 0.35;
  const side = Math.sqrt(area / fill);
  return makeDesign({
    meta: { name: `gen-${n}-${seed}` },
    board: { width_mm: Math.ceil(side * 1.25), height_mm: Math.ceil(side / 1.25) + 2, layers: 2 },
    components,
    nets,
  });
}
