import type { Board } from '../model/design.js';
import { boardOutline } from '../model/design.js';
import { boundsOf } from './transform.js';

/**
 * The routing grid zt-route-1 uses for a board: origin at the outline's lower corner, pitch
 * 0.1 mm unless the board is so large that the node count per layer would pass the cap. The
 * placer reads it too, to put fine-pitch lands on grid lines (a 0.4 mm pitch land 0.05 mm off
 * the grid leaves no room for a track between its neighbours).
 */
export const MAX_ROUTING_NODES_PER_LAYER = 1_200_000;

export interface RoutingGrid {
  originX: number;
  originY: number;
  pitchMm: number;
  /** The outline's bounding box: the grid spans it from (originX, originY). */
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

export function routingGridOf(board: Board): RoutingGrid {
  const [x0, y0, x1, y1] = boundsOf(boardOutline(board));
  const area = (x1 - x0) * (y1 - y0);
  const pitchMm = Math.max(0.1, Math.ceil(Math.sqrt(area / MAX_ROUTING_NODES_PER_LAYER) * 20) / 20);
  return { originX: x0, originY: y0, pitchMm, bounds: { minX: x0, minY: y0, maxX: x1, maxY: y1 } };
}
