import type { Design } from '../../model/design.js';

/**
 * KiCad numbers nets in the board file (`(net 0 "")` is "no net") and identifies them by name,
 * and the schematic names a net after its label. The two files must give every net the same
 * name or `kicad-cli pcb drc --schematic-parity` reports a `net_conflict` per pad
 * (docs/schematic.md, "Parity with the board"), so this is the one naming of our nets for both.
 *
 * A label's text is not a plain name to KiCad: `/` separates sheet paths, `[a..b]` and `{...}`
 * make bus labels, `~{...}`, `^{...}` and `_{...}` are formatting markup and `${...}` expands text
 * variables (KiCad documentation, "Schematic Editor" → "Labels" and "Buses"). So every character
 * outside letters, digits and `_ + - . #` becomes `_`. Two of our nets never share a KiCad name:
 * a display name used by several ids gets a `#<id>` suffix, and any remaining clash a `_2`, `_3`…
 */
export interface KicadNet {
  number: number;
  name: string;
}

const SAFE = /[\p{L}\p{N}_+\-.#]/u;

/** A net name as KiCad label text (never empty). */
export function labelSafe(name: string): string {
  let out = '';
  for (const ch of name) out += SAFE.test(ch) ? ch : '_';
  return out.length > 0 ? out : '_';
}

export function kicadNets(design: Design): Map<string, KicadNet> {
  const ids = Object.keys(design.nets).sort();
  const nameCount = new Map<string, number>();
  for (const id of ids) {
    const n = labelSafe(design.nets[id]!.name);
    nameCount.set(n, (nameCount.get(n) ?? 0) + 1);
  }
  const out = new Map<string, KicadNet>();
  const used = new Set<string>();
  ids.forEach((id, i) => {
    const n = labelSafe(design.nets[id]!.name);
    const base = (nameCount.get(n) ?? 0) > 1 ? `${n}#${labelSafe(id)}` : n;
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    out.set(id, { number: i + 1, name });
  });
  return out;
}

/**
 * The name KiCad gives the net of a schematic pin that is connected to nothing (a no-connect
 * flag): `unconnected-(<ref>-<pin name>-Pad<number>)`, or `unconnected-(<ref>-Pad<number>)` when
 * the pin has no name of its own. "Update PCB from Schematic" puts that net on the pad, and the
 * parity check expects it there (read from `kicad-cli sch export netlist` and the
 * `--schematic-parity` report of KiCad 9.0.8; see test/eda/export/parity/parity.test.ts).
 * A `/` in the pin name would read as a sheet path, so KiCad writes it `{slash}` (its net-name
 * escaping, common/string_utils.cpp EscapeString with CTX_NETNAME; seen on the StickHub demo's
 * `TEST/SDA` pin in test/tools-parity/import-kicad.test.ts).
 */
export function unconnectedNetName(ref: string, pinName: string, padNumber: string): string {
  const named = pinName !== '' && pinName !== '~';
  const escaped = pinName.replaceAll('/', '{slash}');
  return named ? `unconnected-(${ref}-${escaped}-Pad${padNumber})` : `unconnected-(${ref}-Pad${padNumber})`;
}
