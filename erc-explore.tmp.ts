import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseDesignText, parseCorpusCases } from './src/eda/parse/index.js';
import { loadLibrary } from './src/eda/library/index.js';
import { resolveFootprint } from './src/eda/footprints/index.js';
import { runErc } from './src/eda/erc/index.js';
const root = '/work/shared/corpus/zaptrace/designs';
const lib = loadLibrary();
const files = ['analysis_fixture.yaml', 'esp32_i2c_sensor_node.yaml', ...readdirSync(path.join(root, 'templates')).map((f) => 'templates/' + f)];
const designs: [string, any][] = [];
for (const f of files) designs.push([f, parseDesignText(readFileSync(path.join(root, f), 'utf8')).design]);
for (const c of parseCorpusCases(readFileSync(path.join(root, 'correctness-placement-routing-corpus.yaml'), 'utf8'))) designs.push([c.id, c.design]);
for (const [name, d] of designs) {
  const r = runErc(d, { lookupPart: lib.lookup, footprintExists: (n) => resolveFootprint(n) !== undefined });
  console.log(`\n## ${name}: ${JSON.stringify(r.counts)}`);
  for (const f of r.findings) console.log(`  [${f.severity}] ${f.rule_id}: ${f.message}`);
}
