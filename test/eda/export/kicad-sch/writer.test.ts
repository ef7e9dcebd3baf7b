import { describe, expect, it } from 'vitest';
import { writeKicadSch, KICAD_SCH_VERSION, labelSafe, netLabels } from '../../../../src/eda/export/kicad-sch/index.js';
import { padNumberOf } from '../../../../src/eda/model/design.js';
import { buildNetlist } from '../../../../src/eda/erc/netlist.js';
import { child, children, text } from './sexpr-read.js';
import { labelsAtPin, near, readSheet } from './structure.js';
import { allPinTypes, cleanBoard, groundStrap, hostile, shorted, manyParts, outputRail, tinyLed, twoOutputs, unsourced } from './fixtures.js';

const onGrid = (v: number) => Math.abs(v / 1.27 - Math.round(v / 1.27)) < 1e-6;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('writeKicadSch: file shape', () => {
  it('writes a KiCad 9 schematic header, lib symbols and one instance per component', () => {
    const d = tinyLed();
    const sheet = readSheet(writeKicadSch(d, { project: 'tiny' }));
    const root = sheet.root;
    expect(root[0]).toBe('kicad_sch');
    // The newest schematic version KiCad 9 loads (shared/spec/facts.md).
    expect(child(root, 'version')?.[1]).toBe('20250114');
    expect(KICAD_SCH_VERSION).toBe(20250114);
    expect(text(child(root, 'generator')?.[1])).toBe('zaptrace');
    const placed = children(root, 'symbol');
    const refs = placed.map((s) => text(children(s, 'property').find((p) => text(p[1]) === 'Reference')?.[2]));
    expect(refs.filter((r) => !r.startsWith('#')).sort()).toEqual(['D1', 'J1', 'R1']);
    // Every placed symbol's lib_id is embedded, and its instance names the project and the root sheet.
    const libIds = new Set(children(child(root, 'lib_symbols')!, 'symbol').map((s) => text(s[1])));
    const rootUuid = text(child(root, 'uuid')?.[1]);
    for (const s of placed) {
      expect(libIds.has(text(child(s, 'lib_id')?.[1]))).toBe(true);
      const proj = child(child(s, 'instances')!, 'project')!;
      expect(text(proj[1])).toBe('tiny');
      expect(text(child(proj, 'path')?.[1])).toBe(`/${rootUuid}`);
    }
    // Value and Footprint fields come from the design.
    const r1 = placed.find((s) => children(s, 'property').some((p) => text(p[1]) === 'Reference' && text(p[2]) === 'R1'))!;
    const prop = (k: string) => text(children(r1, 'property').find((p) => text(p[1]) === k)?.[2]);
    expect(prop('Value')).toBe('330');
    expect(prop('Footprint')).toBe('R_0603');
    expect(child(r1, 'dnp')?.[1]).toBe('no');
    // A do-not-populate part stays in the schematic, marked as such.
    const dnp = readSheet(writeKicadSch({ ...d, components: { ...d.components, r1: { ...d.components.r1!, dnp: true } } }));
    const r1Dnp = children(dnp.root, 'symbol').find((s) => children(s, 'property').some((p) => text(p[1]) === 'Reference' && text(p[2]) === 'R1'))!;
    expect(child(r1Dnp, 'dnp')?.[1]).toBe('yes');
  });

  it('is deterministic, with unique well-formed UUIDs that depend on the design name', () => {
    const d = cleanBoard();
    const a = writeKicadSch(d);
    expect(writeKicadSch(d)).toBe(a);
    const sheet = readSheet(a);
    expect(sheet.uuids.length).toBeGreaterThan(50);
    expect(new Set(sheet.uuids).size).toBe(sheet.uuids.length);
    for (const u of sheet.uuids) expect(u).toMatch(UUID_RE);
    const renamed = readSheet(writeKicadSch({ ...d, meta: { ...d.meta, name: 'other' } }));
    expect(renamed.uuids.filter((u) => sheet.uuids.includes(u))).toEqual([]);
  });

  it('puts every pin end, wire end, label and no-connect flag on the 1.27 mm grid', () => {
    for (const d of [tinyLed(), cleanBoard(), hostile(), manyParts(30)]) {
      const s = readSheet(writeKicadSch(d));
      const pts = [...s.pins.map((p) => [p.x, p.y]), ...s.wires.flatMap(([a, b, c, e]) => [[a, b], [c, e]]), ...s.labels.map((l) => [l.x, l.y]), ...s.noConnects.map((n) => [n.x, n.y])];
      expect(pts.length).toBeGreaterThan(4);
      for (const [x, y] of pts) {
        expect(onGrid(x!)).toBe(true);
        expect(onGrid(y!)).toBe(true);
      }
    }
  });
});

describe('writeKicadSch: connectivity', () => {
  it('gives every pin on a net a wire to a label with the net name, and unconnected pins a no-connect flag', () => {
    let connected = 0;
    let open = 0;
    for (const d of [cleanBoard(), allPinTypes(), hostile(), shorted()]) {
      const s = readSheet(writeKicadSch(d));
      const labels = netLabels(d);
      const nl = buildNetlist(d);
      for (const comp of nl.components) {
        for (const pin of comp.pins.values()) {
          const declared = comp.component.pins[pin.name];
          const sp = s.pins.find((p) => p.ref === comp.ref && p.name === pin.name)!;
          expect(sp.number).toBe(declared ? padNumberOf(declared) : pin.name);
          const got = labelsAtPin(s, sp);
          expect(got).toEqual(pin.nets.map((n) => labels.get(n.id)!).sort());
          const flagged = s.noConnects.some((n) => near(n.x, sp.x) && near(n.y, sp.y));
          expect(flagged).toBe(pin.nets.length === 0);
          if (pin.nets.length > 0) connected++;
          else open++;
        }
      }
    }
    expect(connected).toBeGreaterThan(20);
    expect(open).toBeGreaterThan(0);
  });

  it('keeps pins of different symbols apart (no two connection points coincide)', () => {
    const s = readSheet(writeKicadSch(manyParts(40)));
    const keys = s.pins.map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('maps each of our pin types to its KiCad electrical type', () => {
    const s = readSheet(writeKicadSch(allPinTypes()));
    const got = Object.fromEntries(s.pins.filter((p) => p.ref === 'U1').map((p) => [p.name, p.electrical]));
    expect(got).toEqual({
      POWER_IN: 'power_in',
      POWER_OUT: 'power_out',
      INPUT: 'input',
      OUTPUT: 'output',
      BIDIRECTIONAL: 'bidirectional',
      TRISTATE: 'tri_state',
      PASSIVE: 'passive',
      OPEN_COLLECTOR: 'open_collector',
      OPEN_EMITTER: 'open_emitter',
      NO_CONNECT: 'no_connect',
      UNSPECIFIED: 'unspecified',
    });
  });
});

describe('writeKicadSch: power flags', () => {
  const flaggedNets = (sch: string) => {
    const s = readSheet(sch);
    return s.pins.filter((p) => p.libId === 'zaptrace:PWR_FLAG').map((p) => labelsAtPin(s, p)).flat().sort();
  };

  it('flags supplied nets whose power inputs have no power output (connector power pins, ground)', () => {
    expect(flaggedNets(writeKicadSch(tinyLed()))).toEqual(['GND', 'VCC_5V']);
  });

  it('does not flag a net that already has a power output, nor one nothing supplies', () => {
    // twoOutputs: VCC_3V3 comes from the LDO's power_out pin; VIN_5V and GND come from a terminal block.
    const flagged = flaggedNets(writeKicadSch(twoOutputs()));
    expect(flagged).not.toContain('VCC_3V3');
    expect(flagged).toContain('GND');
    expect(flaggedNets(writeKicadSch(unsourced()))).toEqual(['GND']);
  });

  it('writes a regulator output typed `output` as power_out (a PWR_FLAG beside an output is itself a pin-to-pin error)', () => {
    const s = readSheet(writeKicadSch(outputRail()));
    expect(s.pins.find((p) => p.ref === 'U2' && p.name === 'VOUT')?.electrical).toBe('power_out');
    expect(s.pins.find((p) => p.ref === 'U3' && p.name === 'VDD')?.electrical).toBe('power_in');
    expect(flaggedNets(writeKicadSch(outputRail()))).not.toContain('VCC_1V8');
  });

  it('always flags ground and writes an output strapped to it (LIS3DH SDO/SA0) as passive', () => {
    const sch = writeKicadSch(groundStrap());
    expect(flaggedNets(sch)).toContain('GND');
    const s = readSheet(sch);
    expect(s.pins.find((p) => p.ref === 'U4' && p.name === 'SDO')?.electrical).toBe('passive');
    expect(s.pins.find((p) => p.ref === 'U4' && p.name === 'GND')?.electrical).toBe('power_in');
  });
});

describe('writeKicadSch: hostile strings and sizing', () => {
  it('round-trips refs, values, footprints and pin names exactly and makes net labels safe and distinct', () => {
    const d = hostile();
    const sch = writeKicadSch(d);
    const s = readSheet(sch);
    const refs = new Set(s.pins.map((p) => p.ref));
    expect(refs).toEqual(new Set(['R"1) (kicad_sch\\', 'C\u00b5 1', 'J1']));
    const values = children(s.root, 'symbol').map((sy) => text(children(sy, 'property').find((p) => text(p[1]) === 'Value')?.[2]));
    expect(values).toContain('10k")\n(uuid');
    expect(s.pins.map((p) => p.name)).toEqual(expect.arrayContaining(['"p1', 'p2)']));
    expect(text(child(child(s.root, 'title_block')!, 'title')?.[1])).toBe('evil") (paper "A0');
    const labels = [...new Set(s.labels.map((l) => l.text))].sort();
    expect(labels).toHaveLength(4);
    for (const l of labels) expect(l).toMatch(/^[\p{L}\p{N}_+\-.#]+$/u);
    expect(labelSafe('D[0..7]')).toBe('D_0..7_');
    expect(netLabels(d).get('n1')).not.toBe(netLabels(d).get('n2'));
  });

  it('picks a larger sheet for a larger design', () => {
    const small = readSheet(writeKicadSch(tinyLed())).paper;
    const big = readSheet(writeKicadSch(manyParts(60))).paper;
    expect(small).toEqual(['A4']);
    expect(['A2', 'A1', 'A0']).toContain(big[0]);
  });
});
