import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDesignText, parseCorpusCases } from '../src/eda/parse/index.js';
import { runErc } from '../src/eda/erc/index.js';
import { loadLibrary } from '../src/eda/library/index.js';
import { resolveFootprint } from '../src/eda/footprints/index.js';
import type { Design } from '../src/eda/model/design.js';

const DESIGNS = resolve(process.cwd(), '../shared/corpus/zaptrace/designs');

function corpus(): [string, Design][] {
  const files = ['esp32_i2c_sensor_node.yaml', 'analysis_fixture.yaml', ...readdirSync(join(DESIGNS, 'templates')).map((f) => `templates/${f}`)];
  const out: [string, Design][] = files.map((f) => [f, parseDesignText(readFileSync(join(DESIGNS, f), 'utf8')).design]);
  for (const c of parseCorpusCases(readFileSync(join(DESIGNS, 'correctness-placement-routing-corpus.yaml'), 'utf8'))) out.push([`case:${c.id}`, c.design]);
  return out;
}

/** ERC time per corpus design (median of 21 runs), with the library lookup and footprint check. */
export async function benchErc(): Promise<Record<string, number | string>> {
  const library = loadLibrary();
  const ctx = { lookupPart: library.lookup, footprintExists: (n: string) => resolveFootprint(n) !== undefined };
  const out: Record<string, number | string> = {};
  for (const [name, design] of corpus()) {
    const times: number[] = [];
    let findings = 0;
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now();
      findings = runErc(design, ctx).findings.length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    out[`erc_ms ${name} (${findings} findings)`] = Number(times[10]!.toFixed(3));
  }
  return out;
}
