import { describe, expect, it } from 'vitest';
import { runDrc, listDrcRules, DRC_RULES, type DrcReport } from '../../../src/eda/drc/index.js';
import { twoResistors, geometryOf, makeDesign } from './fixtures.js';
import type { Design } from '../../../src/eda/model/design.js';

const drc = (d: Design, opts = {}): DrcReport => runDrc(d, geometryOf(d), opts);
const ids = (r: DrcReport): string[] => r.findings.filter((f) => f.severity === 'error').map((f) => f.rule_id);
const T = (net: string, start: [number, number], end: [number, number], width_mm = 0.25, layer = 'F.Cu') => ({ net, layer, start, end, width_mm });
const SIG = T('sig', [10.8, 10], [19.2, 10]);

describe('runDrc on a clean board', () => {
  it('passes with no findings and counts what it saw', () => {
    const r = drc(twoResistors());
    expect(r.findings).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(r.stats).toMatchObject({ tracks: 1, vias: 0, pads: 4 });
    expect(r.stats.pairsChecked).toBeGreaterThan(0);
    expect(r.ruleset_version).toMatch(/drc/);
  });

  it('is deterministic apart from timing', () => {
    const d = twoResistors({ tracks: [SIG, T('a', [9.2, 10], [9.2, 19.9])] });
    const a = drc(d);
    const b = drc(d);
    expect({ ...a, stats: { ...a.stats, ms: 0 } }).toEqual({ ...b, stats: { ...b.stats, ms: 0 } });
  });
});

describe('each rule fires on its planted violation', () => {
  it('DRC_CLEARANCE: a track of net A 0.15 mm from a pad of net B', () => {
    const bad = twoResistors({ tracks: [SIG, T('a', [9.2, 10], [9.2, 11.5]), T('a', [9.2, 11.5], [20.8, 11.5]), T('a', [20.8, 11.5], [20.8, 10.75])] });
    const f = drc(bad).findings.filter((x) => x.rule_id === 'DRC_CLEARANCE');
    expect(f).toHaveLength(1);
    expect(f[0]!.measured_mm).toBeCloseTo(0.15, 6);
    expect(f[0]!.required_mm).toBe(0.2);
    expect(f[0]!.items.sort()).toEqual(['pad R2.2', 'track A F.Cu (20.8,11.5)-(20.8,10.75)']);
    expect(f[0]!.nets.sort()).toEqual(['A', 'B']);
    expect(f[0]!.location.layer).toBe('F.Cu');
    expect(f[0]!.location.x_mm).toBeCloseTo(20.8, 6);
    // clean variant: the same stub stopping 0.05 mm further away is exactly at the 0.2 mm limit
    const ok = twoResistors({ tracks: [SIG, T('a', [9.2, 10], [9.2, 11.5]), T('a', [9.2, 11.5], [20.8, 11.5]), T('a', [20.8, 11.5], [20.8, 10.8])] });
    expect(ids(drc(ok))).toEqual([]);
  });

  it('DRC_CLEARANCE uses the larger net class clearance', () => {
    const d = twoResistors({ tracks: [SIG, T('a', [9.2, 10], [9.2, 11.5]), T('a', [9.2, 11.5], [20.8, 11.5]), T('a', [20.8, 11.5], [20.8, 10.8])] });
    d.net_classes = { HV: { track_width_mm: 0.25, clearance_mm: 0.3, via_diameter_mm: 0.6, via_drill_mm: 0.3, nets: ['B'] } };
    const f = drc(d).findings.filter((x) => x.rule_id === 'DRC_CLEARANCE');
    expect(f).toHaveLength(1);
    expect(f[0]!.required_mm).toBe(0.3);
  });

  it('DRC_SHORT: tracks of two nets crossing, found in copper, with the merged islands', () => {
    const bad = twoResistors({ tracks: [SIG, T('a', [9.2, 10], [9.2, 12]), T('a', [9.2, 12], [15, 12]), T('a', [15, 12], [15, 9])] });
    const f = drc(bad).findings.filter((x) => x.rule_id === 'DRC_SHORT');
    expect(f).toHaveLength(1);
    expect(f[0]!.nets.sort()).toEqual(['A', 'SIG']);
    expect(f[0]!.location.x_mm).toBeCloseTo(15, 6);
    expect(f[0]!.location.y_mm).toBeCloseTo(10, 6);
    expect(ids(drc(twoResistors({ tracks: [SIG, T('a', [9.2, 10], [9.2, 12]), T('a', [9.2, 12], [15, 12]), T('a', [15, 12], [15, 10.6])] })))).toEqual([]);
  });

  it('DRC_UNCONNECTED: a net whose track stops short, naming the islands', () => {
    const r = drc(twoResistors({ tracks: [T('sig', [10.8, 10], [15, 10])] }));
    const f = r.findings.filter((x) => x.rule_id === 'DRC_UNCONNECTED');
    expect(f).toHaveLength(1);
    expect(f[0]!.nets).toEqual(['SIG']);
    expect(f[0]!.items).toEqual(['pad R1.2', 'pad R2.1']);
    expect(f[0]!.message).toContain('2 copper islands');
    // joined through a via and a B.Cu track: connected
    const viaRoute = twoResistors({
      tracks: [T('sig', [10.8, 10], [13, 10]), T('sig', [13, 10], [17, 10], 0.25, 'B.Cu'), T('sig', [17, 10], [19.2, 10])],
      vias: [{ net: 'sig', at: [13, 10], diameter_mm: 0.6, drill_mm: 0.3 }, { net: 'sig', at: [17, 10], diameter_mm: 0.6, drill_mm: 0.3 }],
    });
    expect(ids(drc(viaRoute))).toEqual([]);
    // the same B.Cu track without the via: the layers do not join
    const noVia = twoResistors({ tracks: [T('sig', [10.8, 10], [13, 10]), T('sig', [13, 10], [17, 10], 0.25, 'B.Cu'), T('sig', [17, 10], [19.2, 10])], vias: [{ net: 'sig', at: [13, 10], diameter_mm: 0.6, drill_mm: 0.3 }] });
    expect(ids(drc(noVia))).toEqual(['DRC_UNCONNECTED']);
  });

  it('DRC_TRACK_WIDTH', () => {
    const f = drc(twoResistors({ tracks: [T('sig', [10.8, 10], [19.2, 10], 0.1)] })).findings;
    expect(f.map((x) => [x.rule_id, x.measured_mm, x.required_mm])).toEqual([['DRC_TRACK_WIDTH', 0.1, 0.15]]);
    expect(ids(drc(twoResistors({ tracks: [T('sig', [10.8, 10], [19.2, 10], 0.2)] })))).toEqual([]);
  });

  it('DRC_VIA_DIAMETER, DRC_ANNULAR_RING and DRC_HOLE_SIZE', () => {
    const r = drc(twoResistors({ vias: [{ net: 'sig', at: [13, 10], diameter_mm: 0.45, drill_mm: 0.3 }, { net: 'sig', at: [16, 10], diameter_mm: 0.6, drill_mm: 0.2 }] }));
    expect(ids(r).sort()).toEqual(['DRC_ANNULAR_RING', 'DRC_HOLE_SIZE', 'DRC_VIA_DIAMETER']);
    expect(r.findings.find((f) => f.rule_id === 'DRC_ANNULAR_RING')!.measured_mm).toBeCloseTo(0.075, 9);
    expect(ids(drc(twoResistors({ vias: [{ net: 'sig', at: [13, 10], diameter_mm: 0.6, drill_mm: 0.3 }] })))).toEqual([]);
    expect(ids(drc(twoResistors({ vias: [{ net: 'sig', at: [13, 10], diameter_mm: 0.6, drill_mm: 0.3 }] }), { minAnnularRingMm: 0.2 }))).toEqual(['DRC_ANNULAR_RING']);
  });

  it('DRC_HOLE_TO_HOLE: two same-net vias whose drills are 0.1 mm apart', () => {
    const close = drc(twoResistors({ vias: [{ net: 'sig', at: [13, 10], diameter_mm: 0.6, drill_mm: 0.3 }, { net: 'sig', at: [13.4, 10], diameter_mm: 0.6, drill_mm: 0.3 }] }));
    const f = close.findings.filter((x) => x.rule_id === 'DRC_HOLE_TO_HOLE');
    expect(f).toHaveLength(1);
    expect(f[0]!.measured_mm).toBeCloseTo(0.1, 9);
    expect(ids(drc(twoResistors({ vias: [{ net: 'sig', at: [13, 10], diameter_mm: 0.6, drill_mm: 0.3 }, { net: 'sig', at: [13.6, 10], diameter_mm: 0.6, drill_mm: 0.3 }] })))).toEqual([]);
  });

  it('DRC_EDGE_CLEARANCE: copper near and beyond the outline', () => {
    const near = drc(twoResistors({ tracks: [SIG, T('a', [9.2, 10], [9.2, 19.75])] }));
    expect(near.findings.map((f) => [f.rule_id, f.measured_mm])).toEqual([['DRC_EDGE_CLEARANCE', 0.125]]);
    const beyond = drc(twoResistors({ tracks: [SIG, T('a', [9.2, 10], [9.2, 25])] }));
    expect(ids(beyond)).toEqual(['DRC_EDGE_CLEARANCE']);
    expect(ids(drc(twoResistors({ tracks: [SIG, T('a', [9.2, 10], [9.2, 19.6])] })))).toEqual([]);
    expect(ids(drc(twoResistors({ tracks: [SIG, T('a', [9.2, 10], [9.2, 19.6])] }), { copperEdgeClearanceMm: 0.5 }))).toEqual(['DRC_EDGE_CLEARANCE']);
  });

  it('DRC_COURTYARD_OVERLAP on the same side only; touching courtyards pass', () => {
    const over = twoResistors({ placement: { r2: { x_mm: 12.9, y_mm: 10, rotation_deg: 0, side: 'top' } }, tracks: [T('sig', [10.8, 10], [12.1, 10])] });
    expect(ids(drc(over))).toEqual(['DRC_COURTYARD_OVERLAP']);
    const touch = twoResistors({ placement: { r2: { x_mm: 13, y_mm: 10, rotation_deg: 0, side: 'top' } }, tracks: [T('sig', [10.8, 10], [12.2, 10])] });
    expect(ids(drc(touch))).toEqual([]);
    const otherSide = twoResistors({ placement: { r2: { x_mm: 12.9, y_mm: 10, rotation_deg: 0, side: 'bottom' } }, tracks: [] });
    expect(ids(drc(otherSide))).not.toContain('DRC_COURTYARD_OVERLAP');
  });

  it('DRC_OUTSIDE_BOARD: a courtyard crossing the edge or a notch of the outline', () => {
    const out = twoResistors({ placement: { r2: { x_mm: 29.0, y_mm: 10, rotation_deg: 0, side: 'top' } }, tracks: [] });
    expect(ids(drc(out))).toContain('DRC_OUTSIDE_BOARD');
    const notch = twoResistors({ board: { outline_mm: [[0, 0], [30, 0], [30, 20], [20.5, 20], [20.5, 9.5], [19.5, 9.5], [19.5, 20], [0, 20]] }, tracks: [] });
    expect(drc(notch).findings.filter((f) => f.rule_id === 'DRC_OUTSIDE_BOARD').map((f) => f.items)).toEqual([['footprint R2']]);
    expect(ids(drc(twoResistors({ tracks: [SIG] })))).toEqual([]);
  });

  it('DRC_MISSING_FOOTPRINT, DRC_UNPLACED and DRC_UNMAPPED_PIN', () => {
    const d = twoResistors({
      components: {
        x1: { id: 'x1', ref: 'X1', type: 'thing', footprint: 'NO_SUCH_FOOTPRINT' },
        r3: { id: 'r3', ref: 'R3', type: 'resistor', footprint: 'R0603' },
      },
      extraNets: { n: { id: 'n', name: 'N', nodes: [{ component: 'r1', pin: '7' }, { component: 'x1', pin: '1' }] } },
    });
    const r = drc(d);
    expect(ids(r)).toEqual(expect.arrayContaining(['DRC_MISSING_FOOTPRINT', 'DRC_UNPLACED', 'DRC_UNMAPPED_PIN']));
    expect(r.findings.find((f) => f.rule_id === 'DRC_MISSING_FOOTPRINT')!.message).toContain('NO_SUCH_FOOTPRINT');
    expect(r.findings.find((f) => f.rule_id === 'DRC_UNMAPPED_PIN')!.items).toEqual(['pin R1.7']);
    expect(r.passed).toBe(false);
  });

  it('DRC_UNKNOWN_NET and DRC_INVALID_LAYER', () => {
    const r = drc(twoResistors({ tracks: [SIG, T('ghost', [12, 14], [14, 14]), T('sig', [12, 16], [14, 16], 0.25, 'In2.Cu')] }));
    expect(ids(r).sort()).toEqual(['DRC_INVALID_LAYER', 'DRC_UNKNOWN_NET']);
  });

  it('accepts a track that names its net by name instead of id', () => {
    expect(ids(drc(twoResistors({ tracks: [T('SIG', [10.8, 10], [19.2, 10])] })))).toEqual([]);
  });

  it('DRC_KEEPOUT: a track or via inside a keep-out on a layer it covers', () => {
    const keepout = (layers: ('F.Cu' | 'B.Cu')[], poly: [number, number][] = [[14, 8], [16, 8], [16, 12], [14, 12]]): Design['keepouts'] => [{ id: 'ant', polygon: poly, layers, no_tracks: true, no_vias: true, no_footprints: false }];
    const d = twoResistors({ tracks: [SIG] });
    d.keepouts = keepout([]);
    const f = drc(d).findings.filter((x) => x.rule_id === 'DRC_KEEPOUT');
    expect(f).toHaveLength(1);
    expect(f[0]!.items).toContain('keep-out ant');
    expect(f[0]!.location.layer).toBe('F.Cu');
    d.keepouts = keepout(['B.Cu']);
    expect(ids(drc(d))).toEqual([]);
    // The track's edge (0.125 mm from its centre line at y = 10) reaches a keep-out starting 0.1 mm away: inside.
    d.keepouts = keepout([], [[14, 10.1], [16, 10.1], [16, 12], [14, 12]]);
    expect(ids(drc(d))).toEqual(['DRC_KEEPOUT']);
    d.keepouts = keepout([], [[14, 10.2], [16, 10.2], [16, 12], [14, 12]]);
    expect(ids(drc(d))).toEqual([]);
    const v = twoResistors({ tracks: [SIG], vias: [{ net: 'sig', at: [15, 10], diameter_mm: 0.6, drill_mm: 0.3 }] });
    v.keepouts = [{ ...keepout(['B.Cu'])[0]!, no_tracks: false }];
    expect(ids(drc(v))).toEqual(['DRC_KEEPOUT']);
  });

  it('DRC_ZONE_OVERLAP and the unfilled-zone note', () => {
    const pour = (net: string, x0: number): Design['copper_pours'][string] => ({ net, layer: 'B.Cu', polygon: [[x0, 1], [x0 + 10, 1], [x0 + 10, 5], [x0, 5]] });
    const r = drc(twoResistors({ tracks: [SIG] }));
    expect(r.counts.info).toBe(0);
    const d = twoResistors({ tracks: [SIG] });
    d.copper_pours = { p1: pour('a', 1), p2: pour('b', 8) };
    const z = drc(d);
    expect(ids(z)).toEqual(['DRC_ZONE_OVERLAP']);
    expect(z.counts.info).toBe(2);
    d.copper_pours = { p1: pour('a', 1), p2: pour('b', 12) };
    expect(ids(drc(d))).toEqual([]);
  });
});

describe('geometry-sensitive cases', () => {
  it('measures a rotated bottom-side pad exactly', () => {
    // ASYM pad 1 is 2.0 × 0.6 rect at local (-1.5,-0.5). Bottom side, 90°: mirrored to (1.5,-0.5),
    // rotated → world centre (x-0.5, y-1.5) with its long side vertical.
    const base = { components: { u1: { id: 'u1', ref: 'U1', type: 'x', footprint: 'ASYM' } }, nets: { n: { id: 'n', name: 'N', nodes: [{ component: 'u1', pin: '1' }] } }, placement: { u1: { x_mm: 15, y_mm: 10, rotation_deg: 90, side: 'bottom' } } };
    const g = geometryOf(makeDesign(base));
    expect(g.pads[0]!.center).toEqual([14.5, 8.5]);
    // a B.Cu track of another net, vertical, 0.3 + 0.125 from the pad centre line: gap 0.125
    const d = makeDesign({ ...base, nets: { ...base.nets, m: { id: 'm', name: 'M', nodes: [] } }, routing: { tracks: [T('m', [14.5 + 0.3 + 0.25, 5], [14.5 + 0.3 + 0.25, 8.5], 0.25, 'B.Cu')], vias: [] } });
    const f = drc(d).findings.filter((x) => x.rule_id === 'DRC_CLEARANCE');
    expect(f).toHaveLength(1);
    expect(f[0]!.measured_mm).toBeCloseTo(0.125, 9);
    // the same track on F.Cu does not meet the B.Cu pad
    const top = makeDesign({ ...base, nets: { ...base.nets, m: { id: 'm', name: 'M', nodes: [] } }, routing: { tracks: [T('m', [15.05, 5], [15.05, 8.5], 0.25, 'F.Cu')], vias: [] } });
    expect(drc(top).findings.filter((x) => x.rule_id === 'DRC_CLEARANCE')).toEqual([]);
  });

  it('through-hole pads join layers and clash on every layer', () => {
    const d = makeDesign({
      components: { j1: { id: 'j1', ref: 'J1', type: 'conn', footprint: 'HDR2' }, r1: { id: 'r1', ref: 'R1', type: 'r', footprint: 'R0603' } },
      nets: { n: { id: 'n', name: 'N', nodes: [{ component: 'j1', pin: '1' }, { component: 'r1', pin: '1' }] }, m: { id: 'm', name: 'M', nodes: [{ component: 'j1', pin: '2' }] } },
      placement: { j1: { x_mm: 5, y_mm: 5, rotation_deg: 0, side: 'top' }, r1: { x_mm: 15, y_mm: 5, rotation_deg: 0, side: 'top' } },
      routing: { tracks: [T('n', [5, 5], [14.2, 5], 0.25, 'B.Cu'), T('n', [14.2, 5], [14.2, 5.1], 0.25, 'F.Cu')], vias: [{ net: 'n', at: [14.2, 5], diameter_mm: 0.6, drill_mm: 0.3 }] },
    });
    expect(ids(drc(d))).toEqual([]);
    // a B.Cu track of net M passing 0.1 mm from pad J1.1 (pad radius 0.85)
    d.routing.tracks.push({ net: 'm', layer: 'B.Cu', start: [5 + 0.85 + 0.1 + 0.125, 2], end: [5 + 0.85 + 0.1 + 0.125, 10], width_mm: 0.25 });
    const f = drc(d).findings;
    expect(f.filter((x) => x.rule_id === 'DRC_CLEARANCE').map((x) => x.measured_mm)).toEqual([0.1]);
  });
});

describe('rule catalogue', () => {
  it('lists every rule with id, severity and description', () => {
    const rules = listDrcRules();
    expect(rules.length).toBe(DRC_RULES.length);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.description.length).toBeGreaterThan(20);
      expect(['error', 'warning', 'info']).toContain(r.severity);
    }
  });
});
