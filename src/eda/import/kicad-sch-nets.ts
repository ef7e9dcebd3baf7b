import type { SList } from '../sexpr/index.js';
import { child, children, flag, head, isList, numOf, pointOf, property, textOf } from './sexpr-query.js';

/**
 * Schematic connectivity of a KiCad project, traced from the sheets' drawing (KiCad "Schematic File
 * Format" documentation): wires join the points they end on; a junction, a label or another wire's end
 * lying on a wire joins that wire; symbol pins and sheet pins join what ends exactly on them; a local
 * label names a net within one sheet instance, a global label or a power symbol (by its Value) across the
 * project (a power symbol is one whose library pin is a power input; PWR_FLAG's is an output); a hierarchical label in a sheet instance joins the pin of the same name on that sheet's symbol
 * in the parent. Buses are not followed. Used when a project has no board, and as an independent check of
 * the board's netlist when it has one.
 *
 * Library symbol pins are in the library's frame, y upwards; a placed symbol turns them by its angle
 * (counter-clockwise on screen) and then mirrors them (`(mirror x)` flips y, `(mirror y)` flips x), y
 * downwards on the sheet.
 */

type Pt = [number, number];
export interface TracedNet {
  name: string;
  /** `REF` + NUL + pin number. */
  nodes: string[];
}

interface LibPin {
  at: Pt;
  type: string;
  /** Name of a hidden power input: such a pin joins the global net of that name (KiCad's implicit power pins). */
  hiddenPower: string | null;
  number: string;
  unit: number;
  style: number;
}

const key = (path: string, p: Pt): string => `${path}|${Math.round(p[0] * 1000)},${Math.round(p[1] * 1000)}`;

class Joins {
  private parent = new Map<string, string>();
  find(a: string): string {
    let r = a;
    while (this.parent.has(r) && this.parent.get(r) !== r) r = this.parent.get(r)!;
    let x = a;
    while (x !== r) {
      const next = this.parent.get(x)!;
      this.parent.set(x, r);
      x = next;
    }
    if (!this.parent.has(r)) this.parent.set(r, r);
    return r;
  }
  join(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

function libraryPins(root: SList): Map<string, LibPin[]> {
  const out = new Map<string, LibPin[]>();
  for (const s of children(child(root, 'lib_symbols') ?? [], 'symbol')) {
    const id = textOf(s) ?? '';
    const pins: LibPin[] = [];
    const walk = (sym: SList, unit: number, style: number) => {
      for (const e of sym) {
        if (!isList(e)) continue;
        if (head(e) === 'symbol') {
          // Units are named "<name>_<unit>_<style>"; unit 0 and style 0 mean "all".
          const m = /_(\d+)_(\d+)$/.exec(textOf(e) ?? '');
          walk(e, m ? Number(m[1]) : unit, m ? Number(m[2]) : style);
        } else if (head(e) === 'pin') {
          const at = pointOf(e, 'at');
          const number = textOf(child(e, 'number'));
          const type = textOf(e, 1) ?? '';
          const hiddenPower = type === 'power_in' && flag(e, 'hide') ? (textOf(child(e, 'name')) ?? null) : null;
          if (at && number) pins.push({ at, number, unit, style, type, hiddenPower });
        }
      }
    };
    walk(s, 0, 0);
    out.set(id, pins);
  }
  return out;
}

function placePin(p: Pt, at: Pt, angleDeg: number, mirror: string | undefined): Pt {
  const a = (angleDeg * Math.PI) / 180;
  const [c, s] = [Math.round(Math.cos(a) * 1e9) / 1e9, Math.round(Math.sin(a) * 1e9) / 1e9];
  const [x, y] = [p[0], -p[1]];
  let [rx, ry] = [x * c + y * s, -x * s + y * c];
  if (mirror === 'x') ry = -ry;
  if (mirror === 'y') rx = -rx;
  return [at[0] + rx, at[1] + ry];
}

function onSegment(p: Pt, a: Pt, b: Pt): boolean {
  const eps = 1e-3;
  const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
  if (Math.abs(cross) > eps * Math.hypot(b[0] - a[0], b[1] - a[1])) return false;
  return p[0] >= Math.min(a[0], b[0]) - eps && p[0] <= Math.max(a[0], b[0]) + eps && p[1] >= Math.min(a[1], b[1]) - eps && p[1] <= Math.max(a[1], b[1]) + eps;
}

/** Traces every sheet instance from the root; `project` picks symbol instance blocks, as readSchematics does. */
export function traceSchematicNets(sheets: ReadonlyMap<string, SList>, rootFile: string, project: string): { nets: TracedNet[]; buses: number } {
  const joins = new Joins();
  const nodesAt: [string, string][] = [];
  const names = new Map<string, string>(); // union key of a name → display name
  const libs = new Map<string, Map<string, LibPin[]>>();
  let buses = 0;
  const visited = new Set<string>();

  const visit = (file: string, path: string, sheetName: string, depth: number) => {
    const root = sheets.get(file);
    if (!root || depth > 32 || visited.has(path)) return;
    visited.add(path);
    let lib = libs.get(file);
    if (!lib) libs.set(file, (lib = libraryPins(root)));
    const wires: [Pt, Pt][] = [];
    for (const w of children(root, 'wire')) {
      const pts = children(child(w, 'pts') ?? [], 'xy').map((p): Pt => [numOf(p, 1) ?? 0, numOf(p, 2) ?? 0]);
      for (let i = 1; i < pts.length; i++) wires.push([pts[i - 1]!, pts[i]!]);
    }
    buses += children(root, 'bus').length;
    for (const [a, b] of wires) joins.join(key(path, a), key(path, b));
    // Points that join a wire anywhere along it: junctions, labels, other wires' ends.
    const along: Pt[] = [];
    for (const j of children(root, 'junction')) {
      const at = pointOf(j, 'at');
      if (at) along.push(at);
    }
    for (const [a, b] of wires) along.push(a, b);
    const label = (l: SList, nameKey: string, display: string) => {
      const at = pointOf(l, 'at');
      if (!at) return;
      along.push(at);
      joins.join(key(path, at), nameKey);
      if (!names.has(nameKey)) names.set(nameKey, display);
    };
    for (const l of children(root, 'label')) label(l, `L:${path}:${textOf(l)}`, `${sheetName}${textOf(l)}`);
    for (const l of children(root, 'global_label')) label(l, `G:${textOf(l)}`, textOf(l) ?? '');
    for (const l of children(root, 'hierarchical_label')) label(l, `H:${path}:${textOf(l)}`, `${sheetName}${textOf(l)}`);
    for (const p of along) for (const [a, b] of wires) if (onSegment(p, a, b)) joins.join(key(path, p), key(path, a));

    for (const sym of children(root, 'symbol')) {
      const libId = textOf(child(sym, 'lib_id')) ?? '';
      const at = child(sym, 'at');
      const origin: Pt = [numOf(at, 1) ?? 0, numOf(at, 2) ?? 0];
      const unit = numOf(child(sym, 'unit')) ?? 1;
      const style = numOf(child(sym, 'convert')) ?? numOf(child(sym, 'body_style')) ?? 1;
      const mirror = textOf(child(sym, 'mirror'));
      const pins = (lib.get(libId) ?? []).filter((p) => (p.unit === 0 || p.unit === unit) && (p.style === 0 || p.style === style));
      const ownRef = property(sym, 'Reference') ?? '';
      const blocks = children(child(sym, 'instances') ?? [], 'project');
      const block = blocks.find((b) => textOf(b) === project) ?? blocks[0];
      const inst = block ? children(block, 'path').find((p) => textOf(p) === path) : undefined;
      const ref = (inst ? textOf(child(inst, 'reference')) : undefined) ?? ownRef;
      const isPower = ref.startsWith('#') || child(children(child(root, 'lib_symbols') ?? [], 'symbol').find((s) => textOf(s) === libId) ?? [], 'power') !== undefined;
      for (const pin of pins) {
        const k = key(path, placePin(pin.at, origin, numOf(at, 3) ?? 0, mirror));
        if (isPower) {
          // Only a power input names a net (a "+5V" symbol); a power flag (PWR_FLAG, a power output) joins nothing.
          if (pin.type !== 'power_in') continue;
          const value = property(sym, 'Value') ?? '';
          joins.join(k, `G:${value}`);
          if (!names.has(`G:${value}`)) names.set(`G:${value}`, value);
        } else {
          nodesAt.push([k, `${ref}\0${pin.number}`]);
          if (pin.hiddenPower) {
            joins.join(k, `G:${pin.hiddenPower}`);
            if (!names.has(`G:${pin.hiddenPower}`)) names.set(`G:${pin.hiddenPower}`, pin.hiddenPower);
          }
        }
      }
    }
    for (const sheet of children(root, 'sheet')) {
      const uuid = textOf(child(sheet, 'uuid')) ?? '';
      const childPath = `${path}/${uuid}`;
      const childName = `${sheetName}${property(sheet, 'Sheetname') ?? uuid}/`;
      for (const pin of children(sheet, 'pin')) {
        const at = pointOf(pin, 'at');
        if (at) joins.join(key(path, at), `H:${childPath}:${textOf(pin)}`);
      }
      const f = property(sheet, 'Sheetfile');
      if (f) visit(f, childPath, childName, depth + 1);
    }
  };
  const root = sheets.get(rootFile);
  visit(rootFile, `/${textOf(child(root ?? [], 'uuid')) ?? ''}`, '/', 0);

  const byRoot = new Map<string, { nodes: Set<string>; name?: string }>();
  for (const [k, node] of nodesAt) {
    const r = joins.find(k);
    const entry = byRoot.get(r) ?? { nodes: new Set<string>() };
    entry.nodes.add(node);
    byRoot.set(r, entry);
  }
  // Name a net after a global name first, then a label; else after its first pin, as KiCad does ("Net-(R1-Pad2)").
  const ranked = [...names.keys()].sort((a, b) => (a[0] === 'G' ? 0 : 1) - (b[0] === 'G' ? 0 : 1));
  for (const n of ranked) {
    const e = byRoot.get(joins.find(n));
    if (e && e.name === undefined) e.name = names.get(n)!;
  }
  const nets: TracedNet[] = [];
  for (const e of byRoot.values()) {
    const nodes = [...e.nodes].sort();
    if (nodes.length < 2 && e.name === undefined) continue;
    const [ref, num] = nodes[0]!.split('\0');
    nets.push({ name: e.name ?? `Net-(${ref}-Pad${num})`, nodes });
  }
  return { nets, buses };
}
