import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readSexpr } from '../../../src/eda/import/sexpr-read.js';
import { children, child, head, isList, textOf } from '../../../src/eda/import/sexpr-query.js';
import type { SList } from '../../../src/eda/sexpr/index.js';
import type { LibraryPart } from '../../../src/eda/model/part.js';

/**
 * An independent reading of the checked records that cite KiCad's symbol library (data/library/NOTICE.md):
 * each record's pad numbers against the pins of the symbol it names, read from KiCad's own
 * `.kicad_sym` file (kicad-symbols 9, installed by .ci/install-kicad.sh). Shared by
 * kicad-cross-check.test.ts and `npx tsx test/eda/library/kicad-cross-check.ts`, which prints every
 * difference.
 */
export const KICAD_SYMBOLS = process.env['KICAD9_SYMBOL_DIR'] ?? '/usr/share/kicad/symbols';

const CITATION = /KiCad symbol library 9\.0,\s*([A-Za-z0-9_.+-]+):([^\s,;()]+)/;

export function citedSymbol(part: LibraryPart): { library: string; symbol: string } | null {
  const source = (part.properties as Record<string, unknown> | undefined)?.['pinout_source'];
  const m = typeof source === 'string' ? CITATION.exec(source) : null;
  return m ? { library: m[1]!, symbol: m[2]! } : null;
}

const libraries = new Map<string, Map<string, SList>>();

function symbolsOf(library: string): Map<string, SList> | null {
  const cached = libraries.get(library);
  if (cached) return cached;
  const file = path.join(KICAD_SYMBOLS, `${library}.kicad_sym`);
  if (!existsSync(file)) return null;
  const root = readSexpr(readFileSync(file, 'utf8'), library, { maxChars: 64 * 1024 * 1024, maxDepth: 200, maxAtoms: 40_000_000 });
  const byName = new Map<string, SList>();
  for (const s of children(root, 'symbol')) byName.set(textOf(s) ?? '', s);
  libraries.set(library, byName);
  return byName;
}

/** Pad number → pin name of a symbol, following `extends` to the symbol it derives from; null when absent. */
export function symbolPins(library: string, symbol: string): Map<string, string> | null {
  const lib = symbolsOf(library);
  let s = lib?.get(symbol);
  for (let hops = 0; s && hops < 4; hops++) {
    const base = textOf(child(s, 'extends'));
    if (!base) break;
    s = lib!.get(base);
  }
  if (!s) return null;
  const pins = new Map<string, string>();
  const walk = (l: SList) => {
    for (const e of l) {
      if (!isList(e)) continue;
      if (head(e) === 'pin') {
        const number = textOf(child(e, 'number'));
        const name = textOf(child(e, 'name'));
        if (number !== undefined) pins.set(number, name ?? '');
      } else if (head(e) === 'symbol') walk(e);
    }
  };
  walk(s);
  return pins;
}

/** KiCad writes active-low bars as `~{RESET}`; compare names without markup, case or punctuation. */
export const pinKey = (name: string) => name.replace(/~\{([^}]*)\}/g, '$1').replace(/[~{}#/_\s.-]/g, '').toUpperCase();

export interface CrossCheck {
  id: string;
  symbol: string;
  /** Pads the symbol has that no pin of the record claims, and pads of the record the symbol lacks. */
  missingPads: string[];
  extraPads: string[];
  /** Pads where the record's pin name shares nothing with the symbol's (after `pinKey`). */
  renamed: { pad: string; record: string; kicad: string }[];
  unresolved?: string;
}

export function crossCheck(part: LibraryPart): CrossCheck | null {
  const cited = citedSymbol(part);
  if (!cited) return null;
  const out: CrossCheck = { id: part.id, symbol: `${cited.library}:${cited.symbol}`, missingPads: [], extraPads: [], renamed: [] };
  const pins = symbolPins(cited.library, cited.symbol);
  if (!pins) return { ...out, unresolved: 'symbol not found in the KiCad library' };
  const recordPads = new Map<string, string>();
  for (const p of part.pins) for (const pad of String(p.number ?? '').split(/\s+/).filter(Boolean)) recordPads.set(pad, p.name);
  for (const pad of pins.keys()) if (!recordPads.has(pad)) out.missingPads.push(pad);
  for (const [pad, name] of recordPads) {
    const kicad = pins.get(pad);
    if (kicad === undefined) {
      out.extraPads.push(pad);
      continue;
    }
    const a = pinKey(name);
    const b = pinKey(kicad);
    // One name may be the other's alternate function ("PA13" vs "PA13/SWDIO"): either containing the other is agreement.
    if (b !== '' && b !== 'NC' && !a.includes(b) && !b.includes(a)) out.renamed.push({ pad, record: name, kicad });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadLibrary } = await import('../../../src/eda/library/index.js');
  let checked = 0;
  let differing = 0;
  for (const part of loadLibrary().all()) {
    const c = crossCheck(part);
    if (!c) continue;
    checked++;
    const bad = c.unresolved || c.missingPads.length || c.extraPads.length || c.renamed.length;
    if (!bad) continue;
    differing++;
    console.log(`${c.id} (${c.symbol}): ${c.unresolved ?? ''}${c.missingPads.length ? ` missing pads ${c.missingPads.join(',')}` : ''}${c.extraPads.length ? ` extra pads ${c.extraPads.join(',')}` : ''}${c.renamed.length ? ` renamed ${c.renamed.map((r) => `${r.pad}:${r.record}≠${r.kicad}`).join(' ')}` : ''}`);
  }
  console.log(JSON.stringify({ cited: checked, differing }));
}
