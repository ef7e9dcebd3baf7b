import { UnionFind } from '../../kernel/union-find.js';
import { pointInShape, pointSegDist2, shapeShapeDist, type Shape } from './geometry.js';

/**
 * Which points of a net the laid copper really joins: union-find over copper that touches
 * (track end inside a pad or on another track, via centre on a track). The router reports a
 * connection as routed only when this says so, so "routed" never rests on bookkeeping alone.
 */

export interface CopperPiece {
  kind: 'track' | 'via' | 'pad';
  layers: number[];
  shape: Shape;
  /** Points on the piece's centre line that touch other pieces (track ends, via centre). */
  anchors: [number, number][];
}

const EPS = 1e-6;

export function joinedComponents(pieces: CopperPiece[], points: { x: number; y: number; layers: number[] }[]): number[] {
  const uf = new UnionFind(pieces.length);
  const find = (a: number) => uf.find(a);
  const union = (a: number, b: number) => uf.union(a, b);
  const shareLayer = (a: number[], b: number[]) => a.some((l) => b.includes(l));
  // A track end joins a pad when it lies within half the track width of the pad's copper (the
  // copper overlaps): kicad-cli's connectivity test of a track anchor against a pad.
  const onCentre = (x: number, y: number, p: CopperPiece, reach: number): boolean => {
    if (p.kind === 'pad') return pointInShape(x, y, p.shape, EPS + reach);
    const s = p.shape;
    if (s.kind !== 'capsule') return pointInShape(x, y, s, EPS);
    // a track end must lie on the other track's centre line (or within its copper end disk)
    return pointSegDist2(x, y, s.ax, s.ay, s.bx, s.by) <= (p.kind === 'via' ? s.r * s.r : EPS * EPS);
  };
  for (let i = 0; i < pieces.length; i++) {
    const a = pieces[i]!;
    for (let j = 0; j < pieces.length; j++) {
      if (i === j || find(i) === find(j)) continue;
      const b = pieces[j]!;
      if (!shareLayer(a.layers, b.layers)) continue;
      const reach = a.kind === 'track' && a.shape.kind === 'capsule' ? a.shape.r : 0;
      if (a.anchors.some(([x, y]) => onCentre(x, y, b, reach))) union(i, j);
      // pads of one net whose copper overlaps are one piece of copper
      else if (a.kind === 'pad' && b.kind === 'pad' && shapeShapeDist(a.shape, b.shape) <= EPS) union(i, j);
    }
  }
  // Each point joins the pieces it lies in (pads) or on (track ends).
  return points.map((pt) => {
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      if (!shareLayer(pt.layers, p.layers)) continue;
      if (p.kind === 'pad' ? pointInShape(pt.x, pt.y, p.shape, EPS) : p.anchors.some(([x, y]) => Math.hypot(x - pt.x, y - pt.y) <= EPS)) {
        return find(i);
      }
    }
    return -1;
  });
}
