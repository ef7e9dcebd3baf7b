import type { Placement, Point } from '../model/design.js';
import type { Footprint, PadKind, PadShape } from '../model/footprint.js';
import type { Rect } from './transform.js';

/**
 * The shapes of the board geometry projection (see `buildBoardGeometry` in `./index.ts`). They sit
 * in their own file so helpers such as `./stacked-lands.ts` can name them without importing the
 * builder that calls them (no import cycle).
 */

export type FootprintResolver = (name: string) => Footprint | undefined;

/**
 * Maps a component's pins onto its footprint's pad numbers. Structurally compatible with
 * `mapPinsToPads` of `eda/footprints` (which may take an extra hint and return more fields).
 */
export type PinPadMapper = (
  footprint: Footprint,
  /** number: the pad number the design declares, null when it declares none. */
  pins: { name: string; number: string | null }[],
  hint?: { type?: string; ref?: string },
) => { map: Record<string, string[]>; unmapped: string[] };

export interface BoardPad {
  /** Component id (the key in design.components). */
  component: string;
  ref: string;
  /** Pin name mapped onto this pad, null for pads no pin uses (mounting, unused). */
  pin: string | null;
  padNumber: string;
  /** Net id, null when the pad is on no net. */
  net: string | null;
  /** Board coordinates, mm. */
  center: Point;
  size: [number, number];
  /** World rotation: footprint rotation + pad rotation (mirrored for bottom parts). */
  rotationDeg: number;
  shape: PadShape;
  kind: PadKind;
  drillMm: number | null;
  roundrectRatio: number;
  /** Copper layers it occupies: one side for SMD, all for through-hole (NPTH: all, as an obstacle). */
  layers: string[];
  /** For a pad stacked on the same land as others (USB-C A1/B12): the land's first pad number. */
  land?: string;
}

export interface PlacedFootprint {
  component: string;
  ref: string;
  footprint: Footprint;
  placement: Placement;
  courtyardWorld: Rect;
}

export interface BoardGeometry {
  pads: BoardPad[];
  footprints: PlacedFootprint[];
  missingFootprints: { component: string; ref: string; footprint: string | null }[];
  unmappedPins: { component: string; ref: string; pin: string }[];
  /** Components with a resolvable footprint but no placement yet: they have no pads here. */
  unplaced: { component: string; ref: string }[];
}
