import { ZodError } from 'zod';
import { invalidInput } from '../../kernel/errors.js';
import { textProblem } from '../../kernel/text-rules.js';
import { CopperLayer, Design, MAX_COORD_MM, PIN_TYPES, type Component, type Net, type PinType, type Placement } from '../model/design.js';
import { inferredPinType } from '../parse/components.js';
import { isGroundName, isSupplyName } from '../erc/classify.js';
import { buildBoardGeometry } from '../board/index.js';
import { mapPinsToPads, resolveFootprint } from '../footprints/index.js';
import { arcPoints, type OutlineResult, type Pt } from './outline.js';
import { drop, note, tally, type FidelityReport } from './report.js';

/**
 * The format-neutral half of an import: parts with pads (each pad carrying its net), track segments,
 * vias, zones and an outline, as KiCad and EasyEDA readers produce them, turned into one validated
 * `Design` (src/eda/model/design.ts) plus the fidelity report. Coordinates move so the outline's
 * top-left corner is the origin (our board convention, docs/design-model.md); rotations that are not
 * a multiple of 90° are snapped (our placement holds 0/90/180/270) and counted.
 */
export interface ImportPad {
  number: string;
  net: string | null;
  name: string | null;
  type: string | null;
}

export interface ImportPart {
  ref: string;
  value: string;
  footprint: string;
  dnp: boolean;
  pads: ImportPad[];
  at?: Pt;
  angle?: number;
  bottom?: boolean;
}

export interface ImportSegment {
  start: Pt;
  end: Pt;
  mid?: Pt;
  width: number;
  layer: string;
  net: string | null;
}

export interface ImportSource {
  format: string;
  files: string[];
  name: string;
  description: string;
  parts: ImportPart[];
  /** Part counts the format reader dropped already (reason → count), e.g. schematic-only symbols. */
  partsDropped: Record<string, number>;
  /** Net names the source declares (nets with no pad still count). */
  nets: string[];
  segments: ImportSegment[];
  vias: { at: Pt; size: number; drill: number; net: string | null; special: boolean }[];
  zones: { net: string | null; layers: string[]; polygon: Pt[]; keepout: boolean; teardrop?: boolean }[];
  /** Zone counts the format reader dropped already (reason → count). */
  zonesDropped?: Record<string, number>;
  outline: OutlineResult;
  otherEdgeItems: number;
  copperLayers: string[];
  thicknessMm: number | null;
  /** Plain-language remarks for the report (what the reader could not do at all). */
  notes: string[];
  /** Names of nets the source writes for a single unconnected pad (KiCad's `unconnected-(…)`). */
  isNoConnectNet?: (name: string) => boolean;
}

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const cleanText = (s: string, max = 200): string | null => (s.length <= max && textProblem(s) === null ? s : null);

/** Part kinds by reference prefix (IEEE 315 designators as KiCad's libraries use them). */
const TYPE_BY_PREFIX: Record<string, string> = {
  R: 'resistor', RV: 'potentiometer', RN: 'resistor_network', C: 'capacitor', L: 'inductor', D: 'diode', LED: 'led', Q: 'transistor',
  U: 'ic', IC: 'ic', J: 'connector', P: 'connector', CN: 'connector', Y: 'crystal', X: 'crystal', SW: 'switch', K: 'relay', F: 'fuse',
  FB: 'ferrite_bead', TP: 'test_point', H: 'mounting_hole', MH: 'mounting_hole', JP: 'jumper', BT: 'battery', T: 'transformer', V: 'tube',
};
const typeOf = (ref: string): string => TYPE_BY_PREFIX[/^[A-Za-z]+/.exec(ref)?.[0]?.toUpperCase() ?? ''] ?? 'other';

/** KiCad electrical types → ours (the same words, except tri_state and free; `passive+no_connect` style suffixes dropped). */
function pinType(raw: string | null, ref: string): PinType {
  const base = (raw ?? '').split('+')[0]!;
  if (base === 'tri_state') return 'tristate';
  if (base === 'free') return 'unspecified';
  return (PIN_TYPES as readonly string[]).includes(base) ? (base as PinType) : inferredPinType(ref);
}

const inRange = (p: Pt): boolean => Math.abs(p[0]) <= MAX_COORD_MM && Math.abs(p[1]) <= MAX_COORD_MM;
const round = (v: number): number => Math.round(v * 1e6) / 1e6;

function componentId(ref: string, taken: Set<string>): string {
  let base = ref.replace(/[.\s]/g, '_');
  if (base === '' || RESERVED.has(base)) base = `part_${base}`;
  base = base.slice(0, 190);
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}_${k}`;
  taken.add(id);
  return id;
}

export function buildImportedDesign(src: ImportSource): { design: Design; report: FidelityReport } {
  const parts = tally();
  const nets = tally();
  const placementT = tally();
  const tracks = tally();
  const vias = tally();
  const zones = tally();
  const noConnect = src.isNoConnectNet ?? (() => false);

  // Board frame first: everything else is moved by its offset.
  let polygon = src.outline.polygon;
  let outlineKind: FidelityReport['outline']['kind'] = src.outline.kind;
  if (polygon && polygon.length > 10_000) polygon = null;
  if (!polygon) {
    const at = src.parts.flatMap((p) => (p.at ? [p.at] : []));
    if (at.length > 0) {
      const xs = at.map((p) => p[0]);
      const ys = at.map((p) => p[1]);
      const m = 5;
      polygon = [[Math.min(...xs) - m, Math.min(...ys) - m], [Math.max(...xs) + m, Math.min(...ys) - m], [Math.max(...xs) + m, Math.max(...ys) + m], [Math.min(...xs) - m, Math.max(...ys) + m]];
      outlineKind = 'rectangle_from_parts';
    } else outlineKind = 'none';
  }
  const xs = polygon?.map((p) => p[0]) ?? [0, 100];
  const ys = polygon?.map((p) => p[1]) ?? [0, 80];
  const offset: Pt = [Math.min(...xs), Math.min(...ys)];
  const move = (p: Pt): Pt => [round(p[0] - offset[0]), round(p[1] - offset[1])];
  const width = Math.min(2000, Math.max(1, Math.max(...xs) - offset[0]));
  const height = Math.min(2000, Math.max(1, Math.max(...ys) - offset[1]));

  // Nets: every named net except KiCad's single-pad no-connect nets, which our writer recreates.
  const netNames = new Set<string>(src.nets);
  for (const p of src.parts) for (const pad of p.pads) if (pad.net) netNames.add(pad.net);
  const netOut: Record<string, Net> = {};
  for (const name of [...netNames].sort()) {
    nets.source++;
    if (noConnect(name)) drop(nets, 'single-pad no-connect net (the KiCad writer recreates it)');
    else if (cleanText(name) === null || RESERVED.has(name)) drop(nets, 'name longer than 200 characters, reserved or with control characters');
    else {
      netOut[name] = { id: name, name, type: isGroundName(name) ? 'ground' : isSupplyName(name) ? 'power' : 'signal', nodes: [], class: null, constraints: {} };
      nets.imported++;
    }
  }

  const components: Record<string, Component> = {};
  const placement: Record<string, Placement> = {};
  const ids = new Set<string>();
  parts.source = src.parts.length;
  for (const [reason, n] of Object.entries(src.partsDropped)) {
    parts.source += n;
    drop(parts, reason, n);
  }
  for (const part of src.parts) {
    const ref = cleanText(part.ref) ?? '';
    const id = componentId(ref === '' ? 'REF' : ref, ids);
    // One pin per pad number; named after the pin when that name is usable and unique in the part.
    const byNumber = new Map<string, ImportPad[]>();
    for (const pad of part.pads) {
      if (pad.number === '' || cleanText(pad.number, 32) === null) continue;
      byNumber.set(pad.number, [...(byNumber.get(pad.number) ?? []), pad]);
    }
    const nameCount = new Map<string, number>();
    for (const pads of byNumber.values()) {
      const n = pads[0]!.name;
      if (n) nameCount.set(n, (nameCount.get(n) ?? 0) + 1);
    }
    const pins: Component['pins'] = {};
    for (const [number, pads] of byNumber) {
      const pinName = pads[0]!.name;
      // A name equal to another pad's number would make two different pins look alike.
      const usable = pinName !== null && pinName !== '' && pinName !== '~' && cleanText(pinName) !== null && !RESERVED.has(pinName) && nameCount.get(pinName) === 1 && (pinName === number || !byNumber.has(pinName));
      let key = usable && pinName !== null ? pinName : number;
      if (Object.hasOwn(pins, key)) key = number;
      pins[key] = { name: key, type: pinType(pads.find((p) => p.type)?.type ?? null, ref), number, description: '' };
      const net = pads.find((p) => p.net !== null)?.net ?? null;
      if (net !== null && netOut[net]) netOut[net].nodes.push({ component: id, pin: key });
    }
    components[id] = {
      id,
      ref: ref === '' ? id : ref,
      type: typeOf(ref),
      value: cleanText(part.value) || null,
      footprint: cleanText(part.footprint) || null,
      part_id: null,
      mpn: null,
      manufacturer: null,
      description: '',
      dnp: part.dnp,
      locked: false,
      voltage_supply: '',
      pins,
      properties: {},
    };
    parts.imported++;
    if (part.at) {
      placementT.source++;
      const at = move(part.at);
      const angle = (((part.angle ?? 0) % 360) + 360) % 360;
      const snapped = (Math.round(angle / 90) % 4) * 90;
      if (!inRange(at)) drop(placementT, 'position outside ±4,000 mm of the board origin');
      else {
        if (Math.abs(angle - snapped) > 0.01 && Math.abs(angle - 360) > 0.01) note(placementT, 'rotation snapped to a multiple of 90°');
        placement[id] = { x_mm: at[0], y_mm: at[1], rotation_deg: snapped as 0 | 90 | 180 | 270, side: part.bottom ? 'bottom' : 'top' };
        placementT.imported++;
      }
    }
  }
  for (const n of Object.values(netOut)) {
    const seen = new Set<string>();
    n.nodes = n.nodes.filter((node) => {
      const k = `${node.component}\0${node.pin}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }

  // Copper layers: KiCad's own names are ours; anything else is dropped from tracks.
  const layerCount = Math.max(1, Math.min(32, src.copperLayers.length || 2));
  const copperOk = (layer: string): boolean => CopperLayer.safeParse(layer).success && (src.copperLayers.length === 0 || src.copperLayers.includes(layer));
  const netOk = (t: typeof tracks, net: string | null): net is string => {
    if (net === null) drop(t, 'no net');
    else if (!netOut[net]) drop(t, 'its net was not imported');
    else return true;
    return false;
  };
  const routing: Design['routing'] = { tracks: [], vias: [] };
  for (const s of src.segments) {
    tracks.source++;
    if (!netOk(tracks, s.net)) continue;
    if (!copperOk(s.layer)) {
      drop(tracks, 'not on a copper layer of the board');
      continue;
    }
    if (!(s.width > 0 && s.width <= 20)) {
      drop(tracks, 'width outside (0, 20] mm');
      continue;
    }
    const path = (s.mid ? arcPoints(s.start, s.mid, s.end) : [s.start, s.end]).map(move);
    if (!path.every(inRange)) {
      drop(tracks, 'outside ±4,000 mm of the board origin');
      continue;
    }
    if (s.mid) note(tracks, 'arc track approximated by straight chords');
    for (let i = 1; i < path.length; i++) routing.tracks.push({ net: s.net, layer: s.layer, start: path[i - 1]!, end: path[i]!, width_mm: s.width });
    tracks.imported++;
  }
  for (const v of src.vias) {
    vias.source++;
    if (!netOk(vias, v.net)) continue;
    const at = move(v.at);
    if (!(v.size > 0 && v.size <= 20 && v.drill > 0 && v.drill <= 20) || !inRange(at)) {
      drop(vias, 'size, drill or position out of range');
      continue;
    }
    if (v.special) note(vias, 'blind, buried or micro via imported as a through via');
    routing.vias.push({ net: v.net, at, diameter_mm: v.size, drill_mm: v.drill });
    vias.imported++;
  }
  const pours: Design['copper_pours'] = {};
  for (const [reason, n] of Object.entries(src.zonesDropped ?? {})) {
    zones.source += n;
    drop(zones, reason, n);
  }
  src.zones.forEach((z, i) => {
    zones.source++;
    if (z.keepout) return drop(zones, 'rule area (keepout) not imported');
    if (z.teardrop) return drop(zones, 'teardrop (KiCad regenerates it from its settings)');
    if (!netOk(zones, z.net)) return;
    const layers = z.layers.filter(copperOk);
    const poly = z.polygon.map(move);
    if (layers.length === 0 || poly.length < 3 || poly.length > 10_000 || !poly.every(inRange)) return drop(zones, 'no copper layer of the board, or an unusable polygon');
    for (const layer of layers) pours[`zone-${i + 1}${layers.length > 1 ? `-${layer}` : ''}`] = { net: z.net!, layer, polygon: poly };
    zones.imported++;
  });

  const raw = {
    schema_version: 1,
    meta: { name: src.name, version: '0.1.0', description: src.description.slice(0, 2000), author: '', tags: ['imported', src.format] },
    board: { width_mm: round(width), height_mm: round(height), layers: layerCount, outline_mm: polygon ? polygon.map(move) : null, thickness_mm: src.thicknessMm && src.thicknessMm > 0 && src.thicknessMm <= 10 ? src.thicknessMm : 1.6 },
    components,
    nets: netOut,
    placement,
    routing,
    copper_pours: pours,
  };
  let design: Design;
  try {
    design = Design.parse(raw);
  } catch (err) {
    const issue = err instanceof ZodError ? err.issues[0] : undefined;
    throw invalidInput(`the imported design is not valid: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown reason'}`, [], { reason: 'model' });
  }

  const geometry = buildBoardGeometry(design, resolveFootprint, mapPinsToPads);
  const report: FidelityReport = {
    format: src.format,
    files: src.files,
    parts,
    nets,
    placement: placementT,
    tracks,
    vias,
    zones,
    outline: {
      kind: outlineKind,
      vertices: polygon?.length ?? 0,
      cutouts_dropped: src.outline.cutouts,
      curves_approximated: src.outline.curvesApproximated,
      open_items: src.outline.openItems,
      other_items_dropped: src.otherEdgeItems,
    },
    offset_mm: [round(offset[0]), round(offset[1])],
    notes: src.notes,
    schematic_check: null,
    export_preview: {
      footprints_missing: geometry.missingFootprints.length,
      missing_refs: geometry.missingFootprints.map((m) => m.ref).slice(0, 50),
      pins_without_pad: geometry.unmappedPins.length,
    },
  };
  return { design, report };
}
