import type { Footprint, Pad, PadShape } from '../model/footprint.js';
import { smdPad, thtPad, type Rect } from './build.js';
import { padTableFootprint } from './land-table.js';

/**
 * Module footprints given as a table of lands read from a vendor's recommended land pattern (or
 * from a published footprint that transcribes it): castellated and LGA modules whose lands are not
 * a regular quad or dual row. Coordinates are footprint-local millimetres, y down, origin as in the
 * source; the body rectangle is given as corners because module origins are rarely the body centre.
 */

/** One land: [pad number, x, y, width, height, shape?, drill?]. A drill makes it a plated through-hole. */
export type ModuleLand = readonly [string, number, number, number, number, PadShape?, number?];

/** `count` lands numbered from `first` upwards, stepping (dx, dy) from (x, y). */
export function landRow(first: number, count: number, x: number, y: number, dx: number, dy: number, w: number, h: number, shape: PadShape = 'rect'): ModuleLand[] {
  return Array.from({ length: count }, (_, i): ModuleLand => [String(first + i), x + i * dx, y + i * dy, w, h, shape]);
}

export interface ModuleLandSpec {
  name: string;
  /** Footprint family; 'module' unless the part is a system-in-package ('lga'). */
  family?: string;
  description: string;
  body: Rect;
  lands: readonly ModuleLand[];
  /** Where the lands come from (document and figure, or the footprint they were read from). */
  source: string;
}

export function moduleFootprint(spec: ModuleLandSpec): Footprint {
  const pads: Pad[] = spec.lands.map(([num, x, y, w, h, shape, drill]) =>
    drill !== undefined ? thtPad(num, x, y, w, h, drill, { shape: shape ?? 'circle' }) : smdPad(num, x, y, w, h, { shape: shape ?? 'rect' }),
  );
  return padTableFootprint({ name: spec.name, family: spec.family ?? 'module', description: spec.description, pads, body: spec.body, source: spec.source });
}
