import { describe, expect, it } from 'vitest';
import { parseDesignText } from '../../../src/eda/parse/index.js';
import { placeComponents } from '../../../src/eda/place/index.js';
import { hardViolations, placementReport } from '../../../src/eda/place/verify.js';
import { thermalRoleOf } from '../../../src/eda/place/part-roles.js';
import { buildBoardGeometry } from '../../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import type { Design } from '../../../src/eda/model/design.js';

/**
 * Parts recognised from their library text (docs/placement.md, "Parts that place themselves"):
 * a radio module with its antenna on board goes to an edge, antenna end out, with a copper
 * keep-out; its "-U"/external-antenna variant does not; wire-to-board connectors (JST XH, screw
 * terminal) go to an edge; a Wi-Fi/BT module is a heat source for a sensor. Judged from the placed
 * board (board geometry and placementReport, what the release gate reads).
 */
const pin = (net: string, type = 'passive', number?: string) => ({ type, net, ...(number ? { number } : {}) });
const res = (ref: string, a: string, b: string) => ({ ref, type: 'RES', value: '10k', footprint: '0603', pins: { '1': pin(a), '2': pin(b) } });

function board(module: Record<string, unknown>): Design {
  const text = JSON.stringify({
    meta: { name: 'radio-edge', description: 'radio module with wire-to-board connectors' },
    board: { width_mm: 50, height_mm: 40, layers: 2 },
    components: {
      U1: { ref: 'U1', footprint: 'ublox_NINA-W10', pins: { VCC: pin('V3V3', 'power', '36'), GND: pin('GND', 'power', '6'), IO1: pin('SDA', 'bidirectional', '1'), IO2: pin('SCL', 'bidirectional', '5') }, ...module },
      U2: { ref: 'U2', type: 'BME280', description: 'Humidity, temperature, and pressure sensor, I2C', footprint: 'BME280-LGA8', pins: { VDD: pin('V3V3', 'power', '8'), GND: pin('GND', 'power', '1'), SDI: pin('SDA', 'bidirectional', '3'), SCK: pin('SCL', 'input', '4') } },
      J1: { ref: 'J1', type: 'JST XH 3-pin', description: 'JST XH 3-pin 2.5mm battery connector', footprint: 'XH-3P', pins: { '1': pin('VBAT'), '2': pin('GND'), '3': pin('SDA') } },
      J2: { ref: 'J2', type: 'Screw terminal 2P', footprint: 'TERMINAL-2P-5MM', pins: { P1: pin('V3V3'), P2: pin('GND') } },
      R1: res('R1', 'SDA', 'V3V3'),
      R2: res('R2', 'SCL', 'V3V3'),
      R3: res('R3', 'VBAT', 'SCL'),
    },
  });
  const { design } = parseDesignText(text);
  const r = placeComponents(design, resolveFootprint, { seed: 1, mapPins: mapPinsToPads });
  expect(r.unplaced).toEqual([]);
  return { ...design, placement: r.placement, keepouts: r.keepouts };
}

const NINA = { type: 'NINA-W102 u-blox', description: 'WiFi/BT 4.2 module 2.4GHz standalone', part_id: 'ublox-nina-w102' };

function edgeGap(d: Design, ref: string): number {
  const f = buildBoardGeometry(d, resolveFootprint, mapPinsToPads).footprints.find((x) => x.ref === ref)!;
  const [x0, y0, x1, y1] = f.courtyardWorld;
  return Math.min(x0, y0, d.board.width_mm - x1, d.board.height_mm - y1);
}

describe('radio modules and wire-to-board connectors place themselves', () => {
  it('a Wi-Fi/BT module with its antenna on board sits at an edge, antenna end (+y, u-blox NINA-W10) out, with a keep-out', () => {
    const d = board(NINA);
    expect(edgeGap(d, 'U1')).toBeLessThanOrEqual(0.5 + 1e-6);
    const report = placementReport(d, resolveFootprint, mapPinsToPads);
    const antenna = report.filter((r) => r.kind === 'antenna' && r.constraint.component === 'U1');
    expect(antenna.length).toBeGreaterThan(0);
    expect(antenna.every((r) => r.hard && r.satisfied)).toBe(true);
    expect(antenna.map((r) => r.detail).join(' ')).toContain('facing out');
    expect(d.keepouts.map((k) => k.id)).toContain('placer_antenna_U1');
    // the same module moved to the middle of the board is refused (what the release gate reads)
    const middle = { ...d, placement: { ...d.placement, U1: { x_mm: 25, y_mm: 20, rotation_deg: 0 as const, side: 'top' as const } } };
    expect(hardViolations(placementReport(middle, resolveFootprint, mapPinsToPads)).map((v) => `${v.kind} ${v.constraint.component}`)).toContain('antenna U1');
  });

  it('the external-antenna variant (properties.antenna: external, or a -U type) is not bound to an edge', () => {
    for (const variant of [{ ...NINA, properties: { antenna: 'external' } }, { ...NINA, type: 'ESP32-C3-MINI-1U' }]) {
      const d = board(variant);
      expect(placementReport(d, resolveFootprint, mapPinsToPads).some((r) => r.kind === 'antenna')).toBe(false);
      expect(d.keepouts).toEqual([]);
    }
  });

  it('a JST XH battery connector and a screw terminal are hard edge connectors and placed at an edge', () => {
    const d = board(NINA);
    const report = placementReport(d, resolveFootprint, mapPinsToPads);
    for (const ref of ['J1', 'J2']) {
      expect(report.find((r) => r.kind === 'connector' && r.constraint.component === ref), ref).toMatchObject({ hard: true, satisfied: true });
      expect(edgeGap(d, ref)).toBeLessThanOrEqual(0.5 + 1e-6);
    }
  });

  it('a terminal block in a corner facing out of one of its two edges meets its constraint', () => {
    const d = board(NINA);
    // TERMINAL-2P-5MM courtyard ±5.25 x ±4.15 mm: at rotation 0 its +y side faces the bottom edge,
    // and here its courtyard is 0.5 mm from the left edge as well.
    const corner = { ...d, placement: { ...d.placement, J2: { x_mm: 5.75, y_mm: 35.35, rotation_deg: 0 as const, side: 'top' as const } } };
    const j2 = placementReport(corner, resolveFootprint, mapPinsToPads).find((r) => r.kind === 'connector' && r.constraint.component === 'J2')!;
    expect(j2.detail).toContain('bottom edge');
    expect(j2.satisfied).toBe(true);
  });

  it('the Wi-Fi/BT module is a heat source for the BME280', () => {
    const d = board(NINA);
    const thermal = placementReport(d, resolveFootprint, mapPinsToPads).filter((r) => r.kind === 'thermal' && r.constraint.component === 'U2');
    expect(thermal.map((r) => r.constraint.reason).join(' ')).toContain('heat source U1');
  });

  it('an EMI filter or threaded-insert module is no radio: not a heat source, no antenna rule', () => {
    const d = board(NINA);
    const plain = { ...d, components: { ...d.components, U1: { ...d.components['U1']!, type: 'EMI filter module', value: null, description: 'Threaded insert carrier module' } } };
    expect(thermalRoleOf(plain, 'U1')).toBeNull();
    expect(thermalRoleOf(d, 'U1')).toBe('hot');
  });
});
