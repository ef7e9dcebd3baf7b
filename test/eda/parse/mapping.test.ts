import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesignObject, parseDesignText } from '../../../src/eda/parse/index.js';
import { ZapTraceError } from '../../../src/kernel/errors.js';

const FIXTURES = path.resolve(process.cwd(), 'fixtures/designs');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

function error(fn: () => unknown): ZapTraceError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ZapTraceError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

const base = (over: Record<string, unknown> = {}) => ({
  meta: { name: 'T' },
  components: {
    u1: { ref: 'U1', type: 'mcu', pins: { VCC: { type: 'power' }, SDA: { type: 'bidirectional' } } },
    r1: { ref: 'R1', type: 'resistor' },
  },
  nets: { sda: { name: 'I2C_SDA', nodes: ['U1.SDA', 'R1.2'] } },
  ...over,
});

describe('fixtures', () => {
  it('tiny-led YAML and JSON give the same design, strictly', () => {
    const a = parseDesignText(fixture('tiny-led.yaml'), { strict: true });
    const b = parseDesignText(fixture('tiny-led.json'), { strict: true, format: 'json' });
    expect(b.design).toEqual(a.design);
    expect(Object.keys(a.design.components)).toEqual(['j1', 'r1', 'd1']);
    expect(a.design.nets.GND?.nodes).toEqual([
      { component: 'd1', pin: 'K' },
      { component: 'j1', pin: '2' },
    ]);
    expect(a.design.placement.r1).toEqual({ x_mm: 14, y_mm: 10, rotation_deg: 0, side: 'top' });
    expect(a.design.routing.tracks).toEqual([{ net: 'LED_A', layer: 'F.Cu', start: [15, 10], end: [23, 10], width_mm: 0.25 }]);
  });

  it('tiny-lenient: warns for each dropped ZapTrace field and each created net; strict refuses it', () => {
    const { design, warnings } = parseDesignText(fixture('tiny-lenient.yaml'));
    const paths = warnings.map((w) => w.path);
    expect(paths).toContain('blocks');
    expect(paths).toContain('supply_chain');
    expect(paths).toContain('components.r1.pins.P2.net');
    expect(design.nets.RESET?.nodes).toEqual([{ component: 'r1', pin: 'P2' }]);
    expect(design.components.c1?.pins).toEqual({
      '1': { name: '1', type: 'passive', number: null, description: '' },
      '2': { name: '2', type: 'passive', number: null, description: '' },
    });
    expect(error(() => parseDesignText(fixture('tiny-lenient.yaml'), { strict: true })).details.path).toBe('kind');
  });
});

describe('node resolution', () => {
  it('resolves by ref, then by id; object nodes too; splits at the first dot', () => {
    const d = parseDesignObject(
      base({
        components: { u1: { ref: 'U1', type: 'mcu' }, x: { ref: 'R7', type: 'resistor' } },
        nets: { n: { nodes: ['U1.PA.1', 'x.1', { component_ref: 'R7', pin_name: 2 }] } },
      }),
    ).design;
    expect(d.nets.n?.nodes).toEqual([
      { component: 'u1', pin: 'PA.1' },
      { component: 'x', pin: '1' },
      { component: 'x', pin: '2' },
    ]);
    expect(d.nets.n?.name).toBe('n');
  });

  it('unknown component, undeclared pin and ambiguous ref are INVALID_INPUT with the node path', () => {
    let e = error(() => parseDesignObject(base({ nets: { I2C_SDA: { nodes: ['U1.SDA', 'R1.1', 'U9.X'] } } })));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details.path).toBe('nets.I2C_SDA.nodes[2]');
    expect(e.message).toMatch(/unknown component "U9"/);
    e = error(() => parseDesignObject(base({ nets: { s: { nodes: ['U1.SCL'] } } })));
    expect(e.details.path).toBe('nets.s.nodes[0]');
    expect(e.message).toMatch(/"SCL" is not among U1's declared pins \(VCC, SDA\)/);
    const twins = { a: { ref: 'R1', type: 'r' }, b: { ref: 'R1', type: 'r' } };
    e = error(() => parseDesignObject(base({ components: twins, nets: { n: { nodes: ['R1.1'] } } })));
    expect(e.message).toMatch(/ambiguous.*by its id/);
    const ok = parseDesignObject(base({ components: twins, nets: { n: { nodes: ['a.1', 'b.1'] } } }));
    expect(ok.warnings.some((w) => /used by 2 components/.test(w.message))).toBe(true);
    e = error(() => parseDesignObject(base({ nets: { n: { nodes: ['U1SDA'] } } })));
    expect(e.message).toMatch(/REF\.PIN/);
  });

  it('a pin in two nets is refused; a node repeated in one net is kept once with a warning', () => {
    const e = error(() => parseDesignObject(base({ nets: { a: { nodes: ['U1.SDA'] }, b: { nodes: ['U1.SDA'] } } })));
    expect(e.details.path).toBe('nets.b.nodes[0]');
    const r = parseDesignObject(base({ nets: { a: { nodes: ['U1.SDA', 'U1.SDA'] } } }));
    expect(r.design.nets.a?.nodes).toHaveLength(1);
    expect(r.warnings[0]?.path).toBe('nets.a.nodes[1]');
  });
});

describe('strict and lenient mode', () => {
  const strictBase = { kind: 'zaptrace.design', schema_version: 1, ...base() };

  it('strict requires kind and schema_version and rejects unknown keys with their path', () => {
    expect(parseDesignObject(strictBase, { strict: true }).design.meta.name).toBe('T');
    expect(error(() => parseDesignObject(base(), { strict: true })).details.path).toBe('kind');
    const { schema_version: _dropped, ...noVersion } = strictBase;
    expect(error(() => parseDesignObject(noVersion, { strict: true })).details.path).toBe('schema_version');
    const unknown = { ...strictBase, components: { u1: { ref: 'U1', type: 'mcu', colour: 'red' } }, nets: {} };
    const e = error(() => parseDesignObject(unknown, { strict: true }));
    expect(e.details.path).toBe('components.u1');
    expect(e.message).toMatch(/unknown key "colour"/);
    expect(error(() => parseDesignObject({ ...strictBase, bogus: 1 }, { strict: true })).message).toMatch(/unknown key "bogus"/);
  });

  it('lenient warns for unknown keys and keeps going; a wrong kind or version fails in both modes', () => {
    const r = parseDesignObject(base({ bogus: 1 }));
    expect(r.warnings).toContainEqual({ path: 'bogus', message: 'unknown key ignored' });
    expect(error(() => parseDesignObject(base({ kind: 'kicad.board' }))).details.path).toBe('kind');
    expect(error(() => parseDesignObject(base({ schema_version: 2 }))).message).toMatch(/unsupported schema_version/);
  });

  it('meta.name is required unless nameHint is given', () => {
    const noName = { ...base(), meta: {} };
    expect(error(() => parseDesignObject(noName)).details.path).toBe('meta.name');
    expect(parseDesignObject(noName, { nameHint: 'from-file' }).design.meta.name).toBe('from-file');
  });

  it('zod type errors carry the field path', () => {
    const e = error(() => parseDesignObject(base({ board: { width_mm: 'wide' } })));
    expect(e.details.path).toBe('board.width_mm');
    const e2 = error(() => parseDesignObject(base({ components: { u1: { ref: 'U1', type: 'mcu', pins: { VCC: { type: 'power_rail' } } } } })));
    expect(e2.details.path).toBe('components.u1.pins.VCC.type');
  });
});

describe('board, layout and extras', () => {
  it('board defaults to ZapTrace 100 x 80 mm, 2 layers; board_def wins and adds keepouts', () => {
    expect(parseDesignObject(base()).design.board).toMatchObject({ width_mm: 100, height_mm: 80, layers: 2, outline_mm: null });
    const r = parseDesignObject(
      base({
        board: { width_mm: 40, height_mm: 30 },
        board_def: {
          width: 50,
          outline: [[0, 0], [50, 0], [50, 30], [0, 30]],
          layers: 4,
          mounting_holes: [{ position: [5, 5], diameter: 3.2 }],
          constraints: { min_trace: 0.15, via_pad: 0.5, via_hole: 0.25 },
        },
      }),
    );
    expect(r.design.board).toMatchObject({ width_mm: 50, height_mm: 30, layers: 4, min_trace_width_mm: 0.15, min_via_diameter_mm: 0.5, min_via_drill_mm: 0.25 });
    expect(r.warnings.some((w) => w.path === 'board.width_mm')).toBe(true);
    const hole = r.design.keepouts[0]!;
    expect(hole.id).toBe('mounting_hole_1');
    // every vertex at least the hole radius from the centre
    for (const [x, y] of hole.polygon) expect(Math.hypot(x - 5, y - 5)).toBeGreaterThanOrEqual(1.6 - 1e-3);
  });

  it('routing: via flag, via tuples, unknown net and wrong layer', () => {
    const routing = {
      traces: [
        { net_id: 'sda', layer: 'F.Cu', start: [0, 0], end: [5, 0], via: true, via_diameter: 0.6, via_hole: 0.3 },
        { net_id: 'I2C_SDA', layer: 'bottom', start: [5, 0], end: [5, 5] },
      ],
      vias: [[5, 5, 0.6, 0.3], [9, 9, 0.6, 0.3, 'sda'], [20, 20, 0.6, 0.3]],
      total_trace_length_mm: 10,
    };
    const r = parseDesignObject(base({ routing }));
    expect(r.design.routing.tracks.map((t) => [t.net, t.layer, t.width_mm])).toEqual([['sda', 'F.Cu', 0.2], ['sda', 'B.Cu', 0.2]]);
    expect(r.design.routing.vias.map((v) => v.at)).toEqual([[5, 0], [5, 5], [9, 9]]);
    expect(r.warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['routing.total_trace_length_mm', 'routing.vias[2]']));
    expect(error(() => parseDesignObject(base({ routing: { traces: [{ net_id: 'nope', layer: 'F.Cu', start: [0, 0], end: [1, 1] }] } }))).details.path).toBe('routing.traces[0].net_id');
    expect(error(() => parseDesignObject(base({ routing: { traces: [{ net_id: 'sda', layer: 'In1.Cu', start: [0, 0], end: [1, 1] }] } }))).message).toMatch(/not a copper layer of this 2-layer board/);
  });

  it('placement by id or ref, component position, net classes with board-derived widths', () => {
    const r = parseDesignObject(
      base({
        components: { u1: { ref: 'U1', type: 'mcu' }, r1: { ref: 'R1', type: 'resistor', position: [3, 4] } },
        nets: { vcc: { name: 'VCC', type: 'power', nodes: ['U1.VCC', 'R1.1'] }, sda: { name: 'SDA', nodes: ['U1.SDA', 'R1.2'] } },
        placement: { U1: [10, 20] },
        net_classes: { vcc: 'power_high', SDA: 'signal_low' },
      }),
    );
    expect(r.design.placement).toEqual({
      u1: { x_mm: 10, y_mm: 20, rotation_deg: 0, side: 'top' },
      r1: { x_mm: 3, y_mm: 4, rotation_deg: 0, side: 'top' },
    });
    expect(r.design.nets.vcc?.class).toBe('power_high');
    expect(r.design.net_classes.power_high).toMatchObject({ track_width_mm: 0.5, nets: ['VCC'] });
    expect(r.design.net_classes.signal_low).toMatchObject({ track_width_mm: 0.2, nets: ['SDA'] });
    expect(error(() => parseDesignObject(base({ placement: { U7: [0, 0] } }))).details.path).toBe('placement.U7');
  });

  it('component extras kept in properties; supply-chain fields dropped with a warning; numeric value read as text', () => {
    const r = parseDesignObject(
      base({
        components: {
          r1: { ref: 'R1', type: 'resistor', value: 330, lcsc_id: 'C23138', lifecycle: 'active', price_usd: 0.01, pins: { '1': 'N1', '2': null } },
        },
        nets: {},
      }),
    );
    const r1 = r.design.components.r1!;
    expect(r1.value).toBe('330');
    expect(r1.properties).toEqual({ lcsc_id: 'C23138', lifecycle: 'active' });
    expect(r.warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['components.r1.price_usd', 'components.r1.value']));
    expect(r.design.nets.N1?.nodes).toEqual([{ component: 'r1', pin: '1' }]);
    expect(r1.pins['2']?.type).toBe('passive');
  });
});
