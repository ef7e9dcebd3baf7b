import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCorpusCases } from '../../../src/eda/parse/index.js';
import type { Design } from '../../../src/eda/model/design.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus/zaptrace/designs/correctness-placement-routing-corpus.yaml');

/** The corpus designs name no footprints and no pad numbers: the test assigns them. */
export function corpusDesigns(): Map<string, Design> {
  const cases = parseCorpusCases(readFileSync(CORPUS, 'utf8'));
  const footprints: Record<string, string> = { U1: 'QFN-32', U2: 'SOIC-8', J1: 'USB-C', C1: '0603' };
  const numbers: Record<string, Record<string, string>> = {
    U1: { VCC: '1', GND: '2', IO1: '3', DP: '4', DN: '5', VBUS: '6' },
    U2: { IO1: '1' },
    J1: { VBUS: 'A4', DP: 'A6', DN: 'A7' },
    C1: { '1': '1', '2': '2' },
  };
  const out = new Map<string, Design>();
  for (const c of cases) {
    const d = structuredClone(c.design);
    for (const comp of Object.values(d.components)) {
      comp.footprint = footprints[comp.ref] ?? null;
      for (const net of Object.values(d.nets)) {
        for (const node of net.nodes) {
          if (node.component === comp.id && !comp.pins[node.pin]) comp.pins[node.pin] = { name: node.pin, type: 'passive', number: null, description: '' };
        }
      }
      for (const pin of Object.values(comp.pins)) pin.number = numbers[comp.ref]?.[pin.name] ?? pin.number;
    }
    out.set(c.id, d);
  }
  return out;
}

