import { describe, expect, it } from 'vitest';
import { capsule, disc, gapBetween, gapToSegment, padShape, pointInPolygon, polygonsOverlap, segmentClosest, type Vec } from '../../../src/eda/drc/geometry.js';

describe('DRC geometry predicates', () => {
  it('segment distances: parallel, crossing, collinear, point', () => {
    expect(segmentClosest([0, 0], [10, 0], [0, 3], [10, 3]).distance).toBeCloseTo(3, 12);
    expect(segmentClosest([0, 0], [10, 10], [0, 10], [10, 0]).distance).toBe(0);
    expect(segmentClosest([0, 0], [4, 0], [6, 0], [9, 0]).distance).toBeCloseTo(2, 12);
    expect(segmentClosest([5, 5], [5, 5], [0, 0], [10, 0]).distance).toBeCloseTo(5, 12);
  });

  it('capsule to capsule: gap is centre-line distance minus half widths', () => {
    const a = capsule([0, 0], [10, 0], 0.25);
    const b = capsule([3, 1], [7, 1], 0.5);
    expect(gapBetween(a, b).distance).toBeCloseTo(1 - 0.125 - 0.25, 12);
    // end-to-end along a diagonal: round ends
    const c = capsule([13, 4], [20, 4], 0.25);
    expect(gapBetween(a, c).distance).toBeCloseTo(5 - 0.25, 12);
  });

  it('rect, roundrect, oval and circle pads', () => {
    const rect = padShape([0, 0], [2, 1], 0, 'rect', 0);
    // corner of the rect at (1, 0.5); a disc centred diagonally beyond it
    expect(gapBetween(rect, disc([2, 1.5], 0.2)).distance).toBeCloseTo(Math.SQRT2 - 0.1, 12);
    // roundrect: corner rounded with r = 0.25 × 1 = 0.25, so the same disc is further away
    const rr = padShape([0, 0], [2, 1], 0, 'roundrect', 0.25);
    const expected = Math.hypot(2 - 0.75, 1.5 - 0.25) - 0.25 - 0.1;
    expect(gapBetween(rr, disc([2, 1.5], 0.2)).distance).toBeCloseTo(expected, 12);
    // faces are where the rect's are
    expect(gapBetween(rr, disc([0, 2], 0.2)).distance).toBeCloseTo(2 - 0.5 - 0.1, 12);
    const oval = padShape([0, 0], [1, 3], 0, 'oval', 0);
    expect(gapBetween(oval, disc([0, 3], 0)).distance).toBeCloseTo(1.5, 12);
    expect(gapBetween(oval, disc([2, 0], 0)).distance).toBeCloseTo(1.5, 12);
    expect(gapBetween(padShape([0, 0], [1, 1], 0, 'circle', 0), disc([3, 4], 1)).distance).toBeCloseTo(4, 12);
  });

  it('rotates pads counter-clockwise with y down (90° turns a wide pad tall)', () => {
    const p = padShape([0, 0], [4, 1], 90, 'rect', 0);
    expect(gapBetween(p, disc([0, 3], 0)).distance).toBeCloseTo(1, 12);
    expect(gapBetween(p, disc([3, 0], 0)).distance).toBeCloseTo(2.5, 12);
    const p45 = padShape([0, 0], [2, 2], 45, 'rect', 0);
    expect(gapBetween(p45, disc([3, 0], 0)).distance).toBeCloseTo(3 - Math.SQRT2, 12);
  });

  it('overlap is zero gap minus the radii; containment counts as overlap', () => {
    const big = padShape([0, 0], [4, 4], 0, 'rect', 0);
    expect(gapBetween(big, disc([0.5, 0.5], 0.2)).distance).toBeCloseTo(-0.1, 12);
    expect(gapBetween(capsule([-1, 0], [1, 0], 0.2), big).distance).toBeLessThan(0);
  });

  it('board edge distance and polygons', () => {
    expect(gapToSegment(capsule([1, 1], [5, 1], 0.5), [0, 0], [10, 0]).distance).toBeCloseTo(0.75, 12);
    const sq: Vec[] = [[0, 0], [10, 0], [10, 10], [0, 10]];
    expect(pointInPolygon([5, 5], sq)).toBe(true);
    expect(pointInPolygon([11, 5], sq)).toBe(false);
    expect(polygonsOverlap(sq, [[9, 9], [12, 9], [12, 12], [9, 12]])).toBe(true);
    expect(polygonsOverlap(sq, [[11, 0], [12, 0], [12, 1]])).toBe(false);
    expect(polygonsOverlap(sq, [[2, 2], [3, 2], [3, 3]])).toBe(true);
  });
});
