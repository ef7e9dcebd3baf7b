import { invalidInput } from '../../kernel/errors.js';
import type { Design } from '../model/design.js';
import { buildImportedDesign, type ImportPart, type ImportSegment, type ImportSource } from './build-design.js';
import { buildOutline, type EdgeShape, type Pt } from './outline.js';
import type { FidelityReport } from './report.js';

/**
 * Altium "PCB ASCII" documents (Altium Designer's File Format dialog, "PCB ASCII Version 5.0"): one record
 * a line, `|RECORD=<kind>|KEY=value|…`. Altium publishes no field list; the keys read here are the ones
 * Altium's binary PcbDoc stores in the same text form in its Board6, Nets6 and Components6 streams, as
 * KiCad's import documentation (dev-docs.kicad.org, "Import Formats → Altium") and pcb-rnd's
 * (doc/developer/alien_formats/io_altium) describe them:
 *   Board      VX<i>/VY<i> outline vertices (KIND<i> 1 = arc, read as its chord)
 *   Net        NAME; tracks, pads and vias name a net by its ID, else by its place among Net records
 *   Component  SOURCEDESIGNATOR, COMMENT, PATTERN, X, Y, ROTATION, LAYER (TOP/BOTTOM); ID, else its place
 *   Pad        NAME, COMPONENT, NET, X, Y;  Track  LAYER, NET, X1, Y1, X2, Y2, WIDTH, COMPONENT;
 *   Via        X, Y, DIAMETER, HOLESIZE, NET
 * Lengths carry their unit ("100mil", "2.54mm"); a bare number is mil. Altium's Y axis points up and ours
 * down, so y flips; both count rotation counter-clockwise as seen from the top. Copper layers TOP, BOTTOM
 * and MID<n> map to F.Cu, B.Cu and In<n>.Cu. The binary PcbDoc (an OLE compound file) is not read.
 */
const CFB_SIGNATURE = '\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1';
const MM_PER_MIL = 0.0254;

type Rec = Map<string, string>;

function parseRecord(line: string): Rec | null {
  const rec: Rec = new Map();
  for (const field of line.split('|')) {
    const eq = field.indexOf('=');
    if (eq > 0) rec.set(field.slice(0, eq).trim().toUpperCase(), field.slice(eq + 1));
  }
  return rec.has('RECORD') ? rec : null;
}

/** A length in mm, from "12.5mil", "0.3mm" or a bare mil number; NaN when unreadable. */
function length(v: string | undefined): number {
  const m = /^\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*(mil|mm)?\s*$/i.exec(v ?? '');
  if (!m) return Number.NaN;
  return m[2]?.toLowerCase() === 'mm' ? Number(m[1]) : Number(m[1]) * MM_PER_MIL;
}
const point = (x: string | undefined, y: string | undefined): Pt => [length(x), -length(y)];
const finite = (...v: number[]) => v.every(Number.isFinite);

function copperLayer(v: string | undefined): string | null {
  const l = (v ?? '').toUpperCase();
  if (l === 'TOP') return 'F.Cu';
  if (l === 'BOTTOM') return 'B.Cu';
  const n = /^MID(?:LAYER)?(\d+)$/.exec(l);
  return n && Number(n[1]) >= 1 && Number(n[1]) <= 30 ? `In${Number(n[1])}.Cu` : null;
}

/** An owner reference (COMPONENT, NET) that is absent or "no owner": -1, or 65535 in 16-bit form. */
const noOwner = (v: string | undefined): boolean => v === undefined || v.trim() === '' || v === '-1' || v === '65535';

export function parseAltiumAscii(text: string, field: string): Rec[] {
  if (text.startsWith(CFB_SIGNATURE)) {
    throw invalidInput(`${field} is a binary PcbDoc (OLE compound file); only the PCB ASCII form is read — save it from Altium as "PCB ASCII"`, [field], { reason: 'binary_pcbdoc' });
  }
  const lines = text.split(/\r?\n/);
  if (lines.length > 2_000_000) throw invalidInput(`${field}: more than 2,000,000 lines`, [field], { reason: 'too_large' });
  const recs = lines.map((l) => (l.trimStart().startsWith('|') ? parseRecord(l) : null)).filter((r): r is Rec => r !== null);
  if (!recs.some((r) => r.get('RECORD')?.toLowerCase() === 'board')) {
    throw invalidInput(`${field} is not an Altium PCB ASCII document (no |RECORD=Board| line)`, [field], { reason: 'unsupported_document' });
  }
  return recs;
}

export function importAltiumAscii(recs: Rec[], name: string): { design: Design; report: FidelityReport } {
  const kind = (r: Rec) => (r.get('RECORD') ?? '').toLowerCase();
  const byKind = (k: string) => recs.filter((r) => kind(r) === k);
  const netName = new Map<string, string>();
  byKind('net').forEach((r, i) => netName.set(r.get('ID') ?? String(i), r.get('NAME') ?? `Net${i}`));
  const net = (v: string | undefined): string | null => (noOwner(v) ? null : (netName.get(v!.trim()) ?? null));

  const parts: ImportPart[] = [];
  const partByKey = new Map<string, ImportPart>();
  let partsUnreadable = 0;
  byKind('component').forEach((r, i) => {
    const at = point(r.get('X'), r.get('Y'));
    const part: ImportPart = {
      ref: r.get('SOURCEDESIGNATOR') ?? r.get('NAME') ?? '',
      value: r.get('COMMENT') ?? r.get('SOURCECOMMENT') ?? '',
      footprint: r.get('PATTERN') ?? '',
      dnp: false,
      pads: [],
      at,
      angle: ((Number(r.get('ROTATION') ?? 0) % 360) + 360) % 360,
      bottom: (r.get('LAYER') ?? '').toUpperCase() === 'BOTTOM',
    };
    partByKey.set(r.get('ID') ?? String(i), part);
    if (finite(at[0], at[1], part.angle ?? 0)) parts.push(part);
    else partsUnreadable++;
  });
  let freePads = 0;
  for (const r of byKind('pad')) {
    const owner = noOwner(r.get('COMPONENT')) ? undefined : partByKey.get(r.get('COMPONENT')!.trim());
    if (!owner) freePads++;
    else owner.pads.push({ number: r.get('NAME') ?? '', net: net(r.get('NET')), name: null, type: null });
  }

  const segments: ImportSegment[] = [];
  const edges: EdgeShape[] = [];
  const layers = new Set<string>(['F.Cu', 'B.Cu']);
  let footprintItems = 0;
  let otherItems = 0;
  for (const r of byKind('track')) {
    if (!noOwner(r.get('COMPONENT'))) {
      footprintItems++;
      continue;
    }
    const layer = copperLayer(r.get('LAYER'));
    const a = point(r.get('X1'), r.get('Y1'));
    const b = point(r.get('X2'), r.get('Y2'));
    if (!layer || !finite(...a, ...b, length(r.get('WIDTH')))) {
      otherItems++;
      continue;
    }
    layers.add(layer);
    segments.push({ start: a, end: b, width: length(r.get('WIDTH')), layer, net: net(r.get('NET')) });
  }
  const vias: ImportSource['vias'] = [];
  for (const r of byKind('via')) {
    const at = point(r.get('X'), r.get('Y'));
    if (finite(...at)) vias.push({ at, size: length(r.get('DIAMETER')), drill: length(r.get('HOLESIZE')), net: net(r.get('NET')), special: false });
  }

  const board = byKind('board')[0]!;
  const outline: Pt[] = [];
  for (let i = 0; board.has(`VX${i}`) && board.has(`VY${i}`); i++) outline.push(point(board.get(`VX${i}`), board.get(`VY${i}`)));
  const arcs = outline.filter((_, i) => board.get(`KIND${i}`) === '1').length;
  if (outline.length >= 3 && outline.every((p) => finite(...p))) edges.push({ kind: 'poly', points: outline });

  const notes: string[] = [];
  if (arcs > 0) notes.push(`${arcs} outline arc(s) read as straight edges`);
  if (footprintItems > 0) notes.push(`${footprintItems} footprint graphic(s) belong to parts; our footprints are built from their names`);
  if (otherItems > 0) notes.push(`${otherItems} track(s) on non-copper layers (silkscreen, mechanical, keep-out) are not part of our model`);
  if (freePads > 0) notes.push(`${freePads} free pad(s) outside any part are not part of our model`);
  const dropped = [...new Set(recs.map(kind))].filter((k) => !['board', 'net', 'component', 'pad', 'track', 'via'].includes(k));
  if (dropped.length > 0) notes.push(`record kinds not read: ${dropped.slice(0, 20).join(', ')}`);
  const layerList = [...layers].sort((a, b) => (a === 'F.Cu' ? -1 : b === 'F.Cu' ? 1 : a === 'B.Cu' ? 1 : b === 'B.Cu' ? -1 : a.localeCompare(b, 'en', { numeric: true })));
  return buildImportedDesign({
    format: 'altium-ascii',
    files: [],
    name,
    description: 'Imported from an Altium PCB ASCII document',
    parts,
    partsDropped: partsUnreadable > 0 ? { 'position or rotation unreadable': partsUnreadable } : {},
    nets: [...netName.values()],
    segments,
    vias,
    zones: [],
    zonesDropped: byKind('polygon').length > 0 ? { 'polygon pour not imported': byKind('polygon').length } : {},
    outline: buildOutline(edges),
    otherEdgeItems: 0,
    copperLayers: layerList,
    thicknessMm: null,
    notes,
  });
}
