import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Design } from '../model/design.js';
import type { FootprintResolver } from '../board/index.js';
import { parseCorpusCases, parseDesignText } from '../parse/index.js';
import { generateLayoutDesign } from './generate.js';

/**
 * The layout corpus (docs/reports/layout-corpus.md): the 13 positive ZapTrace design files (designs/ and
 * designs/templates/, not negative/), the 4 inline cases of correctness-placement-routing-corpus.yaml,
 * and a generated series of 10–200 parts.
 *
 * Decision for designs that name no footprints (analysis_fixture and the 4 inline cases): they are
 * run AS GIVEN, where the missing footprints are the finding and the row counts as a miss; and a
 * second time as "+lib" rows where this file assigns shipped library packages and pad numbers
 * (LIBRARY_ASSIGNMENT below, chosen by part type: mcu → QFN-32, sensor → SOIC-8, usb-c connector →
 * USB-C-16P-SMD, capacitor → 0603), so the placement/routing acceptance cases are exercised on real
 * copper. The +lib rows are ours, not the corpus author's, and the report says so.
 */

export interface LayoutCase {
  name: string;
  kind: 'corpus' | 'corpus+lib' | 'generated';
  design: Design;
  note?: string;
}

export const CORPUS_DIR = path.resolve(process.cwd(), '../shared/corpus/zaptrace/designs');
const CASES_FILE = 'correctness-placement-routing-corpus.yaml';
export const GENERATED_SIZES = [10, 25, 50, 100, 200] as const;

/** Per reference designator: the library package and pin name → pad number. */
export const LIBRARY_ASSIGNMENT: Record<string, { footprint: string; pads: Record<string, string> }> = {
  U1: { footprint: 'QFN-32', pads: { VCC: '1', GND: '2', IO1: '3', DP: '4', DN: '5', VBUS: '6' } },
  U2: { footprint: 'SOIC-8', pads: { IO1: '1' } },
  // no explicit pads: the footprint's pin table joins the stacked pads (VBUS A4/A9/B4/B9, DP A6/B6, DN A7/B7)
  J1: { footprint: 'USB-C-16P-SMD', pads: {} },
  C1: { footprint: '0603', pads: { '1': '1', '2': '2' } },
};

function noFootprints(d: Design): boolean {
  return Object.values(d.components).some((c) => c.footprint === null);
}

/** A copy with library footprints and explicit pad numbers on every pin the nets use. */
export function withLibraryFootprints(design: Design): Design {
  const d = structuredClone(design);
  for (const comp of Object.values(d.components)) {
    const a = LIBRARY_ASSIGNMENT[comp.ref];
    if (!a || comp.footprint !== null) continue;
    comp.footprint = a.footprint;
    for (const net of Object.values(d.nets)) {
      for (const node of net.nodes) {
        if (node.component === comp.id && !comp.pins[node.pin]) comp.pins[node.pin] = { name: node.pin, type: 'passive', number: null, description: '' };
      }
    }
    for (const pin of Object.values(comp.pins)) pin.number = a.pads[pin.name] ?? pin.number;
  }
  return d;
}

export function loadLayoutCorpus(dir = CORPUS_DIR): LayoutCase[] {
  const files = [
    ...readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && f !== CASES_FILE),
    ...readdirSync(path.join(dir, 'templates'))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => `templates/${f}`),
  ].sort();
  const base: { name: string; design: Design }[] = files.map((f) => ({ name: f, design: parseDesignText(readFileSync(path.join(dir, f), 'utf8')).design }));
  for (const c of parseCorpusCases(readFileSync(path.join(dir, CASES_FILE), 'utf8'))) base.push({ name: `${CASES_FILE.replace(/\.yaml$/, '')}#${c.id}`, design: c.design });
  const out: LayoutCase[] = [];
  for (const b of base) {
    out.push({ name: b.name, kind: 'corpus', design: b.design });
    if (noFootprints(b.design)) {
      out.push({ name: `${b.name}+lib`, kind: 'corpus+lib', design: withLibraryFootprints(b.design), note: 'library footprints assigned by the report' });
    }
  }
  return out;
}

export function generatedSeries(resolve: FootprintResolver, sizes: readonly number[] = GENERATED_SIZES): LayoutCase[] {
  return sizes.map((n) => ({ name: `generated-${n}`, kind: 'generated' as const, design: generateLayoutDesign(n, n, resolve) }));
}
