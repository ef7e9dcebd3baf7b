import { describe, expect, it } from 'vitest';
import { buildBoardGeometry } from '../../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import { runDrc } from '../../../src/eda/drc/index.js';
import { writeKicadPcb, writeKicadPro } from '../../../src/eda/export/kicad/index.js';
import { kicadFigures, requireKicadOrSkip, runKicadDrc } from '../../helpers/kicad-cli.js';
import { makeDesign } from './test-footprints.js';

/**
 * USB-C 16P draws A1/B12, A4/B9, B4/A9 and B1/A12 as stacked pads on one land each. A stack is one
 * piece of copper: a net on one contact is on the other, and a stack with no net is one logical
 * pad — not two no-net pads 0 mm apart — for our DRC and for kicad-cli alike.
 */
const hasKicad = requireKicadOrSkip();

function usbBoard(pins: Record<string, { name: string; type: string; number: string | null }>, nets: Record<string, unknown>) {
  return makeDesign({
    board: { width_mm: 20, height_mm: 15, layers: 2 },
    components: { j1: { id: 'j1', ref: 'J1', type: 'usb-c', footprint: 'USB-C-16P-SMD', pins } },
    nets,
    placement: { j1: { x_mm: 10, y_mm: 7.5, rotation_deg: 0, side: 'top' } },
  });
}

describe('stacked lands', () => {
  it('a net on one contact of a stack is on the other', () => {
    const design = usbBoard({ A1: { name: 'A1', type: 'power_in', number: 'A1' } }, { gnd: { id: 'gnd', name: 'GND', type: 'ground', nodes: [{ component: 'j1', pin: 'A1' }] } });
    const pads = buildBoardGeometry(design, resolveFootprint, mapPinsToPads).pads;
    const at = (n: string) => pads.find((p) => p.padNumber === n)!;
    expect(at('A1').net).toBe('gnd');
    expect(at('B12').net).toBe('gnd');
    expect(at('B12').land).toBe('A1');
    expect(at('B1').net).toBeNull();
    expect(at('A6').land).toBeUndefined();
  });

  it('a stack with no net is one logical pad for our DRC and for kicad-cli', async () => {
    const design = usbBoard({ 'D+': { name: 'D+', type: 'bidirectional', number: null } }, { dp: { id: 'dp', name: 'USB_DP', nodes: [{ component: 'j1', pin: 'D+' }] } });
    const geometry = buildBoardGeometry(design, resolveFootprint, mapPinsToPads);
    const drc = runDrc(design, geometry);
    expect(drc.findings.filter((f) => f.rule_id === 'DRC_CLEARANCE' || f.rule_id === 'DRC_SHORT')).toEqual([]);
    const board = writeKicadPcb(design, geometry);
    // B12 is written under its land's number, A1
    expect(board.match(/\(pad "A1" smd/g)?.length).toBe(2);
    if (!hasKicad) return;
    const k = kicadFigures(await runKicadDrc(board, writeKicadPro(design)));
    expect(k.types).toEqual({});
  });

  it('two nets on one stack stay a short that DRC reports', () => {
    const design = usbBoard(
      { A1: { name: 'A1', type: 'passive', number: 'A1' }, B12: { name: 'B12', type: 'passive', number: 'B12' } },
      { a: { id: 'a', name: 'A', nodes: [{ component: 'j1', pin: 'A1' }] }, b: { id: 'b', name: 'B', nodes: [{ component: 'j1', pin: 'B12' }] } },
    );
    const drc = runDrc(design, buildBoardGeometry(design, resolveFootprint, mapPinsToPads));
    expect(drc.findings.some((f) => f.rule_id === 'DRC_SHORT' && f.nets?.includes('A') && f.nets.includes('B'))).toBe(true);
  });
});
