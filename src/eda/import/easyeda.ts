import { invalidInput } from '../../kernel/errors.js';
import type { Design } from '../model/design.js';
import { buildImportedDesign, type ImportPart, type ImportSegment, type ImportSource } from './build-design.js';
import { buildOutline, type EdgeShape, type Pt } from './outline.js';
import type { FidelityReport } from './report.js';

/**
 * EasyEDA Standard PCB documents (docType 3), read from the format EasyEDA publishes
 * (docs.easyeda.com, "EasyEDA Document Format" → "PCB File Format"): a JSON object whose `shape` array
 * holds one string per item, fields separated by `~`; a footprint (`LIB`) carries its own items after
 * `#@$` separators and its custom attributes as `` key`value `` pairs. Lengths are in units of 10 mil
 * (0.254 mm); y grows downwards as in SVG, which is our board convention too.
 *
 * Fields read (1-based after the command):
 *   TRACK~width~layer~net~"x1 y1 x2 y2 …"~id   (layer 10 = board outline)
 *   VIA~x~y~diameter~net~holeRadius~id
 *   LIB~x~y~attributes~rotation~importFlag~id  (attributes: package, value …)
 *   PAD~shape~x~y~width~height~layer~net~number~holeRadius~points~rotation~id
 *   TEXT~P|N~x~y~…~text (10th field): P is the reference, N the value
 * Layers: 1 top copper, 2 bottom copper, 11 all copper (through-hole), 21–50 inner copper 1–30.
 * EasyEDA turns items clockwise on screen (SVG `rotate`); ours turn counter-clockwise seen from the
 * top, as KiCad's, so an angle a becomes (360 − a) mod 360.
 */
export const UNIT_MM = 0.254;
const SP = '~';
const NEWLINE = '#@$';
const PARASP = '`';

const copperName = (id: string): string | null => {
  if (id === '1') return 'F.Cu';
  if (id === '2') return 'B.Cu';
  const n = Number(id);
  return Number.isInteger(n) && n >= 21 && n <= 50 ? `In${n - 20}.Cu` : null;
};

const mm = (s: string | undefined): number => Number(s) * UNIT_MM;
const finite = (...v: number[]) => v.every(Number.isFinite);

function points(s: string | undefined): Pt[] {
  const v = (s ?? '').trim().split(/[\s,]+/).map(Number);
  const out: Pt[] = [];
  for (let i = 0; i + 1 < v.length; i += 2) out.push([v[i]! * UNIT_MM, v[i + 1]! * UNIT_MM]);
  return out.every((p) => finite(p[0], p[1])) ? out : [];
}

function attributes(s: string | undefined): Record<string, string> {
  const parts = (s ?? '').split(PARASP);
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i]) out[parts[i]!] = parts[i + 1]!;
  return out;
}

interface Doc {
  head?: unknown;
  shape?: unknown;
  docType?: unknown;
  title?: unknown;
}

function docTypeOf(doc: Doc): string {
  if (doc.docType !== undefined) return String(doc.docType);
  if (typeof doc.head === 'string') return doc.head.split(SP)[0] ?? '';
  if (doc.head && typeof doc.head === 'object') return String((doc.head as Record<string, unknown>)['docType'] ?? '');
  return '';
}

/** Parses the JSON text; the document may be wrapped as `{ dataStr: {…} }` (as EasyEDA's API returns it). */
export function parseEasyedaDocument(textIn: string, field: string): Doc {
  let v: unknown;
  try {
    v = JSON.parse(textIn);
  } catch {
    throw invalidInput(`${field} is not JSON`, [field], { reason: 'malformed' });
  }
  if (v && typeof v === 'object' && !Array.isArray(v) && 'dataStr' in v && typeof (v as { dataStr: unknown }).dataStr === 'object') v = (v as { dataStr: unknown }).dataStr;
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw invalidInput(`${field} is not an EasyEDA document object`, [field], { reason: 'malformed' });
  const doc = v as Doc;
  const type = docTypeOf(doc);
  if (type !== '3') throw invalidInput(`${field}: docType ${JSON.stringify(type.slice(0, 10))} is not an EasyEDA Standard PCB (3); schematics and libraries are not imported`, [field], { reason: 'unsupported_document' });
  if (!Array.isArray(doc.shape) || !doc.shape.every((s) => typeof s === 'string')) throw invalidInput(`${field}: "shape" must be an array of strings`, [field], { reason: 'malformed' });
  if (doc.shape.length > 500_000) throw invalidInput(`${field}: more than 500,000 shapes`, [field], { reason: 'too_large' });
  return doc;
}

function readLib(fields: string[], net: (n: string | undefined) => string | null): { part: ImportPart; other: number } {
  const [head, ...subs] = fields.join(SP).split(NEWLINE);
  const f = head!.split(SP);
  const attrs = attributes(f[3]);
  const part: ImportPart = { ref: '', value: attrs['value'] ?? '', footprint: attrs['package'] ?? '', dnp: false, pads: [], at: [mm(f[1]), mm(f[2])], angle: (360 - (Number(f[4]) || 0)) % 360 };
  let top = 0;
  let bottom = 0;
  let other = 0;
  for (const sub of subs) {
    const s = sub.split(SP);
    if (s[0] === 'PAD') {
      part.pads.push({ number: s[8] ?? '', net: net(s[7]), name: null, type: null });
      if (s[6] === '1') top++;
      if (s[6] === '2') bottom++;
    } else if (s[0] === 'TEXT' && s[1] === 'P') part.ref = s[10] ?? '';
    else if (s[0] === 'TEXT' && s[1] === 'N' && part.value === '') part.value = s[10] ?? '';
    else other++;
  }
  part.bottom = bottom > 0 && top === 0;
  return { part, other };
}

export function importEasyedaPcb(doc: Doc, name: string): { design: Design; report: FidelityReport } {
  const parts: ImportPart[] = [];
  const segments: ImportSegment[] = [];
  const vias: ImportSource['vias'] = [];
  const edges: EdgeShape[] = [];
  const nets = new Set<string>();
  const layers = new Set<string>(['F.Cu', 'B.Cu']);
  const net = (n: string | undefined): string | null => {
    if (!n || n.trim() === '') return null;
    nets.add(n);
    return n;
  };
  let other = 0;
  let zonesSkipped = 0;
  for (const shape of doc.shape as string[]) {
    const f = shape.split(SP);
    switch (f[0]) {
      case 'TRACK': {
        const pts = points(f[4]);
        const width = mm(f[1]);
        if (f[2] === '10') {
          for (let i = 1; i < pts.length; i++) edges.push({ kind: 'line', points: [pts[i - 1]!, pts[i]!] });
          break;
        }
        const layer = copperName(f[2] ?? '');
        if (!layer) {
          other++;
          break;
        }
        layers.add(layer);
        for (let i = 1; i < pts.length; i++) segments.push({ start: pts[i - 1]!, end: pts[i]!, width, layer, net: net(f[3]) });
        break;
      }
      case 'VIA':
        if (finite(mm(f[1]), mm(f[2]))) vias.push({ at: [mm(f[1]), mm(f[2])], size: mm(f[3]), drill: 2 * mm(f[5]), net: net(f[4]), special: false });
        break;
      case 'LIB': {
        const { part, other: o } = readLib(f, net);
        if (finite(part.at![0], part.at![1])) parts.push(part);
        other += o;
        break;
      }
      case 'COPPERAREA':
        zonesSkipped++;
        break;
      default:
        other++;
    }
  }
  const layerList = [...layers].sort((a, b) => (a === 'F.Cu' ? -1 : b === 'F.Cu' ? 1 : a === 'B.Cu' ? 1 : b === 'B.Cu' ? -1 : a.localeCompare(b, 'en', { numeric: true })));
  const notes: string[] = [];
  if (other > 0) notes.push(`${other} graphic item(s) (silkscreen, text, arcs, holes) are not part of our model`);
  const title = typeof doc.title === 'string' ? doc.title : name;
  return buildImportedDesign({
    format: 'easyeda-std',
    files: [],
    name,
    description: `Imported from the EasyEDA Standard PCB "${title.slice(0, 100)}"`,
    parts,
    partsDropped: {},
    nets: [...nets],
    segments,
    vias,
    zones: [],
    zonesDropped: zonesSkipped > 0 ? { 'copper area not imported (its outline is an SVG path)': zonesSkipped } : {},
    outline: buildOutline(edges),
    otherEdgeItems: 0,
    copperLayers: layerList,
    thicknessMm: null,
    notes,
  });
}
