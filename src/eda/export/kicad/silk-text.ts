import type { Point } from '../../model/design.js';
import type { BoardGeometry, PlacedFootprint } from '../../board/index.js';
import { boundsOf, footprintToWorld, inflateRect as grow, pointInPolygon, rectsOverlap, rotatedRectBounds, type Rect } from '../../board/index.js';
import { RectIndex } from '../../place/spatial.js';

/**
 * Where each reference designator goes on the silkscreen (docs/drc.md, "Silkscreen text").
 * KiCad's DRC flags silk text over exposed copper (`silk_over_copper`), over another footprint's
 * silk or text (`silk_overlap`) and across the board edge (`silk_edge_clearance`). A fixed spot
 * above the courtyard collides as soon as the placer puts a decoupling capacitor against an IC,
 * so each reference tries spots around its own courtyard — nearest first, full size before the
 * 0.8 mm minimum text height the project allows (project.ts, `min_text_height`) — and takes the
 * first one clear of every pad, silk line, earlier reference and the edge, preferring spots that
 * also keep off other parts' courtyards. A reference with no clear spot goes to the fab layer
 * (assembly drawing) instead of over copper; `fab` counts them.
 *
 * Text extents follow KiCad's stroke font as plotted by kicad-cli 9 (`pcb export svg`): a glyph
 * cell is about 1.1 × the size wide (a "M" is 1.095, digits 1.0) and the size high, plus the stroke.
 */

export interface RefText {
  /** Board coordinates of the text centre. */
  at: Point;
  /** Absolute text angle: 0 reads left to right, 90 bottom to top. */
  angleDeg: 0 | 90;
  sizeMm: number;
  thicknessMm: number;
  layer: 'silk' | 'fab';
}

export interface RefTextPlan {
  byComponent: Map<string, RefText>;
  /** References that found no clear silk spot and were put on the fab layer. */
  fab: string[];
}

const SIZES: readonly { size: number; thickness: number; cost: number }[] = [
  { size: 1, thickness: 0.15, cost: 0 },
  { size: 0.8, thickness: 0.12, cost: 1.2 },
];
/** Gaps between the courtyard and the text box, mm. */
const GAPS = [0.1, 0.4, 0.8, 1.3, 2, 3];
/** Clearance kept around pads and silk lines, and from the board edge, mm. */
const MARGIN = 0.15;
const EDGE_MARGIN = 0.3;
const CELL = 5;

type Side = 'top' | 'bottom';

/**
 * The obstacles of one side (pads, silk lines, references placed so far) in the placer's bucket grid
 * (eda/place/spatial.ts RectIndex: references are added while planning, which a static flatbush cannot
 * take). The grid answers with a 1 µm margin; `rectsOverlap` then decides exactly, as before.
 */
function obstacles() {
  const index = new RectIndex(CELL, 0, 0);
  let n = 0;
  return {
    add: (r: Rect): void => index.insert(n++, r),
    hits: (r: Rect): boolean => index.any(r, 1e-6, (id) => rectsOverlap(r, index.get(id)!)),
  };
}
type Obstacles = ReturnType<typeof obstacles>;

/** Text box (with stroke) of `text` centred at `at`. */
export function textBox(text: string, at: Point, angleDeg: 0 | 90, size: number, thickness: number): Rect {
  const w = Math.max(1, text.length) * 1.1 * size + thickness;
  const h = size + thickness;
  const [hw, hh] = angleDeg === 0 ? [w / 2, h / 2] : [h / 2, w / 2];
  return [at[0] - hw, at[1] - hh, at[0] + hw, at[1] + hh];
}

interface Candidate {
  at: Point;
  angleDeg: 0 | 90;
  size: number;
  thickness: number;
  cost: number;
}

/** Spots around (and, for large parts, inside) the courtyard, cheapest first. */
function candidates(ref: string, c: Rect): Candidate[] {
  const out: Candidate[] = [];
  const cx = (c[0] + c[2]) / 2;
  const cy = (c[1] + c[3]) / 2;
  for (const { size, thickness, cost: sizeCost } of SIZES) {
    const w = ref.length * 1.1 * size + thickness;
    const h = size + thickness;
    GAPS.forEach((gap, gi) => {
      const base = sizeCost + gi * 0.5;
      // Slides along a side: centred first, then towards either end.
      const slides = (lo: number, hi: number, mid: number): number[] => {
        const s = [mid];
        for (let k = 1; k <= 6; k++) for (const v of [mid - k * 0.75, mid + k * 0.75]) if (v >= lo && v <= hi) s.push(v);
        return s;
      };
      slides(c[0] - w / 4, c[2] + w / 4, cx).forEach((x, k) => {
        out.push({ at: [x, c[1] - gap - h / 2], angleDeg: 0, size, thickness, cost: base + k * 0.05 });
        out.push({ at: [x, c[3] + gap + h / 2], angleDeg: 0, size, thickness, cost: base + 0.1 + k * 0.05 });
      });
      slides(c[1] - h, c[3] + h, cy).forEach((y, k) => {
        out.push({ at: [c[0] - gap - w / 2, y], angleDeg: 0, size, thickness, cost: base + 0.2 + k * 0.05 });
        out.push({ at: [c[2] + gap + w / 2, y], angleDeg: 0, size, thickness, cost: base + 0.2 + k * 0.05 });
      });
      slides(c[1] - w / 4, c[3] + w / 4, cy).forEach((y, k) => {
        out.push({ at: [c[0] - gap - h / 2, y], angleDeg: 90, size, thickness, cost: base + 0.4 + k * 0.05 });
        out.push({ at: [c[2] + gap + h / 2, y], angleDeg: 90, size, thickness, cost: base + 0.4 + k * 0.05 });
      });
    });
    // On the body: fine for modules and large ICs whose middle has no pads.
    out.push({ at: [cx, cy], angleDeg: 0, size, thickness, cost: sizeCost + 1 });
  }
  return out.sort((a, b) => a.cost - b.cost);
}

/**
 * The plan both the .kicad_pcb writer and the Gerber writer draw from (gerber/layers.ts), made once
 * per board geometry and outline: a bundle export asks for it twice with the same objects.
 */
const planCache = new WeakMap<BoardGeometry, { outline: string; plan: RefTextPlan }>();

export function planReferenceTexts(geometry: BoardGeometry, outline: readonly Point[]): RefTextPlan {
  const key = JSON.stringify(outline);
  const hit = planCache.get(geometry);
  if (hit && hit.outline === key) return hit.plan;
  const plan = computePlan(geometry, outline);
  planCache.set(geometry, { outline: key, plan });
  return plan;
}

function computePlan(geometry: BoardGeometry, outline: readonly Point[]): RefTextPlan {
  const hard: Record<Side, Obstacles> = { top: obstacles(), bottom: obstacles() };
  const bodies: Record<Side, { owner: string; r: Rect }[]> = { top: [], bottom: [] };
  for (const pad of geometry.pads) {
    const r = grow(rotatedRectBounds(pad.center, pad.size, pad.rotationDeg), MARGIN);
    if (pad.kind !== 'smd' || pad.layers.includes('F.Cu')) hard.top.add(r);
    if (pad.kind !== 'smd' || pad.layers.includes('B.Cu')) hard.bottom.add(r);
  }
  for (const placed of geometry.footprints) {
    const side: Side = placed.placement.side === 'bottom' ? 'bottom' : 'top';
    for (const line of placed.footprint.silkscreen) {
      const ends = [footprintToWorld(line.start, placed.placement), footprintToWorld(line.end, placed.placement)];
      hard[side].add(grow(boundsOf(ends), line.width_mm / 2 + MARGIN));
    }
    bodies[side].push({ owner: placed.component, r: placed.courtyardWorld });
  }
  const board = boundsOf(outline);
  const inBoard = (r: Rect): boolean => {
    if (outline.length < 3) return true;
    const [x0, y0, x1, y1] = grow(r, EDGE_MARGIN);
    if (x0 < board[0] || y0 < board[1] || x1 > board[2] || y1 > board[3]) return false;
    return ([[x0, y0], [x1, y0], [x1, y1], [x0, y1]] as Point[]).every((p) => pointInPolygon(p, outline));
  };

  const byComponent = new Map<string, RefText>();
  const fab: string[] = [];
  // Small parts first: they have the fewest spots that are still near them.
  const order: PlacedFootprint[] = [...geometry.footprints].sort((a, b) => area(a.courtyardWorld) - area(b.courtyardWorld) || a.ref.localeCompare(b.ref));
  for (const placed of order) {
    const side: Side = placed.placement.side === 'bottom' ? 'bottom' : 'top';
    const all = candidates(placed.ref, placed.courtyardWorld);
    const fits = (k: Candidate, clearOfBodies: boolean): Rect | undefined => {
      const box = textBox(placed.ref, k.at, k.angleDeg, k.size, k.thickness);
      if (!inBoard(box) || hard[side].hits(box)) return undefined;
      if (clearOfBodies && bodies[side].some((b) => b.owner !== placed.component && rectsOverlap(box, b.r))) return undefined;
      return box;
    };
    let chosen: { k: Candidate; box: Rect } | undefined;
    for (const clear of [true, false]) {
      for (const k of all) {
        const box = fits(k, clear);
        if (box) {
          chosen = { k, box };
          break;
        }
      }
      if (chosen) break;
    }
    if (chosen) {
      hard[side].add(grow(chosen.box, MARGIN));
      byComponent.set(placed.component, { at: chosen.k.at, angleDeg: chosen.k.angleDeg, sizeMm: chosen.k.size, thicknessMm: chosen.k.thickness, layer: 'silk' });
    } else {
      const c = placed.courtyardWorld;
      byComponent.set(placed.component, { at: [(c[0] + c[2]) / 2, (c[1] + c[3]) / 2], angleDeg: 0, sizeMm: 1, thicknessMm: 0.15, layer: 'fab' });
      fab.push(placed.ref);
    }
  }
  return { byComponent, fab: fab.sort() };
}

const area = (r: Rect): number => (r[2] - r[0]) * (r[3] - r[1]);
