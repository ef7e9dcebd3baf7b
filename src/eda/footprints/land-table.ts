import type { Footprint, PadShape } from '../model/footprint.js';
import type { CatalogEntry } from './catalog-entry.js';
import { assemble, centredRect, pinOneMark, smdPad, type FootprintSpec } from './build.js';

/**
 * Land patterns given as a table of SMD lands rather than computed from lead dimensions: sensor
 * packages (LGA, OLGA, vendor DFNs, modules) whose recommended layout is a drawing, not a JEDEC
 * outline the generators in quad.ts / smd-two-row.ts cover. Each table names where its lands
 * come from in `source`.
 */

/** One SMD land: pad number, centre x and y, width and height (mm, footprint-local, y down), shape (rect unless given). */
export type Land = readonly [number: string, x: number, y: number, w: number, h: number, shape?: PadShape];

export interface LandTable {
  name: string;
  family: string;
  description: string;
  aliases: string[];
  /** Where the land sizes and positions come from. */
  source: string;
  /** Body outline [width, height] in mm, centred on the origin unless `bodyCentre` says otherwise. */
  body: [number, number];
  bodyCentre?: [number, number];
  pitchMm?: number;
  lands: Land[];
}

/** IPC-7351B courtyard excess for small no-lead and LGA packages, density N. */
const COURTYARD_EXCESS_MM = 0.25;

/**
 * A footprint from its pads as a table gives them (sensor lands here, modules in module-lands.ts,
 * power and connector parts in power-connector-lands.ts): courtyard at the IPC-7351B excess unless
 * stated, a pin-1 mark on the silkscreen, and the source of the lands.
 */
export type PadTable = Omit<FootprintSpec, 'courtyardExcessMm' | 'extraSilk'> & { courtyardExcessMm?: number };

export function padTableFootprint(t: PadTable): Footprint {
  return assemble({ ...t, courtyardExcessMm: t.courtyardExcessMm ?? COURTYARD_EXCESS_MM, extraSilk: pinOneMark(t.pads, t.body) });
}

/**
 * The lands of a square QFN as KiCad's Package_DFN_QFN footprints place them: `perSide` rounded
 * pads a side at `pitch`, numbered counter-clockwise from the top of the left side, centres `reach`
 * from the middle, `length` × `width` (length across the side), then the exposed pad, drawn whole.
 */
export function quadLands(perSide: number, pitch: number, reach: number, length: number, width: number, exposed: [number, number]): Land[] {
  const lands: Land[] = [];
  const first = -((perSide - 1) / 2) * pitch;
  const at = (i: number) => Number((first + i * pitch).toFixed(4));
  for (let i = 0; i < perSide; i++) lands.push([String(1 + i), -reach, at(i), length, width, 'roundrect']);
  for (let i = 0; i < perSide; i++) lands.push([String(1 + perSide + i), at(i), reach, width, length, 'roundrect']);
  for (let i = 0; i < perSide; i++) lands.push([String(1 + 2 * perSide + i), reach, -at(i), length, width, 'roundrect']);
  for (let i = 0; i < perSide; i++) lands.push([String(1 + 3 * perSide + i), -at(i), -reach, width, length, 'roundrect']);
  lands.push([String(4 * perSide + 1), 0, 0, exposed[0], exposed[1]]);
  return lands;
}

export function landTableFootprint(t: LandTable): Footprint {
  const pads = t.lands.map(([number, x, y, w, h, shape]) => smdPad(number, x, y, w, h, { shape: shape ?? 'rect' }));
  const [cx, cy] = t.bodyCentre ?? [0, 0];
  return padTableFootprint({ name: t.name, family: t.family, description: t.description, pads, body: centredRect(t.body[0], t.body[1], cx, cy), source: t.source });
}

export function landEntry(t: LandTable): CatalogEntry {
  const entry: CatalogEntry = { name: t.name, family: t.family, description: t.description, aliases: t.aliases, bodyMm: t.body, build: () => landTableFootprint(t) };
  if (t.pitchMm !== undefined) entry.pitchMm = t.pitchMm;
  return entry;
}
