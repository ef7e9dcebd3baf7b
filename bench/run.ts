/**
 * `npm run bench`: figures and ratios, printed, never asserted. Each section is a module exporting
 * `bench*(): Promise<Record<string, number | string>>`; missing sections are skipped with a note.
 */
import { benchSpine } from './spine.js';

type Section = [string, () => Promise<Record<string, number | string>>];

async function optional(path: string, fn: string): Promise<(() => Promise<Record<string, number | string>>) | null> {
  try {
    const mod = (await import(path)) as Record<string, () => Promise<Record<string, number | string>>>;
    return mod[fn] ?? null;
  } catch (err) {
    console.error(`(skipping ${path}: ${(err as Error).message.split('\n')[0]})`);
    return null;
  }
}

const sections: Section[] = [['runtime spine', benchSpine]];
for (const [name, path, fn] of [
  ['library search', './library-search.js', 'benchLibrarySearch'],
  ['ERC', './erc.js', 'benchErc'],
  ['layout', './layout.js', 'benchLayout'],
  ['layout scaling', './layout-scaling.js', 'benchLayoutScaling'],
  ['layout: placement constraints', './placement-constraints.js', 'benchPlacementConstraints'],
  ['DRC', './drc.js', 'benchDrc'],
  ['exports', './exports.js', 'benchExports'],
  ['responsiveness', './responsive.js', 'benchResponsive'],
  ['durable store', './store.js', 'benchStore'],
  ['edits and the log: figure | today | target | ratio', './log-spine.js', 'benchLogSpine'],
  ['bounded memory and cold reads', './memory.js', 'benchMemory'],
  ['PostgreSQL nodes', './postgres.js', 'benchPostgres'],
  ['schematic-board parity (kicad-cli)', './parity.js', 'benchParity'],
  ['review app scrubbing (browser)', './review-app.js', 'benchReviewApp'],
  ['plugins', './plugins.js', 'benchPlugins'],
] as const) {
  const f = await optional(path, fn);
  if (f) sections.push([name, f]);
}

const only = process.argv[2];
for (const [name, run] of sections) {
  if (only && !name.toLowerCase().includes(only.toLowerCase())) continue;
  const t0 = performance.now();
  const figures = await run();
  console.log(`\n## ${name}  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(58)} ${v}`);
}
