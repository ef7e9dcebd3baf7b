import { describe, expect, it } from 'vitest';
import { writeKicadPcb, writeKicadPro, kicadNets } from '../../../../src/eda/export/kicad/index.js';
import { twoResistors, geometryOf, makeDesign } from '../../drc/fixtures.js';

const pcbOf = (d: ReturnType<typeof makeDesign>) => writeKicadPcb(d, geometryOf(d));

/** Balanced-parenthesis check that respects quoted strings and escapes. */
function balanced(text: string): boolean {
  let depth = 0;
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0 && !inStr;
}

describe('writeKicadPcb', () => {
  it('writes a KiCad 9 header, layer table with KiCad 9 ids and numbered nets', () => {
    const text = pcbOf(twoResistors());
    expect(text.startsWith('(kicad_pcb\n  (version 20241229)\n  (generator "zaptrace")\n  (generator_version "0.1")')).toBe(true);
    expect(text).toContain('(general (thickness 1.6) (legacy_teardrops no))');
    for (const [id, name] of [[0, 'F.Cu'], [2, 'B.Cu'], [1, 'F.Mask'], [3, 'B.Mask'], [13, 'F.Paste'], [15, 'B.Paste'], [5, 'F.SilkS'], [7, 'B.SilkS'], [25, 'Edge.Cuts'], [31, 'F.CrtYd'], [29, 'B.CrtYd'], [35, 'F.Fab'], [33, 'B.Fab']] as const) {
      expect(text).toContain(`(${id} "${name}" `);
    }
    expect(text).toMatch(/\(net 0 ""\)\s*\(net 1 "A"\)\s*\(net 2 "B"\)\s*\(net 3 "SIG"\)/);
    expect(text).toContain('(segment (start 10.8 10) (end 19.2 10) (width 0.25) (layer "F.Cu") (net 3))');
    expect(text).toMatch(/\(gr_rect\s+\(start 0 0\)\s+\(end 30 20\)/);
    expect(balanced(text)).toBe(true);
  });

  it('numbers inner layers 4, 6, … and lists copper front to back', () => {
    const d = twoResistors({ board: { layers: 4 } });
    const text = pcbOf(d);
    expect(text).toMatch(/\(0 "F\.Cu" signal\) \(4 "In1\.Cu" signal\) \(6 "In2\.Cu" signal\) \(2 "B\.Cu" signal\)/);
    d.routing.vias.push({ net: 'sig', at: [15, 10], diameter_mm: 0.6, drill_mm: 0.3 });
    expect(pcbOf(d)).toContain('(via (at 15 10) (size 0.6) (drill 0.3) (layers "F.Cu" "B.Cu") (net 3))');
  });

  it('writes bottom footprints on B layers with x mirrored and absolute pad angles', () => {
    const d = makeDesign({
      components: { u1: { id: 'u1', ref: 'U1', type: 'x', footprint: 'ASYM' } },
      placement: { u1: { x_mm: 15, y_mm: 10, rotation_deg: 90, side: 'bottom' } },
    });
    const text = pcbOf(d);
    expect(text).toMatch(/\(footprint "ZapTrace:ASYM"\s+\(layer "B\.Cu"\)\s+\(at 15 10 90\)/);
    expect(text).toContain('(pad "1" smd rect (at 1.5 -0.5 90) (size 2 0.6) (layers "B.Cu" "B.Mask" "B.Paste"))');
    expect(text).toContain('(layer "B.CrtYd")');
    expect(text).toContain('(justify mirror)');
    expect(text).not.toContain('"F.Cu" "F.Mask"');
  });

  it('writes through-hole and NPTH pads with drills on all copper layers', () => {
    const d = makeDesign({
      components: { j1: { id: 'j1', ref: 'J1', type: 'c', footprint: 'HDR2' }, h1: { id: 'h1', ref: 'H1', type: 'hole', footprint: 'HOLE' } },
      nets: { n: { id: 'n', name: 'N', nodes: [{ component: 'j1', pin: '1' }] } },
      placement: { j1: { x_mm: 5, y_mm: 5, rotation_deg: 0, side: 'top' }, h1: { x_mm: 20, y_mm: 10, rotation_deg: 0, side: 'top' } },
    });
    const text = pcbOf(d);
    expect(text).toContain('(pad "1" thru_hole rect (at 0 0 0) (size 1.7 1.7) (drill 1) (layers "*.Cu" "*.Mask") (net 1 "N") (pinfunction "1"))');
    expect(text).toContain('(pad "" np_thru_hole circle (at 0 0 0) (size 3.2 3.2) (drill 3.2) (layers "*.Cu" "*.Mask"))');
    expect(text).toContain('(attr through_hole)');
  });

  it('writes a non-rectangular outline as gr_poly and pours as zones', () => {
    const d = twoResistors({ board: { outline_mm: [[0, 0], [30, 0], [30, 20], [5, 20], [0, 15]] } });
    d.copper_pours = { gnd_b: { net: 'a', layer: 'B.Cu', polygon: [[1, 1], [29, 1], [29, 19], [1, 19]] } };
    const text = pcbOf(d);
    expect(text).toMatch(/\(gr_poly\s+\(pts \(xy 0 0\) \(xy 30 0\) \(xy 30 20\) \(xy 5 20\) \(xy 0 15\)\)/);
    expect(text).toMatch(/\(zone\s+\(net 1\)\s+\(net_name "A"\)\s+\(layer "B\.Cu"\)\s+\(name "gnd_b"\)/);
    expect(pcbOf(d).includes('(zone')).toBe(true);
    expect(writeKicadPcb(d, geometryOf(d), { zones: false }).includes('(zone')).toBe(false);
  });

  it('keeps nets with the same display name apart', () => {
    const d = twoResistors({ extraNets: { b: { id: 'b', name: 'A', nodes: [{ component: 'r2', pin: '2' }] } } });
    const names = [...kicadNets(d).values()].map((n) => n.name).sort();
    expect(names).toEqual(['A#a', 'A#b', 'SIG']);
  });
});

describe('writeKicadPro', () => {
  it('carries board minimums, net classes with patterns and ignored library checks', () => {
    const d = twoResistors({ extraNets: { p: { id: 'p', name: 'VBUS', class: 'Power', nodes: [] } } });
    d.net_classes = {
      Default: { track_width_mm: 0.25, clearance_mm: 0.2, via_diameter_mm: 0.6, via_drill_mm: 0.3, nets: [] },
      Power: { track_width_mm: 0.5, clearance_mm: 0.3, via_diameter_mm: 0.8, via_drill_mm: 0.4, nets: ['PWR_*'] },
    };
    const pro = JSON.parse(writeKicadPro(d, { drc: { copperEdgeClearanceMm: 0.4 } })) as {
      board: { design_settings: { rules: Record<string, number>; rule_severities: Record<string, string> } };
      erc: { rule_severities: Record<string, string> };
      net_settings: { classes: { name: string; clearance: number; track_width: number }[]; netclass_patterns: { netclass: string; pattern: string }[] };
    };
    const ds = pro.board.design_settings;
    expect(ds.rules).toMatchObject({ min_clearance: 0.2, min_track_width: 0.15, min_via_diameter: 0.6, min_through_hole_diameter: 0.3, min_copper_edge_clearance: 0.4, min_via_annular_width: 0.1, min_hole_to_hole: 0.25 });
    expect(ds.rule_severities).toEqual({ lib_footprint_issues: 'ignore', lib_footprint_mismatch: 'ignore', hole_to_hole: 'error' });
    expect(pro.erc.rule_severities).toEqual({ lib_symbol_issues: 'ignore', footprint_link_issues: 'ignore', single_global_label: 'warning' });
    expect(pro.net_settings.classes.map((c) => [c.name, c.clearance, c.track_width])).toEqual([['Default', 0.2, 0.25], ['Power', 0.3, 0.5]]);
    expect(pro.net_settings.netclass_patterns).toEqual([{ netclass: 'Power', pattern: 'PWR_*' }, { netclass: 'Power', pattern: 'VBUS' }]);
  });
});
