import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { parseCorpusCases, parseDesignText } from '../../../src/eda/parse/index.js';
import { Design, componentByRef, type Design as DesignT } from '../../../src/eda/model/design.js';
import { isZapTraceError } from '../../../src/kernel/errors.js';

const DESIGNS = path.resolve(process.cwd(), '../shared/corpus/zaptrace/designs');
const read = (rel: string) => readFileSync(path.join(DESIGNS, rel), 'utf8');

/** True when the design has net `netName` containing the node REF.PIN. */
function hasNode(d: DesignT, netName: string, ref: string, pin: string): boolean {
  const comp = componentByRef(d, ref);
  const net = Object.values(d.nets).find((n) => n.name === netName);
  return !!comp && !!net && net.nodes.some((n) => n.component === comp.id && n.pin === pin);
}

// Counts read off the corpus files. Nets include those a pin's `net` field names but the nets
// section lacks (camera 11, motor driver 4, RS-485 node 2), which the parser creates.
const FILES: { file: string; components: number; nets: number; node: [string, string, string] }[] = [
  { file: 'analysis_fixture.yaml', components: 2, nets: 3, node: ['USB_D+', 'U1', 'DP'] },
  { file: 'esp32_i2c_sensor_node.yaml', components: 12, nets: 5, node: ['I2C_SDA', 'TP1', 'P1'] },
  { file: 'templates/attiny85_io.yaml', components: 6, nets: 5, node: ['LED_OUT', 'D1', 'ANODE'] },
  { file: 'templates/esp32_ble_node.yaml', components: 10, nets: 8, node: ['VBAT', 'U4', 'VBAT'] },
  { file: 'templates/esp32_i2c_sensor.yaml', components: 8, nets: 5, node: ['VCC_3V3', 'U3', 'OUTPUT'] },
  { file: 'templates/esp32_lora_gateway.yaml', components: 6, nets: 9, node: ['VCC_5V', 'J1', 'VBUS'] },
  { file: 'templates/esp32_power_monitor.yaml', components: 9, nets: 8, node: ['VCC_5V', 'U3', 'INPUT'] },
  { file: 'templates/esp32s3_camera.yaml', components: 5, nets: 19, node: ['CAM_D0', 'U1', 'GPIO14'] },
  { file: 'templates/nrf52840_ble_sensor.yaml', components: 7, nets: 5, node: ['VBAT', 'U3', 'VIN'] },
  { file: 'templates/rp2040_motor_driver.yaml', components: 5, nets: 11, node: ['ENC_1_A', 'U1', 'GP4'] },
  { file: 'templates/rp2040_usb_hid.yaml', components: 5, nets: 13, node: ['VCC_3V3', 'U1', 'IOVDD'] },
  { file: 'templates/stm32_rs485_node.yaml', components: 5, nets: 8, node: ['VIN', 'U2', 'INPUT'] },
  { file: 'templates/switching_regulator_module.yaml', components: 9, nets: 6, node: ['SW_NODE', 'L1', 'P1'] },
];

describe('ZapTrace corpus designs', () => {
  it.each(FILES)('$file parses with the expected counts and nodes', ({ file, components, nets, node }) => {
    const { design } = parseDesignText(read(file));
    expect(Design.safeParse(design).success).toBe(true);
    expect(Object.keys(design.components)).toHaveLength(components);
    expect(Object.keys(design.nets)).toHaveLength(nets);
    expect(hasNode(design, ...node)).toBe(true);
    // Every template has its MCU's GND pin on GND.
    if (file.startsWith('templates/')) expect(hasNode(design, 'GND', 'U1', 'GND')).toBe(true);
  });

  it.each(FILES)('$file: every node of the source nets section is in the parsed net, every pin in at most one net', ({ file }) => {
    const raw = YAML.parse(read(file)) as { nets: Record<string, { name?: string; nodes?: string[] }> };
    const { design } = parseDesignText(read(file));
    for (const [id, net] of Object.entries(raw.nets)) {
      for (const node of net.nodes ?? []) {
        const [ref, pin] = [node.slice(0, node.indexOf('.')), node.slice(node.indexOf('.') + 1)];
        expect(hasNode(design, net.name ?? id, ref, pin), `${file} ${id} ${node}`).toBe(true);
      }
    }
    const seen = new Set<string>();
    for (const net of Object.values(design.nets)) {
      for (const n of net.nodes) {
        const key = `${n.component}.${n.pin}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
        expect(design.components[n.component]?.pins[n.pin], key).toBeDefined();
      }
    }
  });

  it('maps pin types: power → power_in, regulator output stays output, others 1:1', () => {
    const { design } = parseDesignText(read('esp32_i2c_sensor_node.yaml'));
    const u3 = componentByRef(design, 'U3')!;
    expect(u3.pins.INPUT?.type).toBe('power_in');
    expect(u3.pins.OUTPUT?.type).toBe('output');
    expect(componentByRef(design, 'U1')!.pins.GPIO21?.type).toBe('bidirectional');
    expect(componentByRef(design, 'R1')!.pins.P1?.type).toBe('passive');
    expect(design.board).toMatchObject({ width_mm: 50, height_mm: 40, layers: 2 });
    expect(design.copper_pours.gnd_top).toEqual({ net: 'GND', layer: 'F.Cu', polygon: [[2, 2], [48, 2], [48, 38], [2, 38]] });
    expect(design.nets.I2C_SCL?.type).toBe('clock');
  });

  it('analysis fixture: pins inferred from nets, net constraints, traces mapped to tracks', () => {
    const { design } = parseDesignText(read('analysis_fixture.yaml'));
    expect(design.components.u1?.pins).toMatchObject({ DP: { type: 'unspecified' }, DN: { type: 'unspecified' }, VCC: { type: 'unspecified' } });
    expect(design.components.j1?.pins.DP?.type).toBe('passive'); // J = connector: passive
    expect(design.nets.usb_dp?.constraints).toEqual({ impedance_target: 90, length_match_group: 'USB', max_length_mm: 60 });
    expect(design.routing.tracks).toHaveLength(3);
    expect(design.routing.tracks[1]).toEqual({ net: 'usb_dn', layer: 'F.Cu', start: [0, 1], end: [20.4, 1], width_mm: 0.15 });
    expect(design.board).toMatchObject({ width_mm: 50, height_mm: 30, layers: 2 });
    expect(design.components.u1?.properties).toEqual({ current_a: 0.12, power_w: 0.35, theta_ja_c_per_w: 55 });
  });

  it('RS-485 template: the nets section wins over a conflicting pin net field, with a warning', () => {
    const { design, warnings } = parseDesignText(read('templates/stm32_rs485_node.yaml'));
    expect(hasNode(design, 'VIN', 'U2', 'INPUT')).toBe(true);
    expect(Object.values(design.nets).some((n) => n.name === 'VCC_5V')).toBe(false);
    expect(warnings.find((w) => w.path === 'components.U2.pins.INPUT.net')?.message).toMatch(/nets section wins/);
    expect(warnings.filter((w) => /created it/.test(w.message)).map((w) => w.path)).toEqual([
      'components.U1.pins.PB6.net',
      'components.U1.pins.PB7.net',
    ]);
  });

  it('correctness corpus: 4 inline designs in strict mode, keepouts folded in, expected kept', () => {
    const cases = parseCorpusCases(read('correctness-placement-routing-corpus.yaml'));
    expect(cases.map((c) => c.id)).toEqual([
      'edge-usb-connector',
      'decoupling-proximity',
      'obstacle-avoidance-route',
      'differential-length-match',
    ]);
    const [edge, decap, obstacle, diff] = cases;
    expect(edge!.design.constraints.placement).toEqual([
      { component: 'J1', edge: 'left', near: null, max_distance_mm: null, reason: 'USB connector must be board-edge mounted' },
    ]);
    expect(hasNode(decap!.design, 'VCC_3V3', 'C1', '1')).toBe(true);
    expect(decap!.design.components.c1?.pins['1']?.type).toBe('passive');
    expect(decap!.design.constraints.placement[0]).toMatchObject({ near: 'U1.VCC', max_distance_mm: 3 });
    expect(obstacle!.design.keepouts).toEqual([
      { id: 'center-mechanical-keepout', polygon: [[20, 20], [40, 20], [40, 40], [20, 40]], layers: [], no_tracks: true, no_vias: true, no_footprints: true },
    ]);
    expect(diff!.design.constraints.routing[0]).toMatchObject({ net: 'USB_D*', differential_pair: true, impedance_ohm: 90, length_match_mm: 0.5 });
    expect(diff!.expected).toMatchObject({ current_support: 'partial' });
    for (const c of cases) expect(c.design.board).toMatchObject({ width_mm: 100, height_mm: 80, layers: 2 });
  });

  it('rejects the negative (non-ZapTrace) design and says what is wrong and where', () => {
    let caught: unknown;
    try {
      parseDesignText(read('negative/minimal_2layer.yaml'));
    } catch (err) {
      caught = err;
    }
    expect(isZapTraceError(caught)).toBe(true);
    if (!isZapTraceError(caught)) return;
    expect(caught.code).toBe('INVALID_INPUT');
    expect(caught.details.path).toBe('components');
    expect(caught.message).toContain('components[0]: unknown key "reference"; ZapTrace components need "ref"');
    expect(caught.message).toContain('not a list');
    expect(caught.message).toContain('pin_name');
    expect(caught.message).toContain('meta.name');
  });
});
