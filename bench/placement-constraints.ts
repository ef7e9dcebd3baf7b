import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import type { Design } from '../src/eda/model/design.js';
import { mapPinsToPads, resolveFootprint } from '../src/eda/footprints/index.js';
import { loadLibrary } from '../src/eda/library/index.js';
import { synthesizeDesign } from '../src/eda/synth/index.js';
import { loadLayoutCorpus } from '../src/eda/place/layout-corpus.js';
import { runLayout } from '../src/eda/place/layout-run.js';
import type { ConstraintReportEntry } from '../src/eda/place/index.js';

/**
 * Placement that knows parts (docs/placement.md, "Parts that place themselves"), measured on the
 * ZapTrace corpus designs whose footprints all resolve and on every committed intent
 * (fixtures/intents.yaml) synthesized: place → route → DRC, then the stated and implied
 * constraints judged on the routed board (src/eda/place/verify.ts). Figures: share of constraints
 * met (hard and all), connectors and antennas at an edge facing out, decoupling distances
 * (pad centroid to the served pin), antenna keep-outs free of copper. Run alone:
 * `npx tsx bench/placement-constraints.ts` (PLACEMENT_BENCH_VERBOSE=1 lists every unmet one).
 */

interface Tally {
  boards: number;
  met: number;
  total: number;
  hardMet: number;
  hard: number;
  edgeMet: number;
  edge: number;
  decouplingMm: number[];
  decouplingMet: number;
  decoupling: number;
  keepoutClean: number;
  keepouts: number;
  holesMet: number;
  holes: number;
  thermalMet: number;
  thermal: number;
  unmet: string[];
}

const tally = (): Tally => ({ boards: 0, met: 0, total: 0, hardMet: 0, hard: 0, edgeMet: 0, edge: 0, decouplingMm: [], decouplingMet: 0, decoupling: 0, keepoutClean: 0, keepouts: 0, holesMet: 0, holes: 0, thermalMet: 0, thermal: 0, unmet: [] });

function add(t: Tally, name: string, report: ConstraintReportEntry[]): void {
  t.boards++;
  for (const r of report) {
    t.total++;
    if (r.satisfied) t.met++;
    if (r.hard) {
      t.hard++;
      if (r.satisfied) t.hardMet++;
    }
    const keepout = r.kind === 'antenna' && r.constraint.reason.includes('keep-out free of copper on every layer');
    if (keepout) {
      t.keepouts++;
      if (r.satisfied) t.keepoutClean++;
    } else if (r.kind === 'connector' || r.kind === 'antenna' || (r.kind === 'design' && r.constraint.edge)) {
      t.edge++;
      if (r.satisfied) t.edgeMet++;
    }
    if (r.kind === 'mounting-hole') {
      t.holes++;
      if (r.satisfied) t.holesMet++;
    }
    if (r.kind === 'thermal') {
      t.thermal++;
      if (r.satisfied) t.thermalMet++;
    }
    if (r.kind === 'decoupling' && r.hard) {
      t.decoupling++;
      if (r.satisfied) t.decouplingMet++;
      const m = /pad centroid ([0-9.]+) mm/.exec(r.detail);
      if (m) t.decouplingMm.push(Number(m[1]));
    }
    if (!r.satisfied) t.unmet.push(`${name} ${r.constraint.component} [${r.kind}${r.hard ? '' : ', soft'}]: ${r.detail}`);
  }
}

function figures(prefix: string, t: Tally, out: Record<string, number | string>): void {
  const pct = (a: number, b: number) => `${a}/${b}${b > 0 ? ` (${Math.round((100 * a) / b)} %)` : ''}`;
  const mm = [...t.decouplingMm].sort((a, b) => a - b);
  out[`${prefix}: boards`] = t.boards;
  out[`${prefix}: constraints met (all / hard)`] = `${pct(t.met, t.total)} / ${pct(t.hardMet, t.hard)}`;
  out[`${prefix}: connectors and antennas at an edge, facing out`] = pct(t.edgeMet, t.edge);
  out[`${prefix}: antenna keep-outs free of copper`] = pct(t.keepoutClean, t.keepouts);
  out[`${prefix}: decoupling within 3 mm`] = pct(t.decouplingMet, t.decoupling);
  out[`${prefix}: mounting holes in corners`] = pct(t.holesMet, t.holes);
  out[`${prefix}: sensors ≥ 10 mm from heat sources`] = pct(t.thermalMet, t.thermal);
  if (mm.length > 0) out[`${prefix}: decoupling distance median / max mm`] = `${mm[Math.floor(mm.length / 2)]!.toFixed(2)} / ${mm[mm.length - 1]!.toFixed(2)}`;
  if (process.env.PLACEMENT_BENCH_VERBOSE) t.unmet.forEach((u, i) => (out[`${prefix}: unmet ${i + 1}`] = u));
}

function layout(design: Design) {
  return runLayout(design, { resolve: resolveFootprint, mapPins: mapPinsToPads, seed: 1, route: { timeLimitMs: 20_000 } });
}

export async function benchPlacementConstraints(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const corpus = tally();
  for (const c of loadLayoutCorpus()) {
    const comps = Object.values(c.design.components);
    if (comps.some((k) => k.footprint === null || !resolveFootprint(k.footprint))) continue;
    add(corpus, c.name, layout(c.design).constraintReport);
  }
  figures('corpus', corpus, out);
  const library = loadLibrary();
  const intents = (parse(readFileSync(path.join('fixtures', 'intents.yaml'), 'utf8')) as { intents: string[] }).intents;
  const synth = tally();
  for (const intent of intents) {
    let design: Design;
    try {
      design = synthesizeDesign(intent, { library }).design;
    } catch {
      continue;
    }
    add(synth, `"${intent}"`, layout(design).constraintReport);
  }
  figures('synthesized', synth, out);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchPlacementConstraints();
  for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(58)} ${v}`);
}
