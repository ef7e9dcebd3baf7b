import type { Design, Keepout, Point } from '../../model/design.js';
import { boardOutline } from '../../model/design.js';
import type { BoardGeometry, BoardPad } from '../../board/index.js';
import { list, serialize, sym, yesNo, type SExpr, type SList } from '../../sexpr/index.js';
import { resolveDesignRules, type DrcOptions } from '../../drc/design-rules.js';
import { footprintExpr, writtenPadNumber } from './footprint.js';
import { kicadCopperLayers, layersSection } from './layers.js';
import { kicadNets, unconnectedNetName, type KicadNet } from './nets.js';
import { netResolver } from '../../board/net-resolver.js';
import type { PartLookup } from '../../model/part.js';
import { componentValue } from '../bom/value.js';
import { planReferenceTexts } from './silk-text.js';

/**
 * `.kicad_pcb` writer, KiCad 9 format (file version 20241229, KiCad 9 layer ids). Written from the
 * KiCad "Board File Format" documentation and checked against kicad-cli 9.0.8 (docs/drc.md).
 * Design rules live in the `.kicad_pro` (see project.ts), as in KiCad 6 and later.
 */

export const KICAD_PCB_VERSION = 20241229;

export interface KicadPcbOptions {
  /** Write copper pours as (unfilled) zones; default true. kicad-cli DRC does not fill zones. */
  zones?: boolean;
  /** Edge.Cuts line width; default 0.05 mm. */
  edgeWidthMm?: number;
  drc?: DrcOptions;
  /** Library lookup for footprint Value fields (export/bom/value.ts), so they equal the schematic's. */
  lookupPart?: PartLookup;
}

const stroke = (widthMm: number): SList => list('stroke', list('width', widthMm), list('type', sym('solid')));
const pts = (poly: readonly Point[]): SList => list('pts', ...poly.map((p) => list('xy', p[0], p[1])));

function isAxisRect(poly: readonly Point[]): boolean {
  if (poly.length !== 4) return false;
  const xs = new Set(poly.map((p) => p[0]));
  const ys = new Set(poly.map((p) => p[1]));
  if (xs.size !== 2 || ys.size !== 2) return false;
  // consecutive vertices must share x or y (a rectangle, not a bow-tie)
  return poly.every((p, i) => {
    const q = poly[(i + 1) % 4]!;
    return p[0] === q[0] || p[1] === q[1];
  });
}

/**
 * A design keep-out (antenna clearance, mounting hole, board cut-out) as a KiCad rule area, so a
 * pour added in KiCad leaves it empty and KiCad's DRC flags a track or via moved into it (KiCad
 * "Board File Format", zone `keepout` token). A keep-out that bars tracks bars pours too: both
 * are copper. Pads and footprints stay allowed there: the module that owns an antenna keep-out
 * overhangs it, and placement is checked by ZapTrace's placer, not by this rule.
 */
function keepoutZone(k: Keepout, copper: readonly string[]): SList {
  const allowed = (ok: boolean) => sym(ok ? 'allowed' : 'not_allowed');
  const layers = k.layers.length > 0 ? copper.filter((l) => k.layers.includes(l as Keepout['layers'][number])) : copper;
  return list(
    'zone',
    list('net', 0),
    list('net_name', ''),
    list('layers', ...layers),
    list('name', k.id),
    list('hatch', sym('edge'), 0.5),
    list('connect_pads', list('clearance', 0)),
    list('min_thickness', 0.25),
    list('filled_areas_thickness', yesNo(false)),
    list('keepout', list('tracks', allowed(!k.no_tracks)), list('vias', allowed(!k.no_vias)), list('pads', allowed(true)), list('copperpour', allowed(!k.no_tracks)), list('footprints', allowed(true))),
    list('fill', list('thermal_gap', 0.5), list('thermal_bridge_width', 0.5)),
    list('polygon', pts(k.polygon)),
  );
}

export function writeKicadPcb(design: Design, geometry: BoardGeometry, options: KicadPcbOptions = {}): string {
  const nets = kicadNets(design);
  const netOf = netResolver(design);
  const copper = kicadCopperLayers(design.board.layers);
  const rules = resolveDesignRules(design, options.drc);
  const items: (SExpr | undefined)[] = [
    list('version', KICAD_PCB_VERSION),
    list('generator', 'zaptrace'),
    list('generator_version', '0.1'),
    list('general', list('thickness', design.board.thickness_mm), list('legacy_teardrops', yesNo(false))),
    list('paper', 'A4'),
    layersSection(copper),
    list(
      'setup',
      list('pad_to_mask_clearance', 0),
      list('allow_soldermask_bridges_in_footprints', yesNo(false)),
      list('tenting', sym('front'), sym('back')),
    ),
    list('net', 0, ''),
  ];
  for (const n of [...nets.values()]) items.push(list('net', n.number, n.name));
  // Pads of pins that are on no net carry KiCad's own "unconnected-(…)" net, as a board updated
  // from the schematic does; stacked lands written under one number are left without.
  const unconnected = new Map<BoardPad, KicadNet>();
  let next = nets.size + 1;
  for (const pad of geometry.pads) {
    if (pad.pin === null || pad.net !== null || pad.kind === 'np_thru_hole' || pad.land !== undefined) continue;
    const net = { number: next++, name: unconnectedNetName(pad.ref, pad.pin, writtenPadNumber(pad)) };
    unconnected.set(pad, net);
    items.push(list('net', net.number, net.name));
  }

  const padsByComponent = new Map<string, BoardPad[]>();
  for (const pad of geometry.pads) {
    const l = padsByComponent.get(pad.component) ?? [];
    l.push(pad);
    padsByComponent.set(pad.component, l);
  }
  const outline = boardOutline(design.board);
  const refTexts = planReferenceTexts(geometry, outline).byComponent;
  for (const placed of geometry.footprints) {
    const component = design.components[placed.component];
    if (!component) continue;
    const value = componentValue(component, options.lookupPart?.(component));
    const refText = refTexts.get(placed.component);
    items.push(footprintExpr({ placed, component, pads: padsByComponent.get(placed.component) ?? [], nets, value, unconnected, ...(refText ? { refText } : {}) }));
  }

  const edgeW = options.edgeWidthMm ?? 0.05;
  if (isAxisRect(outline)) {
    const xs = outline.map((p) => p[0]);
    const ys = outline.map((p) => p[1]);
    items.push(
      list('gr_rect', list('start', Math.min(...xs), Math.min(...ys)), list('end', Math.max(...xs), Math.max(...ys)), stroke(edgeW), list('fill', sym('no')), list('layer', 'Edge.Cuts')),
    );
  } else {
    items.push(list('gr_poly', pts(outline), stroke(edgeW), list('fill', sym('no')), list('layer', 'Edge.Cuts')));
  }

  const netNumber = (key: string): number => {
    const id = netOf(key);
    return id === null ? 0 : (nets.get(id)?.number ?? 0);
  };
  for (const t of design.routing.tracks) {
    items.push(list('segment', list('start', t.start[0], t.start[1]), list('end', t.end[0], t.end[1]), list('width', t.width_mm), list('layer', t.layer), list('net', netNumber(t.net))));
  }
  const outer = [copper[0]!, copper[copper.length - 1]!];
  for (const v of design.routing.vias) {
    items.push(list('via', list('at', v.at[0], v.at[1]), list('size', v.diameter_mm), list('drill', v.drill_mm), list('layers', ...outer), list('net', netNumber(v.net))));
  }

  if (options.zones ?? true) {
    for (const id of Object.keys(design.copper_pours).sort()) {
      const pour = design.copper_pours[id]!;
      const netId = netOf(pour.net);
      const net = netId !== null ? nets.get(netId) : undefined;
      const clearance = rules.clearanceBetween(netId, null);
      items.push(
        list(
          'zone',
          list('net', net?.number ?? 0),
          list('net_name', net?.name ?? ''),
          list('layer', pour.layer),
          list('name', id),
          list('hatch', sym('edge'), 0.5),
          list('connect_pads', list('clearance', clearance)),
          list('min_thickness', 0.25),
          list('filled_areas_thickness', yesNo(false)),
          list('fill', list('thermal_gap', 0.5), list('thermal_bridge_width', 0.5)),
          list('polygon', pts(pour.polygon)),
        ),
      );
    }
  }
  for (const k of design.keepouts) items.push(keepoutZone(k, copper));
  return serialize(list('kicad_pcb', ...items)) + '\n';
}
