import { seededRng, type Rng } from '../../kernel/rng.js';
import { Design } from '../model/design.js';
import type { FootprintResolver } from '../board/index.js';

/**
 * Generated layout boards (a series of 10 to 200 components, docs/reports/layout-corpus.md): n parts
 * drawn from shipped library footprints, nets of 2–4 pins among parts whose indexes are close (so a
 * short-wire placement exists), and a board sized for the parts' courtyards at a given fill ratio.
 * Deterministic for (n, seed). Pins are named by pad number, so pin→pad mapping is exact.
 * Same idea as the placement tests' generator, but on real footprints so the whole layout chain
 * (place → route → DRC → .kicad_pcb → kicad-cli) runs on copper that fabs would see.
 */

/** Library packages drawn from (chips weighted 3:1, as on real boards). */
export const GENERATED_PACKAGES = ['0603', '0603', '0603', '0805', 'SOIC-8', 'SOT-23-3', 'PinHeader_1x04_P2.54mm'] as const;

export interface GenerateOptions {
  /** Courtyard area / board area, default 0.3. */
  fill?: number;
  packages?: readonly string[];
}

export function generateLayoutDesign(n: number, seed: number, resolve: FootprintResolver, opts: GenerateOptions = {}): Design {
  const rng = seededRng(seed);
  const kinds = opts.packages ?? GENERATED_PACKAGES;
  const components: Record<string, unknown> = {};
  const padsOf: string[][] = [];
  let area = 0;
  for (let i = 0; i < n; i++) {
    const fpName = kinds[rng.int(kinds.length)]!;
    const fp = resolve(fpName);
    if (!fp) throw new Error(`generator footprint ${fpName} is not in the library`);
    const id = `c${i}`;
    const numbers = [...new Set(fp.pads.filter((p) => p.kind !== 'np_thru_hole' && p.number !== '').map((p) => p.number))];
    const pins: Record<string, unknown> = {};
    for (const num of numbers) pins[num] = { name: num, type: 'passive', number: num };
    components[id] = { id, ref: `U${i + 1}`, type: 'part', footprint: fpName, pins };
    padsOf.push(numbers);
    const c = fp.courtyard;
    // courtyard plus the default clearance and routing channel (0.25 + 1 mm) around it
    area += (c[2] - c[0] + 1.25) * (c[3] - c[1] + 1.25);
  }
  const nets = localNets(padsOf, rng);
  const fill = opts.fill ?? 0.3;
  const side = Math.sqrt(area / fill);
  return Design.parse({
    meta: { name: `generated-${n}` },
    board: { width_mm: Math.ceil(side * 1.25), height_mm: Math.ceil(side / 1.25) + 2, layers: 2 },
    components,
    nets,
  });
}

/**
 * Nets of 2–4 pins among parts whose indexes are close (so a short-wire placement exists), at most
 * two nets started per part; each pin used once. Shared by the generated layout boards and the
 * placement tests' generator.
 */
export function localNets(padsOf: readonly string[][], rng: Rng): Record<string, { id: string; name: string; nodes: { component: string; pin: string }[] }> {
  const n = padsOf.length;
  const nets: Record<string, { id: string; name: string; nodes: { component: string; pin: string }[] }> = {};
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
  return nets;
}
