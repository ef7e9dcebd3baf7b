import Flatbush from 'flatbush';
import type { Bounds } from './geometry.js';

/**
 * A static R-tree (flatbush) over bounding boxes, so pair checks look only at near neighbours:
 * DRC cost grows with the number of close pairs, not with the square of the item count.
 */
export interface BoxIndex {
  /** Indices of boxes intersecting the query box grown by `margin`. */
  near(b: Bounds, margin: number): number[];
}

export function boxIndex(boxes: readonly Bounds[]): BoxIndex {
  if (boxes.length === 0) return { near: () => [] };
  const index = new Flatbush(boxes.length);
  for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
  index.finish();
  return { near: (b, m) => index.search(b[0] - m, b[1] - m, b[2] + m, b[3] + m) };
}

export { UnionFind } from '../../kernel/union-find.js';
