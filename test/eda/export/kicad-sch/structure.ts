import { child, children, deep, readSexpr, text, type Node } from './sexpr-read.js';

/**
 * Reads our `.kicad_sch` back into plain data for assertions: each placed symbol's pins in sheet
 * coordinates (library pin (x, y) of a symbol at (X, Y), unrotated → (X + x, Y − y)), wires,
 * labels and no-connect flags. Independent of the writer's code: it only reads the file.
 */
export interface SheetPin {
  ref: string;
  libId: string;
  name: string;
  number: string;
  electrical: string;
  x: number;
  y: number;
}

export interface SheetData {
  root: Node[];
  pins: SheetPin[];
  wires: [number, number, number, number][];
  labels: { text: string; x: number; y: number }[];
  noConnects: { x: number; y: number }[];
  uuids: string[];
  paper: string[];
}

const num = (n: Node | undefined): number => Number(typeof n === 'string' ? n : NaN);

export function readSheet(sch: string): SheetData {
  const root = readSexpr(sch) as Node[];
  const lib = child(root, 'lib_symbols') ?? [];
  const libPins = new Map<string, { name: string; number: string; electrical: string; x: number; y: number }[]>();
  for (const s of children(lib, 'symbol')) {
    const id = text(s[1]);
    libPins.set(
      id,
      deep(s, 'pin').map((p) => {
        const at = child(p, 'at')!;
        return { electrical: String(p[1]), name: text(child(p, 'name')?.[1]), number: text(child(p, 'number')?.[1]), x: num(at[1]), y: num(at[2]) };
      }),
    );
  }
  const pins: SheetPin[] = [];
  for (const s of children(root, 'symbol')) {
    const libId = text(child(s, 'lib_id')?.[1]);
    const at = child(s, 'at')!;
    const ref = text(children(s, 'property').find((p) => text(p[1]) === 'Reference')?.[2]);
    for (const p of libPins.get(libId) ?? []) pins.push({ ref, libId, name: p.name, number: p.number, electrical: p.electrical, x: num(at[1]) + p.x, y: num(at[2]) - p.y });
  }
  const wires = children(root, 'wire').map((w) => {
    const pts = children(child(w, 'pts')!, 'xy');
    return [num(pts[0]![1]), num(pts[0]![2]), num(pts[1]![1]), num(pts[1]![2])] as [number, number, number, number];
  });
  const labels = [...children(root, 'label'), ...children(root, 'global_label')].map((l) => ({ text: text(l[1]), x: num(child(l, 'at')![1]), y: num(child(l, 'at')![2]) }));
  const noConnects = children(root, 'no_connect').map((n) => ({ x: num(child(n, 'at')![1]), y: num(child(n, 'at')![2]) }));
  const uuids = deep(root, 'uuid').map((u) => text(u[1]));
  const paper = (child(root, 'paper') ?? []).slice(1).map((p) => (typeof p === 'string' ? p : text(p)));
  return { root, pins, wires, labels, noConnects, uuids, paper };
}

export const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;

/** Label texts reached from a pin: a wire starting at the pin end, labels at its other end. */
export function labelsAtPin(sheet: SheetData, pin: SheetPin): string[] {
  const out: string[] = [];
  for (const [x1, y1, x2, y2] of sheet.wires) {
    let far: [number, number] | undefined;
    if (near(x1, pin.x) && near(y1, pin.y)) far = [x2, y2];
    else if (near(x2, pin.x) && near(y2, pin.y)) far = [x1, y1];
    if (!far) continue;
    for (const l of sheet.labels) if (near(l.x, far[0]) && near(l.y, far[1])) out.push(l.text);
  }
  return out.sort();
}
