/**
 * Seeded pseudo-random numbers (mulberry32). Used by placers and routers so a given seed always
 * gives the same result; the event records that seed, never the generator's state.
 */
export interface Rng {
  next(): number;
  int(maxExclusive: number): number;
}

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (maxExclusive) => Math.floor(next() * maxExclusive) };
}
