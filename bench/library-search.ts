/**
 * Library search latency (targets: p50 < 1 ms on the shipped 504 parts, < 20 ms on 100,000; docs/library.md).
 * Runs a fixed set of queries against the shipped library and against 100,000 parts generated
 * deterministically from it, and reports p50/p95 per library.
 *
 *   npx tsx bench/library-search.ts
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { seededRng } from '../src/kernel/rng.js';
import { createLibrary, loadLibrary, type Library } from '../src/eda/library/index.js';
import { formatValue, quantityOf, UNIT_OF } from '../src/eda/library/values.js';
import type { LibraryPart } from '../src/eda/model/part.js';

export const BENCH_QUERIES = [
  '100nF 0402',
  'ldo 3.3',
  'capacitr',
  '4k7',
  '0.1uF',
  '100 nF',
  'resistor 10k 0603',
  'bme280',
  'esp32',
  'usb-c',
  'SOT-23-5 ldo',
  'buck converter',
  'temperature sensor i2c',
  '32.768kHz crystal',
  'ferrite 600R',
  'led 0805',
  'regulatr 5v',
  'n-channel mosfet',
  'spi flash',
  '12mhz',
];

const E12 = [1, 1.2, 1.5, 1.8, 2.2, 2.7, 3.3, 3.9, 4.7, 5.6, 6.8, 8.2];
const CHIP_SIZES = ['0201', '0402', '0603', '0805', '1206', '1210'];

/**
 * `count` parts derived from the real ones: passives get an E12 value and a chip size, other parts
 * another package seen in the library; ids, mpns and names get a serial so every part is distinct.
 */
export function generateParts(real: readonly LibraryPart[], count: number, seed = 20260720): LibraryPart[] {
  const rng = seededRng(seed);
  const packages = [...new Set(real.map((p) => p.package).filter((p) => p.length > 0))].sort();
  const out: LibraryPart[] = [];
  for (let i = 0; i < count; i++) {
    const base = real[rng.int(real.length)]!;
    const serial = `g${i.toString(36)}`;
    const quantity = quantityOf(base);
    if (quantity !== null && base.value_si !== null && quantity !== 'frequency') {
      const decade = quantity === 'capacitance' ? 10 ** -(6 + rng.int(6)) : quantity === 'inductance' ? 10 ** -(4 + rng.int(4)) : 10 ** rng.int(6);
      const value = Number((E12[rng.int(E12.length)]! * decade).toPrecision(6));
      const pkg = CHIP_SIZES[rng.int(CHIP_SIZES.length)]!;
      const text = formatValue(value, UNIT_OF[quantity]).replace(' ', '');
      const kind = quantity === 'capacitance' ? 'capacitor' : quantity === 'inductance' ? 'inductor' : quantity === 'impedance' ? 'ferrite bead' : 'resistor';
      out.push({
        ...base,
        id: `${base.id.split('-')[0] ?? 'part'}-${pkg}-${text.toLowerCase()}-${serial}`,
        mpn: `${base.mpn.split('-')[0] ?? 'PART'}-${pkg}-${text}-${serial.toUpperCase()}`,
        name: `${base.name.split(' ')[0] ?? 'Part'} ${pkg} ${text}`,
        description: `SMD ${kind} ${text} ${pkg}`,
        package: pkg,
        footprint: pkg,
        value_si: value,
        value_text: text,
      });
    } else {
      const pkg = rng.next() < 0.5 ? base.package : packages[rng.int(packages.length)]!;
      out.push({ ...base, id: `${base.id}-${serial}`, mpn: `${base.mpn}-${serial.toUpperCase()}`, name: `${base.name} ${serial}`, package: pkg, footprint: pkg });
    }
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function measure(lib: Library, rounds: number): { p50: number; p95: number; max: number } {
  for (const q of BENCH_QUERIES) lib.search(q); // warm-up
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of BENCH_QUERIES) {
      const t = performance.now();
      lib.search(q);
      samples.push(performance.now() - t);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1] ?? NaN };
}

const ms = (v: number): number => Number(v.toFixed(3));

export async function benchLibrarySearch(): Promise<Record<string, number | string>> {
  let t = performance.now();
  const shipped = loadLibrary();
  const loadMs = performance.now() - t;
  const small = measure(shipped, 50);

  const generated = generateParts(shipped.all(), 100_000);
  t = performance.now();
  const big = createLibrary(generated);
  const buildMs = performance.now() - t;
  const large = measure(big, 5);

  return {
    queries: BENCH_QUERIES.length,
    shipped_parts: shipped.size,
    shipped_load_ms: ms(loadMs),
    shipped_p50_ms: ms(small.p50),
    shipped_p95_ms: ms(small.p95),
    shipped_max_ms: ms(small.max),
    generated_parts: big.size,
    generated_build_ms: ms(buildMs),
    generated_p50_ms: ms(large.p50),
    generated_p95_ms: ms(large.p95),
    generated_max_ms: ms(large.max),
    goal: 'p50 < 1 ms (shipped), < 20 ms (100k)',
  };
}

async function main(): Promise<void> {
  const result = await benchLibrarySearch();
  const width = Math.max(...Object.keys(result).map((k) => k.length));
  for (const [k, v] of Object.entries(result)) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exitCode = 1;
  });
}
