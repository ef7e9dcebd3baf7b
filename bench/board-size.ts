/**
 * Board sized to its content (src/eda/place/board-size.ts): what the rule gives and whether the
 * boards it gives still place, route and pass DRC.
 *
 *   npx tsx bench/board-size.ts [--kicad] [--corpus-only] [--growth-only]
 *
 * Part 1, the anchor: the hand-sized corpus boards (../shared/corpus/zaptrace/designs), their area
 * share under raw and grown courtyards, and the size the rule would have given them.
 * Part 2: every committed intent (fixtures/intents.yaml, test/eda/synth/element-intents.ts and the
 * synthesis test's kind intents) synthesized, the board the previous rule gave (≈ 4 × courtyard
 * area + 1.5 mm, 5 mm steps; recomputed here for comparison) against the rule's, then laid out.
 * Part 3: the corpus's inline cases (no board stated) with library packages, sized by the rule.
 * Part 4: parts added after synthesis (src/eda/place/board-growth.ts): two copies of each
 * synthesized kind's every free-standing part (not edge parts or holes; unwired, as `component_add` leaves them)
 * placed on the board kept as it was (what a stated board does: the misfits named) and on the
 * board re-derived from the content (what place_components does for a content-sized board).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadLibrary } from '../src/eda/library/index.js';
import { mapPinsToPads, resolveFootprint } from '../src/eda/footprints/index.js';
import { synthesizeDesign } from '../src/eda/synth/index.js';
import { BOARD_SIZE_RULE, contentBoardSize } from '../src/eda/place/board-size.js';
import { boardTooSmall, grownBoard } from '../src/eda/place/board-growth.js';
import { edgePartOf, isMountingHole } from '../src/eda/place/part-roles.js';
import { exportForKicad, runLayout } from '../src/eda/place/layout-run.js';
import { loadLayoutCorpus } from '../src/eda/place/layout-corpus.js';
import type { Design } from '../src/eda/model/design.js';
import { ELEMENT_INTENTS } from '../test/eda/synth/element-intents.js';
import { kicadFigures, runKicadDrc } from '../test/helpers/kicad-cli.js';

const args = process.argv.slice(2);
const useKicad = args.includes('--kicad');
const S = BOARD_SIZE_RULE.spacingMm;

function areas(d: Design): { raw: number; grown: number } {
  let raw = 0;
  let grown = 0;
  for (const c of Object.values(d.components)) {
    const fp = c.footprint ? resolveFootprint(c.footprint) : undefined;
    if (!fp) continue;
    const [x0, y0, x1, y1] = fp.courtyard;
    raw += (x1 - x0) * (y1 - y0);
    grown += (x1 - x0 + S) * (y1 - y0 + S);
  }
  return { raw, grown };
}

/** The rule synthesis used before board-size.ts, for the before column only. */
function previousRule(d: Design): { w: number; h: number } {
  let area = 0;
  let longest = 0;
  for (const c of Object.values(d.components)) {
    const fp = c.footprint ? resolveFootprint(c.footprint) : undefined;
    if (!fp) continue;
    const [x0, y0, x1, y1] = fp.courtyard;
    area += (x1 - x0 + 1.5) * (y1 - y0 + 1.5);
    longest = Math.max(longest, x1 - x0 + 1.5, y1 - y0 + 1.5);
  }
  const up5 = (x: number) => Math.ceil(x / 5) * 5;
  const h = up5(Math.max(longest + 6, Math.sqrt(area * 4 * 0.75)));
  return { w: up5(Math.max(longest + 6, (area * 4) / h)), h };
}

const pct = (x: number) => `${(100 * x).toFixed(0)} %`;

async function layout(d: Design): Promise<string> {
  const run = runLayout(d, { resolve: resolveFootprint, mapPins: mapPinsToPads, seed: 1 });
  let k = '';
  if (useKicad) {
    const { board, project } = exportForKicad(run);
    const f = kicadFigures(await runKicadDrc(board, project, 180_000));
    k = ` kicad=${f.errors}/${f.unconnected}`;
  }
  const miss = run.unrouted.map((c) => c.net).join(',');
  const hardMisses = run.constraintReport.filter((r) => r.hard && !r.satisfied).length;
  return `placed=${run.unplaced.length === 0 ? 'yes' : `NO(${run.unplaced.length})`} channel=${run.channelMm} routed=${run.routed}/${run.total}${miss ? `(${miss})` : ''} drc=${run.drcErrors} hard-unmet=${hardMisses}${k}`;
}

/** Copies of each free-standing part added: the design three times over, less its edge parts and holes. */
const COPIES = 2;

/** The design with COPIES copies of each free-standing part, unwired. */
function withAddedParts(d: Design): { design: Design; added: string[] } {
  const sized = Object.values(d.components)
    .map((c) => ({ c, fp: c.footprint ? resolveFootprint(c.footprint) : undefined }))
    .filter(({ c, fp }) => fp && !isMountingHole(fp) && !edgePartOf(d, c.id, fp))
    .map(({ c, fp }) => ({ c, area: (fp!.courtyard[2] - fp!.courtyard[0]) * (fp!.courtyard[3] - fp!.courtyard[1]) }))
    .sort((a, b) => b.area - a.area || a.c.ref.localeCompare(b.c.ref));
  const components = { ...d.components };
  const added: string[] = [];
  for (let copy = 0; copy < COPIES; copy++) {
    sized.forEach(({ c }, k) => {
      const ref = `${c.ref.replace(/\d+$/, '')}${1000 * (copy + 1) + k}`;
      components[ref] = { ...c, id: ref, ref, locked: false };
      added.push(ref);
    });
  }
  return { design: { ...d, components, placement: {}, routing: { tracks: [], vias: [] } }, added };
}

async function growth(library: ReturnType<typeof loadLibrary>, intents: string[]): Promise<void> {
  process.stdout.write('\n## parts added after synthesis: board kept (stated) → board re-derived (content-sized)\n');
  let kept = 0;
  let grown = 0;
  let total = 0;
  for (const intent of intents) {
    const d = synthesized(intent, library);
    if (!d) continue;
    const { design, added } = withAddedParts(d);
    total++;
    const same = runLayout(design, { resolve: resolveFootprint, mapPins: mapPinsToPads, seed: 1 });
    const tooSmall = boardTooSmall(design, same.unplaced, 'stated', resolveFootprint);
    const sameHard = same.constraintReport.filter((r) => r.hard && !r.satisfied).length;
    if (same.unplaced.length === 0) kept++;
    const g = grownBoard(design, resolveFootprint);
    const bigger: Design = g ? { ...design, board: { ...design.board, width_mm: g.width_mm, height_mm: g.height_mm } } : design;
    const after = await layout(bigger);
    if (after.startsWith('placed=yes')) grown++;
    const keptText = `${tooSmall ? `unplaced ${tooSmall.parts.join(',')} (needs ≈ ${tooSmall.needed.width_mm}×${tooSmall.needed.height_mm})` : 'all placed'} channel=${same.channelMm} routed=${same.routed}/${same.total} hard-unmet=${sameHard}`;
    process.stdout.write(`${intent} +${added.length} parts | kept ${d.board.width_mm}×${d.board.height_mm}: ${keptText} | re-derived ${bigger.board.width_mm}×${bigger.board.height_mm}: ${after}\n`);
  }
  process.stdout.write(`all parts placed: board kept ${kept}/${total}, board re-derived ${grown}/${total}\n`);
}

/** One intent per board kind the synthesizer builds. */
const KIND_INTENTS = ['ESP32 LoRa gateway', 'ESP32 BLE battery node', 'ESP32-S3 camera', 'RP2040 motor driver', 'STM32 RS-485 node', 'nRF52840 humidity tag from a coin cell'];

/** The synthesized design, or null for an intent the synthesizer refuses. */
function synthesized(intent: string, library: ReturnType<typeof loadLibrary>): Design | null {
  try {
    return synthesizeDesign(intent, { library }).design;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const library = loadLibrary();
  if (args.includes('--growth-only')) return growth(library, KIND_INTENTS);
  const corpus = loadLayoutCorpus();
  process.stdout.write('## corpus boards as their authors sized them\n');
  const shares: number[] = [];
  for (const c of corpus) {
    if (c.kind !== 'corpus' || !c.name.includes('templates/') && !c.name.endsWith('node.yaml')) continue;
    const d = c.design;
    const a = areas(d);
    const A = d.board.width_mm * d.board.height_mm;
    shares.push(a.grown / A);
    const r = contentBoardSize(d, resolveFootprint);
    process.stdout.write(`${c.name}: ${d.board.width_mm}×${d.board.height_mm} raw ${pct(a.raw / A)} grown ${pct(a.grown / A)} | rule ${r.width_mm}×${r.height_mm} (${pct(r.utilisation)} raw, ${r.limitedBy})\n`);
  }
  shares.sort((x, y) => x - y);
  process.stdout.write(`grown-courtyard share: min ${pct(shares[0]!)} median ${pct(shares[Math.floor(shares.length / 2)]!)} max ${pct(shares[shares.length - 1]!)}\n`);
  if (args.includes('--corpus-only')) return;

  process.stdout.write('\n## synthesized intents: previous rule → content rule\n');
  const fixture = (parse(readFileSync(path.join('fixtures', 'intents.yaml'), 'utf8')) as { intents: string[] }).intents;
  const intents = [...new Set([...fixture, ...ELEMENT_INTENTS, ...KIND_INTENTS])];
  let before = 0;
  let after = 0;
  let rawSum = 0;
  for (const intent of intents) {
    const d = synthesized(intent, library);
    if (!d) continue;
    const p = previousRule(d);
    const a = areas(d);
    const A = d.board.width_mm * d.board.height_mm;
    before += p.w * p.h;
    after += A;
    rawSum += a.raw;
    process.stdout.write(`${intent} | ${p.w}×${p.h} (${pct(a.raw / (p.w * p.h))}) → ${d.board.width_mm}×${d.board.height_mm} (${pct(a.raw / A)}) | ${await layout(d)}\n`);
  }
  process.stdout.write(`total board area ${Math.round(before)} → ${Math.round(after)} mm² (${pct(after / before)}); raw courtyard share ${pct(rawSum / before)} → ${pct(rawSum / after)}\n`);

  process.stdout.write('\n## corpus inline cases (no board stated), library packages, content-sized\n');
  for (const c of corpus) {
    if (c.kind !== 'corpus+lib' || !c.name.includes('#')) continue;
    const r = contentBoardSize(c.design, resolveFootprint);
    const d: Design = { ...c.design, board: { ...c.design.board, width_mm: r.width_mm, height_mm: r.height_mm } };
    process.stdout.write(`${c.name}: 100×80 → ${r.width_mm}×${r.height_mm} | ${await layout(d)}\n`);
  }
  await growth(library, KIND_INTENTS);
}

void main();
