import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDesigns } from '../../../src/eda/diff/index.js';
import type { Design } from '../../../src/eda/model/design.js';
import { parseDesignText } from '../../../src/eda/parse/index.js';

const FIXTURES = path.resolve(process.cwd(), 'fixtures/designs');
const CORPUS = path.resolve(process.cwd(), '../shared/corpus/zaptrace/designs');
const tiny = (): Design => parseDesignText(readFileSync(path.join(FIXTURES, 'tiny-led.yaml'), 'utf8')).design;
const clone = (d: Design): Design => structuredClone(d);

describe('diffDesigns', () => {
  it('a design against itself (and a deep copy) is identical with empty lists', () => {
    const a = tiny();
    const d = diffDesigns(a, clone(a));
    expect(d.identical).toBe(true);
    expect(Object.values(d.summary).every((n) => n === 0)).toBe(true);
    expect(d.routing.tracks).toEqual({ before: 1, after: 1 });
    expect(d.routing.length_mm).toEqual({ before: 8, after: 8 });
  });

  it('node order within a net does not count as a change', () => {
    const a = tiny();
    const b = clone(a);
    b.nets.GND!.nodes.reverse();
    expect(diffDesigns(a, b).identical).toBe(true);
  });

  it('component added, removed and changed (fields old → new, pins)', () => {
    const a = tiny();
    const b = clone(a);
    b.components.r1!.value = '470';
    b.components.r1!.pins['1']!.type = 'input';
    b.components.d1!.pins.TP = { name: 'TP', type: 'passive', number: null, description: '' };
    delete b.components.j1;
    b.components.c9 = { ...structuredClone(a.components.r1!), id: 'c9', ref: 'C9', type: 'capacitor', value: '100n' };
    delete b.placement.j1;
    const d = diffDesigns(a, b);
    expect(d.identical).toBe(false);
    expect(d.components.added).toEqual([{ id: 'c9', ref: 'C9', type: 'capacitor', value: '100n' }]);
    expect(d.components.removed).toEqual([{ id: 'j1', ref: 'J1', type: 'connector', value: null }]);
    expect(d.components.changed).toEqual([
      { id: 'd1', ref: 'D1', fields: [], pins_added: ['TP'], pins_removed: [], pins_changed: [] },
      {
        id: 'r1',
        ref: 'R1',
        fields: [{ field: 'value', from: '330', to: '470' }],
        pins_added: [],
        pins_removed: [],
        pins_changed: [{ pin: '1', fields: [{ field: 'type', from: 'passive', to: 'input' }] }],
      },
    ]);
    expect(d.placement.removed.map((p) => p.ref)).toEqual(['J1']);
    expect(d.summary).toMatchObject({ components_added: 1, components_removed: 1, components_changed: 2, placements_changed: 1 });
  });

  it('nets: renamed, changed with nodes shown as REF.PIN, added and removed; id change with the same nodes is a rename', () => {
    const a = tiny();
    const b = clone(a);
    b.nets.VCC_5V!.name = '+5V';
    b.nets.LED_A!.nodes = [{ component: 'r1', pin: '2' }];
    b.nets.LED_K = { id: 'LED_K', name: 'LED_K', type: 'signal', nodes: [{ component: 'd1', pin: 'A' }], class: null, constraints: {} };
    const gnd = b.nets.GND!;
    delete b.nets.GND;
    b.nets.GROUND = { ...gnd, id: 'GROUND', name: 'GROUND' };
    b.routing.tracks = [];
    const d = diffDesigns(a, b);
    expect(d.nets.renamed).toEqual([
      { from_id: 'GND', to_id: 'GROUND', from_name: 'GND', to_name: 'GROUND' },
      { from_id: 'VCC_5V', to_id: 'VCC_5V', from_name: 'VCC_5V', to_name: '+5V' },
    ]);
    expect(d.nets.changed).toEqual([{ id: 'LED_A', name: 'LED_A', fields: [], nodes_added: [], nodes_removed: ['D1.A'] }]);
    expect(d.nets.added).toEqual([{ id: 'LED_K', name: 'LED_K', nodes: ['D1.A'] }]);
    expect(d.nets.removed).toEqual([]);
    expect(d.routing.nets).toEqual([
      {
        net: 'LED_A',
        name: 'LED_A',
        tracks_before: 1,
        tracks_after: 0,
        vias_before: 0,
        vias_after: 0,
        length_before_mm: 8,
        length_after_mm: 0,
        geometry_changed: true,
      },
    ]);
  });

  it('board, placement moves and routing geometry; float noise under 1 nm ignored', () => {
    const a = tiny();
    const b = clone(a);
    b.board.layers = 4;
    b.board.width_mm = 35;
    b.placement.r1 = { x_mm: 14 + 1e-9, y_mm: 10, rotation_deg: 0, side: 'top' };
    b.placement.d1 = { x_mm: 24, y_mm: 12, rotation_deg: 90, side: 'top' };
    b.routing.tracks[0] = { ...b.routing.tracks[0]!, end: [23, 12] };
    const d = diffDesigns(a, b);
    expect(d.board).toEqual([
      { field: 'layers', from: 2, to: 4 },
      { field: 'width_mm', from: 30, to: 35 },
    ]);
    expect(d.placement.moved.map((m) => [m.ref, m.fields.map((f) => f.field)])).toEqual([['D1', ['rotation_deg', 'y_mm']]]);
    expect(d.routing.nets).toHaveLength(1);
    expect(d.routing.nets[0]!.length_after_mm).toBeCloseTo(Math.hypot(8, 2), 6);
    // Same counts, different geometry: still reported
    expect(d.routing.tracks).toEqual({ before: 1, after: 1 });
  });

  it('components matched by ref when ids differ; the id change is a field', () => {
    const a = tiny();
    const b = clone(a);
    const r1 = b.components.r1!;
    delete b.components.r1;
    b.components.R1 = { ...r1, id: 'R1' };
    for (const net of Object.values(b.nets)) for (const n of net.nodes) if (n.component === 'r1') n.component = 'R1';
    b.placement.R1 = b.placement.r1!;
    delete b.placement.r1;
    const d = diffDesigns(a, b);
    expect(d.components.added).toEqual([]);
    expect(d.components.changed).toEqual([
      { id: 'R1', ref: 'R1', fields: [{ field: 'id', from: 'r1', to: 'R1' }], pins_added: [], pins_removed: [], pins_changed: [] },
    ]);
    expect(d.nets.changed).toEqual([]);
    expect(d.placement.moved).toEqual([]);
  });

  it('two corpus templates: deterministic, sorted, and symmetric in counts', () => {
    const load = (f: string) => parseDesignText(readFileSync(path.join(CORPUS, 'templates', f), 'utf8')).design;
    const a = load('esp32_i2c_sensor.yaml');
    const b = load('esp32_ble_node.yaml');
    const ab = diffDesigns(a, b);
    expect(JSON.stringify(diffDesigns(a, b))).toBe(JSON.stringify(ab));
    const ba = diffDesigns(b, a);
    expect(ab.summary.components_added).toBe(ba.summary.components_removed);
    expect(ab.summary.nets_added).toBe(ba.summary.nets_removed);
    expect(ab.components.added.map((c) => c.ref)).toEqual(['R3', 'U4']);
    const ids = ab.nets.changed.map((n) => n.id);
    expect(ids).toEqual([...ids].sort());
    const gnd = ab.nets.changed.find((n) => n.id === 'GND')!;
    expect(gnd.nodes_added).toEqual(['U4.VSS']);
    expect(ab.meta.map((f) => f.field)).toEqual(['description', 'name', 'tags']);
  });
});
