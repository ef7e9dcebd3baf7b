import { describe, expect, it } from 'vitest';
import { runDrc } from '../../../src/eda/drc/index.js';
import type { Design } from '../../../src/eda/model/design.js';
import { geometryOf, twoResistors } from './fixtures.js';

/**
 * Net-class track widths (src/eda/drc/class-widths.ts): a track of a net in a recorded class is at
 * least the class width, except a neck lying wholly within 1.5 mm of its own pads' boxes (the
 * router's neck-down into fine-pitch pad rows, src/eda/route/core.ts NECK_REACH_MM). The fixture's
 * SIG pads are R0603-like, 0.9 × 0.95 mm at x = 10.8 and 19.2 (test/eda/drc/fixtures.ts).
 */
const T = (start: [number, number], end: [number, number], width_mm: number) => ({ net: 'sig', layer: 'F.Cu', start, end, width_mm });
const POWER = { track_width_mm: 0.4, clearance_mm: 0.2, via_diameter_mm: 0.6, via_drill_mm: 0.3 };

function classed(tracks: unknown[], classes: Design['net_classes'] = { power: { ...POWER, nets: ['SIG'] } }): Design {
  return { ...twoResistors({ tracks }), net_classes: classes };
}
const widthFindings = (d: Design) => runDrc(d, geometryOf(d)).findings.filter((f) => f.rule_id === 'DRC_TRACK_WIDTH');

describe('DRC_TRACK_WIDTH with net classes', () => {
  it('reports a track narrower than its class width, with the class width as the requirement', () => {
    const found = widthFindings(classed([T([10.8, 10], [19.2, 10], 0.25)]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ nets: ['SIG'], measured_mm: 0.25, required_mm: 0.4 });
    expect(found[0]!.message).toContain('net class power');
  });

  it('accepts the class width, and a class named on the net itself', () => {
    expect(widthFindings(classed([T([10.8, 10], [19.2, 10], 0.4)]))).toEqual([]);
    const byName = { ...twoResistors({ tracks: [T([10.8, 10], [19.2, 10], 0.25)] }), net_classes: { power: { ...POWER, nets: [] } } };
    byName.nets = { ...byName.nets, sig: { ...byName.nets['sig']!, class: 'power' } };
    expect(widthFindings(byName)).toHaveLength(1);
  });

  it('allows a neck within 1.5 mm of its own pads and reports one reaching further', () => {
    // pad box x 10.35…11.25: a narrow stub to x = 12.5 is a neck, to x = 13.0 it is not
    expect(widthFindings(classed([T([10.8, 10], [12.5, 10], 0.25), T([12.5, 10], [19.2, 10], 0.4)]))).toEqual([]);
    const far = widthFindings(classed([T([10.8, 10], [13.0, 10], 0.25), T([13.0, 10], [19.2, 10], 0.4)]));
    expect(far.map((f) => f.measured_mm)).toEqual([0.25]);
    // necks at both ends, each near its own pad, full width between
    expect(widthFindings(classed([T([10.8, 10], [12, 10], 0.2), T([12, 10], [18, 10], 0.4), T([18, 10], [19.2, 10], 0.2)]))).toEqual([]);
  });

  it('does not enforce the default class (the router does not use it for unclassed nets) and leaves the board minimum to its own finding', () => {
    const dflt = { Default: { ...POWER, nets: [] } };
    expect(widthFindings(classed([T([10.8, 10], [19.2, 10], 0.25)], dflt))).toEqual([]);
    const tiny = widthFindings(classed([T([10.8, 10], [19.2, 10], 0.1)]));
    expect(tiny).toHaveLength(1);
    expect(tiny[0]!.required_mm).toBeLessThan(0.4);
  });
});
