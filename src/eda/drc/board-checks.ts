import type { Design } from '../model/design.js';
import { boardOutline } from '../model/design.js';
import type { BoardGeometry } from '../board/index.js';
import type { DesignRules } from './design-rules.js';
import { fmt, layersOfMask, type CopperModel } from './copper.js';
import { box, gapBetween, gapToSegment, pointInPolygon, segmentClosest, type Vec } from './geometry.js';
import { boxIndex } from './spatial.js';
import type { DrcFinding } from './types.js';

/**
 * Checks on single items and on holes, the board edge and courtyards (everything but copper
 * pairs): track width, via diameter, annular ring, hole size, hole-to-hole, copper-to-edge,
 * courtyard overlap and components outside the board.
 */

const round = (n: number): number => Math.round(n * 1e6) / 1e6;
const EPS = 1e-6;

export function checkItems(model: CopperModel, rules: DesignRules): DrcFinding[] {
  const out: DrcFinding[] = [];
  for (const it of model.items) {
    const c = it.shape.core[0]!;
    const layer = layersOfMask(it.layerMask, model.layers)[0];
    if (it.kind === 'track') {
      const width = it.shape.r * 2;
      if (width < rules.minTrackWidthMm - EPS) {
        out.push({
          rule_id: 'DRC_TRACK_WIDTH',
          severity: 'error',
          message: `${it.label} is ${fmt(width)} mm wide, minimum ${fmt(rules.minTrackWidthMm)} mm`,
          location: { x_mm: c[0], y_mm: c[1], ...(layer !== undefined ? { layer } : {}) },
          items: [it.label],
          nets: [it.netName],
          measured_mm: round(width),
          required_mm: rules.minTrackWidthMm,
        });
      }
    } else if (it.kind === 'via') {
      const dia = it.shape.r * 2;
      const base = { location: { x_mm: c[0], y_mm: c[1] }, items: [it.label], nets: [it.netName] };
      if (dia < rules.minViaDiameterMm - EPS) {
        out.push({ rule_id: 'DRC_VIA_DIAMETER', severity: 'error', message: `${it.label}: diameter ${fmt(dia)} mm, minimum ${fmt(rules.minViaDiameterMm)} mm`, ...base, measured_mm: round(dia), required_mm: rules.minViaDiameterMm });
      }
      const ring = (dia - (it.viaDrillMm ?? 0)) / 2;
      if (ring < rules.minAnnularRingMm - EPS) {
        out.push({ rule_id: 'DRC_ANNULAR_RING', severity: 'error', message: `${it.label}: annular ring ${fmt(ring)} mm, minimum ${fmt(rules.minAnnularRingMm)} mm`, ...base, measured_mm: round(ring), required_mm: rules.minAnnularRingMm });
      }
    }
  }
  return out;
}

export function checkHoles(model: CopperModel, rules: DesignRules): DrcFinding[] {
  const out: DrcFinding[] = [];
  const { holes } = model;
  for (const h of holes) {
    if (h.diameterMm < rules.minHoleMm - EPS) {
      const c = h.shape.core[0]!;
      out.push({ rule_id: 'DRC_HOLE_SIZE', severity: 'error', message: `${h.label}: hole ${fmt(h.diameterMm)} mm, minimum ${fmt(rules.minHoleMm)} mm`, location: { x_mm: round(c[0]), y_mm: round(c[1]) }, items: [h.label], nets: [model.items[h.owner]!.netName], measured_mm: h.diameterMm, required_mm: rules.minHoleMm });
    }
  }
  const index = boxIndex(holes.map((h) => h.bounds));
  for (let i = 0; i < holes.length; i++) {
    const a = holes[i]!;
    for (const j of index.near(a.bounds, rules.holeToHoleMm)) {
      if (j <= i) continue;
      const b = holes[j]!;
      if (a.owner === b.owner) continue;
      const gap = gapBetween(a.shape, b.shape);
      if (gap.distance < rules.holeToHoleMm - EPS) {
        const at: Vec = [(gap.a[0] + gap.b[0]) / 2, (gap.a[1] + gap.b[1]) / 2];
        out.push({
          rule_id: 'DRC_HOLE_TO_HOLE',
          severity: 'error',
          message: `${a.label} and ${b.label}: holes ${fmt(Math.max(0, gap.distance))} mm apart, minimum ${fmt(rules.holeToHoleMm)} mm`,
          location: { x_mm: round(at[0]), y_mm: round(at[1]) },
          items: [a.label, b.label],
          nets: [...new Set([model.items[a.owner]!.netName, model.items[b.owner]!.netName])],
          measured_mm: round(gap.distance),
          required_mm: rules.holeToHoleMm,
        });
      }
    }
  }
  return out;
}

/** Copper to the board outline: measured to the outline's centre line (as KiCad does). */
export function checkEdge(design: Design, model: CopperModel, rules: DesignRules): DrcFinding[] {
  const outline = boardOutline(design.board) as Vec[];
  const edges = outline.map((p, i) => [p, outline[(i + 1) % outline.length]!] as [Vec, Vec]);
  const index = boxIndex(edges.map(([a, b]) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])]));
  const required = rules.copperEdgeClearanceMm;
  const out: DrcFinding[] = [];
  for (const it of model.items) {
    if (it.npth) continue;
    const centre = it.shape.core[0]!;
    const inside = pointInPolygon(centre, outline);
    let best = { distance: Infinity, a: centre, b: centre };
    for (const e of index.near(it.bounds, required)) {
      const [s0, s1] = edges[e]!;
      const g = gapToSegment(it.shape, s0, s1);
      if (g.distance < best.distance) best = g;
    }
    if (inside && best.distance >= required - EPS) continue;
    const layer = layersOfMask(it.layerMask, model.layers)[0];
    const at = inside ? best.b : centre;
    out.push({
      rule_id: 'DRC_EDGE_CLEARANCE',
      severity: 'error',
      message: inside
        ? `${it.label}: ${fmt(Math.max(0, best.distance))} mm from the board edge, required ${fmt(required)} mm`
        : `${it.label} lies outside the board outline`,
      location: { x_mm: round(at[0]), y_mm: round(at[1]), ...(layer !== undefined ? { layer } : {}) },
      items: [it.label],
      nets: [it.netName],
      ...(inside ? { measured_mm: round(best.distance) } : {}),
      required_mm: required,
    });
  }
  return out;
}

export function checkCourtyards(design: Design, geometry: BoardGeometry, rules: DesignRules): DrcFinding[] {
  const out: DrcFinding[] = [];
  const fps = geometry.footprints;
  const gap = rules.courtyardClearanceMm;
  const index = boxIndex(fps.map((f) => f.courtyardWorld));
  for (let i = 0; i < fps.length; i++) {
    const a = fps[i]!;
    for (const j of index.near(a.courtyardWorld, gap)) {
      if (j <= i) continue;
      const b = fps[j]!;
      if (a.placement.side !== b.placement.side) continue;
      const ra = a.courtyardWorld;
      const rb = b.courtyardWorld;
      // Overlap depth along each axis; positive means overlap (touching courtyards are allowed).
      const ox = Math.min(ra[2], rb[2]) - Math.max(ra[0], rb[0]) + gap;
      const oy = Math.min(ra[3], rb[3]) - Math.max(ra[1], rb[1]) + gap;
      if (ox > EPS && oy > EPS) {
        const at: Vec = [(Math.max(ra[0], rb[0]) + Math.min(ra[2], rb[2])) / 2, (Math.max(ra[1], rb[1]) + Math.min(ra[3], rb[3])) / 2];
        out.push({
          rule_id: 'DRC_COURTYARD_OVERLAP',
          severity: 'error',
          message: `courtyards of ${a.ref} and ${b.ref} overlap on the ${a.placement.side} side`,
          location: { x_mm: round(at[0]), y_mm: round(at[1]), layer: a.placement.side === 'top' ? 'F.CrtYd' : 'B.CrtYd' },
          items: [`footprint ${a.ref}`, `footprint ${b.ref}`],
          nets: [],
        });
      }
    }
  }

  const outline = boardOutline(design.board) as Vec[];
  for (const f of fps) {
    const [x0, y0, x1, y1] = f.courtyardWorld;
    const corners: Vec[] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
    const cornersInside = corners.every((c) => pointInPolygon(c, outline) || onOutline(c, outline));
    // An outline edge entering the courtyard's interior (a notch) also puts part of it outside.
    const inner = box([(x0 + x1) / 2, (y0 + y1) / 2], [1, 0], (x1 - x0) / 2 - 1e-4, (y1 - y0) / 2 - 1e-4, 0);
    const crossed = crossesInterior(inner.core, outline);
    if (!cornersInside || crossed) {
      out.push({
        rule_id: 'DRC_OUTSIDE_BOARD',
        severity: 'error',
        message: `courtyard of ${f.ref} is not entirely inside the board outline`,
        location: { x_mm: f.placement.x_mm, y_mm: f.placement.y_mm },
        items: [`footprint ${f.ref}`],
        nets: [],
      });
    }
  }
  return out;
}

function onOutline(p: Vec, outline: readonly Vec[]): boolean {
  for (let i = 0; i < outline.length; i++) {
    if (segmentClosest(p, p, outline[i]!, outline[(i + 1) % outline.length]!).distance <= EPS) return true;
  }
  return false;
}

/** Whether any outline edge passes through the interior of a (slightly shrunk) rectangle. */
function crossesInterior(core: readonly Vec[], outline: readonly Vec[]): boolean {
  if (core.length < 4) return false;
  for (let i = 0; i < outline.length; i++) {
    const s0 = outline[i]!;
    const s1 = outline[(i + 1) % outline.length]!;
    for (let k = 0; k < 4; k++) {
      if (segmentClosest(s0, s1, core[k]!, core[(k + 1) % 4]!).distance === 0) return true;
    }
    if (pointInPolygon(s0, core)) return true;
  }
  return false;
}
