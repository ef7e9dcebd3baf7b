import type { Design } from '../model/design.js';
import type { Footprint } from '../model/footprint.js';
import type { FootprintResolver } from '../board/index.js';
import { edgePartOf, isMountingHole } from './part-roles.js';

/**
 * A board outline sized to its content, for designs that state no size (docs/placement.md, "Board
 * size"). Three needs, the largest wins:
 *
 * 1. Area: every courtyard grown by the placer's default spacing (0.25 mm clearance + 1 mm routing
 *    channel, src/eda/place/index.ts) plus the fan-out room of need 2, divided by a utilisation
 *    target of 0.3. The target is measured, not guessed (`npx tsx bench/board-size.ts`,
 *    `npx tsx bench/placement-constraints.ts`): the hand-sized ZapTrace corpus boards
 *    (../shared/corpus/zaptrace/designs/templates) put 13–55 % (median 36 %) of their area under
 *    grown courtyards; at 0.3 all 40 synthesized intents and the 4 corpus cases without a board
 *    place, route 100 % and pass our DRC, with raw courtyards on 20 % of the board (the previous
 *    4 × courtyard rule: 16 %, 1.23 × the area) and no placement constraint lost. Denser targets
 *    were tried: at 0.4 a decoupling capacitor of the 12 V LoRa gateway ends 3.017 mm from its pin
 *    (hard limit 3 mm); at 0.35 the router leaves two same-net vias 0.4 mm apart on it.
 * 2. Routing allowance: each pad on a net needs an escape; a pad-dense board (QFN, module) is given
 *    room for one 0.4 mm track pitch (0.2 mm track + 0.2 mm clearance, the default class of
 *    docs/routing.md) per connected pad along a mean 4 mm fan-out, on top of the area above.
 * 3. Edges: connectors and antennas that must sit at an edge facing out (part-roles.ts) need their
 *    width along the perimeter, and mounting holes take the corners; the longest part must fit
 *    between two corner holes.
 *
 * Aspect 4:3 (landscape), rounded up to whole millimetres.
 */

export const BOARD_SIZE_RULE = {
  /** Courtyard + spacing area / board area the outline is sized for. */
  utilisation: 0.3,
  /** Placer defaults: courtyard clearance + routing channel, mm (grown on each axis). */
  spacingMm: 1.25,
  /** Mean fan-out length per connected pad and the track pitch it takes, mm. */
  fanoutMm: 4,
  pitchMm: 0.4,
  /** Edge clearance plus channel on each side of the longest part, mm. */
  rimMm: 1.5,
  /** Gap between two edge parts along an edge, mm. */
  edgeGapMm: 2,
  aspect: 4 / 3,
  /** A component whose footprint does not resolve counts as this square, mm (a SOIC-8 with courtyard). */
  unknownMm: 6,
} as const;

export interface ContentBoardSize {
  width_mm: number;
  height_mm: number;
  /** Σ raw courtyard areas, mm². */
  courtyardMm2: number;
  /** courtyardMm2 / board area. */
  utilisation: number;
  /** Which need set the size: area, routing allowance, edge length or longest part. */
  limitedBy: 'area' | 'edges' | 'longest part';
  /** Components whose footprint did not resolve (counted at the nominal size). */
  estimated: string[];
  /** One sentence for warnings and assumptions. */
  rule: string;
}

const dims = (fp: Footprint | undefined): [number, number] => {
  if (!fp) return [BOARD_SIZE_RULE.unknownMm, BOARD_SIZE_RULE.unknownMm];
  const [x0, y0, x1, y1] = fp.courtyard;
  return [x1 - x0, y1 - y0];
};

/** The outline a design's parts need (rule above); placement, if any, is ignored. */
export function contentBoardSize(design: Design, resolve: FootprintResolver): ContentBoardSize {
  const R = BOARD_SIZE_RULE;
  const connected = new Map<string, number>();
  for (const n of Object.values(design.nets)) for (const x of n.nodes) connected.set(x.component, (connected.get(x.component) ?? 0) + 1);
  let raw = 0;
  let grown = 0;
  let routing = 0;
  let longest = 0;
  let edgeNeed = 0;
  let holes = 0;
  let holeMm = 0;
  const estimated: string[] = [];
  for (const c of Object.values(design.components)) {
    const fp = c.footprint ? resolve(c.footprint) : undefined;
    if (!fp) estimated.push(c.ref);
    const [w, h] = dims(fp);
    raw += w * h;
    grown += (w + R.spacingMm) * (h + R.spacingMm);
    longest = Math.max(longest, w, h);
    const pads = connected.get(c.id) ?? 0;
    // Two-pad parts fan out in their own spacing; only multi-pad parts need escape room.
    if (pads > 2) routing += pads * R.pitchMm * R.fanoutMm;
    if (!fp) continue;
    if (isMountingHole(fp)) {
      holes++;
      holeMm = Math.max(holeMm, w, h);
      continue;
    }
    const edge = edgePartOf(design, c.id, fp);
    // Along the edge goes the side that faces out: width across a ±y facing, height across ±x.
    if (edge) edgeNeed += (edge.facing === '+x' || edge.facing === '-x' ? h : w) + R.edgeGapMm;
  }
  const area = (grown + routing) / R.utilisation;
  // Sides from the area at the aspect, then each stretched to the longest part plus rim (and a corner hole each end).
  const minSide = longest + 2 * R.rimMm + (holes > 0 ? 2 * holeMm : 0);
  let h = Math.max(minSide, Math.sqrt(area / R.aspect));
  let w = Math.max(minSide, area / h);
  let limitedBy: ContentBoardSize['limitedBy'] = minSide >= Math.sqrt(area / R.aspect) ? 'longest part' : 'area';
  // Perimeter left for edge parts once corner holes take theirs.
  const perimeter = () => 2 * (w + h) - Math.min(holes, 4) * 2 * holeMm;
  if (edgeNeed > perimeter()) {
    const k = edgeNeed / perimeter();
    w *= k;
    h *= k;
    limitedBy = 'edges';
  }
  const width = Math.ceil(w);
  const height = Math.ceil(h);
  const utilisation = raw / (width * height);
  const rule = `sized to its content: ${width} × ${height} mm, parts' courtyards fill ${(100 * utilisation).toFixed(0)} % (grown courtyards and fan-out room at a ${R.utilisation * 100} % target, 4:3, set by ${limitedBy})`;
  return { width_mm: width, height_mm: height, courtyardMm2: raw, utilisation, limitedBy, estimated, rule };
}

/**
 * The content size widened to cover parts that already carry positions (a design may state where
 * parts go without stating the board), with the rim beyond their courtyards.
 */
export function contentBoardSizeCovering(design: Design, resolve: FootprintResolver): ContentBoardSize {
  const s = contentBoardSize(design, resolve);
  let maxX = 0;
  let maxY = 0;
  for (const [id, p] of Object.entries(design.placement)) {
    const c = design.components[id];
    const [w, h] = dims(c?.footprint ? resolve(c.footprint) : undefined);
    const r = Math.max(w, h) / 2 + BOARD_SIZE_RULE.rimMm;
    maxX = Math.max(maxX, p.x_mm + r);
    maxY = Math.max(maxY, p.y_mm + r);
  }
  const width = Math.max(s.width_mm, Math.ceil(maxX));
  const height = Math.max(s.height_mm, Math.ceil(maxY));
  if (width === s.width_mm && height === s.height_mm) return s;
  return { ...s, width_mm: width, height_mm: height, utilisation: s.courtyardMm2 / (width * height), rule: `${s.rule}; widened to ${width} × ${height} mm to cover the parts' given positions` };
}
