import { parse } from '@tracespace/parser';

/**
 * The extent of a Gerber (or Excellon) image computed from @tracespace/parser's syntax tree, not
 * from our writer: coordinates are decoded with the file's own FS/units statements (Gerber Layer
 * Format Specification rev. 2023.08 §4.2.1/§4.2.2), flashes grow by their aperture's extent
 * (§4.4 standard apertures, §4.5 macro primitives 1, 20, 21, 4), draws by the aperture.
 * Arcs and regions are refused: our writer emits neither, so meeting one is a finding.
 */

/*
 * The parser's own .d.ts re-exports its node types through extension-less paths that NodeNext
 * cannot follow, so the subset of the syntax tree read here is declared locally (shapes from
 * @tracespace/parser 5.0.0-alpha.0 lib/tree.d.ts and lib/types.d.ts).
 */
type MacroValue = number | string | { left: MacroValue; right: MacroValue; operator: string };
interface MacroBlock { type: string; code?: string; parameters?: MacroValue[] }
interface ToolMacro { type: 'toolMacro'; name: string; children: MacroBlock[] }
type ToolShape =
  | { type: 'circle'; diameter: number }
  | { type: 'rectangle' | 'obround'; xSize: number; ySize: number }
  | { type: 'polygon'; diameter: number }
  | { type: 'macroShape'; name: string; variableValues: number[] };
type AstNode =
  | { type: 'coordinateFormat'; format: [number, number] | null; zeroSuppression: string | null; mode: string | null }
  | { type: 'units'; units: 'mm' | 'in' }
  | ToolMacro
  | { type: 'toolDefinition'; code: string; shape: ToolShape }
  | { type: 'toolChange'; code: string }
  | { type: 'interpolateMode'; mode: string | null }
  | { type: 'regionMode'; region: boolean }
  | { type: 'unimplemented'; value: string }
  | { type: 'graphic'; graphic: string | null; coordinates: Partial<Record<string, string>> }
  | { type: 'comment' | 'done' | 'loadPolarity' | 'drillHeader' | 'quadrantMode' | 'stepRepeat' };
export interface AstRoot { type: 'root'; filetype: 'gerber' | 'drill'; children: AstNode[] }

/** Parses a file with @tracespace/parser and views the result through the local types above. */
export function parseTree(text: string): AstRoot {
  return parse(text) as unknown as AstRoot;
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface Extent {
  /** Bounding box of everything drawn, apertures included, mm. */
  ink: Box | null;
  /** Bounding box of flash positions and draw end points only, mm. */
  path: Box | null;
  flashes: number;
  draws: number;
  /** Syntax nodes the parser did not implement (X2 attributes land here). */
  unimplemented: string[];
}

const grow = (b: Box | null, x0: number, y0: number, x1: number, y1: number): Box =>
  b ? { minX: Math.min(b.minX, x0), minY: Math.min(b.minY, y0), maxX: Math.max(b.maxX, x1), maxY: Math.max(b.maxY, y1) } : { minX: x0, minY: y0, maxX: x1, maxY: y1 };

function literal(v: MacroValue | undefined, vars: number[]): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\$\d+$/.test(v)) return vars[Number(v.slice(1)) - 1] ?? 0;
  throw new Error(`macro expression not supported here: ${JSON.stringify(v)}`);
}

const rot = (x: number, y: number, deg: number): [number, number] => {
  const r = (deg * Math.PI) / 180;
  return [x * Math.cos(r) - y * Math.sin(r), x * Math.sin(r) + y * Math.cos(r)];
};

/** Half-extents box of a macro aperture around its origin. */
function macroBox(macro: ToolMacro, vars: number[]): Box {
  let box: Box | null = null;
  for (const block of macro.children) {
    if (block.type !== 'macroPrimitive') continue;
    const p = (block.parameters ?? []).map((v) => literal(v, vars));
    const pts: [number, number][] = [];
    let pad = 0;
    if (block.code === '1') {
      const [, d = 0, x = 0, y = 0, r = 0] = p;
      pts.push(rot(x, y, r));
      pad = d / 2;
    } else if (block.code === '21') {
      const [, w = 0, h = 0, x = 0, y = 0, r = 0] = p;
      for (const [sx, sy] of [[1, 1], [-1, 1], [-1, -1], [1, -1]]) pts.push(rot(x + (sx! * w) / 2, y + (sy! * h) / 2, r));
    } else if (block.code === '20') {
      const [, w = 0, x1 = 0, y1 = 0, x2 = 0, y2 = 0, r = 0] = p;
      pts.push(rot(x1, y1, r), rot(x2, y2, r));
      pad = w / 2; // conservative: a square end cap never exceeds w/2 off the centre line's box by more than w/2
    } else if (block.code === '4') {
      const n = p[1] ?? 0;
      const r = p[4 + 2 * n] ?? 0;
      for (let i = 0; i <= n; i++) pts.push(rot(p[2 + 2 * i] ?? 0, p[3 + 2 * i] ?? 0, r));
    } else throw new Error(`macro primitive ${block.code} not supported here`);
    for (const [x, y] of pts) box = grow(box, x - pad, y - pad, x + pad, y + pad);
  }
  return box ?? { minX: 0, minY: 0, maxX: 0, maxY: 0 };
}

function toolBox(shape: ToolShape, macros: Map<string, ToolMacro>): Box {
  switch (shape.type) {
    case 'circle':
      return { minX: -shape.diameter / 2, minY: -shape.diameter / 2, maxX: shape.diameter / 2, maxY: shape.diameter / 2 };
    case 'rectangle':
    case 'obround':
      return { minX: -shape.xSize / 2, minY: -shape.ySize / 2, maxX: shape.xSize / 2, maxY: shape.ySize / 2 };
    case 'polygon':
      return { minX: -shape.diameter / 2, minY: -shape.diameter / 2, maxX: shape.diameter / 2, maxY: shape.diameter / 2 };
    case 'macroShape': {
      const m = macros.get(shape.name);
      if (!m) throw new Error(`aperture uses undefined macro ${shape.name}`);
      return macroBox(m, shape.variableValues);
    }
    default:
      throw new Error(`aperture shape ${JSON.stringify(shape)} not supported here`);
  }
}

export function extentOf(tree: AstRoot): Extent {
  let decimals = 6;
  let leading = true;
  let scale = 1; // to mm
  const macros = new Map<string, ToolMacro>();
  const tools = new Map<string, Box>();
  let tool: Box | null = null;
  let mode: string | null = 'line';
  let x = 0;
  let y = 0;
  const out: Extent = { ink: null, path: null, flashes: 0, draws: 0, unimplemented: [] };
  const decode = (s: string | undefined, prev: number): number => {
    if (s === undefined) return prev;
    if (s.includes('.')) return Number(s) * scale;
    if (!leading) throw new Error('trailing-zero suppression not expected');
    return (Number(s) / 10 ** decimals) * scale;
  };
  for (const node of tree.children) {
    switch (node.type) {
      case 'coordinateFormat':
        if (node.format) decimals = node.format[1];
        leading = node.zeroSuppression !== 'trailing';
        if (node.mode === 'incremental') throw new Error('incremental coordinates not expected');
        break;
      case 'units':
        scale = node.units === 'in' ? 25.4 : 1;
        break;
      case 'toolMacro':
        macros.set(node.name, node);
        break;
      case 'toolDefinition': {
        const b = toolBox(node.shape, macros);
        tools.set(node.code, { minX: b.minX * scale, minY: b.minY * scale, maxX: b.maxX * scale, maxY: b.maxY * scale });
        break;
      }
      case 'toolChange':
        tool = tools.get(node.code) ?? null;
        if (!tool) throw new Error(`D${node.code} selected before it was defined`);
        break;
      case 'interpolateMode':
        mode = node.mode;
        break;
      case 'regionMode':
        if (node.region) throw new Error('regions not expected');
        break;
      case 'unimplemented':
        out.unimplemented.push(node.value);
        break;
      case 'graphic': {
        const nx = decode(node.coordinates.x, x);
        const ny = decode(node.coordinates.y, y);
        const g = node.graphic ?? (mode === 'drill' ? 'shape' : null);
        if (g === 'shape') {
          if (!tool) throw new Error('flash without an aperture');
          out.flashes++;
          out.ink = grow(out.ink, nx + tool.minX, ny + tool.minY, nx + tool.maxX, ny + tool.maxY);
          out.path = grow(out.path, nx, ny, nx, ny);
        } else if (g === 'segment' || g === 'slot') {
          if (!tool) throw new Error('draw without an aperture');
          if (mode === 'cwArc' || mode === 'ccwArc') throw new Error('arcs not expected');
          out.draws++;
          const fx = g === 'slot' ? decode(node.coordinates.x0, x) : x;
          const fy = g === 'slot' ? decode(node.coordinates.y0, y) : y;
          for (const [px, py] of [[fx, fy], [nx, ny]] as const) {
            out.ink = grow(out.ink, px + tool.minX, py + tool.minY, px + tool.maxX, py + tool.maxY);
            out.path = grow(out.path, px, py, px, py);
          }
        }
        x = nx;
        y = ny;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Union of boxes (nulls skipped). */
export function unionBox(boxes: (Box | null)[]): Box | null {
  let out: Box | null = null;
  for (const b of boxes) if (b) out = grow(out, b.minX, b.minY, b.maxX, b.maxY);
  return out;
}
