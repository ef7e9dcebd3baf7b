import { describe, expect, it } from 'vitest';
import { runDrc } from '../../src/eda/drc/index.js';
import { geometryOf, makeDesign } from '../eda/drc/fixtures.js';

/**
 * Defect: the neck-down exemption of DRC_TRACK_WIDTH (src/eda/drc/class-widths.ts isNeck) accepts a
 * narrow class track whose centre line lies inside the UNION of its own net's pad boxes grown by
 * 1.5 mm, wherever along it those pads are. A power bus passing a row of its own pads (eight
 * resistors 3.2 mm apart, each with a VCC_3V3 pad: pull-ups, LED anodes, a decoupling row) can
 * then run 22.4 mm at 0.2 mm in a 0.4 mm class and is never reported, although the router's neck
 * reaches only 1 mm from the one pad a track enters (route/core.ts NECK_REACH_MM). The same track
 * with the row's middle pads on another net is reported.
 */
const res = (i: number) => ({ id: `r${i}`, ref: `R${i}`, type: 'resistor', value: '10k', footprint: 'R0603', pins: { '1': { name: '1', type: 'passive' }, '2': { name: '2', type: 'passive' } } });
const N = 8;
const X0 = 5;
const PITCH = 3.2;

function row(middleOnVcc: boolean) {
  const ids = Array.from({ length: N }, (_, i) => i + 1);
  const onVcc = (i: number) => middleOnVcc || i === 1 || i === N;
  return makeDesign({
    board: { width_mm: 40, height_mm: 20, layers: 2, min_trace_width_mm: 0.15 },
    components: Object.fromEntries(ids.map((i) => [`r${i}`, res(i)])),
    nets: {
      vcc: { id: 'vcc', name: 'VCC_3V3', class: 'power', nodes: ids.filter(onVcc).map((i) => ({ component: `r${i}`, pin: '2' })) },
      ...Object.fromEntries(ids.map((i) => [`s${i}`, { id: `s${i}`, name: `S${i}`, nodes: [{ component: `r${i}`, pin: '1' }, ...(onVcc(i) ? [] : [{ component: `r${i}`, pin: '2' }])] }])),
    },
    net_classes: { power: { track_width_mm: 0.4, clearance_mm: 0.2, via_diameter_mm: 0.6, via_drill_mm: 0.3, nets: [] } },
    placement: Object.fromEntries(ids.map((i) => [`r${i}`, { x_mm: X0 + (i - 1) * PITCH, y_mm: 10, rotation_deg: 0, side: 'top' }])),
    routing: {
      tracks: [
        // one long 0.2 mm bus 1.2 mm above the row, from above R1 pad 2 to above R8 pad 2, with stubs down to the end pads
        { net: 'vcc', layer: 'F.Cu', start: [X0 + 0.8, 10], end: [X0 + 0.8, 11.2], width_mm: 0.4 },
        { net: 'vcc', layer: 'F.Cu', start: [X0 + 0.8, 11.2], end: [X0 + (N - 1) * PITCH + 0.8, 11.2], width_mm: 0.2 },
        { net: 'vcc', layer: 'F.Cu', start: [X0 + (N - 1) * PITCH + 0.8, 11.2], end: [X0 + (N - 1) * PITCH + 0.8, 10], width_mm: 0.4 },
      ],
      vias: [],
    },
  });
}

const widthFindings = (middleOnVcc: boolean) => {
  const d = row(middleOnVcc);
  return runDrc(d, geometryOf(d)).findings.filter((f) => f.rule_id === 'DRC_TRACK_WIDTH');
};

describe('review: the neck-down exemption of net-class widths', () => {
  it('control: the 22.4 mm, 0.2 mm bus is reported when only its end pads are on VCC_3V3', () => {
    expect(widthFindings(false).map((f) => f.measured_mm)).toEqual([0.2]);
  });
  // Was a defect: the bus was exempt as a "neck" when it passed its own net's pads; a neck must now enter the pads it is judged by.
  it('reports the same bus when it passes a row of its own pads', () => {
    expect(widthFindings(true).map((f) => f.measured_mm)).toEqual([0.2]);
  });
});
