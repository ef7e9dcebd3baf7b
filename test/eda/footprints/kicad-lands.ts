import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readSexpr } from '../../../src/eda/import/sexpr-read.js';
import { child, children, numOf, textOf } from '../../../src/eda/import/sexpr-query.js';
import type { CatalogEntry } from '../../../src/eda/footprints/catalog-entry.js';
import type { Footprint } from '../../../src/eda/model/footprint.js';

/**
 * An independent reading of the catalog footprints that cite KiCad's footprint library
 * (data/library/NOTICE.md): each one's lands against KiCad's own `.kicad_mod` (kicad-footprints 9,
 * installed by .ci/install-kicad.sh). Transcribed lands ("land sizes and positions read from …",
 * "lands read from …") must sit where KiCad's do; generated ones (dimensions "as" or "from" a KiCad
 * footprint) must at least number their leads as KiCad does, pin 1 in the same place.
 */
export const KICAD_FOOTPRINTS = process.env['KICAD9_FOOTPRINT_DIR'] ?? '/usr/share/kicad/footprints';

const CITATION = /KiCad (?:9\.0 )?footprints? ([A-Za-z0-9_]+):([A-Za-z0-9_.+-]*[A-Za-z0-9_+-])/;
const TRANSCRIBED = /(?:land sizes and positions|lands) read from KiCad/;

export interface LandCitation {
  entry: string;
  kicad: string;
  transcribed: boolean;
}

export function landCitation(entry: CatalogEntry, fp: Footprint): LandCitation | null {
  const text = `${fp.source} ${fp.description} ${entry.description}`;
  const m = CITATION.exec(text);
  return m ? { entry: entry.name, kicad: `${m[1]}:${m[2]}`, transcribed: TRANSCRIBED.test(text) } : null;
}

interface KicadPad {
  number: string;
  at: [number, number];
}

export function kicadPads(kicad: string): KicadPad[] | null {
  const [lib, name] = kicad.split(':') as [string, string];
  const file = path.join(KICAD_FOOTPRINTS, `${lib}.pretty`, `${name}.kicad_mod`);
  if (!existsSync(file)) return null;
  const root = readSexpr(readFileSync(file, 'utf8'), name);
  return children(root, 'pad')
    .map((p) => ({ number: textOf(p) ?? '', at: [numOf(child(p, 'at'), 1) ?? 0, numOf(child(p, 'at'), 2) ?? 0] as [number, number] }))
    .filter((p) => p.number !== '');
}

/** Our pads with no KiCad pad of the same number within `toleranceMm`, and KiCad pad numbers we lack. */
export function landDifferences(fp: Footprint, pads: readonly KicadPad[], toleranceMm: number): { misplaced: string[]; missing: string[] } {
  const ours = fp.pads.filter((p) => p.number !== '');
  // KiCad may split one land into several pads of one number (a thermal pad in paste windows); a land
  // drawn whole sits at their centre.
  const centres = new Map<string, [number, number]>();
  for (const n of new Set(pads.map((k) => k.number))) {
    const same = pads.filter((k) => k.number === n);
    if (same.length > 1) centres.set(n, [same.reduce((s, k) => s + k.at[0], 0) / same.length, same.reduce((s, k) => s + k.at[1], 0) / same.length]);
  }
  const near = (a: readonly [number, number], b: readonly [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]) <= toleranceMm;
  const misplaced = ours.filter((o) => !pads.some((k) => k.number === o.number && near(k.at, o.at)) && !(centres.has(o.number) && near(centres.get(o.number)!, o.at))).map((o) => o.number);
  const have = new Set(ours.map((o) => o.number));
  const missing = [...new Set(pads.map((k) => k.number))].filter((n) => !have.has(n));
  return { misplaced, missing };
}
