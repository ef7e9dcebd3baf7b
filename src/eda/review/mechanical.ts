import type { Design } from '../model/design.js';
import type { BoardGeometry } from '../board/types.js';
import { isConnector, isMountingHole } from './parts.js';
import { summarize, type ReviewFinding } from './findings.js';

/**
 * Mechanical review on the placed board: mounting holes, and each part's courtyard against the
 * outline's bounding rectangle. Connectors are meant to meet the edge, so only parts past it are
 * reported for them; other parts need `edge_clearance_mm` (0.5 mm by default: room for the routing
 * cutter's tolerance, which fabs give as ±0.1–0.2 mm, and copper-to-edge rules of about 0.3 mm).
 */
export function mechanicalReview(design: Design, geometry: BoardGeometry, edgeClearanceMm: number) {
  const findings: ReviewFinding[] = [];
  const outline = design.board.outline_mm;
  const [minX, minY, maxX, maxY] = outline
    ? [Math.min(...outline.map((p) => p[0])), Math.min(...outline.map((p) => p[1])), Math.max(...outline.map((p) => p[0])), Math.max(...outline.map((p) => p[1]))]
    : [0, 0, design.board.width_mm, design.board.height_mm];
  const holes = Object.values(design.components).filter(isMountingHole);
  if (holes.length === 0) findings.push({ severity: 'warning', rule: 'no-mounting-holes', message: 'no mounting holes: the board can only be held by its connectors or an enclosure clip', refs: [] });
  const parts = geometry.footprints.map((f) => {
    const [x0, y0, x1, y1] = f.courtyardWorld;
    const gap = Math.min(x0 - minX, y0 - minY, maxX - x1, maxY - y1);
    const comp = design.components[f.component]!;
    const connector = isConnector(comp);
    if (gap < 0) findings.push({ severity: connector ? 'warning' : 'error', rule: connector ? 'connector-overhang' : 'part-off-board', message: `${f.ref} courtyard extends ${(-gap).toFixed(2)} mm past the board edge`, refs: [f.ref] });
    else if (!connector && gap < edgeClearanceMm) findings.push({ severity: 'warning', rule: 'edge-clearance', message: `${f.ref} courtyard is ${gap.toFixed(2)} mm from the edge (< ${edgeClearanceMm} mm)`, refs: [f.ref] });
    return { ref: f.ref, edge_gap_mm: Number(gap.toFixed(3)), connector };
  });
  if (geometry.unplaced.length > 0) findings.push({ severity: 'info', rule: 'unplaced', message: `${geometry.unplaced.length} parts are not placed yet and were not checked`, refs: geometry.unplaced.map((u) => u.ref) });
  return { ...summarize(findings), board_mm: [Number((maxX - minX).toFixed(3)), Number((maxY - minY).toFixed(3))], mounting_holes: holes.map((h) => h.ref), parts };
}
