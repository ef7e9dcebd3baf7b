import type { Design } from '../../model/design.js';
import { kicadNets } from '../kicad/nets.js';

/**
 * Net names as schematic label text. A label's text is not a plain name to KiCad: `/` separates
 * sheet paths, `[a..b]` and `{...}` make bus labels, `~{...}`, `^{...}` and `_{...}` are
 * formatting markup and `${...}` expands text variables (KiCad documentation, "Schematic
 * Editor" → "Labels" and "Buses"). So every character outside letters, digits and `_ + - . #`
 * becomes `_`, and names that collide after that get a `_2`, `_3`... suffix, so two of our nets
 * never merge and no label is read as a bus. Names are otherwise the board file's net names
 * (`kicadNets`), so ordinary names match between .kicad_pcb and .kicad_sch.
 */
const SAFE = /[\p{L}\p{N}_+\-.#]/u;

export function labelSafe(name: string): string {
  let out = '';
  for (const ch of name) out += SAFE.test(ch) ? ch : '_';
  // Net names are never empty (model: min 1), but a label must not be.
  return out.length > 0 ? out : '_';
}

/** Net id → label text, unique per net. */
export function netLabels(design: Design): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const [id, kn] of kicadNets(design)) {
    const base = labelSafe(kn.name);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    out.set(id, name);
  }
  return out;
}
